"""Module 7: Building the narrative."""

from lessons.demo.markup import callout, h2, quote, reflection, text
from lessons.demo.quizzes.paid_module_7 import KNOWLEDGE_CHECK

MODULE = {
    "title": "Building the narrative",
    "summary": (
        "Themes and case theory, genograms and timelines, the social-history "
        "report, and telling a life without excusing harm."
    ),
    "lessons": [
        {
            "title": "Themes and case theory",
            "estimated_minutes": 35,
            "summary": (
                "How the facts of a life become a few clear themes that fit the "
                "defense's theory of the whole case."
            ),
            "body": [
                text(
                    """
                    Thousands of pages and dozens of interviews must become
                    something a judge or jury can hold in mind. Themes do that
                    work: a few simple ideas, each backed by many facts, such as
                    “a child no one protected” or “a young man
                    who tried to get help and was turned away”. The
                    strongest themes are true to the evidence, consistent with
                    each other and repeated by many independent sources.
                    """
                ),
                text(
                    """
                    Themes must fit the case theory that counsel builds for
                    every phase of the case. A mitigation theme that contradicts
                    the defense at trial, or invites evidence that hurts the
                    client, can do more harm than good. Offer themes to the team
                    early, test them against the worst facts, and expect them to
                    change as the investigation goes on.
                    """
                ),
                callout(
                    "Key point",
                    """
                    A theme is only as strong as its weakest source. Prefer
                    themes that records and several independent witnesses
                    support over themes that rest on one person's account.
                    """,
                ),
                reflection(
                    """
                    For a fictional client, write two possible themes in ten
                    words or fewer each. What evidence would each one need?
                    """
                ),
            ],
        },
        {
            "title": "Genograms and timelines",
            "estimated_minutes": 35,
            "summary": (
                "Visual tools that show a family across generations and a life "
                "across decades, for the team and for the court."
            ),
            "body": [
                text(
                    """
                    Clinicians often know the genogram from family therapy. On a
                    defense team it shows at a glance what a narrative takes
                    pages to say: three generations of alcoholism, early deaths,
                    incarceration, mental illness, children raised by
                    grandparents. Mark each fact with its source, and keep a
                    working version for the team separate from any version that
                    might be shown in court.
                    """
                ),
                text(
                    """
                    Timelines do the same for a single life. A simple line
                    from birth to arrest, with moves, losses, injuries, school
                    failures and contacts with systems, can show a judge why a
                    particular year mattered. Keep visual exhibits simple,
                    accurate and tied to evidence; counsel decides whether and
                    how they are used.
                    """
                ),
                text(
                    """
                    Build both tools as living documents from the first weeks of
                    the case, not at the end. Gaps become obvious on a genogram
                    long before they do in a stack of memos: a grandparent no one
                    mentions, a sibling who appears in one record and nowhere
                    else, a three-year gap in a timeline that no record covers.
                    Each gap is a question for the next interview.
                    """
                ),
                callout(
                    "Key point",
                    """
                    Every symbol on a genogram and every point on a timeline
                    must trace back to a record or a witness.
                    """,
                ),
            ],
        },
        {
            "title": "The social-history report",
            "estimated_minutes": 40,
            "summary": (
                "What a written social history contains, who it is written for, "
                "and the questions to settle with counsel before you write."
            ),
            "body": [
                text(
                    """
                    A social-history report tells the client's life in order,
                    from family origins to the present, with every fact sourced.
                    It may be written for the team's internal use, for an expert
                    to rely on, or, at counsel's decision, for a prosecutor,
                    judge or clemency board. Who will read it determines what it
                    says: an internal history includes what hurts the client,
                    while a history that leaves the team must be written with
                    disclosure in mind.
                    """
                ),
                h2("A common structure"),
                text(
                    """
                    1. Family background across generations.
                    2. Prenatal history, birth and early childhood.
                    3. School years, development and adolescence.
                    4. Adulthood: work, relationships, health, custody.
                    5. The themes the history supports.
                    """
                ),
                text(
                    """
                    Write plainly, in the past tense, and let facts carry the
                    weight. Quote witnesses and records where their words are
                    stronger than yours. Before you begin, settle with counsel
                    who the audience is, whether you will sign it, and what may
                    not appear in it.
                    """
                ),
                reflection(
                    """
                    How does writing a social history differ from a clinical
                    psychosocial assessment you have written?
                    """
                ),
            ],
        },
        {
            "title": "Humanizing without excusing",
            "estimated_minutes": 30,
            "summary": (
                "Telling a life truthfully, including the harm done, so that a "
                "decision-maker can see the whole person."
            ),
            "body": [
                text(
                    """
                    A mitigation narrative is not a defense of the crime, and
                    decision-makers reject stories that seem to ask them to
                    forget the victims. The most persuasive narratives
                    acknowledge the harm and the person who did it, and then
                    show everything else that is true: the child the client was,
                    the forces that shaped them, the people who love them, the
                    capacity for good they have shown.
                    """
                ),
                text(
                    """
                    Humanizing detail matters: the client who taught a younger
                    brother to read, the note a grandmother kept, the way a
                    former coach still speaks of him. So does honesty about
                    failure and wrongdoing. A story that holds both is more
                    credible than one that holds only sympathy.
                    """
                ),
                text(
                    """
                    Choose strengths with the whole case in view. Where
                    intellectual disability or another question of adaptive
                    functioning may be raised, a story of a client's
                    competence, or of the capacity for good, can be turned
                    against the evidence of deficits, even though courts may
                    not overemphasize adaptive strengths (<i>Moore v.
                    Texas</i>, 2017; module 5). Settle those themes with
                    counsel and the experts before they are written down.
                    """
                ),
                text(
                    """
                    Respect for the victims belongs in the work itself. Use
                    their names as the family would, never minimize what
                    happened, and follow counsel's direction on any contact
                    with a victim's family, which some teams approach through
                    trained defense-initiated victim outreach.
                    """
                ),
                quote(
                    """
                    Each of us is more than the worst thing we've ever done.
                    """,
                    "Bryan Stevenson, Just Mercy (2014)",
                ),
                reflection(
                    """
                    Write one sentence that acknowledges the harm in a fictional
                    case and one that shows the client as more than that harm.
                    """
                ),
                callout(
                    "Sources",
                    """
                    - Moore v. Texas, 581 U.S. 1 (2017).
                    """,
                ),
            ],
        },
    ],
    "quizzes": [KNOWLEDGE_CHECK],
}
