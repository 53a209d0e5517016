"""Fuzzing what a manager can type into the forms' rules: any text, any number, any
mix of fields gives either no problem or problems that each name a field and render as
a message; nothing raises. (Part of the data-safety issue; the CLI and CSV come next.)"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wealthdesk.domain.client import ClientDraft, ProductFamily, Tier, client_problems
from wealthdesk.domain.errors import Problem, ValidationError
from wealthdesk.domain.notice import ClosedReason, NoticeDraft, NoticeKind, notice_problems
from wealthdesk.domain.product import ProductDraft, money_problem, parse_money, product_problems

TODAY = dt.date(2026, 11, 27)
# Chinese, Latin, digits, punctuation, whitespace, control and far-off characters.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(codec="utf-8"),
        st.sampled_from(list(" \t\n\r·-,，。:：()（）/\\'\"%{}0123456789")),
    ),
    max_size=60,
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def said(problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.field, problem
        assert problem.render()  # the message renders with its parameters


@SETTINGS
@given(
    name=TEXT,
    id_number=st.one_of(st.none(), TEXT, st.from_regex(r"\d{17}[\dXx]", fullmatch=True)),
    mobile=st.one_of(st.none(), TEXT, st.from_regex(r"1[3-9]\d{9}", fullmatch=True)),
    occupation=TEXT,
    dependants=st.one_of(st.none(), st.integers(-5, 100)),
    tier=st.sampled_from(list(Tier)),
)
def test_any_client_form_gives_named_problems_or_none(
    name, id_number, mobile, occupation, dependants, tier
):
    draft = ClientDraft(
        name=name,
        id_number=id_number,
        mobile=mobile,
        occupation=occupation,
        dependants=dependants,
        tier=tier,
    )
    said(client_problems(draft, TODAY))


@SETTINGS
@given(
    code=TEXT,
    name=TEXT,
    family=st.sampled_from(list(ProductFamily)),
    rating=st.one_of(st.none(), st.integers(-2, 8)),
    private=st.booleans(),
    minimum=st.integers(-(10**12), 10**15),
    term=st.one_of(st.none(), st.integers(-10, 100_000)),
)
def test_any_product_form_gives_named_problems_or_none(
    code, name, family, rating, private, minimum, term
):
    draft = ProductDraft(code, name, family, rating, private, minimum, term)
    said(product_problems(draft))


@SETTINGS
@given(text=TEXT)
def test_any_amount_typed_is_read_or_refused_with_a_reason(text):
    problem = money_problem(text, "amount")
    if problem is None and text.strip():
        assert parse_money(text) is not None
    else:
        said([problem] if problem else [])


@SETTINGS
@given(
    kind=st.sampled_from(list(NoticeKind)),
    times=st.lists(st.one_of(st.none(), st.times()), min_size=3, max_size=3),
    phone=TEXT,
    reason=TEXT,
    closed=st.sampled_from(list(ClosedReason)),
    text=TEXT,
    qr=st.booleans(),
    link=TEXT,
)
def test_any_notice_form_gives_named_problems_or_none(
    kind, times, phone, reason, closed, text, qr, link
):
    start, until, back = times
    draft = NoticeDraft(
        kind=kind,
        start=start,
        until=until,
        back=back,
        phone=phone,
        closed_reason=closed,
        reason=reason,
        text=text,
        qr=qr,
        qr_link=link,
    )
    try:
        said(notice_problems(draft))
    except ValidationError as refused:  # a refusal is fine; it must say what
        said(refused.problems)
