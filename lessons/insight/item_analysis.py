"""Quiz item analysis: how each question of a quiz performs, and which look broken.

Who is counted
    Each learner's **first submitted attempt** at the quiz (the submitted one
    with the lowest attempt number). Later attempts come after the feedback,
    which may have shown the answer, and a learner who retried five times
    would weigh five times; the first attempt is what the question measured.

For each question (the quiz's questions in their order, then any question
that attempts drew but the quiz no longer has, marked as removed):

- ``drawn``: first attempts whose questions (the attempt's snapshot) held it.
- ``correct_percent``: of those, the share answered exactly right (all or
  nothing, as :func:`lessons.grading.grade` marks it).
- the most chosen wrong answer: the choice outside the answer key chosen most
  often, with ``wrong_share``, the share of the attempts that drew the
  question which chose it (on a multiple-select question one attempt may
  choose several wrong choices; each counts). A tie goes to the choice listed
  first. Its text is the quiz's current text, or the text the attempt showed
  for a question since removed.
- ``discrimination``: the first attempts are ranked by total score (correct
  answers / questions drawn), highest first; ties are broken by the earlier
  submission, then the earlier attempt (stable, and blind to the question).
  With ``n`` learners, ``k = n // 3``: the top third is the first ``k``, the
  bottom third the last ``k``; the middle is left out. The index is
  (share right among top-third attempts that drew the question) − (the same
  among the bottom third), from −1 to 1. It is ``None`` (shown "—") with
  fewer than 3 learners, or when no top or no bottom attempt drew the
  question.

Flags (``reasons``): under ``MIN_ATTEMPTS`` attempts the question is "too few
attempts to judge" and nothing else; otherwise it is flagged when under
``LOW_CORRECT_PERCENT`` % answer it right, or when its discrimination is below
0 (the weakest learners do better on it than the strongest).

Cost: two queries whatever the number of attempts (the quiz; the first
attempts' snapshots and answers, ranked in SQL, counted by a window function,
streamed with ``iterator()`` and tallied in one pass). Memory grows with the
questions and their choices, not with the attempts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Window,
)
from django.utils.translation import gettext as _

from lessons import grading
from lessons.models import QuizAttempt, QuizPage

MIN_ATTEMPTS = 10
LOW_CORRECT_PERCENT = 30
CHUNK_SIZE = 500


@dataclass
class _Tally:
    prompt: str
    in_quiz: bool
    choices: dict[str, str] = field(default_factory=dict)  # id -> text
    drawn: int = 0
    correct: int = 0
    wrong: Counter = field(default_factory=Counter)
    top_drawn: int = 0
    top_correct: int = 0
    bottom_drawn: int = 0
    bottom_correct: int = 0


@dataclass(frozen=True)
class QuestionAnalysis:
    number: int
    prompt: str
    in_quiz: bool
    drawn: int
    correct_percent: float | None  # 0-100; None: nobody drew it
    wrong_answer: str  # "" when nobody chose a wrong answer
    wrong_share: float | None  # 0-100, of the attempts that drew the question
    discrimination: float | None  # -1 to 1
    reasons: list[str]
    too_few: bool

    @property
    def flagged(self) -> bool:
        return bool(self.reasons) and not self.too_few

    @property
    def verdict(self) -> str:
        if self.too_few:
            return _("Too few attempts to judge")
        return _("Review this question") if self.flagged else _("Looks fine")


@dataclass(frozen=True)
class ItemAnalysis:
    quiz_id: int | None
    quiz_title: str
    learners: int  # first submitted attempts counted
    questions: list[QuestionAnalysis]

    @property
    def flagged_count(self) -> int:
        return sum(question.flagged for question in self.questions)


def first_submitted_attempts(*, quiz_id: int):
    """Each learner's first submitted attempt at the quiz, as a queryset."""
    earlier = QuizAttempt.objects.filter(
        user=OuterRef("user"),
        quiz_id=quiz_id,
        submitted_at__isnull=False,
        number__lt=OuterRef("number"),
    )
    return QuizAttempt.objects.filter(
        quiz_id=quiz_id, submitted_at__isnull=False
    ).filter(~Exists(earlier))


