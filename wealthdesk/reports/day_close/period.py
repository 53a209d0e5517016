"""The summary PDF of a week or a month: the day close's sections added up, charts by
day, and a table of the days."""

from __future__ import annotations

from pathlib import Path

from ...domain.care import yuan
from ...domain.errors import QT_TRANSLATE_NOOP
from ...private_files import write_atomically
from ...services.day_close import PeriodSummary
from ..fonts import Font
from .charts import bar_charts, minutes_of, work_chart
from .compliance import compliance_section
from .day import SECTION_TITLES
from .sales import sales_section
from .sections import (
    appointments_section,
    care_section,
    empty_note,
    open_section,
    signature,
    support_section,
    visitors_section,
)
from .style import BAR, BAR_2, BAR_3, HEAD, NONE, Translate, Writer, build_pdf, no_translation
from .words import duration_text, minutes_text, percent, work_time_line

PERIOD_SECTION_TITLES = (
    *SECTION_TITLES[:6],
    QT_TRANSLATE_NOOP("reports", "7. Days"),
    QT_TRANSLATE_NOOP("reports", "8. Still open"),
    QT_TRANSLATE_NOOP("reports", "9. Sign-off"),
)


OPEN_LISTED = 30  # of each kind still open at a period's end; the count says the rest


def period_title(p: PeriodSummary, translate: Translate = no_translation) -> str:
    """``Week summary 2026-11-23 – 2026-11-29``, ``Month summary 2026-11``."""
    if p.kind == "week":
        text = QT_TRANSLATE_NOOP("reports", "Week summary {first} – {last}")
    elif p.kind == "month":
        text = QT_TRANSLATE_NOOP("reports", "Month summary {month}")
    else:
        text = QT_TRANSLATE_NOOP("reports", "Summary {first} – {last}")
    return translate("reports", text).format(
        first=p.first.isoformat(), last=p.last.isoformat(), month=f"{p.first:%Y-%m}"
    )


def period_name(p: PeriodSummary) -> str:
    """``week-close-2026-11-23.pdf``, ``month-close-2026-11.pdf``."""
    if p.kind == "month":
        return f"month-close-{p.first:%Y-%m}.pdf"
    if p.kind == "week":
        return f"week-close-{p.first.isoformat()}.pdf"
    return f"close-{p.first.isoformat()}-{p.last.isoformat()}.pdf"


def period_close_pdf(
    target: Path, summary: PeriodSummary, font: Font, translate: Translate = no_translation
) -> Path:
    """Write the week's or month's summary to *target* as :func:`day_close_pdf` writes a
    day's: whole or not at all."""
    return write_atomically(Path(target), render_period_close(summary, font, translate))


def render_period_close(p: PeriodSummary, font: Font, translate: Translate = no_translation):
    """The summary PDF of a week or a month as bytes: the day close's sections added up,
    charts by day, and a table of the days in place of the visits."""
    w = Writer(font, translate)
    t, para, section = w.t, w.para, w.section
    title = w.say(period_title(p, translate))
    who, generated, page_of = w.header_texts(w.who(p.branch, p.manager, p.desk), p.generated_at)

    story: list = [para(title, w.title), *_period_notes(w, p)]

    # 1. Visitors
    story.append(para(t(PERIOD_SECTION_TITLES[0]), section))
    story.append(visitors_section(w, p.visitors))

    # 2. Charts by day
    story.append(para(t(PERIOD_SECTION_TITLES[1]), section))
    story += _period_charts(w, p)

    # 3. Appointments, 4. Care, 5. Sales, 6. Colleague support
    story.append(para(t(PERIOD_SECTION_TITLES[2]), section))
    story.append(appointments_section(w, p.appointments))
    story.append(para(t(PERIOD_SECTION_TITLES[3]), section))
    story.append(care_section(w, p.care))
    story += sales_section(w, p.sales, para(t(PERIOD_SECTION_TITLES[4]), w.section))
    story.append(para(t(PERIOD_SECTION_TITLES[5]), section))
    story.append(support_section(w, p.care))
    # Compliance: a section of its own after the period's work, as in the day close.
    if p.compliance is not None:
        story += compliance_section(w, p.compliance, period=True)

    # 7. Days
    closed_days = t(QT_TRANSLATE_NOOP("reports", "{count} of {working}")).format(
        count=p.days_closed, working=p.working_days
    )
    story.append(para(t(PERIOD_SECTION_TITLES[6]), w.loose_section))
    story.append(_days_table(w, p, closed_days))

    # 8. Still open
    story.append(para(t(PERIOD_SECTION_TITLES[7]), section))
    groups = (
        (QT_TRANSLATE_NOOP("reports", "Follow-ups and call-backs"), p.follow_ups),
        (QT_TRANSLATE_NOOP("reports", "Unresolved appointments"), p.unresolved_appointments),
        (QT_TRANSLATE_NOOP("reports", "Visitors still open"), p.open_visits),
    )
    story += open_section(w, groups, p.care.open_for_tomorrow, limit=OPEN_LISTED)

    # 9. Sign-off
    story.append(_sign_off(w, p, closed_days))

    font.check(*w.texts)
    return build_pdf(story, font, title, who, generated, page_of)


