"""Reading a client list from CSV: encodings, Chinese or English headers, rows to drafts."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .client import (
    ClientDraft,
    GenderCode,
    Horizon,
    IdDocType,
    IncomeBand,
    Labeled,
    LiquidityNeed,
    MaritalStatus,
    ProductFamily,
    Tier,
    client_problems,
    normalize_draft,
)
from .csv_file import CsvFileError, DecodedText, csv_rows, decode_csv, line_break_problems
from .errors import QT_TRANSLATE_NOOP, Problem
from .identity import StoredDocument, document_number_problem, normalize_document_number

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "客户姓名", "客户名称", "名字", "name", "client_name", "full_name"),
    "mobile": (
        "手机号码",
        "手机号",
        "手机",
        "移动电话",
        "联系电话",
        "mobile",
        "phone",
        "mobile_phone",
    ),
    "id_number": (
        "身份证号码",
        "身份证号",
        "身份证",
        "证件号码",
        "证件号",
        "id_number",
        "id_no",
        "resident_id",
        "id_card",
    ),
    "tier": ("客户等级", "等级", "客户级别", "级别", "tier", "level"),
    "gender": ("性别", "gender", "sex"),
    "birth_date": ("出生日期", "生日", "birth_date", "birthday", "date_of_birth"),
    "occupation": ("职业", "工作", "occupation", "job"),
    "marital_status": ("婚姻状况", "婚姻", "marital_status", "marital"),
    "dependants": ("供养人数", "赡养人数", "家庭供养人数", "dependants", "dependents"),
    "income_band": ("家庭年收入", "年收入", "收入", "income_band", "household_income"),
    "horizon": ("投资期限", "投资年限", "horizon", "investment_horizon"),
    "liquidity_need": ("流动性需求", "流动性", "liquidity_need", "liquidity"),
    "interests": ("关注产品", "感兴趣产品", "产品偏好", "interests", "product_interests"),
    "training_needs": ("理财知识培训需求", "培训需求", "training_needs", "training"),
    "personal_needs": ("差异性需求", "个人需求", "个性化需求", "personal_needs", "needs"),
    "consent_data": ("同意采集信息", "信息采集授权", "consent_data", "data_consent"),
    "consent_marketing": ("同意营销", "营销授权", "consent_marketing", "marketing_consent"),
    "manager": ("客户经理", "归属经理", "理财经理", "manager", "owner"),
    # The identity document the client showed (issue 19), when it is not (only) a
    # resident ID: its type decides the rule its number is checked by. Without a type
    # the ID number column is a resident ID's, as it always was.
    "id_doc_type": (
        "证件类型",
        "证件种类",
        "document_type",
        "doc_type",
        "id_type",
        "id_doc_type",
        "identity_document",
    ),
    "id_doc_number": (
        "其他证件号码",
        "护照号码",
        "护照号",
        "document_number",
        "doc_number",
        "id_doc_number",
        "passport_number",
    ),
    "id_doc_expiry": (
        "证件有效期至",
        "证件有效期",
        "证件到期日",
        "证件到期日期",
        "document_expiry",
        "doc_expiry",
        "id_doc_expiry",
        "expiry_date",
    ),
}
# The document's cells are read apart from the draft's (a ClientDraft has no document).
_DOCUMENT_FIELDS = ("id_doc_type", "id_doc_number", "id_doc_expiry")
# An expiry cell that says the document does not expire.
_LONG_TERM = {"长期", "长期有效", "永久", "long_term", "long-term", "longterm", "none"}
_HEADER_INDEX = {
    re.sub(r"[\s\-]+", "_", alias.strip().lower()): field
    for field, aliases in HEADER_ALIASES.items()
    for alias in aliases
}
_FIELD_ORDER = {field: i for i, field in enumerate(HEADER_ALIASES)}
_CHOICES: dict[str, type[Labeled]] = {
    "tier": Tier,
    "gender": GenderCode,
    "marital_status": MaritalStatus,
    "income_band": IncomeBand,
    "horizon": Horizon,
    "liquidity_need": LiquidityNeed,
}
_TRUE = {"1", "是", "y", "yes", "true", "同意", "√", "✓"}
_FALSE = {"0", "否", "n", "no", "false", "不同意", ""}
_LIST_SPLIT = re.compile(r"[,;，；、|/]")
# Cells that never hold a line break (a name is not joined from two lines).
_ONE_LINE_FIELDS = ("name", "mobile", "id_number", "id_doc_number")
# The form's own words for a product family may hold a list separator themselves
# (基金、保险、贵金属（中间业务）); they are taken whole before the cell is split.
_WHOLE_FAMILIES = re.compile(
    "("
    + "|".join(
        re.escape(name)
        for name in sorted(
            {n for f in ProductFamily for n in f.names() if _LIST_SPLIT.search(n)},
            key=len,
            reverse=True,
        )
    )
    + ")"
)
# Dates as people and spreadsheets write them: 1980-05-07, 1980/5/7, 1980.5.7, 1980年5月7日,
# 19800507, and Excel's date-and-time forms 1980/5/7 0:00 and 1980-05-07 00:00:00.
_DATE = re.compile(
    r"^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日?|(\d{2})(\d{2}))"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$",
    re.ASCII,
)


@dataclass(frozen=True)
class CsvRow:
    """One row of the file: the line it starts on, the client it proposes (None when
    the line cannot be read at all) and what is wrong with it (empty when nothing)."""

    line: int
    draft: ClientDraft | None
    problems: tuple[Problem, ...]
    # The identity document's cells as written (field, text), then, once checked, the
    # document to store (None: a resident ID as the ID number column says, the default).
    document_cells: tuple[tuple[str, str], ...] = ()
    document: StoredDocument | None = None


def map_headers(headers: list[str]) -> tuple[dict[int, str], list[str]]:
    """Column positions → field names, and the headers nobody knows (ignored)."""
    mapping: dict[int, str] = {}
    unknown: list[str] = []
    for index, header in enumerate(headers):
        key = re.sub(r"[\s\-]+", "_", header.strip().lower().lstrip("\ufeff"))
        field = _HEADER_INDEX.get(key)
        if field and field not in mapping.values():
            mapping[index] = field
        elif header.strip():
            unknown.append(header.strip())
    if "name" not in mapping.values():
        raise CsvFileError(
            QT_TRANSLATE_NOOP(
                "domain", "The first line must name the columns, with at least 姓名 (name)."
            )
        )
    return mapping, unknown


def read_rows(text: str) -> tuple[Iterator[CsvRow], list[str]]:
    """The file's rows as drafts or problems, and the ignored column headers.

    Each row carries the line it starts on. A quote left open is reported on the line
    where it opens and the lines it swallowed are read as rows of their own (see
    :func:`~.csv_file.csv_rows`); a line break inside a name, mobile or ID number is
    refused once, on its row.
    """
    headers, raw_rows = csv_rows(text)
    mapping, unknown = map_headers(headers)

    def rows() -> Iterator[CsvRow]:
        for raw in raw_rows:
            if raw.cells is None:
                yield CsvRow(raw.line, None, (raw.problem,) if raw.problem else ())
                continue
            draft, problems = row_to_draft(raw.cells, mapping)
            problems += line_break_problems(raw, mapping, headers, _ONE_LINE_FIELDS)
            yield CsvRow(raw.line, draft, tuple(problems), _document_cells(raw.cells, mapping))

    return rows(), unknown


def row_to_draft(cells: list[str], mapping: dict[int, str]) -> tuple[ClientDraft, list[Problem]]:
    """A draft of the cells that could be read, and why the others could not."""
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for index, field in mapping.items():
        raw = cells[index].strip() if index < len(cells) else ""
        if not raw or field in _DOCUMENT_FIELDS:
            continue
        if field in _CHOICES:
            choice = _CHOICES[field].parse(raw)
            if choice is None:
                problems.append(_unknown_choice(field, raw))
            else:
                values[field] = choice
        elif field == "birth_date":
            day, problem = read_date(raw, field)
            if problem:
                problems.append(problem)
            else:
                values[field] = day
        elif field == "dependants":
            if raw.isdigit():
                values[field] = int(raw)
            else:
                problems.append(
                    Problem(
                        field,
                        QT_TRANSLATE_NOOP("domain", "Dependants must be a number from 0 to 20."),
                        {},
                    )
                )
        elif field in ("consent_data", "consent_marketing"):
            flag = raw.lower()
            if flag in _TRUE or flag in _FALSE:
                values[field] = flag in _TRUE
            else:
                problems.append(
                    Problem(
                        field,
                        QT_TRANSLATE_NOOP(
                            "domain", "A consent is 是 or 否 (yes or no), not {value}."
                        ),
                        {"value": raw},
                    )
                )
        elif field == "interests":
            families = []
            for part in _interest_words(raw):
                if not part.strip():
                    continue
                family = ProductFamily.parse(part)
                if family is None:
                    problems.append(_unknown_choice(field, part.strip(), ProductFamily))
                else:
                    families.append(family)
            values[field] = tuple(families)
        else:
            values[field] = raw
    # A row with an empty name cell becomes a draft without a name, which the client
    # rules then reject with their own message instead of crashing the whole import.
    values.setdefault("name", "")
    return ClientDraft(**values), problems  # type: ignore[arg-type]


def check_row(row: CsvRow, today: dt.date) -> CsvRow:
    """The row with its draft normalised and every problem it has: the cells that could
    not be read and the client rules that the cells which could be read break, in the
    order of the columns, so one import reports all that needs fixing."""
    if row.draft is None:
        return row
    draft, document, document_problems = _read_document(row.draft, dict(row.document_cells), today)
    draft = normalize_draft(draft, today)
    problems = sorted(
        (*row.problems, *client_problems(draft, today), *document_problems),
        key=lambda p: _FIELD_ORDER.get(p.field, len(_FIELD_ORDER)),
    )
    return CsvRow(row.line, draft, tuple(problems), row.document_cells, document)


def _document_cells(cells: list[str], mapping: dict[int, str]) -> tuple[tuple[str, str], ...]:
    found = []
    for index, field in mapping.items():
        if field in _DOCUMENT_FIELDS or field == "id_number":
            raw = cells[index].strip() if index < len(cells) else ""
            if raw:
                found.append((field, raw))
    return tuple(found)


def _read_document(
    draft: ClientDraft, cells: dict[str, str], today: dt.date
) -> tuple[ClientDraft, StoredDocument | None, list[Problem]]:
    """The draft (without an ID number when the ID number column holds another
    document's), the document to store and what is wrong with its cells, checked by the
    rules of the document tab (``domain.identity.document_number_problem``).

    The type column names the document (its Chinese or English name); its number is the
    other-document number column's, or else the ID number column's. A row without a
    type and without a document number is a resident ID's, as it always was."""
    kind_text = cells.get("id_doc_type", "")
    doc_text = cells.get("id_doc_number", "")
    expiry_text = cells.get("id_doc_expiry", "")
    if not (kind_text or doc_text or expiry_text):
        return draft, None, []
    problems: list[Problem] = []
    kind = IdDocType.parse(kind_text) if kind_text else None
    if kind_text and kind is None:
        # Which rule the number follows is not known: only the type is refused.
        unknown = _unknown_choice("id_doc_type", kind_text, IdDocType)
        return (draft if doc_text else replace(draft, id_number="")), None, [unknown]
    if kind is None and doc_text:
        untyped = Problem(
            "id_doc_type",
            QT_TRANSLATE_NOOP("domain", "Name the document whose number is given: {choices}."),
            {"choices": _choices(IdDocType)},
        )
        return draft, None, [untyped]
    kind = kind or IdDocType.RESIDENT_ID
    expiry = None
    if expiry_text and _fold_word(expiry_text) not in _LONG_TERM:
        expiry, problem = read_date(expiry_text, "id_doc_expiry")
        if problem:
            problems.append(problem)
    number = None
    if kind is IdDocType.RESIDENT_ID:
        if doc_text and normalize_document_number(doc_text) != normalize_document_number(
            draft.id_number or ""
        ):
            problems.append(
                Problem(
                    "id_doc_number",
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "A resident ID's number goes in the ID number column (身份证号码).",
                    ),
                )
            )
    else:
        field = "id_doc_number" if doc_text else "id_number"
        text = doc_text or draft.id_number or ""
        if not doc_text:
            draft = replace(draft, id_number="")  # the column held this document's number
        if text:
            problem = document_number_problem(kind.value, text, today, field)
            if problem:
                problems.append(problem)
            else:
                number = normalize_document_number(text)
    return draft, StoredDocument(kind.value, number, expiry), problems


