"""Domain errors: every refusal names what is wrong, in words the UI can translate."""

from __future__ import annotations

from dataclasses import dataclass, field


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark *text* for Qt's lupdate without importing Qt; the UI translates it later."""
    return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field: an English message template and its values.

    The template is marked for translation under the ``domain`` context, so the UI and
    the CLI show it in the user's language with :func:`Problem.render`.
    """

    field: str
    template: str
    params: dict[str, object] = field(default_factory=dict)

    def render(self, translate=None) -> str:
        text = translate("domain", self.template) if translate else self.template
        return text.format(**self.params)


class DomainError(Exception):
    """A request the rules refuse; carries one or more problems."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("; ".join(p.render() for p in self.problems))

    def render(self, translate=None) -> str:
        return "; ".join(p.render(translate) for p in self.problems)


class ValidationError(DomainError):
    """Input that breaks a validation rule."""


class NotFound(DomainError):
    """A record that does not exist (any more)."""


class ConflictError(DomainError):
    """A change that collides with another one (a duplicate, a concurrent edit)."""
