"""The Chinese font every PDF embeds: found on this computer or set in the settings,
checked before a document is written so that no page ever shows empty boxes.

reportlab embeds TrueType outlines only: WenQuanYi or AR PL on Linux, Microsoft YaHei or
SimSun on Windows, STHeiti on macOS work; CFF/OpenType fonts such as Noto CJK do not.
"""

from __future__ import annotations

import functools
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, DomainError, Problem

log = logging.getLogger(__name__)

# Where each platform keeps a CJK TrueType font reportlab can embed, best first.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "linux": (
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        "/usr/share/fonts/truetype/arphic/ukai.ttc",
        "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
        "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    ),
    "win32": (
        r"C:\Windows\Fonts\msyh.ttc",
        r"C:\Windows\Fonts\msyh.ttf",
        r"C:\Windows\Fonts\simhei.ttf",
        r"C:\Windows\Fonts\simsun.ttc",
    ),
    "darwin": (
        "/System/Library/Fonts/STHeiti Medium.ttc",
        "/System/Library/Fonts/STHeiti Light.ttc",
        "/Library/Fonts/Arial Unicode.ttf",
        "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    ),
}

_NOT_FOUND = QT_TRANSLATE_NOOP(
    "domain",
    "No Chinese font that PDFs can embed was found. Install the WenQuanYi fonts "
    "(fonts-wqy-microhei) or choose a TrueType font file (.ttf or .ttc) in Settings, "
    "Font file for PDFs.",
)
_NO_FILE = QT_TRANSLATE_NOOP(
    "domain", "The font file set in Settings does not exist: {path}. Choose another one."
)
_UNUSABLE = QT_TRANSLATE_NOOP(
    "domain",
    "The font {path} cannot be embedded in a PDF ({reason}). Choose a TrueType font "
    "(.ttf or .ttc) such as WenQuanYi Micro Hei, Microsoft YaHei or SimSun.",
)
_NO_CHINESE = QT_TRANSLATE_NOOP(
    "domain", "The font {path} has no Chinese characters. Choose a Chinese TrueType font."
)
_MISSING = QT_TRANSLATE_NOOP(
    "domain",
    "The font {name} cannot show these characters: {characters}. Change the text or "
    "choose another font in Settings.",
)


class FontError(DomainError):
    """No usable font, or text the font cannot show: the message says what to do."""


@dataclass(frozen=True)
class Font:
    """A registered font: *name* is what reportlab's canvases and styles use."""

    name: str
    path: Path
    characters: frozenset[int]

    def missing(self, text: str) -> list[str]:
        """The characters of *text* this font has no glyph for (spaces and line breaks
        need none), each once, in order."""
        seen: dict[str, None] = {}
        for ch in text:
            if ch.isspace() or ord(ch) in self.characters:
                continue
            seen.setdefault(ch, None)
        return list(seen)

    def check(self, *texts: str) -> None:
        """Raise :class:`FontError` naming every character of *texts* the font lacks."""
        missing: dict[str, None] = {}
        for text in texts:
            for ch in self.missing(text):
                missing.setdefault(ch, None)
        if missing:
            shown = " ".join(missing)
            raise FontError(
                Problem("font", _MISSING, {"name": self.path.name, "characters": shown})
            )


def cjk_font(configured: str = "") -> Font:
    """The font to embed: the file set in the settings, else the first usable one this
    platform is known to have. Raises :class:`FontError` with what to install or set."""
    if configured.strip():
        path = Path(configured.strip()).expanduser()
        if not path.is_file():
            raise FontError(Problem("pdf_font_path", _NO_FILE, {"path": str(path)}))
        return _load(str(path))
    reasons = []
    for candidate in CANDIDATES.get(_platform(), ()):
        if not Path(candidate).is_file():
            continue
        try:
            return _load(candidate)
        except FontError as exc:
            reasons.append(exc.render())
    for reason in reasons:
        log.warning("font not usable: %s", reason)
    raise FontError(Problem("pdf_font_path", _NOT_FOUND))


def _platform() -> str:
    if sys.platform.startswith("linux"):
        return "linux"
    return sys.platform


@functools.cache
def _load(path: str) -> Font:
    """Register *path* with reportlab once (the first face of a .ttc)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = "WealthDeskCJK-" + Path(path).stem
    try:
        font = (
            TTFont(name, path, subfontIndex=0)
            if path.lower().endswith(".ttc")
            else (TTFont(name, path))
        )
    except (TTFError, OSError, ValueError, KeyError) as exc:
        reason = str(exc).replace(f'"{path}"', "").strip(" :") or type(exc).__name__
        raise FontError(
            Problem("pdf_font_path", _UNUSABLE, {"path": path, "reason": reason})
        ) from exc
    characters = frozenset(font.face.charToGlyph)
    if ord("中") not in characters:
        raise FontError(Problem("pdf_font_path", _NO_CHINESE, {"path": path}))
    pdfmetrics.registerFont(font)
    return Font(name=name, path=Path(path), characters=characters)


__all__ = ["CANDIDATES", "Font", "FontError", "cjk_font"]
