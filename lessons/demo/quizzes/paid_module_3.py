"""Module 3, Records: the knowledge check."""

from lessons.demo.quizzes import knowledge_check, multiple, ok, single, true_false

KNOWLEDGE_CHECK = knowledge_check(
    "records",
    "record sources, requests and logs, earlier generations and chronologies",
    [
        single(
            "You join a new case with two signed releases in hand. What should "
            "you build before you send the first records request?",
            [
                "A subpoena for the school file",
                "A summary of the client's adult criminal record alone",
                ok(
                    "A map of every place the client lived and every system "
                    "that touched the client and the family"
                ),
                "A draft of the social-history report",
            ],
            """
            A records investigation starts with a map, not a request: walk
            through the life in order and list every institution. Keep the map
            open, since interviews add sources.
            """,
        ),
        multiple(
            "What does a good records request include?",
            [
                ok(
                    "Every name the person has used, the date of birth and the "
                    "years asked about"
                ),
                ok(
                    "A request for the complete file, including notes, testing "
                    "protocols and attachments"
                ),
                "A request for a short summary, to save the agency time",
                ok("The signed release or court order"),
            ],
            """
            Be specific and complete: identify the person fully, ask for the
            complete file rather than a summary, enclose the authority, and
            give a name and number for questions.
            """,
        ),
        true_false(
            "A “no records found” answer closes that source for good.",
            False,
            """
            A denial or a “no records found” answer is a fact to document and
            bring to counsel, who may seek the records by subpoena or court
            order.
            """,
        ),
        single(
            "Why write dead ends, such as a hospital's records destroyed in a "
            "flood, into the log?",
            [
                ok("Knowing that records were destroyed is itself a finding."),
                "The agency must then pay for a new search.",
                "The prosecution must be told about every dead end.",
                "It is not needed: the log lists only records received.",
            ],
            """
            Record every dead end: the team may need to know that a source is
            gone, and a complete log helps show records were diligently sought.
            """,
        ),
        single(
            "Which is a well-formed chronology entry?",
            [
                "Client struggled in school for years.",
                ok(
                    "1999-03-12. Referred for special-education evaluation after "
                    "repeating first grade. (Ardent Elementary, p. 214.)"
                ),
                "Around third grade he seemed slow, according to someone.",
                "1999: school problems.",
            ],
            """
            Each entry is one dated event with its source. An entry no one can
            trace back to a page or an interview cannot be used.
            """,
        ),
        true_false(
            "When a record and a witness disagree, the chronology keeps only the "
            "more credible source.",
            False,
            """
            Conflicts are noted, not resolved, in the chronology. Read in order,
            the entries then show the patterns no single record reveals.
            """,
        ),
    ],
)
