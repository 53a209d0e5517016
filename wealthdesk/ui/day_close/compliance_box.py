"""The Day close page's compliance box (issue 19): the day's level jumps and the sales
whose 双录 recording is not yet quality-checked, with a way to mark one checked (audited).
Masked names only, as on the rest of the page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...i18n import translate
from ...services import sale_reviews
from ...services.storage import StorageError, guarded
from .. import interaction

SALE_ID_ROLE = Qt.ItemDataRole.UserRole


class ComplianceBox(QGroupBox):
    """Shows a :class:`~wealthdesk.services.sale_reviews.DayCompliance`; ``checked`` is
    emitted once a recording is marked quality-checked."""

    checked = Signal(int)  # the sale id
    status_message = Signal(str)  # never carries client data (a recording's reference)

    def __init__(self, actor: Callable[[], str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dayCloseCompliance")
        self._actor = actor
        self._compliance = None
        self.jumps = QLabel()
        self.jumps.setObjectName("dayCloseLevelJumps")
        self.jumps.setWordWrap(True)
        self.unchecked_label = QLabel()
        self.unchecked = QListWidget()
        self.unchecked.setObjectName("uncheckedRecordings")
        self.unchecked.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.unchecked.setMaximumHeight(150)
        self.unchecked.itemSelectionChanged.connect(self._update_button)
        self.check_button = QPushButton()
        self.check_button.setObjectName("markRecordingChecked")
        self.check_button.clicked.connect(self.mark_checked)
        row = QHBoxLayout()
        row.addWidget(self.unchecked_label, 1)
        row.addWidget(self.check_button)
        box = QVBoxLayout(self)
        box.addWidget(self.jumps)
        box.addLayout(row)
        box.addWidget(self.unchecked)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("DayCloseCompliance", "Compliance checks"))
        self.check_button.setText(translate("DayCloseCompliance", "Mark quality-checked"))
        self.check_button.setToolTip(
            translate(
                "DayCloseCompliance",
                "The selected sale's recording (双录) was reviewed: mark it checked (recorded "
                "in the audit log with your name)",
            )
        )
        self._show()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_compliance(self, compliance) -> None:
        self._compliance = compliance
        self._show()

    def _show(self) -> None:
        c = self._compliance
        jumps = c.level_jumps if c is not None else ()
        unchecked = c.unchecked if c is not None else ()
        if jumps:
            items = translate("DayCloseCompliance", "; ").join(
                translate(
                    "DayCloseCompliance", "{client} C{old}→C{new}, sold {product} R{rating}"
                ).format(
                    client=j.masked_name,
                    old=j.old_level,
                    new=j.new_level,
                    product=j.product_code,
                    rating=j.product_rating,
                )
                for j in jumps
            )
            self.jumps.setText(
                translate(
                    "DayCloseCompliance",
                    "Level raised and sold above the old level today: {items}",
                ).format(items=items)
            )
        else:
            self.jumps.setText(
                translate("DayCloseCompliance", "No level raised and sold above it today.")
            )
        self.unchecked_label.setText(
            translate(
                "DayCloseCompliance", "Recordings (双录) not yet quality-checked: {count}"
            ).replace("{count}", f"{len(unchecked):,}")
        )
        chosen = self._selected()
        self.unchecked.clear()
        for u in unchecked:
            keep = u.retain_until.isoformat() if u.retain_until else "—"
            item = QListWidgetItem(
                translate(
                    "DayCloseCompliance",
                    "{time} · {client} · {product} · {ref} · keep until {keep}",
                ).format(
                    time=f"{u.signed_at:%Y-%m-%d %H:%M}",
                    client=u.masked_name,
                    product=u.product_code,
                    ref=u.recording_ref,
                    keep=keep,
                )
            )
            item.setData(SALE_ID_ROLE, u.sale_id)
            self.unchecked.addItem(item)
            if u.sale_id == chosen:
                item.setSelected(True)
        self.unchecked.setVisible(bool(unchecked))
        self._update_button()

    def _selected(self) -> int | None:
        items = self.unchecked.selectedItems()
        return items[0].data(SALE_ID_ROLE) if items else None

    def _reference(self, sale_id: int) -> str:
        c = self._compliance
        unchecked = c.unchecked if c is not None else ()
        return next((u.recording_ref for u in unchecked if u.sale_id == sale_id), "")

    def _update_button(self) -> None:
        self.check_button.setEnabled(self._selected() is not None)

    def mark_checked(self) -> bool:
        sale_id = self._selected()
        if sale_id is None:
            return False
        try:
            guarded(sale_reviews.mark_recording_checked)(sale_id, self._actor())
        except (DomainError, StorageError) as exc:
            interaction.explain(
                self, translate("DayCloseCompliance", "The recording was not marked"), exc
            )
            return False
        # The row leaves the list at once: say which recording the click marked.
        self.status_message.emit(
            translate("DayCloseCompliance", "Recording {ref} marked quality-checked.").format(
                ref=self._reference(sale_id)
            )
        )
        self.checked.emit(sale_id)
        return True


__all__ = ["ComplianceBox"]
