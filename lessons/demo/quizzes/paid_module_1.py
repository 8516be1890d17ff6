"""Module 1, What mitigation is and why it matters: the knowledge check."""

from lessons.demo.quizzes import knowledge_check, multiple, ok, single, true_false

KNOWLEDGE_CHECK = knowledge_check(
    "what mitigation is",
    "individualized sentencing, the ABA Guidelines and the defense team",
    [
        single(
            "Since the 1970s, what has the Supreme Court required of sentencing "
            "in capital cases?",
            [
                "That death be imposed automatically for certain categories of crime.",
                ok(
                    "That the sentencer be able to consider the individual's "
                    "character and record, and any circumstance the defense "
                    "offers as a reason for a lesser sentence."
                ),
                "That only the mitigating factors listed in a statute be heard.",
                "That mitigation be presented only through expert witnesses.",
            ],
            """
            Individualized sentencing: the sentencer must be able to weigh the
            person, not only the offense. Mitigation is not limited to a list
            of factors in a statute.
            """,
        ),
        true_false(
            "The ABA Guidelines on the mitigation function are a statute that "
            "binds every court.",
            False,
            """
            The Guidelines are a professional standard, not a statute. Courts
            and defender offices refer to them when they ask what reasonable
            capital defense looks like.
            """,
        ),
        multiple(
            "According to the 2003 ABA Guidelines, who must a capital defense "
            "team include?",
            [
                ok("At least two qualified attorneys"),
                ok("An investigator"),
                "A therapist to treat the client during the case",
                ok("A mitigation specialist"),
                "A liaison from the prosecutor's office",
            ],
            """
            The Guidelines describe at least two qualified attorneys, an
            investigator and a mitigation specialist, with someone on the team
            able to screen for mental and psychological disorders.
            """,
        ),
        single(
            "Which member of the defense team examines the offense itself: the "
            "scene, the witnesses and the forensic evidence?",
            [
                "The mitigation specialist",
                ok("The fact investigator"),
                "A retained psychologist",
                "The client's family",
            ],
            """
            The fact investigator examines the offense; the mitigation
            specialist investigates the client's life. The roles overlap, so
            good teams share what they learn through counsel.
            """,
        ),
        true_false(
            "What the mitigation specialist learns flows through counsel, who "
            "decides what, if anything, is disclosed outside the team.",
            True,
            """
            You report to counsel. The attorney decides what the team does
            with information and what leaves it.
            """,
        ),
        multiple(
            "Which adjustments does a clinician make in becoming a mitigation "
            "specialist?",
            [
                ok("Gathering facts for someone else's use rather than treating"),
                "Offering the court a diagnosis of the client",
                ok("Documenting more and interpreting less"),
                ok("Writing for readers who are looking for weaknesses"),
            ],
            """
            The lesson names these adjustments: gather rather than treat,
            document rather than interpret, write for a critical legal
            audience. Diagnosis is left to retained experts.
            """,
        ),
    ],
)
