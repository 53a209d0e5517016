"""The sales section a day and a period share: the family × sale type table, the counts,
the cooling-off cancellations and the sales without a recording reference."""

from __future__ import annotations

from collections.abc import Sequence

from ...domain.care import yuan
from ...domain.client import ProductFamily
from ...domain.errors import QT_TRANSLATE_NOOP
from ...domain.sales import SaleType
from ...services.day_close import SaleRow, SalesFigures
from .style import ALARM, HEAD, NONE, Writer


def sales_section(w: Writer, sf: SalesFigures, heading) -> list:
    """The family × sale type table, the counts, the cancellations and the sales without
    a recording reference (in red: there must be none)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer

    t = w.t
    # The table and its counts on one page; the refusals by reason in a line of their own
    # (a long list of reasons does not fit a value's cell).
    block = [heading, _family_table(w, sf), Spacer(1, 2 * mm), _counts(w, sf)]
    refused = t(QT_TRANSLATE_NOOP("reports", "Refused by the suitability rules: {reasons}"))
    block.append(w.para(refused.format(reasons=_refusals_text(sf.refusals, t))))
    story: list = [KeepTogether(block)]
    if sf.cooling_off_cancellations:
        story.append(w.para(t(QT_TRANSLATE_NOOP("reports", "Cancelled in the cooling-off")), w.sub))
        story.append(_sales_table(w, sf.cooling_off_cancellations))
    return story + _missing_recordings(w, sf.missing_recording)


def _family_table(w: Writer, sf: SalesFigures):
    """Count and amount by product family (rows) and sale type (columns), with totals."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import TableStyle

    t, d = w.t, w.d
    # A month's amounts can outgrow the cells: then whole yuan, in a smaller size.
    large = len(yuan(sf.totals.amount_fen)) > 13

    def money(fen: int) -> str:
        text = yuan(fen)
        return text.removesuffix(".00") if large else text

    count_word = t(QT_TRANSLATE_NOOP("reports", "Count"))
    amount_word = t(QT_TRANSLATE_NOOP("reports", "Amount"))
    total_word = t(QT_TRANSLATE_NOOP("reports", "Total"))
    top = [t(QT_TRANSLATE_NOOP("reports", "Family"))]
    second = [""]
    for sale_type in SaleType:
        top += [d(sale_type.label), ""]
        second += [count_word, amount_word]
    top += [total_word, ""]
    second += [count_word, amount_word]
    rows = [top, second]
    for family in ProductFamily:
        count, fen = sf.totals.of(family)
        row = [d(family.label)]
        for sale_type in SaleType:
            n, amount = sf.totals.of(family, sale_type)
            row += [str(n), money(amount) if n else NONE]
        row += [str(count), money(fen) if count else NONE]
        rows.append(row)
    total_row = [total_word]
    for sale_type in SaleType:
        n = sum(sf.totals.of(f, sale_type)[0] for f in ProductFamily)
        amount = sum(sf.totals.of(f, sale_type)[1] for f in ProductFamily)
        total_row += [str(n), money(amount) if n else NONE]
    total_row += [str(sf.totals.count), money(sf.totals.amount_fen)]
    rows.append(total_row)
    widths = [30 * mm] + [8 * mm, 22.4 * mm] * 5
    table = w.grid(
        rows,
        widths,
        header=False,
        size=6.5 if large else 7.5,
        align=lambda r, c: "CENTER" if r < 2 and c else ("RIGHT" if c else "LEFT"),
        spans={(1 + 2 * i, 0): widths[1] + widths[2] for i in range(len(SaleType) + 1)},
        padding=3,
    )
    spans = [("SPAN", (1 + 2 * i, 0), (2 + 2 * i, 0)) for i in range(len(SaleType) + 1)]
    table.setStyle(
        TableStyle(
            [
                *spans,
                ("SPAN", (0, 0), (0, 1)),
                ("FONTSIZE", (0, 0), (-1, -1), 6.5 if large else 7.5),
                ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor(HEAD)),
                ("ALIGN", (1, 0), (-1, 1), "CENTER"),
                ("ALIGN", (1, 2), (-1, -1), "RIGHT"),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor(HEAD)),
            ]
        )
    )
    return table


