"""A person's name as the book keeps it: a client's, a manager's, a contact's."""

from __future__ import annotations

import functools
import re

from .errors import QT_TRANSLATE_NOOP, Problem

NAME_MAX = 40


@functools.cache
def _name_ok() -> re.Pattern[str]:
    from .pinyin import HAN_CHARS

    return re.compile(f"^[{HAN_CHARS}A-Za-z·•.\\- ]+$")


def name_problem(name: str, field: str = "name") -> Problem | None:
    """Why *name* is not a person's name as the book keeps it (a client's, a manager's)."""
    if not name:
        return Problem(field, QT_TRANSLATE_NOOP("domain", "The name is required."))
    if len(name) > NAME_MAX:
        return Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "The name is longer than {max} characters."),
            {"max": NAME_MAX},
        )
    if not _name_ok().match(name):
        return Problem(
            field,
            QT_TRANSLATE_NOOP(
                "domain", "The name may hold only Chinese characters, letters, · and spaces."
            ),
        )
    return None
