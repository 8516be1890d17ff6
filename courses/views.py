from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courses.models import CoursePage, EnrollmentSource
from courses.my_learning import learner_dashboard
from courses.selectors import first_item_of
from courses.services import enrollment_grant


@login_required
def dashboard(request):
    """My learning: the courses the learner is enrolled in."""
    return TemplateResponse(
        request,
        "courses/dashboard.html",
        {"courses": learner_dashboard(user=request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def enroll(request, course_id: int):
    """Enroll in a free course. GET confirms (after sign-up or login); POST enrolls."""
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    if not course.is_free:
        messages.info(request, _("This course is paid: buy it from its page."))
        return redirect(course.url)
    if request.method == "POST":
        _enrollment, changed = enrollment_grant(
            user=request.user, course=course, source=EnrollmentSource.FREE
        )
        if changed:
            messages.success(
                request, _("You are enrolled in %(title)s.") % {"title": course.title}
            )
        first = first_item_of(course=course)
        return redirect(first.url if first else course.url)
    return TemplateResponse(request, "courses/enroll_confirm.html", {"course": course})
