"""Module 2, Ethics, confidentiality and role clarity: the knowledge check."""

from lessons.demo.quizzes import knowledge_check, multiple, ok, single, true_false

KNOWLEDGE_CHECK = knowledge_check(
    "ethics and role clarity",
    "counsel's direction, conflicting duties, role boundaries and releases",
    [
        single(
            "Which of these could waive the protection that covers a "
            "specialist's work for the defense?",
            [
                "Sending an interview memo to counsel as agreed",
                ok("Emailing a memo to someone outside the team"),
                "Storing signed releases as counsel directs",
                "Discussing the case with co-counsel",
            ],
            """
            The protections are not automatic and can be lost: a memo emailed
            to the wrong person or notes shared with a relative may waive them.
            Counsel decides what leaves the team.
            """,
        ),
        true_false(
            "Every state exempts members of a defense team acting at counsel's "
            "direction from mandated reporting.",
            False,
            """
            Some states exempt defense-team members; others do not address the
            question. Ask counsel how your jurisdiction treats a team member
            who holds a clinical license, before the case begins.
            """,
        ),
        single(
            "During an interview, a client's sister describes harm to a child "
            "that may still be happening. What does the course advise?",
            [
                "Promise her absolute confidentiality so she keeps talking.",
                "Decide on your own whether to file a report.",
                ok("Tell counsel at once, and document that you did."),
                "Offer her counseling sessions yourself.",
            ],
            """
            Do not decide a reporting question alone and do not promise
            absolute confidentiality. Tell counsel at once and document it.
            """,
        ),
        multiple(
            "Why can drifting into a therapeutic role with the client harm the case?",
            [
                ok(
                    "The prosecution may argue that your observations are "
                    "clinical opinions."
                ),
                ok("Your notes may be sought as treatment records."),
                "People who are charged with a crime may not receive therapy.",
                "Therapy would make the interviews too short.",
            ],
            """
            Therapy has goals, a contract and privileges of its own that a
            defense-team role cannot carry. When a client needs care, tell
            counsel so the team can arrange it.
            """,
        ),
        multiple(
            "Which rules on records does the lesson on releases name?",
            [
                ok("HIPAA, for health records"),
                ok("Federal rules for substance-use treatment records"),
                ok("FERPA, for school records"),
                "A rule that agencies must give a defense team every record on request",
            ],
            """
            Health, substance-use treatment and school records each have their
            own rules. When a release is not possible, counsel can seek records
            by subpoena or court order.
            """,
        ),
        true_false(
            "Sustaining the work, through peer consultation, caseload limits "
            "and routines that close the day, is a professional skill rather "
            "than a private matter.",
            True,
            """
            Specialists who stay in the work for decades build support before
            they need it, and debrief after a case that ends badly.
            """,
        ),
    ],
)
