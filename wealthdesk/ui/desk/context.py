"""Who and where this window is: the desk, its manager and the database it uses."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...db import DatabaseUrl
from ...domain.audit import actor_of, desk_actor
from ...i18n import translate
from ...services import settings as settings_service


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
        return desk_actor(self.manager, self.desk, login())


def login() -> str:
    """The computer's user name (recorded where a desk has no manager's name)."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"


def actor_text(recorded: str) -> str:
    """Who did it, as the manager reads it: "王经理 (desk 1)" in the screen's language,
    "desk 1" where no manager's name was set (never the computer's login)."""
    actor = actor_of(recorded, login())
    if actor.manager and actor.desk:
        return translate("Actor", "{name} (desk {desk})").format(
            name=actor.manager, desk=actor.desk
        )
    if actor.desk:
        return translate("Actor", "desk {desk}").format(desk=actor.desk)
    if actor.command_line:
        return translate("Actor", "the command line")
    return actor.manager or "—"
