"""Module 4, Life-history interviewing: the knowledge check."""

from lessons.demo.quizzes import knowledge_check, multiple, ok, single, true_false

KNOWLEDGE_CHECK = knowledge_check(
    "life-history interviewing",
    "trust, the client, family and collateral witnesses, and memoranda",
    [
        single(
            "A client's mother was friendly but guarded at your first two "
            "visits. What is most likely to bring out the hardest years of "
            "her son's childhood?",
            [
                "Covering the hardest subjects at the next meeting",
                ok(
                    "Returning: meeting in person, keeping every appointment "
                    "and explaining what you are doing and why"
                ),
                "Promising that nothing she says will ever be shared",
                "Switching to phone calls so that she feels less watched",
            ],
            """
            Trust is built by returning. Disclosures of abuse, symptoms or
            family secrets often come in the fifth or tenth conversation.
            """,
        ),
        true_false(
            "A specialist should ask the client about the offense in detail at "
            "every visit.",
            False,
            """
            Follow counsel's direction about the offense: the attorneys often
            handle those conversations, and an unplanned discussion can create
            problems for the defense.
            """,
        ),
        single(
            "A grandmother is more comfortable speaking Spanish. Who should "
            "interpret the interview?",
            [
                "Her grandson, the client",
                "Another family member who speaks both languages",
                ok("A qualified interpreter, briefed on the interview"),
                "You, if you speak some Spanish",
            ],
            """
            Use a qualified interpreter, never a family member or the client;
            ask for first-person interpreting without summaries and note the
            interpreter's name in your memo.
            """,
        ),
        multiple(
            "Which belong in an interview memorandum to counsel?",
            [
                ok("The date, place, length and everyone present"),
                ok("How the witness knows the client"),
                "Your diagnosis of the witness",
                ok("Your observations, labelled as observations"),
                ok("The follow-up the interview suggests"),
            ],
            """
            A memo records who, when and where; the witness and their
            relationship to the client; what was said; observations labelled as
            such; and follow-up. Diagnosis is no part of it.
            """,
        ),
        true_false(
            "Differences between family members' accounts should be recorded, "
            "not smoothed over.",
            True,
            """
            Siblings remember the same house differently. Record the
            differences and let the records help show which memory fits the
            facts.
            """,
        ),
    ],
)
