"""Demo data (services/demo.py): as many clients as asked, the same for the same seed;
a month of visits acted out through the queue services; all of it removed again."""

from __future__ import annotations

import collections
import datetime as dt
import itertools

import pytest

from wealthdesk import db
from wealthdesk.db.connection import sqlite_url
from wealthdesk.db.models import AuditEntry, Visit
from wealthdesk.domain.appointment import AppointmentStatus
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.queue import FinishCheck, ServiceOutcome, VisitKind, VisitState, ticket
from wealthdesk.services import appointments, audit, queue
from wealthdesk.services import clock as service_clock
from wealthdesk.services.clients import count_clients, list_clients
from wealthdesk.services.demo import (
    DEMO_ACTOR,
    count_demo_visits,
    create_demo_clients,
    create_demo_data,
    create_demo_visits,
    demo_drafts,
)

MINUTE = dt.timedelta(minutes=1)


@pytest.mark.slow
def test_an_empty_book_gets_exactly_the_number_of_demo_clients_asked_for(store, clock):
    # With the default seed, the old per-chunk generator repeated one ID number in its
    # second chunk of 5,000, so 10,000 asked for gave 9,999.
    assert create_demo_clients(10_000, 1, "desk1") == 10_000
    assert count_clients() == 10_000


def test_demo_clients_are_audited_and_carry_the_manager(store, clock):
    create_demo_clients(5, 4, "desk1", manager="李经理")
    assert {c.manager for c in list_clients()} == {"李经理"}
    entry = audit.entries()[0]
    assert entry.action is AuditAction.DEMO_CREATED and entry.detail == "5 clients, seed 4"


def test_the_same_seed_gives_the_same_drafts_and_a_longer_run_extends_a_shorter_one(clock):
    assert demo_drafts(30, 9) == demo_drafts(30, 9)
    assert demo_drafts(50, 9)[:30] == demo_drafts(30, 9)
    assert demo_drafts(30, 9) != demo_drafts(30, 10)


def make_mixed_book(tmp_path) -> list[int]:
    """Five demo clients among three real ones (created, imported); the real ones' ids."""
    from wealthdesk.domain.client import ClientDraft
    from wealthdesk.services.client_import import import_clients
    from wealthdesk.services.clients import create_client

    real = [create_client(ClientDraft(name="张伟", mobile="13812345678"), "desk1").id]
    create_demo_clients(5, 4, "desk1")
    csv = tmp_path / "clients.csv"
    csv.write_text("姓名,手机号码\n李娜,13912345678\n王芳,13700001111\n", encoding="utf-8")
    assert import_clients(csv, "desk1").imported == 2
    real += [c.id for c in list_clients() if c.name in ("李娜", "王芳")]
    return real


def test_demo_clients_are_marked_as_demo_and_real_ones_are_not(backend_store, clock, tmp_path):
    from wealthdesk.services.clients import get_client
    from wealthdesk.services.demo import count_demo_clients

    real = make_mixed_book(tmp_path)
    book = list_clients()
    assert sorted(c.id for c in book if not c.is_demo) == sorted(real)
    assert len([c for c in book if c.is_demo]) == count_demo_clients() == 5
    assert get_client(next(c.id for c in book if c.is_demo)).is_demo is True
    assert get_client(real[0]).is_demo is False


def test_removing_demo_data_removes_only_demo_clients_and_is_audited(
    backend_store, clock, tmp_path
):
    from wealthdesk.db.models import ClientSearchKey
    from wealthdesk.services.clients import search_clients
    from wealthdesk.services.demo import count_demo_clients, remove_demo_clients

    real = make_mixed_book(tmp_path)
    demo_names = {c.name for c in list_clients() if c.is_demo}

    assert remove_demo_clients("desk2") == 5

    assert sorted(c.id for c in list_clients()) == sorted(real)
    assert count_demo_clients() == 0 and count_clients() == 3
    assert {k.client_id for k in ClientSearchKey.select()} == set(real)
    for name in demo_names - {"张伟", "李娜", "王芳"}:
        assert search_clients(name).rows == []
    (entry,) = [
        e for e in audit.entries() if e.action == AuditAction.DEMO_REMOVED and "client" in e.detail
    ]
    assert (entry.action, entry.actor, entry.detail) == (
        AuditAction.DEMO_REMOVED,
        "desk2",
        "5 clients",
    )
    assert entry.action.label == "Demo data removed"


