"""Course one, free: Mitigation 101. One module: three lessons and a knowledge check.

The knowledge check's questions are in ``lessons.demo.quizzes.free``.
"""

from lessons.demo.markup import (
    NOT_LEGAL_ADVICE,
    callout,
    h2,
    quote,
    reflection,
    text,
)
from lessons.demo.quizzes.free import KNOWLEDGE_CHECK

LESSON_WHAT_MITIGATION_IS = {
    "title": "What mitigation is, and why courts hear it",
    "slug": "what-mitigation-is",
    "is_free_preview": True,
    "estimated_minutes": 15,
    "summary": (
        "Why a sentencing court hears the story of a defendant's whole life, and "
        "what a mitigation specialist contributes to telling it."
    ),
    "body": [
        text(
            """
            When a person is convicted of a serious crime, the court that
            sentences them decides more than guilt already settled: it decides
            what should happen to this person. To do that fairly, the court needs
            to know who the person is. Mitigation is the evidence and the story
            that answer that question: the circumstances of a life that help
            explain, without excusing, how the person came to be in the
            courtroom.
            """
        ),
        h2("Individualized sentencing"),
        text(
            """
            In the United States the idea is clearest in capital cases. In the
            1970s the Supreme Court held that a death sentence cannot be imposed
            automatically for a category of crime; the sentencer must consider
            the individual. Later decisions held that the sentencer may not
            refuse to consider relevant evidence about a person's character,
            record or background offered as a reason for a sentence less than
            death, and the bar for relevance is low: evidence that a
            factfinder could reasonably find mitigating. Defense lawyers owe
            their clients a reasonable investigation of that background; a
            lawyer whose unreasonable failure to investigate prejudices the
            client falls below the standard the Constitution requires.
            """
        ),
        quote(
            """
            [T]he fundamental respect for humanity underlying the Eighth
            Amendment … requires consideration of the character and record of
            the individual offender and the circumstances of the particular offense as a
            constitutionally indispensable part of the process of inflicting the
            penalty of death.
            """,
            "Woodson v. North Carolina, 428 U.S. 280, 304 (1976) (plurality opinion)",
        ),
        text(
            """
            The same principle reaches far beyond death-penalty cases. Judges
            sentencing in ordinary felony cases, prosecutors deciding what to
            charge or what plea to offer, parole boards and governors weighing
            clemency all make better decisions when they see the whole person.
            Mitigation work therefore happens at every stage of a case, and
            increasingly in non-capital cases too.
            """
        ),
        h2("Explanation, not excuse"),
        text(
            """
            New clinicians sometimes worry that mitigation asks them to excuse
            harm. It does not. A good mitigation presentation does not deny the
            crime or blame the victim. It shows how a life was shaped: the
            prenatal exposure nobody noticed, the school that tested a child and
            filed the results away, the foster placements, the untreated
            head injury, the father who learned violence from his own father.
            These facts do not erase responsibility. They make it possible for a
            decision-maker to weigh the person, not only the worst thing the
            person did.
            """
        ),
        callout(
            "Key point",
            """
            Mitigation is any fact about a person's life, character or
            circumstances that a decision-maker could reasonably find to weigh
            toward a less severe outcome. Finding those facts, documenting
            them and helping the team present them is the mitigation
            specialist's job.
            """,
        ),
        quote(
            """
            The questions stayed the same and the purpose changed. I still ask
            what happened to a person, how they coped and who was there for
            them. But now I ask those questions for the defense attorney, so
            the court can understand the person it is about to sentence.
            """,
            "Dana Whitfield, course instructor, on moving from clinical social "
            "work to defense teams",
        ),
        h2("Where the clinician fits"),
        text(
            """
            A mitigation specialist is a member of the defense team, working
            alongside the attorneys and the investigator. The role draws on
            exactly the skills a clinical training builds: interviewing people
            about painful subjects, recognizing trauma and developmental
            differences, reading a life in its family and social context. That
            is why so many specialists come from social work, counseling and
            psychology. The next two lessons look at what the work involves day
            to day, and at the new frame a clinician has to learn.
            """
        ),
        reflection(
            """
            Think of a client from your own practice whose history changed how
            you understood their behavior. What did you learn, and where did
            that information come from?
            """
        ),
        NOT_LEGAL_ADVICE,
        callout(
            "Sources",
            """
            - Woodson v. North Carolina, 428 U.S. 280, 304 (1976) (plurality
              opinion).
            - Lockett v. Ohio, 438 U.S. 586, 604 & n.12 (1978) (plurality
              opinion); Eddings v. Oklahoma, 455 U.S. 104, 113–14 (1982).
            - Tennard v. Dretke, 542 U.S. 274, 284–85 (2004).
            - Strickland v. Washington, 466 U.S. 668, 687, 691 (1984);
              Wiggins v. Smith, 539 U.S. 510, 521–23 (2003).
            """,
        ),
    ],
}

