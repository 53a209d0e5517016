"""Who and where this window is: the desk, its manager and the database it uses."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field

from ..db import DatabaseUrl
from ..services import settings as settings_service


@dataclass
class DeskContext:
    desk: str
    database: DatabaseUrl
    settings: dict[str, object] = field(default_factory=dict)

    def reload(self) -> None:
        self.settings = settings_service.load(self.desk)

    @property
    def manager(self) -> str:
        return str(self.settings.get("manager_name") or "")

    def actor(self) -> str:
        """The name the audit log records for this desk's actions."""
        try:
            login = getpass.getuser()
        except (OSError, KeyError):
            login = "?"
        return f"{self.manager or login} (desk {self.desk})"
