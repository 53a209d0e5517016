"""The day agenda and week view's model: each appointment placed on its day and in time,
side by side with the ones it overlaps; masked names only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt

from ...domain.appointment import AppointmentStatus
from ...domain.calendar import OfficeHours
from ...i18n import domain_text
from ...services.appointments import AppointmentInfo
from ..models import announce_retranslated
from .appointment_model import purposes_text, shown_name, time_text, without_private

APPOINTMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DAY_ROLE = Qt.ItemDataRole.UserRole + 2  # the column: 0 for the first day shown
START_ROLE = Qt.ItemDataRole.UserRole + 3  # minutes after midnight
END_ROLE = Qt.ItemDataRole.UserRole + 4
LANE_ROLE = Qt.ItemDataRole.UserRole + 5  # side by side with overlapping ones: 0…lanes-1
LANES_ROLE = Qt.ItemDataRole.UserRole + 6
STATUS_ROLE = Qt.ItemDataRole.UserRole + 7  # the AppointmentStatus value
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 8  # the checklist ticked, 0.0 to 1.0

# Gone from the day: the list view still shows them, the agenda keeps the time free.
HIDDEN = frozenset({AppointmentStatus.CANCELLED, AppointmentStatus.RESCHEDULED})


@dataclass(frozen=True, slots=True)
class Placed:
    """An appointment's place on the agenda."""

    appointment: AppointmentInfo
    day: int
    start: int  # minutes after midnight
    end: int
    lane: int
    lanes: int


@dataclass(frozen=True, slots=True)
class AgendaDay:
    date: dt.date
    closed: str = ""  # why the branch is closed, already translated; "" on a working day
    note: str = ""  # an open day's remark ("Make-up working day"), translated; shown when open


def _minutes(moment: dt.datetime) -> int:
    return moment.hour * 60 + moment.minute


def lay_out(days: Sequence[dt.date], appointments: Iterable[AppointmentInfo]) -> list[Placed]:
    """Place *appointments* falling on *days*: those that overlap share the width in
    lanes, each group of overlapping ones as wide as it needs and no wider. Ordered by
    day, then start; cancelled and rescheduled ones are left out."""
    column = {day: n for n, day in enumerate(days)}
    by_day: dict[int, list[AppointmentInfo]] = {}
    for a in appointments:
        n = column.get(a.start.date())
        if n is not None and a.status not in HIDDEN:
            by_day.setdefault(n, []).append(a)
    placed: list[Placed] = []
    for n in sorted(by_day):
        ordered = sorted(by_day[n], key=lambda a: (a.start, a.end, a.id))
        group: list[tuple[AppointmentInfo, int, int, int]] = []  # (a, start, end, lane)
        lane_ends: list[int] = []
        group_end = -1
        for a in ordered:
            start = _minutes(a.start)
            end = max(start + 1, _minutes(a.end) if a.end.date() == a.start.date() else 24 * 60)
            if start >= group_end and group:
                placed += _close_group(n, group, len(lane_ends))
                group, lane_ends = [], []
            lane = next((i for i, e in enumerate(lane_ends) if e <= start), len(lane_ends))
            if lane == len(lane_ends):
                lane_ends.append(end)
            else:
                lane_ends[lane] = end
            group.append((a, start, end, lane))
            group_end = max(group_end, end) if group_end > start else end
        if group:
            placed += _close_group(n, group, len(lane_ends))
    return placed


def _close_group(day: int, group: list, lanes: int) -> list[Placed]:
    return [Placed(a, day, start, end, lane, lanes) for a, start, end, lane in group]


class AgendaModel(QAbstractListModel):
    """One row per placed appointment, over the days shown (one for the day agenda,
    the working days of a week for the week view)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.days: list[AgendaDay] = []
        self.hours: OfficeHours | None = None
        self._placed: list[Placed] = []
        self._minutes_shown = self._find_minutes_shown()

    def show(
        self,
        days: Sequence[AgendaDay],
        appointments: Iterable[AppointmentInfo],
        hours: OfficeHours | None = None,
    ) -> None:
        self.beginResetModel()
        self.days = list(days)
        self.hours = hours
        # The agenda keeps no full name and no notes, as the table.
        kept = (without_private(a) for a in appointments)
        self._placed = lay_out([d.date for d in self.days], kept)
        self._minutes_shown = self._find_minutes_shown()
        self.endResetModel()

    def clear(self) -> None:
        self.show([], [])

    def retranslate(self) -> None:
        announce_retranslated(self)

    # -- looking up
    @property
    def placed(self) -> list[Placed]:
        return self._placed

    def row_of(self, appointment_id: int) -> int:
        return next(
            (i for i, p in enumerate(self._placed) if p.appointment.id == appointment_id), -1
        )

    def minutes_shown(self) -> tuple[int, int]:
        """The minutes to show, whole hours: the office day, widened to take in any
        appointment outside it."""
        return self._minutes_shown

    def _find_minutes_shown(self) -> tuple[int, int]:
        first, last = 9 * 60, 17 * 60
        if self.hours is not None:
            first = self.hours.open.hour * 60 + self.hours.open.minute
            last = self.hours.close.hour * 60 + self.hours.close.minute
        for p in self._placed:
            first, last = min(first, p.start), max(last, p.end)
        return first // 60 * 60, min(24 * 60, -(-last // 60) * 60)

    # -- Qt model
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._placed)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._placed):
            return None
        p = self._placed[index.row()]
        a = p.appointment
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{a.start:%H:%M} {shown_name(a)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe(a)
        if role == APPOINTMENT_ID_ROLE:
            return a.id
        if role == DAY_ROLE:
            return p.day
        if role == START_ROLE:
            return p.start
        if role == END_ROLE:
            return p.end
        if role == LANE_ROLE:
            return p.lane
        if role == LANES_ROLE:
            return p.lanes
        if role == STATUS_ROLE:
            return a.status.value
        if role == PROGRESS_ROLE:
            return a.progress
        return None


def describe(a: AppointmentInfo) -> str:
    """What a block says when pointed at or read aloud: time, masked name, purposes,
    status and preparation."""
    prepared = (
        QCoreApplication.translate("AgendaModel", "prepared {done} of {total}").format(
            done=a.items_done, total=a.items_total
        )
        if a.items_total
        else QCoreApplication.translate("AgendaModel", "nothing to prepare")
    )
    parts = [
        time_text(a),
        shown_name(a),
        purposes_text(a),
        domain_text(a.status.label),
        prepared,
    ]
    return " · ".join(part for part in parts if part)


__all__ = [
    "HIDDEN",
    "AgendaDay",
    "AgendaModel",
    "Placed",
    "describe",
    "lay_out",
]
