"""Catalog, courses, modules and enrollments. Page factories need ``parent=``."""

from __future__ import annotations

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from courses.models import (
    CourseIndexPage,
    CoursePage,
    Enrollment,
    EnrollmentSource,
    Instructor,
    ModulePage,
)
from tests.accounts.factories import UserFactory


class InstructorFactory(DjangoModelFactory):
    name = "Dana Reyes"
    credentials = "LCSW"

    class Meta:
        model = Instructor


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Courses"
    slug = "courses"

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    """A free course; pass ``price_amount=14900`` for a paid one."""

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = factory.LazyAttribute(lambda o: f"What {o.title} teaches.")
    price_amount = 0

    class Meta:
        model = CoursePage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What this module covers."

    class Meta:
        model = ModulePage


class EnrollmentFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    source = EnrollmentSource.FREE

    class Meta:
        model = Enrollment
