"""Stepping away or going to lunch: when the manager is back, asked in one field, and the
door notice that says so, previewed and printed with the same click that locks."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import local_settings
from ...domain.desk import DeskState, return_time_problem
from ...domain.durations import minutes_text
from ...domain.errors import DomainError
from ...i18n import domain_text, translate
from ...services import clock
from .. import interaction
from ..forms import show_problems, validated_row

PRINT_NOTICE = "notice/print_when_leaving"  # the manager's choice, remembered on this PC
if TYPE_CHECKING:  # the door notice's rules load with the dialog's notice box
    from ...domain.notice import NoticeDraft

NoticeFor = Callable[[dt.time | None], "NoticeDraft | None"]


class AwayDialog(QDialog):
    """Enter accepts the suggested time; the screen is cleared and locked after."""

    def __init__(
        self,
        state: DeskState,
        suggested: str,
        parent: QWidget | None = None,
        notice_for: NoticeFor | None = None,
        actor: str = "",
        desk: str = "1",
    ):
        super().__init__(parent)
        self.setObjectName("awayDialog")
        self.state = state
        title = (
            translate("AwayDialog", "Lunch break")
            if state is DeskState.LUNCH
            else translate("AwayDialog", "Step away")
        )
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "AwayDialog",
                "The client screen is cleared and the desk locked until you are back.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.until = QLineEdit(suggested)
        self.until.setObjectName("returnTime")
        self.until.setInputMask("99:99")
        self.until.setMaximumWidth(90)
        self._errors = {
            "until": validated_row(form, QLabel(translate("AwayDialog", "Back at")), self.until)
        }
        layout.addLayout(form)
        self.notice_for = notice_for
        self.edited: NoticeDraft | None = None  # the notice as changed in its own dialog
        self.notice_box: QGroupBox | None = None
        if notice_for is not None:
            layout.addWidget(self._notice_box(actor, desk))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_ok_text()
        self.until.setFocus()
        self.until.selectAll()

    # ------------------------------------------------------------ the door notice
    def _notice_box(self, actor: str, desk: str) -> QGroupBox:
        from ..notices.notice_dialog import LiveNotice, NoticeForm, NoticeRenderer

        self.actor, self.desk = actor, desk
        box = QGroupBox(translate("AwayDialog", "Print the door notice"))
        box.setObjectName("noticeBox")
        box.setCheckable(True)
        box.setChecked(bool(int(local_settings.state(PRINT_NOTICE, 1) or 0)))
        box.toggled.connect(self._notice_toggled)
        self.notice_box = box
        draft = self.notice_for(self._until_time())
        self.renderer = NoticeRenderer()
        # The form is not shown here (its own dialog edits it): it feeds the preview.
        self.notice_form = NoticeForm(draft, box, fixed_kind=True)
        self.notice_form.setVisible(False)
        self.notice = LiveNotice(self.notice_form, self.renderer, box)
        self.notice.setMinimumSize(360, 250)
        self.edit_notice_button = QPushButton(translate("AwayDialog", "Change the notice…"))
        self.edit_notice_button.clicked.connect(self.edit_notice)
        inner = QVBoxLayout(box)
        inner.addWidget(self.notice, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.edit_notice_button)
        inner.addLayout(row)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(250)
        self._notice_timer.timeout.connect(self._follow_time)
        self.until.textChanged.connect(self._notice_timer.start)
        self.notice.refresh()
        return box

    def _until_time(self) -> dt.time | None:
        problem = return_time_problem(self.until_text, clock.now())
        if problem is not None:
            return None
        return dt.time.fromisoformat(self.until_text)

    def _follow_time(self) -> None:
        """The return time typed above goes onto the notice."""
        until = self._until_time()
        if until is None:
            return
        draft = self.notice_for(until)
        if self.edited is not None and draft is not None:
            from ...domain.notice import NoticeKind

            # The manager's changes stay; only the time follows the field.
            kind = NoticeKind(self.edited.kind)
            time = {"until": until} if kind is NoticeKind.LUNCH else {"back": until}
            draft = dataclasses.replace(self.edited, **time)
        if draft is not None:
            self.notice_form.set_draft(draft)
            self.notice.refresh()

    def _notice_toggled(self, on: bool) -> None:
        local_settings.set_state(PRINT_NOTICE, int(on))
        self._show_ok_text()

    def _show_ok_text(self) -> None:
        printing = self.notice_box is not None and self.notice_box.isChecked()
        self.ok_button.setText(
            translate("AwayDialog", "Print the notice and lock")
            if printing
            else translate("AwayDialog", "Lock the desk")
        )

    def edit_notice(self) -> None:
        """The notice in its own dialog, to change its words (or print or save it there)."""
        from ..notices.notice_dialog import NoticeDialog

        self._follow_time()
        current = self.notice.draft or self.notice_form.base
        dialog = NoticeDialog(current, self.actor, self.desk, self, renderer=self.renderer)
        interaction.run_dialog(dialog)
        changed = dialog.live.draft
        if changed is not None:
            self.edited = changed
            self.notice_form.set_draft(changed)
            self.notice.refresh()
        dialog.deleteLater()

    @property
    def notice_draft(self) -> NoticeDraft | None:
        """The notice to print as the desk locks; None when not wanted or not valid."""
        if self.notice_box is None or not self.notice_box.isChecked():
            return None
        self._follow_time()
        return self.notice.draft

    def print_notice(self) -> bool:
        """Print the previewed notice on the last printer (the print dialog only when
        none was used yet), and log it; a clear message when it cannot be."""
        from ..notices.notice_dialog import _log_notice
        from ..pdf_preview import print_pdf

        draft = self.notice_draft
        if draft is None:
            if self.notice_box is not None and self.notice_box.isChecked():
                interaction.warn(
                    self,
                    translate("AwayDialog", "The door notice was not printed"),
                    self.notice.message.text(),
                )
            return False
        title = translate("AwayDialog", "Door notice")
        try:
            printed = print_pdf(self, self.notice.preview.document, title, ask=False)
        except DomainError as exc:
            interaction.explain(self, title, exc)
            return False
        if printed:
            _log_notice(self, draft, "printed", self.actor, self.desk)
        return printed

    @property
    def until_text(self) -> str:
        return self.until.text().strip()

    def accept(self) -> None:
        problem = return_time_problem(self.until_text, clock.now())
        show_problems(self._errors, [problem] if problem else [])
        if problem is None:
            super().accept()


def state_text(
    state: DeskState, until: str = "", ticket: str = "", minutes: int = 0, called: bool = False
) -> str:
    """The desk's state in a few words, for the status bar and the lock screen."""
    label = domain_text(state.label)
    if state is DeskState.SERVING and ticket and called:
        return translate("AwayDialog", "Called {ticket} · {duration} ago").format(
            ticket=ticket, duration=minutes_text(minutes, QCoreApplication.translate)
        )
    if state is DeskState.SERVING and ticket:
        return translate("AwayDialog", "Serving {ticket} · {duration}").format(
            ticket=ticket, duration=minutes_text(minutes, QCoreApplication.translate)
        )
    if state.takes_return_time and until:
        return translate("AwayDialog", "{state} · back at {time}").format(state=label, time=until)
    return label
