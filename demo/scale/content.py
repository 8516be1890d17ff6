"""The words of the scale school: course, module, lesson and question texts.

Plain, plausible and repetitive on purpose: the school exists to be large,
and its texts only need to look like a real course's in the admin.
"""

from __future__ import annotations

SLUG_PREFIX = "scale-"
EMAIL_DOMAIN = "scale.example.com"
PASSWORD = "practicum-scale"  # noqa: S105 (made-up learners of a benchmark)

# (title, price in minor units, CE hours)
COURSES = [
    ("Interviewing Clients and Families", 0, "12.00"),
    ("Records Investigation in Depth", 14900, "20.00"),
    ("Writing the Social History Report", 24900, "24.00"),
]

TOPICS = [
    "first contact",
    "building rapport",
    "family systems",
    "school records",
    "medical records",
    "juvenile records",
    "military service",
    "immigration history",
    "trauma and its signs",
    "cultural context",
    "working with experts",
    "interpreters",
    "timelines",
    "genograms",
    "corroboration",
    "ethics and boundaries",
    "self-care",
    "writing for the court",
    "presenting findings",
    "review and practice",
]

LESSON_OPENINGS = [
    "How to prepare for",
    "A worked example of",
    "Common mistakes in",
    "Documenting",
    "Checklists for",
    "Case study:",
    "Questions to ask about",
    "When to escalate:",
    "Sources for",
]

FIRST_NAMES = [
    "Maria", "James", "Aisha", "Wei", "Olivia", "Noah", "Fatima", "Lucas",
    "Priya", "Daniel", "Sofia", "Mateo", "Grace", "Elijah", "Hana", "Samuel",
    "Amara", "Diego", "Chloe", "Tomas", "Leila", "Isaac", "Nadia", "Owen",
]  # fmt: skip
LAST_NAMES = [
    "Gomez", "Smith", "Khan", "Chen", "Johnson", "Okafor", "Nguyen", "Garcia",
    "Patel", "Brown", "Rossi", "Hernandez", "Kim", "Williams", "Haddad", "Lee",
    "Novak", "Silva", "Cohen", "Murphy", "Tanaka", "Ali", "Jensen", "Moreau",
]  # fmt: skip
LICENSES = [
    ("social_worker", "LCSW"),
    ("social_worker", "LMSW"),
    ("counselor", "LPC"),
    ("psychologist", "PsyD"),
    ("mft", "LMFT"),
    ("other", ""),
]
STATES = ["CA", "TX", "NY", "FL", "GA", "PA", "OH", "IL", "WA", "NC", "AZ", "VA"]

QUESTION_TEXTS = [
    "Which is the first step when you begin work on {topic}?",
    "Who should decide how findings on {topic} are used?",
    "What is the strongest corroboration for a fact about {topic}?",
    "Which record is most often missed when gathering {topic}?",
    "What should you do when a source on {topic} contradicts the client?",
]
TRUE_FALSE_TEXTS = [
    "Notes on {topic} may be shared with the prosecution without counsel's consent.",
    "A single interview is usually enough to settle questions of {topic}.",
    "Facts about {topic} should be corroborated by at least two sources.",
]
SELECT_ALL_TEXTS = [
    "Which of these are good sources on {topic}? Select all that apply.",
    "Which steps belong in a plan for {topic}? Select all that apply.",
]
RIGHT_ANSWERS = [
    "Ask defense counsel",
    "A record made at the time",
    "Document it and tell counsel",
    "Read the whole file first",
    "Interview more than one witness",
]
WRONG_ANSWERS = [
    "Ask the prosecutor",
    "The client's memory alone",
    "Leave it out of the notes",
    "Skip it if time is short",
    "Rely on one witness",
    "Ask the judge",
]

QUESTIONS_TEXT = [
    "How do I request records from a school district that has closed?",
    "Is a genogram expected in every report, or only in some cases?",
    "What if the client refuses to let me talk to a sibling?",
    "How far back should the timeline go for an older client?",
    "Can I use social media posts as a source?",
    "Which release form works for military records?",
]
COMMENTS_TEXT = [
    "The checklist in this lesson saved me an afternoon, thank you.",
    "The case study matched something I saw last month.",
    "I would add tribal records to the list of sources.",
]
ANSWER_TEXT = (
    "Good question. Start with the county office of education, and ask "
    "counsel before you contact family members."
)
EVALUATION_COMMENTS = [
    "",
    "",
    "Clear and practical.",
    "The quizzes were harder than the lessons suggested.",
    "I would like more case studies.",
    "Useful for my daily work.",
]
