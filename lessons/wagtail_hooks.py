from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import ReferenceIndex
from wagtail.permissions import register_permission_policy

from core.permission_policies import ReadOnlyPolicy
from courses.access import item_access, user_is_editor
from courses.views import item_refused
from lessons.models import LessonPage, QuizAttempt, QuizAttemptGrant


@hooks.register("before_serve_document")
def serve_lesson_documents_to_learners_only(document, request):
    """A document used in a lesson is served only to who may see that lesson.

    Documents no lesson uses (a public syllabus, say) are served as usual.
    """
    if user_is_editor(request.user):
        return None
    lesson_type = ContentType.objects.get_for_model(LessonPage)
    lesson_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(content_type=lesson_type)
        .values_list("object_id", flat=True)
    )
    lessons = list(LessonPage.objects.filter(pk__in=list(lesson_ids)))
    if not lessons:
        return None
    decision = None
    for lesson in lessons:
        decision = item_access(user=request.user, page=lesson)
        if decision.allowed:
            return None
    return item_refused(request, page=lessons[0], decision=decision)


register_permission_policy(QuizAttempt, ReadOnlyPolicy(QuizAttempt))


class QuizAttemptGrantViewSet(ModelViewSet):
    """The instructor gives a learner more attempts at a quiz."""

    model = QuizAttemptGrant
    icon = "plus"
    menu_label = _("Extra quiz attempts")
    add_to_admin_menu = False
    form_fields = ["user", "quiz", "extra_attempts", "reason"]
    list_display = ["user", "quiz", "extra_attempts", "reason", "created_at"]
    list_filter = ["quiz"]
    copy_view_enabled = False


class QuizAttemptViewSet(ModelViewSet):
    """Every submitted and open quiz attempt, for the instructor (read-only)."""

    model = QuizAttempt
    icon = "tasks"
    menu_label = _("Quiz attempts")
    add_to_admin_menu = False
    form_fields = ["passed"]  # required by ModelViewSet; editing is refused
    list_display = [
        "user",
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
    copy_view_enabled = False


class LearningViewSetGroup(ViewSetGroup):
    menu_label = _("Learners")
    menu_icon = "group"
    menu_order = 250
    items = (
        QuizAttemptViewSet("quiz_attempts"),
        QuizAttemptGrantViewSet("quiz_grants"),
    )


@hooks.register("register_admin_viewset")
def register_learning_viewsets():
    return LearningViewSetGroup()