def _counts(w: Writer, sf: SalesFigures):
    """Sales signed, cancelled in the cooling-off (and how much), 65+ confirmations."""
    t = w.t
    cancelled_fen = sum(r.amount_fen for r in sf.cooling_off_cancellations)
    return w.pairs(
        [
            (
                t(QT_TRANSLATE_NOOP("reports", "Sales signed (cancelled ones included)")),
                str(len(sf.sales)),
            ),
            (
                t(QT_TRANSLATE_NOOP("reports", "Cooling-off cancellations")),
                str(len(sf.cooling_off_cancellations)),
            ),
            (t(QT_TRANSLATE_NOOP("reports", "Amount cancelled")), yuan(cancelled_fen)),
            (
                t(QT_TRANSLATE_NOOP("reports", "65+ confirmations")),
                str(sf.elderly_confirmations),
            ),
        ]
    )


def _missing_recordings(w: Writer, missing: Sequence[SaleRow]) -> list:
    """The sales without a recording reference, in the alarm colour, or a small line
    saying there are none."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer, TableStyle

    t = w.t
    if not missing:
        return [
            w.para(
                t(QT_TRANSLATE_NOOP("reports", "Sales without a recording reference: 0")), w.small
            )
        ]
    warning = t(
        QT_TRANSLATE_NOOP(
            "reports",
            "{count} sales without a recording reference (双录): there must be "
            "none. Record the references before the day is closed.",
        )
    ).format(count=len(missing))
    table = _sales_table(w, missing, colour=ALARM)
    table.setStyle(TableStyle([("TEXTCOLOR", (0, 1), (-1, -1), colors.HexColor(ALARM))]))
    return [Spacer(1, 2 * mm), w.para(warning, w.alarm), table]


REFUSAL_LABELS = {
    "assessment": QT_TRANSLATE_NOOP("reports", "no valid risk assessment"),
    "product": QT_TRANSLATE_NOOP("reports", "above the client's risk level"),
    "elderly_confirmed": QT_TRANSLATE_NOOP("reports", "65+ confirmation not given"),
    "amount": QT_TRANSLATE_NOOP("reports", "amount below the minimum"),
    "recording_ref": QT_TRANSLATE_NOOP("reports", "no recording (双录) reference"),
    "id_document": QT_TRANSLATE_NOOP("reports", "identity document expired or missing"),
    "guardian": QT_TRANSLATE_NOOP("reports", "minor without a guardian"),
    "qualified_investor": QT_TRANSLATE_NOOP("reports", "not a qualified investor"),
    "large_confirmed": QT_TRANSLATE_NOOP("reports", "65+ large sale not confirmed"),
    "manager": QT_TRANSLATE_NOOP("reports", "manager not qualified"),
}


def _refusals_text(refusals, t) -> str:
    """``0``, or each reason with its count: "above the client's risk level 2; …"."""
    if not refusals:
        return "0"
    return t(QT_TRANSLATE_NOOP("reports", "; ")).join(
        f"{t(REFUSAL_LABELS[reason])} {count}" for reason, count in refusals
    )


def _sales_table(w: Writer, rows: Sequence[SaleRow], colour: str | None = None):
    from reportlab.lib.units import mm

    t, d = w.t, w.d
    cells = [
        [
            t(QT_TRANSLATE_NOOP("reports", "Signed")),
            t(QT_TRANSLATE_NOOP("reports", "Client")),
            t(QT_TRANSLATE_NOOP("reports", "Product")),
            t(QT_TRANSLATE_NOOP("reports", "Family")),
            t(QT_TRANSLATE_NOOP("reports", "Amount")),
            t(QT_TRANSLATE_NOOP("reports", "Recording")),
        ]
    ]
    for r in rows:
        cells.append(
            [
                f"{r.signed_at:%m-%d %H:%M}",
                r.masked_name or NONE,
                r.product_code,
                d(r.family.label),
                yuan(r.amount_fen),
                r.recording_ref or NONE,
            ]
        )
    return w.grid(
        cells,
        [24 * mm, 20 * mm, 30 * mm, 40 * mm, 32 * mm, 36 * mm],
        numbers_from=4,
        repeatRows=1,
        align=lambda r, c: "LEFT" if c == 5 else None,
        colour=(lambda r, c: colour if r else None) if colour else None,
    )
