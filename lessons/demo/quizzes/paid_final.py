"""The paid course's final post-test: a pool of 27 questions on all nine modules.

Each attempt draws 15. The questions are new (none repeats a knowledge check),
three per module, the last three applying the course to the fictional Renner
case file of the capstone. Explanations are shown once a learner passes.
"""

from lessons.demo.quizzes import multiple, ok, post_test, single, true_false

_MODULE_1 = [
    single(
        "Why does mitigation matter outside capital cases?",
        [
            "It does not: only capital sentencers may consider a person's history.",
            ok(
                "Judges, prosecutors, parole boards and clemency authorities can "
                "all weigh a person's history when they decide."
            ),
            "Because non-capital cases require a mitigation specialist by law.",
            "Because it replaces the presentence report.",
        ],
        """
        The logic of individualized sentencing reaches charging, plea offers,
        felony sentencing, parole and clemency: at each point a documented life
        history can change the outcome. (Module 1.)
        """,
    ),
    true_false(
        "The 2008 Supplementary Guidelines treat mitigation as a responsibility "
        "of the whole defense team, from the first day of the case to its end.",
        True,
        """
        The Supplementary Guidelines describe mitigation as the whole team's
        responsibility throughout the case. (Module 1.)
        """,
    ),
    single(
        "Trial counsel in a capital case learned of a childhood "
        "hospitalization and stopped investigating without following it up. "
        "On a later ineffective-assistance claim, what will the court ask?",
        [
            ok(
                "Whether stopping there was a reasonable decision, and whether "
                "the failure prejudiced the client"
            ),
            "Whether counsel followed every ABA Guideline to the letter",
            "Whether the investigation found all the mitigation that existed",
            "Only whether counsel met the client in person",
        ],
        """
        Counsel must investigate reasonably or make a reasonable decision that
        makes an investigation unnecessary (<i>Strickland</i>; <i>Wiggins</i>),
        and a claim also needs prejudice. The ABA Guidelines are "only guides"
        (<i>Bobby v. Van Hook</i>). (Module 1.)
        """,
    ),
]

_MODULE_2 = [
    single(
        "A reporter calls you about the client's childhood and says she already "
        "knows the family was investigated by child welfare. What do you do?",
        [
            "Confirm only what she already knows, so the story is accurate.",
            "Give her the names of relatives who might talk to her.",
            ok(
                "Say nothing about the case and tell counsel: disclosure needs "
                "the client's informed consent or another basis the rules allow."
            ),
            "Share school names and dates, since those are not confidential.",
        ],
        """
        Nothing leaves the team except through counsel, who may reveal
        information relating to the representation only with the client's
        informed consent, when it is impliedly authorized, or under a narrow
        exception (Model Rule 1.6(a)). (Module 2.)
        """,
    ),
    true_false(
        "Promising witnesses absolute confidentiality is good practice, because "
        "it helps them speak freely.",
        False,
        """
        Do not promise absolute confidentiality: you may not be able to keep the
        promise, since a reporting duty or a court order may require
        disclosure. Explain the limits at the start (NASW Code of Ethics
        1.07(e)). (Module 2.)
        """,
    ),
    multiple(
        "A colleague two years into capital work describes these changes. "
        "Which may be signs of secondary traumatic stress?",
        [
            ok("Intrusive images"),
            ok("Irritability or numbness"),
            "Sharper concentration than usual",
            ok("Trouble sleeping"),
            ok("A sense that the world is unsafe"),
        ],
        """
        Clinicians know these signs in others and often miss them in
        themselves; support is best built before it is needed. (Module 2.)
        """,
    ),
]

_MODULE_3 = [
    multiple(
        "Which sources are often public, or easier to obtain, when you document "
        "relatives of earlier generations?",
        [
            ok("Death certificates and obituaries"),
            ok("Military service files"),
            ok("Old court dockets and census records"),
            "A deceased grandparent's therapy notes, without any authorization",
        ],
        """
        Records of relatives need their own releases, or, for a deceased
        relative's health records, the personal representative's
        authorization; some sources are public or easier to reach. (Module 3.)
        """,
    ),
    single(
        "What does a shared records request log give the team?",
        [
            "A substitute for the records themselves",
            ok(
                "A view of where the investigation stands, and a way to show that "
                "records were diligently sought"
            ),
            "A document to send to the prosecution with every request",
            "A list of the records that support the defense theme",
        ],
        """
        The log shows what was asked for, from whom, when, under what
        authority, and what came back. (Module 3.)
        """,
    ),
    single(
        "The client's father died last year and you need his hospital records. "
        "Under HIPAA, whose authorization does the hospital need?",
        [
            "Any adult relative who asks for them",
            ok(
                "His personal representative: the executor, administrator or "
                "other person with authority under state law"
            ),
            "No one's: HIPAA stops applying when a person dies",
            "The prosecutor's, since the records concern a witness",
        ],
        """
        For a deceased person, HIPAA treats whoever has authority under
        applicable law to act for the deceased or the estate as the personal
        representative (45 CFR 164.502(g)(4)). (Module 3.)
        """,
    ),
]

