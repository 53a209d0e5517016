"""Test helpers for the compliance rules of a sale (issue 19): a desk whose manager holds
every sales qualification, as the branch's settings record it."""

from __future__ import annotations

from wealthdesk.domain.settings import QUALIFICATION_KEYS


def qualify_desk(desk: str = "1", span: str = "2020-01-01 2099-12-31") -> None:
    """Record that *desk*'s manager may sell wealth products, funds and insurance."""
    from wealthdesk.services import settings

    settings.save({key: span for key in QUALIFICATION_KEYS.values()}, desk, "setup")
