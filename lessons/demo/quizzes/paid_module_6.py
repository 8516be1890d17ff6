"""Module 6, Mental-health screening and experts: the knowledge check."""

from lessons.demo.quizzes import knowledge_check, multiple, ok, single, true_false

KNOWLEDGE_CHECK = knowledge_check(
    "mental-health screening",
    "red flags of mental illness and working with experts through counsel",
    [
        multiple(
            "Which are red flags of mental illness to note in records and interviews?",
            [
                ok("Hallucinations or unusual beliefs described by witnesses"),
                ok("Psychiatric hospitalizations and emergency visits"),
                ok("Mental illness in parents, grandparents or siblings"),
                "Being calm and polite in interviews",
                ok("Time on suicide watch in custody"),
            ],
            """
            Signs are often scattered across records, witnesses and
            generations. A calm, polite manner does not rule anything out.
            """,
        ),
        single(
            "What will an expert need most from your screening?",
            [
                "Your best guess at the diagnosis",
                ok("A timeline of symptoms, treatment and family history"),
                "The client's own view of whether he is ill",
                "A summary of the prosecution's case",
            ],
            """
            Build a timeline of symptoms, treatment and family history and give
            it to counsel. It serves an expert better than any label.
            """,
        ),
        true_false(
            "To save counsel time, a specialist may call a potential expert "
            "directly, as long as no records are sent.",
            False,
            """
            Never contact a potential expert, send records or discuss the case
            with one without counsel's direction. Counsel retains experts and
            controls what they receive.
            """,
        ),
        multiple(
            "What goes into a good briefing package for an expert, as counsel directs?",
            [
                ok("An index of the records"),
                ok("The chronology"),
                ok("A family tree"),
                "Your draft diagnosis",
                ok("The interview memoranda counsel chooses to share"),
            ],
            """
            Experts cannot assess what they are not given. Keep a list of
            exactly what was sent to each expert and when.
            """,
        ),
        single(
            "When you review an expert's report, what does your review check?",
            [
                ok("The facts and sources, against the records and chronology"),
                "Whether the expert's method is scientifically sound",
                "Whether the diagnosis is correct",
                "Nothing: experts' reports are outside a specialist's role",
            ],
            """
            You may know the records best, so check facts and sources. Whether
            a method or conclusion is sound is for counsel and, where needed,
            another qualified expert.
            """,
        ),
    ],
)
