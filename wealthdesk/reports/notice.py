"""The door notice as a one-page PDF: very large type sized to the page, a border and a
header band, an optional QR code; written whole or not at all."""

from __future__ import annotations

import contextlib
import functools
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..domain.notice import (
    NoticeDraft,
    NoticeLine,
    NoticeText,
    Orientation,
    notice_text,
    require_valid,
)
from ..private_files import write_atomically
from .fonts import Font

MM = 72 / 25.4  # points per millimetre

# Colours that stay distinct when a laser printer turns them to grey.
INK = "#1d3557"  # border and header band
TEXT = "#111111"
STRONG = "#b00020"  # the time the desk opens again
ENGLISH = "#444444"

# How much of the text column the widest headline line fills: large, with air beside it.
FILL = 0.88
CJK_INK_TOP = 0.84  # how far above the baseline a Chinese glyph's ink reaches, in sizes
BODY_TO_HEADLINE = 0.5  # body lines at most half the headline's size…
# …unless that is smaller than this share of the column's width: a long headline (a
# free text's first line) is itself small, and the lines under it stay readable.
BODY_FLOOR = 0.045
STRONG_BOOST = 1.3  # the time line a little larger than the other body lines
# An English line under its Chinese one: smaller, but still readable from the door's
# distance; under the headline relatively smaller, since the headline is so large.
ENGLISH_TO_HEADLINE = 0.4
ENGLISH_TO_BODY = 0.75
# …and never smaller than this (capitals about 8 mm high), nor than the Chinese line's
# own size allows: read from 2 m away.
ENGLISH_LEAST = 11 * 72 / 25.4
HEADLINE_ROWS = 3  # a long headline (a free text's first line) may take up to 3 rows
HEADLINE_GIVES = 0.7  # a crowded notice's headline down to this share of its size


@dataclass(frozen=True)
class _Piece:
    """One line to draw in the text column: its size in points and the space above it."""

    text: str
    size: float
    colour: str
    gap: float


def render_notice(draft: NoticeDraft, font: Font) -> bytes:
    """The notice of *draft* as PDF bytes (for a preview, or :func:`notice_pdf`).

    Raises :class:`~wealthdesk.domain.errors.ValidationError` for a draft with problems
    and :class:`~wealthdesk.reports.fonts.FontError` naming any character the font lacks.
    """
    from reportlab.lib.pagesizes import A4, landscape, portrait
    from reportlab.pdfgen.canvas import Canvas

    require_valid(draft)
    text = notice_text(draft)
    font.check(*text.all_text())
    size = portrait(A4) if draft.orientation == Orientation.PORTRAIT else landscape(A4)
    out = io.BytesIO()
    # The initial font too: otherwise the page names Helvetica, which is not embedded.
    canvas = Canvas(out, pagesize=size, pageCompression=1, initialFontName=font.name, lang="zh-CN")
    canvas.setTitle(text.title)
    canvas.setAuthor(text.header.chinese)
    canvas.setSubject("门告 · door notice")
    canvas.setCreator("WealthDesk")
    _draw(canvas, text, font, *size)
    with _binary_streams():
        canvas.showPage()
        canvas.save()
    return out.getvalue()


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """The page's content compressed but not also ASCII85-encoded as reportlab does by
    default: the stream is a fifth smaller, and the pure-Python encoder cost a tenth of
    the page's time. (The setting is reportlab's global; it is put back at once.)"""
    from reportlab import rl_config

    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before


def notice_pdf(target: Path, draft: NoticeDraft, font: Font) -> Path:
    """Write the notice of *draft* to *target* and return it.

    The page is made in memory first and then written to a temporary file in the same
    folder that is renamed over *target*, so a refused draft, a character the font
    lacks (:class:`~wealthdesk.reports.fonts.FontError`) or a failed write leaves no
    file behind; ``OSError`` tells why a folder cannot be written.
    """
    data = render_notice(draft, font)
    return write_atomically(target, data)


