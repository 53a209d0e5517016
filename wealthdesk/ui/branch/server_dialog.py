"""Connect this PC to the branch server: the address, a connection test that says what it
found, and the password kept in PostgreSQL's own password file (never in our settings)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ... import local_settings
from ...db.connection import StorageError, parse_url
from ...domain.errors import ValidationError
from ...i18n import translate
from ...services import branch
from .. import defs, interaction
from ..forms import show_problems, validated_row


class ServerDialog(QDialog):
    """*current* is the address in use (a SQLite file or a server) to start from."""

    def __init__(self, current: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.setWindowTitle(translate("ServerDialog", "Connect to the branch server"))
        self.chosen_url = ""
        intro = QLabel(
            translate(
                "ServerDialog",
                "Every desk, the lobby and the waiting-room display of a branch share one "
                "PostgreSQL server. The address is kept on this PC; the password is kept "
                "only in PostgreSQL's own password file, for this Windows or Linux user.",
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.host = QLineEdit()
        self.host.setObjectName("serverHost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(branch.DEFAULT_PORT)
        self.database = QLineEdit("wealthdesk")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(
            translate(
                "ServerDialog", "Keep the password in PostgreSQL's password file ({path})"
            ).format(path=branch.password_file())
        )
        self.remember.setChecked(True)
        self.errors = {
            "host": validated_row(form, QLabel(translate("ServerDialog", "&Server:")), self.host),
            "port": validated_row(form, QLabel(translate("ServerDialog", "&Port:")), self.port),
            "database": validated_row(
                form, QLabel(translate("ServerDialog", "&Database:")), self.database
            ),
            "user": validated_row(form, QLabel(translate("ServerDialog", "&User:")), self.user),
            "password": validated_row(
                form, QLabel(translate("ServerDialog", "Pass&word:")), self.password
            ),
        }
        form.addRow("", self.remember)
        self.result_label = QLabel()
        self.result_label.setObjectName("serverResult")
        self.result_label.setWordWrap(True)
        self.test_button = QPushButton(translate("ServerDialog", "&Test the connection"))
        self.test_button.clicked.connect(self.test)
        self.use_button = QPushButton(translate("ServerDialog", "&Use this server"))
        self.use_button.setDefault(True)
        self.use_button.clicked.connect(self.use_server)
        self.local_button = QPushButton(translate("ServerDialog", "Use this PC's &own database"))
        self.local_button.clicked.connect(self.use_local)
        cancel = QPushButton(translate("ServerDialog", "Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        for button in (self.local_button, self.use_button, cancel):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        self._fill(current)

    def _fill(self, current: str) -> None:
        try:
            parsed = parse_url(current) if current else None
        except StorageError:  # an unreadable stored address: start empty
            parsed = None
        if parsed is None or parsed.is_sqlite:
            return
        params = dict(parsed.params)
        self.host.setText(str(params.get("host", "")))
        self.port.setValue(int(params.get("port", branch.DEFAULT_PORT)))
        self.database.setText(parsed.dbname)
        self.user.setText(str(params.get("user", "")))

    def address(self) -> branch.ServerAddress:
        return branch.ServerAddress(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
        )

    def test(self) -> bool:
        """Connect once and say what was found; True when the server can be used."""
        show_problems(self.errors, [])
        try:
            probe = branch.try_connection(self.address(), self.password.text())
        except ValidationError as wrong:
            show_problems(self.errors, wrong.problems)
            self.result_label.setText("")
            return False
        except branch.ServerRefused as refused:
            reason = refused.reason
            hint = ""
            if refused.password:
                hint = " " + translate(
                    "ServerDialog",
                    "Type the password above and keep it in the password file, or ask the "
                    "branch's administrator for it.",
                )
            self.result_label.setText(
                translate("ServerDialog", "Not connected: {reason}").format(reason=reason) + hint
            )
            return False
        if probe.schema_version is None:
            found = translate(
                "ServerDialog", "an empty database: WealthDesk sets it up when first used"
            )
        elif probe.schema_version > probe.latest:
            found = translate(
                "ServerDialog",
                "WealthDesk data of a newer release (schema {schema}): update this PC first",
            ).format(schema=probe.schema_version)
        else:
            found = translate("ServerDialog", "WealthDesk data, schema {schema}").format(
                schema=probe.schema_version
            )
        self.result_label.setText(
            translate("ServerDialog", "Connected: PostgreSQL {version}; {found}.").format(
                version=probe.server_version, found=found
            )
        )
        return probe.schema_version is None or probe.schema_version <= probe.latest

    def use_server(self) -> None:
        if not self.test():
            return
        address = self.address()
        if self.password.text() and self.remember.isChecked():
            try:
                branch.remember_password(address, self.password.text())
            except OSError as exc:
                interaction.warn(
                    self,
                    translate("ServerDialog", "The password was not kept"),
                    f"{branch.password_file()}: {exc.strerror or exc}",
                )
                return
        self.password.setText("")  # gone from memory the moment it is not needed
        self._store(address.url())

    def use_local(self) -> None:
        self._store("")

    def _store(self, url: str) -> None:
        local_settings.set_state(local_settings.DATABASE_URL, url)
        local_settings.qsettings().sync()
        self.chosen_url = url
        interaction.info(
            self,
            self.windowTitle(),
            translate(
                "ServerDialog",
                "WealthDesk uses {where} from its next start. Close it and start it again.",
            ).format(
                where=url or QCoreApplication.translate("ServerDialog", "the database on this PC")
            ),
        )
        self.accept()


__all__ = ["ServerDialog"]