def quiz_item_analysis(*, quiz_id: int) -> ItemAnalysis:
    """The analysis of every question of the quiz ``quiz_id`` (module docstring)."""
    quiz = QuizPage.objects.filter(pk=quiz_id).first()
    tallies: dict[str, _Tally] = {}
    if quiz is not None:
        for question in grading.pool_from_stream(quiz.questions):
            tallies[question["id"]] = _Tally(
                prompt=question["prompt"],
                in_quiz=True,
                choices={c["id"]: c["text"] for c in question["choices"]},
            )
    score = ExpressionWrapper(
        F("correct_count") * 1.0 / F("question_count"), output_field=FloatField()
    )
    rows = (
        first_submitted_attempts(quiz_id=quiz_id)
        .annotate(score=score, learners=Window(Count("pk")))
        .order_by("-score", "submitted_at", "pk")
        .values_list("snapshot", "answers", "learners", "quiz_title")
    )
    learners = 0
    title = quiz.title if quiz is not None else ""
    for rank, (snapshot, answers, total, attempt_title) in enumerate(
        rows.iterator(chunk_size=CHUNK_SIZE)
    ):
        learners, title = total, title or attempt_title
        third = total // 3
        _tally_attempt(
            tallies,
            snapshot or [],
            answers or {},
            top=rank < third,
            bottom=rank >= total - third,
        )
    return ItemAnalysis(
        quiz_id=quiz_id,
        quiz_title=title,
        learners=learners,
        questions=[
            _analysis(number, tally)
            for number, tally in enumerate(tallies.values(), start=1)
        ],
    )


def _tally_attempt(tallies, snapshot, answers, *, top: bool, bottom: bool) -> None:
    for question in snapshot:
        qid = question.get("id")
        tally = tallies.get(qid)
        if tally is None:
            tally = tallies[qid] = _Tally(
                prompt=question.get("prompt", ""), in_quiz=False
            )
        for choice in question.get("choices", []):
            tally.choices.setdefault(choice.get("id"), choice.get("text", ""))
        key = set(question.get("correct", []))
        given = set(answers.get(qid, []))
        right = grading.is_right(question, given)
        tally.drawn += 1
        tally.correct += right
        tally.wrong.update(given - key)
        if top:
            tally.top_drawn += 1
            tally.top_correct += right
        if bottom:
            tally.bottom_drawn += 1
            tally.bottom_correct += right


def _analysis(number: int, tally: _Tally) -> QuestionAnalysis:
    correct_percent = 100 * tally.correct / tally.drawn if tally.drawn else None
    wrong_answer, wrong_share = "", None
    if tally.wrong:
        order = list(tally.choices)
        best = max(
            tally.wrong.items(),
            key=lambda item: (item[1], -_position(order, item[0])),
        )
        wrong_answer = tally.choices.get(best[0], "")
        wrong_share = 100 * best[1] / tally.drawn
    discrimination = None
    if tally.top_drawn and tally.bottom_drawn:
        discrimination = (
            tally.top_correct / tally.top_drawn
            - tally.bottom_correct / tally.bottom_drawn
        )
    too_few = tally.drawn < MIN_ATTEMPTS
    reasons = _reasons(
        tally, correct_percent, wrong_answer, wrong_share, discrimination, too_few
    )
    return QuestionAnalysis(
        number=number,
        prompt=tally.prompt,
        in_quiz=tally.in_quiz,
        drawn=tally.drawn,
        correct_percent=correct_percent,
        wrong_answer=wrong_answer,
        wrong_share=wrong_share,
        discrimination=discrimination,
        reasons=reasons,
        too_few=too_few,
    )


def _position(order: list[str], choice_id: str) -> int:
    return order.index(choice_id) if choice_id in order else len(order)


def _reasons(
    tally, correct_percent, wrong_answer, wrong_share, discrimination, too_few
):
    if too_few:
        return [
            _("Too few attempts to judge: %(drawn)d so far, %(needed)d are needed.")
            % {"drawn": tally.drawn, "needed": MIN_ATTEMPTS}
        ]
    reasons = []
    if correct_percent < LOW_CORRECT_PERCENT:
        reasons.append(
            _(
                "Only %(percent)s answered it correctly: check the answer key "
                "and whether the wording misleads."
            )
            % {"percent": percent_text(correct_percent)}
        )
        if wrong_share is not None and wrong_share > correct_percent:
            reasons.append(
                _(
                    "More learners chose “%(answer)s” (%(share)s) than the right "
                    "answer: is the key right?"
                )
                % {"answer": wrong_answer, "share": percent_text(wrong_share)}
            )
    if discrimination is not None and discrimination < 0:
        reasons.append(
            _(
                "The learners with the lowest total scores got it right more often "
                "than those with the highest (discrimination %(index)s): the "
                "question may be ambiguous, or its key wrong."
            )
            % {"index": discrimination_text(discrimination)}
        )
    return reasons


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def discrimination_text(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}".replace("+0.00", "0.00")
