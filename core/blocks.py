"""Blocks shared by every page type: headings, text, quotes, callouts, images."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4", "blockquote"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text=_("The heading's words."))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section (H2)")), ("h3", _("Subsection (H3)"))],
        default="h2",
        help_text=_("Use H2 for main sections and H3 inside them."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = _("A section heading, listed in the page's outline.")
        preview_value = {"text": "Why life history matters", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        description = _("Paragraphs of text with bold, italics, links and lists.")
        preview_value = (
            "<p>A mitigation specialist gathers the records and stories that let a "
            "court see the whole person.</p>"
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text=_("The quoted words, without quotation marks."))
    attribution = blocks.CharBlock(
        required=False, max_length=200, help_text=_("Who said or wrote it, and where.")
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = _("A quotation set apart from the text, with its source.")
        preview_value = {
            "text": "Mitigation is not an excuse; it is an explanation.",
            "attribution": "A defense-team saying",
        }


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=120, default=_("Key point"), help_text=_("A short label.")
    )
    text = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("The point to remember, in a sentence or two."),
    )

    class Meta:
        icon = "pick"
        template = "blocks/callout_block.html"
        description = _("A highlighted key point the learner should remember.")
        preview_value = {
            "title": "Key point",
            "text": "<p>You work at counsel's direction, not as the client's "
            "therapist.</p>",
        }


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        help_text=_("Choose an image and describe it for screen readers.")
    )
    caption = blocks.CharBlock(
        required=False, max_length=250, help_text=_("Shown under the image.")
    )

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        description = _("An image with alternative text and an optional caption.")


class ContentStreamBlock(blocks.StreamBlock):
    """The body of a plain content page (About, Privacy, Terms, Refunds)."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    figure = FigureBlock()

    class Meta:
        template = "blocks/stream_block.html"
