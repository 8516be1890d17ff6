"""Module 4: Life-history interviewing."""

from lessons.demo.markup import NOT_LEGAL_ADVICE, callout, h2, quote, reflection, text
from lessons.demo.quizzes.paid_module_4 import KNOWLEDGE_CHECK

MODULE = {
    "title": "Life-history interviewing",
    "summary": (
        "Building trust over time, interviewing the client, family and "
        "collateral witnesses, cultural humility, and writing it all down."
    ),
    "lessons": [
        {
            "title": "Trust over time",
            "estimated_minutes": 30,
            "summary": (
                "Why the most important facts come out late, and how repeated, "
                "in-person contact earns them."
            ),
            "body": [
                text(
                    """
                    Clients and families rarely tell the most important parts of
                    their story in a first meeting. Shame, loyalty, fear of
                    getting someone in trouble and a lifetime of institutions
                    that used their words against them all argue for silence.
                    Some have never put what happened to them into words at all.
                    """
                ),
                text(
                    """
                    Trust is built by returning. Meet in person whenever you
                    can, keep every appointment, explain what you are doing and
                    why, and let early meetings be about the person rather than
                    the case. Start with the least threatening subjects:
                    neighborhoods, schools, favorite relatives. Disclosures of
                    abuse, psychiatric symptoms or family secrets often come in
                    the fifth or tenth conversation, when the person has seen
                    that you come back.
                    """
                ),
                quote(
                    """
                    The first visit, his mother talked about his baseball
                    trophies. The sixth, she told me about the year she could
                    not get out of bed. Both were true, and I needed the first
                    to hear the second.
                    """,
                    "A mitigation specialist (composite)",
                ),
                reflection(
                    """
                    Which of your clinical habits help build trust slowly, and
                    which push for information too soon?
                    """
                ),
            ],
        },
        {
            "title": "Interviewing the client",
            "estimated_minutes": 35,
            "summary": (
                "Interviewing in jails and prisons, pacing painful subjects, "
                "and what not to ask about the offense."
            ),
            "body": [
                text(
                    """
                    Most client interviews happen in a jail or prison, with time
                    limits and often a guard nearby. Insist on a confidential
                    legal visit, in a contact or attorney visiting room, not a
                    general visiting area; learn each facility's rules for
                    legal visits, how a specialist is approved to make them and
                    what you may bring. Plan each visit around one or two
                    subjects, and leave time at the end to return to something
                    safe before the client goes back to a housing unit.
                    """
                ),
                callout(
                    "Never on the phone, the video screen or in the mail",
                    """
                    Jail and prison phone calls, video visits and mail are
                    generally recorded or read, and prosecutors may obtain and
                    use them. Never discuss the case, or anything the client
                    has told you about it, on a jail phone, in a video visit or
                    in a letter, and help counsel explain the same to the
                    client and the family.
                    """,
                ),
                text(
                    """
                    Ask open questions and let the client tell it their way.
                    Notice what is skipped, minimized or told without feeling;
                    these are facts too. Follow counsel's direction about the
                    offense itself: in many cases the attorneys will want to
                    handle those conversations, and an unplanned discussion can
                    create problems for the defense.
                    """
                ),
                h2("Signs worth noting"),
                text(
                    """
                    Record observations without interpreting them: difficulty
                    following questions, confusion about dates and sequence,
                    unusual speech or affect, memory gaps, reports of voices or
                    head injuries. These may be red flags for an expert to
                    assess, as modules 5 and 6 explain.
                    """
                ),
                callout(
                    "Key point",
                    """
                    Ask counsel before every client visit whether there is
                    anything you must not discuss, and whether anything has
                    changed in the case.
                    """,
                ),
                NOT_LEGAL_ADVICE,
            ],
        },
        {
            "title": "Family and collateral witnesses",
            "estimated_minutes": 35,
            "summary": (
                "Finding and interviewing parents, siblings, teachers, neighbors "
                "and others who knew the client across a lifetime."
            ),
            "body": [
                text(
                    """
                    Every life is witnessed by many people. Family members know
                    the home; teachers, coaches, pastors, neighbors, employers
                    and former caseworkers each saw a part of the client's life
                    from outside. Collateral witnesses corroborate what family
                    members say, and sometimes reveal what a family could not.
                    """
                ),
                text(
                    """
                    Find witnesses through records, through other witnesses and
                    through old yearbooks, obituaries and social media. Visit
                    them where they live whenever possible. Explain who you work
                    for; a witness is not your client, and counsel will tell you
                    what you may and may not say about the case. Some relatives
                    will be witnesses for the prosecution, or may be harmed by
                    what the defense presents; discuss these situations with
                    counsel before the interview.
                    """
                ),
                text(
                    """
                    Interview family members separately whenever you can.
                    Siblings remember the same house differently, and a parent
                    may not speak freely in front of a partner or an older
                    child. Differences between accounts are not a problem to
                    smooth over: record them, and let the records help show
                    which memory fits the facts.
                    """
                ),
                reflection(
                    """
                    For a fictional client who grew up in three towns, list ten
                    people outside the family who might remember them, and how
                    you would find each one.
                    """
                ),
            ],
        },
        {
            "title": "Cultural humility and language access",
            "estimated_minutes": 30,
            "summary": (
                "Understanding a life on its own cultural terms, and working "
                "well with interpreters."
            ),
            "body": [
                text(
                    """
                    A life history must be understood within the culture, faith,
                    community and history that shaped it. Cultural humility means
                    treating the family as the experts on their own lives,
                    asking how they understand what happened, and checking your
                    assumptions about what is normal, shameful or protective.
                    It also means recognizing the history that communities
                    carry, including their experience of police, courts and
                    child-welfare systems.
                    """
                ),
                text(
                    """
                    When a witness is more comfortable in another language, use
                    a qualified interpreter, never a family member or the client.
                    Brief the interpreter on the purpose and subject of the
                    interview, ask them to interpret in the first person and
                    without summarizing, and note their name in your memo.
                    Consider a cultural expert when customs, migration or
                    community history are central to the case.
                    """
                ),
                text(
                    """
                    Language access also applies to records. Documents from
                    another country or in another language need certified
                    translations, and official records abroad may need
                    requests through a consulate or local counsel. Start these
                    early: they take the longest.
                    """
                ),
                callout(
                    "Key point",
                    """
                    Ask, don't assume. “How would people in your family
                    have talked about this?” often opens more than any
                    clinical question.
                    """,
                ),
            ],
        },
        {
            "title": "Interview memoranda",
            "estimated_minutes": 30,
            "summary": (
                "Writing the memo that records an interview accurately, for "
                "attorneys and experts who were not in the room."
            ),
            "body": [
                text(
                    """
                    Each interview ends with a memorandum to counsel, written as
                    soon as possible while memory is fresh. It records the date,
                    place, length and everyone present; how the witness knows
                    the client; and what the witness said, in the order it
                    matters, with direct quotes for the most important words.
                    Observations, such as the witness's demeanor, appear as
                    observations and are kept separate from what was said.
                    """
                ),
                text(
                    """
                    Follow counsel's direction on format and on whether to
                    record your own impressions. Many teams mark memos as
                    privileged and confidential attorney work product. End with
                    the follow-up the interview suggests: records to request,
                    people to find, questions for the next visit.
                    """
                ),
                callout(
                    "A memo in five parts",
                    """
                    1. Heading: who, when, where, who was present.
                    2. The witness and their relationship to the client.
                    3. What the witness said.
                    4. Observations, labelled as such.
                    5. Follow-up.
                    """,
                ),
                reflection(
                    """
                    Think of a conversation you had today. Write the first two
                    paragraphs of a memo about it, keeping what was said apart
                    from what you concluded.
                    """
                ),
            ],
        },
    ],
    "quizzes": [KNOWLEDGE_CHECK],
}
