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
from lessons.video import embed_url


class VideoBlock(blocks.StructBlock):
    """A YouTube, Vimeo or Wistia video with its transcript (required)."""

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
        context["embed_url"] = embed_url(value["url"])
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
