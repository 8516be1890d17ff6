"""Thin views: completion buttons and the quiz's routes (called by QuizPage)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import (
    Http404,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    HttpResponseNotFound,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page

from courses.access import course_state, item_access
from courses.item_gate import item_refused
from courses.selectors import (
    course_items_complete,
    course_next_step_after,
    enrollment_certificates,
)
from lessons.models import LessonPage, QuizAttempt
from lessons.selectors import attempt_feedback, quiz_open_questions, quiz_standing
from lessons.services import (
    QuizError,
    item_uncomplete,
    quiz_attempt_start,
    quiz_attempt_submit,
)
from lessons.time_heartbeat import Beat, lesson_heartbeat
from lessons.time_on_task import LessonTimeShort, lesson_complete


@login_required
@require_POST
def item_completion(request, page_id: int):
    """Mark a lesson complete (and continue) or not complete."""
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if not isinstance(page, LessonPage):  # a quiz completes itself when passed
        return HttpResponseBadRequest(_("Only lessons are marked complete by hand."))
    decision = item_access(user=request.user, page=page)
    if not decision.allowed:
        return item_refused(request, page=page, decision=decision)
    if request.POST.get("action") == "uncomplete":
        item_uncomplete(user=request.user, page=page)
        messages.info(request, _("Marked as not complete."))
        return redirect(page.url)
    state = decision.state
    was_complete = course_items_complete(state)
    try:
        lesson_complete(user=request.user, lesson=page, course=decision.course)
    except LessonTimeShort as short:
        messages.error(
            request,
            _(
                "Not yet: this course asks you to spend at least %(required)s on "
                "this lesson before marking it complete. About %(left)s left."
            )
            % {
                "required": short.required_display,
                "left": short.left_display,
            },
        )
        return redirect(page.url)
    decision.item.completed = True  # the state was read before this completion
    if (
        state.is_enrolled
        and not state.enrollment.completed_at  # no certificate yet
        and not was_complete
        and course_items_complete(state)
    ):
        # This completion finished the course.
        messages.success(
            request,
            _(
                "You have finished the course. Next: evaluate it to receive your "
                "certificate."
            ),
        )
        return redirect(decision.course.url)  # its call to action leads there
    # Continue with the next item in tree order, now that this one is done.
    _previous, _current, next_item = decision.state.neighbours(page.pk)
    if next_item is not None:
        return redirect(next_item.page.url)
    messages.success(request, _("You have reached the end of the course."))
    return redirect(decision.course.url)


@login_required
@require_POST
def lesson_time_heartbeat(request, page_id: int):
    """The lesson page's heartbeat (static/js/time_on_task.js): no page
    routing or rendering, a few queries (``lesson_heartbeat``). 404 for a
    page that is not a lesson the learner opened in an active enrollment."""
    try:
        visible = int(request.POST.get("seconds", ""))
    except ValueError:
        return HttpResponseBadRequest()
    result = lesson_heartbeat(
        user=request.user, page_id=page_id, visible_seconds=visible
    )
    if result.beat == Beat.REFUSED:
        return HttpResponseNotFound()
    status = 429 if result.beat == Beat.THROTTLED else 200
    response = JsonResponse(
        {"credited": result.credited, "lesson_seconds": result.lesson_seconds},
        status=status,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def quiz_index(request, *, quiz):
    """The quiz: its intro, the open attempt's questions, the attempt history."""
    context = {}
    if request.user.is_authenticated:
        standing = quiz_standing(user=request.user, quiz=quiz)
        context["standing"] = standing
        if standing.open_attempt is not None:
            context["questions"] = quiz_open_questions(
                user=request.user, attempt=standing.open_attempt
            )
    return quiz.render(request, context_overrides=context)


def quiz_start(request, *, quiz):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        raise Http404
    try:
        quiz_attempt_start(user=request.user, quiz=quiz, course=quiz.course)
    except QuizError as error:
        messages.error(request, str(error))
    return redirect(quiz.url)


def quiz_submit(request, *, quiz):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        raise Http404
    attempt = QuizAttempt.objects.filter(
        user=request.user, quiz=quiz, submitted_at__isnull=True
    ).first()
    if attempt is None:
        messages.error(request, _("There is no open attempt to submit."))
        return redirect(quiz.url)
    answers = {
        question["id"]: request.POST.getlist(f"q-{question['id']}")
        for question in attempt.snapshot
    }
    try:
        attempt = quiz_attempt_submit(attempt=attempt, answers=answers)
    except QuizError as error:
        messages.error(request, str(error))
        return redirect(quiz.url)
    return redirect(
        quiz.url + quiz.reverse_subpage("quiz_attempt", args=[attempt.number])
    )


def quiz_attempt_result(request, *, quiz, number: int):
    if not request.user.is_authenticated:
        raise Http404
    attempt = QuizAttempt.objects.filter(
        user=request.user, quiz=quiz, number=number, submitted_at__isnull=False
    ).first()
    if attempt is None:
        raise Http404
    standing = quiz_standing(user=request.user, quiz=quiz)
    feedback = attempt_feedback(
        attempt=attempt, reveal=quiz.reveal_answers, has_passed=standing.has_passed
    )
    context = {"standing": standing, "attempt": attempt, "feedback": feedback}
    if attempt.passed:
        context.update(_after_passing(request, quiz=quiz))
    return quiz.render(
        request, context_overrides=context, template="lessons/quiz_result.html"
    )


def _after_passing(request, *, quiz) -> dict:
    """What a passed quiz leads to: the next item, or the evaluation or certificate."""
    decision = getattr(request, "access_decision", None)
    state = (
        decision.state
        if decision is not None and decision.state is not None
        else course_state(user=request.user, course=quiz.course)
    )
    step = course_next_step_after(
        state=state,
        page_id=quiz.pk,
        certificates=enrollment_certificates(state.enrollment),
    )
    left = state.progress_total - state.progress_done
    _previous, current, next_item = state.neighbours(quiz.pk)
    is_last = current is not None and next_item is None
    return {
        "next_step": step,
        # After the last item with required ones left, say how many are left.
        "required_left": left if is_last else 0,
    }
