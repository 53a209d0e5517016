"""Where each word of a PDF is printed, read back from the file itself: a small reader of
the content streams our documents contain (text, the lines of table grids), so that a
test can say "no two words overlap, and no word crosses a column's edge".

It follows the text state (Tm, Td, TL, Tf, Tc, Tw, Tz) and the transformation matrix
(cm, q/Q) as a PDF viewer does, and takes each glyph's width from the font's /Widths
(the subset TrueType fonts reportlab embeds) or, for the standard 14 fonts, from
reportlab's own metrics."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _times(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


@dataclass(frozen=True)
class Word:
    """A word as printed: its text and box in points (origin at the page's bottom left)."""

    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float

    def __str__(self) -> str:
        return f"p{self.page + 1} {self.text!r} [{self.x0:.1f}–{self.x1:.1f}, {self.y0:.1f}]"


@dataclass(frozen=True)
class Rule:
    """A vertical line drawn on the page (a table's column edge)."""

    page: int
    x: float
    y0: float
    y1: float


class _Font:
    def __init__(self, resource) -> None:
        font = resource.get_object()
        self.base = str(font.get("/BaseFont", ""))
        self.first = int(font.get("/FirstChar", 0))
        self.widths = [float(w) for w in font.get("/Widths", [])]
        self.unicode: dict[int, str] = {}
        if "/ToUnicode" in font:
            self._read_cmap(font["/ToUnicode"].get_object().get_data().decode("latin-1"))
        self.standard = None
        if not self.widths:
            from reportlab.pdfbase import pdfmetrics

            name = self.base.lstrip("/")
            try:
                self.standard = pdfmetrics.getFont(name)
            except KeyError:
                self.standard = pdfmetrics.getFont("Helvetica")

    def _read_cmap(self, text: str) -> None:
        for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
            for code, value in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                self.unicode[int(code, 16)] = bytes.fromhex(value).decode("utf-16-be")
        for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
            for low, high, start in re.findall(
                r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
            ):
                first = int(start, 16)
                for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                    self.unicode[code] = chr(first + offset)

    def char(self, code: int) -> str:
        if code in self.unicode:
            return self.unicode[code]
        return bytes([code]).decode("cp1252", errors="replace")

    def width(self, code: int) -> float:
        """The advance of *code* in thousandths of the font size."""
        if self.standard is not None:
            return self.standard.stringWidth(self.char(code), 1000)
        index = code - self.first
        return self.widths[index] if 0 <= index < len(self.widths) else 0.0


def _bytes(value) -> bytes:
    """The bytes of a string operand as written in the file (pypdf may have decoded it)."""
    if hasattr(value, "get_original_bytes"):
        return value.get_original_bytes()
    if isinstance(value, bytes):
        return value
    return str(value).encode("latin-1")


def _fonts(resources) -> dict[str, _Font]:
    fonts = {}
    if resources is not None and "/Font" in resources:
        for name, value in resources["/Font"].get_object().items():
            fonts[str(name)] = _Font(value)
    return fonts


def read(path: Path | str) -> tuple[list[Word], list[Rule], list[tuple[float, float]]]:
    """Every word and vertical rule of the PDF at *path*, and each page's (width, height)."""
    reader = PdfReader(str(path))
    words: list[Word] = []
    rules: list[Rule] = []
    sizes = []
    for number, page in enumerate(reader.pages):
        box = page.mediabox
        sizes.append((float(box.width), float(box.height)))
        _read_page(number, page, reader, words, rules)
    return words, rules, sizes


def _read_page(number: int, page, reader, words: list[Word], rules: list[Rule]) -> None:
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else None
    fonts = _fonts(resources)
    contents = page.get_contents()
    if contents is None:
        return
    ops = ContentStream(contents, reader).operations
    _run(number, ops, fonts, resources, reader, IDENTITY, words, rules)


def _run(number, ops, fonts, resources, reader, ctm, words, rules) -> None:
    stack: list[Matrix] = []
    tm = lm = IDENTITY
    font: _Font | None = None
    size = leading = char_space = word_space = 0.0
    scale = 1.0
    path: list[tuple[float, float, str]] = []

    def show(data: bytes) -> None:
        nonlocal tm
        if font is None:
            return
        run: list[tuple[str, float, float]] = []  # char, x start, x end (text space)
        x = 0.0
        for code in data:
            advance = (font.width(code) / 1000 * size + char_space) * scale
            if code == 32:
                advance += word_space * scale
            run.append((font.char(code), x, x + font.width(code) / 1000 * size * scale))
            x += advance
        _emit(number, run, _times(tm, ctm), size, words)
        tm = _times((1, 0, 0, 1, x, 0), tm)

    for operands, operator in ops:
        op = operator.decode("latin-1") if isinstance(operator, bytes) else operator
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop() if stack else IDENTITY
        elif op == "cm":
            ctm = _times(tuple(float(v) for v in operands), ctm)
        elif op == "BT":
            tm = lm = IDENTITY
        elif op == "Tm":
            tm = lm = tuple(float(v) for v in operands)
        elif op == "Td":
            lm = _times((1, 0, 0, 1, float(operands[0]), float(operands[1])), lm)
            tm = lm
        elif op == "TD":
            leading = -float(operands[1])
            lm = _times((1, 0, 0, 1, float(operands[0]), float(operands[1])), lm)
            tm = lm
        elif op == "T*":
            lm = _times((1, 0, 0, 1, 0, -leading), lm)
            tm = lm
        elif op == "TL":
            leading = float(operands[0])
        elif op == "Tf":
            font = fonts.get(str(operands[0]))
            size = float(operands[1])
        elif op == "Tc":
            char_space = float(operands[0])
        elif op == "Tw":
            word_space = float(operands[0])
        elif op == "Tz":
            scale = float(operands[0]) / 100
        elif op == "Tj":
            show(_bytes(operands[0]))
        elif op in ("'", '"'):
            if op == '"':
                word_space, char_space = float(operands[0]), float(operands[1])
            lm = _times((1, 0, 0, 1, 0, -leading), lm)
            tm = lm
            show(_bytes(operands[-1]))
        elif op == "TJ":
            for item in operands[0]:
                if isinstance(item, (bytes, str)):
                    show(_bytes(item))
                else:
                    tm = _times((1, 0, 0, 1, -float(item) / 1000 * size * scale, 0), tm)
        elif op == "m":
            path.append((*_apply(ctm, float(operands[0]), float(operands[1])), "m"))
        elif op == "l":
            path.append((*_apply(ctm, float(operands[0]), float(operands[1])), "l"))
        elif op in ("S", "s", "B", "b"):
            for (xa, ya, _), (xb, yb, kind) in itertools.pairwise(path):
                if kind == "l" and abs(xa - xb) < 0.01 and abs(ya - yb) > 0.5:
                    rules.append(Rule(number, xa, min(ya, yb), max(ya, yb)))
            path = []
        elif op in ("n", "f", "F", "f*", "W", "W*", "re"):
            if op != "re":
                path = []
        elif op == "Do" and resources is not None:
            xobject = resources.get("/XObject")
            if xobject is None:
                continue
            form = xobject.get_object().get(str(operands[0]))
            if form is None:
                continue
            form = form.get_object()
            if form.get("/Subtype") != "/Form":
                continue
            matrix = tuple(float(v) for v in form.get("/Matrix", IDENTITY))
            inner = form.get("/Resources")
            inner = inner.get_object() if inner is not None else resources
            _run(
                number,
                ContentStream(form, reader).operations,
                _fonts(inner) or fonts,
                inner,
                reader,
                _times(matrix, ctm),
                words,
                rules,
            )


def _emit(number: int, run, matrix: Matrix, size: float, words: list[Word]) -> None:
    """Split a shown string into words at spaces and place each on the page."""
    height = size * matrix[3] if matrix[3] else size
    current: list[tuple[str, float, float]] = []

    def flush() -> None:
        if not current:
            return
        text = "".join(c for c, _, _ in current)
        x0, y = _apply(matrix, current[0][1], 0)
        x1, _ = _apply(matrix, current[-1][2], 0)
        words.append(
            Word(number, text, min(x0, x1), y - 0.2 * height, max(x0, x1), y + 0.8 * height, size)
        )
        current.clear()

    for char, start, end in run:
        if char.isspace():
            flush()
        else:
            current.append((char, start, end))
    flush()


# ---------------------------------------------------------------- the checks

SLACK = 0.6  # points: glyph boxes of neighbours in one line may touch


def overlaps(words: list[Word]) -> list[tuple[Word, Word]]:
    """Pairs of words printed over each other."""
    found = []
    by_page: dict[int, list[Word]] = {}
    for word in words:
        by_page.setdefault(word.page, []).append(word)
    for page_words in by_page.values():
        page_words.sort(key=lambda w: w.x0)
        for i, a in enumerate(page_words):
            for b in page_words[i + 1 :]:
                if b.x0 >= a.x1 - SLACK:
                    break
                across = min(a.x1, b.x1) - max(a.x0, b.x0)
                down = min(a.y1, b.y1) - max(a.y0, b.y0)
                if across > SLACK and down > 0.3 * min(a.y1 - a.y0, b.y1 - b.y0):
                    found.append((a, b))
    return found


def crossings(words: list[Word], rules: list[Rule]) -> list[tuple[Word, Rule]]:
    """Words that run across a column's edge (a vertical rule beside them)."""
    found = []
    for word in words:
        middle = (word.y0 + word.y1) / 2
        for rule in rules:
            if (
                rule.page == word.page
                and rule.y0 <= middle <= rule.y1
                and word.x0 + SLACK < rule.x < word.x1 - SLACK
            ):
                found.append((word, rule))
    return found


def off_page(words: list[Word], sizes, margin: float = 14.0) -> list[Word]:
    """Words that reach closer than *margin* points to a page's edge (or past it)."""
    out = []
    for word in words:
        width, height = sizes[word.page]
        if (
            word.x0 < margin
            or word.x1 > width - margin
            or word.y0 < margin / 2
            or word.y1 > height - margin / 2
        ):
            out.append(word)
    return out


def layout_problems(path: Path | str, margin: float = 14.0) -> list[str]:
    """Everything wrong with where the words of *path* are printed, one line each."""
    words, rules, sizes = read(path)
    problems = [f"overlap: {a} and {b}" for a, b in overlaps(words)]
    problems += [f"crosses a column edge at x={r.x:.1f}: {w}" for w, r in crossings(words, rules)]
    problems += [f"off the page: {w}" for w in off_page(words, sizes, margin)]
    return problems
