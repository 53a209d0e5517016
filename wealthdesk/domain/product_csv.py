"""Reading a product catalogue from CSV: Chinese or English headers, rows to drafts.

The file's encoding is read as for a client list (``csv_file.decode_csv``: UTF-8 with
or without BOM, UTF-16, GBK/GB18030) and a whole-file failure is the same
:class:`~.csv_file.CsvFileError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .client import ProductFamily
from .csv_file import CsvFileError, csv_rows, line_break_problems
from .errors import QT_TRANSLATE_NOOP, Problem
from .product import (
    UNRATED_WORDS,
    ProductDraft,
    RiskRating,
    money_problem,
    normalize_product,
    parse_money,
    parse_term,
    product_problems,
)

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("产品代码", "产品编号", "产品编码", "代码", "编号", "code", "product_code"),
    "name": ("产品名称", "名称", "产品", "name", "product_name"),
    "family": ("产品类别", "产品大类", "类别", "大类", "业务类别", "family", "category", "type"),
    "risk_rating": (
        "风险等级",
        "产品风险等级",
        "风险评级",
        "评级",
        "risk_rating",
        "rating",
        "risk",
    ),
    "private": ("私募", "是否私募", "private"),
    "min_amount": ("起购金额", "起点金额", "最低金额", "起购", "min_amount", "minimum"),
    "term_days": ("期限", "产品期限", "期限（天）", "期限(天)", "term_days", "term"),
    "active": ("在售", "是否在售", "状态", "销售状态", "active", "on_sale"),
    "notes": ("备注", "说明", "notes", "note"),
    "kind": ("产品类型", "投资品种", "kind"),
    "asset_class": ("资产类别", "投资性质", "asset_class"),
}
_HEADER_INDEX = {
    re.sub(r"[\s\-]+", "_", alias.strip().lower()): field
    for field, aliases in HEADER_ALIASES.items()
    for alias in aliases
}
_FIELD_ORDER = {field: i for i, field in enumerate(HEADER_ALIASES)}
_TRUE = {"1", "是", "y", "yes", "true", "√", "✓", "在售", "有效", "私募"}
_FALSE = {"0", "否", "n", "no", "false", "停售", "下架", "无效", "公募", ""}
# Cells that never hold a line break (only the notes may run over lines).
_ONE_LINE_FIELDS = ("code", "name", "family", "risk_rating", "min_amount", "term_days")


@dataclass(frozen=True)
class ProductRow:
    """One row of the file: the line it starts on, the product it proposes (None when
    the line cannot be read) and what is wrong with it (empty when nothing)."""

    line: int
    draft: ProductDraft | None
    problems: tuple[Problem, ...]


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
    missing = [f for f in ("code", "name", "family") if f not in mapping.values()]
    if missing:
        raise CsvFileError(
            QT_TRANSLATE_NOOP(
                "domain",
                "The first line must name the columns, with at least 产品代码 (code), "
                "产品名称 (name) and 产品类别 (family).",
            )
        )
    return mapping, unknown


def read_product_rows(text: str) -> tuple[Iterator[ProductRow], list[str]]:
    """The file's rows as checked drafts or problems, and the ignored column headers.
    Each row carries the line it starts on; a quote left open is rejected on its line
    and the lines it swallowed are read as rows (see :func:`~.csv_file.csv_rows`)."""
    headers, raw_rows = csv_rows(text)
    mapping, unknown = map_headers(headers)

    def rows() -> Iterator[ProductRow]:
        for raw in raw_rows:
            if raw.cells is None:
                yield ProductRow(raw.line, None, (raw.problem,) if raw.problem else ())
                continue
            row = check_product_row(raw.line, raw.cells, mapping)
            breaks = line_break_problems(raw, mapping, headers, _ONE_LINE_FIELDS)
            if breaks:
                row = ProductRow(row.line, row.draft, tuple(_ordered([*row.problems, *breaks])))
            yield row

    return rows(), unknown


def check_product_row(line: int, cells: list[str], mapping: dict[int, str]) -> ProductRow:
    """The row's draft, normalised, with every problem it has: the cells that could not
    be read and the product rules the rest break, in the order of the columns."""
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for index, field in mapping.items():
        raw = cells[index].strip() if index < len(cells) else ""
        if field == "family":
            family = ProductFamily.parse(raw)
            if family is None:
                problems.append(_unknown(field, raw, _family_words()))
            else:
                values[field] = family
        elif field == "risk_rating":
            if raw.casefold() in UNRATED_WORDS:
                continue
            rating = RiskRating.parse(raw)
            if rating is None:
                problems.append(_unknown(field, raw, "R1 / R2 / R3 / R4 / R5"))
            else:
                values[field] = rating.level
        elif field in ("private", "active"):
            flag = raw.casefold()
            if flag in _TRUE or flag in _FALSE:
                if raw:
                    values[field] = flag in _TRUE
            else:
                problems.append(_unknown(field, raw, "是 / 否"))
        elif field == "min_amount":
            if not raw:
                continue
            problem = money_problem(raw, field)
            if problem:
                problems.append(problem)
            else:
                values["min_amount_fen"] = parse_money(raw)
        elif field == "term_days":
            if raw.casefold() in UNRATED_WORDS:
                continue
            days = parse_term(raw)
            if days is None:
                problems.append(
                    Problem(
                        field,
                        QT_TRANSLATE_NOOP(
                            "domain",
                            "The term {value} is not a number of days like 90, 6个月 or 1年.",
                        ),
                        {"value": raw},
                    )
                )
            else:
                values[field] = days
        else:
            values[field] = raw
    if "family" not in values:
        # The rules cannot judge a product of no family: the row stops at the cells.
        if not any(p.field == "family" for p in problems):
            problems.append(_unknown("family", "", _family_words()))
        return ProductRow(line, None, tuple(_ordered(problems)))
    draft = normalize_product(
        ProductDraft(
            code=str(values.get("code", "")),
            name=str(values.get("name", "")),
            family=values["family"],  # type: ignore[arg-type]
            risk_rating=values.get("risk_rating"),  # type: ignore[arg-type]
            private=bool(values.get("private", False)),
            min_amount_fen=int(values.get("min_amount_fen", 0)),  # type: ignore[call-overload]
            term_days=values.get("term_days"),  # type: ignore[arg-type]
            active=bool(values.get("active", True)),
            notes=str(values.get("notes", "")),
            kind=str(values.get("kind", "")),
            asset_class=str(values.get("asset_class", "")),
        )
    )
    cell_fields = {p.field for p in problems}
    # A cell that could not be read is reported once, not again by the rules.
    rules = [p for p in product_problems(draft) if p.field not in cell_fields]
    return ProductRow(line, draft, tuple(_ordered([*problems, *rules])))


def _ordered(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: _FIELD_ORDER.get(p.field, len(_FIELD_ORDER)))


def _family_words() -> str:
    return " / ".join(f._aliases()[f.value][0] for f in ProductFamily)


def _unknown(field: str, raw: str, choices: str) -> Problem:
    if not raw:
        return Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "This cell is empty; use one of: {choices}."),
            {"choices": choices},
        )
    return Problem(
        field,
        QT_TRANSLATE_NOOP("domain", "Unknown value {value}; use one of: {choices}."),
        {"value": raw, "choices": choices},
    )


__all__ = ["HEADER_ALIASES", "ProductRow", "check_product_row", "map_headers", "read_product_rows"]
