"""What compliance reviews after the sale (issue 19): the sales whose audio-video
recording (双录) is not yet quality-checked, marking one checked (audited), and the day's
level jumps (a risk level raised and, the same day, a sale above the old level). The
Today page and the day close read them; the rules stay in ``risk.level_jumps``.

《理财公司理财产品销售管理暂行办法》(2021) asks for the recording of the sale in the
branch, kept and reviewed; the review (质检) is what this module tracks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.models import Client, Product, Sale
from ..db.transactions import writing
from ..domain.audit import AuditAction
from ..domain.errors import QT_TRANSLATE_NOOP, NotFound, Problem
from ..domain.masking import mask_name
from ..domain.times import stored_date
from . import audit, clock
from .risk import LevelJump, level_jumps


@dataclass(frozen=True)
class UncheckedRecording:
    """A sale whose 双录 recording waits for its quality check (masked client)."""

    sale_id: int
    signed_at: dt.datetime  # local
    masked_name: str
    product_code: str
    recording_ref: str
    retain_until: dt.date | None


@dataclass(frozen=True)
class DayCompliance:
    """The day close's compliance part: the day's level jumps and every recording still
    to check up to the day's end."""

    level_jumps: tuple[LevelJump, ...] = ()
    unchecked: tuple[UncheckedRecording, ...] = ()


def unchecked_recordings(until: dt.date | None = None) -> list[UncheckedRecording]:
    """Sales signed up to the end of *until* (today by default), not cancelled, with a
    recording reference not yet marked quality-checked; oldest first."""
    day = until or clock.today()
    end = (
        dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), clock.now().tzinfo)
        .astimezone(dt.UTC)
        .replace(tzinfo=None)
    )
    rows = (
        Sale.select(
            Sale.id,
            Sale.signed_at,
            Client.name,
            Product.code,
            Sale.recording_ref,
            Sale.recording_retain_until,
        )
        .join(Client, on=Sale.client == Client.id)
        .switch(Sale)
        .join(Product, on=Sale.product == Product.id)
        .where(
            (Sale.recording_ref != "")
            & (Sale.recording_checked == False)  # noqa: E712
            & Sale.cancelled_at.is_null()
            & (Sale.signed_at < end)
        )
        .order_by(Sale.signed_at, Sale.id)
        .tuples()
    )
    return [
        UncheckedRecording(
            sale_id,
            clock.to_local(signed),
            mask_name(name or ""),
            code,
            ref,
            stored_date(retain),
        )
        for sale_id, signed, name, code, ref, retain in rows
    ]


def mark_recording_checked(sale_id: int, actor: str) -> bool:
    """The sale's recording was quality-checked: marked and audited (who, when, which
    sale). Returns False when it was marked already (nothing written)."""
    with writing():
        row = Sale.get_or_none(Sale.id == sale_id)
        if row is None:
            raise NotFound(
                Problem("sale", QT_TRANSLATE_NOOP("domain", "This sale no longer exists."))
            )
        if row.recording_checked:
            return False
        Sale.update(recording_checked=True, row_version=Sale.row_version + 1).where(
            Sale.id == sale_id
        ).execute()
        audit.record(
            AuditAction.RECORDING_CHECKED,
            actor,
            row.client_id,
            f"sale {sale_id} {row.recording_ref}",
        )
    return True


def day_compliance(day: dt.date | None = None) -> DayCompliance:
    """What the day close of *day* lists for compliance."""
    day = day or clock.today()
    return DayCompliance(tuple(level_jumps(day)), tuple(unchecked_recordings(day)))


__all__ = [
    "DayCompliance",
    "UncheckedRecording",
    "day_compliance",
    "mark_recording_checked",
    "unchecked_recordings",
]
