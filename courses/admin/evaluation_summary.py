"""The evaluation summary: each course's ratings and latest comments."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy

from courses.admin.reports import (
    RowsReportView,
    _today,
)
from courses.models import (
    Certificate,
    CourseEvaluation,
    CoursePage,
)


@dataclass
class EvaluationSummaryRow:
    course: str
    evaluations: int
    relevance: Decimal | None
    content_quality: Decimal | None
    instructor_effectiveness: Decimal | None
    hours_spent: Decimal | None
    comments: int
    objectives: str
    all_comments: str
    latest_comments: list[str]
    evaluations_url: str


LATEST_COMMENTS = 3
EVALUATIONS_INDEX = "ce_evaluations:index"


class LatestCommentsColumn(Column):
    """The course's latest comments, in full, and a link to read them all."""

    cell_template_name = "courses/admin/latest_comments_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["row"] = instance
        return context


def _rounded(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


class EvaluationSummaryReportView(RowsReportView):
    """Per course: how many evaluations, the average of each rating, the comments."""

    page_title = gettext_lazy("Evaluation summary")
    header_icon = "tasks"
    index_url_name = "courses_evaluation_summary"
    index_results_url_name = "courses_evaluation_summary_results"
    permission_policy = ModelPermissionPolicy(Certificate)
    permission_required = "view"
    model = CoursePage
    list_export = [
        "course",
        "evaluations",
        "relevance",
        "content_quality",
        "instructor_effectiveness",
        "hours_spent",
        "comments",
        "objectives",
        "all_comments",
    ]
    export_headings = {
        "course": gettext_lazy("Course"),
        "evaluations": gettext_lazy("Evaluations"),
        "relevance": gettext_lazy("Relevance to practice (avg)"),
        "content_quality": gettext_lazy("Content quality (avg)"),
        "instructor_effectiveness": gettext_lazy("Instructor effectiveness (avg)"),
        "hours_spent": gettext_lazy("Hours spent (avg)"),
        "comments": gettext_lazy("Comments (count)"),
        "objectives": gettext_lazy("Learning objectives met (avg)"),
        "all_comments": gettext_lazy("Comments"),
    }
    columns = [
        *(
            Column(field, label=label)
            for field, label in export_headings.items()
            if field not in ("comments", "all_comments")
        ),
        LatestCommentsColumn("latest_comments", label=gettext_lazy("Comments")),
    ]

    def get_filename(self):
        return f"evaluation-summary-{_today()}"

    def get_queryset(self):
        prefix = "enrollments__evaluation__"
        return (
            CoursePage.objects.annotate(
                evaluation_count=Count(f"{prefix}pk"),
                avg_relevance=Avg(f"{prefix}relevance"),
                avg_content_quality=Avg(f"{prefix}content_quality"),
                avg_instructor=Avg(f"{prefix}instructor_effectiveness"),
                avg_hours=Avg(f"{prefix}hours_spent"),
                comment_count=Count(
                    f"{prefix}pk", filter=~Q(**{f"{prefix}comments": ""})
                ),
            )
            .filter(evaluation_count__gt=0)
            .order_by("title")
        )

    def decorate_paginated_queryset(self, object_list):
        courses = list(object_list)
        ratings: dict[int, dict[str, list[int]]] = defaultdict(
            lambda: defaultdict(list)
        )
        comments: dict[int, list[str]] = defaultdict(list)
        for course_id, answers, comment in CourseEvaluation.objects.filter(
            enrollment__course__in=courses
        ).values_list("enrollment__course_id", "objective_ratings", "comments"):
            if comment.strip():
                comments[course_id].append(comment.strip())  # newest first
            for objective, rating in (answers or {}).items():
                try:
                    ratings[course_id][objective].append(int(rating))
                except (TypeError, ValueError):
                    continue
        return [
            EvaluationSummaryRow(
                course=course.title,
                evaluations=course.evaluation_count,
                relevance=_rounded(course.avg_relevance),
                content_quality=_rounded(course.avg_content_quality),
                instructor_effectiveness=_rounded(course.avg_instructor),
                hours_spent=_rounded(course.avg_hours),
                comments=course.comment_count,
                objectives="; ".join(
                    f"{objective}: {_rounded(sum(values) / len(values))}"
                    for objective, values in _in_course_order(
                        course, ratings[course.pk]
                    )
                ),
                all_comments="\n\n".join(comments[course.pk]),
                latest_comments=comments[course.pk][:LATEST_COMMENTS],
                evaluations_url=(
                    f"{reverse(EVALUATIONS_INDEX)}?{urlencode({'course': course.pk})}"
                ),
            )
            for course in courses
        ]


def _in_course_order(course, ratings: dict[str, list[int]]):
    """Objectives in the course's own order (the database may not keep it);
    objectives since reworded come after, alphabetically."""
    order = {str(block.value): i for i, block in enumerate(course.learning_objectives)}
    return sorted(
        ratings.items(), key=lambda pair: (order.get(pair[0], len(order)), pair[0])
    )