def test_removing_demo_data_when_there_is_none_changes_nothing(backend_store, clock):
    from wealthdesk.services.demo import remove_demo_clients

    assert remove_demo_clients("desk1") == 0
    assert audit.entries() == []


def test_a_removal_that_fails_midway_keeps_every_demo_client(
    backend_store, clock, tmp_path, monkeypatch
):
    from wealthdesk.services import demo

    make_mixed_book(tmp_path)
    before = [(c.id, c.name) for c in list_clients()]

    def refuse(*args, **kwargs):
        raise RuntimeError("the audit log cannot be written")

    monkeypatch.setattr(demo.audit, "record", refuse)
    with pytest.raises(RuntimeError):
        demo.remove_demo_clients("desk1")
    assert [(c.id, c.name) for c in list_clients()] == before
    assert demo.count_demo_clients() == 5


# ---------------------------------------------------------------- the clock override


def test_the_clock_reads_the_chosen_time_in_the_block_and_the_old_one_after(clock):
    from wealthdesk.services import clock as service_clock

    before = service_clock.now()
    when = dt.datetime(2026, 11, 2, 9, 30)
    with service_clock.at(when) as fixed:
        assert service_clock.now() == fixed == when.astimezone()
        assert service_clock.today() == dt.date(2026, 11, 2)
    assert service_clock.now() == before
    with pytest.raises(RuntimeError), service_clock.at(when):
        raise RuntimeError("a service refused")
    assert service_clock.now() == before


# ---------------------------------------------------------------- visits

TODAY = dt.date(2026, 11, 27)  # the clock fixture's day: a Friday, 10:00
CLOSED = {VisitState.DONE, VisitState.NO_SHOW, VisitState.LEFT}


def working_days_before(today: dt.date, days: int) -> set[dt.date]:
    back = (today - dt.timedelta(days=n) for n in range(1, days + 1))
    return {day for day in back if day.weekday() < 5}


def demo_visits_by_day() -> dict[dt.date, list[queue.VisitInfo]]:
    days = sorted({day for (day,) in Visit.select(Visit.service_date).distinct().tuples()})
    return {day: queue.visits(day) for day in days}


@pytest.fixture
def demo_month(store, clock):
    """300 demo clients and the visits of the last 30 days and today, as the CLI makes them."""
    report = create_demo_data(300, 1, "desk1", "李经理", "1", 30)
    return report, demo_visits_by_day()


def test_demo_visits_fill_every_working_day_of_the_last_30_days_and_today(demo_month, clock):
    report, by_day = demo_month
    assert report.clients == 300
    assert set(by_day) == working_days_before(TODAY, 30) | {TODAY}
    assert not [day for day in by_day if day.weekday() >= 5]
    assert report.visits == sum(len(v) for v in by_day.values()) == count_demo_visits()
    for day, visits in by_day.items():
        if day != TODAY:
            assert 8 <= len(visits) <= 20, day


def test_past_days_end_with_every_visit_closed_and_today_with_2_to_4_in_line(demo_month, clock):
    _report, by_day = demo_month
    for day, visits in by_day.items():
        if day != TODAY:
            assert {v.state for v in visits} <= CLOSED, day
    today = by_day[TODAY]
    assert 2 <= len(queue.waiting(TODAY)) <= 4
    assert {v.state for v in today} <= CLOSED | {VisitState.WAITING}
    assert all(v.arrived_at <= clock.now for v in today)
    assert queue.at_desk("1", TODAY) == []


def test_each_day_numbers_its_tickets_from_one_per_kind_without_gaps(demo_month):
    _report, by_day = demo_month
    for day, visits in by_day.items():
        for kind in VisitKind:
            tickets = sorted(v.ticket for v in visits if v.kind == kind)
            assert tickets == [ticket(kind, n) for n in range(1, len(tickets) + 1)], day


