"""Reads for courses: the course page's context, the dashboard."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from wagtail.models import Page

from accounts.user_cache import user_cached
from courses.access import (
    CourseState,
    ItemState,
    course_state,
)
from courses.models import (
    CECredit,
    Certificate,
    CertificateStatus,
    CoursePage,
    Enrollment,
)
from courses.time_on_task import learner_course_time


class StepKind(enum.StrEnum):
    CONTINUE = "continue"  # items are left: continue at ``NextStep.item``
    EVALUATE = "evaluate"  # every item done: the evaluation unlocks the certificate
    CERTIFICATE = "certificate"  # the certificate (newest corrected copy) is valid
    CERTIFICATE_REVOKED = "certificate_revoked"  # issued, then revoked


@dataclass
class NextStep:
    """Where a learner goes next in a course: the course page, "My learning" and a
    quiz's result all follow this one rule.

    A finished course (evaluation owed, certificate issued or revoked) offers
    ``review_item``, its first item, for a review, never "Continue learning".
    """

    kind: StepKind
    item: ItemState | None = None
    certificate: Certificate | None = None
    review_item: ItemState | None = None

    @property
    def is_finished(self) -> bool:
        return self.kind != StepKind.CONTINUE


def course_items_complete(state: CourseState) -> bool:
    """Every required item and every final assessment of the course is complete.

    The items half of the completion rule (``CompletionFacts.items_complete``),
    read from a state already loaded, so it costs no query.
    """
    finals = [i for i in state.items if getattr(i.page, "is_final_assessment", False)]
    return (
        bool(state.items)
        and state.progress_done >= state.progress_total
        and all(item.completed for item in finals)
    )


def certificate_current(certificates: Iterable[Certificate]) -> Certificate | None:
    """Of one enrollment's certificates, the newest: none replaces it."""
    certificates = list(certificates)
    replaced = {c.replaces_id for c in certificates if c.replaces_id}
    return next((c for c in certificates if c.pk not in replaced), None)


def course_next_step(
    *, state: CourseState, certificates: Iterable[Certificate] = ()
) -> NextStep:
    """What ``state``'s learner should do next, given their enrollment's certificates.

    A certificate decides first (an instructor may add items after it was
    issued); then a course whose items are all complete is owed its
    evaluation; otherwise the learner continues where they are.
    """
    items = state.items
    review = items[0] if items else None
    current = certificate_current(certificates)
    if current is not None:
        kind = (
            StepKind.CERTIFICATE_REVOKED
            if current.status == CertificateStatus.REVOKED
            else StepKind.CERTIFICATE
        )
        return NextStep(kind=kind, certificate=current, review_item=review)
    if state.is_enrolled and (
        course_items_complete(state) or state.enrollment.completed_at
    ):
        return NextStep(kind=StepKind.EVALUATE, review_item=review)
    return NextStep(kind=StepKind.CONTINUE, item=state.continue_item)


def course_next_step_after(
    *, state: CourseState, page_id: int, certificates: Iterable[Certificate] = ()
) -> NextStep:
    """Like :func:`course_next_step`, for a learner who has just completed an item.

    Unless the course is finished, they continue at the item after it in tree
    order, or, after the last item, at the first required item still to do.
    """
    step = course_next_step(state=state, certificates=certificates)
    if step.is_finished:
        return step
    _previous, _current, next_item = state.neighbours(page_id)
    if next_item is not None:
        return NextStep(kind=StepKind.CONTINUE, item=next_item)
    left = next((item for item in state.required_items if not item.completed), None)
    return NextStep(kind=StepKind.CONTINUE, item=left or step.item)


def enrollment_certificates(enrollment: Enrollment | None) -> list[Certificate]:
    """The certificates of an enrollment (none until the course was completed),
    from the learner's cache (``accounts.user_cache``; a certificate's change
    bumps its learner's generation)."""
    if enrollment is None or enrollment.completed_at is None:
        return []
    return user_cached(
        enrollment.user_id,
        f"certificates:{enrollment.pk}",
        lambda: list(enrollment.certificates.all()),
    )


