"""The day-close PDF of one day."""

from __future__ import annotations

from pathlib import Path

from ...domain.errors import QT_TRANSLATE_NOOP
from ...private_files import write_atomically
from ...services.day_close import DaySummary
from ..fonts import Font
from .charts import hour_charts, work_chart
from .compliance import compliance_section
from .sales import sales_section
from .sections import (
    appointments_section,
    care_section,
    complaints_section,
    empty_note,
    open_section,
    signature,
    support_section,
    visitors_section,
)
from .style import NONE, Translate, Writer, build_pdf, no_translation
from .words import clock_time, duration_text, outcome_text, work_time_line

SECTION_TITLES = (
    QT_TRANSLATE_NOOP("reports", "1. Visitors"),
    QT_TRANSLATE_NOOP("reports", "2. Charts"),
    QT_TRANSLATE_NOOP("reports", "3. Appointments"),
    QT_TRANSLATE_NOOP("reports", "4. Care"),
    QT_TRANSLATE_NOOP("reports", "5. Sales"),
    QT_TRANSLATE_NOOP("reports", "6. Colleague support"),
    QT_TRANSLATE_NOOP("reports", "7. Visits"),
    QT_TRANSLATE_NOOP("reports", "8. Open for tomorrow"),
    QT_TRANSLATE_NOOP("reports", "9. End of day"),
)


def day_close_pdf(
    target: Path,
    summary: DaySummary,
    font: Font,
    translate: Translate = no_translation,
) -> Path:
    """Write *summary* to *target* as the day-close PDF and return it: made in memory,
    written to a temporary file in the same folder and renamed, so a character the font
    lacks (:class:`~wealthdesk.reports.fonts.FontError`, raised before anything is
    written) or a failed write leaves no file; ``OSError`` says why a folder cannot be
    written."""
    data = render_day_close(summary, font, translate)
    return write_atomically(Path(target), data)


def _audit_chain_note(w: Writer, report):
    """The audit log's check, stated on the day close: intact (with the last entry's
    hash, so that a later rewrite of the whole log shows against this paper), or where
    it breaks, in the alarm colour."""
    from ...services.audit import chain_verdict

    text = chain_verdict(report, w.translate)
    if report.intact:
        text += " " + w.t(QT_TRANSLATE_NOOP("reports", "Last entry's hash: {hash}")).format(
            hash=report.head[:16] or "—"
        )
        return w.para(text, w.small)
    text += " " + w.t(
        QT_TRANSLATE_NOOP("reports", "Run wealthdesk audit-verify and report it to compliance.")
    )
    return w.para(text, w.alarm)


def render_day_close(summary: DaySummary, font: Font, translate: Translate = no_translation):
    """The day-close PDF of *summary* as bytes."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    s = summary
    w = Writer(font, translate)
    t, para, section = w.t, w.para, w.section

    title = w.say(
        t(QT_TRANSLATE_NOOP("reports", "Day close {date}")).format(date=s.day.isoformat())
    )
    who, generated, page_of = w.header_texts(w.who(s.branch, s.manager, s.desk), s.generated_at)

    story: list = [para(title, w.title), *_day_notes(w, s)]

    # 1. Visitors
    story.append(para(t(SECTION_TITLES[0]), section))
    story.append(visitors_section(w, s.visitors))

    # 2. Charts
    story.append(para(t(SECTION_TITLES[1]), section))
    chart_texts = w.chart_words(s.visitors.wait_target_minutes)
    story.append(hour_charts(s, font, chart_texts))
    story.append(Spacer(1, 3 * mm))
    story.append(work_chart(s.work, font, chart_texts, translate))
    story.append(para(work_time_line(s.work, translate)))

    # 3. Appointments
    story.append(para(t(SECTION_TITLES[2]), section))
    story.append(appointments_section(w, s.appointments))

    # 4. Care
    c = s.care
    story.append(para(t(SECTION_TITLES[3]), section))
    story.append(care_section(w, c))

    # 5. Sales
    story += sales_section(w, s.sales, para(t(SECTION_TITLES[4]), section))
    story.append(
        para(t(QT_TRANSLATE_NOOP("reports", "Financial plans made: {count}")).format(count=s.plans))
    )

    # 6. Colleague support
    story.append(para(t(SECTION_TITLES[5]), section))
    story.append(support_section(w, c))
    if s.supports:
        story.append(Spacer(1, 2 * mm))
        story.append(_supports_table(w, s.supports))

    # Complaints: a section of its own, after the day's work and before the visits.
    if s.complaints is not None:
        story += complaints_section(w, s.complaints)
    if s.compliance is not None:
        story += compliance_section(w, s.compliance)

    # 7. Visits: a heading kept with a long table would push both to a new page
    story.append(para(t(SECTION_TITLES[6]), w.loose_section))
    if s.visits:
        story.append(_visits_table(w, s.visits))
    else:
        story.append(para(t(QT_TRANSLATE_NOOP("reports", "No visitors on this day.")), w.small))

    # 8. Open for tomorrow
    story.append(para(t(SECTION_TITLES[7]), section))
    groups = (
        (QT_TRANSLATE_NOOP("reports", "Follow-ups and call-backs"), s.follow_ups),
        (QT_TRANSLATE_NOOP("reports", "Unresolved appointments"), s.unresolved_appointments),
        (QT_TRANSLATE_NOOP("reports", "Visitors still open"), s.open_visits),
    )
    story += open_section(w, groups, c.open_for_tomorrow)

    # 9. End of day: notices, checklist, signature
    story.append(_end_of_day(w, s))

    font.check(*w.texts)
    return build_pdf(story, font, title, who, generated, page_of)


def _day_notes(w: Writer, s: DaySummary) -> list:
    """Under the title: an earlier close of the day (and whether this is an amendment),
    the audit log's check, and a word when nothing was recorded."""
    t = w.t
    story: list = []
    if s.closes:
        last = s.closes[-1]
        note = t(
            QT_TRANSLATE_NOOP(
                "reports",
                "Version {version}: the day was closed before at {time} (version {previous}, "
                "kept).",
            )
        ).format(version=s.version, time=f"{last.closed_at:%Y-%m-%d %H:%M}", previous=last.version)
        if s.amended:
            note += " " + t(
                QT_TRANSLATE_NOOP(
                    "reports", "Records of the day were changed since: this is an amendment."
                )
            )
        story.append(w.para(note, w.alarm if s.amended else w.small))
    if s.audit_chain is not None:
        story.append(_audit_chain_note(w, s.audit_chain))
    if s.empty:
        story += empty_note(
            w,
            t(
                QT_TRANSLATE_NOOP(
                    "reports",
                    "Nothing was recorded on this day: no visitors, appointments, sales, "
                    "calls or colleague support.",
                )
            ),
        )
    return story


