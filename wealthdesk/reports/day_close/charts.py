"""The day close's charts: bars by hour or by day, and the day's time on client work
against the target."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ...services.day_close import DaySummary
from ..fonts import Font
from .style import ALARM, BAR, BAR_2, BAR_3, GOOD, SOFT, Translate


def hour_charts(s: DaySummary, font: Font, words: dict[str, str]):
    """Two bar charts side by side: arrivals and the average wait, hour by hour."""
    hours = s.hours
    arrived = bool(s.visitors.arrived)
    return bar_charts(
        [f"{h.hour}" for h in hours],
        [
            (words["arrivals"], [("", [h.arrivals for h in hours], BAR)], None, words["none"]),
            (
                words["wait"],
                [("", [minutes_of(h.average_wait) for h in hours], BAR_2)],
                (s.visitors.wait_target_minutes, words["target"]),
                words["no_waits"] if arrived else words["none"],
            ),
        ],
        font,
    )


def minutes_of(value: dt.timedelta | None) -> float:
    return value.total_seconds() / 60 if value else 0


Series = tuple[str, Sequence[float], str]  # name ("" for none), values, colour


Chart = tuple[str, Sequence[Series], "tuple[float, str] | None", str]


def bar_charts(labels: Sequence[str], charts: Sequence[Chart], font: Font, height_mm=52):
    """Bar charts side by side over the same *labels*. Each is (title, series, line,
    empty): *series* one or more (name, values, colour), stacked, with a legend when
    named; *line* (value, label) a dashed target line, labelled in the title's row so
    that no label sits on a bar; *empty* what the chart says when it has nothing."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width, height = 182 * mm, height_mm * mm
    drawing = Drawing(width, height)
    each = width / len(charts)
    for index, (title, series, line, empty) in enumerate(charts):
        x0 = index * each
        drawing.add(String(x0 + 4, height - 10, title, fontName=font.name, fontSize=9))
        # The legend, right-aligned in the title's row: the target line, then the series.
        keys = [(name, colour, False) for name, _, colour in series if name]
        if line:
            keys.append((line[1], ALARM, True))
        lx = x0 + each - 6
        for text, colour, dashed in reversed(keys):
            lx -= stringWidth(text, font.name, 7)
            drawing.add(String(lx, height - 10, text, fontName=font.name, fontSize=7))
            lx -= 3
            if dashed:
                drawing.add(
                    Line(
                        lx - 12,
                        height - 7.5,
                        lx,
                        height - 7.5,
                        strokeColor=colors.HexColor(colour),
                        strokeDashArray=[3, 2],
                        strokeWidth=0.8,
                    )
                )
                lx -= 12 + 8
            else:
                drawing.add(
                    Rect(lx - 7, height - 10, 7, 7, fillColor=colors.HexColor(colour),
                         strokeColor=None)
                )  # fmt: skip
                lx -= 7 + 8
        totals = [sum(values[i] for _, values, _ in series) for i in range(len(labels))]
        if not any(totals):
            drawing.add(
                String(
                    x0 + each / 2,
                    height / 2,
                    empty,
                    fontName=font.name,
                    fontSize=9,
                    textAnchor="middle",
                    fillColor=colors.HexColor(SOFT),
                )
            )
            continue
        chart = VerticalBarChart()
        chart.x, chart.y = x0 + 24, 16
        chart.width, chart.height = each - 36, height - 34
        chart.data = [list(values) for _, values, _ in series]
        for number, (_, _, colour) in enumerate(series):
            chart.bars[number].fillColor = colors.HexColor(colour)
            chart.bars[number].strokeColor = None
        if len(series) > 1:
            chart.categoryAxis.style = "stacked"
        chart.categoryAxis.categoryNames = list(labels)
        chart.categoryAxis.labels.fontName = font.name
        chart.categoryAxis.labels.fontSize = 7 if len(labels) <= 24 else 6
        chart.valueAxis.labels.fontName = font.name
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.valueMin = 0
        top = _nice_top(max(max(totals), line[0] if line else 0))
        chart.valueAxis.valueMax = top
        chart.valueAxis.valueStep = top / 4
        chart.valueAxis.labelTextFormat = "%d"
        drawing.add(chart)
        if line:
            y = chart.y + chart.height * line[0] / top
            drawing.add(
                Line(
                    chart.x,
                    y,
                    chart.x + chart.width,
                    y,
                    strokeColor=colors.HexColor(ALARM),
                    strokeDashArray=[3, 2],
                    strokeWidth=0.8,
                )
            )
    return drawing


def _nice_top(value: float) -> float:
    """The axis's top: a round number at or above *value* that divides into 4 steps."""
    for top in (4, 8, 12, 20, 40, 60, 80, 100, 120, 160, 200, 300, 400, 600, 800, 1000):
        if value <= top:
            return top
    return float(int(value / 100 + 1) * 100)


def work_chart(work, font: Font, words: dict[str, str], translate: Translate):
    """One bar of the day's minutes on client work, by source, against the target line."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    width, height = 182 * mm, 15 * mm
    drawing = Drawing(width, height)
    drawing.add(String(4, height - 10, words["work"], fontName=font.name, fontSize=9))
    left, bar_width, bar_y, bar_h = 4, width - 8, 5, 9
    scale_top = max(work.target_minutes, work.total_minutes, 1) * 1.1
    drawing.add(
        Rect(
            left,
            bar_y,
            bar_width,
            bar_h,
            fillColor=colors.HexColor("#f0f2f5"),
            strokeColor=colors.HexColor("#c8d0d8"),
            strokeWidth=0.4,
        )
    )
    x = left
    legend = []
    for key, minutes, colour in (
        ("services", work.service_minutes, BAR),
        ("calls", work.call_minutes, BAR_2),
        ("support", work.support_minutes, BAR_3),
    ):
        span = bar_width * minutes / scale_top
        if span > 0:
            drawing.add(
                Rect(x, bar_y, span, bar_h, fillColor=colors.HexColor(colour), strokeColor=None)
            )
        x += span
        legend.append((words[key], colour))
    if not work.target_minutes:  # a day the branch is closed: no target to draw
        _legend(drawing, legend, font, width, height)
        return drawing
    target_x = left + bar_width * work.target_minutes / scale_top
    drawing.add(
        Line(
            target_x,
            bar_y - 3,
            target_x,
            bar_y + bar_h + 3,
            strokeColor=colors.HexColor(GOOD if work.met else ALARM),
            strokeWidth=1.5,
        )
    )
    # The label left of the line, unless the day went so far past the target that the
    # line stands near the left edge.
    near_left = target_x < 40
    drawing.add(
        String(
            target_x + 2 if near_left else target_x - 2,
            bar_y + bar_h + 2,
            words["goal"],
            fontName=font.name,
            fontSize=7,
            textAnchor="start" if near_left else "end",
            fillColor=colors.HexColor(GOOD if work.met else ALARM),
        )
    )
    _legend(drawing, legend, font, width, height)
    return drawing


def _legend(drawing, legend, font: Font, width: float, height: float) -> None:
    """The work chart's key, right-aligned in its title's row."""
    from reportlab.graphics.shapes import Rect, String
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lx = width - 4
    for label, colour in reversed(legend):
        lx -= stringWidth(label, font.name, 7) + 4
        drawing.add(String(lx, height - 10, label, fontName=font.name, fontSize=7))
        drawing.add(
            Rect(lx - 9, height - 10, 7, 7, fillColor=colors.HexColor(colour), strokeColor=None)
        )
        lx -= 14