def test_one_desk_serves_one_visitor_at_a_time_and_nobody_before_they_arrive(demo_month, clock):
    _report, by_day = demo_month
    for day, visits in by_day.items():
        sessions = []
        for v in visits:
            if v.called_at is not None:
                assert v.arrived_at <= v.called_at <= v.finished_at <= clock.now, v
            if v.state == VisitState.DONE:
                assert v.called_at <= v.started_at
                assert 5 * MINUTE <= v.service_time <= 40 * MINUTE, v
            if v.state in (VisitState.DONE, VisitState.NO_SHOW):
                sessions.append((v.called_at, v.finished_at))
        sessions.sort()
        for (_called, finished), (next_called, _end) in itertools.pairwise(sessions):
            assert finished <= next_called, day


def test_visitors_arrive_in_opening_hours_fewer_over_lunch(demo_month):
    _report, by_day = demo_month
    hours = collections.Counter()
    for day, visits in by_day.items():
        if day == TODAY:
            continue
        for v in visits:
            assert dt.time(9) <= v.arrived_at.time() < dt.time(17), v
            hours[v.arrived_at.hour] += 1
    lunch = (hours[12] + hours[13]) / 2
    other = sum(n for hour, n in hours.items() if hour not in (12, 13)) / 6
    assert lunch < 0.7 * other


def test_demo_visits_look_like_a_real_desk_s_month(demo_month):
    _report, by_day = demo_month
    visits = [v for day in by_day.values() for v in day]
    kinds = collections.Counter(v.kind for v in visits)
    # A tickets are the clients of the day's kept appointments (2 to 4 booked a day).
    assert 0.08 < kinds[VisitKind.APPOINTMENT] / len(visits) < 0.35
    anonymous = [v for v in visits if v.client_id is None]
    assert 0.1 < len(anonymous) / len(visits) < 0.35
    assert all(v.name or v.masked_phone for v in anonymous)
    states = collections.Counter(v.state for v in visits)
    assert states[VisitState.NO_SHOW] and states[VisitState.LEFT]
    assert any(v.recall_count for v in visits)
    assert any(len(v.purposes) == 2 for v in visits) and all(v.purposes for v in visits)
    assert any(v.notes for v in visits)
    done = [v for v in visits if v.state == VisitState.DONE]
    outcomes = {v.outcome for v in done}
    assert outcomes <= {o.value for o in ServiceOutcome} and len(outcomes) >= 4
    assert all(v.checklist == tuple(FinishCheck) for v in done)
    entries = AuditEntry.select().where(AuditEntry.action == AuditAction.VISIT_CHECKED_IN.value)
    assert {e.actor for e in entries} == {DEMO_ACTOR} and entries.count() == len(visits)
    calls = AuditEntry.select().where(AuditEntry.action == AuditAction.VISIT_CALLED.value)
    assert calls.count() > len(done)  # some were called and did not come


def test_every_demo_a_ticket_is_a_client_checked_in_through_that_day_s_appointment(
    demo_month, clock
):
    from wealthdesk.db.models import Appointment
    from wealthdesk.domain.appointment import AppointmentStatus

    _report, by_day = demo_month
    through = {
        visit_id: appointment_id
        for appointment_id, visit_id in Appointment.select(Appointment.id, Appointment.visit)
        .where(Appointment.visit.is_null(False))
        .tuples()
    }
    a_tickets = [v for day in by_day.values() for v in day if v.kind == VisitKind.APPOINTMENT]
    assert len(a_tickets) >= len(by_day)  # about two a day
    for visit in a_tickets:
        appointment = appointments.get(through[visit.id])
        assert appointment.start.date() == visit.service_date, visit
        assert (appointment.client_id, appointment.is_prospect) == (
            visit.client_id,
            visit.client_id is None,
        )
        assert appointment.checked_in_at is not None
        if visit.state == VisitState.DONE:
            assert appointment.status is AppointmentStatus.COMPLETED
        else:  # today, still in line
            assert visit.state == VisitState.WAITING and visit.service_date == TODAY
            assert appointment.status is AppointmentStatus.CHECKED_IN
    # A client who came to an appointment on a day the desk was open came as an A ticket.
    for day, visits in by_day.items():
        came = {
            a.id
            for a in appointments.day(day)
            if a.status in (AppointmentStatus.COMPLETED, AppointmentStatus.CHECKED_IN)
        }
        linked = {through[v.id] for v in visits if v.kind == VisitKind.APPOINTMENT}
        assert came == linked, day


