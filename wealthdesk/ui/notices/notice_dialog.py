"""Door notices on screen: the form for a notice's words and times, its live preview (the
real PDF through QtPdf), printing it and saving it; logged for the day close."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ... import local_settings
from ...domain.errors import DomainError, ValidationError, os_error_reason, translate_value
from ...domain.notice import (
    ClosedReason,
    NoticeDraft,
    NoticeKind,
    Orientation,
    notice_problems,
    time_of,
)
from ...i18n import domain_text, translate
from ...services.storage import StorageError
from .. import defs, interaction
from ..forms import show_problems, validated_row
from ..icons import icon
from ..language import Retranslating
from ..pdf_preview import LAST_SAVE_FOLDER, PdfPreview, print_pdf

log = logging.getLogger(__name__)

PREVIEW_DELAY_MS = 250  # typing a time redraws the notice once the typing pauses


def _hhmm(value) -> str:
    return "" if value is None else f"{value.hour:02d}:{value.minute:02d}"


class NoticeRenderer:
    """Makes a draft's PDF with the PDF font, found once; the font's problem (none
    installed, a character it lacks) comes back as the text to show."""

    def __init__(self) -> None:
        self._font = None

    def render(self, draft: NoticeDraft) -> bytes:
        """The PDF's bytes; raises :class:`DomainError` (a bad draft, a font problem)."""
        from ...reports.notice import render_notice

        return render_notice(draft, self.font())

    def write(self, target: Path, draft: NoticeDraft) -> Path:
        from ...reports.notice import notice_pdf

        return notice_pdf(target, draft, self.font())

    def font(self):
        if self._font is None:
            from ...reports.fonts import cjk_font

            self._font = cjk_font(str(local_settings.get("pdf_font_path") or ""))
        return self._font


