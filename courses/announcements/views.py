"""Compose, preview, send: the instructor's announcement screens.

Thin views over :mod:`.services`. The compose form (GET) posts to itself; a
valid POST shows the preview (the message rendered as learners will read it
and the number of learners it will reach) and stores nothing. The preview's
"Send" posts the signed draft to :func:`announcement_send_view`; its "Edit"
posts the same draft back here, to the compose form filled in. All of it
needs ``courses.add_announcement``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from core.markdown import markdown_render
from courses.announcements.forms import (
    AnnouncementDraftForm,
    AnnouncementForm,
    announcement_draft_sign,
)
from courses.announcements.selectors import announcement_recipient_count
from courses.announcements.services import (
    AnnouncementAlreadySent,
    AnnouncementError,
    announcement_create,
)

PERMISSION = "courses.add_announcement"
COMPOSE_TEMPLATE = "courses/admin/announcements/compose.html"
PREVIEW_TEMPLATE = "courses/admin/announcements/preview.html"
_UNREADABLE = gettext_lazy(
    "That preview could not be read, so nothing was kept. Please write the "
    "announcement again."
)


def _require_permission(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def learners_text(count: int) -> str:
    return ngettext("%(count)s learner", "%(count)s learners", count) % {
        "count": f"{count:,}"
    }


@require_http_methods(["GET", "POST"])
def announcement_compose_view(request):
    """The compose form (GET), the preview of what was written (POST), or the
    compose form again from a preview's "Edit" (POST with the draft)."""
    _require_permission(request)
    if request.method == "GET":
        return _compose(request, AnnouncementForm())
    if "draft" in request.POST:
        form = _form_from_draft(request)
        if form is None:
            messages.error(request, _UNREADABLE)
        return _compose(request, form or AnnouncementForm())
    form = AnnouncementForm(request.POST)
    if not form.is_valid():
        return _compose(request, form)
    return _preview(request, form.cleaned_data)


@require_POST
def announcement_send_view(request):
    """Send the previewed announcement: store it and queue the emails."""
    _require_permission(request)
    draft_form = AnnouncementDraftForm(request.POST, user=request.user)
    if not draft_form.is_valid():
        for error in draft_form.errors.get("draft", []):
            messages.error(request, error)
        return _compose(request, _form_from_draft(request) or AnnouncementForm())
    draft = draft_form.cleaned_data["draft"]
    try:
        announcement = announcement_create(
            course=draft["course"],
            subject=draft["subject"],
            body=draft["body"],
            sent_by=request.user,
            draft_key=draft["key"],
        )
    except AnnouncementAlreadySent as error:
        messages.warning(request, str(error))
        return redirect("announcements:index")
    except AnnouncementError as error:
        messages.error(request, str(error))
        return _preview(request, draft, status=409)
    messages.success(
        request,
        _("Your announcement is being sent to %(learners)s.")
        % {"learners": learners_text(announcement.recipient_count)},
    )
    return redirect("announcements:index")


def _form_from_draft(request) -> AnnouncementForm | None:
    """The compose form filled in from the posted draft, however old it is;
    None if the draft is not one this person previewed."""
    draft_form = AnnouncementDraftForm(request.POST, user=request.user, max_age=None)
    if not draft_form.is_valid():
        return None
    draft = draft_form.cleaned_data["draft"]
    course = draft["course"]
    return AnnouncementForm(
        initial={
            "course": course.pk if course else None,
            "subject": draft["subject"],
            "body": draft["body"],
        }
    )


def _compose(request, form: AnnouncementForm):
    return TemplateResponse(request, COMPOSE_TEMPLATE, {"form": form})


def _preview(request, data: dict, *, status: int = 200):
    """The message as it will be sent and how many learners it reaches.

    Writes nothing; the one query that counts is the one sending will use.
    """
    course = data.get("course")
    count = announcement_recipient_count(course=course)
    learners = learners_text(count)
    return TemplateResponse(
        request,
        PREVIEW_TEMPLATE,
        {
            "course": course,
            "subject": data["subject"],
            "body_html": markdown_render(data["body"]),
            "count": count,
            "learners": learners,
            "send_label": _("Send to %(learners)s") % {"learners": learners},
            "draft_form": AnnouncementDraftForm(
                initial={
                    "draft": announcement_draft_sign(data=data, user_id=request.user.pk)
                },
                user=request.user,
            ),
        },
        status=status,
    )
