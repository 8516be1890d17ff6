"""The discussion's forms: compose (new thread, reply, edit) and report.

Length and emptiness are the service's rules (``post_source_clean``); the
forms only carry the text, the kind, the thread and the learner's
confirmation that the text names no real client.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lessons.models import PostKind

CONFIRM_LABEL = _("I have checked: this names no real client, case or place")


class PostSourceForm(forms.Form):
    """The text of a post and, after a warning, the learner's confirmation."""

    source_label = _("Your post")

    source = forms.CharField(
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write something before posting.")},
    )
    confirm = forms.BooleanField(required=False, label=CONFIRM_LABEL)

    @property
    def limit_display(self) -> str:
        return f"{settings.DISCUSSION_POST_MAX_LENGTH:,}"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["source"]
        field.label = self.source_label
        source_id = self["source"].auto_id
        # Not CharField(max_length=…): browsers send line breaks as two
        # characters; the service counts them as one, after normalising.
        field.widget.attrs.update(
            {
                "maxlength": settings.DISCUSSION_POST_MAX_LENGTH,
                "aria-describedby": f"{source_id}-hint {source_id}-counter",
                "data-counter": f"{source_id}-counter",
            }
        )


class PostForm(PostSourceForm):
    """A new thread under a lesson or quiz: a question or a comment."""

    source_label = _("Your question or comment")

    kind = forms.ChoiceField(
        label=_("What are you posting?"),
        choices=[
            (PostKind.QUESTION, _("A question (you would like an answer)")),
            (PostKind.COMMENT, _("A comment (you share a thought or practice)")),
        ],
        initial=PostKind.QUESTION,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a question or a comment.")},
    )

    field_order = ["kind", "source", "confirm"]


class ReplyForm(PostSourceForm):
    """A reply under a thread; the thread travels in a hidden field."""

    source_label = _("Your reply")

    parent = forms.IntegerField(widget=forms.HiddenInput)


class EditForm(PostSourceForm):
    source_label = _("Your post")


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this post?"),
        help_text=_(
            "Only the moderators see your report and your reason; the author "
            "does not learn who reported it."
        ),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say briefly what is wrong with this post.")},
    )