LESSON_THE_WORK = {
    "title": "The work itself: records, interviews and red flags",
    "slug": "the-work-itself",
    "estimated_minutes": 15,
    "summary": (
        "The three strands of a mitigation investigation, and how they come "
        "together in a life history the defense team can use."
    ),
    "body": [
        text(
            """
            A mitigation investigation is built from three strands that run
            side by side for the whole life of a case: records, interviews and
            screening. None of them is enough alone. Records without interviews
            are a pile of paper; interviews without records are a family's
            memory, which a prosecutor can attack; and neither tells the team
            when to call an expert unless someone is watching for the signs.
            """
        ),
        h2("Records: a life on paper"),
        text(
            """
            Most people leave a trail of records from before birth: prenatal and
            birth records, pediatric charts, school files with grades,
            attendance and testing, child-welfare investigations, juvenile court
            files, military service, employment, hospital stays, jail and prison
            files. A specialist maps every place a person has lived and every
            system that touched them, then requests those records, usually with
            a signed release or through counsel.
            """
        ),
        text(
            """
            The work often reaches back generations. A grandmother's psychiatric
            hospitalization or a father's combat service can explain patterns
            that repeat in the client's life. Records also anchor the story:
            a report card from 1998 cannot be accused of being invented for
            trial.
            """
        ),
        h2("Interviews: trust over time"),
        text(
            """
            The most important information rarely comes out in a first meeting.
            Clients and families have good reasons to be guarded: shame, loyalty,
            fear of what the truth might mean for someone else. Specialists meet
            with the client many times, and with parents, siblings, teachers,
            neighbors, coaches and former caseworkers, often in person and often
            in their homes. Each interview is written up in a memorandum for the
            attorneys.
            """
        ),
        h2("Screening: noticing what calls for an expert"),
        text(
            """
            A mitigation specialist does not diagnose. The specialist screens:
            notices the signs that suggest fetal alcohol exposure, intellectual
            disability, traumatic brain injury, psychosis or complex trauma, and
            brings them to counsel, who decides whether to retain an expert.
            Clinicians are good at noticing; the discipline to learn is to note
            and report without concluding.
            """
        ),
        callout(
            "Key point",
            """
            <b>Screen, don't diagnose.</b> Your role is to gather the facts an
            expert will need and to flag what you see. A diagnosis offered by a
            team member who was not retained to assess the client can harm the
            case.
            """,
        ),
        h2("Bringing it together"),
        text(
            """
            As the strands come in, the specialist organizes them: a chronology
            that places every record and event on one timeline, a genogram of
            the family across generations, and eventually a social-history
            narrative. The team uses that work to shape its case theory, to
            prepare witnesses and experts, and to argue for a different outcome
            at whatever stage the case has reached.
            """
        ),
        quote(
            """
            The records tell you what happened. The family tells you what it
            meant. You need both before you can tell anyone else.
            """,
            "Dana Whitfield, course instructor",
        ),
        reflection(
            """
            Which of the three strands (records, interviews, screening) feels
            closest to your current work, and which would stretch you most?
            """
        ),
    ],
}

