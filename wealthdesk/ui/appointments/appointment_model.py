"""The appointments table: a day's (or a search's) appointments with their preparation,
masked names only."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from ...i18n import domain_text, translate
from ...services.appointments import AppointmentInfo
from ..models import ID_ROLE, OWN_ROLE, TableModel

COL_TIME, COL_NAME, COL_PURPOSE, COL_PREP, COL_STATUS, COL_MANAGER = range(6)

APPOINTMENT_ID_ROLE = ID_ROLE
PROGRESS_ROLE = OWN_ROLE  # the checklist ticked, 0.0 to 1.0


def time_text(appointment: AppointmentInfo, with_date: bool = False) -> str:
    """``10:00–10:30``; with the date in front for a list of several days."""
    text = f"{appointment.start:%H:%M}–{appointment.end:%H:%M}"
    return f"{appointment.start:%Y-%m-%d} {text}" if with_date else text


def purposes_text(appointment: AppointmentInfo) -> str:
    separator = translate("AppointmentModel", ", ")
    return separator.join(domain_text(p.label) for p in appointment.purposes)


def shown_name(appointment: AppointmentInfo) -> str:
    """The masked name (a prospect's too), or the masked mobile when there is no name."""
    return appointment.masked_name or appointment.masked_mobile


class AppointmentTableModel(TableModel):
    """Rows are :class:`AppointmentInfo` with the full name and the notes left out: the
    table never holds them. *with_dates* shows the date in the time column (a search,
    the unresolved worklist)."""

    CONTEXT = "AppointmentModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("AppointmentModel", "Time"),
        QT_TRANSLATE_NOOP("AppointmentModel", "Name"),
        QT_TRANSLATE_NOOP("AppointmentModel", "Purpose"),
        QT_TRANSLATE_NOOP("AppointmentModel", "Prepared"),
        QT_TRANSLATE_NOOP("AppointmentModel", "Status"),
        QT_TRANSLATE_NOOP("AppointmentModel", "Manager"),
    )
    NUMBER_COLUMNS = frozenset({COL_PREP})

    def __init__(self, parent=None, with_dates: bool = False):
        super().__init__(parent)
        self.with_dates = with_dates

    def set_rows(self, appointments) -> None:
        super().set_rows(without_private(a) for a in appointments)

    def set_with_dates(self, with_dates: bool) -> None:
        if with_dates != self.with_dates:
            self.with_dates = with_dates
            if self._rows:
                self.dataChanged.emit(
                    self.index(0, COL_TIME), self.index(len(self._rows) - 1, COL_TIME)
                )

    def text(self, appointment: AppointmentInfo, col: int) -> str:
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
            return domain_text(appointment.status.label)
        if col == COL_MANAGER:
            return appointment.manager
        return ""

    def sort_key(self, appointment: AppointmentInfo, col: int):
        if col == COL_TIME:
            return appointment.start.isoformat()
        if col == COL_PREP:
            return appointment.progress
        return self.text(appointment, col)

    def more(self, appointment: AppointmentInfo, col: int, role):
        if role == PROGRESS_ROLE:
            return appointment.progress
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_PREP:
            return translate(
                "AppointmentModel", "{done} of {total} preparation items ready"
            ).format(done=appointment.items_done, total=appointment.items_total)
        return None


def without_private(appointment: AppointmentInfo) -> AppointmentInfo:
    """What the table keeps: no full name and no notes (they may say anything)."""
    kept = object.__new__(AppointmentInfo)
    kept.__dict__.update(appointment.__dict__, name="", notes="")
    return kept
