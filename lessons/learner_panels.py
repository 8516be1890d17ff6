"""What lessons adds to a learner's page in the admin: quiz attempts, and the
form to grant extra attempts at the quizzes of the learner's courses."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.learner_admin import audit
from courses.learner_admin.forms import REASON_HELP
from courses.learner_admin.page import (
    learner_action,
    learner_for_action,
    learner_page_url,
    learner_page_with_errors,
)
from courses.learner_admin.panels import LearnerPanel, learner_display_name
from courses.models import CoursePage
from lessons.models import QuizAttempt, QuizAttemptGrant, QuizPage
from lessons.services import quiz_attempts_grant

GRANT_PERMISSION = "lessons.add_quizattemptgrant"
GRANT_ACTION = "practicum.learner.quiz_attempts"
FORM_PREFIX = "quiz_grant"


def learner_quizzes(*, learner) -> list[QuizPage]:
    """Quizzes of the courses ``learner`` is enrolled in (any status), in tree order."""
    courses = list(CoursePage.objects.filter(enrollments__user=learner))
    if not courses:
        return []
    within = Q()
    for course in courses:
        within |= Q(path__startswith=course.path)
    quizzes = list(QuizPage.objects.filter(within).order_by("path"))
    titles = {course.path: course.title for course in courses}
    for quiz in quizzes:
        quiz.course_title = next(
            (title for path, title in titles.items() if quiz.path.startswith(path)),
            "",
        )
    return quizzes


class QuizChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.course_title} — {obj.title}"


class QuizAttemptGrantForm(forms.Form):
    quiz = QuizChoiceField(
        label=gettext_lazy("Quiz"),
        queryset=QuizPage.objects.none(),
        empty_label=gettext_lazy("Choose a quiz"),
        help_text=gettext_lazy("Quizzes of the courses this learner is enrolled in."),
    )
    extra_attempts = forms.IntegerField(
        label=gettext_lazy("Extra attempts"), min_value=1, max_value=20, initial=1
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"), max_length=200, help_text=REASON_HELP
    )

    def __init__(self, *args, learner, **kwargs):
        super().__init__(*args, **kwargs)
        quizzes = learner_quizzes(learner=learner)
        field = self.fields["quiz"]
        field.queryset = QuizPage.objects.filter(pk__in=[q.pk for q in quizzes])
        # The choices keep the course titles computed above.
        field.choices = [("", field.empty_label)] + [
            (quiz.pk, field.label_from_instance(quiz)) for quiz in quizzes
        ]


class QuizAttemptsPanel(LearnerPanel):
    heading = gettext_lazy("Quiz attempts")
    order = 40
    template_name = "lessons/admin/learner_panel_quiz_attempts.html"

    def panel_context(self, bound_forms):
        context = {
            "attempts": list(
                QuizAttempt.objects.filter(user=self.learner).order_by(
                    "quiz_title", "number"
                )
            ),
            "grants": list(
                QuizAttemptGrant.objects.filter(user=self.learner)
                .select_related("quiz", "granted_by")
                .order_by("-created_at")
            ),
        }
        if self.can(GRANT_PERMISSION):
            context["grant_form"] = self.form(
                QuizAttemptGrantForm, FORM_PREFIX, bound_forms, learner=self.learner
            )
            context["grant_url"] = reverse(
                "lessons_learner_quiz_attempts_grant", args=[self.learner.pk]
            )
        return context


def lessons_learner_panels(request, learner):
    return [QuizAttemptsPanel(request=request, learner=learner)]


@learner_action
def quiz_attempts_grant_view(request, pk: int):
    """Grant a learner extra attempts at one of their quizzes, saying why."""
    learner = learner_for_action(request, pk, GRANT_PERMISSION)
    form = QuizAttemptGrantForm(request.POST, prefix=FORM_PREFIX, learner=learner)
    if not form.is_valid():
        return learner_page_with_errors(request, learner, form)
    quiz = form.cleaned_data["quiz"]
    extra = form.cleaned_data["extra_attempts"]
    reason = form.cleaned_data["reason"]
    with transaction.atomic():
        quiz_attempts_grant(
            user=learner,
            quiz=quiz,
            extra_attempts=extra,
            reason=reason,
            by=request.user,
        )
        audit.learner_action_log(
            learner=learner,
            action=GRANT_ACTION,
            by=request.user,
            reason=reason,
            quiz=quiz.title,
            extra_attempts=extra,
        )
    messages.success(
        request,
        _("%(name)s may now make %(count)s more attempt(s) at %(quiz)s.")
        % {"name": learner_display_name(learner), "count": extra, "quiz": quiz.title},
    )
    return redirect(learner_page_url(learner))


def register_log_actions(actions) -> None:
    audit.learner_log_action_register(
        actions,
        GRANT_ACTION,
        gettext_lazy("Learner: grant extra quiz attempts"),
        gettext_lazy("%(extra_attempts)s extra attempt(s) granted at %(quiz)s."),
    )
