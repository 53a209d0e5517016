"""The appointments table: a day's (or a search's) appointments with their preparation,
masked names only."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ...i18n import translate
from ...services.appointments import AppointmentInfo
from ..models import announce_retranslated

COL_TIME, COL_NAME, COL_PURPOSE, COL_PREP, COL_STATUS, COL_MANAGER = range(6)
COLUMN_COUNT = 6

APPOINTMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3  # the checklist ticked, 0.0 to 1.0

_NUMBER_ALIGNMENT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _headers() -> tuple[str, ...]:
    return (
        translate("AppointmentModel", "Time"),
        translate("AppointmentModel", "Name"),
        translate("AppointmentModel", "Purpose"),
        translate("AppointmentModel", "Prepared"),
        translate("AppointmentModel", "Status"),
        translate("AppointmentModel", "Manager"),
    )


def time_text(appointment: AppointmentInfo, with_date: bool = False) -> str:
    """``10:00–10:30``; with the date in front for a list of several days."""
    text = f"{appointment.start:%H:%M}–{appointment.end:%H:%M}"
    return f"{appointment.start:%Y-%m-%d} {text}" if with_date else text


def purposes_text(appointment: AppointmentInfo) -> str:
    separator = translate("AppointmentModel", ", ")
    return separator.join(
        QCoreApplication.translate("domain", p.label) for p in appointment.purposes
    )


def shown_name(appointment: AppointmentInfo) -> str:
    """The masked name (a prospect's too), or the masked mobile when there is no name."""
    return appointment.masked_name or appointment.masked_mobile


class AppointmentTableModel(QAbstractTableModel):
    """Rows are :class:`AppointmentInfo` with the full name and the notes left out: the
    table never holds them. *with_dates* shows the date in the time column (a search,
    the unresolved worklist)."""

    def __init__(self, parent=None, with_dates: bool = False):
        super().__init__(parent)
        self._rows: list[AppointmentInfo] = []
        self.with_dates = with_dates

    # -- updating
    def show(self, appointments: list[AppointmentInfo]) -> None:
        self.beginResetModel()
        self._rows = [without_private(a) for a in appointments]
        self.endResetModel()

    def clear(self) -> None:
        self.show([])

    def set_with_dates(self, with_dates: bool) -> None:
        if with_dates != self.with_dates:
            self.with_dates = with_dates
            if self._rows:
                self.dataChanged.emit(
                    self.index(0, COL_TIME), self.index(len(self._rows) - 1, COL_TIME)
                )

    def retranslate(self) -> None:
        announce_retranslated(self)

    # -- looking up
    def appointment_at(self, row: int) -> AppointmentInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, appointment_id: int) -> int:
        return next((i for i, a in enumerate(self._rows) if a.id == appointment_id), -1)

    # -- Qt model
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        appointment = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(appointment, col)
        if role == APPOINTMENT_ID_ROLE:
            return appointment.id
        if role == PROGRESS_ROLE:
            return appointment.progress
        if role == SORT_ROLE:
            if col == COL_TIME:
                return appointment.start.isoformat()
            if col == COL_PREP:
                return appointment.progress
            return self._display(appointment, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_PREP:
            return _NUMBER_ALIGNMENT
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_PREP:
            return translate(
                "AppointmentModel", "{done} of {total} preparation items ready"
            ).format(done=appointment.items_done, total=appointment.items_total)
        return None

    def _display(self, appointment: AppointmentInfo, col: int) -> str:
        if col == COL_TIME:
            return time_text(appointment, self.with_dates)
        if col == COL_NAME:
            return shown_name(appointment)
        if col == COL_PURPOSE:
            return purposes_text(appointment)
        if col == COL_PREP:
            if not appointment.items_total:
                return "—"
            return f"{appointment.items_done}/{appointment.items_total}"
        if col == COL_STATUS:
            return QCoreApplication.translate("domain", appointment.status.label)
        if col == COL_MANAGER:
            return appointment.manager
        return ""


def without_private(appointment: AppointmentInfo) -> AppointmentInfo:
    """What the table keeps: no full name and no notes (they may say anything)."""
    kept = object.__new__(AppointmentInfo)
    kept.__dict__.update(appointment.__dict__, name="", notes="")
    return kept
