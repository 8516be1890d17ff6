"""The small forms on a post's admin page. Hide and restore ask why: the
author reads the reason under the lesson."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

REASON_HELP = _(
    "The author sees this under the lesson, e.g. 'This names a real client; "
    "please ask again without the details.'"
)


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for hiding"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=REASON_HELP,
    )


class RestoreForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for restoring"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=REASON_HELP,
    )


class EraseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for erasing"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=REASON_HELP,
    )
    confirm = forms.BooleanField(
        label=_("I understand the text is erased for good and cannot be restored."),
    )


class DismissForm(forms.Form):
    """No fields: dismissing keeps the post up and closes its open reports."""


class AnswerForm(forms.Form):
    source = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Markdown: *emphasis*, **bold**, lists, `code`, > quotes and links. "
            "Posted under the lesson as the instructor's answer; the asker gets "
            "an email."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The length itself is checked by the service, with the count in its message.
        limit = settings.DISCUSSION_POST_MAX_LENGTH
        self.fields["source"].widget.attrs["maxlength"] = str(limit)


class MarkAnsweredForm(forms.Form):
    answered = forms.TypedChoiceField(
        choices=[("1", _("Answered")), ("0", _("Not answered"))],
        coerce=lambda value: value == "1",
        widget=forms.HiddenInput,
    )
