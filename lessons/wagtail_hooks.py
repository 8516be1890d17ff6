from django.contrib.contenttypes.models import ContentType

from wagtail import hooks
from wagtail.models import ReferenceIndex

from courses.access import item_access, user_is_editor
from courses.views import item_refused
from lessons.models import LessonPage


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
