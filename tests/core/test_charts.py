"""Server-drawn charts: geometry from the numbers, a text alternative, the data."""

from django.template.loader import render_to_string

import html5lib

from core.charts import HEIGHT, MARGIN_BOTTOM, MARGIN_TOP, bar_chart


def test_the_tallest_bar_fills_the_height_and_the_others_scale_with_it():
    chart = bar_chart(
        title="Enrollments per week",
        points=[("Nov 2", 10), ("Nov 9", 5), ("Nov 16", 0)],
        label_header="Week",
        value_header="Enrollments",
    )

    usable = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    assert [bar.height for bar in chart.bars] == [usable, usable / 2, 0]
    assert chart.bars[0].y == MARGIN_TOP
    assert chart.summary == (
        "Enrollments per week: highest 10 (Nov 2), lowest 0 (Nov 16), over 3 bars."
    )


def test_a_fixed_maximum_scales_percentages_to_a_hundred():
    chart = bar_chart(
        title="Reached each module",
        points=[("Module 1", 100), ("Module 2", 25)],
        label_header="Module",
        value_header="Share of learners",
        value_text=lambda value: f"{value:.0f}%",
        horizontal=True,
        maximum=100,
    )

    assert chart.bars[1].width == chart.bars[0].width / 4
    assert [bar.text for bar in chart.bars] == ["100%", "25%"]


def test_the_chart_renders_as_an_image_with_its_numbers_in_a_table():
    chart = bar_chart(
        title="Revenue per month",
        points=[("Oct", 1200), ("Nov", 300)],
        label_header="Month",
        value_header="Revenue",
        value_text=lambda value: f"${value:,.2f}",
    )

    html = render_to_string("core/charts/bar_chart.html", {"chart": chart})
    tree = html5lib.parse(html, namespaceHTMLElements=False)

    svg = tree.find(".//{http://www.w3.org/2000/svg}svg")
    assert svg.get("role") == "img"
    described_by = svg.get("aria-labelledby").split()
    texts = {el.get("id"): "".join(el.itertext()) for el in tree.iter() if el.get("id")}
    assert [texts[i] for i in described_by] == [
        "Revenue per month",
        "Revenue per month: highest $1,200.00 (Oct), lowest $300.00 (Nov), "
        "over 2 bars.",
    ]
    rows = [
        ["".join(cell.itertext()) for cell in row]
        for row in tree.findall(".//table/tbody/tr")
    ]
    assert rows == [["Oct", "$1,200.00"], ["Nov", "$300.00"]]


def test_no_data_says_so():
    chart = bar_chart(
        title="Revenue per month",
        points=[("Oct", 0)],
        label_header="Month",
        value_header="Revenue",
    )

    assert chart.is_empty
    assert chart.summary == "Revenue per month: no data yet."
