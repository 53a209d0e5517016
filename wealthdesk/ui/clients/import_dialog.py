"""Importing a client list in the GUI: pick a file, watch progress, read the report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import local_settings
from ...domain.client_csv import CsvFileError
from ...domain.csv_file import csv_writer
from ...domain.errors import os_error_reason, translate_value
from ...i18n import translate
from ...private_files import replacing
from ...services.client_import import ImportReport
from ...services.storage import StorageError
from .. import interaction
from .client_book import ClientBook


def import_clients_interactively(
    parent: QWidget, book: ClientBook, path: str = ""
) -> ImportReport | None:
    """Ask for a CSV file, import it with a progress bar, show the result report."""
    if not path:
        folder = str(local_settings.state(local_settings.LAST_IMPORT_FOLDER, "") or "")
        path = interaction.choose_open_file(
            parent,
            translate("ImportDialog", "Import clients"),
            folder,
            translate("ImportDialog", "CSV files (*.csv *.txt);;All files (*)"),
        )
    if not path:
        return None
    local_settings.set_state(local_settings.LAST_IMPORT_FOLDER, str(Path(path).parent))
    progress = QProgressDialog(
        translate("ImportDialog", "Importing clients…"),
        translate("ImportDialog", "Cancel"),
        0,
        100,
        parent,
    )
    progress.setWindowTitle(translate("ImportDialog", "Import clients"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.setValue(0)

    def step(done: int, total: int) -> bool:
        progress.setValue(min(99, int(done * 100 / max(total, 1))))
        QCoreApplication.processEvents()
        return not progress.wasCanceled()

    try:
        report = book.import_file(Path(path), step)
    except CsvFileError as exc:
        progress.close()
        interaction.error(
            parent,
            translate("ImportDialog", "Cannot import this file"),
            exc.problem.render(QCoreApplication.translate),
        )
        return None
    except StorageError as exc:
        progress.close()
        interaction.error(
            parent,
            translate("ImportDialog", "Nothing was imported"),
            exc.render(QCoreApplication.translate),
        )
        return None
    finally:
        progress.setValue(100)
        progress.close()
        progress.deleteLater()
    if report.cancelled:
        interaction.info(
            parent,
            translate("ImportDialog", "Import cancelled"),
            translate("ImportDialog", "The import was cancelled; no client was added."),
        )
        return report
    interaction.run_once(ImportReportDialog(report, Path(path).name, parent))
    return report


class ImportReportDialog(QDialog):
    """How many clients came in, and each rejected line with its reason."""

    def __init__(self, report: ImportReport, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ImportDialog", "Import finished"))
        self.resize(640, 420)
        self.report = report
        layout = QVBoxLayout(self)
        summary = translate(
            "ImportDialog", "{file}: clients imported: {imported}; lines not imported: {rejected}."
        ).format(file=file_name, imported=report.imported, rejected=len(report.rejected))
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if report.ignored_columns:
            ignored = QLabel(
                translate("ImportDialog", "Columns not used: {columns}").format(
                    columns=", ".join(report.ignored_columns)
                    + (
                        translate("ImportDialog", " and {count} more").format(
                            count=report.more_ignored_columns
                        )
                        if report.more_ignored_columns
                        else ""
                    )
                )
            )
            ignored.setWordWrap(True)
            layout.addWidget(ignored)
        self.table = QTableWidget(len(report.rejected), 2)
        self.table.setHorizontalHeaderLabels(
            [
                translate("ImportDialog", "Line"),
                translate("ImportDialog", "Why it was not imported"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, rejection in enumerate(report.rejected):
            line = QTableWidgetItem(str(rejection.line))
            line.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, line)
            self.table.setItem(
                row, 1, QTableWidgetItem(rejection.render(QCoreApplication.translate))
            )
        self.table.setVisible(bool(report.rejected))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if report.rejected:
            save = buttons.addButton(
                translate("ImportDialog", "Save the list of rejected lines…"),
                QDialogButtonBox.ButtonRole.ActionRole,
            )
            save.clicked.connect(self._save_rejections)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def _save_rejections(self) -> None:
        path = interaction.choose_save_file(
            self,
            translate("ImportDialog", "Save rejected lines"),
            "rejected.csv",
            translate("ImportDialog", "CSV files (*.csv)"),
        )
        if not path:
            return
        target = Path(path)
        try:
            with (
                replacing(target) as partial,
                partial.open("w", encoding="utf-8-sig", newline="") as fh,
            ):
                writer = csv_writer(fh)
                writer.writerow(
                    [
                        translate("ImportDialog", "Line"),
                        translate("ImportDialog", "Why it was not imported"),
                    ]
                )
                for rejection in self.report.rejected:
                    writer.writerow([rejection.line, rejection.render(QCoreApplication.translate)])
        except OSError as exc:
            interaction.error(
                self,
                translate("ImportDialog", "Not saved"),
                translate("ImportDialog", "Cannot write {path}: {reason}").format(
                    path=path,
                    reason=translate_value(os_error_reason(exc), QCoreApplication.translate),
                ),
            )
