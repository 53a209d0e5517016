"""The sections a day and a period share (but sales: ``sales.py``): visitors,
appointments, care, colleague support, what stays open, complaints, the signature."""

from __future__ import annotations

from ...domain.appointment import AppointmentFigures
from ...domain.care import CallOutcome
from ...domain.errors import QT_TRANSLATE_NOOP
from ...services.care import CareFigures
from ...services.day_close import VisitorFigures
from .style import NONE, Writer
from .words import duration_text, minutes_text, open_item_text, percent


def visitors_section(w: Writer, v: VisitorFigures):
    t = w.t
    over = NONE
    if v.waits_known:
        over = t(QT_TRANSLATE_NOOP("reports", "{count} of {known} ({share})")).format(
            count=v.over_target, known=v.waits_known, share=percent(v.share_over_target)
        )
    items = [
        (t(QT_TRANSLATE_NOOP("reports", "Arrived")), str(v.arrived)),
        (t(QT_TRANSLATE_NOOP("reports", "Served")), str(v.served)),
        (t(QT_TRANSLATE_NOOP("reports", "No-shows")), str(v.no_show)),
        (t(QT_TRANSLATE_NOOP("reports", "Left without service")), str(v.left)),
        (
            t(QT_TRANSLATE_NOOP("reports", "Average wait")),
            duration_text(v.average_wait, w.translate),
        ),
        (
            t(QT_TRANSLATE_NOOP("reports", "Longest wait")),
            duration_text(v.longest_wait, w.translate),
        ),
        (
            t(QT_TRANSLATE_NOOP("reports", "Waited longer than {minutes} min")).format(
                minutes=v.wait_target_minutes
            ),
            over,
        ),
        (
            t(QT_TRANSLATE_NOOP("reports", "Average service time")),
            duration_text(v.average_service, w.translate),
        ),
    ]
    if v.waiting or v.parked:
        items.append((t(QT_TRANSLATE_NOOP("reports", "Still waiting")), str(v.waiting + v.parked)))
    return w.pairs(items)


def appointments_section(w: Writer, a: AppointmentFigures):
    t = w.t
    return w.pairs(
        [
            (t(QT_TRANSLATE_NOOP("reports", "Booked")), str(a.booked)),
            (t(QT_TRANSLATE_NOOP("reports", "Kept")), str(a.kept)),
            (t(QT_TRANSLATE_NOOP("reports", "Late")), str(a.late)),
            (t(QT_TRANSLATE_NOOP("reports", "No-show")), str(a.no_show)),
            (t(QT_TRANSLATE_NOOP("reports", "Cancelled")), str(a.cancelled)),
            (t(QT_TRANSLATE_NOOP("reports", "Rescheduled")), str(a.rescheduled)),
        ],
        columns=3,
    )


def care_section(w: Writer, c: CareFigures):
    t = w.t
    items = [
        (t(QT_TRANSLATE_NOOP("reports", "Tasks planned")), str(c.tasks_planned)),
        (t(QT_TRANSLATE_NOOP("reports", "Tasks done")), str(c.tasks_done)),
        (t(QT_TRANSLATE_NOOP("reports", "Calls")), str(c.calls)),
        (t(QT_TRANSLATE_NOOP("reports", "Call time")), minutes_text(c.call_minutes, w.translate)),
    ]
    items += [(w.d(o.label), str(c.calls_by_outcome.get(o, 0))) for o in CallOutcome]
    items += [
        (t(QT_TRANSLATE_NOOP("reports", "Information sent")), str(c.info_sent)),
        (t(QT_TRANSLATE_NOOP("reports", "Invitations made")), str(c.invitations_done)),
    ]
    return w.pairs(items)


def support_section(w: Writer, c: CareFigures):
    t = w.t
    return w.pairs(
        [
            (t(QT_TRANSLATE_NOOP("reports", "Times supported")), str(c.support_count)),
            (
                t(QT_TRANSLATE_NOOP("reports", "Support time")),
                minutes_text(c.support_minutes, w.translate),
            ),
            (t(QT_TRANSLATE_NOOP("reports", "Followed by a sale")), str(c.support_sales)),
        ],
        columns=3,
    )


