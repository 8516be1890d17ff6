"""The paid course's final post-test: a pool of 20 questions on all nine modules.

Each attempt draws 15. The questions are new (none repeats a knowledge check),
two or three per module, the last three applying the course to the fictional
Renner case file of the capstone. Explanations are shown once a learner passes.
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
]

_MODULE_2 = [
    single(
        "Who decides what information leaves the defense team?",
        [
            "The mitigation specialist who gathered it",
            "The client's family",
            ok("Counsel"),
            "The court clerk",
        ],
        """
        Counsel decides what leaves the team, when and how; sharing notes or
        memos on your own can waive the protection your work has. (Module 2.)
        """,
    ),
    true_false(
        "Promising witnesses absolute confidentiality is good practice, because "
        "it helps them speak freely.",
        False,
        """
        Do not promise absolute confidentiality: you may not be able to keep the
        promise, and counsel decides what is disclosed. (Module 2.)
        """,
    ),
    multiple(
        "Which are signs of secondary traumatic stress that the course names?",
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
        Records of relatives may need their own releases, or an estate's or
        next of kin's authorization; some sources are public or easier to
        reach. (Module 3.)
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
]

_MODULE_5 = [
    single(
        "A client began drinking at twelve, with an older cousin, after a "
        "parent's death. How does the course suggest presenting such a fact?",
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
