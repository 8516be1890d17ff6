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
                    what the client told you may waive them. Counsel decides what
                    leaves the team, when and how.
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
                    How the conflict resolves depends on the state, on whether
                    you are acting in a clinical capacity, on your license and on
                    how your role is defined by your employer. Some states exempt
                    members of a defense team acting at counsel's direction;
                    others do not address the question. Ethics codes, such as
                    the NASW Code of Ethics for social workers, also bear on it.
                    This is not a question to answer alone in the moment.
                    """
                ),
                h2("Prepare before it happens"),
                text(
                    """
                    1. Before the case begins, ask counsel how your jurisdiction
                       treats defense-team members who hold a clinical license.
                    2. Agree on what you will do if you hear something that may
                       trigger a duty, including who you call first.
                    3. Consider your own licensing board's guidance and, where
                       needed, your own legal advice.
                    """
                ),
                callout(
                    "Key point",
                    """
                    Do not promise a witness absolute confidentiality, and do
                    not decide a reporting question on your own. Tell counsel
                    at once and document that you did.
                    """,
                ),
                NOT_LEGAL_ADVICE,
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
                    the person they describe, or of their guardian or estate.
                    Health records have their own rules under HIPAA, and
                    substance-use treatment records under federal rules on
                    confidentiality of such programs; schools follow FERPA.
                    Agencies often insist on their own forms, a recent date,
                    witness signatures or a notary. Counsel can obtain records
                    by subpoena or court order when a release is not possible.
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