def _draw(canvas, text: NoticeText, font: Font, width: float, height: float) -> None:
    short = min(width, height)
    margin = 10 * MM
    inset = 2.5 * MM

    # The border: a heavy frame and a fine one inside it, like a printed sign.
    canvas.setStrokeColor(_colour(INK))
    canvas.setLineWidth(3.5)
    canvas.rect(margin, margin, width - 2 * margin, height - 2 * margin)
    left, bottom = margin + inset, margin + inset
    right, top = width - margin - inset, height - margin - inset
    canvas.setLineWidth(0.8)
    canvas.rect(left, bottom, right - left, top - bottom)

    # The header band: the branch and the room, white on the frame's colour.
    band = 0.09 * short
    canvas.setFillColor(_colour(INK))
    canvas.rect(left, top - band, right - left, band, stroke=0, fill=1)
    canvas.setFillColor(_colour("#ffffff"))
    header = text.header
    pad = 6 * MM
    middle, room = (left + right) / 2, right - left - 2 * pad
    if header.english:
        size = _fitted(font, header.chinese, 0.34 * band, room)
        _centred_at(canvas, font, header.chinese, size, top - 0.46 * band, middle)
        size = _fitted(font, header.english, 0.2 * band, room)
        _centred_at(canvas, font, header.english, size, top - 0.8 * band, middle)
    else:
        size = _fitted(font, header.chinese, 0.42 * band, room)
        _centred_at(canvas, font, header.chinese, size, top - 0.66 * band, middle)

    # The QR code with its caption: on a landscape page beside the message, bottom right,
    # where height is short and width to spare; on a portrait page in a taller footer.
    footer = 0.07 * short
    column = (left + pad, right - pad)
    block = _qr_block(text, short)
    head_column = column
    qr_box = None
    if block and width > height:
        qr_right, qr_bottom = right - pad, bottom + footer + pad / 2 + block[1] - block[0]
        # The lines beside the code narrowed on both sides alike, so the message stays
        # centred under the header; the headline above it keeps the whole width.
        column = (left + pad + block[0] + pad, right - pad - block[0] - pad)
        qr_box = (qr_right - block[0] - pad / 2, qr_bottom + block[0] + pad / 2)
    elif block:
        footer = max(footer, block[1] + pad)
        qr_right, qr_bottom = right - pad, bottom + footer - pad / 2 - block[0]
    canvas.setStrokeColor(_colour(INK))
    canvas.setLineWidth(0.8)
    canvas.line(left + pad, bottom + footer, right - pad, bottom + footer)
    if block:
        _draw_qr(canvas, text, font, qr_right - block[0], qr_bottom, block[0], short)

    # The footer: the manager's name, clear of a QR code beside it.
    if text.footer:
        beside = block[0] + pad if block and width <= height else 0.0
        size = _fitted(font, text.footer, 0.032 * short, right - left - 2 * pad - beside)
        canvas.setFillColor(_colour(TEXT))
        canvas.setFont(font.name, size)
        canvas.drawString(left + pad, bottom + (0.07 * short - size) / 2, text.footer)

    # The message itself, centred in what is left between the header and the footer.
    # A headline that may be broken is, on a page taller than wide: two lines of larger
    # type fill the height that a portrait page has to spare.
    broken = height > width and len(text.headline.parts) > 1
    span = (bottom + footer + pad, top - band - pad)
    _draw_message(canvas, text, font, column, span, broken, head_column, qr_box)


def _caption_size(short: float) -> float:
    return 0.024 * short


def _qr_block(text: NoticeText, short: float) -> tuple[float, float] | None:
    """The QR code's side and the height of the code with its caption, or None."""
    if not text.qr_value:
        return None
    side = 0.13 * short
    caption = text.qr_caption
    lines = 0 if caption is None else (2.3 if caption.english else 1.2)
    return side, side + lines * _caption_size(short)


def _draw_qr(
    canvas, text: NoticeText, font: Font, x: float, y: float, side: float, short: float
) -> None:
    _qr_code(canvas, text.qr_value, x, y, side)
    caption = text.qr_caption
    if caption is None:
        return
    size = _caption_size(short)
    middle = x + side / 2
    baseline = y - size * 0.95
    canvas.setFillColor(_colour(TEXT))
    _centred_at(canvas, font, caption.chinese, size, baseline, middle)
    if caption.english:
        canvas.setFillColor(_colour(ENGLISH))
        _centred_at(canvas, font, caption.english, size * 0.8, baseline - 1.1 * size, middle)


