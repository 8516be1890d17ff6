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
            Nothing leaves the team except through counsel, who may disclose
            it only with the client's informed consent or as the
            confidentiality rules allow (Model Rule 1.6(a)).
            """,
        ),
        true_false(
            "You are a licensed social worker on a Texas defense team. Because "
            "you work at counsel's direction, the attorney-client privilege "
            "relieves you of any duty to report child abuse the client "
            "describes.",
            False,
            """
            Texas applies the reporting duty "without exception" to people
            whose communications may otherwise be privileged, attorneys and
            social workers included (Texas Family Code §261.101(c)). Other
            states differ: learn your own state's law before the case begins.
            """,
        ),
        single(
            "You are a licensed social worker on a Texas defense team. During "
            "an interview, the client's sister describes harm to a child in "
            "her home that may still be happening. What should you do?",
            [
                "Promise her absolute confidentiality so she keeps talking.",
                "Tell counsel and leave the report to counsel: once counsel "
                "knows, your duty is met.",
                ok(
                    "Consult counsel at once about how to proceed, and make the "
                    "report yourself without delay."
                ),
                "Write a full memo of the disclosure for counsel and take no "
                "other step, since the memo is protected work product.",
            ],
            """
            In Texas the reporting duty is personal: a professional may not
            delegate the report to, or rely on, another person to make it
            (Texas Family Code §261.101(b)). Counsel can advise you how, but
            cannot discharge your duty, and what you write about the
            disclosure may be discoverable. Never promise absolute
            confidentiality.
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
            "Counsel asks you to plan for records that no release will reach. "
            "Which statements are accurate?",
            [
                ok(
                    "A subpoena alone does not compel a federally assisted "
                    "program to disclose substance-use-disorder treatment "
                    "records; a court order under 42 CFR Part 2 is needed."
                ),
                ok(
                    "A school served with a subpoena must, with limited "
                    "exceptions, try to notify the parent or eligible student "
                    "before it complies."
                ),
                ok(
                    "A hospital may answer a subpoena that has no court order "
                    "only with satisfactory assurances about notice to the "
                    "patient or a qualified protective order."
                ),
                "Any agency must hand over every record once a subpoena is served.",
            ],
            """
            Each source has its own rules: 42 CFR 2.61 (a Part 2 court order,
            plus a subpoena to compel), 34 CFR 99.31(a)(9)(ii) (FERPA notice)
            and 45 CFR 164.512(e)(1)(ii) (HIPAA satisfactory assurances).
            """,
        ),
        true_false(
            "After a client is sentenced to death, a specialist who feels numb "
            "and cannot sleep should keep it private and take on the next "
            "case at once: debriefing belongs to clinical settings.",
            False,
            """
            Sustaining the work is a professional skill. A case that ends
            badly deserves a debrief, and specialists who stay in the work
            build peer consultation and limits before they need them.
            """,
        ),
    ],
)
