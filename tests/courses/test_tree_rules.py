"""Where each page type may live, asserted from both sides with Wagtail's helpers."""

from __future__ import annotations

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from core.models import ContentPage, HomePage
from courses.models import CourseIndexPage, CoursePage, ModulePage
from lessons.models import LessonPage, QuizPage


class TestPageTree(WagtailPageTestCase):
    def test_home_page_sits_under_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_holds_the_catalog_and_content_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {CourseIndexPage, ContentPage})

    def test_content_page_sits_under_home_or_another_content_page(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})

    def test_content_page_holds_content_pages_only(self):
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})

    def test_catalog_sits_under_home_only(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})

    def test_catalog_holds_courses_only(self):
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})

    def test_course_sits_under_the_catalog_only(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})

    def test_course_holds_modules_only(self):
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})

    def test_module_sits_under_a_course_only(self):
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})

    def test_module_holds_lessons_and_quizzes(self):
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage, QuizPage})

    def test_lesson_sits_under_a_module_only(self):
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})

    def test_lesson_holds_nothing(self):
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_quiz_sits_under_a_module_only(self):
        self.assertAllowedParentPageTypes(QuizPage, {ModulePage})

    def test_quiz_holds_nothing(self):
        self.assertAllowedSubpageTypes(QuizPage, set())

    def test_lesson_cannot_be_created_under_a_course(self):
        self.assertCanNotCreateAt(CoursePage, LessonPage)

    def test_quiz_cannot_be_created_under_a_course(self):
        self.assertCanNotCreateAt(CoursePage, QuizPage)

    def test_module_cannot_be_created_under_the_catalog(self):
        self.assertCanNotCreateAt(CourseIndexPage, ModulePage)


def test_lesson_cannot_be_created_directly_under_a_course_page(course):
    # Given a course in the tree
    # When asked whether a lesson may be added right under it
    # Then Wagtail says no: lessons belong in a module
    assert LessonPage.can_create_at(course) is False


def test_lesson_can_be_created_under_a_module(module):
    assert LessonPage.can_create_at(module) is True


def test_only_one_catalog_and_one_home_page(course_index):
    # Given the home page and its catalog exist
    home = course_index.get_parent()

    # Then a second of either cannot be created
    assert CourseIndexPage.can_create_at(home) is False
    assert HomePage.can_create_at(Page.get_first_root_node()) is False
