"""Mitigation 101: the knowledge check that closes the module "the-role"."""

from lessons.demo.quizzes import knowledge_check, multiple, ok, single, true_false

KNOWLEDGE_CHECK = knowledge_check(
    "the role",
    "what mitigation is, the work itself and the defense-team frame",
    [
        single(
            "What does mitigation evidence do for a sentencing court?",
            [
                "It shows that the defendant did not commit the crime.",
                ok(
                    "It helps explain, without excusing, how a person came to "
                    "be in the courtroom."
                ),
                "It shifts responsibility for the offense onto the victim.",
                "It replaces the need for a defense attorney at sentencing.",
            ],
            """
            Mitigation is the evidence and the story of a person's life that
            help a decision-maker weigh the whole person. It explains; it does
            not excuse or deny the crime.
            """,
        ),
        multiple(
            "A new specialist plans to spend her first months only gathering "
            "records, and to start interviews once every record is in. Which "
            "parts of the work should instead run side by side from the start?",
            [
                ok("Gathering records"),
                "Diagnosing the client",
                ok("Interviews with the client and family"),
                ok("Screening for signs that call for an expert"),
                "Cross-examining the prosecution's witnesses",
            ],
            """
            Records, interviews and screening run side by side for the whole
            life of a case; none of them is enough alone. Diagnosis belongs to
            a retained expert, and cross-examination to counsel.
            """,
        ),
        true_false(
            "When the signs of a traumatic brain injury are clear, the mitigation "
            "specialist should diagnose it in a memo to counsel.",
            False,
            """
            Screen, don't diagnose. The specialist notes the signs and brings
            them to counsel, who decides whether to retain an expert.
            """,
        ),
        single(
            "On a defense team, who decides the strategy and directs the "
            "mitigation specialist's work?",
            [
                "The mitigation specialist",
                "The judge",
                ok("The client's attorney"),
                "The client's treating therapist",
            ],
            """
            The attorney is responsible for the defense and decides its
            strategy; the specialist works at counsel's direction.
            """,
        ),
        true_false(
            "Mitigation matters only in death-penalty cases, at the sentencing "
            "hearing.",
            False,
            """
            The principle is clearest in capital cases, but charging, plea,
            ordinary felony sentencing, parole and clemency decisions all
            benefit from seeing the whole person.
            """,
        ),
    ],
)
