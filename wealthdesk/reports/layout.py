"""One rule for every table cell of every document: text that fits its column is printed
as it is; text that does not wraps inside the cell, a word or a number too wide for the
column even alone is printed smaller until it fits, so that nothing prints over the
next column whatever the data (long names, waits of many hours, amounts of millions)."""

from __future__ import annotations

import re
from collections.abc import Sequence

CELL_PADDING = 6.0  # reportlab's default left and right padding of a table cell
SMALLEST = 5.5  # points: below this a number is no longer read from a sheet of paper
CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"  # broken between any two
_UNITS = re.compile(f"[{CJK}]|[^\\s{CJK}]+")


def units(text: str) -> list[str]:
    """What a line may not be broken inside: a Latin word or number, or one CJK character
    (Chinese breaks between any two characters)."""
    return _UNITS.findall(text)


def widest_unit(text: str, font_name: str) -> float:
    """The width at 1 pt of the widest piece of *text* that cannot be broken."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return max((stringWidth(u, font_name, 1) for u in units(text)), default=0.0)


def fitting_size(text: str, room: float, font_name: str, size: float) -> float:
    """*size*, or a smaller one at which the widest unbreakable piece of *text* fits in
    *room* points (never below :data:`SMALLEST`)."""
    widest = widest_unit(text, font_name)
    if widest * size <= room or widest <= 0:
        return size
    return max(SMALLEST, room / widest)


def cell(
    text: str,
    width: float,
    font_name: str,
    size: float,
    align: str = "LEFT",
    colour: str | None = None,
    padding: float = 2 * CELL_PADDING,
    markup: bool = False,
):
    """*text* for a table column *width* points wide: the string itself when it fits on
    one line, else a paragraph that wraps in the cell (smaller when a word or number is
    wider than the column). *markup* says the text is reportlab markup already."""
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    room = max(width - padding, 1.0)
    plain = _plain(text) if markup else text
    if not markup and "\n" not in text and stringWidth(text, font_name, size) <= room:
        return text
    fitted = min(fitting_size(line, room, font_name, size) for line in plain.split("\n") or [""])
    style = ParagraphStyle(
        f"cell{fitted:.2f}{align}",
        fontName=font_name,
        fontSize=fitted,
        leading=fitted * 1.2,
        alignment={"RIGHT": TA_RIGHT, "CENTER": TA_CENTER}.get(align, TA_LEFT),
        splitLongWords=1,
        **({"textColor": colour} if colour else {}),
    )
    body = text if markup else escape(text).replace("\n", "<br/>")
    return Paragraph(body, style)


def fit_rows(
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    font_name: str,
    size: float,
    align=lambda row, column: "LEFT",
    spans: dict[tuple[int, int], float] | None = None,
    colour=lambda row, column: None,
    padding=lambda row, column: 2 * CELL_PADDING,
) -> list[list]:
    """*rows* with each cell made to fit its column by :func:`cell`; *spans* gives the
    width of a cell spanning several columns, by (column, row)."""
    spans = spans or {}
    out = []
    for r, row in enumerate(rows):
        out.append(
            [
                cell(
                    text,
                    spans.get((c, r), widths[c]),
                    font_name,
                    size,
                    align(r, c),
                    colour(r, c),
                    padding(r, c),
                )
                if isinstance(text, str) and text
                else text
                for c, text in enumerate(row)
            ]
        )
    return out


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _plain(markup: str) -> str:
    text = re.sub(r"<br\s*/?>", "\n", markup)
    text = re.sub(r"<[^>]+>", "", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