class NoticeForm(Retranslating, QWidget):
    """The notice's template and fields; each problem shows under its field."""

    changed = Signal()

    def __init__(self, draft: NoticeDraft, parent: QWidget | None = None, fixed_kind=False):
        super().__init__(parent)
        self.base = draft
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form = form
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.kind = QComboBox()
        self.kind.setObjectName("noticeKind")
        for kind in NoticeKind:
            self.kind.addItem("", kind.value)
        self.kind.setEnabled(not fixed_kind)
        self.start = self._time_edit("noticeStart")
        self.until = self._time_edit("noticeUntil")
        self.back = self._time_edit("noticeBack")
        self.phone = QLineEdit()
        self.phone.setObjectName("noticePhone")
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.closed_reason = QComboBox()
        for reason in ClosedReason:
            self.closed_reason.addItem("", reason.value)
        self.reason = QLineEdit()
        self.reason.setObjectName("noticeReason")
        self.text = QPlainTextEdit()
        self.text.setObjectName("noticeText")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(self.fontMetrics().height() * 7)
        self.english = QCheckBox()
        self.qr = QCheckBox()
        self.portrait = QCheckBox()
        rows = (
            ("kind", self.kind),
            ("start", self.start),
            ("until", self.until),
            ("back", self.back),
            ("phone", self.phone),
            ("closed_reason", self.closed_reason),
            ("reason", self.reason),
            ("text", self.text),
        )
        for key, widget in rows:
            label = QLabel()
            self.labels[key] = label
            self.errors[key] = validated_row(form, label, widget)
        options = QWidget()
        box = QVBoxLayout(options)
        box.setContentsMargins(0, 0, 0, 0)
        for check in (self.english, self.qr, self.portrait):
            box.addWidget(check)
        self.labels["options"] = QLabel()
        self.errors["qr"] = validated_row(form, self.labels["options"], options)
        # Problems of the settings' own values (branch, manager, the link) show at the end.
        self.other_errors = QLabel()
        self.other_errors.setObjectName("fieldError")
        self.other_errors.setWordWrap(True)
        self.other_errors.setVisible(False)
        form.addRow(self.other_errors)
        self.set_draft(draft)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.closed_reason.currentIndexChanged.connect(lambda _i: self._show_rows())
        for edit in (self.start, self.until, self.back, self.phone, self.reason):
            edit.textChanged.connect(self.changed)
        self.text.textChanged.connect(self.changed)
        for signal in (
            self.closed_reason.currentIndexChanged,
            self.english.toggled,
            self.qr.toggled,
            self.portrait.toggled,
        ):
            signal.connect(lambda *_: self.changed.emit())
        self.retranslate()

    def _time_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText("HH:MM")
        edit.setMaxLength(5)
        edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:00") * 3)
        return edit

    def retranslate(self) -> None:
        for index, kind in enumerate(NoticeKind):
            self.kind.setItemText(index, domain_text(kind.label))
        for index, reason in enumerate(ClosedReason):
            self.closed_reason.setItemText(index, domain_text(reason.label))
        texts = {
            "kind": translate("NoticeDialog", "&Notice:"),
            "start": translate("NoticeDialog", "Break &from:"),
            "until": translate("NoticeDialog", "Open &again at:"),
            "back": translate("NoticeDialog", "&Back at:"),
            "phone": translate("NoticeDialog", "&Phone to call:"),
            "closed_reason": translate("NoticeDialog", "&Why:"),
            "reason": translate("NoticeDialog", "&Reason:"),
            "text": translate("NoticeDialog", "&Text:"),
            "options": translate("NoticeDialog", "Options:"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.back.setToolTip(translate("NoticeDialog", "Optional: when you expect to be back"))
        self.reason.setPlaceholderText(translate("NoticeDialog", "Optional, e.g. 系统升级"))
        self.text.setPlaceholderText(
            translate("NoticeDialog", "Your own words, one short line each (at most 5)")
        )
        self.english.setText(translate("NoticeDialog", "An English line under the Chinese"))
        self.qr.setText(translate("NoticeDialog", "A QR code for the phone or the link"))
        self.portrait.setText(translate("NoticeDialog", "Portrait page (otherwise landscape)"))

    def set_draft(self, draft: NoticeDraft) -> None:
        self.base = draft
        self.kind.setCurrentIndex(self.kind.findData(NoticeKind(draft.kind).value))
        self.start.setText(_hhmm(draft.start))
        self.until.setText(_hhmm(draft.until))
        self.back.setText(_hhmm(draft.back))
        self.phone.setText(draft.phone)
        self.closed_reason.setCurrentIndex(
            self.closed_reason.findData(ClosedReason(draft.closed_reason).value)
        )
        self.reason.setText(draft.reason)
        self.text.setPlainText(draft.text)
        self.english.setChecked(draft.english)
        self.qr.setChecked(draft.qr)
        self.portrait.setChecked(draft.orientation == Orientation.PORTRAIT)
        self._show_rows()

    def _kind_changed(self) -> None:
        kind = NoticeKind(self.kind.currentData())
        # A lunch notice starts with the office hours' break, as the settings give it.
        if kind is NoticeKind.LUNCH and not self.until.text().strip():
            self.start.setText(_hhmm(self.base.start))
            self.until.setText(_hhmm(self.base.until))
        self._show_rows()
        self.changed.emit()

    def _show_rows(self) -> None:
        kind = NoticeKind(self.kind.currentData())
        closed = kind is NoticeKind.CLOSED
        shown = {
            "start": kind is NoticeKind.LUNCH,
            "until": kind is NoticeKind.LUNCH,
            "back": kind in (NoticeKind.AWAY, NoticeKind.CLOSED),
            "phone": kind is not NoticeKind.TEXT,
            "closed_reason": closed,
            "reason": closed,
            "text": kind is NoticeKind.TEXT,
        }
        for key, visible in shown.items():
            self.form.setRowVisible(self.errors[key].parentWidget(), visible)
        self.english.setEnabled(kind is not NoticeKind.TEXT)

    def draft(self) -> NoticeDraft:
        """The notice as filled in; raises :class:`ValidationError` for a time that is
        not one (the other rules are the draft's own: :func:`notice_problems`)."""
        problems = []
        times = {}
        for key, edit in (("start", self.start), ("until", self.until), ("back", self.back)):
            try:
                times[key] = time_of(edit.text(), key)
            except ValidationError as wrong:
                problems += wrong.problems
        if problems:
            raise ValidationError(problems)
        return dataclasses.replace(
            self.base,
            kind=NoticeKind(self.kind.currentData()),
            start=times["start"],
            until=times["until"],
            back=times["back"],
            phone=self.phone.text().strip(),
            closed_reason=ClosedReason(self.closed_reason.currentData()),
            reason=self.reason.text().strip(),
            text=self.text.toPlainText(),
            english=self.english.isChecked(),
            qr=self.qr.isChecked(),
            orientation=Orientation.PORTRAIT
            if self.portrait.isChecked()
            else Orientation.LANDSCAPE,
        )

    def problems(self) -> tuple[NoticeDraft | None, list]:
        """The draft (None when a time is unreadable) and every problem, shown."""
        try:
            draft = self.draft()
            problems = notice_problems(draft)
        except ValidationError as wrong:
            draft, problems = None, wrong.problems
        show_problems(self.errors, problems)
        others = [
            p.render(QCoreApplication.translate) for p in problems if p.field not in self.errors
        ]
        self.other_errors.setText("\n".join(others))
        self.other_errors.setVisible(bool(others))
        return draft, problems


class LiveNotice(QWidget):
    """A notice's preview kept in step with its form: the real PDF, or why there is none."""

    rendered = Signal(bool)  # True when the preview shows the form's notice

    def __init__(self, form: NoticeForm, renderer: NoticeRenderer, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = form
        self.renderer = renderer
        self.preview = PdfPreview()
        self.preview.pages_label.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        self.draft: NoticeDraft | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        form.changed.connect(self._timer.start)

    def refresh(self) -> bool:
        """Draw the form's notice now; False (and the reason shown) when it cannot be."""
        self._timer.stop()
        draft, problems = self.form.problems()
        self.draft = None
        if draft is None or problems:
            self._say(translate("NoticeDialog", "Correct the fields marked to see the notice."))
            return self._done(False)
        try:
            data = self.renderer.render(draft)
        except DomainError as refused:
            self._say(refused.render(QCoreApplication.translate))
            return self._done(False)
        if not self.preview.show_bytes(data):
            self._say(translate("NoticeDialog", "The notice cannot be shown."))
            return self._done(False)
        self.draft = draft
        self._say("")
        return self._done(True)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            self.preview.clear()

    def _done(self, shown: bool) -> bool:
        self.rendered.emit(shown)
        return shown


class NoticeDialog(Retranslating, QDialog):
    """A door notice to fill in, see as it will print, print (Ctrl+P) or save (Ctrl+S)."""

    def __init__(
        self,
        draft: NoticeDraft,
        actor: str,
        desk: str,
        parent: QWidget | None = None,
        renderer: NoticeRenderer | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("noticeDialog")
        self.actor, self.desk = actor, desk
        self.renderer = renderer or NoticeRenderer()
        self.form = NoticeForm(draft)
        self.live = LiveNotice(self.form, self.renderer)
        self.print_button = QPushButton(icon("print"), "")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_notice)
        self.save_button = QPushButton(icon("save"), "")
        self.save_button.clicked.connect(self.save_notice)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_notice)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_notice)
        self.live.rendered.connect(self._rendered)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, defs.SPACING, 0)
        column.addWidget(self.form)
        column.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.live)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1000, 560)
        self.retranslate()
        self.live.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("NoticeDialog", "Door notice"))
        self.print_button.setText(translate("NoticeDialog", "&Print…"))
        self.save_button.setText(translate("NoticeDialog", "&Save as PDF…"))
        self.close_button.setText(translate("NoticeDialog", "Close"))

    def _rendered(self, shown: bool) -> None:
        self.print_button.setEnabled(shown)
        self.save_button.setEnabled(shown)

    def print_notice(self) -> bool:
        """Qt's print dialog on the last printer; logged once printed."""
        if not self.live.refresh():
            return False
        draft = self.live.draft
        title = translate("NoticeDialog", "Door notice")
        if not print_pdf(self, self.live.preview.document, title):
            return False
        _log_notice(self, draft, "printed", self.actor, self.desk)
        return True

    def save_notice(self) -> Path | None:
        """Save the notice where the manager chooses; logged once written."""
        if not self.live.refresh():
            return None
        draft = self.live.draft
        folder = str(local_settings.state(LAST_SAVE_FOLDER, "") or Path.home())
        chosen = interaction.choose_save_file(
            self,
            translate("NoticeDialog", "Save the door notice"),
            str(Path(folder) / f"notice-{NoticeKind(draft.kind).value}.pdf"),
            translate("NoticeDialog", "PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        refused = translate("NoticeDialog", "The notice was not saved")
        from ...services import notices

        try:
            with notices.recording(draft.kind, "saved", self.actor, self.desk, draft.closed_reason):
                self.renderer.write(target, draft)
        except (DomainError, StorageError) as exc:
            interaction.explain(self, refused, exc)
            return None
        except OSError as exc:
            reason = translate_value(os_error_reason(exc), QCoreApplication.translate)
            interaction.warn(self, refused, f"{target}: {reason}")
            return None
        local_settings.set_state(LAST_SAVE_FOLDER, str(target.parent))
        return target


def _log_notice(parent, draft: NoticeDraft, how: str, actor: str, desk: str) -> None:
    """Log a notice printed, for the day close; a database that cannot take it is said
    (the notice is on paper already)."""
    from ...services import notices

    try:
        notices.record(draft.kind, how, actor, desk, draft.closed_reason)
    except StorageError as exc:
        interaction.explain(parent, translate("NoticeDialog", "The notice was not logged"), exc)


__all__ = ["LiveNotice", "NoticeDialog", "NoticeForm", "NoticeRenderer"]
