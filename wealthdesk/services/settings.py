"""Branch-wide and per-desk settings kept in the database (see ``domain/settings.py``)."""

from __future__ import annotations

import json

from ..db.connection import database
from ..db.models import Setting
from ..domain.audit import AuditAction
from ..domain.errors import ValidationError
from ..domain.settings import SPECS, Scope, coerce, office_hours_problems, setting_problem
from . import audit


def _storage_key(key: str, desk: str) -> str:
    return f"desk:{desk}:{key}" if SPECS[key].scope is Scope.DESK else key


def load(desk: str) -> dict[str, object]:
    """Every branch and desk setting for *desk*, defaults where none is stored."""
    wanted = {
        _storage_key(key, desk): key
        for key, spec in SPECS.items()
        if spec.scope in (Scope.BRANCH, Scope.DESK)
    }
    values = {key: SPECS[key].default for key in wanted.values()}
    for row in Setting.select().where(Setting.key.in_(list(wanted))):
        try:
            values[wanted[row.key]] = coerce(wanted[row.key], json.loads(row.value))
        except ValueError:
            continue  # an unreadable stored value falls back to its default
    return values


def get(key: str, desk: str = "1") -> object:
    return load(desk)[key]


def save(changes: dict[str, object], desk: str, actor: str) -> dict[str, object]:
    """Validate and store *changes*; all or nothing. Returns the settings as now stored."""
    current = load(desk)
    merged = {**current, **changes}
    problems = [p for key, value in changes.items() if (p := setting_problem(key, value))]
    problems += office_hours_problems(merged)
    if problems:
        raise ValidationError(problems)
    changed = sorted(k for k, v in changes.items() if current.get(k) != v)
    if not changed:
        return current
    with database.atomic():
        for key in changed:
            if SPECS[key].scope is Scope.PC:
                raise ValueError(f"{key} is kept on this computer, not in the database")
            value = json.dumps(merged[key])
            (
                Setting.insert(key=_storage_key(key, desk), value=value)
                .on_conflict(conflict_target=[Setting.key], update={Setting.value: value})
                .execute()
            )
        if changed != ["welcome_done"]:
            audit.record(AuditAction.SETTINGS_CHANGED, actor, None, ",".join(changed))
        if merged.get("pin_hash") and "pin_hash" in changed:
            from . import desk as desk_service  # the desk has a PIN: its removal is seen

            desk_service.note_pin_set(desk)
    return merged
