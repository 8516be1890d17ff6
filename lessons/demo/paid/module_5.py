"""Module 5: Trauma, development and adversity."""

from lessons.demo.markup import (
    NOT_LEGAL_ADVICE,
    callout,
    h2,
    quote,
    reflection,
    text,
)
from lessons.demo.quizzes.paid_module_5 import KNOWLEDGE_CHECK

MODULE = {
    "title": "Trauma, development and adversity",
    "summary": (
        "Developmental trauma, neurodevelopmental red flags, substance use in "
        "context, and the systems that failed a client along the way."
    ),
    "lessons": [
        {
            "title": "Developmental trauma",
            "estimated_minutes": 35,
            "summary": (
                "How chronic adversity in childhood shapes development, and how "
                "to document it rather than merely name it."
            ),
            "body": [
                text(
                    """
                    Trauma that is chronic, begins early and comes from the
                    people meant to protect a child affects development in ways
                    a single frightening event does not. Research on adverse
                    childhood experiences links abuse, neglect and household
                    dysfunction to later problems with health, learning,
                    emotional regulation and relationships. Clinicians know this
                    literature; the mitigation task is to show how it applies to
                    one particular life.
                    """
                ),
                text(
                    """
                    That means evidence, not labels. “He had a traumatic
                    childhood” persuades no one. A hospital record of a
                    broken arm at age four, a neighbor who remembers the
                    shouting, a teacher's note about a child who fell asleep in
                    class and hoarded food, and a sister who describes the
                    nights they hid in a closet together persuade far more.
                    Gather the specific facts, in order, with sources, so an
                    expert can explain their effect.
                    """
                ),
                callout(
                    "Key point",
                    """
                    Your role is to find and document the adversity. Whether it
                    amounts to a diagnosable condition, and how it affected the
                    client, is a question for a qualified expert retained by
                    counsel.
                    """,
                ),
                reflection(
                    """
                    Pick one adverse childhood experience. List three kinds of
                    record and two kinds of witness that could document it.
                    """
                ),
            ],
        },
        {
            "title": "Neurodevelopmental red flags: screening, not diagnosing",
            "slug": "neurodevelopmental-red-flags",
            "estimated_minutes": 35,
            "summary": (
                "Signs of intellectual disability, fetal alcohol spectrum "
                "disorders and brain injury that call for an expert."
            ),
            "body": [
                text(
                    """
                    Some of the most important mitigation concerns how a
                    client's brain developed. Intellectual disability, fetal
                    alcohol spectrum disorders, traumatic brain injury and
                    other neurodevelopmental conditions are often missed for a
                    lifetime, especially in people who learned to mask what they
                    could not do. In capital cases some of these conditions have
                    specific legal significance, which counsel will explain.
                    """
                ),
                text(
                    """
                    Intellectual disability is the clearest example. The
                    Eighth Amendment forbids executing a person with
                    intellectual disability (<i>Atkins v. Virginia</i>, 2002).
                    A state may not treat an IQ score above 70 as ending the
                    inquiry without accounting for the test's measurement error
                    (<i>Hall v. Florida</i>, 2014), and courts must follow
                    current medical standards, which focus on adaptive deficits:
                    they may not overemphasize a person's adaptive strengths
                    (<i>Moore v. Texas</i>, 2017).
                    """
                ),
                h2("Red flags to record"),
                text(
                    """
                    - Prenatal exposure to alcohol or drugs; premature birth;
                      complications at delivery.
                    - Late milestones; early speech or motor problems.
                    - Repeated grades, special education, low test scores,
                      trouble with money, time or directions as an adult.
                    - Head injuries, loss of consciousness, seizures.
                    - Being easily led, described as “slow” or
                      “a follower” by people who knew the client.
                    """
                ),
                text(
                    """
                    Record each sign with its source and bring the pattern to
                    counsel. Do not administer tests, do not tell the client or
                    family what you think the diagnosis is, and be careful with
                    words in memos: write “repeated first and third
                    grade”, not “intellectually disabled”.
                    """
                ),
                callout(
                    "Screen, don't diagnose",
                    """
                    A premature label can do lasting harm to a case. Describe
                    what you saw and what records show, and let counsel decide
                    whether an expert should evaluate it.
                    """,
                ),
                callout(
                    "Strengths can cut both ways",
                    """
                    Stories of a client's competence, such as holding a job,
                    driving a car or caring for a sibling, can humanize, and
                    they can also be used to argue against evidence of adaptive
                    deficits. When intellectual disability may be at issue,
                    coordinate every theme with counsel and the experts before
                    anything is written for use outside the team.
                    """,
                ),
                NOT_LEGAL_ADVICE,
                callout(
                    "Sources",
                    """
                    - Atkins v. Virginia, 536 U.S. 304 (2002).
                    - Hall v. Florida, 572 U.S. 701 (2014).
                    - Moore v. Texas, 581 U.S. 1 (2017).
                    """,
                ),
            ],
        },
        {
            "title": "Substance use in context",
            "estimated_minutes": 30,
            "summary": (
                "Presenting a client's substance use as part of a life history, "
                "not as a character flaw or an excuse."
            ),
            "body": [
                text(
                    """
                    Decision-makers often see substance use as a choice and an
                    aggravating fact. A life history can show it differently:
                    when use began, what it was used to cope with, what family
                    history and genetic loading lay behind it, and whether
                    treatment was ever offered. A twelve-year-old drinking with
                    an older cousin after a parent's death is a different fact
                    from an adult's choice at a party.
                    """
                ),
                text(
                    """
                    Gather the history of use across generations, the client's
                    age at first use, what treatment was sought or refused and
                    why, and any periods of recovery. Treatment records have
                    strong confidentiality protections and usually need a
                    specific release; a subpoena alone does not compel a
                    federally assisted program to release them (42 CFR Part 2;
                    module 2). Ask counsel. Be honest with the team about
                    what the history shows. A narrative that ignores substance
                    use will be met by a prosecution that does not.
                    """
                ),
                quote(
                    """
                    We stopped asking why he used and started asking what the
                    drugs were doing for him. The answer was in the records all
                    along: they were the only thing that made the nightmares
                    stop.
                    """,
                    "A mitigation specialist (composite)",
                ),
                reflection(
                    """
                    How would you explain the difference between context and
                    excuse to a skeptical juror?
                    """
                ),
                NOT_LEGAL_ADVICE,
            ],
        },
        {
            "title": "When systems failed",
            "estimated_minutes": 30,
            "summary": (
                "Documenting the missed chances: referrals never followed up, "
                "services never delivered, warnings ignored."
            ),
            "body": [
                text(
                    """
                    Many clients were known to public systems long before their
                    arrest. A school referred a child for evaluation that never
                    happened; a child-welfare agency investigated three reports
                    and closed each one; a juvenile facility noted a suicide
                    attempt and released the boy without a treatment plan. These
                    missed chances are powerful mitigation, because they show a
                    person who was visible, in need and left without help.
                    """
                ),
                text(
                    """
                    Look for the gap between what a record says should have
                    happened and what did. Note every referral and its outcome,
                    every recommended service and whether it was provided, every
                    warning and the response. Present the pattern factually.
                    The point is not to blame individual workers, who were often
                    overloaded, but to show what the client's life might have
                    been with the help that was promised.
                    """
                ),
                callout(
                    "Key point",
                    """
                    A system's failure does not excuse the offense. It explains
                    part of how a person arrived at it, and it is a fact a
                    decision-maker may weigh.
                    """,
                ),
            ],
        },
    ],
    "quizzes": [KNOWLEDGE_CHECK],
}
