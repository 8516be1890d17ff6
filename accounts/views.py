from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from allauth.account.decorators import reauthentication_required

from accounts.forms import (
    AnnouncementEmailsForm,
    ClinicianProfileForm,
    DiscussionEmailsForm,
)
from accounts.services import (
    account_delete,
    profile_get_or_create,
    profile_update,
)


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    """The learner edits what their certificates print, the name shown in
    discussions, and which emails they get."""
    profile = profile_get_or_create(user=request.user)
    data = request.POST or None
    form = ClinicianProfileForm(data, instance=profile)
    emails = DiscussionEmailsForm(data, instance=request.user, prefix="emails")
    announcements = AnnouncementEmailsForm(data, instance=request.user)
    forms_valid = form.is_valid() & emails.is_valid() & announcements.is_valid()
    if request.method == "POST" and forms_valid:
        profile_update(
            user=request.user,
            data=form.cleaned_data,
            preferences={**emails.cleaned_data, **announcements.cleaned_data},
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("profile_edit")
    return TemplateResponse(
        request,
        "accounts/profile_edit.html",
        {"form": form, "emails_form": emails, "announcements_form": announcements},
    )


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True)
def account_delete_view(request):
    """GET explains what deletion keeps; POST anonymises, once the person at
    the keyboard has proved again that the account is theirs (allauth's
    reauthentication: the password, or the second factor when it is on; the
    POST resumes after it)."""
    if request.method == "POST":
        account_delete(user=request.user)
        logout(request)
        messages.success(
            request,
            _(
                "Your account has been deleted. Your certificates stay verifiable "
                "for the retention period CE approval bodies require."
            ),
        )
        return redirect("/")
    return TemplateResponse(
        request,
        "accounts/account_delete.html",
        {"retention_years": settings.CE_RECORD_RETENTION_YEARS},
    )
