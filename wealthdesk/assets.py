"""Finding the shipped resources (icons, translations, styles), installed or from source."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resource_dir() -> Path:
    """``wealthdesk/resources`` when installed; the checkout's ``resources/`` from source."""
    try:
        from importlib.resources import files

        installed = Path(str(files("wealthdesk.resources")))
        if (installed / "icons").is_dir():
            return installed
    except ModuleNotFoundError:
        pass
    source = Path(__file__).resolve().parent.parent / "resources"
    if (source / "icons").is_dir():
        return source
    raise FileNotFoundError(
        "WealthDesk's resources (icons, translations) are missing; reinstall the program."
    )


def icon_path(name: str) -> Path:
    path = resource_dir() / "icons" / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"no icon called {name!r} in {path.parent}")
    return path


def translation_path(language: str) -> Path:
    return resource_dir() / "translations" / f"wealthdesk_{language}.qm"


def style_path(name: str = "app") -> Path:
    return resource_dir() / "styles" / f"{name}.qss"