def test_every_demo_visit_is_made_and_moved_by_the_queue_services(store, clock, monkeypatch):
    used = collections.Counter()
    for name in queue.__all__:
        service = getattr(queue, name)
        if callable(service) and not isinstance(service, type):
            monkeypatch.setattr(queue, name, counting(service, name, used))
    made = create_demo_data(100, 1, "desk1", days=30).visits
    assert used["check_in"] == made == Visit.select().count()
    assert set(used) >= {
        "check_in", "call_next", "call", "recall", "recycle", "no_show", "park", "unpark",
        "leave", "start_service", "finish",
    }  # fmt: skip
    assert used["finish"] == Visit.select().where(Visit.state == VisitState.DONE.value).count()


def counting(service, name: str, used: collections.Counter):
    def counted(*args, **kwargs):
        used[name] += 1
        return service(*args, **kwargs)

    return counted


def test_the_same_seed_makes_the_same_month_and_another_seed_another(tmp_path, clock):
    def month(name: str, seed: int) -> list[tuple]:
        db.connect(sqlite_url(tmp_path / name), tmp_path / "backups")
        try:
            create_demo_data(40, seed, "desk1", days=10)
            return [
                (v.service_date, v.ticket, v.client_id, v.name, v.purposes, v.state,
                 v.outcome, v.arrived_at, v.called_at, v.started_at, v.finished_at)
                for day in demo_visits_by_day().values()
                for v in day
            ]  # fmt: skip
        finally:
            db.close()

    first = month("a.sqlite3", 3)
    assert first == month("b.sqlite3", 3)
    assert first != month("c.sqlite3", 4)


def test_demo_again_adds_no_second_day_over_the_first(store, clock):
    create_demo_clients(50, 1, "desk1")
    made = create_demo_visits(7, 1, "desk1")
    assert made > 0
    assert create_demo_visits(7, 1, "desk1") == 0
    assert Visit.select().count() == made
    entry = audit.entries()[0]
    assert (entry.action, entry.actor, entry.detail) == (
        AuditAction.DEMO_CREATED,
        "desk1",
        "0 visits, 7 days, seed 1",
    )


@pytest.mark.parametrize(
    "now",
    [dt.datetime(2026, 11, 28, 15, 0), dt.datetime(2026, 11, 27, 8, 20)],
    ids=["saturday", "before-opening"],
)
def test_on_a_weekend_or_before_opening_today_has_only_a_few_just_arrived(store, clock, now):
    clock.set(now)
    create_demo_clients(30, 1, "desk1")
    create_demo_visits(3, 1, "desk1")
    today = queue.visits(now.date())
    assert 2 <= len(today) <= 4
    assert all(v.state == VisitState.WAITING for v in today)
    assert all(v.arrived_at.date() == now.date() and v.arrived_at <= clock.now for v in today)


def test_without_demo_clients_every_demo_visitor_is_an_anonymous_walk_in(store, clock):
    made = create_demo_visits(2, 5, "desk1")
    visits = [v for day in demo_visits_by_day().values() for v in day]
    assert len(visits) == made > 0
    assert all(v.client_id is None and (v.name or v.masked_phone) for v in visits)


def test_progress_is_reported_with_the_real_clock_in_place(store, clock):
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total, service_clock.now()))

    create_demo_data(20, 1, "desk1", days=7, progress=progress)
    assert seen[-1][0] == seen[-1][1]
    assert [done for done, _t, _n in seen] == sorted(done for done, _t, _n in seen)
    assert {now for _d, _t, now in seen} == {clock.now}


