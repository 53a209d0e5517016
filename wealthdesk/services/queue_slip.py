"""What the lobby's queue slip says about a visitor just checked in: the ticket, the
time, how many wait ahead of them for the desk they wait for, and the branch. Nothing
personal (reports/queue_slip.py prints it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import queue, settings


@dataclass(frozen=True)
class QueueSlip:
    """What a slip says: the *ticket*, when it was taken (local time), how many wait
    ahead of it, the branch's name, and the desk it waits for ("" the shared queue)."""

    ticket: str
    issued_at: dt.datetime
    ahead: int
    branch: str = ""
    desk: str = ""


def slip_for(visit_id: int) -> QueueSlip:
    """The slip of the visit *visit_id*. Ahead of a visitor sent to a desk are those
    before them in the call order who wait for that desk or for any (the shared queue);
    ahead of one in the shared queue, everyone before them (any desk may call those
    first)."""
    visit = queue.get_visit(visit_id)
    line = queue.snapshot(visit.service_date).waiting
    before: list[queue.VisitInfo] = []
    for waiting in line:
        if waiting.id == visit.id:
            break
        before.append(waiting)
    else:
        before = []  # no longer waiting (called at once): nobody is ahead
    if visit.desk:
        before = [v for v in before if v.desk in ("", visit.desk)]
    return QueueSlip(
        ticket=visit.ticket,
        issued_at=visit.arrived_at,
        ahead=len(before),
        branch=str(settings.get("branch_name") or ""),
        desk=visit.desk,
    )


__all__ = ["QueueSlip", "slip_for"]
