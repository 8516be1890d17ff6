"""Learners file an accommodation request or a grievance (signed in only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courses.learner_request_forms import LearnerRequestForm
from courses.models import LearnerRequestKind
from courses.services import LearnerRequestRateLimited, learner_request_submit
from courses.tasks import ACCOMMODATION_POLICY_PATH, GRIEVANCE_POLICY_PATH

POLICY_PATHS = {
    LearnerRequestKind.ACCOMMODATION: ACCOMMODATION_POLICY_PATH,
    LearnerRequestKind.GRIEVANCE: GRIEVANCE_POLICY_PATH,
}


@login_required
@require_http_methods(["GET", "POST"])
def learner_request_new(request, kind: str):
    """The form; a valid POST records the request, emails an acknowledgement and
    comes back here with a confirmation. ``?course=<id>`` preselects a course."""
    if kind not in LearnerRequestKind.values:
        raise Http404
    if request.method == "POST":
        form = LearnerRequestForm(request.POST, kind=kind)
        if form.is_valid():
            try:
                learner_request_submit(
                    user=request.user,
                    kind=kind,
                    course=form.cleaned_data["course"],
                    message=form.cleaned_data["message"],
                )
            except LearnerRequestRateLimited as limited:
                form.add_error(None, str(limited))
                return _form_page(request, form, kind)
            messages.success(
                request,
                _(
                    "Thank you: we received your %(kind)s and emailed a copy to "
                    "%(email)s. A person will answer you by email."
                )
                % {
                    "kind": LearnerRequestKind(kind).label.lower(),
                    "email": request.user.email,
                },
            )
            return redirect(request.path)
    else:
        form = LearnerRequestForm(
            kind=kind, initial={"course": _course_id(request.GET.get("course"))}
        )
    return _form_page(request, form, kind)


def _form_page(request, form: LearnerRequestForm, kind: str) -> TemplateResponse:
    return TemplateResponse(
        request,
        "courses/learner_request_form.html",
        {
            "form": form,
            "kind": kind,
            "kind_label": LearnerRequestKind(kind).label,
            "is_grievance": kind == LearnerRequestKind.GRIEVANCE,
            "policy_path": POLICY_PATHS[kind],
        },
    )


def _course_id(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None
