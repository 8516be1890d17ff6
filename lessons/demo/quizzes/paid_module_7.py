"""Module 7, Building the narrative: the knowledge check."""

from lessons.demo.quizzes import knowledge_check, multiple, ok, single, true_false

KNOWLEDGE_CHECK = knowledge_check(
    "building the narrative",
    "themes, genograms and timelines, the social-history report and "
    "humanizing without excusing",
    [
        single(
            "What makes a mitigation theme strong?",
            [
                "It is dramatic enough to be remembered.",
                "It rests on one vivid account.",
                ok(
                    "It is true to the evidence and supported by records and "
                    "several independent sources."
                ),
                "It avoids the worst facts of the case.",
            ],
            """
            A theme is only as strong as its weakest source. Test themes
            against the worst facts, and expect them to change.
            """,
        ),
        true_false(
            "Mitigation themes can be developed without regard to counsel's "
            "theory of the case at trial.",
            False,
            """
            Themes must fit the case theory counsel builds for every phase. A
            theme that contradicts the defense can do more harm than good.
            """,
        ),
        multiple(
            "Which are good practice for genograms and timelines?",
            [
                ok("Mark each fact with its source."),
                "Build them at the end, once every record is in.",
                ok("Keep the team's working version separate from any court version."),
                ok("Start them in the first weeks of the case."),
                "Decide yourself whether to show them in court.",
            ],
            """
            Build both tools as living documents from the start, so gaps show
            early. Counsel decides whether and how exhibits are used.
            """,
        ),
        single(
            "Counsel asks for two social histories: one for the team's own use "
            "and one for a clemency board. How should they differ?",
            [
                "Only in length",
                ok(
                    "The internal one includes what hurts the client; the one "
                    "for the board is written with disclosure in mind"
                ),
                "Not at all: the same report serves every reader",
                "Only the internal one needs sources for its facts",
            ],
            """
            Settle with counsel who the audience is, whether you will sign the
            report and what may not appear in it, before you write.
            """,
        ),
        true_false(
            "The most persuasive mitigation narratives acknowledge the harm done "
            "and the person who did it.",
            True,
            """
            A story that holds both honesty about wrongdoing and the whole
            person is more credible than one that holds only sympathy.
            """,
        ),
    ],
)