_MODULE_4 = [
    single(
        "In a client interview, which of these is also a fact worth noting?",
        [
            "Nothing beyond the words the client says",
            ok("What the client skips, minimizes or tells without feeling"),
            "The specialist's diagnosis of the client's mood",
            "Only what the client says about the offense",
        ],
        """
        Ask open questions and notice what is skipped, minimized or told without
        feeling: these are facts too. (Module 4.)
        """,
    ),
    true_false(
        "Collateral witnesses such as teachers, coaches and former caseworkers "
        "can corroborate what family members say.",
        True,
        """
        Collateral witnesses saw parts of the client's life from outside; they
        corroborate the family and sometimes reveal what a family could not.
        (Module 4.)
        """,
    ),
    single(
        "The client calls you from the jail phone and starts to tell you about "
        "the night of the offense. What do you do?",
        [
            "Listen and take careful notes, since he called you, not a relative.",
            ok(
                "Stop him, remind him that jail calls can be recorded, and "
                "arrange a confidential legal visit."
            ),
            "Ask him to write it all down in a letter instead.",
            "Suggest a video visit, which is private.",
        ],
        """
        Jail phone calls, video visits and mail are generally monitored and may
        be used by the prosecution. Discuss the case only in a confidential
        legal visit. (Module 4.)
        """,
    ),
]

_MODULE_5 = [
    single(
        "A client began drinking at twelve, with an older cousin, after a "
        "parent's death. How is that fact best presented in the life history?",
        [
            "Leave it out, since it can only hurt the client.",
            "As proof that the offense was not the client's fault.",
            ok(
                "In context: when use began, what it helped the client cope with, "
                "the family history, and what treatment was offered."
            ),
            "As a character flaw the client has since overcome.",
        ],
        """
        A life history can show substance use as part of a life, not as a
        character flaw or an excuse. (Module 5.)
        """,
    ),
    true_false(
        "Documenting missed referrals and services never delivered is meant to "
        "show that individual caseworkers were at fault.",
        False,
        """
        The point is not to blame workers, who were often overloaded, but to
        show what the client's life might have been with the help that was
        promised. (Module 5.)
        """,
    ),
    single(
        "Counsel is exploring whether the client has an intellectual "
        "disability. A cousin says he was a hard worker who kept a warehouse "
        "job for a year. What should you do with this?",
        [
            "Leave it out of your memo, since it could hurt the case.",
            "Build a theme around his work ethic for the social history.",
            ok(
                "Record it accurately, and raise it with counsel and the experts "
                "before any theme about his strengths is written."
            ),
            "Tell the cousin that the job shows he is not disabled.",
        ],
        """
        Courts may not overemphasize adaptive strengths (<i>Moore v.
        Texas</i>), but stories of strength can still be used against evidence
        of adaptive deficits. Record the facts honestly and coordinate themes
        with counsel and the experts. (Modules 5 and 7.)
        """,
    ),
]

_MODULE_6 = [
    single(
        "Who retains experts and controls what they receive?",
        [
            "The mitigation specialist",
            ok("Counsel"),
            "The court",
            "The client's family",
        ],
        """
        Counsel retains experts and decides what they are asked and given; the
        specialist prepares the records, chronology and a summary. (Module 6.)
        """,
    ),
    single(
        "Why does the completeness of an expert's briefing package matter?",
        [
            ok(
                "Experts cannot assess what they are not given: missing school "
                "testing can change an opinion."
            ),
            "Experts are paid by the page they read.",
            "A complete package means the expert need not interview anyone.",
            "It does not: experts gather their own records.",
        ],
        """
        A good package is organized and complete, and the team keeps a list of
        exactly what was sent to each expert and when. (Module 6.)
        """,
    ),
    multiple(
        "You are reading the prosecution's expert's report. Which questions "
        "belong in your notes for counsel?",
        [
            ok("Were the tests suited to the client's language and education?"),
            ok("Did the expert consider the developmental and family history?"),
            ok("Did the expert interview anyone besides the client?"),
            "Is the diagnosis wrong, in your own clinical opinion?",
        ],
        """
        Check facts, sources and what the expert considered; whether a method
        or conclusion is sound is for counsel and, where needed, another
        qualified expert. (Module 6.)
        """,
    ),
]

