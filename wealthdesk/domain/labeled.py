"""Stored codes with English labels marked for translation, and the words that parse
into them: the shape of every category the rules keep (tiers, purposes, states…)."""

from __future__ import annotations

import functools
import re
import unicodedata
from enum import StrEnum


class Labeled(StrEnum):
    """A stored code with an English label marked for translation (context ``domain``)."""

    @property
    def label(self) -> str:
        return type(self)._labels()[self.value]

    @classmethod
    def _labels(cls) -> dict[str, str]:
        """English labels by code; each category overrides this."""
        return {m.value: m.value for m in cls}

    @classmethod
    def parse(cls, text: str) -> Labeled | None:
        """A code, an English label or a Chinese word for it (the form's first), ignoring
        case, spaces, full-width forms and which dash or tilde joins a range."""
        wanted = _fold(text)
        return _word_index(cls).get(wanted) if wanted else None

    def names(self) -> tuple[str, ...]:
        """Every word that means this member: its code, English label and aliases."""
        return (self.value, self.label, *type(self)._aliases().get(self.value, ()))

    @classmethod
    def _aliases(cls) -> dict[str, tuple[str, ...]]:
        """Chinese (and other) words by code; the first is the word the form shows."""
        return {}


@functools.cache
def _word_index(kind: type[Labeled]) -> dict[str, Labeled]:
    """Every folded word of a category → its member, built once: an import parses
    several choices on every row."""
    index: dict[str, Labeled] = {}
    for member in kind:
        for name in member.names():
            index.setdefault(_fold(name), member)  # the first member to claim a word keeps it
    return index


_RANGE_MARKS = re.compile(r"[\-‐‑‒–—―~〜]")


def _fold(text: str) -> str:
    """*text* as :meth:`Labeled.parse` compares it: 存款(负债业务) is 存款（负债业务）,
    10万-30万 is 10万–30万 and 10万~30万."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return _RANGE_MARKS.sub("-", "".join(folded.split()))
