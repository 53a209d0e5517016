"""The queue page's table: who is waiting, in call order, then who is set aside."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from operator import attrgetter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QPalette

from ...domain.client import Tier
from ...domain.durations import duration_text, minutes_text
from ...domain.queue import CareNeed, VisitState
from ...i18n import domain_text, translate
from ...services.queue import QueueSnapshot, VisitInfo
from ..models import ID_ROLE, NUMBER_ALIGNMENT, OWN_ROLE, TableModel

COL_TICKET, COL_NAME, COL_TIER, COL_PURPOSE, COL_WAITED, COL_ESTIMATE = range(6)
COLUMN_COUNT = 6

VISIT_ID_ROLE = ID_ROLE
VISIT_ROLE = OWN_ROLE  # the row's VisitInfo (no full name, no notes)

NO_TIER = "—"  # an anonymous walk-in
# Sort keys: an anonymous walk-in after standard clients; the parked after everyone
# in line, whatever the estimate.
_NO_TIER_RANK = Tier.NORMAL.rank + 1
_PARKED_ESTIMATE = 1_000_000

# What the table keeps of a visit and compares between snapshots: everything but the
# full name and the notes, which it never holds.
_PRIVATE = ("name", "notes")
_SHOWN_FIELDS = attrgetter(
    *(f.name for f in dataclasses.fields(VisitInfo) if f.name not in _PRIVATE)
)


def _without_private(visit: VisitInfo) -> VisitInfo:
    """The visit as the table may hold it: the full name and the notes left out (the
    list shows masked names only, and notes may say anything about the client)."""
    if not visit.name and not visit.notes:
        return visit
    # dataclasses.replace() re-runs the frozen __init__, field by field; when the first
    # in line is called every row changes its place, and 500 of those took milliseconds.
    kept = object.__new__(VisitInfo)
    kept.__dict__.update(visit.__dict__, name="", notes="")
    return kept


def _runs(rows: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows."""
    start = previous = None
    for row in rows:
        if previous is not None and row == previous + 1:
            previous = row
            continue
        if start is not None:
            yield start, previous
        start = previous = row
    if start is not None:
        yield start, previous


def care_badge(visit: VisitInfo) -> str:
    """The short mark of a visitor called first: ``65+``, ``Assistance``, or both."""
    marks = {
        CareNeed.OLDER: translate("QueueModel", "65+"),
        CareNeed.ASSISTANCE: translate("QueueModel", "Assistance"),
    }
    return " ".join(marks[need] for need in visit.care_needs)


def waited_text(waited: dt.timedelta) -> str:
    """``12 min``; ``1 h 05 min`` from an hour on."""
    return duration_text(waited, QCoreApplication.translate)


