"""The day-close summary (日清日结) as an A4 PDF, and the day's visits and sales as CSV
files: names masked, written whole or not at all."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from ..domain import durations
from ..domain.appointment import AppointmentFigures
from ..domain.care import CallOutcome, yuan
from ..domain.client import ProductFamily
from ..domain.csv_file import csv_writer
from ..domain.errors import QT_TRANSLATE_NOOP
from ..domain.queue import ServiceOutcome, VisitState
from ..domain.sales import SaleType
from ..services.care import CareFigures
from ..services.day_close import (
    DaySummary,
    OpenItem,
    PeriodSummary,
    SaleRow,
    SalesFigures,
    VisitorFigures,
    VisitRow,
)
from .day_close_compliance import compliance_section
from .files import write_atomically
from .fonts import Font
from .layout import CELL_PADDING, fit_rows

Translate = Callable[[str, str], str]

INK = "#1d3557"
SOFT = "#555555"
ALARM = "#b00020"  # a sale without its recording reference
HEAD = "#e8eef7"
BAR = "#457b9d"
BAR_2 = "#a8dadc"
BAR_3 = "#e9c46a"
GOOD = "#2a9d8f"
NONE = "—"

SECTION_TITLES = (
    QT_TRANSLATE_NOOP("reports", "1. Visitors"),
    QT_TRANSLATE_NOOP("reports", "2. Charts"),
    QT_TRANSLATE_NOOP("reports", "3. Appointments"),
    QT_TRANSLATE_NOOP("reports", "4. Care"),
    QT_TRANSLATE_NOOP("reports", "5. Sales"),
    QT_TRANSLATE_NOOP("reports", "6. Colleague support"),
    QT_TRANSLATE_NOOP("reports", "7. Visits"),
    QT_TRANSLATE_NOOP("reports", "8. Open for tomorrow"),
    QT_TRANSLATE_NOOP("reports", "9. End of day"),
)


def _no_translation(context: str, text: str) -> str:
    return text


# ---------------------------------------------------------------- words and numbers


def duration_text(value: dt.timedelta | None, translate: Translate = _no_translation) -> str:
    """``12 min``, ``1 h 05 min``; a dash when unknown (the one format of
    :mod:`wealthdesk.domain.durations`)."""
    return durations.duration_text(value, translate)


def minutes_text(minutes: int, translate: Translate = _no_translation) -> str:
    return durations.minutes_text(minutes, translate)


def percent(share: float | None) -> str:
    return NONE if share is None else f"{round(share * 100)}%"


def _time(moment: dt.datetime | None) -> str:
    return f"{moment:%H:%M}" if moment else NONE


def work_time_line(work, translate: Translate = _no_translation, to_date: bool = False) -> str:
    """``Time on client work: 2 h 25 min of 5 h 00 min (48%); services …``; on a day the
    branch is closed there is no target; *to_date*: a period that is not over."""
    if not work.target_minutes:
        return translate(
            "reports",
            QT_TRANSLATE_NOOP(
                "reports",
                "Time on client work: {total} (no target: not a working day); services "
                "{services}, calls {calls}, support {support}",
            ),
        ).format(
            total=minutes_text(work.total_minutes, translate),
            services=minutes_text(work.service_minutes, translate),
            calls=minutes_text(work.call_minutes, translate),
            support=minutes_text(work.support_minutes, translate),
        )
    if to_date:
        text = QT_TRANSLATE_NOOP(
            "reports",
            "Time on client work to date: {total} of {target} ({share}); services "
            "{services}, calls {calls}, support {support}",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "reports",
            "Time on client work: {total} of {target} ({share}); services {services}, "
            "calls {calls}, support {support}",
        )
    return translate("reports", text).format(
        total=minutes_text(work.total_minutes, translate),
        target=minutes_text(work.target_minutes, translate),
        share=percent(work.share),
        services=minutes_text(work.service_minutes, translate),
        calls=minutes_text(work.call_minutes, translate),
        support=minutes_text(work.support_minutes, translate),
    )


def outcome_text(row: VisitRow, translate: Translate = _no_translation) -> str:
    """What became of a visit: the service's outcome once done, else its state."""
    if row.state is VisitState.DONE and row.outcome:
        try:
            return translate("domain", ServiceOutcome(row.outcome).label)
        except ValueError:
            return row.outcome
    return translate("domain", row.state.label)


def open_item_text(item: OpenItem, translate: Translate = _no_translation) -> str:
    if item.what == "appointment":
        what = translate("reports", QT_TRANSLATE_NOOP("reports", "Appointment"))
    else:
        try:
            from ..domain.care import CareKind

            what = translate("domain", CareKind(item.what).label)
        except ValueError:
            what = translate("domain", VisitState(item.what).label)
    parts = [what, item.masked_name or NONE, item.when]
    if item.detail:
        parts.append(item.detail)
    return " · ".join(parts)


# ---------------------------------------------------------------- the PDF


def day_close_pdf(
    target: Path,
    summary: DaySummary,
    font: Font,
    translate: Translate = _no_translation,
) -> Path:
    """Write *summary* to *target* as the day-close PDF and return it: made in memory,
    written to a temporary file in the same folder and renamed, so a character the font
    lacks (:class:`~wealthdesk.reports.fonts.FontError`, raised before anything is
    written) or a failed write leaves no file; ``OSError`` says why a folder cannot be
    written."""
    data = render_day_close(summary, font, translate)
    return write_atomically(Path(target), data)


