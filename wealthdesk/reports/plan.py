"""The financial plan (理财规划方案) the client takes home, as an A4 PDF in the house
style of the day close: the client masked, the assessment's level and dates, the current
and suggested allocation as two charts and a table with the gap, the products proposed
with their ratings, the manager's notes, the risk disclosure and signature lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP
from ..domain.plan import CLASSES, DEFAULT_DISCLOSURE, AssetClass
from ..domain.product import format_fen
from ..domain.risk import RiskLevel
from ..services.plan import PlanView
from .day_close import INK, NONE, SOFT, _build, _Writer, write_atomically
from .fonts import Font

Translate = Callable[[str, str], str]

# One colour per class, the same in both charts; the legend and the table name them, so
# colour is never the only signal.
CLASS_COLOURS = {
    AssetClass.CASH: "#a8dadc",
    AssetClass.FIXED_INCOME: "#457b9d",
    AssetClass.EQUITY: "#e76f51",
    AssetClass.INSURANCE: "#2a9d8f",
    AssetClass.METALS: "#e9c46a",
}

SECTION_TITLES = (
    QT_TRANSLATE_NOOP("reports", "1. The client"),
    QT_TRANSLATE_NOOP("reports", "2. Allocation"),
    QT_TRANSLATE_NOOP("reports", "3. Products proposed"),
    QT_TRANSLATE_NOOP("reports", "4. Notes"),
    QT_TRANSLATE_NOOP("reports", "5. Risk disclosure"),
)


def _no_translation(context: str, text: str) -> str:
    return text


def plan_pdf(
    target: Path,
    view: PlanView,
    font: Font,
    generated_at: dt.datetime | None = None,
    translate: Translate = _no_translation,
) -> Path:
    """Write *view* to *target* as the plan's PDF and return it: made in memory and
    renamed into place, so a character the font lacks (``FontError``, raised before
    anything is written) or a failed write leaves no file."""
    data = render_plan(view, font, generated_at, translate)
    return write_atomically(Path(target), data)


def render_plan(
    view: PlanView,
    font: Font,
    generated_at: dt.datetime | None = None,
    translate: Translate = _no_translation,
) -> bytes:
    """The plan's PDF as bytes."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer

    w = _Writer(font, translate)
    t, d, para = w.t, w.d, w.para
    s = view.suggestion
    made = view.made_at or generated_at or dt.datetime.now()
    title = w.say(t(QT_TRANSLATE_NOOP("reports", "Financial plan")))
    who, generated, page_of = w.header_texts(
        w.who(view.branch, view.manager, view.desk or "1"), generated_at or made
    )
    level = RiskLevel(view.level)
    story: list = [para(title, w.title)]
    version = (
        t(QT_TRANSLATE_NOOP("reports", "Version of {time}, No. {number}")).format(
            time=f"{made:%Y-%m-%d %H:%M}", number=view.plan_id
        )
        if view.plan_id is not None
        else t(QT_TRANSLATE_NOOP("reports", "Suggestion of {time}, not saved")).format(
            time=f"{made:%Y-%m-%d %H:%M}"
        )
    )
    story.append(para(version, w.small))

    # 1. The client
    story.append(para(t(SECTION_TITLES[0]), w.section))
    pairs = [
        (t(QT_TRANSLATE_NOOP("reports", "Client")), view.masked_name),
        (t(QT_TRANSLATE_NOOP("reports", "Client No.")), str(view.client_id)),
        (
            t(QT_TRANSLATE_NOOP("reports", "Risk profile")),
            f"{level.code} {level.chinese}",
        ),
        (t(QT_TRANSLATE_NOOP("reports", "Assessed on")), view.assessed_on.isoformat()),
        (t(QT_TRANSLATE_NOOP("reports", "Valid until")), view.valid_until.isoformat()),
        (
            t(QT_TRANSLATE_NOOP("reports", "Investment horizon")),
            d(view.horizon.label) if view.horizon else NONE,
        ),
        (
            t(QT_TRANSLATE_NOOP("reports", "Liquidity need")),
            d(view.liquidity.label) if view.liquidity else NONE,
        ),
        (
            t(QT_TRANSLATE_NOOP("reports", "Money planned")),
            "¥" + format_fen(s.total_fen, cents=False),
        ),
    ]
    if view.inputs.monthly_spending_fen:
        pairs.append(
            (
                t(QT_TRANSLATE_NOOP("reports", "Emergency reserve")),
                t(QT_TRANSLATE_NOOP("reports", "¥{amount} ({months} months)")).format(
                    amount=format_fen(s.reserve_fen, cents=False), months=s.reserve_months
                ),
            )
        )
    story.append(w.pairs(pairs))
    if view.inputs.goals:
        story.append(para(t(QT_TRANSLATE_NOOP("reports", "Goals")), w.sub))
        rows = [
            [
                t(QT_TRANSLATE_NOOP("reports", "Goal")),
                t(QT_TRANSLATE_NOOP("reports", "Year")),
                t(QT_TRANSLATE_NOOP("reports", "Amount (¥)")),
            ]
        ]
        rows += [
            [d(g.kind.label), str(g.year), format_fen(g.amount_fen, cents=False)]
            for g in view.inputs.goals
        ]
        story.append(w.grid(rows, [100 * mm, 30 * mm, 52 * mm]))

    # 2. Allocation: two charts, the table with the gap, why it looks so
    story.append(para(t(SECTION_TITLES[1]), w.section))
    names = {c: d(c.label) for c in CLASSES}
    w.texts += names.values()
    chart_titles = (
        w.say(t(QT_TRANSLATE_NOOP("reports", "Current allocation"))),
        w.say(t(QT_TRANSLATE_NOOP("reports", "Suggested allocation"))),
    )
    none_text = w.say(t(QT_TRANSLATE_NOOP("reports", "Nothing held yet")))
    story.append(
        _allocation_charts(
            [
                (chart_titles[0], {line.asset_class: line.current_fen for line in s.lines}),
                (chart_titles[1], {line.asset_class: line.suggested_fen for line in s.lines}),
            ],
            names,
            font,
            none_text,
        )
    )
    story.append(Spacer(1, 2 * mm))
    header = [
        t(QT_TRANSLATE_NOOP("reports", "Asset class")),
        t(QT_TRANSLATE_NOOP("reports", "Model range")),
        t(QT_TRANSLATE_NOOP("reports", "Current (¥)")),
        t(QT_TRANSLATE_NOOP("reports", "Suggested (¥)")),
        t(QT_TRANSLATE_NOOP("reports", "Share")),
        t(QT_TRANSLATE_NOOP("reports", "Gap (¥)")),
    ]
    rows = [header]
    for line in s.lines:
        share = f"{100 * line.suggested_fen / s.total_fen:.0f}%" if s.total_fen else NONE
        rows.append(
            [
                names[line.asset_class],
                line.band.text(),
                format_fen(line.current_fen, cents=False),
                format_fen(line.suggested_fen, cents=False),
                share,
                _signed(line.gap_fen),
            ]
        )
    rows.append(
        [
            t(QT_TRANSLATE_NOOP("reports", "Total")),
            "",
            format_fen(s.current_total_fen, cents=False),
            format_fen(s.total_fen, cents=False),
            "100%" if s.total_fen else NONE,
            _signed(s.total_fen - s.current_total_fen),
        ]
    )
    table = w.grid(rows, [44 * mm, 24 * mm, 30 * mm, 30 * mm, 18 * mm, 36 * mm])
    from reportlab.platypus import TableStyle

    table.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.9, INK)]))
    story.append(table)
    story.append(
        para(
            t(
                QT_TRANSLATE_NOOP(
                    "reports",
                    "A positive gap is what to add to the class, a negative one what to move "
                    "out of it.",
                )
            ),
            w.small,
        )
    )
    for note in s.notes:
        story.append(para("• " + note.render(translate)))

    # 3. Products proposed
    story.append(para(t(SECTION_TITLES[2]), w.section))
    if view.proposals:
        rows = [
            [
                t(QT_TRANSLATE_NOOP("reports", "Code")),
                t(QT_TRANSLATE_NOOP("reports", "Product")),
                t(QT_TRANSLATE_NOOP("reports", "Asset class")),
                t(QT_TRANSLATE_NOOP("reports", "Risk rating")),
                t(QT_TRANSLATE_NOOP("reports", "Amount (¥)")),
            ]
        ]
        for line in view.proposals:
            product = line.product
            place = product.asset_class
            rows.append(
                [
                    product.code,
                    w.para(product.name),  # a long name wraps in its cell
                    names[place] if place else NONE,
                    f"R{product.risk_rating}" if product.risk_rating else NONE,
                    format_fen(line.amount_fen, cents=False),
                ]
            )
        rows.append(
            [
                t(QT_TRANSLATE_NOOP("reports", "Total")),
                "",
                "",
                "",
                format_fen(view.proposed_total_fen, cents=False),
            ]
        )
        story.append(
            w.grid(
                rows,
                [28 * mm, 70 * mm, 36 * mm, 20 * mm, 28 * mm],
                numbers_from=4,
            )
        )
        story.append(
            para(
                t(
                    QT_TRANSLATE_NOOP(
                        "reports",
                        "Each product is bought separately, after its own suitability check "
                        "and audio-video recording (双录); this plan records no purchase.",
                    )
                ),
                w.small,
            )
        )
    else:
        story.append(para(t(QT_TRANSLATE_NOOP("reports", "No products proposed.")), w.small))

    # 4. Notes
    story.append(para(t(SECTION_TITLES[3]), w.section))
    notes = view.inputs.notes.strip()
    for paragraph in notes.splitlines() if notes else [NONE]:
        story.append(para(paragraph or " "))

    # 5. Risk disclosure and signatures, kept together
    end = [para(t(SECTION_TITLES[4]), w.section)]
    disclosure = view.disclosure or d(DEFAULT_DISCLOSURE)
    for paragraph in disclosure.splitlines():
        if paragraph.strip():
            end.append(para(paragraph))
    end.append(Spacer(1, 10 * mm))
    line = "_" * 18
    for words in (
        QT_TRANSLATE_NOOP("reports", "Client's signature: {line}    Date: {line}"),
        QT_TRANSLATE_NOOP("reports", "Manager's signature: {line}    Date: {line}"),
    ):
        end.append(para(t(words).format(line=line)))
        end.append(Spacer(1, 6 * mm))
    story.append(KeepTogether(end))

    font.check(*[text for text in w.texts if isinstance(text, str)])
    return _build(story, font, title, who, generated, page_of)


