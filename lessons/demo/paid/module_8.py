"""Module 8: Mitigation at every stage."""

from lessons.demo.markup import NOT_LEGAL_ADVICE, callout, h2, reflection, text
from lessons.demo.quizzes.paid_module_8 import KNOWLEDGE_CHECK

MODULE = {
    "title": "Mitigation at every stage",
    "summary": (
        "Early advocacy and plea negotiations, lay witnesses and families, "
        "non-capital sentencing memoranda, post-conviction and clemency."
    ),
    "lessons": [
        {
            "title": "Early advocacy and plea negotiations",
            "estimated_minutes": 35,
            "summary": (
                "How mitigation gathered early can shape charging decisions and "
                "plea offers, long before any sentencing hearing."
            ),
            "body": [
                text(
                    """
                    Mitigation is not only for sentencing. Prosecutors decide
                    what to charge, whether to seek the most severe penalty
                    available and what plea to offer, and they can be influenced
                    by what they learn about the accused. In many capital cases
                    the most important mitigation presentation happens at a
                    meeting with the prosecution, months before any trial.
                    """
                ),
                text(
                    """
                    This is one reason the investigation should begin as soon
                    as the team is appointed. Early work also tells counsel what
                    a case is really about: a client with an intellectual
                    disability, a serious mental illness or a history of abuse
                    may need a different strategy from the start. What, if
                    anything, is shared with the prosecution, and in what form,
                    is for counsel to decide with the client.
                    """
                ),
                callout(
                    "Key point",
                    """
                    The earlier the life history is known, the more decisions it
                    can inform. Ask counsel which decisions are coming up and
                    what information would help most.
                    """,
                ),
                NOT_LEGAL_ADVICE,
            ],
        },
        {
            "title": "Lay witnesses and families",
            "estimated_minutes": 35,
            "summary": (
                "Preparing family members and other lay witnesses to testify, "
                "and supporting families through a case."
            ),
            "body": [
                text(
                    """
                    Lay witnesses make a life history real. A teacher who
                    remembers a hungry child, a neighbor who heard the beatings,
                    a sister who describes their mother's illness: their
                    testimony carries a weight no report can. Counsel decides
                    who testifies and prepares their testimony; the specialist
                    often knows the witnesses best and helps identify who can
                    speak to each theme.
                    """
                ),
                text(
                    """
                    Testifying is frightening, and families may feel blamed by
                    a story that describes what happened in their home. Help
                    counsel explain to witnesses what to expect in court, how
                    long it may take and why their honesty matters. Keep in
                    touch through the long months of a case, and remember that
                    families are grieving too, sometimes for the victim as well
                    as for the client.
                    """
                ),
                reflection(
                    """
                    How would you prepare a mother to hear her own parenting
                    described in court, without asking her to change her
                    testimony?
                    """
                ),
                NOT_LEGAL_ADVICE,
            ],
        },
        {
            "title": "Non-capital sentencing memoranda",
            "estimated_minutes": 35,
            "summary": (
                "Bringing mitigation to ordinary felony sentencing through a "
                "sentencing memorandum and a realistic plan for the future."
            ),
            "body": [
                text(
                    """
                    Most criminal cases are not capital, and more defenders now
                    use mitigation in everyday felony sentencing. Courts
                    typically consider a defendant's history and characteristics
                    along with the offense, and a concise, well-sourced
                    sentencing memorandum can help the judge do so.
                    """
                ),
                h2("What a memo usually includes"),
                text(
                    """
                    - A short life history focused on what explains the offense.
                    - Health, mental health and substance use, with treatment.
                    - Family responsibilities and community support.
                    - A concrete plan: housing, treatment, work, supervision.
                    - Letters of support, chosen and edited for relevance.
                    """
                ),
                text(
                    """
                    Judges read many memoranda. Keep it short, factual and
                    specific, and make the plan realistic: a treatment program
                    that has accepted the client persuades more than a general
                    promise to get help. Counsel signs and files the memo; you
                    may draft much of it.
                    """
                ),
                NOT_LEGAL_ADVICE,
            ],
        },
        {
            "title": "Post-conviction and clemency",
            "estimated_minutes": 35,
            "summary": (
                "Mitigation after a sentence: showing what was missed at trial, "
                "and asking for mercy when the courts are done."
            ),
            "body": [
                text(
                    """
                    After a conviction and sentence, mitigation work often
                    returns in two forms. In post-conviction proceedings, a new
                    team may investigate what trial counsel failed to find. A
                    claim of ineffective assistance needs both halves of the
                    <i>Strickland</i> test: that trial counsel's performance
                    was deficient, for example an unreasonable decision to cut
                    the background investigation short, and that the
                    deficiency prejudiced the client, meaning a reasonable
                    probability of a different result. The specialist's task
                    is to do the complete investigation that was not done
                    before, and to document clearly what was available at the
                    time. The Supreme Court's leading cases on the duty to
                    investigate, <i>Williams v. Taylor</i> (2000), <i>Wiggins v.
                    Smith</i> (2003), <i>Rompilla v. Beard</i> (2005) and
                    <i>Porter v. McCollum</i> (2009), all turned on life-history
                    evidence that post-conviction teams found and trial counsel
                    had not.
                    """
                ),
                text(
                    """
                    Timing matters. When a federal court reviews a claim that a
                    state court decided on the merits, its review under 28
                    U.S.C. §2254(d)(1) is limited to the record that was
                    before the state court (<i>Cullen v. Pinholster</i>,
                    2011). Evidence first developed in federal court may not be
                    considered in that review, so the investigation belongs in
                    the state post-conviction case.
                    """
                ),
                text(
                    """
                    Clemency is different: it is a request for mercy to a
                    governor, a board or another executive authority, after the
                    courts have finished. Clemency petitions tell the whole life,
                    including the years in prison: rehabilitation, programs
                    completed, relationships repaired, the person the client has
                    become. Letters from corrections staff, fellow prisoners,
                    victims' family members and others can be powerful.
                    """
                ),
                callout(
                    "Key point",
                    """
                    In post-conviction work, what trial counsel knew or could
                    have known, and when, is often the central question. Date
                    every record and note when it was first available.
                    """,
                ),
                NOT_LEGAL_ADVICE,
                callout(
                    "Sources",
                    """
                    - Strickland v. Washington, 466 U.S. 668, 687, 691, 694
                      (1984).
                    - Williams v. Taylor, 529 U.S. 362 (2000); Wiggins v.
                      Smith, 539 U.S. 510, 521–23 (2003); Rompilla v. Beard,
                      545 U.S. 374 (2005); Porter v. McCollum, 558 U.S. 30
                      (2009) (per curiam).
                    - Cullen v. Pinholster, 563 U.S. 170 (2011); 28 U.S.C.
                      §2254(d)(1).
                    """,
                ),
            ],
        },
    ],
    "quizzes": [KNOWLEDGE_CHECK],
}
