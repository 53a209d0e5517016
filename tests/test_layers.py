"""The packages' map in README's Development section, held: what each layer may import
(every import in the source, a function's own too), and that the domain reads and
writes no files."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "wealthdesk"

# Ours, by layer: what each may import of ours (itself always), and third-party
# packages it must not.
MAY_IMPORT = {
    "domain": set(),
    "db": {"domain", "early_check", "private_files", "paths"},
    "services": {"domain", "db", "private_files", "paths", "assets"},
    "reports": {"domain", "services", "private_files", "assets"},
    "ui": {
        "domain",
        "services",
        "reports",
        "db",  # only the connection's address and its errors (below: never peewee)
        "i18n",
        "local_settings",
        "paths",
        "assets",
        "private_files",
        "logging_setup",
    },
}
NEVER = {
    "domain": {"PySide6", "peewee", "reportlab", "psycopg", "psycopg2"},
    "db": {"PySide6", "reportlab"},
    "services": {"PySide6"},
    "reports": {"PySide6", "peewee"},
    "ui": {"peewee", "psycopg", "psycopg2"},
}
STANDARD = set(sys.stdlib_module_names) | {"__future__"}
# Rules and tables the domain may use besides the standard library: pure computation,
# no files, no Qt, no database.
DOMAIN_LIBRARIES = {"pypinyin", "chinese_calendar", "lunar_python", "stdnum"}


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute dotted name) of every import in *path*."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]  # its package
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            # "from .. import db" names a module too
            found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
    return found


def _ours(name: str) -> str | None:
    """The top-level part of ours *name* belongs to (domain, db, ui…), or None."""
    parts = name.split(".")
    if parts[0] != "wealthdesk" or len(parts) < 2:
        return None
    return parts[1]


@pytest.mark.parametrize("layer", sorted(MAY_IMPORT))
def test_each_layer_imports_only_what_the_map_allows(layer):
    wrong = []
    for path in _modules(layer):
        for line, name in _imports(path):
            where = f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}"
            top = name.split(".")[0]
            if top in NEVER[layer]:
                wrong.append(where)
            part = _ours(name)
            if part is None or part == layer:
                continue
            if part in {"__version__", "APP_NAME", "ORG_NAME"}:  # the package's own names
                continue
            if part not in MAY_IMPORT[layer]:
                wrong.append(where)
            elif layer == "ui" and part == "db" and [*name.split("."), ""][2] in _DB_INSIDES:
                wrong.append(where)  # the widgets see the database's address and errors only
    assert wrong == []


# What of the database layer the widgets must not reach: all but its front door (connect,
# StorageError, DatabaseUrl), the connection's address and errors, and this PC's presence.
_DB_INSIDES = {path.stem for path in (PACKAGE / "db").glob("*.py")} - {
    "__init__",
    "connection",
    "presence",
}


def test_the_domain_imports_the_standard_library_and_pure_rule_libraries_only():
    wrong = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}"
        for path in _modules("domain")
        for line, name in _imports(path)
        if name.split(".")[0] not in STANDARD | DOMAIN_LIBRARIES and _ours(name) != "domain"
    ]
    assert wrong == []


FILE_CALLS = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "fdopen"}


def test_the_domain_reads_and_writes_no_files():
    """Files are read by the services (a questionnaire, a schedule) and the domain is
    given their content."""
    wrong = []
    for path in _modules("domain"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in FILE_CALLS:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} calls {name}")
    assert wrong == []


def test_the_map_sees_every_import_of_ours():
    """A check that found nothing would pass for ever: the map's reader does find the
    imports it is meant to judge."""
    names = {name for path in _modules("ui") for _line, name in _imports(path)}
    assert "wealthdesk.services.queue.CheckIn" in names  # ui/queue/queue_page.py
    assert any(name.startswith("wealthdesk.domain.") for name in names)
    assert any(name.startswith("PySide6.") for name in names)
