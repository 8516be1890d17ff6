"""Module 3: Records."""

from lessons.demo.markup import (
    NOT_LEGAL_ADVICE,
    callout,
    document,
    h2,
    reflection,
    text,
)
from lessons.demo.quizzes.paid_module_3 import KNOWLEDGE_CHECK

MODULE = {
    "title": "Records",
    "summary": (
        "Mapping a life to its record sources, requesting and tracking records, "
        "reaching back generations, and turning paper into a chronology."
    ),
    "lessons": [
        {
            "title": "Mapping a life to its record sources",
            "estimated_minutes": 35,
            "summary": (
                "How to list every institution that touched a client and a "
                "family, so that the records plan misses nothing."
            ),
            "body": [
                text(
                    """
                    A records investigation starts with a map, not a request.
                    Before you write to anyone, list every place the client has
                    lived and every system that touched the client and the
                    family. Walk through a life in order: pregnancy and birth,
                    infancy, each school, each move, each contact with police,
                    courts, child welfare, hospitals, the military, employers,
                    benefits agencies, jails and prisons.
                    """
                ),
                h2("Sources most often found"),
                text(
                    """
                    - Prenatal, birth and pediatric records; vaccination records.
                    - School files: grades, attendance, discipline, special
                      education evaluations and plans, test scores.
                    - Child-welfare investigations, foster-care placements and
                      services; juvenile court and probation.
                    - Hospital, clinic, mental-health and substance-use
                      treatment records.
                    - Military service, employment and public-benefits files.
                    - Adult criminal, jail and prison records, including
                      medical and classification files.
                    """
                ),
                text(
                    """
                    Each interview will add sources you did not know about: a
                    hospital stay after a car accident, a summer with an aunt in
                    another state, a church program. Keep the map open for the
                    whole life of the case.
                    """
                ),
                reflection(
                    """
                    Map your own life to its record sources. How many
                    institutions hold a record of you? Which would surprise a
                    stranger reading them?
                    """
                ),
            ],
        },
        {
            "title": "Requests and follow-up logs",
            "estimated_minutes": 30,
            "summary": (
                "Writing requests that agencies answer, and keeping a log that "
                "shows what was asked for, when, and what came back."
            ),
            "body": [
                text(
                    """
                    A good request is specific and complete. Name the person,
                    every name they have used, their date of birth and the
                    years you are asking about; ask for the complete file,
                    including notes, testing protocols and attachments, not a
                    summary; enclose the signed release or order; and give a
                    name and number for questions. Agencies lose requests,
                    misread them or send a fraction of what they hold.
                    Persistence is part of the method.
                    """
                ),
                text(
                    """
                    Every request goes into a log the whole team can read: what
                    was asked for, from whom, when, under what authority, when
                    to follow up, and what came back. The log shows the team
                    where the investigation stands. It can also help counsel
                    show that records were diligently sought when an agency
                    says they do not exist.
                    """
                ),
                document(
                    "records-request-log",
                    "A spreadsheet template for tracking requests, with three "
                    "fictional example rows.",
                ),
                callout(
                    "Key point",
                    """
                    A denial or a “no records found” answer is a fact
                    to document and bring to counsel, not the end of the road.
                    Counsel may be able to seek the records by subpoena or court
                    order, within each source's own rules (module 2).
                    """,
                ),
                NOT_LEGAL_ADVICE,
            ],
        },
        {
            "title": "Going back generations",
            "estimated_minutes": 30,
            "summary": (
                "Why the lives of parents and grandparents belong in a client's "
                "history, and how to find their records."
            ),
            "body": [
                text(
                    """
                    Patterns in a family often begin before the client was born.
                    A grandfather's alcoholism, a grandmother's years in a state
                    hospital, a father raised in foster care, a mother who left
                    school at fourteen: these facts shape the home a child grows
                    up in, and some, such as heritable conditions and prenatal
                    exposures, shape the child directly.
                    """
                ),
                text(
                    """
                    Records of relatives need their own releases. For a
                    relative who has died, health records are released on the
                    authorization of the personal representative: the
                    executor, administrator or other person with authority
                    under state law to act for the deceased or the estate,
                    who is not always the next of kin. Death certificates,
                    obituaries, military service
                    files, old court dockets, census records and church records
                    are often public or easier to obtain. Build a genogram as you
                    go, marking what each relative's records show and what
                    remains to be confirmed.
                    """
                ),
                text(
                    """
                    Older records are often in archives, on microfilm or in
                    the hands of agencies that have merged or closed. A county
                    clerk, a state archive or a retired caseworker can tell you
                    where files went. Record every dead end in your log too:
                    knowing that a hospital's records were destroyed in a flood
                    is itself a finding the team may need.
                    """
                ),
                reflection(
                    """
                    In a fictional family you invent, which two facts about the
                    grandparents' generation would most change how you
                    understood the client?
                    """
                ),
                NOT_LEGAL_ADVICE,
                callout(
                    "Sources",
                    """
                    - HIPAA Privacy Rule, 45 CFR 164.502(g)(4) (personal
                      representatives of deceased individuals).
                    """,
                ),
            ],
        },
        {
            "title": "Indexing and chronologies",
            "estimated_minutes": 40,
            "summary": (
                "Turning thousands of pages into an index the team can search "
                "and a chronology that tells the life in order."
            ),
            "body": [
                text(
                    """
                    Records arrive in no order and in great quantity. Number the
                    pages of every production as it comes in and index it: the
                    source, the date range, the subject, and a line on what
                    matters. An index lets anyone on the team find the school
                    psychologist's report in minutes, years later.
                    """
                ),
                text(
                    """
                    The chronology is the investigation's spine. Each entry is
                    one dated event with its source: “1999-03-12. Referred
                    for special-education evaluation after repeating first
                    grade. (Ardent Elementary, p. 214.)” Entries come from
                    records and interviews alike, with conflicts noted rather
                    than resolved. Read in order, a good chronology shows
                    patterns no single record reveals: the moves that followed
                    every eviction, the hospital visits that clustered around a
                    parent's incarceration.
                    """
                ),
                callout(
                    "Key point",
                    """
                    Every line of a chronology cites its source. An entry no one
                    can trace back to a page or an interview cannot be used.
                    """,
                ),
                reflection(
                    """
                    Write three chronology entries for a fictional client,
                    each with a date, an event and a source.
                    """
                ),
            ],
        },
    ],
    "quizzes": [KNOWLEDGE_CHECK],
}
