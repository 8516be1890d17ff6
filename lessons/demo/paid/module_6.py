"""Module 6: Mental-health screening and experts."""

from lessons.demo.markup import NOT_LEGAL_ADVICE, callout, h2, reflection, text
from lessons.demo.quizzes.paid_module_6 import KNOWLEDGE_CHECK

MODULE = {
    "title": "Mental-health screening and experts",
    "summary": (
        "Red flags of mental illness, retaining and briefing experts through "
        "counsel, and reading their reports with a critical eye."
    ),
    "lessons": [
        {
            "title": "Red flags of mental illness",
            "estimated_minutes": 35,
            "summary": (
                "Signs in records and interviews that suggest a mental illness "
                "an expert should assess, across the client's life and family."
            ),
            "body": [
                text(
                    """
                    Serious mental illness often begins in adolescence or early
                    adulthood and is frequently untreated in the people who
                    reach the criminal courts. The signs may be scattered across
                    many records and many witnesses: a school note about a boy
                    who talked to himself, a hospital visit for “anxiety”,
                    a jail record of a suicide watch, a cousin who remembers the
                    client not sleeping for days.
                    """
                ),
                h2("What to look for"),
                text(
                    """
                    - Hallucinations, unusual beliefs, disorganized speech or
                      behavior, described by witnesses or seen in records.
                    - Marked changes in mood, sleep and energy; suicide attempts
                      and self-harm.
                    - Psychiatric hospitalizations, medications, emergency visits.
                    - Mental illness in parents, grandparents and siblings.
                    - Behavior in custody: segregation, suicide watch, refusals
                      of medication.
                    """
                ),
                text(
                    """
                    Build a timeline of symptoms, treatment and family history
                    and give it to counsel. That timeline, more than any label
                    you might suggest, is what an expert will need.
                    """
                ),
                reflection(
                    """
                    Which red flags in this list would you most easily miss in
                    a client who is calm, polite and articulate in interviews?
                    """
                ),
            ],
        },
        {
            "title": "Retaining and briefing experts through counsel",
            "estimated_minutes": 35,
            "summary": (
                "How the team chooses an expert, what the expert needs from "
                "you, and why every contact goes through counsel."
            ),
            "body": [
                text(
                    """
                    Counsel retains experts, decides what questions to ask them
                    and controls what they receive. Depending on the
                    jurisdiction, what an expert is given and writes may later
                    be disclosed to the prosecution, so the choice of materials
                    and the timing matter. Your role is to prepare: identify the
                    kind of expertise the red flags suggest, assemble the
                    records and chronology, and draft a summary for counsel.
                    """
                ),
                text(
                    """
                    A good briefing package is organized and complete: an index
                    of records, the chronology, a family tree and the interview
                    memoranda counsel chooses to share. Experts cannot assess
                    what they are not given; missing school testing or a
                    grandmother's hospitalization can change an opinion. Keep a
                    list of exactly what was sent to each expert and when.
                    """
                ),
                callout(
                    "Key point",
                    """
                    Never contact a potential expert, send records or discuss
                    the case with one without counsel's direction.
                    """,
                ),
                NOT_LEGAL_ADVICE,
            ],
        },
        {
            "title": "Reading expert reports critically",
            "estimated_minutes": 30,
            "summary": (
                "Checking an expert's report against the record, for your own "
                "team's experts and for the prosecution's."
            ),
            "body": [
                text(
                    """
                    You may know the client's records better than anyone on the
                    team, which makes you a valuable reader of expert reports.
                    Check every fact in a report against the records and the
                    chronology: dates, events, family history, what the client
                    reported. Note which records the expert relied on and which
                    they did not have. Flag opinions that rest on a single
                    source or on a fact you know to be disputed.
                    """
                ),
                text(
                    """
                    Read the prosecution's experts the same way. Were their
                    tests appropriate for the client's language, culture and
                    education? Did they consider the developmental and family
                    history? Did they interview anyone besides the client? Bring
                    your notes to counsel, who decides how to use them.
                    """
                ),
                callout(
                    "Key point",
                    """
                    Your review checks facts and sources. Whether an expert's
                    method or conclusion is sound is a question for counsel
                    and, where needed, another qualified expert.
                    """,
                ),
                reflection(
                    """
                    List five questions you would ask of any expert report
                    before you accept its conclusions.
                    """
                ),
            ],
        },
    ],
    "quizzes": [KNOWLEDGE_CHECK],
}
