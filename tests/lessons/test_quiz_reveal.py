"""What a quiz's HTML gives away: nothing before submission, then the reveal rule.

Before an attempt is submitted the page must not say, by word, attribute, class
or order of markup, which choice is correct. After it, the result page shows
per-question feedback as the quiz's reveal setting allows:

- after each attempt: right or wrong, the correct answers and the explanations;
- once passed: right or wrong only, until the learner passes, then everything;
- never: the score only.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest

from lessons.models import QuizAttempt, RevealRule
from tests.lessons.quiz_factories import (
    EXPLANATIONS,
    MULTIPLE_PROMPT,
    SINGLE_PROMPT,
    TRUE_FALSE_PROMPT,
    QuizPageFactory,
    answers_by_prompt,
    content_of,
    default_questions,
    post_data,
    right_answers,
)

QUESTION_TEXTS = [
    SINGLE_PROMPT,
    MULTIPLE_PROMPT,
    TRUE_FALSE_PROMPT,
    "Defense counsel",
    "The prosecutor",
    "School records",
    "Medical records",
    "The juror list",
]


@pytest.fixture
def quiz(module):
    return QuizPageFactory(
        parent=module, title="Knowledge check", slug="check", pass_mark=100
    )


class ChoiceInputs(HTMLParser):
    """Collects the <input> and <label> tags inside the quiz form."""

    def __init__(self):
        super().__init__()
        self.in_form = False
        self.inputs: list[dict[str, str | None]] = []
        self.labels: list[dict[str, str | None]] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and "quiz" in (attributes.get("class") or "").split():
            self.in_form = True
        if not self.in_form:
            return
        self.tags.append((tag, attributes))
        if tag == "input" and attributes.get("name", "").startswith("q-"):
            self.inputs.append(attributes)
        if tag == "label":
            self.labels.append(attributes)

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False


def quiz_form(html: str) -> ChoiceInputs:
    parser = ChoiceInputs()
    parser.feed(html)
    return parser


def start(client, quiz) -> QuizAttempt:
    client.post(quiz.url + "start/")
    return QuizAttempt.objects.get(quiz=quiz, submitted_at__isnull=True)


# Before submission -----------------------------------------------------------


@pytest.fixture
def open_quiz_html(quiz, enrolled_client):
    """The quiz page with an open attempt, and the attempt."""
    attempt = start(enrolled_client, quiz)
    response = enrolled_client.get(quiz.url)
    assert response.status_code == 200
    return response.content.decode(), attempt


def test_the_open_quiz_shows_every_question_and_choice(open_quiz_html):
    html, attempt = open_quiz_html

    form = quiz_form(html)

    # 2 + 3 + 2 choices, each an input with a label
    assert len(form.inputs) == 7
    assert len(form.labels) == 7
    for text in QUESTION_TEXTS:
        assert text in unescape(html)


def test_no_explanation_or_answer_key_is_in_the_page_before_submission(
    open_quiz_html,
):
    html, _attempt = open_quiz_html
    text = unescape(html)

    for explanation in EXPLANATIONS.values():
        assert explanation not in text
    assert "EXPLAIN" not in text
    assert "is_correct" not in text
    assert "correct_answer" not in text


def test_the_quiz_form_never_says_correct(open_quiz_html):
    html, _attempt = open_quiz_html
    form_html = html[html.index('<form class="quiz"') :]
    form_html = form_html[: form_html.index("</form>")]

    assert not re.search(r"correct|right|answer-key|solution", form_html, re.I), (
        form_html
    )


def test_choice_inputs_differ_only_in_value_and_id(open_quiz_html):
    # Given the inputs of each question
    html, attempt = open_quiz_html
    form = quiz_form(html)
    by_question: dict[str, list[dict]] = {}
    for attributes in form.inputs:
        by_question.setdefault(attributes["name"], []).append(attributes)

    # Then, within a question, every input has the same attributes with the same
    # values, except value and id (no class, data-*, checked or order marker)
    assert len(by_question) == 3
    for inputs in by_question.values():
        shapes = [
            {k: v for k, v in attributes.items() if k not in ("value", "id")}
            for attributes in inputs
        ]
        assert all(shape == shapes[0] for shape in shapes), shapes
        assert set(shapes[0]) == {"type", "name"}


def test_labels_differ_only_in_what_they_point_to(open_quiz_html):
    html, _attempt = open_quiz_html
    form = quiz_form(html)

    shapes = [{k: v for k, v in label.items() if k != "for"} for label in form.labels]

    assert all(shape == shapes[0] for shape in shapes), shapes


def test_every_tag_of_a_choice_looks_the_same(open_quiz_html):
    # The wrapper of every choice: same tag, same attributes.
    html, _attempt = open_quiz_html
    wrappers = re.findall(r"<div[^>]*quiz__choice[^>]*>", html)

    assert len(wrappers) == 7
    assert len(set(wrappers)) == 1


def test_correct_choice_ids_appear_as_often_as_wrong_ones(open_quiz_html):
    # A correct choice's id (a UUID, as every choice's) must not stand out by
    # appearing elsewhere in the page, e.g. in a script or a data attribute.
    html, attempt = open_quiz_html
    for question in attempt.snapshot:
        if question["type"] == "true_false":
            continue
        counts = {c["id"]: html.count(c["id"]) for c in question["choices"]}
        assert len(set(counts.values())) == 1, counts
    # And the correct true/false value appears no more than the other one
    tf = next(q for q in attempt.snapshot if q["type"] == "true_false")
    assert html.count('value="true"') == html.count('value="false"')
    assert tf["correct"] == ["false"]


def test_the_page_has_no_inline_script_to_carry_a_key(open_quiz_html):
    html, _attempt = open_quiz_html

    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)


@pytest.mark.parametrize("who", ["visitor", "not_enrolled"])
def test_a_visitor_not_enrolled_sees_no_question_at_all(
    quiz, client, learner_client, enrolled_client, who
):
    # Given a learner with an open attempt (so questions exist to leak)
    start(enrolled_client, quiz)
    visitor = client if who == "visitor" else learner_client

    # When someone not enrolled opens the quiz and its routes
    for path in ("", "start/", "submit/", "attempts/1/"):
        response = visitor.get(quiz.url + path)

        # Then they are refused and no question, choice or explanation shows
        assert response.status_code == 403, path
        text = content_of(response)
        for question_text in QUESTION_TEXTS:
            assert question_text not in text, (path, question_text)
        assert "EXPLAIN" not in text


def test_a_free_preview_quiz_shows_a_visitor_no_questions(module, client):
    # A visitor may open a preview quiz, but must log in to start it.
    quiz = QuizPageFactory(parent=module, slug="preview-check", is_free_preview=True)

    response = client.get(quiz.url)

    assert response.status_code == 200
    text = content_of(response)
    assert "Log in to take this quiz" in text
    for question_text in QUESTION_TEXTS:
        assert question_text not in text


def test_the_quiz_before_starting_shows_no_question(quiz, enrolled_client):
    response = enrolled_client.get(quiz.url)

    text = content_of(response)
    assert "Start the quiz" in text
    for question_text in QUESTION_TEXTS:
        assert question_text not in text


# After submission: the reveal rules -----------------------------------------

# Every question answered wrong except the single choice.
MOSTLY_WRONG = {
    SINGLE_PROMPT: ["Defense counsel"],
    MULTIPLE_PROMPT: ["School records"],  # partial: wrong
    TRUE_FALSE_PROMPT: ["True"],
}


def submit(client, quiz, chosen=None) -> str:
    """Start and submit an attempt; the HTML of its result page."""
    attempt = start(client, quiz)
    answers = (
        right_answers(attempt) if chosen is None else answers_by_prompt(attempt, chosen)
    )
    response = client.post(quiz.url + "submit/", post_data(answers), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith(f"attempts/{attempt.number}/")
    return content_of(response)


def quiz_with(quiz, reveal: str):
    quiz.reveal_answers = reveal
    quiz.save_revision().publish()
    return quiz


def verdicts(text: str) -> list[str]:
    return re.findall(r">(Correct|Not correct)<", text)


def test_after_each_shows_correct_answers_and_explanations(quiz, enrolled_client):
    # Given a quiz that reveals after each attempt
    quiz_with(quiz, RevealRule.AFTER_EACH)

    # When a learner fails it
    text = submit(enrolled_client, quiz, MOSTLY_WRONG)

    # Then each question says right or wrong, with the correct answer and why
    assert "33% (1 of 3 correct)" in text
    assert verdicts(text) == ["Correct", "Not correct", "Not correct"]
    assert "Correct answer: School records; Medical records" in _flat(text)
    assert "Correct answer: False" in _flat(text)
    for explanation in EXPLANATIONS.values():
        assert explanation in text


def test_once_passed_shows_only_right_or_wrong_before_a_pass(quiz, enrolled_client):
    # Given a quiz that reveals once passed
    quiz_with(quiz, RevealRule.ONCE_PASSED)

    # When a learner fails it
    text = submit(enrolled_client, quiz, MOSTLY_WRONG)

    # Then they see which questions were wrong, but not the answers or why
    assert verdicts(text) == ["Correct", "Not correct", "Not correct"]
    assert "Correct answer:" not in text
    assert "Medical records" not in text  # the correct choice they missed
    assert "EXPLAIN" not in text
    assert "Your answer: School records" in _flat(text)


def test_once_passed_shows_everything_after_a_pass(quiz, enrolled_client):
    # Given a learner who failed a once-passed quiz
    quiz_with(quiz, RevealRule.ONCE_PASSED)
    submit(enrolled_client, quiz, MOSTLY_WRONG)

    # When they pass it
    passed = submit(enrolled_client, quiz)

    # Then the passing attempt, and the earlier failed one, show everything
    for explanation in EXPLANATIONS.values():
        assert explanation in passed
    assert "Correct answer:" in passed
    failed = content_of(enrolled_client.get(quiz.url + "attempts/1/"))
    assert "Correct answer: School records; Medical records" in _flat(failed)
    for explanation in EXPLANATIONS.values():
        assert explanation in failed


def test_never_shows_the_score_only(quiz, enrolled_client):
    # Given a quiz that never reveals
    quiz_with(quiz, RevealRule.NEVER)

    # When a learner fails it
    text = submit(enrolled_client, quiz, MOSTLY_WRONG)

    # Then the score and outcome only: no verdicts, answers or explanations
    assert "33% (1 of 3 correct)" in text
    assert "You did not reach the pass mark of 100% this time." in text
    assert "This quiz shows your score only" in text
    assert verdicts(text) == []
    assert "Correct answer:" not in text
    assert "Medical records" not in text
    assert "EXPLAIN" not in text
    for prompt in (MULTIPLE_PROMPT, TRUE_FALSE_PROMPT):
        assert prompt not in text


def test_never_shows_the_score_only_even_after_a_pass(quiz, enrolled_client):
    quiz_with(quiz, RevealRule.NEVER)

    text = submit(enrolled_client, quiz)

    assert "100% (3 of 3 correct)" in text
    assert "You passed." in text
    assert verdicts(text) == []
    assert "EXPLAIN" not in text


def test_the_quiz_page_after_submission_still_hides_explanations(quiz, enrolled_client):
    # The quiz page (not the result page) shows the history, never the key.
    quiz_with(quiz, RevealRule.ONCE_PASSED)
    submit(enrolled_client, quiz, MOSTLY_WRONG)

    text = content_of(enrolled_client.get(quiz.url))

    assert "EXPLAIN" not in text
    assert "Correct answer:" not in text


def _flat(text: str) -> str:
    """The page's text without tags, whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text))


def test_default_questions_are_what_this_module_expects():
    # Guards the fixtures above: one question of each type, in this order.
    kinds = [kind for kind, _value in default_questions()]
    assert kinds == ["single_choice", "multiple_select", "true_false"]
