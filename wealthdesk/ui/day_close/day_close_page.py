"""The Day close page (日清日结): today's figures live, the end-of-day checklist to tick,
and "Close the day…", which asks about anything still open, writes the summary PDF into
the configured folder and previews it to print or save; the week's and the month's
summary previewed, the day's visits and sales exported as CSV, and at the office's
closing time the day's PDF and CSV files written unattended. Masked names only."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import local_settings
from ...domain.care import yuan
from ...domain.errors import DomainError, os_error_reason, translate_value
from ...domain.settings import parse_time
from ...i18n import translate
from ...private_files import write_atomically
from ...reports.day_close import (
    day_close_csv_files,
    duration_text,
    minutes_text,
    percent,
    period_close_pdf,
    period_name,
    period_title,
    render_day_close,
    work_time_line,
)
from ...services import appointments, clock
from ...services import day_close as _day_close
from ...services import settings as branch_settings
from ...services.day_close import DaySummary
from ...services.storage import StorageError, guarded
from .. import defs, interaction
from ..desk.context import DeskContext
from ..forms import ElidedCheckBox, WrappedLabel
from ..language import Retranslating
from ..pdf_preview import PdfPreviewDialog, preview_pdf_file
from .compliance_box import ComplianceBox

log = logging.getLogger(__name__)


class _Guarded:
    """The day-close service with every call through ``storage_errors``: a server lost
    during the minute's refresh or an action is the outage (a StorageError the page
    says), never a crash."""

    def __init__(self, module):
        self._module = module

    def __getattr__(self, name):
        value = getattr(self._module, name)
        return guarded(value) if callable(value) and not isinstance(value, type) else value


day_close = _Guarded(_day_close)
REFRESH_MS = 60_000
FIGURE_LABEL_CHARS = 22  # a figure's label wraps past this many characters' width
CLOSING_CHECK_MS = 60_000  # how often the window looks whether closing time has come
ALARM_STYLE = "color: #b00020; font-weight: bold;"


def _qt(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def default_folder() -> Path:
    """Where day-close reports go unless the settings name a folder: Documents/WealthDesk."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "WealthDesk"


def report_folder() -> Path:
    configured = str(local_settings.get("day_close_folder") or "").strip()
    return Path(configured).expanduser() if configured else default_folder()


def auto_report_name(day: dt.date) -> str:
    """The closing-time export's name: never the name a close of the day will take."""
    return f"day-close-{day.isoformat()}-auto.pdf"


def report_name(summary: DaySummary) -> str:
    """``day-close-2026-11-27.pdf``; a re-close is ``…-v2.pdf``, so both versions stay."""
    suffix = f"-v{summary.version}" if summary.version > 1 else ""
    return f"day-close-{summary.day.isoformat()}{suffix}.pdf"


