"""The working calendar in the window: where each year's holidays come from, loading the
State Council's schedule from a CSV file with a preview, and the notice (from 1 November,
once a day) that next year has no official schedule yet."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import local_settings
from ..domain.calendar import SOURCE_LABELS, DayStatus, Source
from ..domain.client_csv import CsvFileError
from ..domain.errors import join_problems
from ..i18n import domain_text, translate
from ..services import calendar as calendar_service
from ..services import clock
from ..services.storage import StorageError, storage_errors
from . import interaction
from .language import Retranslating
from .models import TableModel

log = logging.getLogger(__name__)

# The day the notice was last put away on this computer: it comes back the next day.
NOTICE_HIDDEN_ON = "calendar/notice_hidden_on"


def day_text(status: DayStatus) -> str:
    """``closed · Spring Festival holiday (provisional)``, ``open · Make-up working day``."""
    words = (
        translate("CalendarSettings", "open")
        if status.open
        else translate("CalendarSettings", "closed")
    )
    label = status.reason if not status.open else status.label
    return f"{words} · {domain_text(label)}" if label else words


def source_text(schedule: calendar_service.YearSchedule) -> str:
    """``2027: the State Council's schedule, loaded 2026-12-07 by 王芳 (12 days)``."""
    if schedule.source is Source.LOADED and schedule.loaded_at is not None:
        return translate(
            "CalendarSettings",
            "{year}: the State Council's schedule, loaded {day} by {actor} ({days} days)",
        ).format(
            year=schedule.year,
            day=schedule.loaded_at.date().isoformat(),
            actor=schedule.loaded_by,
            days=schedule.days,
        )
    return f"{schedule.year}: {domain_text(SOURCE_LABELS[schedule.source])}"


class ScheduleChangeModel(TableModel):
    """The days a schedule would change: the day, as it is, as it would be."""

    COL_DAY, COL_BEFORE, COL_AFTER = range(3)
    CONTEXT = "CalendarSettings"
    HEADERS = (
        QT_TRANSLATE_NOOP("CalendarSettings", "Day"),
        QT_TRANSLATE_NOOP("CalendarSettings", "Now"),
        QT_TRANSLATE_NOOP("CalendarSettings", "After loading"),
    )

    def text(self, change: calendar_service.DayChange, column: int) -> str:
        if column == self.COL_DAY:
            day = change.after.day
            weekday = QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            return f"{day.isoformat()} {weekday}"
        return day_text(change.before if column == self.COL_BEFORE else change.after)