def _signed(fen: int) -> str:
    if fen == 0:
        return "0"
    return ("+" if fen > 0 else "−") + format_fen(abs(fen), cents=False)


def _allocation_charts(charts, names: dict[AssetClass, str], font: Font, none_text: str):
    """Two pies side by side (current, suggested), each slice in its class's colour,
    with one legend under both; no labels on the slices, so no text lies over text."""
    from reportlab.graphics.charts.piecharts import Pie
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width, height = 182 * mm, 66 * mm
    legend_height = 12 * mm
    drawing = Drawing(width, height)
    each = width / len(charts)
    size = height - legend_height - 14 * mm
    for index, (title, amounts) in enumerate(charts):
        x0 = index * each
        drawing.add(
            String(
                x0 + each / 2,
                height - 10,
                title,
                fontName=font.name,
                fontSize=9.5,
                textAnchor="middle",
                fillColor=colors.HexColor(INK),
            )
        )
        shown = [(c, amounts.get(c, 0)) for c in CLASSES if amounts.get(c, 0) > 0]
        if not shown:
            drawing.add(
                String(
                    x0 + each / 2,
                    legend_height + size / 2,
                    none_text,
                    fontName=font.name,
                    fontSize=9,
                    textAnchor="middle",
                    fillColor=colors.HexColor(SOFT),
                )
            )
            continue
        pie = Pie()
        pie.x, pie.y = x0 + (each - size) / 2, legend_height + 2 * mm
        pie.width = pie.height = size
        pie.data = [amount for _c, amount in shown]
        pie.labels = None
        pie.simpleLabels = 1
        pie.slices.strokeColor = colors.white
        pie.slices.strokeWidth = 0.8
        pie.startAngle = 90
        pie.direction = "clockwise"
        for number, (c, _amount) in enumerate(shown):
            pie.slices[number].fillColor = colors.HexColor(CLASS_COLOURS[c])
        drawing.add(pie)
    # The legend: one row across both charts, each class's square and name.
    slot = width / len(CLASSES)
    for number, c in enumerate(CLASSES):
        x = number * slot + 4
        drawing.add(
            Rect(
                x,
                3 * mm,
                7,
                7,
                fillColor=colors.HexColor(CLASS_COLOURS[c]),
                strokeColor=colors.HexColor(SOFT),
                strokeWidth=0.3,
            )
        )
        # As large as fits the slot: an English name is longer than a Chinese one.
        fits = (slot - 16) / max(stringWidth(names[c], font.name, 1), 1)
        size_pt = min(7.5, fits)
        drawing.add(String(x + 10, 3 * mm + 1, names[c], fontName=font.name, fontSize=size_pt))
    return drawing


__all__ = ["CLASS_COLOURS", "SECTION_TITLES", "plan_pdf", "render_plan"]
