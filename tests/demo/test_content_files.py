"""A broken content file stops the load with a message that names the file.

Each test copies demo/content/ to a temporary folder, breaks one file and
loads the copy: parse errors come before anything is written, validation
errors (by the lesson's or quiz's own blocks) roll the whole load back.
"""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

from django.contrib.auth import get_user_model

from wagtail.models import Page

import pytest

from demo.content_files import CONTENT, academy_read
from demo.directives import ContentError
from demo.loader import demo_academy_seed

LESSON = "courses/01-mitigation-101/01-the-role/02-the-work-itself.md"
QUIZ = "courses/01-mitigation-101/01-the-role/04-knowledge-check.yaml"
WHITE_PNG_4_BY_3 = (
    "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAFElEQVR4nGP8//8/AwwwMSABFA4A"
    "by0DAyMYAwQAAAAASUVORK5CYII="
)


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_files_hold_the_whole_academy():
    academy = academy_read()
    kinds = [item.kind for item in academy.items()]

    assert [course.slug for course in academy.courses] == [
        "mitigation-101",
        "foundations-of-mitigation-practice",
    ]
    assert (kinds.count("lesson"), kinds.count("quiz")) == (39, 10)
    assert [page.slug for page in academy.pages][:2] == ["about", "privacy"]


def test_an_unknown_block_directive_names_the_file_and_line(content):
    edit(content / LESSON, ":::callout Key point", ":::callot Key point")

    with pytest.raises(ContentError) as error:
        academy_read(content)

    message = str(error.value)
    assert "02-the-work-itself.md" in message
    assert "unknown block :::callot" in message
    assert ", line " in message


def test_a_block_left_open_names_the_file(content):
    path = content / LESSON
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n:::reflection\nNever closed.\n", encoding="utf-8")

    with pytest.raises(ContentError, match=r"02-the-work-itself\.md.*no closing"):
        academy_read(content)


def test_an_unknown_front_matter_setting_is_refused_on_load(content, db):
    edit(content / LESSON, "estimated_minutes:", "estimated_minuets:")

    with pytest.raises(ContentError, match=r"the-work-itself\.md.*estimated_minuets"):
        demo_academy_seed(root=content)

    assert not get_user_model().objects.exists()  # the whole load rolled back


def test_a_video_the_lesson_block_refuses_names_the_file_and_line(content, db):
    path = content / "courses/01-mitigation-101/01-the-role/01-what-mitigation-is.md"
    path.write_text(
        path.read_text()
        + "\n:::video A talk\nurl: https://example.com/talk\n\nTranscript.\n:::\n"
    )

    with pytest.raises(ContentError) as error:
        demo_academy_seed(root=content)

    message = str(error.value)
    assert "01-what-mitigation-is.md" in message
    assert "(video url): Use a YouTube, Vimeo or Wistia video address." in message
    assert "line " in message
    assert not Page.objects.filter(slug="what-mitigation-is").exists()


def test_a_single_choice_question_with_two_right_answers_names_the_question(
    content, db
):
    path = content / QUIZ
    text = path.read_text(encoding="utf-8")
    first_wrong = text.index("  answers:\n  - ") + len("  answers:\n  - ")
    path.write_text(text[:first_wrong] + "correct: " + text[first_wrong:])

    with pytest.raises(ContentError) as error:
        demo_academy_seed(root=content)

    message = str(error.value)
    assert "04-knowledge-check.yaml" in message
    assert "question 1 (single_choice choices): Mark exactly one answer" in message


def test_a_block_a_site_page_cannot_hold_is_refused(content, db):
    path = content / "pages" / "01-about.md"
    path.write_text(path.read_text() + "\n:::reflection\nA prompt.\n:::\n")

    with pytest.raises(ContentError, match=r"01-about\.md, line \d+: .*reflection"):
        demo_academy_seed(root=content)


def test_a_figure_loads_its_image_from_the_file_beside_the_lesson(
    content, db, settings, tmp_path
):
    from lessons.models import LessonPage

    settings.MEDIA_ROOT = tmp_path / "media"
    folder = (content / LESSON).parent
    (folder / "genogram.png").write_bytes(base64.b64decode(WHITE_PNG_4_BY_3))
    path = content / LESSON
    path.write_text(
        path.read_text()
        + "\n:::figure Three generations of one family\nimage: genogram.png\n\n"
        "A genogram.\n:::\n"
    )

    demo_academy_seed(root=content)

    figure = LessonPage.objects.get(slug="the-work-itself").body[-1]
    assert figure.block_type == "figure"
    assert figure.value["caption"] == "A genogram."
    assert figure.value["image"].title == "genogram"
    assert figure.value["image"].contextual_alt_text == (
        "Three generations of one family"
    )
    assert figure.value["image"].width == 4


def test_quiz_draw_settings_the_quiz_refuses_name_the_file(content, db):
    edit(content / QUIZ, "draw_count: 0", "draw_count: 0\ndraw_per_section: 2")

    with pytest.raises(ContentError) as error:
        demo_academy_seed(root=content)

    message = str(error.value)
    assert "04-knowledge-check.yaml: draw_per_section:" in message
    assert "every question needs a section" in message


def test_questions_with_sections_draw_from_each(content, db):
    text = (content / QUIZ).read_text()
    text = text.replace("draw_count: 0", "draw_count: 0\ndraw_per_section: 1")
    text = text.replace("- kind:", "- section: Only\n  kind:")
    (content / QUIZ).write_text(text)

    demo_academy_seed(root=content)

    from lessons.models import QuizPage

    quiz = QuizPage.objects.get(slug="knowledge-check", title__contains="the role")
    assert quiz.draw_per_section == 1
    assert {block.value["section"] for block in quiz.questions} == {"Only"}