def test_removing_demo_data_removes_demo_visits_but_not_real_ones(backend_store, clock, tmp_path):
    from wealthdesk.domain.client import ClientDraft
    from wealthdesk.services.clients import create_client
    from wealthdesk.services.demo import count_demo_clients, remove_demo_clients

    report = create_demo_data(30, 2, "desk1", days=3)
    real = create_client(ClientDraft(name="张伟", mobile="13812345678"), "desk1").id
    real_visit = queue.check_in(queue.CheckIn(client_id=real), "lobby")
    stranger = queue.check_in(queue.CheckIn(walk_in_name="路人甲"), "lobby")
    demo_client = next(c.id for c in list_clients() if c.is_demo and c.id not in busy_today())
    of_demo_client = queue.check_in(queue.CheckIn(client_id=demo_client), "lobby")
    assert count_demo_visits() == report.visits + 1

    assert remove_demo_clients("desk2") == 30

    assert [v.id for v in queue.visits(TODAY) if v.id != stranger.id] == [real_visit.id]
    assert {(v.id, v.name) for v in queue.visits(TODAY)} == {
        (real_visit.id, "张伟"),
        (stranger.id, "路人甲"),
    }
    assert Visit.select().count() == 2 and of_demo_client.id not in {v.id for v in queue.visits()}
    assert count_demo_visits() == count_demo_clients() == 0
    (entry,) = [
        e for e in audit.entries() if e.action == AuditAction.DEMO_REMOVED and "client" in e.detail
    ]
    assert (entry.action, entry.actor, entry.detail) == (
        AuditAction.DEMO_REMOVED,
        "desk2",
        f"30 clients, {report.visits + 1} visits, {report.appointments} appointments",
    )
    # The next visitor of the day does not get a number handed out already.
    taken = {v.ticket for v in queue.visits(TODAY)}
    assert queue.check_in(queue.CheckIn(walk_in_name="路人乙"), "lobby").ticket not in taken


def busy_today() -> set[int]:
    return {v.client_id for v in queue.visits(TODAY) if v.client_id is not None}


# ---------------------------------------------------------------- appointments


@pytest.fixture
def demo_appointments(store, clock):
    """60 demo clients, a week of visits, and 李经理's appointments around today."""
    report = create_demo_data(60, 1, "desk1", "李经理", "1", 7)
    booked = [a for n in range(-7, 15) for a in appointments.day(TODAY + n * DAY)]
    return report, booked


DAY = dt.timedelta(days=1)


def test_demo_appointments_fill_the_working_days_around_today(demo_appointments, clock):
    from wealthdesk.db.models import Appointment
    from wealthdesk.services.demo import count_demo_appointments

    report, booked = demo_appointments
    assert report.appointments == len(booked) == count_demo_appointments()
    assert Appointment.select().count() == len(booked)
    days = {a.start.date() for a in booked}
    assert all(d.weekday() < 5 for d in days) and len(days) >= 12
    assert {a.manager for a in booked} == {"李经理"}
    assert any(a.is_prospect for a in booked) and any(not a.is_prospect for a in booked)
    for a in booked:
        assert dt.time(9) <= a.start.time() and a.end.time() <= dt.time(17), a
        assert a.created_at <= min(a.start, clock.now), a
    entries = AuditEntry.select().where(AuditEntry.action == AuditAction.APPOINTMENT_CREATED.value)
    assert {e.actor for e in entries} == {DEMO_ACTOR}


def test_past_demo_appointments_are_resolved_and_later_ones_expected(demo_appointments, clock):
    _report, booked = demo_appointments
    past = [a for a in booked if a.start.date() < TODAY]
    later = [a for a in booked if a.start > clock.now]
    assert {a.status for a in past} <= {
        AppointmentStatus.COMPLETED, AppointmentStatus.NO_SHOW,
        AppointmentStatus.CANCELLED, AppointmentStatus.RESCHEDULED,
    }  # fmt: skip
    kinds = collections.Counter(a.status for a in past)
    assert kinds[AppointmentStatus.COMPLETED] > len(past) / 2
    assert kinds[AppointmentStatus.CANCELLED] >= 1
    for a in past:
        if a.status == AppointmentStatus.COMPLETED:
            assert a.prepared and a.checked_in_at is not None
        if a.status == AppointmentStatus.CANCELLED:
            assert a.cancelled_by is not None and a.cancelled_at <= a.start
        if a.status == AppointmentStatus.RESCHEDULED:
            assert appointments.get(a.rescheduled_to_id).start > a.start
    assert {a.status for a in later} <= {AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED}
    assert {a.status for a in later} == {AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED}
    # Checklists of later ones are partly ticked: some done, some not yet.
    assert any(0 < a.items_done < a.items_total for a in later)
    assert any(not a.prepared for a in later)
    figures = appointments.day_figures(TODAY - 7 * DAY)
    assert figures.booked >= 2 and figures.open == 0