def _period_notes(w: Writer, p: PeriodSummary) -> list:
    """Under the title: the days the period has and how many were closed, whether it is
    over, and a word when nothing was recorded."""
    t, para, small = w.t, w.para, w.small
    story = [
        para(
            t(
                QT_TRANSLATE_NOOP(
                    "reports",
                    "{first} to {last}: {working} working days, {closed} days closed.",
                )
            ).format(
                first=p.first.isoformat(),
                last=p.last.isoformat(),
                working=p.working_days,
                closed=p.days_closed,
            ),
            small,
        )
    ]
    if p.as_of < p.last:
        story.append(
            para(
                t(
                    QT_TRANSLATE_NOOP("reports", "The period is not over: figures up to {date}.")
                ).format(date=p.as_of.isoformat()),
                small,
            )
        )
    if p.empty:
        story += empty_note(
            w,
            t(
                QT_TRANSLATE_NOOP(
                    "reports",
                    "Nothing was recorded in this period: no visitors, appointments, sales, "
                    "calls or colleague support.",
                )
            ),
        )
    return story


def _period_charts(w: Writer, p: PeriodSummary) -> list:
    """Arrivals and waits by day, the time on client work by day (stacked by source)
    against the day's target, and the period's work bar with its line."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    t, para, font, translate = w.t, w.para, w.font, w.translate
    story: list = []
    words = w.chart_words(p.visitors.wait_target_minutes)
    labels = [f"{d.day:%m-%d}" if p.kind == "week" else str(d.day.day) for d in p.days]
    arrived = bool(p.visitors.arrived)
    arrivals = (
        words["arrivals_day"],
        [("", [d.arrived for d in p.days], BAR)],
        None,
        words["none"],
    )
    waits = (
        words["wait_day"],
        [("", [minutes_of(d.average_wait) for d in p.days], BAR_2)],
        (p.visitors.wait_target_minutes, words["target"]),
        words["no_waits"] if arrived else words["none"],
    )
    if len(labels) <= 10:
        story.append(bar_charts(labels, [arrivals, waits], font))
    else:  # a month's bars need the page's width to be read
        story.append(bar_charts(labels, [arrivals], font, height_mm=42))
        story.append(bar_charts(labels, [waits], font, height_mm=42))
    target_line = (
        p.day_target_minutes,
        t(QT_TRANSLATE_NOOP("reports", "target {minutes} min a day")).format(
            minutes=p.day_target_minutes
        ),
    )
    w.texts.append(target_line[1])
    # Stacked by source, in the colours the client-work bar below gives each.
    work_series = [
        (words["services"], [d.service_minutes for d in p.days], BAR),
        (words["calls"], [d.call_minutes for d in p.days], BAR_2),
        (words["support"], [d.support_minutes for d in p.days], BAR_3),
    ]
    story.append(
        bar_charts(
            labels,
            [(words["work_day"], work_series, target_line, words["no_work"])],
            font,
            height_mm=48,
        )
    )
    story.append(Spacer(1, 3 * mm))
    story.append(work_chart(p.work, font, words, translate))
    story.append(para(work_time_line(p.work, translate, to_date=not p.over)))
    average = p.average_work_minutes
    if p.over:
        per_day = QT_TRANSLATE_NOOP(
            "reports", "Per working day: {average} against {target} a day ({share})"
        )
    else:
        per_day = QT_TRANSLATE_NOOP(
            "reports",
            "Per working day to date ({days} of {working}): {average} against {target} a day "
            "({share})",
        )
    story.append(
        para(
            t(per_day).format(
                days=p.working_days_counted,
                working=p.working_days,
                average=NONE if average is None else minutes_text(average, translate),
                target=minutes_text(p.day_target_minutes, translate),
                share=NONE
                if average is None or not p.day_target_minutes
                else percent(average / p.day_target_minutes),
            )
        )
    )
    return story


def _days_table(w: Writer, p: PeriodSummary, closed_days: str):
    """One row a day and a total: visitors, waits, sales, client work, closed or not."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import TableStyle

    t, translate = w.t, w.translate
    yes = t(QT_TRANSLATE_NOOP("reports", "yes"))
    rows = [
        [
            t(QT_TRANSLATE_NOOP("reports", "Date")),
            t(QT_TRANSLATE_NOOP("reports", "Arrived")),
            t(QT_TRANSLATE_NOOP("reports", "Served")),
            t(QT_TRANSLATE_NOOP("reports", "Average wait")),
            t(QT_TRANSLATE_NOOP("reports", "Sales")),
            t(QT_TRANSLATE_NOOP("reports", "Amount")),
            t(QT_TRANSLATE_NOOP("reports", "Client work")),
            t(QT_TRANSLATE_NOOP("reports", "Closed")),
        ]
    ]
    for d in p.days:
        day_text = d.day.isoformat()
        if not d.working:
            day_text += " " + t(QT_TRANSLATE_NOOP("reports", "(closed day)"))
        rows.append(
            [
                day_text,
                str(d.arrived),
                str(d.served),
                duration_text(d.average_wait, translate),
                str(d.sales_count),
                yuan(d.sales_fen) if d.sales_count else NONE,
                minutes_text(d.work_minutes, translate),
                yes if d.closed else "",
            ]
        )
    rows.append(
        [
            t(QT_TRANSLATE_NOOP("reports", "Total")),
            str(p.visitors.arrived),
            str(p.visitors.served),
            duration_text(p.visitors.average_wait, translate),
            str(p.sales.totals.count),
            yuan(p.sales.totals.amount_fen),
            minutes_text(p.work.total_minutes, translate),
            closed_days,
        ]
    )
    widths = [38 * mm, 16 * mm, 16 * mm, 22 * mm, 14 * mm, 32 * mm, 26 * mm, 18 * mm]
    days_table = w.grid(
        rows,
        widths,
        numbers_from=1,
        repeatRows=1,
        align=lambda r, c: "CENTER" if c == 7 and r else None,
    )
    days_table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor(HEAD)),
                ("ALIGN", (7, 1), (7, -1), "CENTER"),
            ]
        )
    )
    return days_table


def _sign_off(w: Writer, p: PeriodSummary, closed_days: str):
    """Section 9, kept on one page: the days worked and closed, the notices, the signature."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer

    t = w.t
    end: list = [w.para(t(PERIOD_SECTION_TITLES[8]), w.section)]
    end.append(
        w.pairs(
            [
                (t(QT_TRANSLATE_NOOP("reports", "Working days")), str(p.working_days)),
                (t(QT_TRANSLATE_NOOP("reports", "Days closed")), closed_days),
                (t(QT_TRANSLATE_NOOP("reports", "Door notices printed or saved")), str(p.notices)),
            ],
            columns=3,
        )
    )
    end.append(Spacer(1, 8 * mm))
    end.append(signature(w))
    return KeepTogether(end)
