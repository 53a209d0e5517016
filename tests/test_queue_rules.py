"""The queue's pure rules (domain/queue.py): transitions, tickets, order, estimates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wealthdesk.domain.client import Tier
from wealthdesk.domain.queue import (
    CareNeed,
    Purpose,
    ServedPart,
    VisitKind,
    VisitState,
    VisitTimes,
    at_desk_since,
    care_needs,
    care_priority,
    day_figures,
    estimated_wait,
    is_older,
    line_estimates,
    move_problem,
    places_in_line,
    purposes_from_text,
    purposes_text,
    queue_order_key,
    service_time_of,
    ticket,
    transition_problem,
    wait_of,
)

S = VisitState
ALLOWED = {
    (S.WAITING, S.CALLED),
    (S.CALLED, S.SERVING),
    (S.CALLED, S.WAITING),
    (S.CALLED, S.NO_SHOW),
    (S.CALLED, S.CALLED),
    (S.SERVING, S.DONE),
    (S.WAITING, S.PARKED),
    (S.PARKED, S.WAITING),
    (S.WAITING, S.LEFT),
    (S.PARKED, S.LEFT),
}
ALL_PAIRS = [(a, b) for a in VisitState for b in VisitState]


@pytest.mark.parametrize(("current", "wanted"), sorted(ALLOWED))
def test_the_allowed_transitions_raise_no_problem(current, wanted):
    assert transition_problem(current, wanted) is None


@pytest.mark.parametrize(
    ("current", "wanted"), [p for p in ALL_PAIRS if p not in ALLOWED], ids=lambda s: s.value
)
def test_every_other_transition_is_refused_naming_both_states(current, wanted):
    problem = transition_problem(current, wanted)
    assert problem is not None
    text = problem.render()
    assert f"“{current.label}”" in text and f"“{wanted.label}”" in text
    if current in (S.DONE, S.NO_SHOW, S.LEFT):
        assert text.startswith("This visit is closed")


def test_a_refused_transition_is_shown_in_the_users_language():
    words = {"Serving": "服务中", "Parked": "暂挂"}
    problem = transition_problem(S.SERVING, S.PARKED)
    assert "服务中" in problem.render(lambda _ctx, text: words.get(text, text))


def test_tickets_carry_the_kind_and_three_digits():
    assert ticket(VisitKind.WALK_IN, 7) == "W007"
    assert ticket(VisitKind.APPOINTMENT, 12) == "A012"
    assert ticket(VisitKind.WALK_IN, 1000) == "W1000"
    with pytest.raises(ValueError):
        ticket(VisitKind.WALK_IN, 0)


def at(minute: int) -> dt.datetime:
    return dt.datetime(2026, 11, 27, 9, 0) + dt.timedelta(minutes=minute)


def test_appointments_come_first_then_tiers_then_arrival_then_id():
    visits = {
        "walk-in private, early": (VisitKind.WALK_IN, Tier.PRIVATE, at(0), 1),
        "appointment standard, late": (VisitKind.APPOINTMENT, Tier.NORMAL, at(30), 2),
        "walk-in gold": (VisitKind.WALK_IN, Tier.GOLD, at(1), 3),
        "walk-in anonymous": (VisitKind.WALK_IN, None, at(2), 4),
        "walk-in standard, earlier": (VisitKind.WALK_IN, Tier.NORMAL, at(1), 5),
        "walk-in platinum": (VisitKind.WALK_IN, Tier.PLATINUM, at(9), 6),
        "appointment private": (VisitKind.APPOINTMENT, Tier.PRIVATE, at(40), 7),
        "walk-in gold, same minute, later id": (VisitKind.WALK_IN, Tier.GOLD, at(1), 8),
    }
    order = sorted(visits, key=lambda name: queue_order_key(*visits[name]))
    assert order == [
        "appointment private",
        "appointment standard, late",
        "walk-in private, early",
        "walk-in platinum",
        "walk-in gold",
        "walk-in gold, same minute, later id",
        "walk-in standard, earlier",
        "walk-in anonymous",
    ]


def test_the_next_visitor_waits_for_nobody_and_each_one_ahead_adds_the_average():
    assert estimated_wait(1, 12) == 0
    assert estimated_wait(2, 12) == 12
    assert estimated_wait(4, 12) == 36
    assert estimated_wait(3, 7.25) == 15  # 14.5 rounded up


def test_before_anyone_is_served_the_estimate_uses_the_default():
    assert estimated_wait(3, None) == 30
    assert estimated_wait(3, 0) == 30
    assert estimated_wait(3, None, default_minutes=10) == 20
    with pytest.raises(ValueError):
        estimated_wait(0, 10)


@given(st.integers(1, 500), st.floats(0.5, 120))
def test_the_estimate_grows_with_the_position(position, minutes):
    assert estimated_wait(position + 1, minutes) >= estimated_wait(position, minutes)
    assert estimated_wait(position, minutes) >= (position - 1) * minutes - 1e-6


def test_the_days_figures_count_states_and_measure_waits_and_service():
    now = at(120)
    visits = [
        # served: waited 10, served 20
        VisitTimes(S.DONE, at(0), called_at=at(10), started_at=at(11), finished_at=at(31)),
        # served: waited 30, served 40
        VisitTimes(S.DONE, at(5), called_at=at(35), started_at=at(35), finished_at=at(75)),
        # still waiting since 60 → 60 so far (the longest)
        VisitTimes(S.WAITING, at(60)),
        # set aside since 100 → 20 so far
        VisitTimes(S.PARKED, at(100)),
        # gave up before a call: no wait known
        VisitTimes(S.LEFT, at(20), finished_at=at(50)),
        # called after 5 and did not come
        VisitTimes(S.NO_SHOW, at(70), called_at=at(75), finished_at=at(80)),
    ]
    figures = day_figures(visits, now)
    minutes = dt.timedelta(minutes=1)
    assert (figures.arrived, figures.waiting, figures.parked) == (6, 1, 1)
    assert (figures.served, figures.no_show, figures.left) == (2, 1, 1)
    assert figures.average_wait == (10 + 30 + 60 + 20 + 5) / 5 * minutes
    assert figures.longest_wait == 60 * minutes
    assert figures.average_service == 30 * minutes
    assert figures.time_in_service == 60 * minutes


# A visitor passed on from desk 1 to desk 2: arrived at 0, called to desk 1 at 10,
# served there 12–40, passed on at 40, called to desk 2 at 55, served there 56–76.
PASSED_ON = VisitTimes(
    S.DONE,
    at(0),
    called_at=at(55),
    started_at=at(12),
    finished_at=at(76),
    parts=(ServedPart(at(12), at(40)), ServedPart(at(56), at(76))),
)


def test_a_visitor_passed_on_waits_again_and_their_service_at_the_first_desk_is_not_waiting():
    minutes = dt.timedelta(minutes=1)
    # 55 minutes until the last call, less the 28 served at desk 1; the two minutes
    # between the first call and sitting down count as waiting, as a call to a desk that
    # then passes the visitor on without serving them does.
    assert wait_of(PASSED_ON, at(120)) == 27 * minutes
    # Waiting again for desk 2 at 50: 50 minutes in the branch, 28 of them served.
    again = VisitTimes(S.WAITING, at(0), started_at=at(12), parts=(ServedPart(at(12), at(40)),))
    assert wait_of(again, at(50)) == 22 * minutes
    assert wait_of(VisitTimes(S.WAITING, at(0)), at(50)) == 50 * minutes  # never served


def test_the_service_time_of_a_visitor_passed_on_is_the_sum_of_the_desks_parts():
    minutes = dt.timedelta(minutes=1)
    assert service_time_of(PASSED_ON) == (28 + 20) * minutes  # not 76 - 12 = 64
    figures = day_figures([PASSED_ON], at(120))
    assert figures.average_wait == figures.longest_wait == 27 * minutes
    assert figures.average_service == figures.time_in_service == 48 * minutes
    # A day closed with the service at desk 2 unfiled (finished at its start): only
    # desk 1's part is known.
    unfiled = VisitTimes(
        S.DONE,
        at(0),
        called_at=at(55),
        started_at=at(12),
        finished_at=at(12),
        parts=(ServedPart(at(12), at(40)), ServedPart(at(56))),
    )
    assert service_time_of(unfiled) == 28 * minutes


def test_time_at_a_desk_counts_from_that_desks_call_or_start_not_the_first_desks():
    served_at_one = (ServedPart(at(12), at(40)),)
    called = VisitTimes(S.CALLED, at(0), called_at=at(55), started_at=at(12), parts=served_at_one)
    assert at_desk_since(called) == at(55)
    serving = VisitTimes(
        S.SERVING,
        at(0),
        called_at=at(55),
        started_at=at(12),
        parts=(*served_at_one, ServedPart(at(56))),
    )
    assert at_desk_since(serving) == at(56)
    assert at_desk_since(VisitTimes(S.SERVING, at(0), at(5), at(6))) == at(6)
    assert at_desk_since(VisitTimes(S.WAITING, at(0))) is None


def test_an_empty_day_has_counts_of_zero_and_no_averages():
    figures = day_figures([], at(0))
    assert figures.arrived == 0
    assert figures.average_wait is figures.longest_wait is figures.average_service is None
    assert figures.time_in_service == dt.timedelta(0)


def test_purposes_are_stored_as_codes_and_read_back_in_a_fixed_order():
    text = purposes_text([Purpose.COMPLAINT, Purpose.CONSULTATION, Purpose.COMPLAINT])
    assert text == "consultation,complaint"
    assert purposes_from_text(text) == (Purpose.CONSULTATION, Purpose.COMPLAINT)
    assert purposes_from_text("") == ()


def test_purposes_and_kinds_are_read_from_the_counters_chinese_words():
    assert Purpose.parse("风评") is Purpose.RISK_ASSESSMENT
    assert Purpose.parse("申购") is Purpose.PURCHASE
    assert Purpose.parse("赎回") is Purpose.REDEMPTION
    assert VisitKind.parse("预约") is VisitKind.APPOINTMENT
    assert VisitKind.parse("walk-in") is VisitKind.WALK_IN


def test_an_action_from_one_state_names_the_state_it_needs():
    # called → waiting is a legal move (recycle), but "return to queue" starts from parked.
    problem = move_problem(S.CALLED, S.WAITING, needed=S.PARKED)
    assert problem.render() == "This visit is “Called”, not “Parked”; it was left as it was."
    assert move_problem(S.PARKED, S.WAITING, needed=S.PARKED) is None
    assert move_problem(S.DONE, S.WAITING, needed=S.PARKED) == transition_problem(S.DONE, S.WAITING)


def test_the_outcome_suggested_follows_what_the_session_recorded():
    from wealthdesk.domain.queue import ServiceOutcome, SessionActivity, suggested_outcome

    assert suggested_outcome(SessionActivity()) is ServiceOutcome.ADVISED
    assert suggested_outcome(SessionActivity(sales=1)) is ServiceOutcome.SOLD
    assert suggested_outcome(SessionActivity(sales=2, appointments=1)) is ServiceOutcome.SOLD
    assert suggested_outcome(SessionActivity(appointments=1)) is ServiceOutcome.FOLLOW_UP
    assert suggested_outcome(SessionActivity(follow_ups=1)) is ServiceOutcome.FOLLOW_UP


def test_the_first_in_line_waits_for_the_service_under_way_to_end_first():
    from wealthdesk.domain.queue import rest_of_service

    assert rest_of_service(3, 12) == 9
    assert rest_of_service(30, 12) == 5  # overran: a few minutes more, never zero
    assert rest_of_service(0, None) == 15
    assert estimated_wait(1, 12, under_way=[3]) == 9
    assert estimated_wait(3, 12, under_way=[3]) == 9 + 24
    assert estimated_wait(1, 12, under_way=[3, 10]) == 5  # the sooner of two desks
    assert estimated_wait(2, 12, under_way=()) == 12  # nobody served: nobody to wait for


def test_a_visitor_sent_to_a_desk_is_placed_after_those_that_desk_calls_first():
    # In call order: one for desk 3, one for desk 1, one in the shared line, one more
    # for desk 1, two more in the shared line. Desk 1's "call next" takes its own and
    # the shared line's, never desk 3's; the shared line waits behind everyone.
    assert places_in_line(["3", "1", "", "1", "", ""]) == [1, 1, 3, 3, 5, 6]
    assert places_in_line(["", "", ""]) == [1, 2, 3]  # one shared line: its order
    assert places_in_line([]) == []


def test_one_estimate_waits_for_the_visitors_own_desk_and_the_shared_line_for_any():
    # Desk 1's service began 1 minute ago, desk 2's 14 minutes ago; desk 3 is free.
    under_way = {"1": [1.0], "2": [14.0]}
    estimates = line_estimates(["3", "1", "", "1"], None, under_way)
    assert estimates == [
        (1, 0),  # desk 3 is free: next, now
        (1, 14),  # the rest of desk 1's service (15 - 1), not desk 2's nearer end
        (3, 5 + 2 * 15),  # the first desk to end (desk 2, 5 more), then two ahead
        (3, 14 + 2 * 15),  # desk 1's rest, then the shared visitor and desk 1's first
    ]
    # A shared line alone is estimated as it always was.
    shared = line_estimates(["", "", ""], 12, {"1": [3.0]})
    assert shared == [(p, estimated_wait(p, 12, under_way=[3.0])) for p in (1, 2, 3)]


@given(st.integers(1, 200), st.floats(0.5, 120), st.lists(st.floats(0, 300), max_size=4))
def test_a_service_under_way_only_ever_adds_to_the_wait(position, minutes, under_way):
    assert estimated_wait(position, minutes, under_way=under_way) >= estimated_wait(
        position, minutes
    )


def test_older_and_assisted_visitors_come_after_appointments_and_before_the_tiers():
    older, assisted = CareNeed.OLDER.flag, CareNeed.ASSISTANCE.flag
    visits = {
        "walk-in private": (VisitKind.WALK_IN, Tier.PRIVATE, at(0), 1, 0),
        "appointment standard": (VisitKind.APPOINTMENT, Tier.NORMAL, at(30), 2, 0),
        "walk-in standard, 70": (VisitKind.WALK_IN, Tier.NORMAL, at(5), 3, older),
        "walk-in anonymous, assisted": (VisitKind.WALK_IN, None, at(2), 4, assisted),
        "walk-in gold": (VisitKind.WALK_IN, Tier.GOLD, at(1), 5, 0),
        "appointment, 80 and assisted": (VisitKind.APPOINTMENT, None, at(40), 6, 3),
    }
    order = sorted(visits, key=lambda name: queue_order_key(*visits[name]))
    assert order == [
        "appointment, 80 and assisted",  # among appointments too
        "appointment standard",
        "walk-in anonymous, assisted",  # among the cared-for, by arrival
        "walk-in standard, 70",
        "walk-in private",
        "walk-in gold",
    ]
    # The branch turned it off: the tiers decide again.
    off = sorted(visits, key=lambda name: queue_order_key(*visits[name], care_first=False))
    assert off[2:] == [
        "walk-in private",
        "walk-in gold",
        "walk-in anonymous, assisted",
        "walk-in standard, 70",
    ]


def test_sixty_five_counts_from_the_birthday_itself():
    day = dt.date(2026, 11, 27)
    assert is_older(dt.date(1961, 11, 27), day)
    assert not is_older(dt.date(1961, 11, 28), day)
    assert not is_older(None, day)
    assert is_older(dt.date(1960, 2, 29), dt.date(2025, 3, 1))
    assert not is_older(dt.date(1960, 2, 29), dt.date(2025, 2, 28))
    assert care_priority(dt.date(1950, 1, 1), day, True) == 3
    assert care_needs(care_priority(None, day, True)) == (CareNeed.ASSISTANCE,)
    assert care_needs(0) == ()
