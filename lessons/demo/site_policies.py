"""The policies CE approvers ask a provider to publish: grievances and
accommodations. Each opens with a note telling the instructor what to check."""

from lessons.demo.markup import callout, h2, text

_APPROVER_NOTICE = callout(
    "For the instructor: review this policy",
    """
    CE approval bodies ask providers to publish a grievance policy (ASWB ACE
    requires one) and a way to request accommodations (several boards ask
    for one). This text is a starting point, not legal advice: check it
    against your approval letters and the Americans with Disabilities Act
    with your counsel, put in your real contact details and answer times,
    and edit it here before launch. Requests that learners send through the
    forms arrive in the admin under Learner requests.
    """,
)

GRIEVANCE_POLICY = {
    "title": "Grievance policy",
    "slug": "grievance-policy",
    "summary": (
        "How to raise a complaint about a course, a certificate, a payment or how "
        "you were treated, and how we resolve it."
    ),
    "body": [
        _APPROVER_NOTICE,
        h2("What you can raise"),
        text(
            """
            Any concern about a course or about us: the content or its accuracy,
            the post-test, the CE hours or the certificate you received, a
            refund, access to a course, or the way anyone at Practicum treated
            you.
            """
        ),
        h2("How to file a grievance"),
        text(
            """
            Sign in and use the <a href="/requests/grievance/">grievance form</a>
            (it is also linked from every course and certificate page), or write
            to support@example.com. Say what happened, when, which course it
            concerns, and what you would like us to do. We confirm by email that
            we received it.
            """
        ),
        h2("How we resolve it"),
        text(
            """
            1. The instructor reads every grievance and answers in writing within
               10 business days, saying what we found and what we will do.
            2. If a grievance concerns CE hours or a certificate, we may correct
               the certificate (a corrected copy with a new serial; the original
               stays on record), refund the course, or explain why neither
               applies.
            3. If you are not satisfied with the answer, reply to it within 30
               days and ask for a review: it is looked at again, by someone not
               involved in the first answer where we can, and you receive a
               final written decision within 30 days.
            4. We keep each grievance, our answer and the outcome with the
               course records for as long as we keep CE records.
            """
        ),
        h2("If we cannot resolve it"),
        text(
            """
            If a course is approved by a continuing-education body and you remain
            dissatisfied, you may contact that body; it is named, with our
            provider number, on the course page and on your certificate.
            Filing a grievance never affects your access to your courses or
            certificates.
            """
        ),
    ],
}

ACCOMMODATION_POLICY = {
    "title": "Accommodations",
    "slug": "accommodations",
    "summary": (
        "How to ask for an accommodation so that a course, its post-test or its "
        "certificate is accessible to you."
    ),
    "body": [
        _APPROVER_NOTICE,
        h2("Our commitment"),
        text(
            """
            We want every clinician to be able to take our courses. Lessons are
            built to be read with a screen reader and with the keyboard alone,
            videos carry transcripts, and nothing in a course depends on colour
            or sound alone. If something still stands in your way, tell us.
            """
        ),
        h2("What you can ask for"),
        text(
            """
            - More time, or more attempts, on a post-test or knowledge check.
            - Course documents in another format (large print, a text version).
            - Help with a part of the site that does not work with your
              assistive technology.
            - Anything else that would make the course accessible to you.
            """
        ),
        h2("How to ask"),
        text(
            """
            Sign in and use the
            <a href="/requests/accommodation/">accommodation request form</a>
            (linked from every course and certificate page), or write to
            support@example.com. Tell us what gets in your way and what would
            help; you do not need to describe a diagnosis or send medical
            records. We confirm by email that we received your request.
            """
        ),
        h2("What happens next"),
        text(
            """
            The instructor answers within 5 business days, by email. If we
            cannot provide what you asked for, we explain why and offer an
            alternative. What you tell us is used only to arrange the
            accommodation and is kept with your course records, privately.
            If you disagree with our answer, you may use the
            <a href="/grievance-policy/">grievance policy</a>.
            """
        ),
    ],
}
