from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.license_regions import license_regions
from accounts.models import ClinicianProfile

RATINGS = [
    (5, _("5 — Strongly agree")),
    (4, _("4 — Agree")),
    (3, _("3 — Neutral")),
    (2, _("2 — Disagree")),
    (1, _("1 — Strongly disagree")),
]


def _rating(label):
    return forms.TypedChoiceField(
        label=label, choices=RATINGS, coerce=int, widget=forms.RadioSelect
    )


class EvaluationForm(forms.Form):
    """The standard CE course evaluation, plus the details the certificate prints."""

    relevance = _rating(_("The content is relevant to my practice."))
    content_quality = _rating(
        _("The content was accurate, current and well organized.")
    )
    instructor_effectiveness = _rating(_("The instructor was knowledgeable and clear."))
    hours_spent = forms.DecimalField(
        label=_("About how many hours did the course take you?"),
        min_value=0,
        max_value=500,
        decimal_places=1,
    )
    comments = forms.CharField(
        label=_("Comments (optional)"), widget=forms.Textarea, required=False
    )
    name_on_certificate = forms.CharField(
        label=_("Your name as it should print on the certificate"),
        max_length=150,
        help_text=_("Exactly as on your license, e.g. Maria L. Gómez, LCSW."),
    )
    license_type = forms.CharField(label=_("License type"), max_length=60)
    license_number = forms.CharField(label=_("License number"), max_length=60)
    license_state = forms.ChoiceField(
        label=_("License state or province"),
        choices=lambda: [("", "—"), *license_regions()],
    )

    PROFILE_FIELDS = ClinicianProfile.PRINTED_FIELDS

    def __init__(
        self,
        *args,
        objectives: list[str],
        needs_license: bool,
        evaluation_required: bool = True,
        with_profile: bool = True,
        **kwargs,
    ):
        """``evaluation_required=False`` (a course without CE hours) makes every
        evaluation answer optional, but one answer asks for all the ratings;
        ``with_profile=False`` (the certificate exists) drops the profile."""
        super().__init__(*args, **kwargs)
        self.objectives = objectives
        self.evaluation_required = evaluation_required
        for index, objective in enumerate(objectives):
            self.fields[f"objective_{index}"] = _rating(
                _("I can now: %(objective)s") % {"objective": objective}
            )
        # As the page asks them (the error summary lists errors in this order).
        self.order_fields([f"objective_{i}" for i in range(len(objectives))])
        if not evaluation_required:
            for name in self.evaluation_field_names():
                self.fields[name].required = False
        if not needs_license:
            for name in ("license_type", "license_number", "license_state"):
                self.fields[name].required = False
        if not with_profile:
            for name in self.PROFILE_FIELDS:
                del self.fields[name]

    def evaluation_field_names(self) -> list[str]:
        return [
            *(f"objective_{i}" for i in range(len(self.objectives))),
            "relevance",
            "content_quality",
            "instructor_effectiveness",
            "hours_spent",
        ]

    @property
    def with_profile(self) -> bool:
        return "name_on_certificate" in self.fields

    def has_evaluation(self) -> bool:
        """Whether the learner answered the evaluation (always, when required)."""
        data = self.cleaned_data
        return self.evaluation_required or any(
            data.get(name) not in (None, "")
            for name in [*self.evaluation_field_names(), "comments"]
        )

    def clean(self):
        cleaned = super().clean()
        if not self.evaluation_required and self.has_evaluation():
            for name in self.evaluation_field_names():
                if cleaned.get(name) in (None, "") and name not in self.errors:
                    self.add_error(
                        name,
                        _(
                            "The evaluation is optional, but once you start it, "
                            "answer this question too."
                        ),
                    )
        return cleaned

    def objective_fields(self):
        return [self[f"objective_{i}"] for i in range(len(self.objectives))]

    def evaluation_data(self) -> dict:
        data = self.cleaned_data
        return {
            "objective_ratings": {
                objective: data[f"objective_{i}"]
                for i, objective in enumerate(self.objectives)
            },
            "relevance": data["relevance"],
            "content_quality": data["content_quality"],
            "instructor_effectiveness": data["instructor_effectiveness"],
            "hours_spent": data["hours_spent"],
            "comments": data["comments"],
        }

    def profile_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.PROFILE_FIELDS}
