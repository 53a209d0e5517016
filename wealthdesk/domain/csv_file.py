"""CSV files in and out, safely: text decoded line by line when the file's encoding
fails, rows that a quote left open are rejected (not swallowed), and every cell the app
writes is one a spreadsheet will not run as a formula.

The client and the product readers (``client_csv``, ``product_csv``) and every CSV the
app writes (day close, audit export, rejected lines) go through here.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .errors import QT_TRANSLATE_NOOP, Phrase, Problem

# How many names a message lists before it says "and N more", and how long each may be.
SHOWN_NAMES = 20
SHOWN_NAME_LENGTH = 40

_BOM = b"\xef\xbb\xbf"
_LINE_ENDS = re.compile(rb"(\r\n|\r|\n)")  # GBK's second bytes are ≥ 0x40: never a break
_CELL_TOO_LONG = QT_TRANSLATE_NOOP("domain", "a cell is longer than the 131,072 characters allowed")
_NOT_TEXT = QT_TRANSLATE_NOOP(
    "domain", "The line is neither UTF-8 nor GBK/GB18030 text; save the file as CSV UTF-8."
)
_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "domain",
    "The line reads as different text in UTF-8 and in GBK; save the file as CSV UTF-8 "
    "and import it again.",
)


class CsvFileError(Exception):
    """The file as a whole cannot be read; nothing is imported from it."""

    def __init__(self, template: str, params: dict[str, object] | None = None):
        self.problem = Problem("file", template, params or {})
        super().__init__(self.problem.render())


# ---------------------------------------------------------------- decoding


@dataclass(frozen=True)
class DecodedText:
    """A CSV file's text and the encoding most of it is in.

    When the file mixes encodings (a UTF-8 line pasted into a GBK file), each line is
    read in the encoding it is valid in: *other_lines* are the lines read in the other
    one (*other_encoding*), and *bad_lines* the lines that cannot be read right in
    either, with the reason; their text is left out (an empty line keeps the numbering).
    """

    text: str
    encoding: str
    other_encoding: str = ""
    other_lines: tuple[int, ...] = ()
    bad_lines: dict[int, Problem] = field(default_factory=dict)


def decode_csv(data: bytes) -> DecodedText:
    """The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, or
    GBK/GB18030, and line by line where one encoding does not fit the whole file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return DecodedText(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            raise _not_text() from None
    bom = data.startswith(_BOM)
    whole = "utf-8-sig" if bom else "utf-8"
    try:
        return DecodedText(data.decode(whole), whole)
    except UnicodeDecodeError:
        pass
    return _decode_by_line(data[3:] if bom else data, bom)


def _decode_by_line(data: bytes, bom: bool) -> DecodedText:
    pieces = _LINE_ENDS.split(data)  # content, break, content, break, …
    utf8: list[int] = []
    gbk: list[int] = []
    bad: dict[int, Problem] = {}
    out: list[str] = []
    for index, piece in enumerate(pieces):
        if index % 2:
            out.append(piece.decode("ascii"))
            continue
        line = index // 2 + 1
        if piece.isascii():
            out.append(piece.decode("ascii"))
            continue
        text, encoding = _decode_line(piece)
        if encoding == "utf-8":
            utf8.append(line)
        elif encoding == "gb18030":
            gbk.append(line)
        else:
            bad[line] = Problem("row", encoding)
        out.append(text)
    if 1 in bad:  # not even the header: not a text file (a spreadsheet, a PDF)
        raise _not_text()
    if len(gbk) >= len(utf8):
        main, other, other_lines = "gb18030", "utf-8", utf8
    else:
        main, other, other_lines = ("utf-8-sig" if bom else "utf-8"), "gb18030", gbk
    return DecodedText("".join(out), main, other if other_lines else "", tuple(other_lines), bad)


def _decode_line(piece: bytes) -> tuple[str, str]:
    """The line's text and its encoding; or "" and why it cannot be read right."""
    readings = {}
    for encoding in ("utf-8", "gb18030"):
        try:
            readings[encoding] = piece.decode(encoding)
        except UnicodeDecodeError:
            continue
    if len(readings) == 1:
        ((encoding, text),) = readings.items()
        return text, encoding
    if not readings:
        return "", _NOT_TEXT
    # Valid in both: the reading in common characters is the right one. Text in one
    # encoding read in the other gives rare or foreign characters (张伟 → 寮犱紵).
    odd_utf8 = _uncommon(readings["utf-8"])
    odd_gbk = _uncommon(readings["gb18030"])
    if odd_utf8 < odd_gbk:
        return readings["utf-8"], "utf-8"
    if odd_gbk < odd_utf8:
        return readings["gb18030"], "gb18030"
    return "", _AMBIGUOUS


def _uncommon(text: str) -> int:
    """How many characters of *text* are outside ASCII and GB2312 (the 6,763 common
    Chinese characters, their punctuation and full-width forms)."""
    count = 0
    for char in text:
        if char.isascii():
            continue
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            count += 1
    return count


def _not_text() -> CsvFileError:
    return CsvFileError(
        QT_TRANSLATE_NOOP(
            "domain", "The file is not text in UTF-8 or GBK/GB18030; save it as CSV UTF-8."
        )
    )


# ---------------------------------------------------------------- rows


class RawRow(NamedTuple):  # a tuple: one is made for every row of a large file
    """One row as the file holds it: the line it starts on, its cells (None when the
    line cannot be read as a row) and why not."""

    line: int
    cells: list[str] | None
    problem: Problem | None = None
    spans_lines: bool = False  # a quoted cell holds a line break


def csv_rows(text: str) -> tuple[list[str], Iterator[RawRow]]:
    """The header cells and the rows after them.

    A quote left open pulls the lines after it into one cell. Such a row is rejected on
    the line where it starts, and the lines it swallowed are read again as rows of their
    own, when: its quote is still open at the end of the file; or it runs over several
    lines and a quote in it closes before text that is not a cell's end, or it has more
    cells than the header, or a line it swallowed holds a whole row by itself. A row
    with more cells than the header (a separator inside a cell without quotes) is
    rejected too. Empty rows are left out.
    """
    lines = io.StringIO(text, newline="").readlines()  # the lines as csv counts them
    first_line = lines[0] if lines else ""
    delimiter = max(",;\t", key=first_line.count)  # Excel writes ; or tab in some locales
    reader = csv.reader(iter(lines), delimiter=delimiter)
    try:
        headers = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise CsvFileError(QT_TRANSLATE_NOOP("domain", "The file is empty.")) from exc
    width = len(headers)

    def rows() -> Iterator[RawRow]:
        current, before = reader, 0  # *before*: lines read by earlier readers
        while True:
            start = before + current.line_num + 1
            try:
                cells = next(current)
            except StopIteration:
                return
            except csv.Error as exc:
                end = before + current.line_num
                if end > start:  # only an open quote makes a row run over lines
                    yield _unclosed_quote(start, end)
                    current, before = _reader_from(lines, start, delimiter), start
                else:
                    yield RawRow(start, None, _unreadable(exc))
                continue
            end = before + current.line_num
            # Only a row over several lines, or the file's last, can hold an open quote.
            if (end > start or end == len(lines)) and _swallowed(
                lines[start - 1 : end], cells, width, delimiter, end == len(lines)
            ):
                yield _unclosed_quote(start, end)
                current, before = _reader_from(lines, start, delimiter), start
                continue
            if len(cells) > width and any(cell.strip() for cell in cells[width:]):
                yield RawRow(start, None, _too_many_cells(len(cells), width))
                continue
            if "".join(cells).strip():
                yield RawRow(start, cells, None, end > start)

    return headers, rows()


def _swallowed(raw: list[str], cells: list[str], width: int, delimiter: str, at_end: bool) -> bool:
    """Whether the row read from the lines *raw* is a quote left open, not a cell that
    truly runs over lines."""
    if at_end and _quote_left_open("".join(raw), delimiter):
        return True
    if len(raw) < 2:
        return False
    if not _strictly_quoted("".join(raw), delimiter):
        return True
    # Every quote closes where a cell ends: a row that merely has too many cells (a
    # separator outside quotes) is one row, not an open quote that swallowed others.
    # The first line opens the cell and the last closes it (with a quote); a line in
    # between, or a last line without any quote, that is a whole row was swallowed.
    inner = raw[1:-1] + ([raw[-1]] if '"' not in raw[-1] else [])
    return width > 1 and any(_cell_count(line, delimiter) >= width for line in inner)


def _strictly_quoted(text: str, delimiter: str) -> bool:
    """Whether every quoted cell in *text* closes where a cell ends (before a separator
    or the line's end), as a spreadsheet writes it. A quote left open and closed by
    another cell's quote rows later leaves text right after the closing quote."""
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        return False
    return True


def _cell_count(line: str, delimiter: str) -> int:
    try:
        return len(next(csv.reader([line], delimiter=delimiter), []))
    except csv.Error:
        return 0


def _quote_left_open(text: str, delimiter: str) -> bool:
    """Whether *text* ends inside a quoted cell, read as csv reads it (a quote opens a
    cell only at its start; two quotes in a quoted cell are one quote)."""
    in_quotes, at_start, i = False, True, 0
    while i < len(text):
        char = text[i]
        if in_quotes:
            if char == '"':
                if text[i + 1 : i + 2] == '"':
                    i += 1
                else:
                    in_quotes = False
        elif char == delimiter or char in "\r\n":
            at_start = True
        else:
            in_quotes = at_start and char == '"'
            at_start = False
        i += 1
    return in_quotes


def _reader_from(lines: list[str], index: int, delimiter: str) -> Iterator[list[str]]:
    """A reader that starts at *lines[index]* (line number *index* + 1)."""
    return csv.reader(itertools.islice(lines, index, None), delimiter=delimiter)


def _unclosed_quote(start: int, end: int) -> RawRow:
    problem = Problem(
        "row",
        QT_TRANSLATE_NOOP(
            "domain", "The quote opened on line {line} is not closed; the row runs to line {end}."
        ),
        {"line": start, "end": end},
    )
    return RawRow(start, None, problem)


def _too_many_cells(count: int, width: int) -> Problem:
    return Problem(
        "row",
        QT_TRANSLATE_NOOP(
            "domain",
            "The line has {count} cells but the first line names {columns} columns; a cell "
            "that holds the separator needs quotes around it.",
        ),
        {"count": count, "columns": width},
    )


def _unreadable(exc: csv.Error) -> Problem:
    text = str(exc)
    error = Phrase(_CELL_TOO_LONG) if "field larger than field limit" in text else text
    return Problem(
        "row",
        QT_TRANSLATE_NOOP("domain", "The line cannot be read: {error}"),
        {"error": error},
    )


def line_break_problems(
    row: RawRow, mapping: dict[int, str], headers: list[str], one_line: Iterable[str]
) -> list[Problem]:
    """A problem for each cell of the fields *one_line* that holds a line break (a name,
    an ID number, a code): such a value is refused, not joined into one line."""
    if not row.spans_lines or row.cells is None:
        return []
    keep, cells = set(one_line), row.cells
    return [
        Problem(
            field_name,
            QT_TRANSLATE_NOOP(
                "domain", "The cell under {column} holds a line break; it must be on one line."
            ),
            {"column": shown_name(headers[index])},
        )
        for index, field_name in mapping.items()
        if field_name in keep and index < len(cells) and re.search(r"[\r\n]", cells[index])
    ]


def shown_names(names: list[str], limit: int = SHOWN_NAMES) -> tuple[list[str], int]:
    """The first *limit* of *names* as a message shows them (each cut to a readable
    length), and how many more there are."""
    return [shown_name(n) for n in names[:limit]], max(len(names) - limit, 0)


def shown_name(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= SHOWN_NAME_LENGTH else name[: SHOWN_NAME_LENGTH - 1] + "…"


# ---------------------------------------------------------------- writing

# A cell starting with one of these is run as a formula by Excel, LibreOffice and
# Google Sheets (=HYPERLINK(…), +cmd|…, -1+…, @SUM(…)); tab and CR hide the sign.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


def spreadsheet_safe(value: Any) -> Any:
    """*value* as a cell a spreadsheet shows as text: one that would start a formula
    gets a leading single quote (the usual CSV-injection rule); numbers, and text that
    is just a number (-12.50), stay as they are."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


class SafeCsvWriter:
    """``csv.writer`` whose every cell goes through :func:`spreadsheet_safe`."""

    def __init__(self, file, **options: Any):
        self._writer = csv.writer(file, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([spreadsheet_safe(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(file, **options: Any) -> SafeCsvWriter:
    """The writer for every CSV file the app writes (see :class:`SafeCsvWriter`)."""
    return SafeCsvWriter(file, **options)


__all__ = [
    "CsvFileError",
    "DecodedText",
    "RawRow",
    "SafeCsvWriter",
    "csv_rows",
    "csv_writer",
    "decode_csv",
    "line_break_problems",
    "shown_name",
    "shown_names",
    "spreadsheet_safe",
]
