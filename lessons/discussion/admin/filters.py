"""Filters of the moderation queue and of the unanswered questions."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

import django_filters

from courses.models import CoursePage
from lessons.discussion.admin.selectors import RECENT_DAYS, recent_since
from lessons.models import Post, PostKind

ATTENTION = "attention"
STATUS_CHOICES = [
    (
        ATTENTION,
        format_lazy(
            _("Needs attention (reported, or from the last {} days)"), RECENT_DAYS
        ),
    ),
    ("reported", _("Reported")),
    ("hidden", _("Hidden")),
    ("deleted", _("Deleted by their author")),
    ("recent", format_lazy(_("All from the last {} days"), RECENT_DAYS)),
    ("all", _("All posts")),
]


def _course_filter():
    return django_filters.ModelChoiceFilter(
        label=_("Course"),
        queryset=CoursePage.objects.order_by("title"),
        empty_label=_("All courses"),
    )


class ModerationFilterSet(WagtailFilterSet):
    """Without a choice, the queue shows what needs attention."""

    status = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=STATUS_CHOICES,
        empty_label=None,
        initial=ATTENTION,
        widget=forms.RadioSelect,
        method="filter_status",
    )
    course = _course_filter()
    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=PostKind.choices,
        empty_label=_("All kinds"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Post
        fields = ["status", "course", "kind"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("status"):
            data = data.copy()
            data["status"] = ATTENTION
        super().__init__(data, *args, **kwargs)

    def filter_status(self, queryset, name, value):
        since = recent_since()
        conditions = {
            ATTENTION: Q(open_reports__gt=0) | Q(created_at__gte=since),
            "reported": Q(open_reports__gt=0),
            "hidden": Q(hidden_at__isnull=False),
            "deleted": Q(deleted_at__isnull=False),
            "recent": Q(created_at__gte=since),
        }
        return queryset.filter(conditions[value]) if value in conditions else queryset


class UnansweredFilterSet(WagtailFilterSet):
    course = _course_filter()

    class Meta:
        model = Post
        fields = ["course"]
