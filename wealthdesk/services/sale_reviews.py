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
from .risk import LevelJump, level_jumps, level_jumps_between


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
    to check up to the day's end. A week's or month's summary has the same part (see
    :func:`period_compliance`)."""

    level_jumps: tuple[LevelJump, ...] = ()
    unchecked: tuple[UncheckedRecording, ...] = ()


def unchecked_recordings(
    until: dt.date | None = None, since: dt.date | None = None
) -> list[UncheckedRecording]:
    """Sales signed up to the end of *until* (today by default) and, with *since*, from
    its start, not cancelled, with a recording reference not yet marked quality-checked
    (as it stands now); oldest first."""
    day = until or clock.today()
    start, end = clock.stored_days(since or day, day + dt.timedelta(days=1))
    signed = Sale.signed_at < end
    if since is not None:
        signed &= Sale.signed_at >= start
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
            & signed
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


def period_compliance(first: dt.date, last: dt.date) -> DayCompliance:
    """What a week's or month's summary lists for compliance: the level jumps of every
    day from *first* to *last* (those up to today, as the days to come have none yet),
    and the period's sales whose recording is still not quality-checked now."""
    last = min(last, clock.today())
    if last < first:
        return DayCompliance()
    return DayCompliance(
        tuple(level_jumps_between(first, last)), tuple(unchecked_recordings(last, first))
    )


__all__ = [
    "DayCompliance",
    "UncheckedRecording",
    "day_compliance",
    "mark_recording_checked",
    "period_compliance",
    "unchecked_recordings",
]
