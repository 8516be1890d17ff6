"""Module 5, Trauma, development and adversity: the knowledge check."""

from lessons.demo.quizzes import knowledge_check, multiple, ok, single, true_false

KNOWLEDGE_CHECK = knowledge_check(
    "trauma and development",
    "developmental trauma, neurodevelopmental red flags, substance use and "
    "system failures",
    [
        single(
            "Which best documents a client's developmental trauma?",
            [
                "A memo stating that he had a traumatic childhood",
                "Your own assessment that he meets the criteria for PTSD",
                ok(
                    "Specific facts in order, with sources: a hospital record, "
                    "a teacher's note, a sibling's account"
                ),
                "A summary of research on adverse childhood experiences",
            ],
            """
            Evidence, not labels. Gather specific, sourced facts so an expert
            can explain their effect on this particular life.
            """,
        ),
        multiple(
            "Which are neurodevelopmental red flags to record for counsel?",
            [
                ok("Prenatal exposure to alcohol or drugs"),
                ok("Late milestones and early speech or motor problems"),
                "Playing on a school sports team",
                ok("Head injuries with loss of consciousness"),
                ok("Being described as easily led, or as “a follower”"),
            ],
            """
            Each of these may call for an expert. Record each sign with its
            source and bring the pattern to counsel.
            """,
        ),
        single(
            "A client repeated first and third grade. How should your memo put it?",
            [
                ok("Repeated first and third grade."),
                "Intellectually disabled.",
                "Probably has a fetal alcohol spectrum disorder.",
                "Slow learner.",
            ],
            """
            Describe what records show and leave conclusions to an expert; a
            premature label can do lasting harm to a case.
            """,
        ),
        true_false(
            "Leaving a client's substance use out of the life history keeps the "
            "prosecution from raising it.",
            False,
            """
            A narrative that ignores substance use will be met by a prosecution
            that does not. Present it in context: when it began, what it helped
            the client cope with, what treatment was offered.
            """,
        ),
        single(
            "What is the purpose of documenting the ways public systems failed "
            "a client?",
            [
                "To show that individual caseworkers were to blame",
                ok("To show a person who was visible, in need and left without help"),
                "To excuse the offense",
                "To prepare a lawsuit against the agencies",
            ],
            """
            Missed chances explain part of how a person arrived at the offense,
            without excusing it. The point is not to blame overloaded workers.
            """,
        ),
        true_false(
            "Whether documented adversity amounts to a diagnosable condition is "
            "a question for a qualified expert retained by counsel.",
            True,
            """
            The specialist finds and documents the adversity; its clinical
            meaning for this client is an expert's question.
            """,
        ),
    ],
)
