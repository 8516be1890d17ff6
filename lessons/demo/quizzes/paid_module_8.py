"""Module 8, Mitigation at every stage: the knowledge check."""

from lessons.demo.quizzes import knowledge_check, multiple, ok, single, true_false

KNOWLEDGE_CHECK = knowledge_check(
    "mitigation at every stage",
    "early advocacy, lay witnesses, sentencing memoranda, post-conviction and clemency",
    [
        single(
            "The prosecution has not yet decided whether to seek the death "
            "penalty. When can the life history first make a difference?",
            [
                "Only at the penalty phase, after a conviction",
                ok(
                    "Now: presented to the prosecution, as counsel and the "
                    "client decide, before it chooses what penalty to seek"
                ),
                "Only on appeal, after the trial",
                "Only at clemency, after the courts have finished",
            ],
            """
            Prosecutors decide what to charge, what penalty to seek and what
            plea to offer, and what they learn about the accused can shape
            those decisions. What is shared is for counsel to decide with the
            client.
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
            "A post-conviction team finds special-education records that trial "
            "counsel never requested. What must the team show for a claim of "
            "ineffective assistance at sentencing?",
            [
                "Only that the records exist and were not used",
                ok(
                    "That counsel's failure to investigate was unreasonable and "
                    "that it prejudiced the client"
                ),
                "Only that the client now regrets the offense",
                "That the records would have guaranteed a lesser sentence",
            ],
            """
            <i>Strickland</i> needs both deficient performance and prejudice
            (a reasonable probability of a different result, not a
            certainty). Date every record and note when it was first
            available: what trial counsel knew or could have known is often
            the central question.
            """,
        ),
        true_false(
            "Counsel decides which lay witnesses testify and prepares their testimony.",
            True,
            """
            The specialist often knows the witnesses best and helps identify
            who can speak to each theme, but counsel decides and prepares. (A
            competent client may still refuse to allow any mitigation to be
            presented: <i>Schriro v. Landrigan</i>.)
            """,
        ),
    ],
)
