"""Panels for the admin home: figures and charts, shared by every app.

Each app adds its own panels through Wagtail's ``construct_homepage_panels``
hook (courses: enrollments and completion; payments: revenue; lessons: the
discussion), built from these two components so the home page reads as one
document: :class:`FiguresPanel` (a few numbers, each with what it compares to
and a link to the rows behind it) and :class:`ChartPanel` (a
:mod:`core.charts` chart with its data table).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wagtail.admin.ui.components import Component

from core.charts import BarChart


@dataclass(frozen=True)
class Figure:
    label: str  # "Enrollments, last 30 days"
    value: str  # "42", "$1,240.00", "63%"
    detail: str = ""  # "up from 30 in the 30 days before"
    url: str = ""  # the report or list that shows the rows behind the number


class FiguresPanel(Component):
    template_name = "core/dashboard/figures_panel.html"

    def __init__(self, *, name: str, title: str, figures: Sequence[Figure], order):
        self.name = name
        self.title = title
        self.figures = list(figures)
        self.order = order

    def get_context_data(self, parent_context=None):
        return {"panel": self}


class ChartPanel(Component):
    template_name = "core/dashboard/chart_panel.html"

    def __init__(self, *, name: str, chart: BarChart, order, note: str = ""):
        self.name = name
        self.title = chart.title
        self.chart = chart
        self.note = note
        self.order = order

    def get_context_data(self, parent_context=None):
        return {"panel": self, "chart": self.chart}
