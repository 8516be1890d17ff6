"""Module 9: Capstone. The case is fictional from start to finish."""

from lessons.demo.markup import NOT_LEGAL_ADVICE, callout, h2, reflection, text
from lessons.demo.quizzes.paid_final import POST_TEST

MODULE = {
    "title": "Capstone",
    "summary": (
        "A fictional case file to work through with everything the course has "
        "covered, then the post-test, the course evaluation and your certificate."
    ),
    "lessons": [
        {
            "title": "The case file: State v. Tobias Renner (fictional)",
            "slug": "the-case-file",
            # An hour: reading the file and working through it (the course's
            # 36 lessons add up to its 20 CE hours, courses.ce_content).
            "estimated_minutes": 60,
            "summary": (
                "A fictional case at the start of a mitigation investigation: "
                "what the team knows, what the first records show, and what "
                "is still missing."
            ),
            "body": [
                callout(
                    "A fictional case",
                    """
                    Tobias Renner, his family, Ardent County and every record
                    described here are invented for teaching. Any resemblance
                    to a real person or case is coincidence.
                    """,
                ),
                text(
                    """
                    Tobias Renner is 24. He is charged with murder after a
                    robbery of a convenience store in which the night clerk was
                    killed; a co-defendant, 31, is charged separately. The
                    prosecution has not yet said what penalty it will seek. You
                    were appointed to the defense team two weeks ago. Counsel
                    has given you the discovery summary, two releases signed by
                    Tobias, and the first records that have come in.
                    """
                ),
                h2("What the first records show"),
                text(
                    """
                    - <b>Birth (Ardent Regional Hospital):</b> born at 32
                      weeks, 4 lb 1 oz; the nursing notes record that his
                      mother, then 17, “reports drinking on weekends”.
                    - <b>School (Ardent County Schools):</b> repeated second
                      grade; evaluated in fourth grade and found eligible for
                      special education for a learning disability; expelled at
                      14 after a fight; no records after that.
                    - <b>Child welfare:</b> three neglect reports between ages
                      6 and 9; the third was substantiated and Tobias lived with
                      his paternal grandmother from 9 to 12.
                    - <b>Hospital, age 16:</b> passenger in a car crash, brief
                      loss of consciousness, discharged the same night.
                    - <b>County jail, current:</b> placed on suicide watch in
                      his first week after he was found not eating or sleeping.
                    """
                ),
                h2("What the interviews have given so far"),
                text(
                    """
                    You have met Tobias twice. He is polite and quiet, answers
                    briefly and often says he does not remember. He mentioned
                    that he “gets confused with directions” and that
                    the co-defendant “always told me what to do”. His
                    grandmother, Loretta Renner, 68, has met you three times.
                    She describes Tobias's father, her son, as “in and out
                    of prison”, and her own late husband as a heavy drinker
                    who “had a temper”. She has not yet talked about
                    the years Tobias lived with his mother.
                    """
                ),
                reflection(
                    """
                    Before you read the assignments in the next lesson, note
                    three red flags in this file and three records you would
                    request first.
                    """
                ),
            ],
        },
        {
            "title": "Working the case: capstone assignments",
            "slug": "capstone-assignments",
            "estimated_minutes": 60,
            "summary": (
                "Five assignments that use the Renner file to practice records "
                "planning, chronology, memo writing, screening and themes."
            ),
            "body": [
                text(
                    """
                    Work through these assignments using the Renner file and the
                    tools from modules 3 to 8. Keep each one short and sourced,
                    as you would for a real team. They are for your own
                    practice: the post-test draws on the same skills.
                    """
                ),
                text(
                    """
                    1. <b>Records plan.</b> List at least ten record sources for
                       Tobias and his family, with the authority you would need
                       for each (release, court order, public record).
                    2. <b>Chronology.</b> Write fifteen dated entries from the
                       file, each with its source, and mark the gaps.
                    3. <b>Interview memo.</b> Write a one-page memo of your third
                       meeting with Loretta Renner from the facts given,
                       separating what she said from what you observed.
                    4. <b>Red flags for counsel.</b> Summarize, without any
                       diagnosis, the facts that may call for expert
                       evaluation, and the kind of expert each suggests.
                    5. <b>Themes.</b> Propose two themes, and for each name the
                       evidence that supports it and the worst fact against it.
                    """
                ),
                callout(
                    "Check yourself",
                    """
                    Does every fact you used trace to a record or a witness?
                    Did you screen rather than diagnose? Would you be
                    comfortable if your memo were read by someone outside the
                    team?
                    """,
                ),
                reflection(
                    """
                    Which assignment was hardest, and which module would you
                    return to because of it?
                    """
                ),
                NOT_LEGAL_ADVICE,
            ],
        },
        {
            "title": "Finishing the course: post-test, evaluation and certificate",
            "slug": "finishing-the-course",
            "estimated_minutes": 15,
            "summary": (
                "What to do to complete the course and receive your CE certificate."
            ),
            "body": [
                text(
                    """
                    You have reached the end of the teaching. Three steps remain
                    before your certificate is issued, and they happen in this
                    order.
                    """
                ),
                text(
                    """
                    1. <b>The post-test.</b> It covers all nine modules. The
                       pass mark is shown at the start of the test, and your
                       attempts are recorded.
                    2. <b>The course evaluation.</b> Approval bodies require
                       providers to ask every learner to evaluate a course
                       before a certificate is issued. It takes about five
                       minutes and helps us improve the course.
                    3. <b>Your certificate.</b> It is issued as soon as both
                       are complete, and shows the CE hours, the format
                       (self-paced online) and a code anyone can use to verify
                       it.
                    """
                ),
                callout(
                    "Check your profile first",
                    """
                    Your certificate prints your name, and, where your board
                    requires them, your license number and state, exactly as
                    they appear in your profile. Check them before you take the
                    post-test.
                    """,
                ),
                reflection(
                    """
                    Name one thing you will do differently in your next case
                    because of this course.
                    """
                ),
            ],
        },
    ],
    "quizzes": [POST_TEST],
}