class _Writer:
    """The house style: paragraphs, grids and label–value pairs in the report's font,
    and every string printed, so the font is checked before anything is written."""

    def __init__(self, font: Font, translate: Translate):
        from reportlab.lib.styles import ParagraphStyle

        self.font, self.translate = font, translate
        self.texts: list[str] = []
        self.base = ParagraphStyle("dc", fontName=font.name, fontSize=9.5, leading=13)
        self.small = ParagraphStyle(
            "dcSmall", parent=self.base, fontSize=8, leading=10.5, textColor=SOFT
        )
        self.title = ParagraphStyle(
            "dcTitle", parent=self.base, fontSize=16, leading=22, textColor=INK
        )
        self.section = ParagraphStyle(
            "dcSection",
            parent=self.base,
            fontSize=12,
            leading=17,
            textColor=INK,
            spaceBefore=7,
            spaceAfter=3,
            keepWithNext=1,
        )
        self.loose_section = ParagraphStyle("dcLooseSection", parent=self.section, keepWithNext=0)
        self.sub = ParagraphStyle(
            "dcSub", parent=self.base, fontSize=10, leading=14, spaceBefore=4, keepWithNext=1
        )
        self.alarm = ParagraphStyle(
            "dcAlarm", parent=self.base, textColor=ALARM, fontSize=10.5, leading=14
        )

    def t(self, text: str) -> str:
        return self.translate("reports", text)

    def d(self, text: str) -> str:
        return self.translate("domain", text)

    def say(self, text: str) -> str:
        self.texts.append(text)
        return text

    def para(self, text: str, style=None):
        from reportlab.platypus import Paragraph

        return Paragraph(_escape(self.say(text)), style or self.base)

    def grid(
        self,
        rows: list[list[str]],
        widths,
        numbers_from: int = 1,
        header: bool = True,
        size: float = 9,
        align=None,
        spans: dict[tuple[int, int], float] | None = None,
        colour=None,
        padding: float = CELL_PADDING,
        **kw,
    ):
        """A table with a grid, numbers right-aligned from column *numbers_from*; every
        cell fitted to its column (:func:`~wealthdesk.reports.layout.fit_rows`).
        *align(row, column)* and *colour(row, column)* override where they return a
        value; *spans* gives the width of a cell spanning columns."""
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        for row in rows:
            self.texts.extend(row)
        first = 1 if header else 0

        def aligned(r: int, c: int) -> str:
            chosen = align(r, c) if align else None
            return chosen or ("RIGHT" if c >= numbers_from and r >= first else "LEFT")

        cells = fit_rows(
            rows,
            widths,
            self.font.name,
            size,
            align=aligned,
            spans=spans,
            colour=colour or (lambda r, c: None),
            padding=lambda r, c: 2 * padding,
        )
        table = Table(cells, colWidths=widths, **kw)
        style = [
            ("FONTNAME", (0, 0), (-1, -1), self.font.name),
            ("FONTSIZE", (0, 0), (-1, -1), size),
            ("LEADING", (0, 0), (-1, -1), 11),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ("ALIGN", (numbers_from, 1 if header else 0), (-1, -1), "RIGHT"),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD)))
        table.setStyle(TableStyle(style))
        return table

    def pairs(self, items: Sequence[tuple[str, str]], columns: int = 2):
        """Label–value pairs, *columns* pairs a row, values right-aligned."""
        from reportlab.lib import colors
        from reportlab.lib.units import mm
        from reportlab.platypus import Table, TableStyle

        rows, row = [], []
        for label, value in items:
            row += [label, value]
            if len(row) == 2 * columns:
                rows.append(row)
                row = []
        if row:
            rows.append(row + [""] * (2 * columns - len(row)))
        width = 182 / columns
        widths = [width * 0.62 * mm, width * 0.38 * mm] * columns
        for row in rows:
            self.texts.extend(row)
        cells = fit_rows(
            rows,
            widths,
            self.font.name,
            9.5,
            align=lambda r, c: "RIGHT" if c % 2 else "LEFT",
            padding=lambda r, c: 16.0 if c % 2 else 2 * CELL_PADDING,
        )
        table = Table(cells, colWidths=widths)
        style = [
            ("FONTNAME", (0, 0), (-1, -1), self.font.name),
            ("FONTSIZE", (0, 0), (-1, -1), 9.5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#c8d0d8")),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        for c in range(columns):
            style.append(("ALIGN", (2 * c + 1, 0), (2 * c + 1, -1), "RIGHT"))
            style.append(("RIGHTPADDING", (2 * c + 1, 0), (2 * c + 1, -1), 10))
        table.setStyle(TableStyle(style))
        return table

    def chart_words(self, wait_target_minutes: int) -> dict[str, str]:
        t = self.t
        words = {
            "arrivals": t(QT_TRANSLATE_NOOP("reports", "Arrivals by hour")),
            "wait": t(QT_TRANSLATE_NOOP("reports", "Average wait by hour (minutes)")),
            "arrivals_day": t(QT_TRANSLATE_NOOP("reports", "Arrivals by day")),
            "wait_day": t(QT_TRANSLATE_NOOP("reports", "Average wait by day (minutes)")),
            "work_day": t(QT_TRANSLATE_NOOP("reports", "Time on client work by day (minutes)")),
            "target": t(QT_TRANSLATE_NOOP("reports", "target {minutes} min")).format(
                minutes=wait_target_minutes
            ),
            "none": t(QT_TRANSLATE_NOOP("reports", "No visitors")),
            "no_waits": t(QT_TRANSLATE_NOOP("reports", "No waits recorded")),
            "no_work": t(QT_TRANSLATE_NOOP("reports", "No client work recorded")),
            "work": t(QT_TRANSLATE_NOOP("reports", "Time on client work against the target")),
            "services": t(QT_TRANSLATE_NOOP("reports", "Services")),
            "calls": t(QT_TRANSLATE_NOOP("reports", "Calls")),
            "support": t(QT_TRANSLATE_NOOP("reports", "Support")),
            "goal": t(QT_TRANSLATE_NOOP("reports", "Target")),
        }
        self.texts += words.values()
        return words

    def header_texts(self, who: str, generated_at: dt.datetime) -> tuple[str, str, str]:
        """The header's who (branch · manager), "Generated …" and "Page {page} of {pages}"."""
        generated = self.t(QT_TRANSLATE_NOOP("reports", "Generated {time}")).format(
            time=f"{generated_at:%Y-%m-%d %H:%M}"
        )
        page_of = self.t(QT_TRANSLATE_NOOP("reports", "Page {page} of {pages}"))
        self.texts += [who, generated, page_of]
        return who, generated, page_of

    def who(self, branch: str, manager: str, desk: str) -> str:
        who = " · ".join(p for p in (branch, manager) if p)
        return who or self.t(QT_TRANSLATE_NOOP("reports", "Desk {desk}")).format(desk=desk)


# ---------------------------------------------------------------- sections a day and a period share


def _visitors_section(w: _Writer, v: VisitorFigures):
    t = w.t
    over = NONE
    if v.waits_known:
        over = t(QT_TRANSLATE_NOOP("reports", "{count} of {known} ({share})")).format(
            count=v.over_target, known=v.waits_known, share=percent(v.share_over_target)
        )
    items = [
        (t(QT_TRANSLATE_NOOP("reports", "Arrived")), str(v.arrived)),
        (t(QT_TRANSLATE_NOOP("reports", "Served")), str(v.served)),
        (t(QT_TRANSLATE_NOOP("reports", "No-shows")), str(v.no_show)),
        (t(QT_TRANSLATE_NOOP("reports", "Left without service")), str(v.left)),
        (
            t(QT_TRANSLATE_NOOP("reports", "Average wait")),
            duration_text(v.average_wait, w.translate),
        ),
        (
            t(QT_TRANSLATE_NOOP("reports", "Longest wait")),
            duration_text(v.longest_wait, w.translate),
        ),
        (
            t(QT_TRANSLATE_NOOP("reports", "Waited longer than {minutes} min")).format(
                minutes=v.wait_target_minutes
            ),
            over,
        ),
        (
            t(QT_TRANSLATE_NOOP("reports", "Average service time")),
            duration_text(v.average_service, w.translate),
        ),
    ]
    if v.waiting or v.parked:
        items.append((t(QT_TRANSLATE_NOOP("reports", "Still waiting")), str(v.waiting + v.parked)))
    return w.pairs(items)


def _appointments_section(w: _Writer, a: AppointmentFigures):
    t = w.t
    return w.pairs(
        [
            (t(QT_TRANSLATE_NOOP("reports", "Booked")), str(a.booked)),
            (t(QT_TRANSLATE_NOOP("reports", "Kept")), str(a.kept)),
            (t(QT_TRANSLATE_NOOP("reports", "Late")), str(a.late)),
            (t(QT_TRANSLATE_NOOP("reports", "No-show")), str(a.no_show)),
            (t(QT_TRANSLATE_NOOP("reports", "Cancelled")), str(a.cancelled)),
            (t(QT_TRANSLATE_NOOP("reports", "Rescheduled")), str(a.rescheduled)),
        ],
        columns=3,
    )


def _care_section(w: _Writer, c: CareFigures):
    t = w.t
    items = [
        (t(QT_TRANSLATE_NOOP("reports", "Tasks planned")), str(c.tasks_planned)),
        (t(QT_TRANSLATE_NOOP("reports", "Tasks done")), str(c.tasks_done)),
        (t(QT_TRANSLATE_NOOP("reports", "Calls")), str(c.calls)),
        (t(QT_TRANSLATE_NOOP("reports", "Call time")), minutes_text(c.call_minutes, w.translate)),
    ]
    items += [(w.d(o.label), str(c.calls_by_outcome.get(o, 0))) for o in CallOutcome]
    items += [
        (t(QT_TRANSLATE_NOOP("reports", "Information sent")), str(c.info_sent)),
        (t(QT_TRANSLATE_NOOP("reports", "Invitations made")), str(c.invitations_done)),
    ]
    return w.pairs(items)


def _sales_section(w: _Writer, sf: SalesFigures, heading) -> list:
    """The family × sale type table, the counts, the cancellations and the sales without
    a recording reference (in red: there must be none)."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer, TableStyle

    t, d = w.t, w.d
    story: list = []
    # A month's amounts can outgrow the cells: then whole yuan, in a smaller size.
    large = len(yuan(sf.totals.amount_fen)) > 13

    def money(fen: int) -> str:
        text = yuan(fen)
        return text.removesuffix(".00") if large else text

    count_word = t(QT_TRANSLATE_NOOP("reports", "Count"))
    amount_word = t(QT_TRANSLATE_NOOP("reports", "Amount"))
    total_word = t(QT_TRANSLATE_NOOP("reports", "Total"))
    top = [t(QT_TRANSLATE_NOOP("reports", "Family"))]
    second = [""]
    for sale_type in SaleType:
        top += [d(sale_type.label), ""]
        second += [count_word, amount_word]
    top += [total_word, ""]
    second += [count_word, amount_word]
    rows = [top, second]
    for family in ProductFamily:
        count, fen = sf.totals.of(family)
        row = [d(family.label)]
        for sale_type in SaleType:
            n, amount = sf.totals.of(family, sale_type)
            row += [str(n), money(amount) if n else NONE]
        row += [str(count), money(fen) if count else NONE]
        rows.append(row)
    total_row = [total_word]
    for sale_type in SaleType:
        n = sum(sf.totals.of(f, sale_type)[0] for f in ProductFamily)
        amount = sum(sf.totals.of(f, sale_type)[1] for f in ProductFamily)
        total_row += [str(n), money(amount) if n else NONE]
    total_row += [str(sf.totals.count), money(sf.totals.amount_fen)]
    rows.append(total_row)
    widths = [30 * mm] + [8 * mm, 22.4 * mm] * 5
    sales_table = w.grid(
        rows,
        widths,
        header=False,
        size=6.5 if large else 7.5,
        align=lambda r, c: "CENTER" if r < 2 and c else ("RIGHT" if c else "LEFT"),
        spans={(1 + 2 * i, 0): widths[1] + widths[2] for i in range(len(SaleType) + 1)},
        padding=3,
    )
    spans = [("SPAN", (1 + 2 * i, 0), (2 + 2 * i, 0)) for i in range(len(SaleType) + 1)]
    sales_table.setStyle(
        TableStyle(
            [
                *spans,
                ("SPAN", (0, 0), (0, 1)),
                ("FONTSIZE", (0, 0), (-1, -1), 6.5 if large else 7.5),
                ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor(HEAD)),
                ("ALIGN", (1, 0), (-1, 1), "CENTER"),
                ("ALIGN", (1, 2), (-1, -1), "RIGHT"),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor(HEAD)),
            ]
        )
    )
    cancelled_fen = sum(r.amount_fen for r in sf.cooling_off_cancellations)
    counts = w.pairs(
        [
            (
                t(QT_TRANSLATE_NOOP("reports", "Sales signed (cancelled ones included)")),
                str(len(sf.sales)),
            ),
            (
                t(QT_TRANSLATE_NOOP("reports", "Cooling-off cancellations")),
                str(len(sf.cooling_off_cancellations)),
            ),
            (t(QT_TRANSLATE_NOOP("reports", "Amount cancelled")), yuan(cancelled_fen)),
            (
                t(QT_TRANSLATE_NOOP("reports", "65+ confirmations")),
                str(sf.elderly_confirmations),
            ),
        ]
    )
    # The table and its counts on one page; the refusals by reason in a line of their own
    # (a long list of reasons does not fit a value's cell).
    block = [heading, sales_table, Spacer(1, 2 * mm), counts]
    refused = t(QT_TRANSLATE_NOOP("reports", "Refused by the suitability rules: {reasons}"))
    block.append(w.para(refused.format(reasons=_refusals_text(sf.refusals, t))))
    story.append(KeepTogether(block))
    if sf.cooling_off_cancellations:
        story.append(w.para(t(QT_TRANSLATE_NOOP("reports", "Cancelled in the cooling-off")), w.sub))
        story.append(_sales_table(w, sf.cooling_off_cancellations))
    missing = sf.missing_recording
    if missing:
        story.append(Spacer(1, 2 * mm))
        story.append(
            w.para(
                t(
                    QT_TRANSLATE_NOOP(
                        "reports",
                        "{count} sales without a recording reference (双录): there must be "
                        "none. Record the references before the day is closed.",
                    )
                ).format(count=len(missing)),
                w.alarm,
            )
        )
        missing_table = _sales_table(w, missing, colour=ALARM)
        missing_table.setStyle(
            TableStyle([("TEXTCOLOR", (0, 1), (-1, -1), colors.HexColor(ALARM))])
        )
        story.append(missing_table)
    else:
        story.append(
            w.para(
                t(QT_TRANSLATE_NOOP("reports", "Sales without a recording reference: 0")), w.small
            )
        )
    return story


def _support_section(w: _Writer, c: CareFigures):
    t = w.t
    return w.pairs(
        [
            (t(QT_TRANSLATE_NOOP("reports", "Times supported")), str(c.support_count)),
            (
                t(QT_TRANSLATE_NOOP("reports", "Support time")),
                minutes_text(c.support_minutes, w.translate),
            ),
            (t(QT_TRANSLATE_NOOP("reports", "Followed by a sale")), str(c.support_sales)),
        ],
        columns=3,
    )


def _open_section(w: _Writer, groups, care_open: int, limit: int | None = None) -> list:
    """Counts of what stays open, then each item (the first *limit* of each kind)."""
    t = w.t
    story = [
        w.pairs(
            [(t(label), str(len(items))) for label, items in groups]
            + [
                (
                    t(QT_TRANSLATE_NOOP("reports", "Care tasks due by tomorrow")),
                    str(care_open),
                )
            ]
        )
    ]
    for label, items in groups:
        if items:
            story.append(w.para(t(label), w.sub))
            for item in items[:limit]:
                story.append(w.para("• " + open_item_text(item, w.translate)))
            if limit is not None and len(items) > limit:
                more = t(QT_TRANSLATE_NOOP("reports", "… and {count} more")).format(
                    count=len(items) - limit
                )
                story.append(w.para(more, w.small))
    return story


COMPLAINTS_TITLE = QT_TRANSLATE_NOOP("reports", "Complaints")


def _complaints_section(w: _Writer, day) -> list:
    """The day's new and resolved complaints and those open past their deadline: who
    (masked), about what, handled by whom, the deadline and how it stands."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    t, d = w.t, w.d
    story = [w.para(t(COMPLAINTS_TITLE), w.section)]
    story.append(
        w.pairs(
            [
                (t(QT_TRANSLATE_NOOP("reports", "Received today")), str(len(day.new))),
                (t(QT_TRANSLATE_NOOP("reports", "Resolved today")), str(len(day.resolved))),
                (t(QT_TRANSLATE_NOOP("reports", "Overdue")), str(len(day.overdue))),
            ],
            columns=3,
        )
    )
    groups = (
        (QT_TRANSLATE_NOOP("reports", "Received today"), day.new),
        (QT_TRANSLATE_NOOP("reports", "Resolved today"), day.resolved),
        (QT_TRANSLATE_NOOP("reports", "Overdue"), day.overdue),
    )
    answers = {
        True: t(QT_TRANSLATE_NOOP("reports", "accepted")),
        False: t(QT_TRANSLATE_NOOP("reports", "not accepted")),
        None: t(QT_TRANSLATE_NOOP("reports", "answer not known")),
    }
    rows = [
        [
            t(QT_TRANSLATE_NOOP("reports", "Complaint")),
            t(QT_TRANSLATE_NOOP("reports", "Client")),
            t(QT_TRANSLATE_NOOP("reports", "About")),
            t(QT_TRANSLATE_NOOP("reports", "Handled by")),
            t(QT_TRANSLATE_NOOP("reports", "Answer by")),
            t(QT_TRANSLATE_NOOP("reports", "State")),
        ]
    ]
    for label, complaints in groups:
        for c in complaints:
            if c.resolved_at is not None and c.status.value == "resolved":
                state = answers[c.accepted]
            else:
                state = t(label)
            rows.append(
                [
                    f"{c.id} · {t(label)}",
                    c.masked_name or c.masked_phone,
                    d(c.category.label),
                    c.handler,
                    c.deadline.isoformat(),
                    state,
                ]
            )
    if len(rows) > 1:
        story.append(Spacer(1, 2 * mm))
        story.append(
            w.grid(
                rows,
                [34 * mm, 22 * mm, 40 * mm, 24 * mm, 24 * mm, 32 * mm],
                numbers_from=6,
                repeatRows=1,
            )
        )
    return story


def _signature(w: _Writer):
    line = "_" * 18
    return w.para(
        w.t(QT_TRANSLATE_NOOP("reports", "Manager's signature: {line}    Date: {line}")).format(
            line=line
        )
    )


def _empty_note(w: _Writer, text: str) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    return [Spacer(1, 2 * mm), w.para(text, w.sub)]


# ---------------------------------------------------------------- a day


def _audit_chain_note(w: _Writer, report):
    """The audit log's check, stated on the day close: intact (with the last entry's
    hash, so that a later rewrite of the whole log shows against this paper), or where
    it breaks, in the alarm colour."""
    from ..services.audit import chain_verdict

    text = chain_verdict(report, w.translate)
    if report.intact:
        text += " " + w.t(QT_TRANSLATE_NOOP("reports", "Last entry's hash: {hash}")).format(
            hash=report.head[:16] or "—"
        )
        return w.para(text, w.small)
    text += " " + w.t(
        QT_TRANSLATE_NOOP("reports", "Run wealthdesk audit-verify and report it to compliance.")
    )
    return w.para(text, w.alarm)


def render_day_close(summary: DaySummary, font: Font, translate: Translate = _no_translation):
    """The day-close PDF of *summary* as bytes."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer, TableStyle

    s = summary
    w = _Writer(font, translate)
    t, d, para, grid = w.t, w.d, w.para, w.grid
    small, section, sub, alarm = w.small, w.section, w.sub, w.alarm

    title = w.say(
        t(QT_TRANSLATE_NOOP("reports", "Day close {date}")).format(date=s.day.isoformat())
    )
    who, generated, page_of = w.header_texts(w.who(s.branch, s.manager, s.desk), s.generated_at)

    story: list = [para(title, w.title)]
    if s.closes:
        last = s.closes[-1]
        note = t(
            QT_TRANSLATE_NOOP(
                "reports",
                "Version {version}: the day was closed before at {time} (version {previous}, "
                "kept).",
            )
        ).format(version=s.version, time=f"{last.closed_at:%Y-%m-%d %H:%M}", previous=last.version)
        if s.amended:
            note += " " + t(
                QT_TRANSLATE_NOOP(
                    "reports", "Records of the day were changed since: this is an amendment."
                )
            )
        story.append(para(note, alarm if s.amended else small))
    if s.audit_chain is not None:
        story.append(_audit_chain_note(w, s.audit_chain))
    if s.empty:
        story += _empty_note(
            w,
            t(
                QT_TRANSLATE_NOOP(
                    "reports",
                    "Nothing was recorded on this day: no visitors, appointments, sales, "
                    "calls or colleague support.",
                )
            ),
        )

    # 1. Visitors
    story.append(para(t(SECTION_TITLES[0]), section))
    story.append(_visitors_section(w, s.visitors))

    # 2. Charts
    story.append(para(t(SECTION_TITLES[1]), section))
    chart_texts = w.chart_words(s.visitors.wait_target_minutes)
    story.append(_hour_charts(s, font, chart_texts))
    story.append(Spacer(1, 3 * mm))
    story.append(_work_chart(s.work, font, chart_texts, translate))
    story.append(para(work_time_line(s.work, translate)))

    # 3. Appointments
    story.append(para(t(SECTION_TITLES[2]), section))
    story.append(_appointments_section(w, s.appointments))

    # 4. Care
    c = s.care
    story.append(para(t(SECTION_TITLES[3]), section))
    story.append(_care_section(w, c))

    # 5. Sales
    story += _sales_section(w, s.sales, para(t(SECTION_TITLES[4]), section))
    story.append(
        para(t(QT_TRANSLATE_NOOP("reports", "Financial plans made: {count}")).format(count=s.plans))
    )

    # 6. Colleague support
    story.append(para(t(SECTION_TITLES[5]), section))
    story.append(_support_section(w, c))

    if s.supports:
        rows = [
            [
                t(QT_TRANSLATE_NOOP("reports", "Time")),
                t(QT_TRANSLATE_NOOP("reports", "Colleague")),
                t(QT_TRANSLATE_NOOP("reports", "Support")),
                t(QT_TRANSLATE_NOOP("reports", "Minutes")),
                t(QT_TRANSLATE_NOOP("reports", "Sale followed")),
            ]
        ]
        yes, no = t(QT_TRANSLATE_NOOP("reports", "yes")), t(QT_TRANSLATE_NOOP("reports", "no"))
        for sup in s.supports:
            rows.append(
                [
                    _time(sup.supported_at),
                    sup.colleague,
                    d(sup.kind.label),
                    str(sup.duration_minutes),
                    yes if sup.sale_followed else no,
                ]
            )
        story.append(Spacer(1, 2 * mm))
        story.append(
            grid(rows, [22 * mm, 40 * mm, 60 * mm, 25 * mm, 35 * mm], numbers_from=3, repeatRows=1)
        )

    # Complaints: a section of its own, after the day's work and before the visits.
    if s.complaints is not None:
        story += _complaints_section(w, s.complaints)
    if s.compliance is not None:
        story += compliance_section(w, s.compliance)

    # 7. Visits: a heading kept with a long table would push both to a new page
    story.append(para(t(SECTION_TITLES[6]), w.loose_section))
    if s.visits:
        rows = [
            [
                t(QT_TRANSLATE_NOOP("reports", "Ticket")),
                t(QT_TRANSLATE_NOOP("reports", "Client")),
                t(QT_TRANSLATE_NOOP("reports", "Desk")),
                t(QT_TRANSLATE_NOOP("reports", "Arrived")),
                t(QT_TRANSLATE_NOOP("reports", "Called")),
                t(QT_TRANSLATE_NOOP("reports", "Finished")),
                t(QT_TRANSLATE_NOOP("reports", "Wait")),
                t(QT_TRANSLATE_NOOP("reports", "Service")),
                t(QT_TRANSLATE_NOOP("reports", "Outcome")),
            ]
        ]
        for r in s.visits:
            rows.append(
                [
                    r.ticket,
                    r.masked_name or NONE,
                    r.desk or NONE,
                    _time(r.arrived_at),
                    _time(r.called_at),
                    _time(r.finished_at),
                    duration_text(r.wait, translate),
                    duration_text(r.service, translate),
                    outcome_text(r, translate),
                ]
            )
        widths = [15 * mm, 20 * mm, 11 * mm, 15 * mm, 15 * mm, 15 * mm, 22 * mm, 22 * mm, 47 * mm]
        visits_table = grid(
            rows,
            widths,
            numbers_from=3,
            repeatRows=1,
            align=lambda r, c: "LEFT" if c == 8 else None,
        )
        visits_table.setStyle(TableStyle([("ALIGN", (8, 1), (8, -1), "LEFT")]))
        story.append(visits_table)
    else:
        story.append(para(t(QT_TRANSLATE_NOOP("reports", "No visitors on this day.")), small))

    # 8. Open for tomorrow
    story.append(para(t(SECTION_TITLES[7]), section))
    groups = (
        (QT_TRANSLATE_NOOP("reports", "Follow-ups and call-backs"), s.follow_ups),
        (QT_TRANSLATE_NOOP("reports", "Unresolved appointments"), s.unresolved_appointments),
        (QT_TRANSLATE_NOOP("reports", "Visitors still open"), s.open_visits),
    )
    story += _open_section(w, groups, c.open_for_tomorrow)

    # 9. End of day: notices, checklist, signature
    end: list = [para(t(SECTION_TITLES[8]), section)]
    if s.notices:
        end.append(para(t(QT_TRANSLATE_NOOP("reports", "Door notices printed or saved")), sub))
        printed = t(QT_TRANSLATE_NOOP("reports", "printed"))
        saved = t(QT_TRANSLATE_NOOP("reports", "saved"))
        for n in s.notices:
            how = printed if n.how == "printed" else saved
            end.append(para(f"• {n.at:%H:%M} {d(n.label)} ({how})"))
    else:
        end.append(
            para(t(QT_TRANSLATE_NOOP("reports", "No door notices printed or saved.")), small)
        )
    end.append(para(t(QT_TRANSLATE_NOOP("reports", "Checklist")), sub))
    for item in s.checklist:
        mark = "■" if item.ticked else "□"
        end.append(para(f"{mark} {d(item.text)}"))
    ticked = sum(1 for i in s.checklist if i.ticked)
    end.append(
        para(
            t(QT_TRANSLATE_NOOP("reports", "{ticked} of {total} ticked")).format(
                ticked=ticked, total=len(s.checklist)
            ),
            small,
        )
    )
    end.append(Spacer(1, 8 * mm))
    end.append(_signature(w))
    story.append(KeepTogether(end))

    font.check(*w.texts)
    return _build(story, font, title, who, generated, page_of)


# ---------------------------------------------------------------- a week or a month

PERIOD_SECTION_TITLES = (
    *SECTION_TITLES[:6],
    QT_TRANSLATE_NOOP("reports", "7. Days"),
    QT_TRANSLATE_NOOP("reports", "8. Still open"),
    QT_TRANSLATE_NOOP("reports", "9. Sign-off"),
)


OPEN_LISTED = 30  # of each kind still open at a period's end; the count says the rest


def period_title(p: PeriodSummary, translate: Translate = _no_translation) -> str:
    """``Week summary 2026-11-23 – 2026-11-29``, ``Month summary 2026-11``."""
    if p.kind == "week":
        text = QT_TRANSLATE_NOOP("reports", "Week summary {first} – {last}")
    elif p.kind == "month":
        text = QT_TRANSLATE_NOOP("reports", "Month summary {month}")
    else:
        text = QT_TRANSLATE_NOOP("reports", "Summary {first} – {last}")
    return translate("reports", text).format(
        first=p.first.isoformat(), last=p.last.isoformat(), month=f"{p.first:%Y-%m}"
    )


def period_name(p: PeriodSummary) -> str:
    """``week-close-2026-11-23.pdf``, ``month-close-2026-11.pdf``."""
    if p.kind == "month":
        return f"month-close-{p.first:%Y-%m}.pdf"
    if p.kind == "week":
        return f"week-close-{p.first.isoformat()}.pdf"
    return f"close-{p.first.isoformat()}-{p.last.isoformat()}.pdf"


def period_close_pdf(
    target: Path, summary: PeriodSummary, font: Font, translate: Translate = _no_translation
) -> Path:
    """Write the week's or month's summary to *target* as :func:`day_close_pdf` writes a
    day's: whole or not at all."""
    return write_atomically(Path(target), render_period_close(summary, font, translate))


def render_period_close(p: PeriodSummary, font: Font, translate: Translate = _no_translation):
    """The summary PDF of a week or a month as bytes: the day close's sections added up,
    charts by day, and a table of the days in place of the visits."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer, TableStyle

    w = _Writer(font, translate)
    t, para = w.t, w.para
    small, section = w.small, w.section
    title = w.say(period_title(p, translate))
    who, generated, page_of = w.header_texts(w.who(p.branch, p.manager, p.desk), p.generated_at)

    story: list = [para(title, w.title)]
    story.append(
        para(
            t(
                QT_TRANSLATE_NOOP(
                    "reports",
                    "{first} to {last}: {working} working days, {closed} days closed.",
                )
            ).format(
                first=p.first.isoformat(),
                last=p.last.isoformat(),
                working=p.working_days,
                closed=p.days_closed,
            ),
            small,
        )
    )
    if p.as_of < p.last:
        story.append(
            para(
                t(
                    QT_TRANSLATE_NOOP("reports", "The period is not over: figures up to {date}.")
                ).format(date=p.as_of.isoformat()),
                small,
            )
        )
    if p.empty:
        story += _empty_note(
            w,
            t(
                QT_TRANSLATE_NOOP(
                    "reports",
                    "Nothing was recorded in this period: no visitors, appointments, sales, "
                    "calls or colleague support.",
                )
            ),
        )

    # 1. Visitors
    story.append(para(t(PERIOD_SECTION_TITLES[0]), section))
    story.append(_visitors_section(w, p.visitors))

    # 2. Charts by day
    story.append(para(t(PERIOD_SECTION_TITLES[1]), section))
    words = w.chart_words(p.visitors.wait_target_minutes)
    labels = [f"{d.day:%m-%d}" if p.kind == "week" else str(d.day.day) for d in p.days]
    arrived = bool(p.visitors.arrived)
    arrivals = (
        words["arrivals_day"],
        [("", [d.arrived for d in p.days], BAR)],
        None,
        words["none"],
    )
    waits = (
        words["wait_day"],
        [("", [_minutes(d.average_wait) for d in p.days], BAR_2)],
        (p.visitors.wait_target_minutes, words["target"]),
        words["no_waits"] if arrived else words["none"],
    )
    if len(labels) <= 10:
        story.append(_bar_charts(labels, [arrivals, waits], font))
    else:  # a month's bars need the page's width to be read
        story.append(_bar_charts(labels, [arrivals], font, height_mm=42))
        story.append(_bar_charts(labels, [waits], font, height_mm=42))
    target_line = (
        p.day_target_minutes,
        t(QT_TRANSLATE_NOOP("reports", "target {minutes} min a day")).format(
            minutes=p.day_target_minutes
        ),
    )
    w.texts.append(target_line[1])
    # Stacked by source, in the colours the client-work bar below gives each.
    work_series = [
        (words["services"], [d.service_minutes for d in p.days], BAR),
        (words["calls"], [d.call_minutes for d in p.days], BAR_2),
        (words["support"], [d.support_minutes for d in p.days], BAR_3),
    ]
    story.append(
        _bar_charts(
            labels,
            [(words["work_day"], work_series, target_line, words["no_work"])],
            font,
            height_mm=48,
        )
    )
    story.append(Spacer(1, 3 * mm))
    story.append(_work_chart(p.work, font, words, translate))
    story.append(para(work_time_line(p.work, translate, to_date=not p.over)))
    average = p.average_work_minutes
    if p.over:
        per_day = QT_TRANSLATE_NOOP(
            "reports", "Per working day: {average} against {target} a day ({share})"
        )
    else:
        per_day = QT_TRANSLATE_NOOP(
            "reports",
            "Per working day to date ({days} of {working}): {average} against {target} a day "
            "({share})",
        )
    story.append(
        para(
            t(per_day).format(
                days=p.working_days_counted,
                working=p.working_days,
                average=NONE if average is None else minutes_text(average, translate),
                target=minutes_text(p.day_target_minutes, translate),
                share=NONE
                if average is None or not p.day_target_minutes
                else percent(average / p.day_target_minutes),
            )
        )
    )

    # 3. Appointments, 4. Care, 5. Sales, 6. Colleague support
    story.append(para(t(PERIOD_SECTION_TITLES[2]), section))
    story.append(_appointments_section(w, p.appointments))
    story.append(para(t(PERIOD_SECTION_TITLES[3]), section))
    story.append(_care_section(w, p.care))
    story += _sales_section(w, p.sales, para(t(PERIOD_SECTION_TITLES[4]), w.section))
    story.append(para(t(PERIOD_SECTION_TITLES[5]), section))
    story.append(_support_section(w, p.care))

    # 7. Days
    story.append(para(t(PERIOD_SECTION_TITLES[6]), w.loose_section))
    yes = t(QT_TRANSLATE_NOOP("reports", "yes"))
    rows = [
        [
            t(QT_TRANSLATE_NOOP("reports", "Date")),
            t(QT_TRANSLATE_NOOP("reports", "Arrived")),
            t(QT_TRANSLATE_NOOP("reports", "Served")),
            t(QT_TRANSLATE_NOOP("reports", "Average wait")),
            t(QT_TRANSLATE_NOOP("reports", "Sales")),
            t(QT_TRANSLATE_NOOP("reports", "Amount")),
            t(QT_TRANSLATE_NOOP("reports", "Client work")),
            t(QT_TRANSLATE_NOOP("reports", "Closed")),
        ]
    ]
    closed_days = t(QT_TRANSLATE_NOOP("reports", "{count} of {working}")).format(
        count=p.days_closed, working=p.working_days
    )
    for d in p.days:
        day_text = d.day.isoformat()
        if not d.working:
            day_text += " " + t(QT_TRANSLATE_NOOP("reports", "(closed day)"))
        rows.append(
            [
                day_text,
                str(d.arrived),
                str(d.served),
                duration_text(d.average_wait, translate),
                str(d.sales_count),
                yuan(d.sales_fen) if d.sales_count else NONE,
                minutes_text(d.work_minutes, translate),
                yes if d.closed else "",
            ]
        )
    rows.append(
        [
            t(QT_TRANSLATE_NOOP("reports", "Total")),
            str(p.visitors.arrived),
            str(p.visitors.served),
            duration_text(p.visitors.average_wait, translate),
            str(p.sales.totals.count),
            yuan(p.sales.totals.amount_fen),
            minutes_text(p.work.total_minutes, translate),
            closed_days,
        ]
    )
    widths = [38 * mm, 16 * mm, 16 * mm, 22 * mm, 14 * mm, 32 * mm, 26 * mm, 18 * mm]
    days_table = w.grid(
        rows,
        widths,
        numbers_from=1,
        repeatRows=1,
        align=lambda r, c: "CENTER" if c == 7 and r else None,
    )
    days_table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor(HEAD)),
                ("ALIGN", (7, 1), (7, -1), "CENTER"),
            ]
        )
    )
    story.append(days_table)

    # 8. Still open
    story.append(para(t(PERIOD_SECTION_TITLES[7]), section))
    groups = (
        (QT_TRANSLATE_NOOP("reports", "Follow-ups and call-backs"), p.follow_ups),
        (QT_TRANSLATE_NOOP("reports", "Unresolved appointments"), p.unresolved_appointments),
        (QT_TRANSLATE_NOOP("reports", "Visitors still open"), p.open_visits),
    )
    story += _open_section(w, groups, p.care.open_for_tomorrow, limit=OPEN_LISTED)

    # 9. Sign-off
    end: list = [para(t(PERIOD_SECTION_TITLES[8]), section)]
    end.append(
        w.pairs(
            [
                (t(QT_TRANSLATE_NOOP("reports", "Working days")), str(p.working_days)),
                (t(QT_TRANSLATE_NOOP("reports", "Days closed")), closed_days),
                (t(QT_TRANSLATE_NOOP("reports", "Door notices printed or saved")), str(p.notices)),
            ],
            columns=3,
        )
    )
    end.append(Spacer(1, 8 * mm))
    end.append(_signature(w))
    story.append(KeepTogether(end))

    font.check(*w.texts)
    return _build(story, font, title, who, generated, page_of)


REFUSAL_LABELS = {
    "assessment": QT_TRANSLATE_NOOP("reports", "no valid risk assessment"),
    "product": QT_TRANSLATE_NOOP("reports", "above the client's risk level"),
    "elderly_confirmed": QT_TRANSLATE_NOOP("reports", "65+ confirmation not given"),
    "amount": QT_TRANSLATE_NOOP("reports", "amount below the minimum"),
    "recording_ref": QT_TRANSLATE_NOOP("reports", "no recording (双录) reference"),
    "id_document": QT_TRANSLATE_NOOP("reports", "identity document expired or missing"),
    "guardian": QT_TRANSLATE_NOOP("reports", "minor without a guardian"),
    "qualified_investor": QT_TRANSLATE_NOOP("reports", "not a qualified investor"),
    "large_confirmed": QT_TRANSLATE_NOOP("reports", "65+ large sale not confirmed"),
    "manager": QT_TRANSLATE_NOOP("reports", "manager not qualified"),
}


def _refusals_text(refusals, t) -> str:
    """``0``, or each reason with its count: "above the client's risk level 2; …"."""
    if not refusals:
        return "0"
    return t(QT_TRANSLATE_NOOP("reports", "; ")).join(
        f"{t(REFUSAL_LABELS[reason])} {count}" for reason, count in refusals
    )


def _sales_table(w: _Writer, rows: Sequence[SaleRow], colour: str | None = None):
    from reportlab.lib.units import mm

    t, d = w.t, w.d
    cells = [
        [
            t(QT_TRANSLATE_NOOP("reports", "Signed")),
            t(QT_TRANSLATE_NOOP("reports", "Client")),
            t(QT_TRANSLATE_NOOP("reports", "Product")),
            t(QT_TRANSLATE_NOOP("reports", "Family")),
            t(QT_TRANSLATE_NOOP("reports", "Amount")),
            t(QT_TRANSLATE_NOOP("reports", "Recording")),
        ]
    ]
    for r in rows:
        cells.append(
            [
                f"{r.signed_at:%m-%d %H:%M}",
                r.masked_name or NONE,
                r.product_code,
                d(r.family.label),
                yuan(r.amount_fen),
                r.recording_ref or NONE,
            ]
        )
    return w.grid(
        cells,
        [24 * mm, 20 * mm, 30 * mm, 40 * mm, 32 * mm, 36 * mm],
        numbers_from=4,
        repeatRows=1,
        align=lambda r, c: "LEFT" if c == 5 else None,
        colour=(lambda r, c: colour if r else None) if colour else None,
    )


def _hour_charts(s: DaySummary, font: Font, words: dict[str, str]):
    """Two bar charts side by side: arrivals and the average wait, hour by hour."""
    hours = s.hours
    arrived = bool(s.visitors.arrived)
    return _bar_charts(
        [f"{h.hour}" for h in hours],
        [
            (words["arrivals"], [("", [h.arrivals for h in hours], BAR)], None, words["none"]),
            (
                words["wait"],
                [("", [_minutes(h.average_wait) for h in hours], BAR_2)],
                (s.visitors.wait_target_minutes, words["target"]),
                words["no_waits"] if arrived else words["none"],
            ),
        ],
        font,
    )


def _minutes(value: dt.timedelta | None) -> float:
    return value.total_seconds() / 60 if value else 0


Series = tuple[str, Sequence[float], str]  # name ("" for none), values, colour
Chart = tuple[str, Sequence[Series], "tuple[float, str] | None", str]


def _bar_charts(labels: Sequence[str], charts: Sequence[Chart], font: Font, height_mm=52):
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


def _work_chart(work, font: Font, words: dict[str, str], translate: Translate):
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


def _build(story, font: Font, title: str, who: str, generated: str, page_of: str) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate

    page_width, page_height = A4

    def header(canvas) -> None:
        canvas.saveState()
        canvas.setFont(font.name, 8.5)
        canvas.setFillColor(colors.HexColor(INK))
        top = page_height - 10 * mm
        canvas.drawString(14 * mm, top, f"{who} · {title}")
        canvas.setFont(font.name, 7.5)
        canvas.setFillColor(colors.HexColor(SOFT))
        canvas.drawString(14 * mm, top - 4 * mm, generated)
        canvas.setStrokeColor(colors.HexColor(INK))
        canvas.setLineWidth(0.6)
        canvas.line(14 * mm, top - 6 * mm, page_width - 14 * mm, top - 6 * mm)
        canvas.restoreState()

    class NumberedCanvas(Canvas):
        """Holds each page until the end, so that every header says "page x of y"."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.saveState()
                self.setFont(font.name, 8.5)
                self.setFillColor(colors.HexColor(INK))
                self.drawRightString(
                    page_width - 14 * mm,
                    page_height - 10 * mm,
                    page_of.format(page=number, pages=total),
                )
                self.restoreState()
                super().showPage()
            super().save()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=who,
        creator="WealthDesk",
        lang="zh-CN",
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=20 * mm,
        bottomMargin=14 * mm,
        initialFontName=font.name,
    )
    document.build(
        story,
        onFirstPage=lambda c, _d: header(c),
        onLaterPages=lambda c, _d: header(c),
        canvasmaker=NumberedCanvas,
    )
    return buffer.getvalue()


# ---------------------------------------------------------------- CSV


VISIT_COLUMNS = (
    QT_TRANSLATE_NOOP("reports", "Ticket"),
    QT_TRANSLATE_NOOP("reports", "Client"),
    QT_TRANSLATE_NOOP("reports", "Kind"),
    QT_TRANSLATE_NOOP("reports", "Desk"),
    QT_TRANSLATE_NOOP("reports", "Arrived"),
    QT_TRANSLATE_NOOP("reports", "Called"),
    QT_TRANSLATE_NOOP("reports", "Started"),
    QT_TRANSLATE_NOOP("reports", "Finished"),
    QT_TRANSLATE_NOOP("reports", "Wait (min)"),
    QT_TRANSLATE_NOOP("reports", "Service (min)"),
    QT_TRANSLATE_NOOP("reports", "State"),
    QT_TRANSLATE_NOOP("reports", "Outcome"),
)
SALE_COLUMNS = (
    QT_TRANSLATE_NOOP("reports", "Signed"),
    QT_TRANSLATE_NOOP("reports", "Client"),
    QT_TRANSLATE_NOOP("reports", "Product code"),
    QT_TRANSLATE_NOOP("reports", "Product"),
    QT_TRANSLATE_NOOP("reports", "Family"),
    QT_TRANSLATE_NOOP("reports", "Sale type"),
    QT_TRANSLATE_NOOP("reports", "Amount (yuan)"),
    QT_TRANSLATE_NOOP("reports", "Recording"),
    QT_TRANSLATE_NOOP("reports", "65+ confirmed"),
    QT_TRANSLATE_NOOP("reports", "Cancelled"),
    QT_TRANSLATE_NOOP("reports", "Desk"),
)


def csv_names(day: dt.date) -> tuple[str, str]:
    return f"visits-{day.isoformat()}.csv", f"sales-{day.isoformat()}.csv"


def day_close_csv(
    folder: Path, summary: DaySummary, translate: Translate = _no_translation
) -> tuple[Path, Path]:
    """Write the day's visits and sales to *folder* as two CSV files in UTF-8 with a BOM
    (so Excel reads the Chinese right), names masked; each file whole or not at all.
    Returns their paths."""

    def t(text: str) -> str:
        return translate("reports", text)

    def d(text: str) -> str:
        return translate("domain", text)

    def minutes(value: dt.timedelta | None) -> str:
        return "" if value is None else str(int(value.total_seconds() // 60))

    def stamp(moment: dt.datetime | None) -> str:
        return f"{moment:%Y-%m-%d %H:%M}" if moment else ""

    visits = [[t(c) for c in VISIT_COLUMNS]]
    for r in summary.visits:
        visits.append(
            [
                r.ticket,
                r.masked_name,
                d(r.kind.label),
                r.desk,
                stamp(r.arrived_at),
                stamp(r.called_at),
                stamp(r.started_at),
                stamp(r.finished_at),
                minutes(r.wait),
                minutes(r.service),
                d(r.state.label),
                outcome_text(r, translate) if r.state is VisitState.DONE else "",
            ]
        )
    yes = t(QT_TRANSLATE_NOOP("reports", "yes"))
    sales_rows = [[t(c) for c in SALE_COLUMNS]]
    for r in summary.sales.sales:
        sales_rows.append(
            [
                stamp(r.signed_at),
                r.masked_name,
                r.product_code,
                r.product_name,
                d(r.family.label),
                d(r.sale_type.label),
                f"{r.amount_fen / 100:.2f}",
                r.recording_ref,
                yes if r.elderly_confirmed else "",
                stamp(r.cancelled_at),
                r.desk,
            ]
        )
    folder = Path(folder)
    names = csv_names(summary.day)
    written = []
    try:
        for name, rows in zip(names, (visits, sales_rows), strict=True):
            text = io.StringIO(newline="")
            csv_writer(text, lineterminator="\r\n").writerows(rows)
            written.append(write_atomically(folder / name, text.getvalue().encode("utf-8-sig")))
    except BaseException:
        for path in written:  # both or neither
            path.unlink(missing_ok=True)
        raise
    return written[0], written[1]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = [
    "PERIOD_SECTION_TITLES",
    "SECTION_TITLES",
    "csv_names",
    "day_close_csv",
    "day_close_pdf",
    "duration_text",
    "minutes_text",
    "period_close_pdf",
    "period_name",
    "period_title",
    "render_day_close",
    "render_period_close",
    "work_time_line",
]