LESSON_THE_FRAME = {
    "title": "A clinician on a defense team: the new frame",
    "slug": "a-clinician-on-a-defense-team",
    "estimated_minutes": 15,
    "summary": (
        "What changes when a clinician works for defense counsel: direction, "
        "confidentiality, role boundaries and writing for lawyers."
    ),
    "body": [
        text(
            """
            Clinicians who move into mitigation work usually find that their
            skills transfer easily. What takes longer is the frame around those
            skills. In clinical practice you answer to your client, your license
            and your profession's ethics code. On a defense team you also work
            at the direction of the client's attorney, inside rules that exist
            to protect the client's legal interests.
            """
        ),
        h2("Working at counsel's direction"),
        text(
            """
            The attorney is responsible for the defense and decides its
            strategy. A mitigation specialist is usually retained by counsel or
            employed by a defender office, and the specialist's work is part of
            the attorney's preparation of the case. In many jurisdictions that
            means your notes and memoranda may be protected as attorney work
            product, and that what you learn is confidential in ways that differ
            from clinical confidentiality. Ask counsel at the start how the team
            handles notes, recordings and email.
            """
        ),
        h2("Not the client's therapist"),
        text(
            """
            The people you interview will often be in pain, and your training
            will pull you toward helping. You can be kind, patient and
            trauma-informed, and you should be. But you are not the client's
            therapist, and treating them would blur a role the court and the
            prosecution may later scrutinize. When a client or family member
            needs care, your job is to tell counsel and help connect them with
            someone who can provide it.
            """
        ),
        h2("When your duties pull in different directions"),
        text(
            """
            Some conflicts have no easy answer. The clearest example is mandated
            reporting: as a licensed clinician you may be a mandated reporter,
            while as a defense-team member you hold confidential information
            about the client's case. How those duties fit together depends on
            your state's law, your license and your role. Some states give a
            defense team's clinician no exception: in Texas the duty to report
            child abuse applies "without exception" even to attorneys and
            social workers, and a professional may not delegate the report to
            anyone else. Learn your state's law and raise the question with
            counsel before you start, not when you first hear something that
            worries you. Counsel can advise you how to proceed, but a duty the
            law puts on you personally stays yours.
            """
        ),
        callout(
            "Before your first case",
            """
            Ask the attorney three questions: Who do I report to on this team?
            How should I keep and send my notes? What should I do if I learn
            something I might be required to report? Then check the last
            answer against your state's law and your licensing board's rules.
            """,
        ),
        h2("Writing for a legal audience"),
        text(
            """
            Clinical writing interprets; writing for a defense team documents.
            An interview memorandum records who was present, what was said and
            what you observed, in plain words, and separates fact from your
            impressions. Attorneys and experts will rely on it, sometimes years
            later, so precision matters more than polish.
            """
        ),
        h2("Is this work for you?"),
        text(
            """
            The work is demanding. Cases are long, the stories are hard and the
            stakes are high. Specialists speak of secondary trauma and of the
            need for supervision, peer support and limits. They also speak of
            meaning: few roles let a clinician's skills change an outcome so
            directly. The full foundations course covers each of these topics
            in depth, with CE hours.
            """
        ),
        reflection(
            """
            Which part of the new frame would be hardest for you: taking
            direction from an attorney, holding back from a therapeutic role, or
            writing to document rather than interpret? Why?
            """
        ),
        NOT_LEGAL_ADVICE,
        callout(
            "Sources",
            """
            - Texas Family Code §261.101(a)–(c).
            """,
        ),
    ],
}

COURSE = {
    "title": "Mitigation 101: What a Mitigation Specialist Does",
    "slug": "mitigation-101",
    "price_amount": 0,
    "currency": "usd",
    "ce_hours": None,
    "summary": (
        "A free, short introduction to mitigation work for clinicians: what a "
        "mitigation specialist does, why courts hear it, and the frame a "
        "clinician works in on a defense team."
    ),
    "learning_objectives": [
        ("objective", "Explain what mitigation is and why sentencing courts hear it."),
        ("objective", "Describe the records, interviews and screening a case needs."),
        ("objective", "Identify how a defense-team role differs from clinical work."),
    ],
    "audience": (
        "Social workers, counselors, psychologists and other clinicians curious "
        "about mitigation work. No legal background is needed."
    ),
    "description": [
        text(
            """
            Mitigation specialists build the life history that lets a court see
            the whole person it is about to sentence. Many of them began as
            clinicians. This free course shows what the work involves, what
            transfers from clinical practice and what you would need to learn.
            """
        ),
        text(
            """
            - Three short lessons, about 45 minutes in all.
            - Reflection prompts to connect the material to your own practice.
            - A five-question knowledge check to close the course, which you
              can take as often as you like.
            """
        ),
        callout(
            "Educational, not legal advice",
            """
            This course is educational. It is not legal advice and does not
            carry continuing-education credit. Case examples are fictional.
            """,
        ),
    ],
    "modules": [
        {
            "title": "Understanding the role",
            "slug": "the-role",
            "summary": (
                "What mitigation is, what a specialist does day to day, and how "
                "a clinician's role changes on a defense team."
            ),
            "lessons": [
                LESSON_WHAT_MITIGATION_IS,
                LESSON_THE_WORK,
                LESSON_THE_FRAME,
            ],
            "quizzes": [KNOWLEDGE_CHECK],
        }
    ],
}
