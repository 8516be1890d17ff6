"""The actions on a learner (the page itself is ``page.py``): thin views over
services.

Each action is a POST (CSRF-checked by Django) that checks its permission,
validates a small form, calls one service, records the action in the audit
log in the same transaction, and confirms with a message. Invalid input
re-renders the learner's page with the form's errors in place.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.services import (
    email_verification_resend,
    user_deactivate,
    user_reactivate,
)
from courses.learner_admin import audit, permissions
from courses.learner_admin.forms import (
    EnrollForm,
    OptionalReasonForm,
    ReasonForm,
    ReleaseAnchorForm,
)
from courses.learner_admin.page import (
    learner_action,
    learner_for_action,
    learner_page_url,
    learner_page_with_errors,
)
from courses.learner_admin.panels import learner_display_name
from courses.models import Enrollment
from courses.services import (
    enrollment_grant_by_hand,
    enrollment_release_anchor_set,
    enrollment_restore,
    enrollment_revoke,
)


def _learner_enrollment(learner: User, enrollment_pk: int) -> Enrollment:
    return get_object_or_404(
        Enrollment.objects.select_related("course", "user"),
        pk=enrollment_pk,
        user=learner,
    )


def _change_logged(request, learner, *, change, action, reason, done, already, **data):
    """Run ``change()``; if it changed something, log ``action`` in the same
    transaction. Then say what happened (``done``) or that nothing did."""
    with transaction.atomic():
        changed = change()
        if changed:
            audit.learner_action_log(
                learner=learner, action=action, by=request.user, reason=reason, **data
            )
    if changed:
        messages.success(request, done)
    else:
        messages.info(request, already)
    return redirect(learner_page_url(learner))


@learner_action
def enroll_view(request, pk: int):
    learner = learner_for_action(request, pk, permissions.ENROLL)
    form = EnrollForm(request.POST, prefix="enroll", learner=learner)
    if not form.is_valid():
        return learner_page_with_errors(request, learner, form)
    course = form.cleaned_data["course"]
    names = {"name": learner_display_name(learner), "course": course.title}
    return _change_logged(
        request,
        learner,
        change=lambda: enrollment_grant_by_hand(user=learner, course=course)[1],
        action=audit.ENROLL,
        reason=form.cleaned_data["reason"],
        course=course.title,
        done=_("%(name)s is now enrolled in %(course)s; they will get an email.")
        % names,
        already=_("%(name)s was already enrolled in %(course)s; nothing changed.")
        % names,
    )


def _enrollment_form(request, pk: int, enrollment_pk: int, form_class, prefix: str):
    """The learner, their enrollment and the bound form of an enrollment action."""
    learner = learner_for_action(request, pk, permissions.CHANGE_ENROLLMENT)
    enrollment = _learner_enrollment(learner, enrollment_pk)
    form = form_class(request.POST, prefix=f"{prefix}-{enrollment.pk}")
    return learner, enrollment, form


@learner_action
def revoke_view(request, pk: int, enrollment_pk: int):
    learner, enrollment, form = _enrollment_form(
        request, pk, enrollment_pk, ReasonForm, "revoke"
    )
    if not form.is_valid():
        return learner_page_with_errors(request, learner, form)
    reason = form.cleaned_data["reason"]
    return _change_logged(
        request,
        learner,
        change=lambda: enrollment_revoke(enrollment=enrollment, reason=reason),
        action=audit.REVOKE,
        reason=reason,
        course=enrollment.course.title,
        done=_(
            "The enrollment in %(course)s was revoked; the learner can no longer "
            "open its lessons."
        )
        % {"course": enrollment.course.title},
        already=_("That enrollment was already revoked."),
    )


@learner_action
def restore_view(request, pk: int, enrollment_pk: int):
    learner, enrollment, form = _enrollment_form(
        request, pk, enrollment_pk, ReasonForm, "restore"
    )
    if not form.is_valid():
        return learner_page_with_errors(request, learner, form)
    return _change_logged(
        request,
        learner,
        change=lambda: enrollment_restore(enrollment=enrollment),
        action=audit.RESTORE,
        reason=form.cleaned_data["reason"],
        course=enrollment.course.title,
        done=_("The enrollment in %(course)s was restored.")
        % {"course": enrollment.course.title},
        already=_("That enrollment was already active."),
    )


def _date_text(value) -> str:
    return value.strftime("%B %-d, %Y") if value else _("the enrollment date")


@learner_action
def release_anchor_view(request, pk: int, enrollment_pk: int):
    learner, enrollment, form = _enrollment_form(
        request, pk, enrollment_pk, ReleaseAnchorForm, "anchor"
    )
    if not form.is_valid():
        return learner_page_with_errors(request, learner, form)
    anchor_on = form.cleaned_data["anchor_on"]
    previous = enrollment.release_anchor_on
    return _change_logged(
        request,
        learner,
        change=lambda: enrollment_release_anchor_set(
            enrollment=enrollment, anchor_on=anchor_on
        ),
        action=audit.RELEASE_ANCHOR,
        reason=form.cleaned_data["reason"],
        course=enrollment.course.title,
        anchor=_date_text(anchor_on),
        previous=_date_text(previous),
        done=_("The drip schedule of %(course)s now counts from %(date)s.")
        % {"course": enrollment.course.title, "date": _date_text(anchor_on)},
        already=_("The drip schedule already counted from that date."),
    )


@learner_action
def verification_resend_view(request, pk: int):
    learner = learner_for_action(request, pk, permissions.CHANGE_ACCOUNT)
    form = OptionalReasonForm(request.POST, prefix="verification")
    if not form.is_valid():
        return learner_page_with_errors(request, learner, form)
    with transaction.atomic():
        address = email_verification_resend(request=request, user=learner)
        if address is not None:
            audit.learner_action_log(
                learner=learner,
                action=audit.VERIFICATION_RESEND,
                by=request.user,
                reason=form.cleaned_data["reason"],
                email=address.email,
            )
    if address is None:
        messages.info(request, _("This learner's email address is already verified."))
    else:
        messages.success(
            request,
            _("A new verification link was sent to %(email)s.")
            % {"email": address.email},
        )
    return redirect(learner_page_url(learner))


def _account_change(request, pk: int, *, prefix, service, action, done, already):
    learner = learner_for_action(request, pk, permissions.CHANGE_ACCOUNT)
    form = ReasonForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return learner_page_with_errors(request, learner, form)
    if learner.pk == request.user.pk:
        messages.error(request, _("You cannot change your own account here."))
        return redirect(learner_page_url(learner))
    name = learner_display_name(learner)
    return _change_logged(
        request,
        learner,
        change=lambda: service(user=learner),
        action=action,
        reason=form.cleaned_data["reason"],
        done=done % {"name": name},
        already=already % {"name": name},
    )


@learner_action
def deactivate_view(request, pk: int):
    return _account_change(
        request,
        pk,
        prefix="deactivate",
        service=user_deactivate,
        action=audit.DEACTIVATE,
        done=_("%(name)s's account was deactivated and signed out everywhere."),
        already=_("%(name)s's account was already deactivated."),
    )


@learner_action
def reactivate_view(request, pk: int):
    return _account_change(
        request,
        pk,
        prefix="reactivate",
        service=user_reactivate,
        action=audit.REACTIVATE,
        done=_("%(name)s's account was reactivated; they can log in again."),
        already=_("%(name)s's account was already active."),
    )