def _draw_message(
    canvas,
    text: NoticeText,
    font: Font,
    column: tuple[float, float],
    span: tuple[float, float],
    broken: bool,
    head_column: tuple[float, float] | None = None,
    qr_box: tuple[float, float] | None = None,
) -> None:
    """The message centred in *column*; the headline may use the wider *head_column*
    when it stays above *qr_box* (the QR code's left edge and top, beside the body)."""
    pieces, heads, em, ascent, unit = _message_pieces(text, font, column, span, broken, head_column)
    if head_column is not None and qr_box is not None and head_column != column:
        # The headline at the whole width must stay above the code: else as narrow.
        low, high = span
        natural = sum(p.gap + p.size * em for p in pieces)
        scale = min(1.0, (high - low) / natural) if natural else 1.0
        y = high - ((high - low) - natural * scale) / 2
        for piece in pieces[:heads]:
            y -= (piece.gap + piece.size * em) * scale
        middle = (column[0] + column[1]) / 2
        widest = max(unit(p.text) * p.size * scale for p in pieces[:heads])
        if y < qr_box[1] and middle + widest / 2 > qr_box[0]:
            pieces, heads, em, ascent, unit = _message_pieces(
                text, font, column, span, broken, None
            )
    _place(canvas, font, pieces, column, span, em, ascent, unit)


def _message_pieces(text: NoticeText, font: Font, column, span, broken, head_column):
    from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth

    left, right = column
    low, high = span
    wide, tall = right - left, high - low
    head_wide = (head_column[1] - head_column[0]) if head_column else wide

    widths: dict[str, float] = {}

    def unit(line: str) -> float:
        if line not in widths:
            widths[line] = stringWidth(line, font.name, 1)
        return widths[line]

    def fit(line: str, room: float = wide) -> float:
        """The size at which *line* fills the column's usable width."""
        return FILL * room / unit(line) if unit(line) else float("inf")

    def head_fit(line: str) -> float:
        return fit(line, head_wide)

    headline = text.headline
    rows = headline.parts if broken else (headline.chinese,)
    head_size = min([0.42 * tall, *(head_fit(row) for row in rows)])
    if not broken and not headline.parts and head_size < 0.42 * tall / 2:
        # A long headline (a free text's first line) fills the page in two or three
        # rows rather than one thin line with half the page blank.
        for count in range(2, HEADLINE_ROWS + 1):
            split = _rows(headline.chinese, count, unit)
            size = min([0.42 * tall / count * 1.6, *(head_fit(row) for row in split)])
            if size > head_size * 1.15:
                rows, head_size = tuple(split), size
    body_cap = min(head_size, max(BODY_TO_HEADLINE * head_size, BODY_FLOOR * wide))
    body_size = min([body_cap, *(fit(line.chinese) for line in text.body)])
    colour = STRONG if headline.strong else TEXT
    pieces = [_Piece(row, head_size, colour, 0.0) for row in rows]
    pieces += _english(headline, head_size, ENGLISH_TO_HEADLINE, head_fit)
    heads = len(pieces)
    for i, line in enumerate(text.body):
        size = body_size
        if line.strong:
            size = min(body_size * STRONG_BOOST, fit(line.chinese), 0.6 * head_size)
        gap = (0.55 if i == 0 else 0.32) * body_size
        pieces.append(_Piece(line.chinese, size, STRONG if line.strong else TEXT, gap))
        pieces += _english(line, size, ENGLISH_TO_BODY, fit)

    # Chinese glyphs rise higher than most fonts' ascent says (0.82 of the size in
    # WenQuanYi against 0.77): measured from the ink, so the headline keeps clear of the
    # header band.
    ascent, descent = (v / 1000 for v in getAscentDescent(font.name, 1000))
    ascent = max(ascent, CJK_INK_TOP)
    em = ascent - descent
    # Too many lines for the page: the headline gives up some of its size first (it is
    # read from afar at any size), so that the lines under it, and their English, stay
    # large; what still does not fit is made smaller alike when placed.
    head = sum(p.gap + p.size * em for p in pieces[:heads])
    rest = sum(p.gap + p.size * em for p in pieces[heads:])
    if head and head + rest > tall:
        shrink = max(HEADLINE_GIVES, (tall - rest) / head)
        pieces = [
            replace(p, size=p.size * shrink, gap=p.gap * shrink) if i < heads else p
            for i, p in enumerate(pieces)
        ]
    return pieces, heads, em, ascent, unit


_PUNCTUATION = set("，。、；：！？,.;:!?）)」』】")


