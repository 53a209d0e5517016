"""Domain errors: every refusal names what is wrong, in words the UI can translate."""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark *text* for Qt's lupdate without importing Qt; the UI translates it later."""
    return text


# Between the reasons of one refusal; Chinese writes a full-width semicolon.
PROBLEM_SEPARATOR = QT_TRANSLATE_NOOP("domain", "; ")


class Phrase(str):
    """A fixed English phrase, marked for translation under *context*, that travels as a
    value inside another message (an operating system's reason inside "cannot be read:
    {reason}"), so the message's renderer translates it too."""

    context: str

    def __new__(cls, text: str, context: str = "domain") -> Phrase:
        phrase = super().__new__(cls, text)
        phrase.context = context
        return phrase


def translate_value(value: object, translate: Translate | None) -> object:
    """*value* in the user's language when it is a :class:`Phrase`, else unchanged."""
    if translate and isinstance(value, Phrase):
        return translate(value.context, str(value))
    if translate and callable(getattr(value, "render", None)):
        return value.render(translate)  # a value made of phrases (a list of names, say)
    return value


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field: an English message template and its values.

    The template is marked for translation under the ``domain`` context, so the UI and
    the CLI show it in the user's language with :func:`Problem.render`.
    """

    field: str
    template: str
    params: dict[str, object] = field(default_factory=dict)

    def render(self, translate: Translate | None = None) -> str:
        text = translate("domain", self.template) if translate else self.template
        return text.format(**{k: translate_value(v, translate) for k, v in self.params.items()})


def join_problems(problems: Iterable[Problem], translate: Translate | None = None) -> str:
    """Several reasons as one line, joined the way the user's language joins them."""
    separator = translate("domain", PROBLEM_SEPARATOR) if translate else PROBLEM_SEPARATOR
    return separator.join(p.render(translate) for p in problems)


class DomainError(Exception):
    """A request the rules refuse; carries one or more problems."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__(join_problems(self.problems))

    def render(self, translate: Translate | None = None) -> str:
        return join_problems(self.problems, translate)


class ValidationError(DomainError):
    """Input that breaks a validation rule."""


class NotFound(DomainError):
    """A record that does not exist (any more)."""


class ConflictError(DomainError):
    """A change that collides with another one (a duplicate, a concurrent edit)."""


_OS_REASONS: dict[int, str] = {
    errno.ENOENT: QT_TRANSLATE_NOOP("domain", "there is no such file or folder"),
    errno.EACCES: QT_TRANSLATE_NOOP("domain", "permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("domain", "permission denied"),
    errno.EISDIR: QT_TRANSLATE_NOOP("domain", "it is a folder, not a file"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("domain", "part of the path is a file, not a folder"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("domain", "the disk is full"),
    errno.EROFS: QT_TRANSLATE_NOOP("domain", "the disk is read-only"),
}
_FILE_IN_THE_WAY = QT_TRANSLATE_NOOP("domain", "a file is where a folder should be")


def os_error_reason(exc: OSError) -> str:
    """Why the operating system refused, as a short phrase the user's language can carry.

    The common causes become a :class:`Phrase` (translated where the message is shown);
    anything else is the system's own text, which is better than nothing.
    """
    code = exc.errno
    if code == errno.EEXIST and exc.filename and Path(str(exc.filename)).is_file():
        # mkdir(parents=True, exist_ok=True) says "File exists" when a file stands
        # where a folder of the path should be.
        return Phrase(_FILE_IN_THE_WAY)
    if code in _OS_REASONS:
        return Phrase(_OS_REASONS[code])
    return exc.strerror or str(exc)
