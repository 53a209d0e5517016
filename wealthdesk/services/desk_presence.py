"""Which program runs each desk today: one desk number, one window, and the desks the
lobby lists as open.

A desk's program *claims* its number when it starts (its computer's name, its process,
a token only it knows), says it is still there every :data:`HEARTBEAT_S` seconds, and
lets go when it closes. A second start with a number another live program holds is
refused with that computer's name; a program that died (no heartbeat for
:data:`STALE_AFTER_S` seconds) loses its claim to the next one that starts. The day a
desk first started is kept: the lobby lists every desk that started today until it
closes. The same on SQLite (several processes on one PC) and on the branch server.

Kept apart from the desk states (``services.desk``) on purpose: it is about running
programs, not what the manager said.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid
from dataclasses import dataclass

from ..db.models import DeskPresence
from ..db.transactions import is_postgres, writing
from ..domain.errors import QT_TRANSLATE_NOOP, ConflictError, Problem
from ..domain.times import stored_date
from . import clock

HEARTBEAT_S = 10  # how often a running desk says it is there
STALE_AFTER_S = 40  # a desk not heard of for this long died: its number may be taken over


@dataclass(frozen=True)
class Presence:
    """A desk as started today; times local."""

    desk: str
    host: str
    pid: int
    day: dt.date
    started_at: dt.datetime
    seen_at: dt.datetime
    running: bool  # its program is there now (a fresh heartbeat, not stopped)


@dataclass(frozen=True)
class Claim:
    """This program's hold on a desk number."""

    desk: str
    token: str
    host: str
    pid: int


class DeskTaken(ConflictError):
    """The desk number is held by another program that is still running."""

    def __init__(self, desk: str, host: str, pid: int, since: dt.datetime | None, here: bool):
        self.desk, self.host, self.pid, self.since, self.here = desk, host, pid, since, here
        since_text = since.strftime("%H:%M") if since else ""
        if here:
            problem = Problem(
                "desk",
                QT_TRANSLATE_NOOP(
                    "domain",
                    "Desk {desk} is already open in another WealthDesk window on this "
                    "computer (process {pid}, since {since}). Use that window, or start this "
                    "one with another desk number.",
                ),
                {"desk": desk, "pid": pid, "since": since_text},
            )
        else:
            problem = Problem(
                "desk",
                QT_TRANSLATE_NOOP(
                    "domain",
                    "Desk {desk} is already open on the computer {host} (since {since}). "
                    "Close WealthDesk there first, or start this one with another desk "
                    "number.",
                ),
                {"desk": desk, "host": host, "since": since_text},
            )
        super().__init__(problem)


def this_computer() -> str:
    return (socket.gethostname() or "?")[:80]


def claim(desk: str, host: str | None = None, pid: int | None = None) -> Claim:
    """Hold *desk* for this program; raises :class:`DeskTaken` while another program
    that is still running holds it. The day's first start is kept (a restart is not a
    new start)."""
    desk = (desk or "").strip()[:40]
    host = (host if host is not None else this_computer())[:80]
    pid = os.getpid() if pid is None else pid
    token = uuid.uuid4().hex
    now = clock.now_utc()
    today = clock.today()
    with writing():
        # The row exists before it is locked: two programs starting at once on the server
        # meet on it, and the second sees the first's claim.
        (
            DeskPresence.insert(
                desk=desk, host="", pid=0, token="", day=today, started_at=now, seen_at=now
            )
            .on_conflict_ignore()
            .execute()
        )
        query = DeskPresence.select().where(DeskPresence.desk == desk)
        if is_postgres():
            query = query.for_update()
        row = query.get()
        held = bool(row.token) and (now - row.seen_at).total_seconds() < STALE_AFTER_S
        held = held and (row.host, row.pid) != (host, pid)  # this very program again
        if held:
            here = row.host == host
            raise DeskTaken(desk, row.host, row.pid, clock.to_local(row.started_at), here)
        started = row.started_at if stored_date(row.day) == today and row.host else now
        DeskPresence.update(
            host=host, pid=pid, token=token, day=today, started_at=started, seen_at=now
        ).where(DeskPresence.desk == desk).execute()
    return Claim(desk, token, host, pid)


def heartbeat(held: Claim) -> bool:
    """Say the desk's program is still there; False when another program took the desk
    over meanwhile (this one was thought dead)."""
    with writing():
        changed = (
            DeskPresence.update(seen_at=clock.now_utc())
            .where((DeskPresence.desk == held.desk) & (DeskPresence.token == held.token))
            .execute()
        )
    return changed == 1


def holder(desk: str) -> Presence | None:
    """Who holds *desk* now (whoever started it last), or None."""
    row = DeskPresence.get_or_none(DeskPresence.desk == desk)
    return _presence(row, clock.now_utc()) if row is not None else None


def release(held: Claim) -> None:
    """The program closes: the desk is free for the next start at once."""
    with writing():
        (
            DeskPresence.update(token="", seen_at=clock.now_utc())
            .where((DeskPresence.desk == held.desk) & (DeskPresence.token == held.token))
            .execute()
        )


def started_on(day: dt.date | None = None) -> list[Presence]:
    """Every desk whose program started on *day* (today by default), running or not."""
    day = day or clock.today()
    now = clock.now_utc()
    rows = DeskPresence.select().where(DeskPresence.day == day).order_by(DeskPresence.desk)
    return [_presence(row, now) for row in rows]


def _presence(row: DeskPresence, now: dt.datetime) -> Presence:
    return Presence(
        desk=row.desk,
        host=row.host,
        pid=row.pid,
        day=stored_date(row.day),
        started_at=clock.to_local(row.started_at),
        seen_at=clock.to_local(row.seen_at),
        running=bool(row.token) and (now - row.seen_at).total_seconds() < STALE_AFTER_S,
    )


__all__ = [
    "HEARTBEAT_S",
    "STALE_AFTER_S",
    "Claim",
    "DeskTaken",
    "Presence",
    "claim",
    "heartbeat",
    "holder",
    "release",
    "started_on",
    "this_computer",
]