def open_section(w: Writer, groups, care_open: int, limit: int | None = None) -> list:
    """Counts of what stays open, then each item (the first *limit* of each kind)."""
    t = w.t
    story = [
        w.pairs(
            [(t(label), str(len(items))) for label, items in groups]
            + [
                (
                    t(QT_TRANSLATE_NOOP("reports", "Care tasks due by tomorrow")),
                    str(care_open),
                )
            ]
        )
    ]
    for label, items in groups:
        if items:
            story.append(w.para(t(label), w.sub))
            for item in items[:limit]:
                story.append(w.para("• " + open_item_text(item, w.translate)))
            if limit is not None and len(items) > limit:
                more = t(QT_TRANSLATE_NOOP("reports", "… and {count} more")).format(
                    count=len(items) - limit
                )
                story.append(w.para(more, w.small))
    return story


COMPLAINTS_TITLE = QT_TRANSLATE_NOOP("reports", "Complaints")


def complaints_section(w: Writer, day) -> list:
    """The day's new and resolved complaints and those open past their deadline: who
    (masked), about what, handled by whom, the deadline and how it stands."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    t, d = w.t, w.d
    story = [w.para(t(COMPLAINTS_TITLE), w.section)]
    story.append(
        w.pairs(
            [
                (t(QT_TRANSLATE_NOOP("reports", "Received today")), str(len(day.new))),
                (t(QT_TRANSLATE_NOOP("reports", "Resolved today")), str(len(day.resolved))),
                (t(QT_TRANSLATE_NOOP("reports", "Overdue")), str(len(day.overdue))),
            ],
            columns=3,
        )
    )
    groups = (
        (QT_TRANSLATE_NOOP("reports", "Received today"), day.new),
        (QT_TRANSLATE_NOOP("reports", "Resolved today"), day.resolved),
        (QT_TRANSLATE_NOOP("reports", "Overdue"), day.overdue),
    )
    answers = {
        True: t(QT_TRANSLATE_NOOP("reports", "accepted")),
        False: t(QT_TRANSLATE_NOOP("reports", "not accepted")),
        None: t(QT_TRANSLATE_NOOP("reports", "answer not known")),
    }
    rows = [
        [
            t(QT_TRANSLATE_NOOP("reports", "Complaint")),
            t(QT_TRANSLATE_NOOP("reports", "Client")),
            t(QT_TRANSLATE_NOOP("reports", "About")),
            t(QT_TRANSLATE_NOOP("reports", "Handled by")),
            t(QT_TRANSLATE_NOOP("reports", "Answer by")),
            t(QT_TRANSLATE_NOOP("reports", "State")),
        ]
    ]
    for label, complaints in groups:
        for c in complaints:
            if c.resolved_at is not None and c.status.value == "resolved":
                state = answers[c.accepted]
            else:
                state = t(label)
            rows.append(
                [
                    f"{c.id} · {t(label)}",
                    c.masked_name or c.masked_phone,
                    d(c.category.label),
                    c.handler,
                    c.deadline.isoformat(),
                    state,
                ]
            )
    if len(rows) > 1:
        story.append(Spacer(1, 2 * mm))
        story.append(
            w.grid(
                rows,
                [34 * mm, 22 * mm, 40 * mm, 24 * mm, 24 * mm, 32 * mm],
                numbers_from=6,
                repeatRows=1,
            )
        )
    return story


def signature(w: Writer):
    line = "_" * 18
    return w.para(
        w.t(QT_TRANSLATE_NOOP("reports", "Manager's signature: {line}    Date: {line}")).format(
            line=line
        )
    )


def empty_note(w: Writer, text: str) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    return [Spacer(1, 2 * mm), w.para(text, w.sub)]