def _fold_word(text: str) -> str:
    return re.sub(r"\s+", "_", unicodedata.normalize("NFKC", text).strip().lower())


def _choices(kind: type[Labeled]) -> str:
    aliases = kind._aliases()
    return " / ".join((aliases.get(m.value) or (m.value,))[0] for m in kind)


def _unknown_choice(field: str, raw: str, kind: type[Labeled] | None = None) -> Problem:
    kind = kind or _CHOICES[field]
    aliases = kind._aliases()
    choices = " / ".join((aliases.get(m.value) or (m.value,))[0] for m in kind)
    return Problem(
        field,
        QT_TRANSLATE_NOOP("domain", "Unknown value {value}; use one of: {choices}."),
        {"value": raw, "choices": choices},
    )


def _interest_words(raw: str) -> list[str]:
    words: list[str] = []
    for i, piece in enumerate(_WHOLE_FAMILIES.split(raw)):
        # re.split puts the whole names it matched at the odd places.
        words.extend([piece] if i % 2 else _LIST_SPLIT.split(piece))
    return words


def read_date(text: str, field: str = "birth_date") -> tuple[dt.date | None, Problem | None]:
    """The date written in *text*, or why it is not one: not written like a date, or a
    date the calendar does not have (1980-02-30)."""
    raw = (text or "").strip()
    match = _DATE.match(unicodedata.normalize("NFKC", raw))
    if match is None:
        return None, Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "The date {value} is not a date like 1980-05-17."),
            {"value": raw},
        )
    year, _, *rest = match.groups()
    month, day = (int(n) for n in rest if n is not None)
    try:
        return dt.date(int(year), month, day), None
    except ValueError:
        return None, Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "There is no such date: {value}."),
            {"value": raw},
        )


def parse_date(text: str) -> dt.date | None:
    """The date written in *text*, or None (see :func:`read_date`)."""
    return read_date(text)[0]


__all__ = [
    "HEADER_ALIASES",
    "CsvFileError",
    "CsvRow",
    "DecodedText",
    "check_row",
    "decode_csv",
    "map_headers",
    "parse_date",
    "read_date",
    "read_rows",
    "row_to_draft",
]