_MODULE_7 = [
    single(
        "Which tool shows at a glance three generations of alcoholism, "
        "incarceration and mental illness?",
        [
            ok("A genogram"),
            "A records request log",
            "A sentencing memorandum",
            "An interview memorandum",
        ],
        """
        A genogram shows in one picture what a narrative takes pages to say;
        every symbol on it traces to a record or a witness. (Module 7.)
        """,
    ),
    multiple(
        "How does respect for the victims show in mitigation work?",
        [
            ok("Never minimizing what happened"),
            "Leaving the harm out of the narrative",
            ok("Following counsel's direction on any contact with a victim's family"),
            "Contacting the victim's family yourself to explain the client's life",
        ],
        """
        Respect for the victims belongs in the work itself; contact with a
        victim's family happens only as counsel directs. (Module 7.)
        """,
    ),
    multiple(
        "Counsel wants a social history to give the prosecutor in plea "
        "negotiations. What is settled before you write it?",
        [
            ok("Who the audience is"),
            ok("Whether you will sign it"),
            ok("What may not appear in it"),
            "Whether to drop the sources so it reads more smoothly",
        ],
        """
        A history that leaves the team is written with disclosure in mind:
        settle the audience, the signature and what may not appear in it with
        counsel before you write. Every fact stays sourced. (Module 7.)
        """,
    ),
]

_MODULE_8 = [
    single(
        "How does a clemency petition differ from post-conviction litigation?",
        [
            ok(
                "It asks an executive authority for mercy after the courts have "
                "finished, and tells the whole life, including the years in prison."
            ),
            "It is filed before trial to avoid a capital charge.",
            "It argues only that trial counsel's investigation was inadequate.",
            "It is decided by the jury that heard the case.",
        ],
        """
        Post-conviction work shows what was missed at trial; clemency is a
        request for mercy, often supported by rehabilitation and letters.
        (Module 8.)
        """,
    ),
    true_false(
        "In a sentencing memorandum, a treatment program that has already "
        "accepted the client persuades more than a general promise to get help.",
        True,
        """
        Judges read many memoranda: a short, specific memo with a realistic
        plan is the most persuasive. (Module 8.)
        """,
    ),
    true_false(
        "When a federal court reviews a claim that a state court decided on "
        "the merits, it may rely on mitigation evidence the defense first "
        "develops in federal court.",
        False,
        """
        Review under 28 U.S.C. §2254(d)(1) is limited to the record before the
        state court (<i>Cullen v. Pinholster</i>), so the investigation belongs
        in the state post-conviction case. (Module 8.)
        """,
    ),
]

_CAPSTONE = [
    multiple(
        "In the fictional Renner case file, which facts are red flags to bring "
        "to counsel for possible expert evaluation?",
        [
            ok("Born at 32 weeks; his mother reported drinking on weekends"),
            ok("Repeated second grade; found eligible for special education"),
            ok("A car crash at 16 with a brief loss of consciousness"),
            "His grandmother has met you three times",
            ok("Placed on suicide watch in his first week in jail"),
        ],
        """
        Prenatal exposure and prematurity, school failure, a head injury and
        suicide risk may each call for an expert. How often a witness meets you
        is not a red flag. (Modules 5, 6 and 9.)
        """,
    ),
    single(
        "How should your memo to counsel describe the Renner birth record?",
        [
            "Tobias has a fetal alcohol spectrum disorder.",
            ok(
                "Born at 32 weeks, 4 lb 1 oz; the nursing notes record that his "
                "mother “reports drinking on weekends” (Ardent Regional Hospital)."
            ),
            "His mother's drinking caused his learning disability.",
            "Birth records show nothing of interest.",
        ],
        """
        Screen, don't diagnose: state what the record shows, with its source,
        and let counsel decide whether an expert should evaluate it.
        (Modules 5 and 9.)
        """,
    ),
    single(
        "Loretta Renner has not yet talked about the years Tobias lived with his "
        "mother. What is the best next step?",
        [
            "Press her for the details at the next visit, since time is short.",
            "Assume nothing important happened in those years.",
            ok(
                "Keep returning, approach the subject as trust grows, and "
                "request the child-welfare records that cover those years."
            ),
            "Ask the co-defendant what he knows about Tobias's childhood.",
        ],
        """
        Important disclosures often come late, once a witness has seen that you
        come back; records corroborate what interviews bring. (Modules 3, 4
        and 9.)
        """,
    ),
]

POST_TEST = post_test(
    [
        *_MODULE_1,
        *_MODULE_2,
        *_MODULE_3,
        *_MODULE_4,
        *_MODULE_5,
        *_MODULE_6,
        *_MODULE_7,
        *_MODULE_8,
        *_CAPSTONE,
    ]
)
