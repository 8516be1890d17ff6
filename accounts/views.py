from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.forms import (
    AccountDeleteForm,
    AnnouncementEmailsForm,
    ClinicianProfileForm,
)
from accounts.services import (
    account_delete,
    email_preferences_update,
    profile_get_or_create,
    profile_update,
)


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    """The learner edits the details their certificates will print, and which
    emails they want."""
    profile = profile_get_or_create(user=request.user)
    form = ClinicianProfileForm(request.POST or None, instance=profile)
    emails_form = AnnouncementEmailsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid() and emails_form.is_valid():
        profile_update(user=request.user, data=form.cleaned_data)
        email_preferences_update(user=request.user, data=emails_form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect("profile_edit")
    return TemplateResponse(
        request,
        "accounts/profile_edit.html",
        {"form": form, "emails_form": emails_form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_delete_view(request):
    """GET explains what deletion keeps; POST with the password anonymises."""
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
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
        {"form": form, "retention_years": settings.CE_RECORD_RETENTION_YEARS},
    )
