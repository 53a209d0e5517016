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
    """The slip of the visit *visit_id*: ahead of it, those the queue places before it
    (its place, as the queue's rows and the lobby show it, less one): for a visitor sent
    to a desk, those waiting for that desk or for any (the shared queue); for one in the
    shared queue, everyone before them. Nobody, once called."""
    visit = queue.get_visit(visit_id)
    placed = next((v for v in queue.snapshot(visit.service_date).waiting if v.id == visit.id), None)
    ahead = max((placed.position or 1) - 1, 0) if placed is not None else 0
    return QueueSlip(
        ticket=visit.ticket,
        issued_at=visit.arrived_at,
        ahead=ahead,
        branch=str(settings.get("branch_name") or ""),
        desk=visit.desk,
    )


__all__ = ["QueueSlip", "slip_for"]
