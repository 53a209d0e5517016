"""Words and numbers as the day close prints them (the Day close page shows the same)."""

from __future__ import annotations

import datetime as dt

from ...domain import durations
from ...domain.errors import QT_TRANSLATE_NOOP
from ...domain.queue import ServiceOutcome, VisitState
from ...services.day_close import OpenItem, VisitRow
from .style import NONE, Translate, no_translation


def duration_text(value: dt.timedelta | None, translate: Translate = no_translation) -> str:
    """``12 min``, ``1 h 05 min``; a dash when unknown (the one format of
    :mod:`wealthdesk.domain.durations`)."""
    return durations.duration_text(value, translate)


def minutes_text(minutes: int, translate: Translate = no_translation) -> str:
    return durations.minutes_text(minutes, translate)


def percent(share: float | None) -> str:
    return NONE if share is None else f"{round(share * 100)}%"


def clock_time(moment: dt.datetime | None) -> str:
    return f"{moment:%H:%M}" if moment else NONE


def work_time_line(work, translate: Translate = no_translation, to_date: bool = False) -> str:
    """``Time on client work: 2 h 25 min of 5 h 00 min (48%); services …``; on a day the
    branch is closed there is no target; *to_date*: a period that is not over."""
    if not work.target_minutes:
        return translate(
            "reports",
            QT_TRANSLATE_NOOP(
                "reports",
                "Time on client work: {total} (no target: not a working day); services "
                "{services}, calls {calls}, support {support}",
            ),
        ).format(
            total=minutes_text(work.total_minutes, translate),
            services=minutes_text(work.service_minutes, translate),
            calls=minutes_text(work.call_minutes, translate),
            support=minutes_text(work.support_minutes, translate),
        )
    if to_date:
        text = QT_TRANSLATE_NOOP(
            "reports",
            "Time on client work to date: {total} of {target} ({share}); services "
            "{services}, calls {calls}, support {support}",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "reports",
            "Time on client work: {total} of {target} ({share}); services {services}, "
            "calls {calls}, support {support}",
        )
    return translate("reports", text).format(
        total=minutes_text(work.total_minutes, translate),
        target=minutes_text(work.target_minutes, translate),
        share=percent(work.share),
        services=minutes_text(work.service_minutes, translate),
        calls=minutes_text(work.call_minutes, translate),
        support=minutes_text(work.support_minutes, translate),
    )


def outcome_text(row: VisitRow, translate: Translate = no_translation) -> str:
    """What became of a visit: the service's outcome once done, else its state."""
    if row.state is VisitState.DONE and row.outcome:
        try:
            return translate("domain", ServiceOutcome(row.outcome).label)
        except ValueError:
            return row.outcome
    return translate("domain", row.state.label)


def open_item_text(item: OpenItem, translate: Translate = no_translation) -> str:
    if item.what == "appointment":
        what = translate("reports", QT_TRANSLATE_NOOP("reports", "Appointment"))
    else:
        try:
            from ...domain.care import CareKind

            what = translate("domain", CareKind(item.what).label)
        except ValueError:
            what = translate("domain", VisitState(item.what).label)
    parts = [what, item.masked_name or NONE, item.when]
    if item.detail:
        parts.append(item.detail)
    return " · ".join(parts)
