"""Client care: the day's care list (made once a task from the book: birthdays,
maturities, expiring assessments, follow-ups, long silences, event invitations),
calls and their outcomes, events, colleague support, the day's time on client work
against the target, and the care figures of the day close.

The rules live in ``domain/care.py``; this package asks the database for the few
candidates of each rule through its indexes, turns them into tasks once (the task's
unique *source* makes a second run add nothing) and wraps each change in one
transaction. Times are stored in UTC and handed out in the clock's zone.

This module is the front door: callers use ``care.care_list()`` and the rest from here.
Behind it, one module a topic:

- ``tasks``: the care list, made from the rules and read in the list's order;
- ``rules``: one query per kind of task (birthdays, maturities, risk, plans,
  follow-ups, long silences);
- ``calls``: logging calls, call-backs, closing a task;
- ``client_events``: client events and their invitations;
- ``support``: colleague support;
- ``work_time``: the day's time on client work;
- ``figures``: expiring assessments and the day close's care figures.

The demo's care (calls, an event, support) is made in ``services/demo.py``.
"""

from __future__ import annotations

from .calls import CallInfo, calls_of, close_task, log_call
from .client_events import EventInfo, create_event, events, get_event, invitation_count
from .figures import (
    EXPIRING_LIMIT,
    CareFigures,
    ExpiringAssessment,
    day_care_figures,
    expiring_assessments,
)
from .rules import last_contacts
from .support import SupportInfo, log_support, supports
from .tasks import CARE_LIST_LIMIT, CareItem, care_counts, care_list, generate, open_items
from .work_time import client_work_time

__all__ = [
    "CARE_LIST_LIMIT",
    "EXPIRING_LIMIT",
    "CallInfo",
    "CareFigures",
    "CareItem",
    "EventInfo",
    "ExpiringAssessment",
    "SupportInfo",
    "calls_of",
    "care_counts",
    "care_list",
    "client_work_time",
    "close_task",
    "create_event",
    "day_care_figures",
    "events",
    "expiring_assessments",
    "generate",
    "get_event",
    "invitation_count",
    "last_contacts",
    "log_call",
    "log_support",
    "open_items",
    "supports",
]
