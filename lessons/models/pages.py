"""Lessons and quizzes: the items of a module, gated by the access policy."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from courses.models.schedule import ReleaseSchedule
from lessons import grading
from lessons.blocks import LessonStreamBlock, QuizQuestionsBlock
from lessons.models.course_item import DiscussedItem
from lessons.models.quizzes import RevealRule
from lessons.quiz_draw_rules import draw_settings_errors


class LessonPage(DiscussedItem):
    """A lesson: text, video, documents and prompts."""

    estimated_minutes = models.PositiveSmallIntegerField(
        default=10, help_text=_("About how long the lesson takes, in minutes.")
    )
    body = StreamField(
        LessonStreamBlock(),
        help_text=_("The lesson, built from text, videos, callouts and documents."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    settings_panels = [
        FieldPanel("is_free_preview"),
        FieldPanel("is_optional"),
        FieldPanel("estimated_minutes"),
        *ReleaseSchedule.release_panels,
        *Page.settings_panels,
    ]
    page_description = _(
        "A lesson in a module: text, video with transcript, documents and prompts."
    )
    counts_toward_content_time = True  # its estimated minutes: courses.ce_content

    class Meta:
        verbose_name = _("lesson")

    def serve_item(self, request, *args, **kwargs):
        decision = getattr(request, "access_decision", None)
        if (
            request.method == "GET"
            and decision
            and decision.state.is_enrolled
            and decision.course.measures_time_on_task
        ):
            # Imported here: lessons.time_on_task imports these page models.
            from lessons.time_on_task import lesson_opened

            lesson_opened(user=request.user, lesson=self, course=decision.course)
        return super().serve_item(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        state, item = context["state"], context["current_item"]
        context["time_on_task"] = (
            state.is_enrolled and state.course.measures_time_on_task
        )
        if state.is_enrolled and item is not None and not item.completed:
            from lessons.time_on_task import lesson_clock

            context["lesson_clock"] = lesson_clock(
                user=request.user, lesson=self, course=state.course
            )
        return context


class QuizPage(RoutablePageMixin, DiscussedItem):
    """A quiz or knowledge check, graded on the server; a pass completes it."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_(
            "What the quiz covers and how it is graded, shown before starting."
        ),
    )
    questions = StreamField(
        QuizQuestionsBlock(),
        help_text=_(
            "The question pool. Learners never see which answer is correct until "
            "they submit, and then only as the reveal setting allows."
        ),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        help_text=_("The score needed to pass, from 1 to 100."),
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        default=0, help_text=_("How many attempts a learner may make. 0: unlimited.")
    )
    shuffle_questions = models.BooleanField(
        default=False, help_text=_("Show the questions in a different order each time.")
    )
    shuffle_choices = models.BooleanField(
        default=False,
        help_text=_("Show the answers of each question in a different order."),
    )
    draw_count = models.PositiveSmallIntegerField(
        _("questions from the whole pool"),
        default=0,
        help_text=_(
            "Draw this many questions at random from the whole pool for each "
            "attempt. 0: off."
        ),
    )
    draw_per_section = models.PositiveSmallIntegerField(
        _("questions from each section"),
        default=0,
        help_text=_(
            "Draw this many questions at random from each section for each "
            "attempt, so every attempt covers every section (each question then "
            "needs a section). 0: off."
        ),
    )
    reveal_answers = models.CharField(
        _("reveal correct answers"),
        max_length=16,
        choices=RevealRule.choices,
        default=RevealRule.AFTER_EACH,
        help_text=_("When learners see the correct answers and explanations."),
    )
    is_final_assessment = models.BooleanField(
        _("final assessment"),
        default=False,
        help_text=_(
            "The course's post-test: passing it is required for completion and "
            "the CE certificate."
        ),
    )
    author_credentials = models.CharField(
        max_length=255,
        blank=True,
        help_text=_(
            "Who wrote the questions and answer key, with credentials "
            "(CE approval bodies ask for it)."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("questions"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("pass_mark"), FieldPanel("attempts_allowed")]
                ),
                FieldPanel("reveal_answers"),
                FieldPanel("is_final_assessment"),
                FieldPanel("author_credentials"),
            ],
            heading=_("Grading"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("draw_count"), FieldPanel("draw_per_section")]
                ),
                FieldRowPanel(
                    [FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]
                ),
            ],
            heading=_("How questions are drawn"),
            help_text=_(
                "Leave both numbers at 0 to give every question in every attempt. "
                "Use one or the other, not both."
            ),
        ),
        FieldPanel("is_free_preview"),
        FieldPanel("is_optional"),
        *ReleaseSchedule.release_panels,
        *Page.settings_panels,
    ]
    page_description = _(
        "A quiz or knowledge check: questions graded on the server, with a pass "
        "mark, attempt limits and feedback."
    )

    class Meta:
        verbose_name = _("quiz")

    def serve(self, request, *args, **kwargs):
        # RoutablePageMixin comes first in the MRO; the gate must run before it.
        return DiscussedItem.serve(self, request, *args, **kwargs)

    def serve_item(self, request, view=None, args=None, kwargs=None):
        if view is None:
            view, args, kwargs = self.resolve_subpage("/")
        return RoutablePageMixin.serve(self, request, view, args, kwargs)

    @property
    def questions_per_attempt(self) -> int:
        """How many questions each attempt has, as the draw settings give."""
        return grading.attempt_size(
            self._sections_only(),
            draw_count=self.draw_count,
            draw_per_section=self.draw_per_section,
        )

    @property
    def section_count(self) -> int:
        return len(grading.sections(self._sections_only()))

    def _sections_only(self) -> list[dict]:
        """Each question's section, read from the stored data: the start screen
        shows the attempt's size on every view, and decoding every question
        (rich text, choices) for it would cost more than the rest of the page."""
        return [
            {"section": grading.section_name((raw.get("value") or {}).get("section"))}
            for raw in self.questions.raw_data
        ]

    def clean(self):
        super().clean()
        if not 1 <= self.pass_mark <= 100:
            raise ValidationError({"pass_mark": _("Use a number from 1 to 100.")})
        errors = draw_settings_errors(
            pool=grading.pool_from_stream(self.questions),
            draw_count=self.draw_count,
            draw_per_section=self.draw_per_section,
        )
        if errors:
            raise ValidationError(errors)

    @path("")
    def quiz_index(self, request):
        from lessons.views import quiz_index

        return quiz_index(request, quiz=self)

    @path("start/")
    def quiz_start(self, request):
        from lessons.views import quiz_start

        return quiz_start(request, quiz=self)

    @path("submit/")
    def quiz_submit(self, request):
        from lessons.views import quiz_submit

        return quiz_submit(request, quiz=self)

    @path("attempts/<int:number>/")
    def quiz_attempt(self, request, number: int):
        from lessons.views import quiz_attempt_result

        return quiz_attempt_result(request, quiz=self, number=number)
