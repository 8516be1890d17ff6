"""The learner's page is made of panels that each app contributes.

An app adds panels with the ``register_learner_panels`` hook: a function
taking ``(request, learner)`` and returning a list of ``LearnerPanel``
components (or of any Wagtail ``Component``). ``courses`` contributes the
profile, account, enrollments, certificates, evaluations and history;
``lessons`` the quiz attempts; ``payments`` the orders. A panel that carries an
action form reads its bound form, after a refused submission, from
``bound_forms`` (keyed by the form's prefix) so the errors show in place.
"""

from __future__ import annotations

from django.forms import Form
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import ModelLogEntry

from accounts.models import ClinicianProfile
from accounts.services import email_unverified_address
from courses.access import course_states_for_enrollments
from courses.learner_admin import permissions
from courses.learner_admin.forms import (
    EnrollForm,
    OptionalReasonForm,
    ReasonForm,
    ReleaseAnchorForm,
)
from courses.models import Certificate, CourseEvaluation, Enrollment
from courses.time_on_task import CourseTime, learner_course_times

HOOK = "register_learner_panels"


def learner_display_name(user) -> str:
    """The name on the certificate, else the full name, else the email."""
    try:
        profile = user.profile
    except ClinicianProfile.DoesNotExist:
        profile = None
    return (
        (profile.name_on_certificate if profile else "")
        or user.get_full_name()
        or user.email
    )


class LearnerPanel(Component):
    """A section of the learner's page. Subclasses set ``template_name``,
    ``heading`` and ``order`` and add their data in ``panel_context``."""

    heading: str | Promise = ""  # gettext_lazy in subclasses
    order = 100

    def __init__(self, *, request, learner):
        self.request = request
        self.learner = learner

    @property
    def dom_id(self) -> str:
        """The id of the panel's heading, which names its section: one per
        panel class (two panels may share an ``order``)."""
        return f"learner-panel-{type(self).__name__.lower()}"

    def can(self, perm: str) -> bool:
        return self.request.user.has_perm(perm)

    def form(self, form_class: type[Form], prefix: str, bound_forms, **kwargs):
        """The bound form of a refused submission, or a fresh one."""
        if prefix in bound_forms:
            return bound_forms[prefix]
        return form_class(prefix=prefix, **kwargs)

    def panel_context(self, bound_forms: dict) -> dict:
        return {}

    def get_context_data(self, parent_context=None):
        parent_context = parent_context or {}
        bound_forms = parent_context.get("bound_forms") or {}
        return {
            "panel": self,
            "heading": self.heading,
            "learner": self.learner,
            "request": self.request,
            "csrf_token": parent_context.get("csrf_token"),
            **self.panel_context(bound_forms),
        }


def learner_panels(*, request, learner) -> list[Component]:
    """Every panel contributed through the hook, in their ``order``."""
    panels: list[Component] = []
    for fn in hooks.get_hooks(HOOK):
        panels.extend(fn(request, learner) or [])
    return sorted(panels, key=lambda panel: getattr(panel, "order", 100))


def action_url(name: str, learner, *args) -> str:
    return reverse(f"learners:{name}", args=[learner.pk, *args])


# What courses contributes --------------------------------------------------------


class ProfilePanel(LearnerPanel):
    heading = _("Profile")
    order = 10
    template_name = "courses/admin/learner_panel_profile.html"

    def panel_context(self, bound_forms):
        try:
            profile = self.learner.profile
        except ClinicianProfile.DoesNotExist:
            profile = None
        return {"profile": profile}


