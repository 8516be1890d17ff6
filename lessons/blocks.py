"""The blocks an instructor builds a lesson from."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from core.blocks import (
    CalloutBlock,
    FigureBlock,
    HeadingBlock,
    ParagraphBlock,
    QuoteBlock,
)
from lessons.video import embed_url, video_embed


class VideoBlock(blocks.StructBlock):
    """A YouTube, Vimeo or Wistia video with its transcript (required).

    The page shows a local placeholder; the provider's player is loaded only
    when the learner presses play (static/js/video.js), so opening a lesson
    tells no third party who is reading it.
    """

    title = blocks.CharBlock(
        max_length=150, help_text=_("Names the video for screen-reader users.")
    )
    url = blocks.URLBlock(
        help_text=_("The video's address on YouTube, Vimeo or Wistia, as you share it.")
    )
    transcript = blocks.RichTextBlock(
        features=["bold", "italic", "ul", "ol"],
        help_text=_(
            "Everything said in the video. Learners who cannot watch or hear it "
            "rely on this, and CE reviewers expect it."
        ),
    )

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        description = _("An embedded video and its transcript.")
        preview_value = {
            "title": "Welcome to the course",
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "transcript": "<p>Welcome. In this course we …</p>",
        }

    def clean(self, value):
        value = super().clean(value)
        if embed_url(value.get("url", "")) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Use a YouTube, Vimeo or Wistia video address.")
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        video = video_embed(value["url"])
        context["video"] = video
        context["embed_url"] = video.embed_url if video else None
        # The stream gives each child its block id: stable across renders (the
        # lesson body is cached), unique on the page; it names the transcript's
        # anchor. A block rendered on its own (the admin's preview) has none.
        block_id = (parent_context or {}).get("id") or "preview"
        context["video_dom_id"] = f"video-{block_id}"
        return context


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(
        help_text=_("Only learners who may see this lesson can download it.")
    )
    description = blocks.CharBlock(
        required=False, max_length=200, help_text=_("What the document is for.")
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        description = _("A downloadable handout, form or reading.")


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(
        help_text=_("A question for the learner to think or write about.")
    )

    class Meta:
        icon = "help"
        template = "blocks/reflection_block.html"
        description = _("A reflection prompt that invites the learner to pause.")
        preview_value = {
            "prompt": "Think of a client whose records told a different story than "
            "their words. What did the records add?"
        }


class LessonStreamBlock(blocks.StreamBlock):
    """The body of a lesson."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    document = DocumentBlock()
    quote = QuoteBlock()
    reflection = ReflectionBlock()

    class Meta:
        template = "blocks/stream_block.html"


# Quiz questions --------------------------------------------------------------
# Learners never see these blocks rendered: a quiz is shown from the attempt's
# snapshot, which carries no correctness marker. So they have no template.


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        max_length=300, help_text=_("The answer as learners see it.")
    )
    is_correct = blocks.BooleanBlock(
        required=False, help_text=_("Tick if this answer is correct.")
    )

    class Meta:
        icon = "tick"
        label = _("Answer")


def _choices_block():
    return blocks.ListBlock(
        ChoiceBlock(), min_num=2, max_num=8, help_text=_("Between 2 and 8 answers.")
    )


def _explanation_block():
    return blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "link"],
        help_text=_("Shown after grading, by the quiz's reveal setting."),
    )


def _section_block():
    return blocks.CharBlock(
        required=False,
        max_length=100,
        help_text=_(
            "Optional, e.g. “Module 2: Ethics”. Questions with the same section "
            "name form one section, for quizzes that draw some from each."
        ),
    )


_EMPTY_CHOICE = {"text": "", "is_correct": False}


class _ChoiceQuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(help_text=_("The question."))
    choices = _choices_block()
    explanation = _explanation_block()
    section = _section_block()

    class Meta:
        # The editor builds a new question from this default. A ListBlock's own
        # default is one row, which is under ``min_num`` and so showed "The
        # minimum number of items is 2" before anything was typed. Set in Meta
        # (not as a constructor argument) so migrations do not change.
        default = {"choices": [_EMPTY_CHOICE, _EMPTY_CHOICE]}

    def _correct_count(self, value) -> int:
        return sum(1 for choice in value["choices"] if choice["is_correct"])


class SingleChoiceQuestionBlock(_ChoiceQuestionBlock):
    class Meta:
        icon = "radio-full"
        description = _("A question with exactly one correct answer.")
        preview_value = {
            "prompt": "Who directs the mitigation specialist's work?",
            "choices": [
                {"text": "Defense counsel", "is_correct": True},
                {"text": "The prosecutor", "is_correct": False},
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        if self._correct_count(value) != 1:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "choices": ValidationError(_("Mark exactly one answer as correct."))
                }
            )
        return value


class MultipleSelectQuestionBlock(_ChoiceQuestionBlock):
    class Meta:
        icon = "list-ul"
        description = _(
            "A question where learners tick every correct answer; it counts only "
            "when all and only the correct ones are ticked."
        )
        preview_value = {
            "prompt": "Which are record sources for a life history?",
            "choices": [
                {"text": "School records", "is_correct": True},
                {"text": "Medical records", "is_correct": True},
                {"text": "The juror list", "is_correct": False},
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        if self._correct_count(value) < 1:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "choices": ValidationError(
                        _("Mark at least one answer as correct.")
                    )
                }
            )
        return value


class TrueFalseQuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(help_text=_("A statement learners judge true or false."))
    correct_answer = blocks.ChoiceBlock(
        choices=[("true", _("True")), ("false", _("False"))],
        default="true",
        help_text=_("Whether the statement is true."),
    )
    explanation = _explanation_block()
    section = _section_block()

    class Meta:
        icon = "radio-empty"
        description = _("A statement that is either true or false.")
        preview_value = {
            "prompt": "A mitigation specialist is the client's therapist.",
            "correct_answer": "false",
        }


class QuizQuestionsBlock(blocks.StreamBlock):
    """The question pool of a quiz."""

    single_choice = SingleChoiceQuestionBlock()
    multiple_select = MultipleSelectQuestionBlock()
    true_false = TrueFalseQuestionBlock()

    class Meta:
        min_num = 1