class QueueTableModel(TableModel):
    """Rows are the visitors in line (call order), then the parked (by arrival).

    :meth:`set_snapshot` applies a new :class:`QueueSnapshot` as the smallest change:
    unchanged rows are left alone, so a selection or an open editor stays on its visitor.
    The waited time runs on with :meth:`tick`.
    """

    CONTEXT = "QueueModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("QueueModel", "Ticket"),
        QT_TRANSLATE_NOOP("QueueModel", "Name"),
        QT_TRANSLATE_NOOP("QueueModel", "Tier"),
        QT_TRANSLATE_NOOP("QueueModel", "Purpose"),
        QT_TRANSLATE_NOOP("QueueModel", "Waited"),
        QT_TRANSLATE_NOOP("QueueModel", "Estimated wait"),
    )
    NUMBER_COLUMNS = frozenset({COL_WAITED, COL_ESTIMATE})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._row_of: dict[int, int] = {}
        self._now: dt.datetime | None = None
        self._italic: QFont | None = None
        self.figures = None  # the last snapshot's DayFigures

    # -- updating
    def set_snapshot(self, snapshot: QueueSnapshot) -> None:
        """Show *snapshot*: rows gone are removed, new ones inserted where they belong,
        a changed order is applied as a layout change, and changed rows are announced."""
        self.figures = snapshot.figures
        self._now = snapshot.taken_at
        incoming = snapshot.waiting + snapshot.parked
        wanted = [visit.id for visit in incoming]
        self._remove_gone(set(wanted))
        self._reorder_kept(wanted)
        self._insert_new(incoming)
        self._refresh_changed(incoming)
        self._row_of = {visit.id: row for row, visit in enumerate(self._rows)}

    def _remove_gone(self, wanted: set[int]) -> None:
        gone = [row for row, visit in enumerate(self._rows) if visit.id not in wanted]
        for first, last in reversed(list(_runs(gone))):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()

    def _reorder_kept(self, wanted: list[int]) -> None:
        """Put the rows still shown in the new snapshot's order, keeping every persistent
        index (a selection, a current row) on its visitor."""
        before = [visit.id for visit in self._rows]
        kept = set(before)
        after = [visit_id for visit_id in wanted if visit_id in kept]
        if after == before:
            return
        self.layoutAboutToBeChanged.emit()
        by_id = {visit.id: visit for visit in self._rows}
        self._rows = [by_id[visit_id] for visit_id in after]
        row_after = {visit_id: row for row, visit_id in enumerate(after)}
        old = self.persistentIndexList()
        new = [
            self.index(row_after[before[index.row()]], index.column())
            if index.isValid()
            else QModelIndex()
            for index in old
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _insert_new(self, incoming: tuple[VisitInfo, ...]) -> None:
        # The kept rows are already in the new order, so inserting each run of new rows
        # at its final place, top to bottom, ends with exactly the new list.
        present = {visit.id for visit in self._rows}
        new = [row for row, visit in enumerate(incoming) if visit.id not in present]
        for first, last in _runs(new):
            self.beginInsertRows(QModelIndex(), first, last)
            self._rows[first:first] = [_without_private(v) for v in incoming[first : last + 1]]
            self.endInsertRows()

    def _refresh_changed(self, incoming: tuple[VisitInfo, ...]) -> None:
        rows = self._rows
        # A call moves everyone up: the place differs first, before the whole row does.
        changed = [
            row
            for row, (old, new) in enumerate(zip(rows, incoming, strict=True))
            if old.position != new.position
            or old.estimated_wait_minutes != new.estimated_wait_minutes
            or _SHOWN_FIELDS(old) != _SHOWN_FIELDS(new)
        ]
        for row in changed:
            rows[row] = _without_private(incoming[row])
        last_column = COLUMN_COUNT - 1
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))

    def tick(self, now: dt.datetime) -> None:
        """Let the waited times run on to *now* (the page calls this every half minute)."""
        self._now = now
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_WAITED),
                self.index(len(self._rows) - 1, COL_WAITED),
                [Qt.ItemDataRole.DisplayRole],
            )

    def clear(self) -> None:
        """No rows and no figures (the screen is being cleared)."""
        self.beginResetModel()
        self._rows = []
        self._row_of = {}
        self._now = None
        self.figures = None
        self.endResetModel()

    # -- looking up
    def row_of(self, visit_id: int) -> int:
        return self._row_of.get(visit_id, -1)

    # -- Qt model
    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and orientation == Qt.Orientation.Horizontal
            and section in self.NUMBER_COLUMNS
        ):
            return NUMBER_ALIGNMENT
        return super().headerData(section, orientation, role)

    def more(self, visit: VisitInfo, col: int, role):
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(visit, col)
        if role == VISIT_ROLE:
            return visit
        if visit.state != VisitState.WAITING:
            # Set aside: greyed and in italics, and the estimate column says so in words.
            if role == Qt.ItemDataRole.ForegroundRole:
                palette = QGuiApplication.palette()
                return QBrush(palette.color(QPalette.ColorRole.PlaceholderText))
            if role == Qt.ItemDataRole.FontRole:
                if self._italic is None:
                    self._italic = QFont()
                    self._italic.setItalic(True)
                return self._italic
        return None

    def text(self, visit: VisitInfo, col: int) -> str:
        if col == COL_TICKET:
            return visit.ticket
        if col == COL_NAME:
            return self._name(visit)
        if col == COL_TIER:
            return domain_text(visit.tier.label) if visit.tier else NO_TIER
        if col == COL_PURPOSE:
            separator = translate("QueueModel", ", ")
            return separator.join(domain_text(purpose.label) for purpose in visit.purposes)
        if col == COL_WAITED:
            return waited_text(self._waited(visit))
        if col == COL_ESTIMATE:
            if visit.state != VisitState.WAITING:
                return domain_text(visit.state.label)
            if visit.position == 1 and not visit.estimated_wait_minutes:
                return translate("QueueModel", "Next")
            duration = minutes_text(visit.estimated_wait_minutes or 0, QCoreApplication.translate)
            if visit.position == 1:  # next, once the service under way is over
                return translate("QueueModel", "Next · ~{duration}").format(duration=duration)
            return translate("QueueModel", "~{duration}").format(duration=duration)
        return ""

    def sort_key(self, visit: VisitInfo, col: int):
        if col == COL_TIER:
            return visit.tier.rank if visit.tier else _NO_TIER_RANK
        if col == COL_WAITED:
            return int(self._waited(visit).total_seconds())
        if col == COL_ESTIMATE:
            if visit.state != VisitState.WAITING or visit.estimated_wait_minutes is None:
                return _PARKED_ESTIMATE
            return visit.estimated_wait_minutes
        return self.text(visit, col)

    @staticmethod
    def _name(visit: VisitInfo) -> str:
        # A walk-in who gave only a phone number is known by it, masked as well. A badge
        # says why a visitor is called before the tiers (the words in the tooltip).
        name = visit.masked_name or visit.masked_phone
        if not visit.priority:
            return name
        return f"{name} · {care_badge(visit)}"

    @staticmethod
    def _tooltip(visit: VisitInfo, col: int) -> str | None:
        if col != COL_NAME or not visit.priority:
            return None
        reasons = translate("QueueModel", ", ").join(
            domain_text(need.label) for need in visit.care_needs
        )
        return translate("QueueModel", "Called first: {reasons}").format(reasons=reasons)

    def _waited(self, visit: VisitInfo) -> dt.timedelta:
        # The queue's rule: a visitor passed on from another desk waits again, their
        # service there not counted as waiting.
        if self._now is None:
            return dt.timedelta(0)
        return visit.waited(self._now) or dt.timedelta(0)
