"""The day-close summary (日清日结) as an A4 PDF, and the day's visits and sales as CSV
files: names masked, written whole or not at all.

This module is the front door (``from wealthdesk.reports.day_close import …``); behind
it, one module a topic:

- ``day``: the PDF of one day (its sections in order, the end of day);
- ``period``: the PDF of a week or a month;
- ``sections``: the sections both share (visitors, appointments, care, support, what
  stays open, complaints, the signature); ``sales``: the sales section;
- ``charts``: bars by hour or by day, the time on client work against the target;
- ``words``: durations, minutes, shares, outcomes as printed;
- ``style``: colours, the writer (paragraphs, grids, pairs; every string checked against
  the font) and the A4 page with its header, worn by the plan document too;
- ``csv_files``: the day's visits and sales as CSV.
"""

from __future__ import annotations

from ...private_files import write_atomically
from .csv_files import csv_names, day_close_csv, day_close_csv_files
from .day import SECTION_TITLES, day_close_pdf, render_day_close
from .period import (
    PERIOD_SECTION_TITLES,
    period_close_pdf,
    period_name,
    period_title,
    render_period_close,
)
from .style import INK, NONE, SOFT, Translate, Writer, build_pdf
from .words import (
    duration_text,
    minutes_text,
    open_item_text,
    outcome_text,
    percent,
    work_time_line,
)

# reports/plan.py draws with the same writer and page under their former names.
_Writer, _build = Writer, build_pdf

__all__ = [
    "INK",
    "NONE",
    "PERIOD_SECTION_TITLES",
    "SECTION_TITLES",
    "SOFT",
    "Translate",
    "Writer",
    "build_pdf",
    "csv_names",
    "day_close_csv",
    "day_close_csv_files",
    "day_close_pdf",
    "duration_text",
    "minutes_text",
    "open_item_text",
    "outcome_text",
    "percent",
    "period_close_pdf",
    "period_name",
    "period_title",
    "render_day_close",
    "render_period_close",
    "work_time_line",
    "write_atomically",
]
