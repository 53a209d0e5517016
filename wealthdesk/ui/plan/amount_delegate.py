"""The proposed products' amount cell, changed in place (double-click or F2): an editor
for the amount as the desk writes it (50000, 5万), whose entry goes to the plan tab to
be checked; nothing is written into the model here."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit

from ..tables import ElidedTextTips
from .plan_model import ProposalModel


class AmountDelegate(ElidedTextTips):
    """Opens a right-aligned line editor on the amount; on Enter (or leaving the cell)
    says which product's amount was typed, with :attr:`entered`. An editor still open
    when the client leaves is emptied and closed by :meth:`discard`."""

    entered = Signal(int, str)  # the product's id, the text typed

    def __init__(self, proxy: QSortFilterProxyModel, model: ProposalModel, parent=None):
        super().__init__(parent)
        self.proxy, self.model = proxy, model
        self.editor: QLineEdit | None = None

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setObjectName("planAmountEditor")
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editor = editor
        return editor

    def setEditorData(self, editor, index) -> None:
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor, model, index) -> None:
        line = self.model.line_at(self.proxy.mapToSource(index).row())
        if line is not None:
            self.entered.emit(line.product.id, editor.text())

    def destroyEditor(self, editor, index) -> None:
        editor.setText("")  # and with it its undo history
        if editor is self.editor:
            self.editor = None
        super().destroyEditor(editor, index)

    def discard(self) -> None:
        """Close an open editor without taking what it holds."""
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.setText("")
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)


__all__ = ["AmountDelegate"]
