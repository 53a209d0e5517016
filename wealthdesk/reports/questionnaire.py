"""The risk questionnaire on paper: blank, for the client to tick and sign, or filled in
with the answers ticked, the score, the level and its validity; the name masked."""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Callable
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP
from ..domain.masking import mask_name
from ..domain.risk import Questionnaire, RiskLevel
from ..private_files import write_atomically
from ..services.risk import AssessmentInfo
from .fonts import Font

Translate = Callable[[str, str], str]

CHINESE_NUMERALS = "一二三四五六七八九十"
OPTION_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LARGE_PRINT = 1.5  # the large-print version's scale: 9.5 pt texts become 14 pt
INK = "#1d3557"
SOFT = "#555555"
PICKED = "#e8eef7"  # the row of a ticked answer; the tick itself says it without colour


def _no_translation(context: str, text: str) -> str:
    return text


def questionnaire_pdf(
    target: Path,
    form: Questionnaire,
    font: Font,
    assessment: AssessmentInfo | None = None,
    client_name: str = "",
    branch: str = "",
    manager: str = "",
    english: bool = False,
    generated_at: dt.datetime | None = None,
    translate: Translate = _no_translation,
    large_print: bool = False,
) -> Path:
    """Write the questionnaire to *target*: blank without *assessment*, else with its
    answers ticked and its result. The client's name is printed masked (张*); no other
    identifier is printed. The questions are in Chinese, with their English under them
    when *english*. Written through a temporary file renamed at the end; raises
    :class:`~wealthdesk.reports.fonts.FontError` before writing anything when the font
    lacks a character, ``OSError`` when the folder cannot be written. With *large_print*
    every text is half as large again (14 pt questions) for a client who reads small
    print with difficulty: the same questions on more pages."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    def t(text: str) -> str:
        return translate("reports", text)

    TickBox = _tick_box_class()  # noqa: N806 - a class
    answers = dict(assessment.answers) if assessment else {}
    masked = mask_name(client_name)
    blank_line = "_" * 16
    title = form.title.zh
    subtitle = form.title.en if english and form.title.en else ""
    labels = {
        "client": t(QT_TRANSLATE_NOOP("reports", "Client")),
        "date": t(QT_TRANSLATE_NOOP("reports", "Date")),
        "questionnaire": t(QT_TRANSLATE_NOOP("reports", "Questionnaire")),
        "how": t(
            QT_TRANSLATE_NOOP(
                "reports",
                "Tick one answer to each question. The points of the answers add up to the "
                "score, which gives the risk profile below.",
            )
        ),
        "score": t(QT_TRANSLATE_NOOP("reports", "Score")),
        "level": t(QT_TRANSLATE_NOOP("reports", "Risk profile")),
        "assessed": t(QT_TRANSLATE_NOOP("reports", "Assessed on")),
        "until": t(QT_TRANSLATE_NOOP("reports", "Valid until")),
        "points": t(QT_TRANSLATE_NOOP("reports", "{points} points")),
        "bands": t(QT_TRANSLATE_NOOP("reports", "Score and risk profile")),
        "client_sign": t(QT_TRANSLATE_NOOP("reports", "Client's signature")),
        "manager_sign": t(QT_TRANSLATE_NOOP("reports", "Relationship manager's signature")),
        "declare": t(
            QT_TRANSLATE_NOOP(
                "reports",
                "I have answered these questions truthfully and understand the risk profile "
                "they give. It is valid for one year, and is to be redone when my situation "
                "changes.",
            )
        ),
        "made": t(QT_TRANSLATE_NOOP("reports", "Made {time}")),
    }
    stamp = (generated_at or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    who = " · ".join(p for p in (branch, manager) if p)
    band_rows = [
        (
            f"{form.band(level)[0]}–{form.band(level)[1]}",
            f"{level.code} {level.chinese}",
            translate("domain", level.label) if english else "",
        )
        for level in RiskLevel
    ]

    texts = [title, subtitle, masked, who, stamp, *labels.values()]
    texts += [m.title.zh + (m.title.en if english else "") for m in form.modules]
    for question in form.questions:
        texts += [question.text.zh, question.text.en if english else ""]
        for option in question.options:
            texts += [option.text.zh, option.text.en if english else ""]
    texts += [cell for row in band_rows for cell in row]
    if assessment:
        level = assessment.level
        texts += [level.chinese, translate("domain", level.label)]
    font.check(*texts)

    k = LARGE_PRINT if large_print else 1.0
    base = ParagraphStyle("q", fontName=font.name, fontSize=9.5 * k, leading=13.5 * k)
    small = ParagraphStyle("qSmall", parent=base, fontSize=8 * k, leading=10.5 * k, textColor=SOFT)
    heading = ParagraphStyle(
        "qTitle", parent=base, fontSize=16 * k, leading=22 * k, alignment=1, textColor=INK
    )
    centred_small = ParagraphStyle("qSub", parent=small, alignment=1)
    module_style = ParagraphStyle(
        "qModule",
        parent=base,
        fontSize=11 * k,
        leading=16 * k,
        textColor=INK,
        spaceBefore=6,
        keepWithNext=1,
    )

    story = [Paragraph(_escape(title), heading)]
    if subtitle:
        story.append(Paragraph(_escape(subtitle), centred_small))
    story.append(Spacer(1, 3 * mm))

    date_text = assessment.assessed_on.isoformat() if assessment else blank_line
    head = Table(
        [
            [
                Paragraph(_escape(f"{labels['client']}：{masked or blank_line}"), base),
                Paragraph(_escape(f"{labels['date']}：{date_text}"), base),
                Paragraph(_escape(f"{labels['questionnaire']}：{form.key}"), small),
            ]
        ],
        colWidths=[62 * mm, 52 * mm, 68 * mm],
    )
    head.setStyle(
        TableStyle(
            [
                # Empty cells too: else the page names Helvetica, which is not embedded.
                ("FONTNAME", (0, 0), (-1, -1), font.name),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(INK)),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story += [head, Spacer(1, 2 * mm), Paragraph(_escape(labels["how"]), small)]

    for m_index, module in enumerate(form.modules):
        numeral = CHINESE_NUMERALS[m_index] if m_index < len(CHINESE_NUMERALS) else m_index + 1
        module_title = f"{numeral}、{module.title.zh}"
        if english and module.title.en:
            module_title += f"  {module.title.en}"
        # The module's heading stays with its first question.
        pending = [Paragraph(_escape(module_title), module_style)]
        for question in module.questions:
            chosen = answers.get(question.id)
            rows, picked_rows = [], []
            question_text = f"{question.number}. {question.text.zh}"
            cells = [Paragraph(_escape(question_text), base)]
            if english and question.text.en:
                cells.append(Paragraph(_escape(question.text.en), small))
            rows.append([cells, "", ""])
            for o_index, option in enumerate(question.options):
                letter = OPTION_LETTERS[o_index % len(OPTION_LETTERS)]
                ticked = option.id == chosen
                text = [Paragraph(_escape(f"{letter}. {option.text.zh}"), base)]
                if english and option.text.en:
                    text.append(Paragraph(_escape(option.text.en), small))
                points = (
                    Paragraph(_escape(labels["points"].format(points=option.points)), small)
                    if ticked
                    else ""
                )
                if ticked:
                    picked_rows.append(len(rows))
                rows.append([TickBox(ticked, INK), text, points])
            table = Table(rows, colWidths=[8 * mm, 150 * mm, 24 * mm])
            style = [
                ("FONTNAME", (0, 0), (-1, -1), font.name),
                ("SPAN", (0, 0), (-1, 0)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
                ("LEFTPADDING", (0, 1), (0, -1), 8),
            ]
            style += [("BACKGROUND", (0, r), (-1, r), colors.HexColor(PICKED)) for r in picked_rows]
            table.setStyle(TableStyle(style))
            story.append(KeepTogether([*pending, table, Spacer(1, 1.5 * mm)]))
            pending = []

    story.append(Spacer(1, 3 * mm))
    result_block = []
    if assessment:
        level = assessment.level
        level_text = f"{level.code} {level.chinese}"
        if english:
            level_text += f" ({translate('domain', level.label)})"
        result = Table(
            [
                [labels["score"], labels["level"], labels["assessed"], labels["until"]],
                [
                    str(assessment.score),
                    level_text,
                    assessment.assessed_on.isoformat(),
                    assessment.valid_until.isoformat(),
                ],
            ],
            colWidths=[30 * mm, 62 * mm, 45 * mm, 45 * mm],
        )
        result.setStyle(_boxed(colors, font, bold_row=1, scale=k))
        result_block += [result, Spacer(1, 3 * mm)]
    columns = 3 if english else 2
    band_cells = [[labels["bands"], "", ""][:columns], *(list(r)[:columns] for r in band_rows)]
    widths = [30 * mm, 62 * mm, 90 * mm] if english else [30 * mm, 152 * mm]
    bands = Table(band_cells, colWidths=widths)
    band_style = _boxed(colors, font, scale=k)
    band_style.add("SPAN", (0, 0), (-1, 0))
    if assessment:
        row = int(assessment.level)
        band_style.add("BACKGROUND", (0, row), (-1, row), colors.HexColor(PICKED))
    bands.setStyle(band_style)
    result_block.append(bands)
    story.append(KeepTogether(result_block))

    story.append(Spacer(1, 5 * mm))
    signatures = Table(
        [
            [Paragraph(_escape(labels["declare"]), small), ""],
            [
                Paragraph(_escape(f"{labels['client_sign']}：{blank_line}"), base),
                Paragraph(_escape(f"{labels['manager_sign']}：{blank_line}"), base),
            ],
            [
                Paragraph(_escape(f"{labels['date']}：{blank_line}"), base),
                Paragraph(_escape(f"{labels['date']}：{blank_line}"), base),
            ],
        ],
        colWidths=[91 * mm, 91 * mm],
    )
    signatures.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font.name),
                ("SPAN", (0, 0), (-1, 0)),
                ("TOPPADDING", (0, 1), (-1, -1), 9),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story.append(KeepTogether([signatures]))
    footer = labels["made"].format(time=stamp) + (f" · {who}" if who else "")

    def on_page(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(font.name, 7.5)
        canvas.setFillColor(colors.HexColor(SOFT))
        canvas.drawString(14 * mm, 8 * mm, footer)
        canvas.drawRightString(A4[0] - 14 * mm, 8 * mm, f"{document.page}")
        canvas.restoreState()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        creator="WealthDesk",
        lang="zh-CN",
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=12 * mm,
        bottomMargin=14 * mm,
        initialFontName=font.name,
    )
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return write_atomically(target, buffer.getvalue())


def _boxed(colors, font: Font, bold_row: int | None = None, scale: float = 1.0):
    from reportlab.platypus import TableStyle

    style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font.name),
            ("FONTSIZE", (0, 0), (-1, -1), 9.5 * scale),
            ("LEADING", (0, 0), (-1, -1), 12 * scale),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f0f2f5")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
    )
    if bold_row is not None:
        style.add("FONTSIZE", (0, bold_row), (-1, bold_row), 12 * scale)
        style.add("LEADING", (0, bold_row), (-1, bold_row), 15 * scale)
        style.add("TOPPADDING", (0, bold_row), (-1, bold_row), 5)
        style.add("BOTTOMPADDING", (0, bold_row), (-1, bold_row), 5)
    return style


@functools.cache
def _tick_box_class():
    from reportlab.platypus import Flowable

    class TickBox(Flowable):
        """A square to tick by hand, with a tick drawn in it when *ticked* (drawn, not a
        glyph: not every CJK font has ☑)."""

        SIZE = 8.5

        def __init__(self, ticked: bool, ink: str):
            super().__init__()
            self.ticked, self.ink = ticked, ink

        def wrap(self, available_width, available_height):
            return self.SIZE, self.SIZE + 2

        def draw(self):
            from reportlab.lib import colors

            canvas, s = self.canv, self.SIZE
            canvas.setStrokeColor(colors.HexColor(self.ink))
            canvas.setLineWidth(0.7)
            canvas.rect(0, 0.5, s, s)
            if self.ticked:
                canvas.setLineWidth(1.4)
                path = canvas.beginPath()
                path.moveTo(s * 0.18, s * 0.55)
                path.lineTo(s * 0.42, s * 0.25)
                path.lineTo(s * 0.9, s * 0.95)
                canvas.drawPath(path, stroke=1, fill=0)

    return TickBox


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["questionnaire_pdf"]
