"""The day close's house style (the plan document wears it too): colours, the writer of
paragraphs, grids and label–value pairs that checks every string against the font, and
the A4 page with its header and "page x of y"."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence

from ...domain.errors import QT_TRANSLATE_NOOP
from ..fonts import Font
from ..layout import CELL_PADDING, fit_rows

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


def no_translation(context: str, text: str) -> str:
    return text


class Writer:
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


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_pdf(story, font: Font, title: str, who: str, generated: str, page_of: str) -> bytes:
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
