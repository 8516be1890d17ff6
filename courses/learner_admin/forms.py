"""The small forms of the actions on a learner; each one asks why."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminDateInput

from courses.models import CoursePage

REASON_HELP = _(
    "Kept in this learner's history, e.g. 'Scholarship for the spring cohort'."
)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=200, help_text=REASON_HELP)


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=200, required=False, help_text=REASON_HELP
    )


class EnrollForm(ReasonForm):
    """Enroll by hand: only courses the learner has no enrollment in yet."""

    course = forms.ModelChoiceField(
        label=_("Course"),
        queryset=CoursePage.objects.none(),
        empty_label=_("Choose a course"),
        help_text=_(
            "Free of charge. The learner gets an email. A revoked enrollment is "
            "restored from its own row instead."
        ),
    )

    field_order = ["course", "reason"]

    def __init__(self, *args, learner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.exclude(
            enrollments__user=learner
        ).order_by("title")


class ReleaseAnchorForm(ReasonForm):
    anchor_on = forms.DateField(
        label=_("Drip counted from"),
        required=False,
        widget=AdminDateInput,
        help_text=_(
            "Lessons held back by 'open after (days)' count from this date. "
            "Leave empty to count from the day the learner enrolled."
        ),
    )

    field_order = ["anchor_on", "reason"]
