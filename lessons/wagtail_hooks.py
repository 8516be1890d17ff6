from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from core.permission_policies import ReadOnlyPolicy
from core.spreadsheets import SafeSpreadsheetExportMixin
from courses.document_access import document_access
from courses.item_gate import item_refused
from courses.record_display import local_datetime, yes_no
from lessons import grading, learner_panels
from lessons.models import QuizAttempt, QuizAttemptGrant


@hooks.register("before_serve_document")
def serve_documents_only_where_published(document, request):
    """Serve a document only to who may see the published content that uses it
    (the rule: ``courses.document_access``)."""
    access = document_access(user=request.user, document=document)
    if access.allowed:
        return None
    if access.page is None:
        raise PermissionDenied
    return item_refused(request, page=access.page, decision=access.decision)


register_permission_policy(QuizAttempt, ReadOnlyPolicy(QuizAttempt))
register_permission_policy(QuizAttemptGrant, ReadOnlyPolicy(QuizAttemptGrant))


class QuizAttemptGrantViewSet(ModelViewSet):
    """Every grant of extra quiz attempts, read-only: grants are made from a
    learner's page (Learners → a learner → Quiz attempts)."""

    model = QuizAttemptGrant
    icon = "plus"
    menu_label = _("Extra quiz attempts")
    add_to_admin_menu = False
    form_fields = ["extra_attempts"]  # required by ModelViewSet; adding is refused
    list_display = [
        "user",
        "quiz",
        "extra_attempts",
        "reason",
        "granted_by",
        "created_at",
    ]
    list_filter = ["quiz"]
    copy_view_enabled = False


class LearnerColumn(Column):
    """The learner by name and email, never the user object's repr."""

    def get_value(self, instance):
        return learner_label(instance.user)


def learner_label(user) -> str:
    name = user.get_full_name()
    return f"{name} ({user.email})" if name else user.email


def attempt_questions(attempt: QuizAttempt) -> list[dict]:
    """Each question as drawn, its choices marked chosen and correct, and the verdict.

    Read from the snapshot, so the page shows what the learner saw even if
    the quiz was edited since.
    """
    answers = attempt.answers or {}
    questions = []
    for number, question in enumerate(attempt.snapshot or [], start=1):
        chosen = set(answers.get(question.get("id"), []))
        correct = set(question.get("correct", []))
        questions.append(
            {
                "number": number,
                "prompt": question.get("prompt", ""),
                "explanation": question.get("explanation", ""),
                "multiple": question.get("type") == "multiple",
                "choices": [
                    {
                        "text": choice.get("text", ""),
                        "chosen": choice.get("id") in chosen,
                        "correct": choice.get("id") in correct,
                    }
                    for choice in question.get("choices", [])
                ],
                "answered": bool(chosen),
                "right": grading.is_right(question, chosen),
            }
        )
    return questions


class QuizAttemptInspectView(InspectView):
    """The attempt as a marked paper: each question, the choices, the verdict."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["attempt"] = self.object
        context["learner"] = learner_label(self.object.user)
        context["questions"] = attempt_questions(self.object)
        return context


class QuizAttemptIndexView(SafeSpreadsheetExportMixin, IndexView):
    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["user"] = learner_label(item.user)
        row["passed"] = yes_no(item.passed)
        row["is_final_assessment"] = yes_no(item.is_final_assessment)
        for field in ("created_at", "submitted_at"):
            row[field] = local_datetime(getattr(item, field))
        return row


class QuizAttemptViewSet(ModelViewSet):
    """Every submitted and open quiz attempt, for the instructor (read-only)."""

    model = QuizAttempt
    icon = "tasks"
    menu_label = _("Quiz attempts")
    add_to_admin_menu = False
    form_fields = ["passed"]  # required by ModelViewSet; editing is refused
    index_view_class = QuizAttemptIndexView
    list_display = [
        LearnerColumn("user", label=_("Learner")),
        "quiz_title",
        "number",
        "score_percent",
        "passed",
        "submitted_at",
    ]
    list_filter = ["quiz", "passed", "is_final_assessment"]
    list_export = [
        "user",
        "quiz_title",
        "number",
        "question_count",
        "correct_count",
        "score_percent",
        "pass_mark",
        "passed",
        "is_final_assessment",
        "created_at",
        "submitted_at",
    ]
    export_filename = "quiz_attempts"
    inspect_view_enabled = True
    inspect_view_class = QuizAttemptInspectView
    inspect_template_name = "lessons/admin/quiz_attempt_inspect.html"
    copy_view_enabled = False

    def get_queryset(self, request):
        return QuizAttempt.objects.select_related("user")


@hooks.register("register_learner_viewsets")
def register_learning_viewsets():
    """Quiz attempts and extra attempts, under the Learners menu (courses)."""
    return [
        QuizAttemptViewSet("quiz_attempts"),
        QuizAttemptGrantViewSet("quiz_grants"),
    ]


@hooks.register("register_learner_panels")
def register_lessons_learner_panels(request, learner):
    return learner_panels.lessons_learner_panels(request, learner)


@hooks.register("register_log_actions")
def register_lessons_log_actions(actions):
    learner_panels.register_log_actions(actions)


@hooks.register("register_admin_urls")
def register_lessons_learner_urls():
    return [
        path(
            "lessons/learners/<int:pk>/quiz-attempts/grant/",
            learner_panels.quiz_attempts_grant_view,
            name="lessons_learner_quiz_attempts_grant",
        )
    ]


# Discussion --------------------------------------------------------------------
# The "Discussion" menu (moderation queue, unanswered questions), each post's
# moderation page and its actions: lessons/discussion/admin/.


@hooks.register("register_admin_viewset")
def register_discussion_viewset_group():
    from lessons.discussion.admin.viewsets import DiscussionViewSetGroup

    return DiscussionViewSetGroup()


@hooks.register("register_log_actions")
def register_discussion_log_actions(actions):
    from lessons.discussion.admin.audit import discussion_log_actions_register

    discussion_log_actions_register(actions)


@hooks.register("register_learner_panels")
def register_discussion_learner_panels(request, learner):
    from lessons.discussion.admin.panels import discussion_learner_panels

    return discussion_learner_panels(request, learner)


# Insight -----------------------------------------------------------------------
# Quiz reports (item analysis, attempts) and the admin home's figures:
# lessons/insight/ (imported lazily, so this section stands on its own).


@hooks.register("register_reports_menu_item")
def register_quiz_attempts_report_menu_item():
    from lessons.insight.menu import quiz_attempts_menu_item

    return quiz_attempts_menu_item()


@hooks.register("register_reports_menu_item")
def register_item_analysis_menu_item():
    from lessons.insight.menu import item_analysis_menu_item

    return item_analysis_menu_item()


@hooks.register("register_admin_urls")
def register_insight_report_urls():
    from lessons.insight.menu import insight_urls

    return insight_urls()


@hooks.register("construct_homepage_panels")
def add_lessons_insight_panel(request, panels):
    from lessons.insight.dashboard import lessons_panel

    panel = lessons_panel(request.user)
    if panel is not None:
        panels.append(panel)


@hooks.register("insight_learner_activity")
def quiz_attempts_activity(window):
    from lessons.insight.activity import quiz_attempts_submitted_users

    return quiz_attempts_submitted_users(window)


@hooks.register("insight_learner_activity")
def posts_activity(window):
    from lessons.insight.activity import posts_written_users

    return posts_written_users(window)
