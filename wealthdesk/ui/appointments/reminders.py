"""Appointment reminders: a client due in a few minutes, and preparation still to do
on the day and the working day before; each said once, in a banner and the tray."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject

from ... import local_settings
from ...domain.durations import minutes_text
from ...i18n import domain_text, translate
from ...services import clock
from ...services.storage import StorageError
from .appointment_book import AppointmentBook


class Reminders(QObject):
    """:meth:`check` returns what to remind the manager of now, and remembers it: an
    appointment's reminder is stored as sent, the preparation reminder is said once a
    day for the same appointments. Closed by the manager (:meth:`dismiss_for_today`),
    the preparation reminder keeps quiet for the rest of the day, across restarts,
    unless another appointment comes to need preparing. Names are masked: a reminder
    may show on a screen a client can see."""

    def __init__(self, book: AppointmentBook, parent: QObject | None = None):
        super().__init__(parent)
        self._book = book
        self._prepared_said: tuple[dt.date, frozenset[int]] | None = None
        # The last reminders said, each able to say itself again in another language.
        self._said: list[Callable[[], str]] = []

    def check(self) -> list[str]:
        try:
            due = self._book.due_reminders()
            unprepared = self._book.needing_preparation()
        except StorageError:
            return []  # the next tick tries again
        said_now: list[Callable[[], str]] = []
        now = clock.now()
        for appointment in due:
            # The minutes are counted when said: the banner counts down with the clock.
            said_now.append(partial(_due_text_now, appointment))
            # Not stored as sent when the database fails: said again rather than never.
            with contextlib.suppress(StorageError):
                self._book.mark_reminded(appointment.id)
        ids = frozenset(a.id for a in unprepared)
        said = (now.date(), ids)
        if ids and said != self._prepared_said and not ids <= self._dismissed(now.date()):
            self._prepared_said = said
            said_now.append(partial(_preparation_text, len(ids)))
        if said_now:
            self._said = said_now
        return [text() for text in said_now]

    def last_text(self) -> str:
        """The reminders :meth:`check` returned last (the banner's text), said again in
        the language of now."""
        return "\n".join(text() for text in self._said)

    def dismiss_for_today(self) -> None:
        """The manager closed the reminder: the preparation it said is not said again
        today (remembered on this PC); tomorrow, or once another appointment needs
        preparing, it is."""
        if self._prepared_said is None:
            return
        day, ids = self._prepared_said
        if day != clock.today():
            return
        ids = ids | self._dismissed(day)
        local_settings.set_state(
            local_settings.PREPARATION_DISMISSED,
            f"{day.isoformat()}:{','.join(str(i) for i in sorted(ids))}",
        )

    @staticmethod
    def _dismissed(day: dt.date) -> frozenset[int]:
        """The appointments whose preparation reminder was closed on *day*."""
        stored = str(local_settings.state(local_settings.PREPARATION_DISMISSED, "") or "")
        on, _, ids = stored.partition(":")
        if on != day.isoformat():
            return frozenset()
        return frozenset(int(i) for i in ids.split(",") if i.strip().isdigit())


def _due_text_now(appointment) -> str:
    minutes = max(round((appointment.start - clock.now()).total_seconds() / 60), 0)
    return _due_text(appointment, minutes)


def _due_text(appointment, minutes: int) -> str:
    purposes = translate("Reminders", ", ").join(domain_text(p.label) for p in appointment.purposes)
    return translate("Reminders", "{time} {name} is expected in {duration}{purposes}.").format(
        time=appointment.start.strftime("%H:%M"),
        name=appointment.masked_name,
        duration=minutes_text(minutes, QCoreApplication.translate),
        purposes=f" ({purposes})" if purposes else "",
    )


def _preparation_text(count: int) -> str:
    return translate(
        "Reminders",
        "{count} appointments today or on the next working day still have "
        "preparation to do (Appointments page).",
    ).format(count=count)