class ScheduleImportDialog(QDialog):
    """A schedule file's preview: what it would change, or every wrong line. Load keeps
    it (replacing the year's schedule loaded before); Cancel keeps nothing."""

    def __init__(self, preview: calendar_service.SchedulePreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scheduleImportDialog")
        self.setWindowTitle(translate("CalendarSettings", "Load the holiday schedule"))
        self.setMinimumSize(560, 420)
        self.preview = preview
        schedule = preview.schedule
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("scheduleSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = ScheduleChangeModel(self)
        self.table = QTableView()
        self.table.setObjectName("scheduleChanges")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("scheduleProblems")
        self.problems.setReadOnly(True)
        layout.addWidget(self.problems, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.load_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.load_button.setText(translate("CalendarSettings", "Load"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if preview.ok:
            self.model.set_rows(preview.changes)
            text = translate(
                "CalendarSettings",
                "{file}: the schedule for {year}, {days} days. Loading it changes {changed} "
                "days of the calendar:",
            ).format(
                file=preview.path.name,
                year=schedule.year,
                days=len(schedule.days),
                changed=len(preview.changes),
            )
            if preview.replaces:
                text += " " + translate(
                    "CalendarSettings", "It replaces the {count} days loaded before for {year}."
                ).format(count=preview.replaces, year=schedule.year)
            self.problems.hide()
        else:
            lines = [p.render(_qt) for p in schedule.file_problems] + [
                translate("CalendarSettings", "line {line}: {reason}").format(
                    line=bad.line, reason=join_problems(bad.problems, _qt)
                )
                for bad in schedule.bad_lines
            ]
            self.problems.setPlainText("\n".join(lines))
            text = translate(
                "CalendarSettings",
                "{file} cannot be loaded: correct these lines and load it again. Nothing "
                "has been changed.",
            ).format(file=preview.path.name)
            self.table.hide()
            self.load_button.setEnabled(False)
        self.summary.setText(text)


def _qt(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def load_schedule_from_file(parent: QWidget, actor: str) -> bool:
    """Ask for a file, preview it, and load it when the preview is accepted; True when
    a schedule was loaded."""
    path = interaction.choose_open_file(
        parent,
        translate("CalendarSettings", "Load the holiday schedule"),
        "",
        translate("CalendarSettings", "CSV files (*.csv *.txt)"),
    )
    if not path:
        return False
    title = translate("CalendarSettings", "Load the holiday schedule")
    try:
        preview = calendar_service.preview_schedule(Path(path))
    except CsvFileError as exc:
        interaction.error(parent, title, exc.problem.render(_qt))
        return False
    dialog = ScheduleImportDialog(preview, parent)
    if interaction.run_once(dialog) != QDialog.DialogCode.Accepted or not preview.ok:
        return False
    try:
        calendar_service.load_schedule(Path(path), actor)
    except (CsvFileError, calendar_service.ScheduleRefused, StorageError) as exc:
        # Changed on disk since the preview, or the database refused: nothing was kept.
        log.warning("schedule not loaded from %s: %s", path, exc)
        message = getattr(exc, "render", None)
        interaction.error(parent, title, message(_qt) if message else str(exc))
        return False
    return True


class CalendarNotice(Retranslating, QFrame):
    """The notice that next year has no official schedule: shown from 1 November until
    one is loaded, once a day (Hide for today puts it away until tomorrow)."""

    loaded = Signal()  # a schedule was loaded from here

    def __init__(self, actor, parent: QWidget | None = None, hideable: bool = True):
        super().__init__(parent)
        self.setObjectName("calendarNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._actor = actor
        self._hideable = hideable
        self.text = QLabel()
        self.text.setObjectName("calendarNoticeText")
        self.text.setWordWrap(True)
        self.load_button = QPushButton()
        self.load_button.setObjectName("calendarNoticeLoad")
        self.load_button.clicked.connect(self._load)
        self.hide_button = QPushButton()
        self.hide_button.setObjectName("calendarNoticeHide")
        self.hide_button.clicked.connect(self.hide_for_today)
        row = QHBoxLayout(self)
        row.addWidget(QLabel("ⓘ"))
        row.addWidget(self.text, 1)
        row.addWidget(self.load_button)
        row.addWidget(self.hide_button)
        # Once in the layout: shown before it has a parent, a button is a window of its
        # own for a moment (and takes the activation from the desk's window).
        self.hide_button.setVisible(hideable)
        self._notice = None
        self.retranslate()
        self.setVisible(False)

    def retranslate(self) -> None:
        self.load_button.setText(translate("CalendarSettings", "Load schedule…"))
        self.hide_button.setText(translate("CalendarSettings", "Hide for today"))
        if self._notice is not None:
            self.text.setText(self._notice.render(_qt))

    def refresh(self) -> None:
        """Shown while the notice holds and it was not put away today."""
        today = clock.today()
        try:
            with storage_errors():  # a lost server is the outage, not a crash
                notice = calendar_service.schedule_notice(today)
        except StorageError as exc:
            log.warning("calendar notice not read: %s", exc)
            return
        hidden = self._hideable and local_settings.state(NOTICE_HIDDEN_ON) == today.isoformat()
        self._notice = notice
        if notice is not None:
            self.text.setText(notice.render(_qt))
        self.setVisible(notice is not None and not hidden)

    def hide_for_today(self) -> None:
        local_settings.set_state(NOTICE_HIDDEN_ON, clock.today().isoformat())
        self.setVisible(False)

    def _load(self) -> None:
        actor = self._actor() if callable(self._actor) else str(self._actor)
        if load_schedule_from_file(self, actor):
            self.refresh()
            self.loaded.emit()


class CalendarSettings(Retranslating, QGroupBox):
    """The Settings section "Working calendar": where this year's and next year's
    holidays come from, and Load schedule…; the branch's own closed and open days are
    the settings above it."""

    def __init__(self, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("calendarSettings")
        self._actor = actor
        self.years = QLabel()
        self.years.setObjectName("calendarYears")
        self.years.setWordWrap(True)
        self.notice = CalendarNotice(actor, self, hideable=False)
        self.notice.loaded.connect(self.refresh)
        self.load_button = QPushButton()
        self.load_button.setObjectName("calendarLoad")
        self.load_button.clicked.connect(self._load)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.years)
        layout.addWidget(self.notice)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.load_button)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("CalendarSettings", "Working calendar"))
        self.load_button.setText(translate("CalendarSettings", "Load schedule…"))
        self.hint.setText(
            translate(
                "CalendarSettings",
                "A CSV file with the columns date,kind,name (kind: holiday or workday; "
                "日期,类型,名称 and 休/班 too), one year a file.",
            )
        )
        self.refresh()

    def refresh(self) -> None:
        year = clock.today().year
        try:
            lines = [source_text(calendar_service.year_schedule(y)) for y in (year, year + 1)]
        except StorageError as exc:
            log.warning("calendar sources not read: %s", exc)
            return
        self.years.setText("\n".join(lines))
        self.notice.refresh()
        self.notice.load_button.setVisible(False)  # the section's own button is beside it

    def _load(self) -> None:
        actor = self._actor() if callable(self._actor) else str(self._actor)
        if load_schedule_from_file(self, actor):
            self.refresh()


__all__ = [
    "NOTICE_HIDDEN_ON",
    "CalendarNotice",
    "CalendarSettings",
    "ScheduleChangeModel",
    "ScheduleImportDialog",
    "day_text",
    "load_schedule_from_file",
]
