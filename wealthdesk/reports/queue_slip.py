"""The queue slip printed at the lobby's check-in: an 80 mm receipt with the ticket in
large type, the people ahead, the room to wait for, the branch and the time. Nothing
about the visitor: not even a masked name (the slip is left on chairs)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from ..domain.errors import QT_TRANSLATE_NOOP
from ..services.queue_slip import QueueSlip
from .fonts import Font
from .layout import CJK

Translate = Callable[[str, str], str]

MM = 72 / 25.4
WIDTH_MM = 80  # the paper's width; receipt printers print about 72 mm of it
MARGIN_MM = 5
TICKET_PT = 40
GAP = 1.35  # a line's height in sizes


def _no_translation(context: str, text: str) -> str:
    return text


def queue_slip_pdf(slip: QueueSlip, font: Font, translate: Translate = _no_translation) -> bytes:
    """The slip as PDF bytes: one page 80 mm wide and as long as its lines.

    Raises :class:`~wealthdesk.reports.fonts.FontError` naming any character the font
    lacks (a branch's name in a rare character)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    def t(text: str) -> str:
        return translate("reports", text)

    if slip.desk:
        room = t(QT_TRANSLATE_NOOP("reports", "Please wait for desk {desk}")).format(desk=slip.desk)
    else:
        room = t(QT_TRANSLATE_NOOP("reports", "The first free desk will call you"))
    # (text, size, centred) from the top; a size of 0 is a rule across the paper.
    lines: list[tuple[str, float]] = [
        (slip.branch, 10),
        (t(QT_TRANSLATE_NOOP("reports", "Wealth management")), 12),
        ("", 0),
        (t(QT_TRANSLATE_NOOP("reports", "Your number")), 10),
        (slip.ticket, TICKET_PT),
        (
            t(QT_TRANSLATE_NOOP("reports", "People ahead of you: {count}")).format(
                count=slip.ahead
            ),
            13,
        ),
        (room, 11),
        ("", 0),
        (
            t(QT_TRANSLATE_NOOP("reports", "Taken at {time}")).format(
                time=slip.issued_at.strftime("%Y-%m-%d %H:%M")
            ),
            9,
        ),
        (
            t(
                QT_TRANSLATE_NOOP(
                    "reports",
                    "Please keep this slip and listen for your number. If you miss your "
                    "call, ask the lobby manager.",
                )
            ),
            8,
        ),
    ]
    font.check(*(text for text, _size in lines))
    width = WIDTH_MM * MM
    room_width = width - 2 * MARGIN_MM * MM
    placed: list[tuple[str, float]] = []  # each printed row: its text and size
    for text, size in lines:
        if size == 0:
            placed.append(("", 0))
            continue
        if not text:
            continue
        # A line wider than the paper: smaller, down to 80 %, then wrapped.
        whole = stringWidth(text, font.name, size)
        if whole > room_width and whole * 0.8 <= room_width:
            size = size * room_width / whole
        placed += [(row, size) for row in _wrap(text, font.name, size, room_width)]
    height = 2 * MARGIN_MM * MM + sum(size * GAP if size else 4 * MM for _t, size in placed)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), initialFontName=font.name, lang="zh-CN")
    canvas.setTitle(
        t(QT_TRANSLATE_NOOP("reports", "Queue slip {ticket}")).format(ticket=slip.ticket)
    )
    canvas.setCreator("WealthDesk")
    y = height - MARGIN_MM * MM
    for text, size in placed:
        if not size:
            y -= 2 * MM
            canvas.setLineWidth(0.6)
            canvas.setDash(2, 2)
            canvas.line(MARGIN_MM * MM, y, width - MARGIN_MM * MM, y)
            y -= 2 * MM
            continue
        y -= size * GAP
        canvas.setFont(font.name, size)
        # The baseline a fifth of the line's height above its bottom: room for descenders.
        canvas.drawCentredString(width / 2, y + size * (GAP - 1) / 2 + size * 0.12, text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _wrap(text: str, font_name: str, size: float, room: float) -> list[str]:
    """*text* in rows no wider than *room*, broken at a space or between any two Chinese
    characters, and inside a word that alone is wider than a row; the spaces inside a
    row kept as written."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    rows: list[str] = []
    row = ""
    pieces: list[str] = []
    for piece in _PIECES.findall(text):  # a word wider than a row: letter by letter
        too_wide = stringWidth(piece, font_name, size) > room
        pieces += list(piece) if too_wide and not piece.isspace() else [piece]
    for piece in pieces:
        candidate = row + piece
        if row.strip() and stringWidth(candidate.rstrip(), font_name, size) > room:
            rows.append(row.strip())
            row = piece.lstrip()
        else:
            row = candidate
    if row.strip():
        rows.append(row.strip())
    return rows


_PIECES = re.compile(f"\\s+|[{CJK}]|[^\\s{CJK}]+")


__all__ = ["QueueSlip", "queue_slip_pdf"]
