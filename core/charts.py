"""Charts drawn on the server as SVG, with a text alternative and their data.

No chart library and no script: a chart is a few rectangles computed here and
drawn by ``templates/core/charts/bar_chart.html`` (``{% include %}`` it with
``chart``). Each chart is an ``<svg role="img">`` whose title and description
(the text alternative) say what it shows, followed by the same numbers as a
table, so a screen reader, a printout and a copy-paste all get the data.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

WIDTH = 640
HEIGHT = 240
MARGIN_LEFT = 8
MARGIN_BOTTOM = 28  # room for the labels under the bars
MARGIN_TOP = 18  # room for the value over the tallest bar
ROW_HEIGHT = 26  # horizontal charts: one row per bar
LABEL_WIDTH = 200  # horizontal charts: the labels' column

_ids = itertools.count(1)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as people read it ("$1,240.00", "42%")
    x: float
    y: float
    width: float
    height: float
    show_label: bool = True

    @property
    def label_x(self) -> float:
        return self.x + self.width / 2

    @property
    def middle_y(self) -> float:
        return self.y + self.height / 2


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    summary: str  # the text alternative: what the chart says, in a sentence
    label_header: str
    value_header: str
    bars: list[Bar]
    horizontal: bool
    width: int
    height: int

    @property
    def is_empty(self) -> bool:
        return not any(bar.value for bar in self.bars)

    @property
    def baseline_y(self) -> int:
        return self.height - MARGIN_BOTTOM


def bar_chart(
    *,
    title: str,
    points: Sequence[tuple[str, float]],
    label_header: str,
    value_header: str,
    value_text: Callable[[float], str] = lambda value: f"{value:,.0f}",
    summary: str = "",
    horizontal: bool = False,
    maximum: float | None = None,
) -> BarChart:
    """A bar chart of ``points`` (label, value), vertical unless ``horizontal``.

    ``maximum`` fixes the scale (100 for percentages); by default the largest
    value fills the height. ``summary`` defaults to the highest and lowest
    values and the total, in words.
    """
    values = [float(value or 0) for _label, value in points]
    top = maximum if maximum is not None else max(values, default=0)
    scale = top or 1
    texts = [value_text(value) for value in values]
    summary = summary or _summary(title, points, texts, values)
    chart_id = f"chart-{next(_ids)}"
    if horizontal:
        bars, width, height = _horizontal(points, values, texts, scale)
    else:
        bars, width, height = _vertical(points, values, texts, scale)
    return BarChart(
        id=chart_id,
        title=title,
        summary=summary,
        label_header=label_header,
        value_header=value_header,
        bars=bars,
        horizontal=horizontal,
        width=width,
        height=height,
    )


def _vertical(points, values, texts, scale):
    count = max(len(points), 1)
    slot = (WIDTH - MARGIN_LEFT) / count
    usable = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    every = max(1, -(-count // 12))  # at most ~12 labels under the axis
    bars = []
    for index, ((label, _value), value, text) in enumerate(
        zip(points, values, texts, strict=True)
    ):
        height = round(usable * max(value, 0) / scale, 1)
        bars.append(
            Bar(
                label=str(label),
                value=value,
                text=text,
                x=round(MARGIN_LEFT + index * slot + slot * 0.15, 1),
                y=round(HEIGHT - MARGIN_BOTTOM - height, 1),
                width=round(slot * 0.7, 1),
                height=height,
                show_label=index % every == 0,
            )
        )
    return bars, WIDTH, HEIGHT


def _horizontal(points, values, texts, scale):
    usable = WIDTH - LABEL_WIDTH - 70  # room for the value after the bar
    bars = []
    for index, ((label, _value), value, text) in enumerate(
        zip(points, values, texts, strict=True)
    ):
        bars.append(
            Bar(
                label=str(label),
                value=value,
                text=text,
                x=LABEL_WIDTH,
                y=index * ROW_HEIGHT + 4,
                width=round(usable * max(value, 0) / scale, 1),
                height=ROW_HEIGHT - 8,
            )
        )
    return bars, WIDTH, max(len(points), 1) * ROW_HEIGHT + 8


def _summary(title, points, texts, values) -> str:
    if not points or not any(values):
        return f"{title}: no data yet."
    high = max(range(len(values)), key=values.__getitem__)
    low = min(range(len(values)), key=values.__getitem__)
    return (
        f"{title}: highest {texts[high]} ({points[high][0]}), "
        f"lowest {texts[low]} ({points[low][0]}), over {len(points)} bars."
    )
