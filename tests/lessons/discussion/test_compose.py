"""Composing without JavaScript: the form, preview, the confidentiality
warning, the rate limit and the length limit; where the discussion shows."""

from __future__ import annotations

from django.urls import reverse

import pytest

from lessons.models import Post
from lessons.services import quiz_attempt_start, quiz_attempt_submit
from tests.lessons.discussion.factories import PostFactory, client_for
from tests.lessons.quiz_factories import QuizPageFactory, wrong_answers

pytestmark = pytest.mark.django_db

REMINDER = "No names or identifying details of real clients, cases or places."
CONFIRM = "I have checked: this names no real client, case or place"


def post_url(page) -> str:
    return reverse("discussion_post", args=[page.pk])


def send(client, page, source, action="post", **extra):
    data = {"kind": "question", "source": source, "action": action, **extra}
    return client.post(post_url(page), data)


# The form under the lesson ------------------------------------------------------------


def test_the_lesson_page_offers_the_form(enrolled_client, lesson):
    html = enrolled_client.get(lesson.url).content.decode()

    assert "<legend>What are you posting?</legend>" in html
    assert 'type="radio" name="kind" value="question"' in html
    assert '<label for="discussion-source">Your question or comment</label>' in html
    assert 'maxlength="5000"' in html
    assert "At most 5,000 characters." in html
    assert REMINDER in html
    assert 'aria-live="polite"' in html
    assert 'name="action" value="preview"' in html
    assert 'name="action" value="post"' in html
    assert '<script src="/static/js/discussion.js" defer></script>' in html


def test_each_thread_has_a_reply_form(enrolled_client, lesson, enrolled_learner):
    post = PostFactory(page=lesson, author=enrolled_learner)

    html = enrolled_client.get(lesson.url).content.decode()

    assert f'name="parent" value="{post.pk}"' in html
    assert f'id="reply-{post.pk}-source"' in html


# Preview ------------------------------------------------------------------------------


def test_preview_shows_the_rendered_text_and_saves_nothing(enrolled_client, lesson):
    response = send(enrolled_client, lesson, "Is **this** right?", action="preview")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<p>Is <strong>this</strong> right?</p>" in html
    assert ">\nIs **this** right?</textarea>" in html  # the text kept
    assert lesson.title in html
    assert f'href="{lesson.url}#discussion"' in html
    assert REMINDER in html
    assert not Post.objects.exists()


def test_a_previewed_script_is_shown_as_text(enrolled_client, lesson):
    response = send(enrolled_client, lesson, "<script>alert(1)</script>", "preview")

    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_reply_previews_and_keeps_its_thread(
    enrolled_client, lesson, enrolled_learner
):
    thread = PostFactory(page=lesson, author=enrolled_learner)

    response = enrolled_client.post(
        post_url(lesson), {"parent": thread.pk, "source": "Me too", "action": "preview"}
    )

    html = response.content.decode()
    assert f'name="parent" value="{thread.pk}"' in html
    assert not Post.objects.filter(parent=thread).exists()


# The confidentiality check ------------------------------------------------------------


def test_text_with_identifiers_asks_for_a_check_first(enrolled_client, lesson):
    source = "My client (DOB 04/12/1988) called 555-867-5309."

    response = send(enrolled_client, lesson, source)

    html = response.content.decode()
    assert response.status_code == 200
    assert "This text seems to contain a date of birth, a phone number." in html
    assert CONFIRM in html
    assert 'name="confirm"' in html
    assert source in html  # kept in the textarea
    assert not Post.objects.exists()


def test_confirmed_text_with_identifiers_is_posted(enrolled_client, lesson):
    source = "Call the office at 555-867-5309 (not a client)."

    response = send(enrolled_client, lesson, source, confirm="on")

    assert response.status_code == 302
    assert Post.objects.get().source == source


def test_text_without_identifiers_posts_without_a_check(enrolled_client, lesson):
    assert send(enrolled_client, lesson, "How long is an interview?").status_code == 302


# Limits -------------------------------------------------------------------------------


def test_the_rate_limit_says_so_and_keeps_the_text(
    enrolled_client, lesson, enrolled_learner, settings
):
    settings.DISCUSSION_POST_RATE = (2, 600)
    PostFactory.create_batch(2, page=lesson, author=enrolled_learner)

    response = send(enrolled_client, lesson, "One more question")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Please wait a few minutes before posting again." in html
    assert ">\nOne more question</textarea>" in html
    assert Post.objects.count() == 2


def test_too_long_a_post_is_refused_and_kept(enrolled_client, lesson):
    source = "x" * 5001

    response = send(enrolled_client, lesson, source)

    html = response.content.decode()
    assert "A post can be at most 5,000 characters; this one has 5,001." in html
    assert source in html
    assert not Post.objects.exists()


def test_line_breaks_count_once(enrolled_client, lesson):
    # Browsers send each line break as CR LF; 5,000 characters still fit.
    source = ("y" * 99 + "\r\n") * 50

    response = send(enrolled_client, lesson, source.strip())

    assert response.status_code == 302


def test_an_empty_post_asks_for_text(enrolled_client, lesson):
    response = send(enrolled_client, lesson, "   ")

    assert "Write something before posting." in response.content.decode()
    assert not Post.objects.exists()


# The quiz's discussion ----------------------------------------------------------------


@pytest.fixture
def quiz(module):
    return QuizPageFactory(parent=module, slug="check")


def test_the_quiz_discussion_opens_once_an_attempt_is_finished(
    enrolled_client, enrolled_learner, quiz, course
):
    PostFactory(page=quiz, author=enrolled_learner, source="QUIZ-THREAD")
    before = enrolled_client.get(quiz.url).content.decode()
    assert "The discussion of this quiz opens once you finish an attempt." in before
    assert "QUIZ-THREAD" not in before
    assert send(enrolled_client, quiz, "Early?").status_code == 404

    attempt = quiz_attempt_start(user=enrolled_learner, quiz=quiz, course=course)
    quiz_attempt_submit(attempt=attempt, answers=wrong_answers(attempt))

    assert "QUIZ-THREAD" in enrolled_client.get(quiz.url).content.decode()
    result = enrolled_client.get(quiz.url + "attempts/1/").content.decode()
    assert "QUIZ-THREAD" in result
    assert send(enrolled_client, quiz, "Why was 2 wrong?").status_code == 302


def test_an_editors_preview_shows_no_discussion(instructor, lesson, enrolled_learner):
    PostFactory(page=lesson, author=enrolled_learner, source="NOT-IN-PREVIEW")
    client = client_for(instructor)

    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[lesson.pk]))

    assert response.status_code == 200
    assert "NOT-IN-PREVIEW" not in response.content.decode()
    assert "NOT-IN-PREVIEW" in client.get(lesson.url).content.decode()
