"""The Today page's line of level jumps (issue 19): a client's risk level raised by a
re-assessment and, the same day, a sale above the level before; masked names only."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ...i18n import translate
from ..language import Retranslating


class LevelJumpsLine(Retranslating, QLabel):
    """Hidden while there is none; says each jump in words (colour is not the sign)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("levelJumps")
        self.setWordWrap(True)
        self._jumps: list = []
        self.setVisible(False)

    def show_jumps(self, jumps) -> None:
        self._jumps = list(jumps)
        self._show()

    def _show(self) -> None:
        if not self._jumps:
            self.setText("")
            self.setVisible(False)
            return
        items = translate("LevelJumps", "; ").join(
            translate("LevelJumps", "{client} C{old}→C{new}, sold {product} R{rating}").format(
                client=j.masked_name,
                old=j.old_level,
                new=j.new_level,
                product=j.product_code,
                rating=j.product_rating,
            )
            for j in self._jumps
        )
        self.setText(
            translate(
                "LevelJumps",
                "Review with compliance — level raised and sold above the old level today: {items}",
            ).format(items=items)
        )
        self.setVisible(True)

    def retranslate(self) -> None:
        self._show()


__all__ = ["LevelJumpsLine"]