def _rows(line: str, count: int, unit) -> list[str]:
    """*line* in *count* rows of about equal width: at spaces when it has them, else
    between two characters (Chinese), rather after a punctuation mark, never before."""
    words = line.split(" ")
    spaced = len(words) >= count
    tokens = words if spaced else list(line)
    joiner = " " if spaced else ""

    def cost(breaks: tuple[int, ...]) -> float:
        edges = (0, *breaks, len(tokens))
        widest = max(unit(joiner.join(tokens[a:b])) for a, b in itertools.pairwise(edges))
        bonus = sum(1 for b in breaks if tokens[b - 1][-1:] in _PUNCTUATION)
        return widest * (1 - 0.06 * bonus)

    allowed = [i for i in range(1, len(tokens)) if tokens[i][:1] not in _PUNCTUATION]
    choices = itertools.combinations(allowed, count - 1)
    best = min(choices, key=cost, default=None)
    if best is None:
        return [line]
    edges = (0, *best, len(tokens))
    return [joiner.join(tokens[a:b]) for a, b in itertools.pairwise(edges)]


def _place(canvas, font: Font, pieces, column, span, em: float, ascent: float, unit) -> None:
    left, right = column
    low, high = span
    tall = high - low
    natural = sum(p.gap + p.size * em for p in pieces)
    # Too tall for the page (many lines, a portrait page's narrow column): all of it
    # smaller alike, so the proportions stay.
    scale = min(1.0, tall / natural) if natural else 1.0
    y = high - (tall - natural * scale) / 2
    middle = (left + right) / 2
    lines = canvas.beginText()  # one text object for all: a tenth of the page's time less
    for piece in pieces:
        size = piece.size * scale
        y -= piece.gap * scale
        lines.setFont(font.name, size)
        lines.setFillColor(_colour(piece.colour))
        lines.setTextOrigin(middle - unit(piece.text) * size / 2, y - ascent * size)
        lines.textOut(piece.text)
        y -= size * em
    canvas.drawText(lines)


def _english(line: NoticeLine, chinese_size: float, ratio: float, fit) -> list[_Piece]:
    if not line.english:
        return []
    wanted = max(ratio * chinese_size, min(ENGLISH_LEAST, chinese_size))
    size = min(wanted, fit(line.english))
    return [_Piece(line.english, size, ENGLISH, 0.12 * chinese_size)]


@functools.cache
def _colour(code: str):
    """A colour by its hex code, parsed once (reportlab parses a string at every use)."""
    from reportlab.lib.colors import HexColor

    return HexColor(code)


def _fitted(font: Font, text: str, size: float, width: float) -> float:
    """*size*, or smaller if *text* would be wider than *width* at it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    unit = stringWidth(text, font.name, 1)
    return min(size, width / unit) if unit else size


def _centred_at(canvas, font: Font, text: str, size: float, baseline: float, x: float) -> None:
    canvas.setFont(font.name, size)
    canvas.drawCentredString(x, baseline, text)


def _qr_code(canvas, value: str, x: float, y: float, size: float) -> None:
    """reportlab's own QR code, *size* points square with its quiet zone of 4 modules."""
    modules = _QR_QUIET * 2 + _qr_size(value)
    box = size / modules
    canvas.saveState()
    canvas.setFillColor(_colour("#000000"))
    # In module units, rows counted from the top: the code's rectangles are whole
    # numbers written as they are (a path object formats every coordinate as a float,
    # which for two hundred rectangles costs more than the whole rest of the page).
    canvas.transform(box, 0, 0, -box, x, y + size)
    canvas.addLiteral(_qr_path(value))
    canvas.restoreState()


_QR_QUIET = 4  # modules of white around the code, as the standard asks


def _qr_size(value: str) -> int:
    return len(_qr_modules(value))


@functools.lru_cache(maxsize=8)
def _qr_path(value: str) -> str:
    """The PDF path that fills the dark modules, one rectangle per run in a row."""
    ops = []
    for r, row in enumerate(_qr_modules(value)):
        c = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                ops.append(f"{c + _QR_QUIET} {r + _QR_QUIET} {length} 1 re")
            c += length
    ops.append("f")
    return "\n".join(ops)


@functools.lru_cache(maxsize=8)
def _qr_modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The dark and light modules of *value*'s QR code, error correction level M (it
    survives a crease or a smudge on a notice taped to a door). Kept for the next notice:
    a desk's phone or link rarely changes, and the preview redraws at every edit."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    code = QrCodeWidget(value, barLevel="M").qr
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)
