"""The compose form, and the signed draft the preview carries to "Send" or "Edit".

The draft is the composed fields signed with ``django.core.signing`` (bound to
the staff member, valid for an hour), so what is sent is what was previewed.
"""

from __future__ import annotations

import secrets

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from courses.bulk_enroll.forms import CourseChoiceField
from courses.models import CoursePage

SIGNING_SALT = "courses.announcements.draft"
SIGNED_MAX_AGE = 60 * 60  # seconds
BODY_MAX_LENGTH = 20_000

_EXPIRED = _(
    "This preview is more than an hour old, so nothing was sent. Here is your "
    "announcement again: check it and preview it once more."
)
_TAMPERED = _(
    "This confirmation does not match a preview you made. Nothing was sent: "
    "write the announcement again."
)


class AnnouncementForm(forms.Form):
    """What the instructor writes: to which course, the subject, the message."""

    course = CourseChoiceField(
        label=_("Course"),
        queryset=CoursePage.objects.order_by("title"),
        required=False,
        empty_label=_("Every course"),
        help_text=_(
            "Learners actively enrolled in this course receive it. “Every "
            "course” writes to every enrolled learner, once each. Learners who "
            "turned announcements off, and revoked enrollments, are left out."
        ),
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=150,
        help_text=_(
            "The email's subject line, e.g. “New lesson: the intake interview”."
        ),
    )
    body = forms.CharField(
        label=_("Message"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Written in Markdown: a blank line starts a new paragraph; **bold**, "
            "*italic*, [link text](https://example.com), and lists with “- ” or "
            "“1. ” at the start of a line. Headings, images and HTML are not "
            "used. You will see a preview before anything is sent."
        ),
    )

    def clean_subject(self) -> str:
        return " ".join(self.cleaned_data["subject"].split())

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write a message."), code="required")
        return body


def announcement_draft_sign(*, data: dict, user_id: int) -> str:
    """Sign the cleaned fields of :class:`AnnouncementForm` for the preview,
    with a fresh key: the announcement sent from this preview keeps it, so a
    second click on "Send" finds it and sends nothing."""
    course = data.get("course")
    return signing.dumps(
        {
            "course": course.pk if course else None,
            "subject": data["subject"],
            "body": data["body"],
            "user": user_id,
            "key": secrets.token_urlsafe(24),
        },
        salt=SIGNING_SALT,
        compress=True,
    )


class AnnouncementDraftForm(forms.Form):
    """The preview's hidden field: the signed draft, checked and unpacked into
    ``{"course": CoursePage | None, "subject": str, "body": str, "key": str}``."""

    draft = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, user, max_age: int | None = SIGNED_MAX_AGE, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.max_age = max_age  # None: any age (to edit an old preview again)

    def clean_draft(self) -> dict:
        try:
            payload = signing.loads(
                self.cleaned_data["draft"], salt=SIGNING_SALT, max_age=self.max_age
            )
        except signing.SignatureExpired:
            raise forms.ValidationError(_EXPIRED, code="expired") from None
        except signing.BadSignature:
            raise forms.ValidationError(_TAMPERED, code="tampered") from None
        if not isinstance(payload, dict) or payload.get("user") != self.user.pk:
            raise forms.ValidationError(_TAMPERED, code="tampered")
        course_id = payload.get("course")
        course = CoursePage.objects.filter(pk=course_id).first() if course_id else None
        if course_id and course is None:
            raise forms.ValidationError(
                _("The course picked for this announcement no longer exists."),
                code="course",
            )
        return {
            "course": course,
            "subject": str(payload.get("subject", "")),
            "body": str(payload.get("body", "")),
            "key": str(payload.get("key", "")),
        }