def _supports_table(w: Writer, supports) -> object:
    """The day's colleague support, one row each."""
    from reportlab.lib.units import mm

    t, d = w.t, w.d
    rows = [
        [
            t(QT_TRANSLATE_NOOP("reports", "Time")),
            t(QT_TRANSLATE_NOOP("reports", "Colleague")),
            t(QT_TRANSLATE_NOOP("reports", "Support")),
            t(QT_TRANSLATE_NOOP("reports", "Minutes")),
            t(QT_TRANSLATE_NOOP("reports", "Sale followed")),
        ]
    ]
    yes, no = t(QT_TRANSLATE_NOOP("reports", "yes")), t(QT_TRANSLATE_NOOP("reports", "no"))
    for sup in supports:
        rows.append(
            [
                clock_time(sup.supported_at),
                sup.colleague,
                d(sup.kind.label),
                str(sup.duration_minutes),
                yes if sup.sale_followed else no,
            ]
        )
    return w.grid(rows, [22 * mm, 40 * mm, 60 * mm, 25 * mm, 35 * mm], numbers_from=3, repeatRows=1)


def _visits_table(w: Writer, visits) -> object:
    """The day's visits: ticket, masked client, desk, times, wait, service, outcome."""
    from reportlab.lib.units import mm
    from reportlab.platypus import TableStyle

    t, translate = w.t, w.translate
    rows = [
        [
            t(QT_TRANSLATE_NOOP("reports", "Ticket")),
            t(QT_TRANSLATE_NOOP("reports", "Client")),
            t(QT_TRANSLATE_NOOP("reports", "Desk")),
            t(QT_TRANSLATE_NOOP("reports", "Arrived")),
            t(QT_TRANSLATE_NOOP("reports", "Called")),
            t(QT_TRANSLATE_NOOP("reports", "Finished")),
            t(QT_TRANSLATE_NOOP("reports", "Wait")),
            t(QT_TRANSLATE_NOOP("reports", "Service")),
            t(QT_TRANSLATE_NOOP("reports", "Outcome")),
        ]
    ]
    for r in visits:
        rows.append(
            [
                r.ticket,
                r.masked_name or NONE,
                r.desk or NONE,
                clock_time(r.arrived_at),
                clock_time(r.called_at),
                clock_time(r.finished_at),
                duration_text(r.wait, translate),
                duration_text(r.service, translate),
                outcome_text(r, translate),
            ]
        )
    widths = [15 * mm, 20 * mm, 11 * mm, 15 * mm, 15 * mm, 15 * mm, 22 * mm, 22 * mm, 47 * mm]
    table = w.grid(
        rows,
        widths,
        numbers_from=3,
        repeatRows=1,
        align=lambda r, c: "LEFT" if c == 8 else None,
    )
    table.setStyle(TableStyle([("ALIGN", (8, 1), (8, -1), "LEFT")]))
    return table


def _end_of_day(w: Writer, s: DaySummary):
    """Section 9, kept on one page: the door notices, the checklist, the signature."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer

    t, d, para, small = w.t, w.d, w.para, w.small
    end: list = [para(t(SECTION_TITLES[8]), w.section)]
    if s.notices:
        end.append(para(t(QT_TRANSLATE_NOOP("reports", "Door notices printed or saved")), w.sub))
        printed = t(QT_TRANSLATE_NOOP("reports", "printed"))
        saved = t(QT_TRANSLATE_NOOP("reports", "saved"))
        for n in s.notices:
            how = printed if n.how == "printed" else saved
            end.append(para(f"• {n.at:%H:%M} {d(n.label)} ({how})"))
    else:
        end.append(
            para(t(QT_TRANSLATE_NOOP("reports", "No door notices printed or saved.")), small)
        )
    end.append(para(t(QT_TRANSLATE_NOOP("reports", "Checklist")), w.sub))
    for item in s.checklist:
        mark = "■" if item.ticked else "□"
        end.append(para(f"{mark} {d(item.text)}"))
    ticked = sum(1 for i in s.checklist if i.ticked)
    end.append(
        para(
            t(QT_TRANSLATE_NOOP("reports", "{ticked} of {total} ticked")).format(
                ticked=ticked, total=len(s.checklist)
            ),
            small,
        )
    )
    end.append(Spacer(1, 8 * mm))
    end.append(signature(w))
    return KeepTogether(end)
