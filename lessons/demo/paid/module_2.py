"""Module 2: Ethics, confidentiality and role clarity."""

from lessons.demo.markup import NOT_LEGAL_ADVICE, callout, h2, quote, reflection, text
from lessons.demo.quizzes.paid_module_2 import KNOWLEDGE_CHECK

MODULE = {
    "title": "Ethics, confidentiality and role clarity",
    "summary": (
        "Working at counsel's direction, conflicting duties, role boundaries, "
        "releases and documentation, and taking care of yourself."
    ),
    "lessons": [
        {
            "title": "Working at counsel's direction",
            "estimated_minutes": 30,
            "summary": (
                "Why the attorney directs the defense, what that means for your "
                "notes and conversations, and how to agree on ground rules early."
            ),
            "body": [
                text(
                    """
                    The client's attorney owes the client duties of loyalty,
                    confidentiality and competent representation, and directs
                    the defense to meet them. When you are retained by counsel
                    or employed by a defender office, your investigation is part
                    of that representation. In many jurisdictions this is what
                    allows your work to be treated as attorney work product and
                    your communications with the client to fall within the
                    attorney-client relationship.
                    """
                ),
                text(
                    """
                    Those protections are not automatic, and they can be lost.
                    A memo emailed to the wrong person, notes shared with a
                    client's relative or a conversation with a caseworker about
                    what the client told you may waive them. Nothing leaves the
                    team except through counsel, and counsel in turn may reveal
                    information relating to the representation only with the
                    client's informed consent, when the disclosure is impliedly
                    authorized to carry out the representation, or under one of
                    the narrow exceptions of the lawyer's confidentiality rule
                    (ABA Model Rule 1.6(a) and its state versions).
                    """
                ),
                text(
                    """
                    Working at counsel's direction does not make the client a
                    bystander. The client decides the objectives of the defense:
                    a competent client may refuse to allow mitigation to be
                    presented (<i>Schriro v. Landrigan</i>, 2007) or insist on
                    maintaining innocence (<i>McCoy v. Louisiana</i>, 2018).
                    Your part is to give counsel what the client needs to make
                    those choices with full information, and to respect them
                    once made.
                    """
                ),
                callout(
                    "Agree on ground rules at the start",
                    """
                    - Who on the team you report to, and how often.
                    - How notes, recordings and drafts are kept and sent.
                    - What you may say to witnesses about the case.
                    - What to do if a witness asks you for help or advice.
                    """,
                ),
                reflection(
                    """
                    Draft the three questions you would ask an attorney at your
                    first team meeting on a new case.
                    """
                ),
                NOT_LEGAL_ADVICE,
                callout(
                    "Sources",
                    """
                    - ABA Model Rules of Professional Conduct, Rules 1.2(a)
                      and 1.6(a).
                    - Schriro v. Landrigan, 550 U.S. 465 (2007).
                    - McCoy v. Louisiana, 584 U.S. 414 (2018).
                    """,
                ),
            ],
        },
        {
            "title": "Mandated reporting and conflicting duties",
            "estimated_minutes": 35,
            "summary": (
                "When a clinician's duty to report meets a defense team's duty "
                "of confidentiality, and how to prepare before it happens."
            ),
            "body": [
                text(
                    """
                    Licensed clinicians are often mandated reporters of child or
                    elder abuse, and many have a duty to warn or protect when a
                    person threatens harm. Defense teams, by contrast, hold the
                    client's confidences. When a clinician joins a defense team,
                    these duties can collide: a client describes abuse of a
                    child in the home, or a sibling discloses harm that is still
                    happening.
                    """
                ),
                text(
                    """
                    How the conflict resolves depends first on the law of your
                    state, then on your license and on how your role is
                    defined. Some states preserve the attorney-client privilege
                    against the reporting duty, and whether that protection
                    reaches a clinician working for counsel is a question of
                    that state's law. Others refuse any exception. Texas is one:
                    anyone who has cause to believe that a child's physical or
                    mental health or welfare has been adversely affected by
                    abuse or neglect must report immediately; a licensed
                    professional who has direct contact with children
                    in the course of licensed duties must report within 48
                    hours and may not delegate the report to, or rely on,
                    another person to make it; and the duty applies "without
                    exception" to people whose communications may otherwise be
                    privileged, including attorneys, social workers and mental
                    health professionals (Texas Family Code §261.101(a)–(c)).
                    """
                ),
                text(
                    """
                    For social workers, the NASW Code of Ethics bears on the
                    same moment. Standard 1.01 (commitment to clients) says that
                    specific legal obligations, such as a duty to report that a
                    client has abused a child, may on limited occasions
                    supersede the loyalty owed to clients, and that clients
                    should be so advised. Standard 1.03 asks for informed
                    consent, and 1.06 asks you to be alert to conflicts of
                    interest, to tell clients when a real or potential conflict
                    arises and to take reasonable steps to resolve it. Standard
                    1.07(c) keeps information confidential except for
                    compelling professional reasons, and then allows only the
                    least disclosure necessary; 1.07(e) asks you to discuss the
                    limits of confidentiality, including
                    when disclosure may be legally required, as early as
                    possible; and 1.07(j) asks you to protect confidentiality in
                    legal proceedings to the extent the law permits.
                    """
                ),
                h2("Prepare before it happens"),
                text(
                    """
                    1. Before the case begins, learn your state's reporting law
                       as it applies to you: who must report, what triggers the
                       duty, how quickly and to whom, and whether any exception
                       reaches a member of a defense team.
                    2. Agree with counsel on what you will do if you hear
                       something that may trigger a duty, including who you
                       call first. Counsel represents the client, not you:
                       where the duty is yours, also ask your licensing board
                       and, where needed, your own lawyer.
                    3. Tell the client and each witness at the start, in plain
                       words, what you cannot keep confidential.
                    """
                ),
                callout(
                    "Key point",
                    """
                    Do not promise anyone absolute confidentiality. When you
                    hear something that may trigger a duty, consult counsel at
                    once about how to meet it, but counsel's advice does not
                    discharge a duty the law puts on you personally: in a state
                    such as Texas the report is yours to make, within the time
                    the law sets. Be aware, too, that what you write about it,
                    including a note of what you told counsel, may be
                    discoverable.
                    """,
                ),
                NOT_LEGAL_ADVICE,
                callout(
                    "Sources",
                    """
                    - Texas Family Code §261.101(a)–(c).
                    - National Association of Social Workers, Code of Ethics,
                      standards 1.01, 1.03, 1.06 and 1.07(c), (e) and (j).
                    """,
                ),
            ],
        },
        {
            "title": "Not the client's therapist",
            "estimated_minutes": 25,
            "summary": (
                "Keeping a clear role when every instinct says to help, and what "
                "to do when a client or family member needs care."
            ),
            "body": [
                text(
                    """
                    You will spend more hours with the client than almost anyone
                    else on the team, talking about the most painful parts of
                    their life. It is natural for the relationship to feel
                    therapeutic, and natural for the client to want it to be.
                    But therapy has goals, a contract and privileges of its own,
                    and a defense-team role cannot carry them. If you drift into
                    treatment, the prosecution may later argue that your
                    observations are clinical opinions, and your notes may be
                    sought as treatment records.
                    """
                ),
                text(
                    """
                    Being clear about your role is itself trauma-informed. Tell
                    the client plainly who you work for, what you are doing and
                    why. Use your skills to pace interviews, notice distress and
                    end sessions safely. When a client needs treatment, bring it
                    to counsel so the team can arrange it through someone whose
                    role is to provide care.
                    """
                ),
                quote(
                    """
                    I tell clients on day one: I'm here to learn your story for
                    your lawyers. I'll listen to all of it. I'm not your
                    counselor, and I'll help you find one if you want one.
                    """,
                    "Dana Whitfield, course instructor",
                ),
                reflection(
                    """
                    Write the two or three sentences you would use to explain
                    your role to a new client at your first meeting.
                    """
                ),
            ],
        },
        {
            "title": "Releases, documentation and the file",
            "estimated_minutes": 30,
            "summary": (
                "Getting valid releases, keeping the team's file in order, and "
                "writing notes as if others will read them."
            ),
            "body": [
                text(
                    """
                    Most records are released with the written authorization of
                    the person they describe, or of their guardian or, for a
                    person who has died, their personal representative.
                    Agencies often insist on their own forms, a recent date,
                    witness signatures or a notary. When a release is not
                    possible, counsel may seek records by subpoena or court
                    order, and each kind of record has its own rules for that.
                    """
                ),
                h2("Each source has its own rules"),
                text(
                    """
                    - <b>Health records (HIPAA).</b> A provider may answer a
                      subpoena that comes without a court order only if it
                      receives satisfactory assurance that reasonable efforts
                      were made to notify the patient, or to secure a
                      qualified protective order (45 CFR 164.512(e)(1)(ii)).
                    - <b>Substance-use-disorder treatment records (42 CFR
                      Part 2).</b> A subpoena alone does not compel a
                      federally assisted program to disclose them. Without the
                      patient's written consent, disclosure needs a court order
                      that meets the rule's own requirements (subpart E), and
                      compelling disclosure takes a subpoena as well
                      (42 CFR 2.61).
                    - <b>School records (FERPA).</b> A school that receives a
                      subpoena or court order must, with limited exceptions,
                      make a reasonable effort to notify the parent or the
                      eligible student before it complies, so they can seek
                      protection (34 CFR 99.31(a)(9)(ii)).
                    - <b>Relatives who have died.</b> For health records, the
                      person who authorizes release is the deceased's personal
                      representative: an executor, administrator or other
                      person with authority under state law to act for the
                      deceased or the estate (45 CFR 164.502(g)(4)).
                    """
                ),
                text(
                    """
                    Keep a master list of every release: who signed it, when,
                    for which agencies and when it expires. Store signed
                    originals as counsel directs. In the file, separate what you
                    received from what you wrote, and date everything.
                    """
                ),
                h2("Notes others may read"),
                text(
                    """
                    Write every note on the assumption that it could one day be
                    read by someone outside the team. Record facts and
                    observations, attribute every statement to its source, and
                    keep speculation out of writing unless counsel asks for it.
                    Module 4 returns to this in interview memoranda.
                    """
                ),
                NOT_LEGAL_ADVICE,
                callout(
                    "Sources",
                    """
                    - HIPAA Privacy Rule, 45 CFR 164.502(g)(4) and
                      164.512(e)(1)(ii).
                    - Confidentiality of Substance Use Disorder Patient
                      Records, 42 CFR Part 2, §2.61 and subpart E.
                    - FERPA regulations, 34 CFR 99.31(a)(9)(ii).
                    """,
                ),
            ],
        },
        {
            "title": "Secondary trauma and sustaining the work",
            "estimated_minutes": 25,
            "summary": (
                "How repeated exposure to stories of harm affects specialists, "
                "and the habits that keep people in the work."
            ),
            "body": [
                text(
                    """
                    Mitigation work means reading autopsy reports and abuse
                    investigations, sitting with families on the worst days of
                    their lives, and carrying a client's fate for years. Many
                    specialists experience secondary traumatic stress: intrusive
                    images, irritability, numbness, trouble sleeping, a sense
                    that the world is unsafe. Clinicians know these signs in
                    others and often miss them in themselves.
                    """
                ),
                text(
                    """
                    Sustaining the work is a professional skill, not a private
                    matter. Specialists who stay for decades tend to have
                    regular consultation with peers, limits on how many cases
                    they carry, rituals that mark the end of a working day,
                    and, when needed, their own therapy. A case that ends badly
                    deserves a debrief, just as it would in a clinical setting.
                    """
                ),
                callout(
                    "Build your support before you need it",
                    """
                    Identify one peer you can debrief with, one limit you will
                    keep on your caseload, and one routine that closes your
                    working day.
                    """,
                ),
                reflection(
                    """
                    What early signs tell you that your work is affecting you?
                    Who would notice them first?
                    """
                ),
            ],
        },
    ],
    "quizzes": [KNOWLEDGE_CHECK],
}
