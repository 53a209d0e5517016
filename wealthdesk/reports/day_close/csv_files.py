"""The day's visits and sales as two CSV files (UTF-8 with a BOM, names masked), both
written or neither."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from ...domain.csv_file import csv_writer
from ...domain.errors import QT_TRANSLATE_NOOP
from ...domain.queue import VisitState
from ...private_files import write_all
from ...services.day_close import DaySummary
from .style import Translate, no_translation
from .words import outcome_text

VISIT_COLUMNS = (
    QT_TRANSLATE_NOOP("reports", "Ticket"),
    QT_TRANSLATE_NOOP("reports", "Client"),
    QT_TRANSLATE_NOOP("reports", "Kind"),
    QT_TRANSLATE_NOOP("reports", "Desk"),
    QT_TRANSLATE_NOOP("reports", "Arrived"),
    QT_TRANSLATE_NOOP("reports", "Called"),
    QT_TRANSLATE_NOOP("reports", "Started"),
    QT_TRANSLATE_NOOP("reports", "Finished"),
    QT_TRANSLATE_NOOP("reports", "Wait (min)"),
    QT_TRANSLATE_NOOP("reports", "Service (min)"),
    QT_TRANSLATE_NOOP("reports", "State"),
    QT_TRANSLATE_NOOP("reports", "Outcome"),
)


SALE_COLUMNS = (
    QT_TRANSLATE_NOOP("reports", "Signed"),
    QT_TRANSLATE_NOOP("reports", "Client"),
    QT_TRANSLATE_NOOP("reports", "Product code"),
    QT_TRANSLATE_NOOP("reports", "Product"),
    QT_TRANSLATE_NOOP("reports", "Family"),
    QT_TRANSLATE_NOOP("reports", "Sale type"),
    QT_TRANSLATE_NOOP("reports", "Amount (yuan)"),
    QT_TRANSLATE_NOOP("reports", "Recording"),
    QT_TRANSLATE_NOOP("reports", "65+ confirmed"),
    QT_TRANSLATE_NOOP("reports", "Cancelled"),
    QT_TRANSLATE_NOOP("reports", "Desk"),
)


def csv_names(day: dt.date) -> tuple[str, str]:
    return f"visits-{day.isoformat()}.csv", f"sales-{day.isoformat()}.csv"


def day_close_csv(
    folder: Path, summary: DaySummary, translate: Translate = no_translation
) -> tuple[Path, Path]:
    """Write the day's visits and sales to *folder* as :func:`day_close_csv_files`
    makes them, both or neither. Returns their paths."""
    visits, sold = write_all(day_close_csv_files(folder, summary, translate))
    return visits, sold


def day_close_csv_files(
    folder: Path, summary: DaySummary, translate: Translate = no_translation
) -> list[tuple[Path, bytes]]:
    """The day's visits and sales as two CSV files for *folder*, in UTF-8 with a BOM (so
    Excel reads the Chinese right), names masked: each file's path and content."""

    def t(text: str) -> str:
        return translate("reports", text)

    def d(text: str) -> str:
        return translate("domain", text)

    def minutes(value: dt.timedelta | None) -> str:
        return "" if value is None else str(int(value.total_seconds() // 60))

    def stamp(moment: dt.datetime | None) -> str:
        return f"{moment:%Y-%m-%d %H:%M}" if moment else ""

    visits = [[t(c) for c in VISIT_COLUMNS]]
    for r in summary.visits:
        visits.append(
            [
                r.ticket,
                r.masked_name,
                d(r.kind.label),
                r.desk,
                stamp(r.arrived_at),
                stamp(r.called_at),
                stamp(r.started_at),
                stamp(r.finished_at),
                minutes(r.wait),
                minutes(r.service),
                d(r.state.label),
                outcome_text(r, translate) if r.state is VisitState.DONE else "",
            ]
        )
    yes = t(QT_TRANSLATE_NOOP("reports", "yes"))
    sales_rows = [[t(c) for c in SALE_COLUMNS]]
    for r in summary.sales.sales:
        sales_rows.append(
            [
                stamp(r.signed_at),
                r.masked_name,
                r.product_code,
                r.product_name,
                d(r.family.label),
                d(r.sale_type.label),
                f"{r.amount_fen / 100:.2f}",
                r.recording_ref,
                yes if r.elderly_confirmed else "",
                stamp(r.cancelled_at),
                r.desk,
            ]
        )
    files = []
    for name, rows in zip(csv_names(summary.day), (visits, sales_rows), strict=True):
        text = io.StringIO(newline="")
        csv_writer(text, lineterminator="\r\n").writerows(rows)
        files.append((Path(folder) / name, text.getvalue().encode("utf-8-sig")))
    return files
