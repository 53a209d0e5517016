"""Leaving the desk (away, lunch, closing) while visitors wait or an appointment is
due: who they are (masked), and what the manager does about them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...domain.appointment import AppointmentStatus
from ...domain.desk import DeskState
from ...domain.settings import parse_time
from ...i18n import translate
from ...services import clock
from ...services.appointments import AppointmentInfo
from ...services.queue import VisitInfo

# How far ahead an appointment counts as "due while away" when the return time is not
# known yet (stepping away): the usual errand.
AWAY_HORIZON = dt.timedelta(hours=1)
NAMES_SHOWN = 5  # who is listed by ticket and masked name; the rest are counted
DESKS_OFFERED = 3  # colleagues' desks offered as buttons


@dataclass(frozen=True)
class LeavingQuestion:
    state: DeskState
    desk: str
    waiting_here: tuple[VisitInfo, ...]  # sent to this desk
    waiting_shared: tuple[VisitInfo, ...]  # in the shared queue, no other desk open
    due: tuple[AppointmentInfo, ...]  # this manager's bookings due while away
    open_desks: tuple[str, ...]  # colleagues' desks that are available

    @classmethod
    def gather(cls, queue, appointments, state: DeskState, lunch_end: str = "14:00"):
        """What the manager should know before leaving; None when nobody is affected.
        Raises StorageError."""
        now = clock.now()
        desk = queue.desk
        desks = [d for d in queue.desks() if d.desk != desk]
        open_desks = tuple(d.desk for d in desks if d.state == DeskState.AVAILABLE.value)
        waiting = queue.snapshot().waiting
        here = tuple(v for v in waiting if v.desk == desk)
        # With no colleague at work, the shared queue is waiting for this desk too.
        shared = () if open_desks else tuple(v for v in waiting if not v.desk)
        until = _horizon(state, now, lunch_end)
        due = tuple(
            a
            for a in appointments.day(now.date())
            if a.status in (AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED)
            and a.checked_in_at is None
            and now - dt.timedelta(minutes=15) <= a.start <= until
        )
        if not (here or shared or due):
            return None
        return cls(state, desk, here, shared, due, open_desks[:DESKS_OFFERED])

    # ------------------------------------------------------------ the question
    def title(self) -> str:
        return {
            DeskState.LUNCH: translate("Leaving", "Lunch break with visitors waiting"),
            DeskState.CLOSED: translate("Leaving", "Closing with visitors waiting"),
        }.get(self.state, translate("Leaving", "Stepping away with visitors waiting"))

    def text(self) -> str:
        lines = []
        waiting = self.waiting_here + self.waiting_shared
        if waiting:
            lines.append(
                translate("Leaving", "{count} visitors are waiting for you: {who}").format(
                    count=len(waiting), who=_who(waiting)
                )
            )
        if self.due:
            appointments = translate("Leaving", ", ").join(
                f"{a.start:%H:%M} {a.masked_name}" for a in self.due[:NAMES_SHOWN]
            )
            lines.append(
                translate("Leaving", "Appointments due meanwhile: {appointments}").format(
                    appointments=appointments
                )
            )
        if self.can_pass_on():
            lines.append(
                translate(
                    "Leaving",
                    "Pass those sent to you to the shared queue or to a colleague, or let them "
                    "wait: the door notice and the lobby show when you are back.",
                )
            )
        elif self.state is DeskState.CLOSED:
            lines.append(
                translate(
                    "Leaving",
                    "Nobody else is at work to take them: tell them before you close.",
                )
            )
        else:
            lines.append(
                translate(
                    "Leaving",
                    "Nobody else is at work to take them: they wait, and the door notice "
                    "and the waiting-room display show when you are back.",
                )
            )
        return "\n\n".join(lines)

    def can_pass_on(self) -> bool:
        return bool(self.waiting_here) and bool(self.open_desks)

    def options(self) -> list[tuple[str, str]]:
        options = []
        if self.can_pass_on():
            options.append(("shared", translate("Leaving", "Pass them to the shared queue")))
            options += [
                (f"desk:{desk}", translate("Leaving", "Pass them to desk {desk}").format(desk=desk))
                for desk in self.open_desks
            ]
        keep = {
            DeskState.CLOSED: translate("Leaving", "Close the desk anyway"),
        }.get(self.state, translate("Leaving", "Let them wait"))
        options.append(("keep", keep))
        return options

    def act(self, answer: str, queue) -> int:
        """Do what the manager chose; how many visitors were passed on."""
        if answer == "shared":
            return queue.pass_waiting(list(self.waiting_here), "")
        if answer.startswith("desk:"):
            return queue.pass_waiting(list(self.waiting_here), answer.removeprefix("desk:"))
        return 0


def _horizon(state: DeskState, now: dt.datetime, lunch_end: str) -> dt.datetime:
    if state is DeskState.CLOSED:
        return dt.datetime.combine(now.date(), dt.time(23, 59), now.tzinfo)
    if state is DeskState.LUNCH:
        end = parse_time(lunch_end) or dt.time(14, 0)
        return max(now, dt.datetime.combine(now.date(), end, now.tzinfo))
    return now + AWAY_HORIZON


def _who(visits: tuple[VisitInfo, ...]) -> str:
    shown = translate("Leaving", ", ").join(
        f"{v.ticket} {v.masked_name}" for v in visits[:NAMES_SHOWN]
    )
    rest = len(visits) - NAMES_SHOWN
    if rest > 0:
        shown += translate("Leaving", " and {count} more").format(count=rest)
    return shown


__all__ = ["LeavingQuestion"]
