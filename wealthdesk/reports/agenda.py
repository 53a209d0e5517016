"""The day's agenda for the team: each appointment with what to prepare, names masked."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP
from ..private_files import write_atomically
from ..services.appointments import AppointmentInfo
from .fonts import Font
from .layout import cell as fitted_cell

Translate = Callable[[str, str], str]

WEEKDAYS = (
    QT_TRANSLATE_NOOP("reports", "Monday"),
    QT_TRANSLATE_NOOP("reports", "Tuesday"),
    QT_TRANSLATE_NOOP("reports", "Wednesday"),
    QT_TRANSLATE_NOOP("reports", "Thursday"),
    QT_TRANSLATE_NOOP("reports", "Friday"),
    QT_TRANSLATE_NOOP("reports", "Saturday"),
    QT_TRANSLATE_NOOP("reports", "Sunday"),
)


def _no_translation(context: str, text: str) -> str:
    return text


def agenda_pdf(
    target: Path,
    day: dt.date,
    appointments: Sequence[AppointmentInfo],
    font: Font,
    branch: str = "",
    manager: str = "",
    generated_at: dt.datetime | None = None,
    translate: Translate = _no_translation,
) -> Path:
    """Write the agenda of *day* to *target*: through a temporary file renamed at the
    end, so a failure (a full disk, a character the font lacks) leaves no partial PDF.
    Raises :class:`~wealthdesk.reports.fonts.FontError` before writing anything when
    the font cannot show the text, and ``OSError`` when the folder cannot be written."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    def t(text: str) -> str:
        return translate("reports", text)

    def domain(text: str) -> str:
        return translate("domain", text)

    title = t(QT_TRANSLATE_NOOP("reports", "Agenda for {date} ({weekday})")).format(
        date=day.isoformat(), weekday=t(WEEKDAYS[day.weekday()])
    )
    who = " · ".join(p for p in (branch, manager) if p)
    stamp = (generated_at or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    header = [
        t(QT_TRANSLATE_NOOP("reports", "Time")),
        t(QT_TRANSLATE_NOOP("reports", "Client")),
        t(QT_TRANSLATE_NOOP("reports", "Purpose")),
        t(QT_TRANSLATE_NOOP("reports", "To prepare")),
        t(QT_TRANSLATE_NOOP("reports", "Team")),
        t(QT_TRANSLATE_NOOP("reports", "Status")),
    ]
    rows = []
    for a in sorted(appointments, key=lambda a: a.start):
        items = "<br/>".join(
            ("■ " if item.done else "□ ") + _escape(domain(item.label)) for item in a.items
        )
        rows.append(
            [
                f"{a.start:%H:%M}–{a.end:%H:%M}",
                a.masked_name,
                t(QT_TRANSLATE_NOOP("reports", ", ")).join(domain(p.label) for p in a.purposes),
                items or "—",
                t(QT_TRANSLATE_NOOP("reports", ", ")).join(a.team) or "—",
                domain(a.status.label),
            ]
        )
    empty = t(QT_TRANSLATE_NOOP("reports", "No appointments on this day."))
    texts = [title, who, stamp, empty, *header, *(cell for row in rows for cell in row)]
    font.check(*(t.replace("<br/>", "\n") for t in texts))

    base = ParagraphStyle("agenda", fontName=font.name, fontSize=9.5, leading=13)
    heading = ParagraphStyle("agendaTitle", parent=base, fontSize=16, leading=22)
    small = ParagraphStyle("agendaSmall", parent=base, fontSize=8.5, textColor=colors.grey)
    story = [Paragraph(_escape(title), heading)]
    if who:
        story.append(Paragraph(_escape(who), base))
    story.append(
        Paragraph(_escape(t(QT_TRANSLATE_NOOP("reports", "Made {time}")).format(time=stamp)), small)
    )
    story.append(Spacer(1, 5 * mm))
    if rows:
        widths = [24 * mm, 20 * mm, 30 * mm, 55 * mm, 25 * mm, 28 * mm]
        cells = [[fitted_cell(h, widths[i], font.name, 9.5) for i, h in enumerate(header)]]
        for row in rows:
            cells.append(
                [
                    fitted_cell(c, widths[i], font.name, 9.5, markup=i == 3)
                    for i, c in enumerate(row)
                ]
            )
        table = Table(cells, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font.name),
                    ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                    ("LEADING", (0, 0), (-1, -1), 13),
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    else:
        story.append(Paragraph(_escape(empty), base))

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
    )
    document.build(story)
    return write_atomically(target, buffer.getvalue())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
