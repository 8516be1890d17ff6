"""The demo academy's people: three logins and the instructor shown on courses."""

from lessons.demo.markup import plain

INSTRUCTOR_USER = {
    "email": "instructor@example.com",
    "first_name": "Dana",
    "last_name": "Whitfield",
}

LEARNER_USER = {
    "email": "learner@example.com",
    "first_name": "Jordan",
    "last_name": "Ellis",
    "profile": {
        "name_on_certificate": "Jordan Ellis, LMSW",
        "profession": "social_worker",
        "license_type": "LMSW",
        "license_number": "DEMO-00417",
        "license_state": "TX",
    },
}

# Reads the back office (the "Assistant" group), changes nothing.
ASSISTANT_USER = {
    "email": "assistant@example.com",
    "first_name": "Sam",
    "last_name": "Okafor",
}

# A fictional person: any likeness to a real specialist is coincidence.
INSTRUCTOR = {
    "name": "Dana Whitfield",
    "credentials": "LCSW, MSW",
    "bio": plain(
        """
        Dana Whitfield spent nine years in community mental health and child
        welfare as a clinical social worker before joining a capital defense
        office as a mitigation specialist. Over the next fourteen years she
        worked on capital trials, post-conviction cases and clemency petitions,
        and trained new specialists in records work and life-history
        interviewing. She teaches clinicians how to bring what they already know
        about trauma and development to the defense team, and what they have to
        learn about the legal frame they will work in.
        """
    ),
}