class DayClosePage(Retranslating, QWidget):
    status_message = Signal(str)  # never carries client data
    day_closed = Signal(Path)  # the PDF written

    def __init__(self, desk: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dayClosePage")
        self.desk = desk
        self.summary: DaySummary | None = None
        self.preview: PdfPreviewDialog | None = None
        self._checks: dict[str, QCheckBox] = {}
        self._closing_done: dt.date | None = None  # the day the closing-time export is done

        self.title = QLabel()
        self.title.setObjectName("dayCloseTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.state_label = QLabel()
        self.state_label.setObjectName("dayCloseState")
        self.state_label.setWordWrap(True)

        def figures_box(name: str) -> tuple[QGroupBox, QFormLayout]:
            box = QGroupBox()
            box.setObjectName(name)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            return box, form

        self.values: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}

        def row(form: QFormLayout, key: str) -> None:
            # Long labels and values wrap (English is wider): the page, checklist and
            # Close the day… included, fits a 1024-pixel screen.
            label, value = WrappedLabel(FIGURE_LABEL_CHARS), QLabel()
            value.setObjectName(f"figure_{key}")
            value.setWordWrap(True)
            form.addRow(label, value)
            self._labels[key], self.values[key] = label, value

        self.visitors_box, form = figures_box("dayCloseVisitors")
        visitor_keys = (
            "arrived",
            "served",
            "no_show",
            "left",
            "waiting",
            "average_wait",
            "longest_wait",
            "over_target",
            "average_service",
        )
        for key in visitor_keys:
            row(form, key)
        self.appointments_box, form = figures_box("dayCloseAppointments")
        for key in ("booked", "kept", "late", "appointment_no_show", "cancelled", "rescheduled"):
            row(form, key)
        self.sales_box, form = figures_box("dayCloseSales")
        for key in ("sales", "amount", "cancellations", "elderly", "missing_recording"):
            row(form, key)
        self.care_box, form = figures_box("dayCloseCare")
        for key in ("calls", "tasks_done", "support", "follow_ups", "unresolved", "notices"):
            row(form, key)

        self.work_box = QGroupBox()
        self.work_bar = QProgressBar()
        self.work_bar.setObjectName("dayCloseWorkBar")
        self.work_text = QLabel()
        self.work_text.setWordWrap(True)
        box = QVBoxLayout(self.work_box)
        box.addWidget(self.work_bar)
        box.addWidget(self.work_text)

        self.checklist_box = QGroupBox()
        self.checklist_box.setObjectName("dayCloseChecklist")
        self.checklist_layout = QVBoxLayout(self.checklist_box)
        self.checklist_count = QLabel()
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeDayButton")
        self.close_button.clicked.connect(self.close_day)
        self.week_button = QPushButton()
        self.week_button.setObjectName("weekSummaryButton")
        self.week_button.clicked.connect(self.preview_week)
        self.month_button = QPushButton()
        self.month_button.setObjectName("monthSummaryButton")
        self.month_button.clicked.connect(self.preview_month)
        self.csv_button = QPushButton()
        self.csv_button.setObjectName("exportCsvButton")
        self.csv_button.clicked.connect(self.export_csv)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("dayCloseFolder")
        self.folder_label.setWordWrap(True)

        grid = QGridLayout()
        grid.setSpacing(defs.SPACING)
        grid.addWidget(self.visitors_box, 0, 0)
        grid.addWidget(self.appointments_box, 0, 1)
        grid.addWidget(self.sales_box, 1, 0)
        grid.addWidget(self.care_box, 1, 1)
        grid.addWidget(self.work_box, 2, 0, 1, 2)
        self.compliance_box = ComplianceBox(desk.actor)
        self.compliance_box.checked.connect(lambda _sale: self.refresh())
        self.compliance_box.status_message.connect(self.status_message)
        grid.addWidget(self.compliance_box, 3, 0, 1, 2)
        grid.setRowStretch(4, 1)  # the boxes as tall as their figures, the rest below
        side = QVBoxLayout()
        side.setSpacing(defs.SPACING)
        # Close the day… right under its checklist: in sight at 768 pixels, even with
        # a reminder above the page; the summaries and the export below.
        side.addWidget(self.checklist_box)
        side.addWidget(self.checklist_count)
        side.addWidget(self.close_button)
        side.addWidget(self.folder_label)
        side.addSpacing(defs.MARGIN)
        side.addWidget(self.week_button)
        side.addWidget(self.month_button)
        side.addWidget(self.csv_button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(defs.MARGIN)
        body.addLayout(grid, 3)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        layout.addWidget(self.title)
        layout.addWidget(self.state_label)
        layout.addLayout(body, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        # Runs while the window does, shown or not: the closing-time export is unattended.
        self.closing_timer = QTimer(self)
        self.closing_timer.setInterval(CLOSING_CHECK_MS)
        self.closing_timer.timeout.connect(self.export_at_closing)
        self.closing_timer.start()
        self.retranslate()

    # ------------------------------------------------------------ text
    def retranslate(self) -> None:
        names = {
            "arrived": translate("DayClosePage", "Arrived"),
            "served": translate("DayClosePage", "Served"),
            "no_show": translate("DayClosePage", "No-shows"),
            "left": translate("DayClosePage", "Left without service"),
            "waiting": translate("DayClosePage", "Waiting now"),
            "average_wait": translate("DayClosePage", "Average wait"),
            "longest_wait": translate("DayClosePage", "Longest wait"),
            "over_target": translate("DayClosePage", "Waited longer than the target"),
            "average_service": translate("DayClosePage", "Average service time"),
            "booked": translate("DayClosePage", "Booked"),
            "kept": translate("DayClosePage", "Kept"),
            "late": translate("DayClosePage", "Late"),
            "appointment_no_show": translate("DayClosePage", "No-show"),
            "cancelled": translate("DayClosePage", "Cancelled"),
            "rescheduled": translate("DayClosePage", "Rescheduled"),
            "sales": translate("DayClosePage", "Sales"),
            "amount": translate("DayClosePage", "Amount"),
            "cancellations": translate("DayClosePage", "Cooling-off cancellations"),
            "elderly": translate("DayClosePage", "65+ confirmations"),
            "missing_recording": translate("DayClosePage", "Without a recording reference"),
            "calls": translate("DayClosePage", "Care calls"),
            "tasks_done": translate("DayClosePage", "Care tasks done"),
            "support": translate("DayClosePage", "Colleague support"),
            "follow_ups": translate("DayClosePage", "Follow-ups and call-backs for tomorrow"),
            "unresolved": translate("DayClosePage", "Unresolved appointments"),
            "notices": translate("DayClosePage", "Door notices"),
        }
        for key, text in names.items():
            self._labels[key].setText(text)
        self.visitors_box.setTitle(translate("DayClosePage", "Visitors"))
        self.appointments_box.setTitle(translate("DayClosePage", "Appointments"))
        self.sales_box.setTitle(translate("DayClosePage", "Sales"))
        self.care_box.setTitle(translate("DayClosePage", "Care and tomorrow"))
        self.work_box.setTitle(translate("DayClosePage", "Time on client work"))
        self.checklist_box.setTitle(translate("DayClosePage", "End-of-day checklist"))
        self.close_button.setText(translate("DayClosePage", "Close the day…"))
        self.week_button.setText(translate("DayClosePage", "Week summary…"))
        self.month_button.setText(translate("DayClosePage", "Month summary…"))
        self.csv_button.setText(translate("DayClosePage", "Export CSV…"))
        if self.summary is not None:
            self._show(self.summary)

    # ------------------------------------------------------------ reading
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()
        self.timer.start()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.timer.stop()

    def refresh(self) -> None:
        """Read today's figures again (each minute while shown)."""
        try:
            summary = day_close.summary(clock.today(), self.desk.desk)
        except StorageError as exc:
            log.warning("Day close page not refreshed: %s", exc)
            self.status_message.emit(exc.render(QCoreApplication.translate))
            return
        self.summary = summary
        self._show(summary)
        self.compliance_box.show_compliance(summary.compliance)

    def _show(self, s: DaySummary) -> None:
        self.title.setText(
            translate("DayClosePage", "Day close {date}").format(date=s.day.isoformat())
        )
        v = s.visitors
        over = "—"
        if v.waits_known:
            over = translate(
                "DayClosePage", "{count} of {known} ({share}), target {minutes} min"
            ).format(
                count=v.over_target,
                known=v.waits_known,
                share=percent(v.share_over_target),
                minutes=v.wait_target_minutes,
            )
        a, c, sf = s.appointments, s.care, s.sales
        shown = {
            "arrived": str(v.arrived),
            "served": str(v.served),
            "no_show": str(v.no_show),
            "left": str(v.left),
            "waiting": str(v.waiting + v.parked),
            "average_wait": duration_text(v.average_wait, _qt),
            "longest_wait": duration_text(v.longest_wait, _qt),
            "over_target": over,
            "average_service": duration_text(v.average_service, _qt),
            "booked": str(a.booked),
            "kept": str(a.kept),
            "late": str(a.late),
            "appointment_no_show": str(a.no_show),
            "cancelled": str(a.cancelled),
            "rescheduled": str(a.rescheduled),
            "sales": str(sf.totals.count),
            "amount": yuan(sf.totals.amount_fen),
            "cancellations": str(len(sf.cooling_off_cancellations)),
            "elderly": str(sf.elderly_confirmations),
            "missing_recording": str(len(sf.missing_recording)),
            "calls": translate("DayClosePage", "{count} ({minutes})").format(
                count=c.calls, minutes=minutes_text(c.call_minutes, _qt)
            ),
            "tasks_done": translate("DayClosePage", "{done} of {planned}").format(
                done=c.tasks_done, planned=c.tasks_planned
            ),
            "support": translate("DayClosePage", "{count} ({minutes})").format(
                count=c.support_count, minutes=minutes_text(c.support_minutes, _qt)
            ),
            "follow_ups": str(len(s.follow_ups)),
            "unresolved": str(len(s.unresolved_appointments)),
            "notices": str(len(s.notices)),
        }
        for key, text in shown.items():
            self.values[key].setText(text)
        missing = self.values["missing_recording"]
        missing.setStyleSheet(ALARM_STYLE if sf.missing_recording else "")
        if sf.missing_recording:
            missing.setText(
                translate("DayClosePage", "{count}: there must be none").format(
                    count=len(sf.missing_recording)
                )
            )
        w = s.work
        self.work_bar.setRange(0, max(1, w.target_minutes))
        self.work_bar.setValue(min(w.total_minutes, w.target_minutes))
        self.work_bar.setFormat(f"{percent(w.share)}")
        self.work_text.setText(work_time_line(w, _qt))
        self._show_checklist(s)
        self._show_state(s)
        self.folder_label.setText(
            translate("DayClosePage", "Saved in {folder}").format(folder=report_folder())
        )

    def _show_checklist(self, s: DaySummary) -> None:
        wanted = [item.text for item in s.checklist]
        if list(self._checks) != wanted:
            for box in self._checks.values():
                self.checklist_layout.removeWidget(box)
                box.deleteLater()
            self._checks = {}
            for text in wanted:
                box = ElidedCheckBox()
                box.toggled.connect(lambda on, item=text: self.tick(item, on))
                self.checklist_layout.addWidget(box)
                self._checks[text] = box
        for item in s.checklist:
            box = self._checks[item.text]
            box.setText(_qt("domain", item.text))
            box.blockSignals(True)
            box.setChecked(item.ticked)
            box.blockSignals(False)
        ticked = sum(1 for i in s.checklist if i.ticked)
        self.checklist_count.setText(
            translate("DayClosePage", "{ticked} of {total} ticked").format(
                ticked=ticked, total=len(s.checklist)
            )
        )

    def _show_state(self, s: DaySummary) -> None:
        if not s.closes:
            self.state_label.setText(translate("DayClosePage", "Not closed yet."))
            self.state_label.setStyleSheet("")
            return
        last = s.closes[-1]
        text = translate("DayClosePage", "Closed at {time} (version {version}).").format(
            time=f"{last.closed_at:%H:%M}", version=last.version
        )
        if s.amended:
            text += " " + translate(
                "DayClosePage", "Changed since: close the day again to file an amendment."
            )
        self.state_label.setText(text)
        self.state_label.setStyleSheet(ALARM_STYLE if s.amended else "")

    # ------------------------------------------------------------ acting
    def checkbox(self, item: str) -> QCheckBox:
        """The checklist's box for *item* (as stored), for tests and the lead."""
        return self._checks[item]

    def tick(self, item: str, ticked: bool) -> None:
        try:
            day_close.tick(item, ticked, clock.today(), self.desk.desk)
        except StorageError as exc:
            interaction.explain(self, translate("DayClosePage", "The tick was not kept"), exc)
        self.refresh()

    def close_day(self) -> Path | None:
        """Ask about anything still open, write the PDF into the folder, keep the close
        and preview it. Returns the file written, or None."""
        self.refresh()
        s = self.summary
        if s is None:
            return None
        concerns = self._concerns(s) + self._appointments_to_come(s)
        if concerns:
            question = "\n".join(
                [
                    *concerns,
                    "",
                    translate(
                        "DayClosePage", "Close the day anyway? The summary lists them as open."
                    ),
                ]
            )
            if not interaction.confirm(
                self,
                translate("DayClosePage", "Close the day"),
                question,
                translate("DayClosePage", "Close the day"),
            ):
                return None
        folder = report_folder()
        target = folder / report_name(s)
        try:
            from ...reports.fonts import cjk_font

            font = cjk_font(str(local_settings.get("pdf_font_path") or ""))
            folder.mkdir(parents=True, exist_ok=True)
            s = day_close.with_audit_check(s)
            data = render_day_close(s, font, _qt)
            day_close.audited_files(  # audit first: no file when the log cannot take it
                lambda files: files.append(write_atomically(target, data)),
                lambda files: day_close.record_close(s, target, self.desk.actor()),
            )
        except (DomainError, StorageError) as exc:
            interaction.explain(self, translate("DayClosePage", "The day was not closed"), exc)
            return None
        except OSError as exc:
            reason = translate_value(os_error_reason(exc), _qt)
            interaction.warn(
                self,
                translate("DayClosePage", "The day was not closed"),
                translate("DayClosePage", "{path} cannot be written: {reason}").format(
                    path=target, reason=reason
                ),
            )
            return None
        self.status_message.emit(
            translate("DayClosePage", "Day closed: {name} saved").format(name=target.name)
        )
        self.day_closed.emit(target)
        self.refresh()
        self.preview = PdfPreviewDialog(
            translate("DayClosePage", "Day close {date}").format(date=s.day.isoformat()),
            target,
            target.name,
            self,
        )
        interaction.run_dialog(self.preview)
        self.preview.forget()
        self.preview.deleteLater()
        self.preview = None
        return target

    def preview_week(self) -> bool:
        """This week's summary (Monday to Sunday) previewed to print or save."""
        return self._preview_period(*day_close.week_of(clock.today()))

    def preview_month(self) -> bool:
        """This month's summary previewed to print or save."""
        return self._preview_period(*day_close.month_of(clock.today()))

    def _preview_period(self, first: dt.date, last: dt.date) -> bool:
        refused = translate("DayClosePage", "The summary was not made")
        try:
            from ...reports.fonts import cjk_font

            summary = day_close.period_summary(first, last, self.desk.desk)
            font = cjk_font(str(local_settings.get("pdf_font_path") or ""))
            dialog = preview_pdf_file(
                self.window(),
                period_title(summary, _qt),
                lambda path: period_close_pdf(path, summary, font, _qt),
                period_name(summary),
            )
        except (DomainError, StorageError) as exc:
            interaction.explain(self, refused, exc)
            return False
        except OSError as exc:
            interaction.warn(self, refused, translate_value(os_error_reason(exc), _qt))
            return False
        dialog.saved.connect(
            lambda path: self.status_message.emit(
                translate("DayClosePage", "Summary saved: {name}").format(name=Path(path).name)
            )
        )
        interaction.run_dialog(dialog)
        dialog.forget()
        dialog.deleteLater()
        return True

    def export_csv(self) -> tuple[Path, Path] | None:
        """Today's visits and sales as CSV files (UTF-8 with BOM) in a folder the manager
        chooses; the export audited. Returns the files written, or None."""
        folder = interaction.choose_folder(
            self,
            translate("DayClosePage", "Export the day's visits and sales"),
            str(report_folder()),
        )
        if not folder:
            return None
        refused = translate("DayClosePage", "The CSV files were not written")
        try:
            summary = day_close.summary(clock.today(), self.desk.desk)
            files = day_close.export_day(
                summary.day,
                self.desk.desk,
                self.desk.actor(),
                day_close_csv_files(Path(folder), summary, _qt),
            )
        except (DomainError, StorageError) as exc:
            interaction.explain(self, refused, exc)
            return None
        except OSError as exc:
            interaction.warn(
                self,
                refused,
                translate("DayClosePage", "{path} cannot be written: {reason}").format(
                    path=folder, reason=translate_value(os_error_reason(exc), _qt)
                ),
            )
            return None
        self.status_message.emit(
            translate("DayClosePage", "CSV saved: {visits} and {sales} in {folder}").format(
                visits=files[0].name, sales=files[1].name, folder=folder
            )
        )
        return files

    def export_at_closing(self) -> list[Path]:
        """From the office's closing time on, write today's summary PDF and CSV files
        into the day-close folder once, unless the day was closed or exported already.
        Unattended: no prompt; a status message and the audit say what happened (the log
        says why when it failed, and the next minute tries again)."""
        now = clock.now()
        try:
            closing = parse_time(str(branch_settings.load(self.desk.desk)["office_close"]))
            if closing is None or now.time() < closing:
                return []
            day = now.date()
            if day == self._closing_done or day_close.summary_written(day, self.desk.desk):
                return []
            summary = day_close.summary(day, self.desk.desk)
            if summary.empty and not appointments.working_calendar().is_working_day(day):
                self._closing_done = day  # a closed day nobody worked: nothing to file
                return []
            from ...reports.fonts import cjk_font

            font = cjk_font(str(local_settings.get("pdf_font_path") or ""))
            folder = report_folder()
            folder.mkdir(parents=True, exist_ok=True)
            summary = day_close.with_audit_check(summary)
            data = render_day_close(summary, font, _qt)
            files = day_close.export_day(
                day,
                self.desk.desk,
                self.desk.actor(),
                day_close_csv_files(folder, summary, _qt),
                (folder / auto_report_name(day), data),
                automatic=True,
            )
            self._closing_done = day
        except (DomainError, StorageError) as exc:
            log.warning("Closing-time export not written: %s", exc)
            self.status_message.emit(
                translate(
                    "DayClosePage", "The closing-time export was not written: {reason}"
                ).format(reason=exc.render(QCoreApplication.translate))
            )
            return []
        except OSError as exc:
            log.warning("Closing-time export not written to %s: %s", report_folder(), exc)
            self.status_message.emit(
                translate(
                    "DayClosePage", "The closing-time export was not written: {reason}"
                ).format(reason=translate_value(os_error_reason(exc), _qt))
            )
            return []
        log.info("Closing-time export of %s written to %s", day, folder)
        self.status_message.emit(
            translate(
                "DayClosePage",
                "Closing time: the day's summary and CSV files were saved in {folder}.",
            ).format(folder=folder)
        )
        if self.isVisible():
            self.refresh()
        return files

    def _appointments_to_come(self, s: DaySummary) -> list[str]:
        """Closing early: today's appointments still to come, how many and the next."""
        if s.day != clock.today():
            return []
        try:
            coming = day_close.still_to_come()
        except StorageError as exc:
            log.warning("appointments to come not read: %s", exc)
            return []
        if not coming.count:
            return []
        return [
            translate(
                "DayClosePage",
                "{count} appointments are still to come today, the next at {time}.",
            ).format(count=coming.count, time=f"{coming.next_start:%H:%M}")
        ]

    def _concerns(self, s: DaySummary) -> list[str]:
        """What is still open or undone, one line each."""
        from ...domain.queue import VisitState

        waiting = sum(1 for r in s.visits if r.state in (VisitState.WAITING, VisitState.PARKED))
        serving = sum(1 for r in s.visits if r.state in (VisitState.CALLED, VisitState.SERVING))
        lines = []
        if waiting:
            lines.append(
                translate("DayClosePage", "{count} clients are still waiting.").format(
                    count=waiting
                )
            )
        if serving:
            lines.append(
                translate("DayClosePage", "{count} services are not finished.").format(
                    count=serving
                )
            )
        if s.unresolved_appointments:
            lines.append(
                translate(
                    "DayClosePage",
                    "{count} appointments are unresolved (no-show, cancelled or moved?).",
                ).format(count=len(s.unresolved_appointments))
            )
        if s.sales.missing_recording:
            lines.append(
                translate("DayClosePage", "{count} sales have no recording reference.").format(
                    count=len(s.sales.missing_recording)
                )
            )
        unticked = sum(1 for i in s.checklist if not i.ticked)
        if unticked:
            lines.append(
                translate("DayClosePage", "{count} checklist items are not ticked.").format(
                    count=unticked
                )
            )
        return lines


__all__ = ["DayClosePage", "auto_report_name", "default_folder", "report_folder", "report_name"]