def test_demo_appointments_again_add_no_second_day_and_are_removed_with_the_demo(
    backend_store, clock
):
    from wealthdesk.domain.client import ClientDraft
    from wealthdesk.services.appointments import AppointmentDraft
    from wealthdesk.services.clients import create_client
    from wealthdesk.services.demo import (
        count_demo_appointments,
        create_demo_appointments,
        remove_demo_clients,
    )

    create_demo_clients(20, 1, "desk1")
    made = create_demo_appointments(1, "desk1", "李经理", "1", days_before=3, days_after=3)
    assert made > 0
    assert create_demo_appointments(1, "desk1", "李经理", "1", days_before=3, days_after=3) == 0
    assert count_demo_appointments() == made
    real = create_client(ClientDraft(name="张伟", mobile="13812345678"), "desk1").id
    kept = [
        appointments.create(
            AppointmentDraft(start=dt.datetime(2026, 11, 27, 16, 30).astimezone(),
                             client_id=real, manager="王经理"),
            "desk1",
        ),
        appointments.create(
            AppointmentDraft(start=dt.datetime(2026, 11, 27, 16, 30).astimezone(),
                             prospect_name="赵敏", prospect_mobile="13700002222"),
            "desk1",
        ),
    ]  # fmt: skip
    assert count_demo_appointments() == made

    assert remove_demo_clients("desk2") == 20

    from wealthdesk.db.models import Appointment, AppointmentItem

    assert sorted(a for (a,) in Appointment.select(Appointment.id).tuples()) == [k.id for k in kept]
    assert {i.appointment_id for i in AppointmentItem.select()} <= {k.id for k in kept}
    assert count_demo_appointments() == 0
    assert audit.entries()[0].detail.endswith(f", {made} appointments")


def test_the_demo_book_has_what_the_compliance_rules_read(demo_month, clock):
    """Issue 19: qualified and non-qualified investors, clients of 65 and over, expired
    identity documents (their sales refused), a minor's sale with the guardian recorded,
    and only the last few days' recordings waiting for their quality check."""
    from wealthdesk.db.models import Client, QualifiedInvestor, Sale
    from wealthdesk.domain.identity import age_on
    from wealthdesk.services import sale_reviews, sales, suitability

    today = service_clock.today()
    people = list(Client.select(Client.id, Client.birth_date).tuples())
    qualified = {c for (c,) in QualifiedInvestor.select(QualifiedInvestor.client).tuples()}
    assert 0 < len(qualified) < len(people)
    assert sum(1 for _, birth in people if birth and age_on(birth, today) >= 65) >= 10
    expired = [c for c, _ in people if suitability.identity_document(c).expired(today)]
    assert expired
    attempt = sales.SaleDraft(expired[0], 1, 1_000_000, recording_ref="SL12345678")
    refused = sales.check_sale(attempt)
    assert "id_document" in [p.field for p in refused]
    (guarded,) = Sale.select().where(Sale.guardian != "")
    minor = Client.get_by_id(guarded.client_id)
    assert age_on(minor.birth_date, today) < 18 and guarded.guardian == "张建国（父亲）"
    unchecked = sale_reviews.unchecked_recordings(today)
    assert unchecked and all((today - u.signed_at.date()).days <= 4 for u in unchecked)


def test_the_demo_book_has_passport_and_residence_permit_holders_found_by_their_number(
    demo_month,
):
    """Issue 19: the document tab shows other documents than resident IDs in the demo,
    each number valid by its rule, and the desk finds the holder by the whole number."""
    from wealthdesk.db.models import Client
    from wealthdesk.domain.client import IdDocType
    from wealthdesk.domain.identity import document_number_problem
    from wealthdesk.services import clients, suitability

    today = service_clock.today()
    holders = list(
        Client.select(Client.id, Client.id_doc_type, Client.id_doc_number)
        .where(Client.id_doc_type != "resident_id")
        .tuples()
    )
    kinds = sorted(kind for _, kind, _ in holders)
    assert kinds == ["passport", "passport", "passport", "residence_permit"]
    for cid, kind, number in holders:
        assert document_number_problem(kind, number, today) is None
        doc = suitability.identity_document(cid)
        assert doc.doc_type is IdDocType.parse(kind) and doc.masked_number
        assert doc.masked_number != number and not doc.expired(today)
        assert [row.id for row in clients.search_clients(number.lower()).rows] == [cid]
