"""How long something took or lasts, in words: one format wherever a duration is shown
(the queue, the lock, the Today page, the day close on screen and on paper)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .errors import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]
NONE = "—"

_MINUTES = QT_TRANSLATE_NOOP("domain", "{m} min")
_HOURS_MINUTES = QT_TRANSLATE_NOOP("domain", "{h} h {m:02d} min")


def _no_translation(context: str, text: str) -> str:
    return text


def minutes_text(minutes: int | float, translate: Translate = _no_translation) -> str:
    """``25 min``; ``1 h 06 min`` from an hour on (never ``66 min``). Whole minutes,
    rounded down; less than nothing is nothing."""
    hours, rest = divmod(max(0, int(minutes)), 60)
    if hours:
        return translate("domain", _HOURS_MINUTES).format(h=hours, m=rest)
    return translate("domain", _MINUTES).format(m=rest)


def duration_text(value: dt.timedelta | None, translate: Translate = _no_translation) -> str:
    """:func:`minutes_text` of *value*; a dash when it is not known."""
    if value is None:
        return NONE
    return minutes_text(value.total_seconds() // 60, translate)
