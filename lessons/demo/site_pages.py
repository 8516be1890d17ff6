"""The site around the courses: home, catalog, About and the policy pages.

The policy pages are drafts of what a small CE provider publishes. Each opens
with a callout saying so: they must be reviewed with counsel before launch.
The grievance and accommodation policies, which CE approvers ask for, are in
``site_policies.py``.
"""

from lessons.demo.markup import callout, h2, rich, text
from lessons.demo.site_policies import ACCOMMODATION_POLICY, GRIEVANCE_POLICY

SITE_NAME = "Practicum"

HOME = {
    "title": "Practicum",
    "slug": "home",
    "hero_heading": "Continuing education for clinicians who do mitigation work",
    "hero_text": (
        "Self-paced courses for social workers, counselors and psychologists who "
        "join criminal-defense teams: records, life-history interviewing, trauma "
        "screening and the legal frame, with CE hours."
    ),
    "body": rich(
        """
        Practicum is written by practitioners for practitioners. Start with the
        free introduction, <i>Mitigation 101</i>, to see what the work asks of a
        clinician, then go further with the full foundations course.
        """
    ),
    "search_description": (
        "Continuing education for clinicians who work as mitigation specialists "
        "on criminal-defense teams."
    ),
}

COURSE_INDEX = {
    "title": "Courses",
    "slug": "courses",
    "show_in_menus": True,
    "intro": (
        "Self-paced courses for clinicians on defense teams. Start with the free "
        "introduction; the foundations course carries CE hours."
    ),
}

_TEMPLATE_NOTICE = callout(
    "Template: review before launch",
    """
    This page is a starting template for a small continuing-education provider.
    Review it with your own counsel and adapt it to your business, your payment
    provider and the boards that approve your courses before you publish it.
    """,
)

ABOUT = {
    "title": "About",
    "slug": "about",
    "show_in_menus": True,
    "summary": (
        "Practicum offers self-paced continuing education for clinicians who join "
        "criminal-defense teams as mitigation specialists."
    ),
    "body": [
        _TEMPLATE_NOTICE,
        h2("Who we are"),
        text(
            """
            Practicum is a small continuing-education provider. Our courses are
            written by clinicians who have worked on defense teams for years, for
            social workers, counselors, psychologists and marriage and family
            therapists who are starting that work or want to do it better.

            Clinicians bring to a defense team the skills it most needs: careful
            interviewing, an eye for trauma and developmental red flags, and the
            patience to follow a life across decades of records. What they must
            learn is the legal frame around those skills. That is what we teach.
            """
        ),
        h2("How our courses work"),
        text(
            """
            - Every course is self-paced and online. You can start, stop and come
              back at any time.
            - Lessons combine reading and reflection prompts; any video comes
              with a full transcript. Knowledge checks close each module.
            - Courses that carry continuing-education hours end with a post-test
              and a course evaluation. Your certificate is issued when both are
              complete, and anyone can verify it online.
            """
        ),
        h2("Contact"),
        text(
            """
            Questions about a course, a certificate or your account? Write to
            support@example.com and a person will answer within two business days.
            """
        ),
    ],
}

PRIVACY = {
    "title": "Privacy",
    "slug": "privacy",
    "summary": "What we collect about you, why, how long we keep it and your choices.",
    "body": [
        _TEMPLATE_NOTICE,
        h2("What we collect"),
        text(
            """
            - <b>Your account:</b> your email address, your name and a password,
              which we store only in hashed form.
            - <b>Your clinician profile:</b> the name to print on certificates,
              your profession, and, where your board requires it, your license
              type, number and state.
            - <b>Your learning record:</b> enrollments, lesson progress, quiz and
              post-test results, course evaluations and certificates.
            - <b>Payments:</b> card payments are handled by our payment provider.
              We receive a confirmation and the amount paid, never your card
              number.
            """
        ),
        h2("Why we collect it"),
        text(
            """
            We use this information to run your account, deliver your courses,
            issue and verify certificates, and keep the records that continuing-
            education approval bodies require of providers. We do not sell your
            information and we do not use it for advertising.
            """
        ),
        h2("How long we keep it"),
        text(
            """
            Approval bodies require providers to keep attendance and completion
            records for several years. We keep learning records and certificates
            for seven years after a course is completed, then delete them. You
            may close your account at any time; records we are required to keep
            are retained for that period and then deleted.
            """
        ),
        h2("Your choices"),
        text(
            """
            You can see and correct your profile at any time from your account
            page. To ask for a copy of your information or for its deletion,
            write to privacy@example.com. We use only the cookies the site needs
            to keep you signed in and to protect forms from forgery.
            """
        ),
    ],
}

TERMS = {
    "title": "Terms of use",
    "slug": "terms",
    "summary": "The terms on which you may use this site and its courses.",
    "body": [
        _TEMPLATE_NOTICE,
        h2("Your account"),
        text(
            """
            You need an account to enroll. Keep your password to yourself: a
            course enrollment and its certificate belong to one person, and the
            name on a certificate must be your own.
            """
        ),
        h2("Course content"),
        text(
            """
            Course materials are for your own professional learning. You may
            print or download them for that purpose, but you may not share,
            resell or republish them. Case material in our courses is fictional
            or anonymized.
            """
        ),
        h2("Educational purpose"),
        text(
            """
            Our courses are educational. They are not legal advice, clinical
            supervision or a substitute for the direction of the attorneys you
            work with. Laws, court rules and professional standards differ
            between jurisdictions and change over time.
            """
        ),
        h2("Continuing-education credit"),
        text(
            """
            Each course page states its CE hours and, where a course is approved,
            the approving body. Whether a course counts toward your license
            renewal is decided by your board: check with it before you enroll.
            """
        ),
        h2("Discussion"),
        text(
            """
            Where a lesson has a discussion, keep it professional and never post
            information that could identify a client, a family or a case. We may
            remove posts that break these terms.
            """
        ),
    ],
}

REFUND_POLICY = {
    "title": "Refund policy",
    "slug": "refund-policy",
    "summary": "When and how you can get your money back for a paid course.",
    "body": [
        _TEMPLATE_NOTICE,
        h2("Full refund within 14 days"),
        text(
            """
            If a paid course is not what you expected, ask for a refund within 14
            days of purchase. You will receive a full refund as long as you have
            completed less than a quarter (25%) of the course.
            """
        ),
        h2("When a refund is not available"),
        text(
            """
            - More than 14 days have passed since purchase.
            - You have completed 25% or more of the course.
            - A certificate has been issued for the course. Once a certificate
              exists it may already have been submitted to a licensing board, so
              we cannot take it back.
            """
        ),
        h2("How to ask"),
        text(
            """
            Write to support@example.com from the email address on your account
            and name the course. Refunds go back to the card you paid with,
            usually within 5 to 10 business days. When a refund is made, your
            access to the course ends.
            """
        ),
    ],
}

PAGES = [ABOUT, PRIVACY, TERMS, REFUND_POLICY, GRIEVANCE_POLICY, ACCOMMODATION_POLICY]
