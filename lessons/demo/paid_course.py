"""Course two, paid, with CE: Foundations of Mitigation Practice for Clinicians.

Nine modules, one file each under ``lessons.demo.paid``. Module slugs come
from their titles. Modules 1 to 8 end with a knowledge check and the capstone
with the final post-test; their questions are in ``lessons.demo.quizzes``.
"""

from decimal import Decimal

from lessons.demo.markup import callout, h2, text
from lessons.demo.paid import (
    module_1,
    module_2,
    module_3,
    module_4,
    module_5,
    module_6,
    module_7,
    module_8,
    module_9,
)
from lessons.demo.quizzes import POST_TEST_ATTEMPTS, POST_TEST_PASS_MARK

COURSE = {
    "title": "Foundations of Mitigation Practice for Clinicians",
    "slug": "foundations-of-mitigation-practice",
    "price_amount": 24900,
    "currency": "usd",
    "ce_hours": Decimal("20.00"),
    "ce_level": "intermediate",
    # Time on task: the certificate waits for 80% of the 20 CE hours (16 hours)
    # in the lessons, and "Mark complete" for half of a lesson's estimated time.
    "course_time_percent": 80,
    "lesson_time_percent": 50,
    "ce_format": "self_paced_online",
    "ce_hours_rationale": (
        "Hours are the lessons' estimated minutes divided by 60, rounded down to "
        "the quarter hour. The course's 36 lessons (reading, reflection prompts "
        "and the capstone case file) take 1,200 minutes: 20.00 CE hours. Ethics "
        "hours count only the four lessons of module 2 on professional ethics "
        "(working at counsel's direction; mandated reporting and conflicting "
        "duties; not the client's therapist; releases and documentation), 120 "
        "minutes: 2.00 ethics hours. The other 1,080 minutes, including module "
        "2's lesson on secondary trauma, are 18.00 general hours. The knowledge "
        "checks, the post-test and the course evaluation are not counted. "
        "(Demonstration text: write how you computed your own course's hours.)"
    ),
    # Not page fields: the loader adds the credit lines and the approval snippet.
    "ce": {
        "credits": [("general", Decimal("18.00")), ("ethics", Decimal("2.00"))],
        "approval": {
            "body_name": (
                "Demo Board of Behavioral Health Continuing Education (fictional)"
            ),
            # A fictional board, recorded as a state licensing board's approval
            # of the self-paced online format (the course's own format).
            "kind": "state_board",
            "provider_number": "DEMO-1234",
            "formats": ["self_paced_online"],
            "statement": (
                "This course is approved by the fictional Demo Board of Behavioral "
                "Health Continuing Education for 20 CE hours. Demonstration only: "
                "not a real approval."
            ),
            "requires_license_number": True,
            # The approval period runs from a year before the seeding to a year
            # after it: the loader sets the dates.
            "period_days": 365,
        },
    },
    "summary": (
        "A self-paced course for clinicians joining defense teams: the legal frame, "
        "ethics, records, life-history interviewing, trauma screening, experts and "
        "the social-history narrative. 20 CE hours."
    ),
    "learning_objectives": [
        ("objective", "Explain the role of mitigation in individualized sentencing."),
        (
            "objective",
            "Describe the ethics of working as a clinician at counsel's direction.",
        ),
        ("objective", "Plan a records investigation that reaches back generations."),
        (
            "objective",
            "Conduct trauma-informed life-history interviews and write memoranda.",
        ),
        (
            "objective",
            "Identify red flags that call for an expert, without diagnosing.",
        ),
        ("objective", "Build chronologies, genograms and a social-history report."),
        ("objective", "Adapt mitigation work to each stage of a criminal case."),
    ],
    "audience": (
        "Licensed social workers, counselors, marriage and family therapists and "
        "psychologists who work, or plan to work, as mitigation specialists or "
        "with defense teams. Intermediate level: it assumes clinical training and "
        "no legal background."
    ),
    "description": [
        text(
            """
            Clinicians bring a defense team the skills it most needs: careful
            interviewing, a trained eye for trauma and developmental red flags,
            and an understanding of families across generations. This course
            teaches the rest: the legal frame the work happens in, the ethics of
            working at counsel's direction, and the craft of turning a life's
            records and stories into evidence a court can hear.
            """
        ),
        h2("How the course works"),
        text(
            f"""
            - Eight self-paced modules of reading and reflection prompts, each
              closed by a knowledge check you can take as often as you like.
            - A capstone built around a fictional case file.
            - A final post-test on all nine modules (pass mark
              {POST_TEST_PASS_MARK}%, {POST_TEST_ATTEMPTS} attempts) and a course
              evaluation; your certificate is issued when both are complete.
            """
        ),
        h2("Continuing education"),
        text(
            """
            The course carries 20 CE hours (18 general and 2 ethics),
            delivered as self-paced online learning at the intermediate level.
            Hours are the lessons' estimated reading and working time, divided
            by 60 and rounded down to the quarter hour; the ethics hours are
            the four lessons of module 2 on professional ethics (120 minutes).
            Check with your licensing board that it accepts the course before
            you enroll.
            """
        ),
        callout(
            "About this demo",
            """
            This course is part of Practicum's demo academy. Its lessons are
            shortened and every case is fictional. The CE approval it shows, from
            the "Demo Board of Behavioral Health Continuing Education", is
            fictional too: the course is not approved for CE by any real board.
            It is educational and is not legal advice.
            """,
        ),
    ],
    "modules": [
        module_1.MODULE,
        module_2.MODULE,
        module_3.MODULE,
        module_4.MODULE,
        module_5.MODULE,
        module_6.MODULE,
        module_7.MODULE,
        module_8.MODULE,
        module_9.MODULE,
    ],
}
