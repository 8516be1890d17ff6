"""Bulk enroll in the Wagtail admin: upload, dry run, confirm.

Thin views over ``courses.bulk_enroll``: the upload plans the file and shows
the dry run; the confirmation carries the signed file, plans it again and
applies it only if every row is still right. Both need
``courses.add_enrollment``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.bulk_enroll import (
    MAX_ROWS,
    Plan,
    bulk_enroll_apply,
    bulk_enroll_plan,
    plan_lines,
)
from courses.bulk_enroll.forms import (
    BulkEnrollApplyForm,
    BulkEnrollForm,
    bulk_enroll_token,
)
from courses.bulk_enroll.sentences import apply_label, plan_summary, result_message

PERMISSION = "courses.add_enrollment"
EXAMPLE_CSV = """email,course,first_name,last_name
maria.gomez@example.com,mitigation-101,Maria,Gómez
dwayne.ortiz@example.com,,Dwayne,Ortiz
lee.park@example.com,Foundations of Mitigation Practice,,
"""


def _require_permission(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def bulk_enroll_view(request):
    """The upload form (GET) and the dry run of what was uploaded (POST)."""
    _require_permission(request)
    form = BulkEnrollForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        plan = bulk_enroll_plan(
            rows_text=form.cleaned_data["rows_text"],
            default_course=form.cleaned_data["default_course"],
        )
        return _dry_run(request, plan)
    return TemplateResponse(
        request,
        "courses/admin/bulk_enroll.html",
        {
            "form": form,
            "example_csv": EXAMPLE_CSV,
            "max_rows": f"{MAX_ROWS:,}",
        },
    )


@require_POST
def bulk_enroll_apply_view(request):
    """Apply a dry run the staff member confirmed, if every row is still right."""
    _require_permission(request)
    form = BulkEnrollApplyForm(request.POST, user=request.user)
    if not form.is_valid():
        for error in form.errors.get("token", [_("Upload the file again.")]):
            messages.error(request, error)
        return redirect("courses_bulk_enroll")
    payload = form.cleaned_data["token"]
    plan = bulk_enroll_plan(
        rows_text=payload["rows"], default_course=payload["default_course"]
    )
    if not plan.is_valid:
        messages.error(
            request,
            _(
                "Nothing was applied: since the dry run, some rows stopped being "
                "right. Here is what the file would do now."
            ),
        )
        return _dry_run(request, plan, status=409)
    result = bulk_enroll_apply(plan=plan, invited_by=request.user)
    messages.success(request, result_message(result))
    return redirect("courses_bulk_enroll")


def _dry_run(request, plan: Plan, *, status: int = 200):
    can_apply = plan.is_valid and bool(plan.changing_rows)
    token = (
        bulk_enroll_token(
            rows_text=plan.rows_text,
            default_course_id=plan.default_course.pk if plan.default_course else None,
            user_id=request.user.pk,
        )
        if can_apply
        else ""
    )
    upload_form = BulkEnrollForm(
        initial={"default_course": plan.default_course, "rows_text": plan.rows_text}
    )
    return TemplateResponse(
        request,
        "courses/admin/bulk_enroll_preview.html",
        {
            "plan": plan,
            "lines": list(plan_lines(plan)),
            "summary": plan_summary(plan),
            "can_apply": can_apply,
            "apply_form": BulkEnrollApplyForm(
                initial={"token": token}, user=request.user
            ),
            "apply_label": apply_label(plan),
            "form": upload_form,
            "example_csv": EXAMPLE_CSV,
            "max_rows": f"{MAX_ROWS:,}",
        },
        status=status,
    )
