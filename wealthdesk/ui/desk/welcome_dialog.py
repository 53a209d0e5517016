"""First start on an empty database: demo data, a client list, or an empty book."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout, QWidget

from ...i18n import translate
from ..icons import icon


class WelcomeChoice(Enum):
    DEMO = "demo"
    IMPORT = "import"
    EMPTY = "empty"


class WelcomeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice = WelcomeChoice.EMPTY
        self.setWindowTitle(translate("WelcomeDialog", "Welcome to WealthDesk"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        heading = QLabel(
            translate("WelcomeDialog", "The client book is empty. How would you like to start?")
        )
        heading.setObjectName("dialogHeading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.demo_button = QCommandLinkButton(
            translate("WelcomeDialog", "Try it with demo data"),
            translate(
                "WelcomeDialog",
                "300 invented clients with Chinese names, to explore every screen. "
                "Not for real work.",
            ),
        )
        self.import_button = QCommandLinkButton(
            translate("WelcomeDialog", "Import a client list"),
            translate(
                "WelcomeDialog",
                "A CSV file (UTF-8 or GBK) with columns such as "
                "姓名, 手机号码, 身份证号码, 客户等级.",
            ),
        )
        self.empty_button = QCommandLinkButton(
            translate("WelcomeDialog", "Start with an empty book"),
            translate("WelcomeDialog", "Add clients one by one as they come to the desk."),
        )
        self.demo_button.setIcon(icon("demo"))
        self.import_button.setIcon(icon("import"))
        self.empty_button.setIcon(icon("add-client"))
        for button, choice in (
            (self.demo_button, WelcomeChoice.DEMO),
            (self.import_button, WelcomeChoice.IMPORT),
            (self.empty_button, WelcomeChoice.EMPTY),
        ):
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            layout.addWidget(button)

    def _choose(self, choice: WelcomeChoice) -> None:
        self.choice = choice
        self.accept()
