"""The learner's accommodation-request and grievance form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, LearnerRequestKind

MESSAGE_MAX_LENGTH = 5000

MESSAGE_HELP = {
    LearnerRequestKind.ACCOMMODATION: _(
        "What gets in your way, and what would help: e.g. more time on the "
        "post-test, transcripts or documents in another format, a screen reader. "
        "You do not need to describe a diagnosis."
    ),
    LearnerRequestKind.GRIEVANCE: _(
        "What happened, when, and what you would like us to do. Say which lesson, "
        "quiz or certificate it concerns if it is about one."
    ),
}


class LearnerRequestForm(forms.Form):
    course = forms.ModelChoiceField(
        label=_("Course (optional)"),
        queryset=CoursePage.objects.none(),
        required=False,
        empty_label=_("Not about one course"),
    )
    message = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MESSAGE_MAX_LENGTH,
        error_messages={
            "required": _("Write your message: it cannot be empty."),
            "max_length": _(
                "Keep the message under %(limit_value)d characters (it has "
                "%(show_value)d). Reply to our acknowledgement email to add more."
            ),
        },
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = (
            CoursePage.objects.live().public().order_by("title")
        )
        self.fields["message"].help_text = MESSAGE_HELP[kind]

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError(_("Write your message: it cannot be empty."))
        return message
