"""Module 8, Mitigation at every stage: the knowledge check."""

from lessons.demo.quizzes import knowledge_check, multiple, ok, single, true_false

KNOWLEDGE_CHECK = knowledge_check(
    "mitigation at every stage",
    "early advocacy, lay witnesses, sentencing memoranda, post-conviction and clemency",
    [
        single(
            "In many capital cases, where does the most important mitigation "
            "presentation happen?",
            [
                "At the appeal, after the trial",
                ok("At a meeting with the prosecution, months before any trial"),
                "In the newspaper, before the defendant is charged",
                "At the client's first court appearance, by the specialist",
            ],
            """
            Prosecutors decide what to charge, what penalty to seek and what
            plea to offer, and what they learn about the accused can shape
            those decisions. Counsel decides what is shared.
            """,
        ),
        true_false(
            "The mitigation investigation should wait until a conviction makes "
            "a sentencing hearing likely.",
            False,
            """
            The investigation should begin as soon as the team is appointed:
            the earlier the life history is known, the more decisions it can
            inform.
            """,
        ),
        multiple(
            "What does a non-capital sentencing memorandum usually include?",
            [
                ok("A short life history focused on what explains the offense"),
                ok("A concrete plan for housing, treatment, work and supervision"),
                "A general promise that the client will get help",
                ok("Family responsibilities and community support"),
                "Every letter of support received, unedited",
            ],
            """
            Keep the memo short, factual and specific. A treatment program that
            has accepted the client persuades more than a general promise, and
            letters are chosen and edited for relevance.
            """,
        ),
        single(
            "What is clemency?",
            [
                "A new trial ordered by an appeals court",
                ok(
                    "A request for mercy to a governor, board or other executive "
                    "authority after the courts have finished"
                ),
                "The first plea offer in a case",
                "A hearing on whether the defendant is competent",
            ],
            """
            Clemency petitions tell the whole life, including the years in
            prison: rehabilitation, programs completed, the person the client
            has become.
            """,
        ),
        single(
            "In post-conviction work, what is often the central question?",
            [
                "Whether the client now regrets the offense",
                ok("What trial counsel knew or could have known, and when"),
                "How long the trial lasted",
                "Whether the victim's family supports clemency",
            ],
            """
            A new team investigates what trial counsel failed to find. Date
            every record and note when it was first available.
            """,
        ),
        true_false(
            "Counsel decides which lay witnesses testify and prepares their testimony.",
            True,
            """
            The specialist often knows the witnesses best and helps identify
            who can speak to each theme, but counsel decides and prepares.
            """,
        ),
    ],
)