class AccountPanel(LearnerPanel):
    heading = _("Account")
    order = 20
    template_name = "courses/admin/learner_panel_account.html"

    def panel_context(self, bound_forms):
        unverified = email_unverified_address(user=self.learner)
        may_change = self.can(permissions.CHANGE_ACCOUNT)
        context = {"unverified": unverified, "may_change": may_change}
        if may_change:
            if unverified is not None:
                context["verification_form"] = self.form(
                    OptionalReasonForm, "verification", bound_forms
                )
                context["verification_url"] = action_url(
                    "verification_resend", self.learner
                )
            if self.learner.is_active:
                context["deactivate_form"] = self.form(
                    ReasonForm, "deactivate", bound_forms
                )
                context["deactivate_url"] = action_url("deactivate", self.learner)
            else:
                context["reactivate_form"] = self.form(
                    ReasonForm, "reactivate", bound_forms
                )
                context["reactivate_url"] = action_url("reactivate", self.learner)
        return context


class EnrollmentsPanel(LearnerPanel):
    heading = _("Enrollments")
    order = 30
    template_name = "courses/admin/learner_panel_enrollments.html"

    def panel_context(self, bound_forms):
        enrollments = list(
            Enrollment.objects.filter(user=self.learner)
            .select_related("course")
            .order_by("-created_at")
        )
        states = course_states_for_enrollments(
            user=self.learner, enrollments=enrollments
        )
        may_change = self.can(permissions.CHANGE_ENROLLMENT)
        seconds = learner_course_times(user_id=self.learner.pk)
        rows = []
        for enrollment in enrollments:
            state = states[enrollment.course_id]
            row = {
                "enrollment": enrollment,
                "state": state,
                "time_on_task": CourseTime(
                    spent_seconds=seconds.get(enrollment.course_id, 0),
                    required_seconds=enrollment.course.course_time_required_seconds(),
                ),
            }
            if may_change:
                pk = enrollment.pk
                if enrollment.is_active:
                    row["revoke_form"] = self.form(
                        ReasonForm, f"revoke-{pk}", bound_forms
                    )
                    row["revoke_url"] = action_url("revoke", self.learner, pk)
                else:
                    row["restore_form"] = self.form(
                        ReasonForm, f"restore-{pk}", bound_forms
                    )
                    row["restore_url"] = action_url("restore", self.learner, pk)
                row["anchor_form"] = self.form(
                    ReleaseAnchorForm,
                    f"anchor-{pk}",
                    bound_forms,
                    initial={"anchor_on": enrollment.release_anchor_on},
                )
                row["anchor_url"] = action_url("release_anchor", self.learner, pk)
            rows.append(row)
        context = {"rows": rows}
        if self.can(permissions.ENROLL):
            context["enroll_form"] = self.form(
                EnrollForm, "enroll", bound_forms, learner=self.learner
            )
            context["enroll_url"] = action_url("enroll", self.learner)
        return context


class CertificatesPanel(LearnerPanel):
    heading = _("Certificates")
    order = 60
    template_name = "courses/admin/learner_panel_certificates.html"

    def panel_context(self, bound_forms):
        return {
            "certificates": list(
                Certificate.objects.filter(enrollment__user=self.learner).order_by(
                    "-issued_at"
                )
            )
        }


class EvaluationsPanel(LearnerPanel):
    heading = _("Course evaluations")
    order = 70
    template_name = "courses/admin/learner_panel_evaluations.html"

    def panel_context(self, bound_forms):
        return {
            "evaluations": list(
                CourseEvaluation.objects.filter(enrollment__user=self.learner)
                .select_related("enrollment__course")
                .order_by("-created_at")
            )
        }


class HistoryPanel(LearnerPanel):
    heading = _("History of actions on this learner")
    order = 1000
    template_name = "courses/admin/learner_panel_history.html"

    def panel_context(self, bound_forms):
        return {
            "entries": list(
                ModelLogEntry.objects.for_instance(self.learner)
                .select_related("user")
                .order_by("-timestamp", "-id")[:100]
            )
        }


def courses_learner_panels(request, learner) -> list[LearnerPanel]:
    return [
        panel(request=request, learner=learner)
        for panel in (
            ProfilePanel,
            AccountPanel,
            EnrollmentsPanel,
            CertificatesPanel,
            EvaluationsPanel,
            HistoryPanel,
        )
    ]
