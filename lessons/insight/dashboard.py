"""The lessons figures on the admin home: questions waiting, quizzes to review.

"Questions waiting for an answer" (for ``lessons.view_post``): the count of
the unanswered questions list, one query.

Quizzes (for ``lessons.view_quizattempt``): the figure counts the quizzes that
have submitted attempts, linking to the item analysis, rather than the
flagged questions themselves. Flags need every first attempt's questions and
answers: at 20,000 attempts that is tens of megabytes of JSON read and tallied
for each view of the home page, in a constant number of queries but not in a
constant time. The report computes them for one quiz at a time, where the
instructor asked.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from core.dashboard import Figure, FiguresPanel
from lessons.insight.attempts import quizzes_with_attempts_count

PANEL_ORDER = 300


def lessons_figures(user) -> list[Figure]:
    """The figures ``user`` may see (none for who may see neither)."""
    figures = []
    if user.has_perm("lessons.view_post"):
        from lessons.discussion.admin.selectors import questions_unanswered_count

        waiting = questions_unanswered_count()
        figures.append(
            Figure(
                label=_("Questions waiting for an answer"),
                value=f"{waiting:,}",
                detail=(
                    _("Learners' questions in the discussion no one has answered.")
                    if waiting
                    else _("Every question has an answer.")
                ),
                url=reverse("discussion_unanswered:index"),
            )
        )
    if user.has_perm("lessons.view_quizattempt"):
        quizzes = quizzes_with_attempts_count()
        figures.append(
            Figure(
                label=_("Quizzes to review"),
                value=f"{quizzes:,}",
                detail=_(
                    "Quizzes with submitted attempts: the item analysis flags "
                    "the questions that look broken, quiz by quiz."
                ),
                url=reverse("lessons_report_item_analysis"),
            )
        )
    return figures


def lessons_panel(user) -> FiguresPanel | None:
    figures = lessons_figures(user)
    if not figures:
        return None
    return FiguresPanel(
        name="lessons-insight",
        title=_("Discussion and quizzes"),
        figures=figures,
        order=PANEL_ORDER,
    )