def course_page_context(*, course: CoursePage, user) -> dict:
    """What the course page (and its modules) show: outline, enrollment, next step."""
    state = course_state(user=user, course=course)
    continue_item = state.continue_item
    return {
        "course": course,
        "state": state,
        "outline": state.modules,
        "item_count": len(state.items),
        "enrollment": state.enrollment,
        "is_enrolled": state.is_enrolled,
        "first_item": continue_item.page if continue_item else None,
        "next_step": course_next_step(
            state=state, certificates=enrollment_certificates(state.enrollment)
        ),
        "course_time": (
            learner_course_time(user=user, course=course) if state.is_enrolled else None
        ),
    }


def first_item_of(*, course: CoursePage) -> Page | None:
    """The first published lesson or quiz of ``course`` in tree order."""
    return (
        Page.objects.descendant_of(course)
        .filter(depth=course.depth + 2)
        .live()
        .order_by("path")
        .first()
    )


@dataclass
class Transcript:
    """A learner's CE record: valid CE certificates and hours by type and year.

    Certificates of completion that award no CE hours (a course without CE,
    or one completed when no approval covered it) are not on it.
    """

    certificates: list[Certificate]
    total_hours: Decimal
    by_type: list[tuple[str, Decimal]]
    by_year: list[tuple[int, Decimal, list[tuple[str, Decimal]]]]


def _add(totals: dict[str, Decimal], label: str, hours: Decimal) -> None:
    totals[label] = totals.get(label, Decimal("0")) + hours


def learner_transcript(*, user) -> Transcript:
    """Every valid CE certificate of ``user`` (corrected copies, not what they
    replace); certificates that award no CE hours are left out."""
    certificates = list(
        Certificate.objects.filter(
            enrollment__user=user,
            status=CertificateStatus.VALID,
            ce_credit=CECredit.AWARDED,
        ).order_by("-completed_on", "-issued_at")
    )
    by_type: dict[str, Decimal] = {}
    years: dict[int, dict[str, Decimal]] = {}
    for certificate in certificates:
        for label, hours in certificate.credits:
            _add(by_type, label, Decimal(hours))
            _add(
                years.setdefault(certificate.completed_on.year, {}),
                label,
                Decimal(hours),
            )
    return Transcript(
        certificates=certificates,
        total_hours=sum((c.ce_hours for c in certificates), Decimal("0")),
        by_type=sorted(by_type.items()),
        by_year=[
            (year, sum(totals.values(), Decimal("0")), sorted(totals.items()))
            for year, totals in sorted(years.items(), reverse=True)
        ],
    )


TRANSCRIPT_COLUMNS = [
    "serial",
    "course",
    "completed_on",
    "ce_hours",
    "credits",
    "format",
    "approvals",
    "status",
    "corrected_copy",
]


def transcript_csv_rows(*, user) -> list[list[str]]:
    """The transcript as CSV rows, header first."""
    rows = [TRANSCRIPT_COLUMNS]
    for certificate in learner_transcript(user=user).certificates:
        rows.append(
            [
                certificate.serial,
                certificate.course_title,
                certificate.completed_on.isoformat(),
                str(certificate.ce_hours),
                "; ".join(f"{label}: {hours}" for label, hours in certificate.credits),
                certificate.ce_format,
                "; ".join(
                    f"{a['body']} ({a['provider_number']})"
                    if a.get("provider_number")
                    else a["body"]
                    for a in certificate.approvals
                ),
                certificate.get_status_display(),
                "yes" if certificate.is_corrected_copy else "no",
            ]
        )
    return rows


def certificate_valid_for(*, user, course: CoursePage) -> Certificate | None:
    """The learner's valid CE certificate for ``course``, if there is one."""
    return (
        Certificate.objects.filter(
            enrollment__user=user,
            enrollment__course=course,
            status=CertificateStatus.VALID,
        )
        .order_by("-pk")
        .first()
    )
