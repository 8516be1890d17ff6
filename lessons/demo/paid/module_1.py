"""Module 1: What mitigation is and why it matters."""

from lessons.demo.markup import (
    NOT_LEGAL_ADVICE,
    callout,
    h2,
    quote,
    reflection,
    text,
)
from lessons.demo.quizzes.paid_module_1 import KNOWLEDGE_CHECK

MODULE = {
    "title": "What mitigation is and why it matters",
    "summary": (
        "Individualized sentencing, the national standard for the mitigation "
        "function, the defense team, and the path from clinician to specialist."
    ),
    "lessons": [
        {
            "title": "Individualized sentencing",
            "is_free_preview": True,
            "estimated_minutes": 30,
            "summary": (
                "Why the law asks sentencers to consider the person and not only "
                "the offense, and where mitigation enters a case."
            ),
            "body": [
                text(
                    """
                    <b>A welcome from your instructor.</b> I'm Dana Whitfield,
                    and I'll be with you through nine modules on the
                    foundations of mitigation practice. You already know how to
                    sit with someone while they tell the hardest parts of their
                    story. This course is about doing that inside a legal case:
                    for a defense team, at an attorney's direction, with records
                    to back up every fact. We start with the reason the work
                    exists at all: the principle that a person must be
                    sentenced as an individual.
                    """
                ),
                text(
                    """
                    A sentence is a judgment about a person, not only about an
                    act. American law states this most strongly in capital
                    cases. In <i>Lockett v. Ohio</i> (1978) a plurality of the
                    Supreme Court held that the sentencer in a capital case
                    must not be precluded from considering any aspect of the
                    defendant's character or record, or any circumstance of the
                    offense, that the defendant offers as a reason for a
                    sentence less than death; in <i>Eddings v. Oklahoma</i>
                    (1982) the Court adopted that rule and held that the
                    sentencer may not refuse to consider, as a matter of law,
                    any relevant mitigating evidence.
                    """
                ),
                text(
                    """
                    The rule is broad, but it is not "anything the defense
                    offers". The evidence must be relevant, and the threshold is
                    low: evidence is relevant mitigation if it tends logically
                    to prove or disprove some fact or circumstance that the
                    factfinder could reasonably deem to have mitigating value
                    (<i>Tennard v. Dretke</i>, 2004). Courts keep their
                    traditional power to exclude, as irrelevant, evidence that
                    does not bear on the defendant's character, record or the
                    circumstances of the offense (<i>Lockett</i>, note 12).
                    """
                ),
                text(
                    """
                    Defense counsel, for their part, have a duty to make a
                    reasonable investigation, or to make a reasonable decision
                    that makes a particular investigation unnecessary
                    (<i>Strickland v. Washington</i>, 1984). A claim that
                    counsel was ineffective succeeds only if counsel's
                    performance was deficient <i>and</i> the deficiency
                    prejudiced the defense. In <i>Williams v. Taylor</i>
                    (2000), <i>Wiggins v. Smith</i> (2003), <i>Rompilla v.
                    Beard</i> (2005) and <i>Porter v. McCollum</i> (2009) the
                    Court held that capital counsel's failure to investigate
                    the client's background was deficient and prejudiced the
                    client. The duty is to investigate reasonably, not to
                    guarantee what the investigation finds.
                    """
                ),
                text(
                    """
                    Outside capital cases the rules are looser but the logic is
                    the same. Sentencing statutes and guidelines usually let the
                    court weigh a defendant's history, health, family
                    responsibilities and prospects. Prosecutors exercise
                    discretion in charging and plea offers. Parole boards and
                    clemency authorities consider who a person was and has
                    become. At each of these points, a well-documented life
                    history can change the outcome.
                    """
                ),
                quote(
                    """
                    … the Eighth and Fourteenth Amendments require that the
                    sentencer, in all but the rarest kind of capital case, not
                    be precluded from considering, as a mitigating factor, any
                    aspect of a defendant's character or record and any of the
                    circumstances of the offense that the defendant proffers as
                    a basis for a sentence less than death.
                    """,
                    "Lockett v. Ohio, 438 U.S. 586, 604 (1978) (plurality "
                    "opinion); adopted by the Court in Eddings v. Oklahoma, 455 "
                    "U.S. 104, 113–14 (1982)",
                ),
                callout(
                    "Key point",
                    """
                    Mitigation is not limited to a list of factors in a statute.
                    Any fact about a person's character, record or background
                    that a decision-maker could reasonably find to have
                    mitigating value is worth finding, documenting and bringing
                    to counsel, who decides, with the client, what to present.
                    """,
                ),
                reflection(
                    """
                    In your clinical work, when has knowing a person's history
                    changed your judgment of their behavior? What would a judge
                    have needed to see to reach the same understanding?
                    """
                ),
                NOT_LEGAL_ADVICE,
                callout(
                    "Sources",
                    """
                    - Lockett v. Ohio, 438 U.S. 586, 604 & n.12 (1978)
                      (plurality opinion).
                    - Eddings v. Oklahoma, 455 U.S. 104, 113–14 (1982).
                    - Tennard v. Dretke, 542 U.S. 274, 284–85 (2004).
                    - Strickland v. Washington, 466 U.S. 668, 687, 691 (1984).
                    - Williams v. Taylor, 529 U.S. 362 (2000); Wiggins v.
                      Smith, 539 U.S. 510, 521–23 (2003); Rompilla v. Beard,
                      545 U.S. 374 (2005); Porter v. McCollum, 558 U.S. 30
                      (2009) (per curiam).
                    """,
                ),
            ],
        },
        {
            "title": "The ABA Guidelines and the mitigation function",
            "estimated_minutes": 35,
            "summary": (
                "What the national standard for capital defense says about "
                "mitigation investigation, and why it matters outside capital "
                "cases too."
            ),
            "body": [
                text(
                    """
                    The American Bar Association's <i>Guidelines for the
                    Appointment and Performance of Defense Counsel in Death
                    Penalty Cases</i>, revised in 2003, describe the defense team
                    a capital case requires: at least two qualified attorneys, an
                    investigator and a mitigation specialist, with someone on the
                    team able to screen for mental and psychological disorders.
                    In 2008 the <i>Supplementary Guidelines for the Mitigation
                    Function of Defense Teams in Death Penalty Cases</i> set out
                    in detail what that mitigation work involves.
                    """
                ),
                h2("What the Supplementary Guidelines describe"),
                text(
                    """
                    - A thorough, independent investigation of the client's life
                      history, reaching back generations where it helps.
                    - Records gathered from every institution that touched the
                      client and the family, not just those that seem relevant.
                    - Repeated, in-person interviews built on trust, with the
                      client and with many witnesses.
                    - Screening for conditions that call for expert evaluation.
                    - Mitigation as a responsibility of the whole team, from the
                      first day of the case to its end.
                    """
                ),
                text(
                    """
                    The Guidelines are a professional standard, not a statute.
                    The Supreme Court treats standards like them as "only
                    guides" to what reasonable performance means, not its
                    definition (<i>Bobby v. Van Hook</i>, 2009): the
                    constitutional test remains whether counsel's investigation
                    was reasonable in the circumstances. Some jurisdictions go
                    further and adopt the Guidelines in their court rules;
                    Arizona's rule on counsel in capital cases is one example.
                    Many non-capital offices borrow their description of the
                    work. For you they are the clearest single statement of
                    what a defense team will expect of a mitigation
                    specialist.
                    """
                ),
                reflection(
                    """
                    Which of the responsibilities above already feels familiar
                    from your clinical practice, and which is entirely new?
                    """
                ),
                NOT_LEGAL_ADVICE,
                callout(
                    "Sources",
                    """
                    - American Bar Association, Guidelines for the Appointment
                      and Performance of Defense Counsel in Death Penalty Cases
                      (rev. 2003), Guideline 4.1.
                    - Supplementary Guidelines for the Mitigation Function of
                      Defense Teams in Death Penalty Cases, 36 Hofstra L. Rev.
                      677 (2008).
                    - Strickland v. Washington, 466 U.S. 668, 688–89 (1984);
                      Bobby v. Van Hook, 558 U.S. 4, 8 (2009) (per curiam).
                    - Ariz. R. Crim. P. 6.8.
                    """,
                ),
            ],
        },
        {
            "title": "The defense team",
            "estimated_minutes": 25,
            "summary": (
                "Who is on a defense team, what each member does, and how the "
                "mitigation specialist's work connects to theirs."
            ),
            "body": [
                text(
                    """
                    A defense team is led by counsel. The lead attorney is
                    responsible for the client's defense and makes the strategic
                    decisions; co-counsel share the legal work. A fact
                    investigator examines the offense itself: the scene, the
                    witnesses, the forensic evidence. The mitigation specialist
                    investigates the client's life. Experts, such as
                    psychologists, psychiatrists, neuropsychologists and others,
                    are retained by counsel when the investigation shows a need.
                    """
                ),
                text(
                    """
                    These roles overlap constantly. The investigator may find a
                    neighbor who knew the client as a child; the specialist may
                    learn something about the night of the offense. Good teams
                    meet often and share what they learn, through counsel, so
                    that nothing important sits in one person's notes.
                    """
                ),
                text(
                    """
                    The specialist's work reaches every other member's. The
                    attorneys need the life history to choose a strategy and
                    negotiate; the investigator may need to find witnesses the
                    specialist has heard about; experts rely on the records and
                    chronology the specialist assembles. Treat the team's
                    shared file as the single place where the case's knowledge
                    lives.
                    """
                ),
                callout(
                    "Key point",
                    """
                    You report to counsel, and information flows through the
                    attorney. Nothing relating to the representation leaves the
                    team without the client's informed consent, unless the
                    disclosure is impliedly authorized to carry out the
                    representation or falls under one of the narrow exceptions
                    in the lawyer's confidentiality rule (ABA Model Rule 1.6).
                    Counsel advises the client and handles disclosure; the
                    client decides the objectives of the defense.
                    """,
                ),
                text(
                    """
                    Some decisions belong to the client even when the team
                    disagrees. A competent client may refuse to allow
                    mitigation evidence to be presented, as the client did in
                    <i>Schriro v. Landrigan</i> (2007), and may insist on
                    maintaining innocence: counsel may not concede guilt over
                    the client's objection (<i>McCoy v. Louisiana</i>, 2018).
                    Your work then helps counsel explain to the client what the
                    evidence could do, so that the client's choice is an
                    informed one.
                    """
                ),
                reflection(
                    """
                    How does working under an attorney's direction compare with
                    the supervision structures you know from clinical settings?
                    """
                ),
                NOT_LEGAL_ADVICE,
                callout(
                    "Sources",
                    """
                    - ABA Model Rules of Professional Conduct, Rules 1.2(a) and
                      1.6(a).
                    - Schriro v. Landrigan, 550 U.S. 465 (2007).
                    - McCoy v. Louisiana, 584 U.S. 414 (2018).
                    """,
                ),
            ],
        },
        {
            "title": "From clinician to mitigation specialist",
            "estimated_minutes": 25,
            "summary": (
                "What a clinical training brings to the work, and what a "
                "clinician has to learn to do it well."
            ),
            "body": [
                text(
                    """
                    Social workers, counselors and psychologists arrive with
                    much of what the role needs: interviewing skill, comfort with
                    painful subjects, knowledge of development and trauma, and a
                    habit of seeing people in their family and community
                    context. Many teams prefer specialists with clinical
                    training for exactly these reasons.
                    """
                ),
                text(
                    """
                    The adjustments are just as real. You will gather facts for
                    someone else's use rather than treat. You will document more
                    and interpret less. You will learn the vocabulary of the
                    courts and write for readers who are looking for weaknesses.
                    And you will carry stories of harm for years at a time.
                    Modules 2 to 8 take these adjustments one at a time; the
                    capstone in module 9 asks you to put them together.
                    """
                ),
                quote(
                    """
                    I stopped asking myself how to help and started asking what
                    the court needed to understand. The empathy stayed. The
                    purpose changed.
                    """,
                    "A former child-welfare caseworker, now a mitigation specialist "
                    "(composite)",
                ),
                reflection(
                    """
                    Write down the three clinical skills you expect to use most,
                    and one habit from clinical practice you may need to set
                    aside.
                    """
                ),
            ],
        },
    ],
    "quizzes": [KNOWLEDGE_CHECK],
}
