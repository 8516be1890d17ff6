"""The bulk-enrollment forms: the file (uploaded or pasted), then the confirmation.

The confirmation carries the file's text signed with ``django.core.signing``
(bound to the staff member and valid for an hour), so what is applied is what
was shown; the view plans it again before applying, so a row that went bad in
between stops the run.
"""

from __future__ import annotations

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from courses.bulk_enroll import MAX_BYTES
from courses.models import CoursePage

SIGNING_SALT = "courses.bulk_enroll"
SIGNED_MAX_AGE = 60 * 60  # seconds

_TOO_LARGE = _(
    "The file is larger than 1 MB. Split it into smaller files and enroll them "
    "one at a time."
)
_EXPIRED = _(
    "This dry run is more than an hour old. Upload the file again to see what "
    "it would do now."
)
_TAMPERED = _(
    "This confirmation does not match a dry run you made. Nothing was applied: "
    "upload the file again."
)


class CourseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: CoursePage) -> str:
        if obj.live:
            return obj.title
        return _("%(title)s (draft)") % {"title": obj.title}


class BulkEnrollForm(forms.Form):
    """Upload or paste a CSV of emails, and pick the course for rows naming none."""

    csv_file = forms.FileField(
        label=_("CSV file"),
        required=False,
        help_text=_("Save the spreadsheet as “CSV UTF-8 (comma delimited)”."),
    )
    rows_text = forms.CharField(
        label=_("Or paste the rows"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        help_text=_(
            "One row per line, starting with the header line. Used only when no "
            "file is uploaded."
        ),
    )
    default_course = CourseChoiceField(
        label=_("Course"),
        queryset=CoursePage.objects.order_by("title"),
        required=False,
        empty_label=_("None: every row names its course"),
        help_text=_("Rows with an empty course column are enrolled in this course."),
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("csv_file")
        pasted = (cleaned.get("rows_text") or "").strip()
        if not upload and not pasted:
            raise forms.ValidationError(
                _("Upload a CSV file or paste its rows."), code="empty"
            )
        if upload:
            cleaned["rows_text"] = self._text_of(upload)
        elif len(pasted.encode("utf-8")) > MAX_BYTES:
            raise forms.ValidationError(_TOO_LARGE, code="too_large")
        return cleaned

    @staticmethod
    def _text_of(upload) -> str:
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_TOO_LARGE, code="too_large")
        data = upload.read()
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                _(
                    "The file is not UTF-8 text. In your spreadsheet, use "
                    "Save As… and choose “CSV UTF-8 (comma delimited)”."
                ),
                code="encoding",
            ) from None


def bulk_enroll_token(*, rows_text: str, default_course_id: int | None, user_id: int):
    """Sign what the dry run showed, for the confirmation form to carry."""
    return signing.dumps(
        {"rows": rows_text, "course": default_course_id, "user": user_id},
        salt=SIGNING_SALT,
        compress=True,
    )


class BulkEnrollApplyForm(forms.Form):
    """The confirmation: the signed file, checked and unpacked."""

    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_token(self) -> dict:
        try:
            payload = signing.loads(
                self.cleaned_data["token"], salt=SIGNING_SALT, max_age=SIGNED_MAX_AGE
            )
        except signing.SignatureExpired:
            raise forms.ValidationError(_EXPIRED, code="expired") from None
        except signing.BadSignature:
            raise forms.ValidationError(_TAMPERED, code="tampered") from None
        if not isinstance(payload, dict) or payload.get("user") != self.user.pk:
            raise forms.ValidationError(_TAMPERED, code="tampered")
        course_id = payload.get("course")
        payload["default_course"] = (
            CoursePage.objects.filter(pk=course_id).first() if course_id else None
        )
        if course_id and payload["default_course"] is None:
            raise forms.ValidationError(
                _("The course picked for this file no longer exists."), code="course"
            )
        return payload
