"""Module 1, What mitigation is and why it matters: the knowledge check."""

from lessons.demo.quizzes import knowledge_check, multiple, ok, single, true_false

KNOWLEDGE_CHECK = knowledge_check(
    "what mitigation is",
    "individualized sentencing, the ABA Guidelines and the defense team",
    [
        single(
            "In a capital case, the defense wants the jury to hear that the "
            "client cared for his younger siblings after their mother left. "
            "Which statement best describes how the law treats that evidence?",
            [
                "The jury may hear it only if a statute lists it as a "
                "mitigating factor.",
                ok(
                    "It is relevant mitigation if a factfinder could reasonably "
                    "find it has mitigating value, and the sentencer may not "
                    "refuse to consider it."
                ),
                "The sentencer must consider anything the defense offers, "
                "whether or not it bears on the client or the offense.",
                "It may be presented only through an expert witness.",
            ],
            """
            <i>Lockett</i> and <i>Eddings</i> forbid precluding relevant
            mitigation, and <i>Tennard</i> sets a low threshold for relevance:
            evidence that tends logically to prove a fact the factfinder could
            reasonably deem mitigating. Courts may still exclude evidence that
            does not bear on the defendant's character, record or offense.
            """,
        ),
        true_false(
            "The ABA Guidelines on the mitigation function are a statute that "
            "binds every court.",
            False,
            """
            The Guidelines are a professional standard, not a statute: the
            Supreme Court calls such standards "only guides" to reasonable
            performance (<i>Bobby v. Van Hook</i>), though some court rules
            adopt them (for example Ariz. R. Crim. P. 6.8).
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
            "Because counsel directs the defense, counsel may give what the "
            "client told the team to anyone outside the team who might help "
            "the case, without asking the client.",
            False,
            """
            Information relating to the representation leaves the team only
            with the client's informed consent, when the disclosure is
            impliedly authorized to carry out the representation, or under a
            narrow exception (Model Rule 1.6(a)). The client also decides the
            objectives of the defense: a competent client may refuse to allow
            mitigation to be presented (<i>Schriro v. Landrigan</i>) or insist
            on maintaining innocence (<i>McCoy v. Louisiana</i>).
            """,
        ),
        multiple(
            "In your first month on a team, you interview a client's aunt. "
            "Which of these fit the specialist's role?",
            [
                ok("Writing a memo that records what she said, for counsel"),
                "Telling counsel the client has PTSD, from what the aunt said",
                ok("Keeping your impressions apart from what she reported"),
                ok(
                    "Writing the memo knowing that a prosecutor may one day "
                    "look for its weaknesses"
                ),
            ],
            """
            The specialist gathers facts for the team's use rather than
            treating, documents more and interprets less, and writes for a
            critical legal audience. Diagnosis is left to a retained expert.
            """,
        ),
    ],
)
