"""The sales log (services/sales.py) on SQLite and PostgreSQL: the gate inside the write,
nothing saved on a refusal, the cooling-off boundary, cancellations out of the totals,
sale-type suggestions, holdings from sales, the demo."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from compliance import qualify_desk

from wealthdesk.db.models import Holding, RiskAssessment, Sale
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft, ProductFamily
from wealthdesk.domain.errors import DomainError, ValidationError
from wealthdesk.domain.investor import QualifiedInvestorDraft
from wealthdesk.domain.product import ProductDraft
from wealthdesk.domain.sales import SaleType
from wealthdesk.services import audit, clients, products, sales, suitability
from wealthdesk.services import clock as service_clock
from wealthdesk.services.sales import SaleDraft

F = ProductFamily
ACTOR = "王经理 (desk 1)"


def client(name: str = "张伟", id_number: str = "360426199101010071") -> int:
    return clients.create_client(ClientDraft(name=name, id_number=id_number), "setup").id


def assess(client_id: int, level: int, on: dt.date, until: dt.date) -> None:
    RiskAssessment.create(
        client=client_id,
        assessed_on=on,
        valid_until=until,
        score=20 * level,
        level=level,
        created_at=dt.datetime(2026, 1, 1),
    )


def product(code: str, family=F.WEALTH, rating: int | None = 3, **extra) -> int:
    draft = ProductDraft(code=code, name=f"产品{code}", family=family, risk_rating=rating, **extra)
    return products.create_product(draft, "setup").id


def draft(client_id: int, product_id: int, amount: int = 5_000_000, **extra) -> SaleDraft:
    return SaleDraft(client_id, product_id, amount, recording_ref="SL20260001", **extra)


@pytest.fixture
def desk(backend_store, clock):
    """A C3 client assessed a year ago, valid through today; desk 1's manager qualified."""
    qualify_desk("1")
    zhang = client()
    assess(zhang, 3, dt.date(2025, 11, 28), dt.date(2026, 11, 27))
    return zhang


def test_a_suitable_sale_is_saved_with_what_the_gate_saw(desk, clock):
    wealth = product("LC-90", term_days=90, min_amount_fen=1_000_000)
    sale = sales.record_sale(draft(desk, wealth), ACTOR, "1")
    assert (sale.client_level, sale.product_rating, sale.elderly_confirmed) == (3, 3, False)
    assert sale.sale_type is SaleType.NEW
    assert sale.signed_at == clock.now and sale.cooling_off_until is None
    assert sale.recording_ref == "SL20260001" and sale.desk == "1"
    held = products.client_holdings(desk)
    assert [(h.product_id, h.amount_fen) for h in held.rows] == [(wealth, 5_000_000)]
    assert held.rows[0].start_date == dt.date(2026, 11, 27)
    assert held.rows[0].maturity_date == dt.date(2027, 2, 25)
    assert held.total_fen == 5_000_000
    assert audit.entries(desk)[0].action is AuditAction.SALE_RECORDED


def test_a_refused_sale_saves_nothing_and_says_every_reason(desk):
    risky = product("LC-R5", rating=5, min_amount_fen=10_000_000)
    with pytest.raises(ValidationError) as refused:
        sales.record_sale(SaleDraft(desk, risky, 100, recording_ref=""), ACTOR, "1")
    assert {p.field for p in refused.value.problems} == {"product", "amount", "recording_ref"}
    assert Sale.select().count() == 0
    assert Holding.select().count() == 0
    assert all(e.action is not AuditAction.SALE_RECORDED for e in audit.entries(desk))


def test_the_gate_reads_the_latest_assessment_when_saving(desk, clock):
    rated = product("LC-R3")
    clock.set(dt.datetime(2026, 11, 28, 9, 0))  # the assessment ran out yesterday
    with pytest.raises(ValidationError) as refused:
        sales.record_sale(draft(desk, rated), ACTOR, "1")
    assert "expired on 2026-11-27" in refused.value.render()
    assess(desk, 4, dt.date(2026, 11, 28), dt.date(2027, 11, 27))
    assert sales.record_sale(draft(desk, rated), ACTOR, "1").client_level == 4


def test_an_unrated_deposit_sells_without_an_assessment(backend_store, clock):
    li = client("李娜", "11010519491231002X")
    deposit = product("CK-1Y", family=F.LIABILITY, rating=None, term_days=365)
    sale = sales.record_sale(SaleDraft(li, deposit, 1_000_000), ACTOR, "1")
    assert sale.client_level is None and sale.product_rating is None


def test_an_inactive_product_is_not_sold(desk):
    old = product("LC-OLD")
    products.deactivate_product(old, "setup")
    with pytest.raises(ValidationError, match="no longer on sale"):
        sales.record_sale(draft(desk, old), ACTOR, "1")


def test_the_65_plus_confirmation_is_recorded_with_the_sale(backend_store, clock):
    elder = client("李娜", "11010519491231002X")  # born 1949-12-31: 76
    assess(elder, 5, dt.date(2026, 6, 1), dt.date(2027, 5, 31))
    # ¥1m declared: the ¥50,000 sale is no large share of it (no second confirmation).
    suitability.record_identity_document(elder, "resident_id", None, "setup", 100_000_000)
    r4 = product("JJ-GP", family=F.INTERMEDIARY, rating=4)
    with pytest.raises(ValidationError) as refused:
        sales.record_sale(draft(elder, r4), ACTOR, "1")
    assert [p.field for p in refused.value.problems] == ["elderly_confirmed"]
    sale = sales.record_sale(draft(elder, r4, elderly_confirmed=True), ACTOR, "1")
    assert sale.elderly_confirmed
    assert Sale.get_by_id(sale.id).elderly_confirmed


def qualified(client_id: int) -> None:
    """The client's qualified-investor proof: 3 years' experience, ¥5m financial assets."""
    proof = QualifiedInvestorDraft(3, 0, 500_000_000, 0, "asset_certificate", dt.date(2026, 11, 1))
    suitability.record_qualified_investor(client_id, proof, "setup")


def private_product(code: str = "SM-01", **extra) -> int:
    extra.setdefault("min_amount_fen", 100_000_000)
    extra.setdefault("asset_class", "equity")
    return product(code, private=True, rating=3, **extra)


def test_a_private_sale_may_be_cancelled_up_to_exactly_24_hours_after_signing(desk, clock):
    qualified(desk)
    private = private_product()
    sale = sales.record_sale(draft(desk, private, 100_000_000), ACTOR, "1")
    assert sale.cooling_off_until == clock.now + dt.timedelta(hours=24)
    clock.set(clock.now + dt.timedelta(hours=24))  # the very end of the period
    cancelled = sales.cancel_sale(sale.id, "客户改变主意", ACTOR)
    assert cancelled.cancelled and cancelled.cancel_reason == "客户改变主意"
    assert products.client_holdings(desk).total_fen == 0
    assert products.client_holdings(desk, include_closed=True).rows[0].closed_on == dt.date(
        2026, 11, 28
    )
    assert audit.entries(desk)[0].action is AuditAction.SALE_CANCELLED


def test_a_private_sale_is_not_cancelled_a_moment_after_its_cooling_off(desk, clock):
    qualified(desk)
    sale = sales.record_sale(draft(desk, private_product(), 100_000_000), ACTOR, "1")
    clock.set(clock.now + dt.timedelta(hours=24, seconds=1))
    with pytest.raises(DomainError, match="ended at 2026-11-28 10:00"):
        sales.cancel_sale(sale.id, "客户改变主意", ACTOR)
    assert not sales.get_sale(sale.id).cancelled
    assert products.client_holdings(desk).total_fen == 100_000_000


def test_a_public_product_has_no_cooling_off_to_cancel_in(desk):
    sale = sales.record_sale(draft(desk, product("LC-1")), ACTOR, "1")
    with pytest.raises(DomainError, match="private product"):
        sales.cancel_sale(sale.id, "客户改变主意", ACTOR)


def test_a_cancellation_needs_a_reason_and_happens_once(desk):
    qualified(desk)
    sale = sales.record_sale(draft(desk, private_product(), 100_000_000), ACTOR, "1")
    with pytest.raises(ValidationError):
        sales.cancel_sale(sale.id, "  ", ACTOR)
    sales.cancel_sale(sale.id, "家人反对", ACTOR)
    with pytest.raises(DomainError, match="already cancelled"):
        sales.cancel_sale(sale.id, "家人反对", ACTOR)


def test_day_totals_by_family_and_type_leave_cancelled_sales_out(desk, clock):
    wealth, fund = product("LC-1"), product("JJ-1", family=F.INTERMEDIARY, rating=2)
    qualified(desk)
    private = private_product("SM-1", min_amount_fen=40_000_000, asset_class="mixed")
    deposit = product("CK-1", family=F.LIABILITY, rating=None)
    sales.record_sale(draft(desk, wealth, 1_000_000), ACTOR, "1")  # new
    sales.record_sale(draft(desk, wealth, 2_000_000), ACTOR, "1")  # repeat
    sales.record_sale(draft(desk, fund, 3_000_000), ACTOR, "1")  # cross-sell
    sale = sales.record_sale(draft(desk, private, 40_000_000), ACTOR, "1")  # upsell
    sales.cancel_sale(sale.id, "改变主意", ACTOR)
    clock.set(dt.datetime(2026, 11, 28, 9, 0))  # another day
    sales.record_sale(SaleDraft(desk, deposit, 9_000_000), ACTOR, "1")
    day = dt.date(2026, 11, 27)
    assert len(sales.day_sales(day)) == 4  # the cancelled one listed, marked
    totals = sales.day_totals(day)
    assert (totals.count, totals.amount_fen) == (3, 6_000_000)
    assert totals.of(F.WEALTH, SaleType.NEW) == (1, 1_000_000)
    assert totals.of(F.WEALTH, SaleType.REPEAT) == (1, 2_000_000)
    assert totals.of(F.WEALTH, SaleType.UPSELL) == (0, 0)
    assert totals.of(F.INTERMEDIARY, SaleType.CROSS_SELL) == (1, 3_000_000)
    assert sales.day_totals(dt.date(2026, 11, 28)).of(F.LIABILITY) == (1, 9_000_000)


def test_sale_type_suggestions_follow_what_the_client_has_or_had(desk):
    wealth, other = product("LC-1"), product("LC-2")
    card = product("KA-1", family=F.CARD, rating=None)
    assert sales.suggested_sale_type(desk, card) is SaleType.NEW
    sales.record_sale(SaleDraft(desk, card, 0), ACTOR, "1")  # a card: no holding
    assert sales.suggested_sale_type(desk, wealth) is SaleType.CROSS_SELL
    assert sales.suggested_sale_type(desk, card) is SaleType.REPEAT
    sales.record_sale(draft(desk, wealth), ACTOR, "1")
    assert sales.suggested_sale_type(desk, other) is SaleType.UPSELL
    assert sales.suggested_sale_type(desk, wealth) is SaleType.REPEAT


def test_the_manager_may_choose_another_sale_type(desk):
    sale = sales.record_sale(draft(desk, product("LC-1"), sale_type=SaleType.UPSELL), ACTOR, "1")
    assert sale.sale_type is SaleType.UPSELL


def test_a_client_s_sales_newest_first(desk, clock):
    first = sales.record_sale(draft(desk, product("LC-1")), ACTOR, "1")
    clock.set(clock.now + dt.timedelta(minutes=5))
    second = sales.record_sale(draft(desk, product("LC-2")), ACTOR, "1")
    assert [s.id for s in sales.client_sales(desk)] == [second.id, first.id]
    assert sales.client_sales(client("李娜", "11010519491231002X")) == []


def test_the_demo_sells_only_what_the_gate_allows(backend_store, clock):
    ids = [
        client("张伟", "360426199101010071"),
        client("李娜", "11010519491231002X"),
    ]
    for n in range(40):
        ids.append(clients.create_client(ClientDraft(name=f"客户{chr(0x4E00 + n)}"), "setup").id)
    for cid in ids[::2]:
        assess(cid, 1 + cid % 5, dt.date(2026, 3, 1), dt.date(2027, 2, 28))
    report = sales.create_demo_products_and_sales(
        random.Random(3), ids, dt.date(2026, 11, 27), "demo"
    )
    assert report.products == len(sales.DEMO_CATALOGUE)
    assert report.holdings > 20 and report.sales >= 1
    for sale in Sale.select():
        if sale.product_rating is not None:
            assert sale.client_level is not None and sale.product_rating <= sale.client_level
        assert sale.signed_at <= service_clock.now_utc()  # none in the future
    soon = products.maturing_between(dt.date(2026, 11, 28), dt.date(2026, 12, 31))
    assert soon
    again = sales.create_demo_products_and_sales(
        random.Random(4), ids[:2], dt.date(2026, 11, 27), "demo"
    )
    assert again.products == 0  # the catalogue is reused


def test_a_refusal_is_met_only_by_a_sale_attempt_and_names_what_refused_it():
    from wealthdesk.domain.errors import Problem

    def problems(*fields: str) -> list[Problem]:
        return [Problem(f, "x") for f in fields]

    empty = SaleDraft(client_id=1, product_id=7, amount_fen=None)
    typed = SaleDraft(client_id=1, product_id=7, amount_fen=5_000_000)
    # Nothing typed: no attempt, whatever the gate says of the empty form.
    assert sales.refusal_met(empty, F.WEALTH, problems("amount", "recording_ref")) == ()
    assert sales.refusal_met(typed, None, problems("product")) == ()  # no product chosen
    assert sales.refusal_met(SaleDraft(1, 0, 100), F.WEALTH, problems("product")) == ()
    # A product the client may not buy is the refusal; the missing reference is moot.
    met = sales.refusal_met(typed, F.WEALTH, problems("recording_ref", "product", "assessment"))
    assert met == ("assessment", "product")
    # For a product the client may buy, the amount or the reference is the refusal.
    assert sales.refusal_met(typed, F.WEALTH, problems("amount", "recording_ref")) == (
        "amount",
        "recording_ref",
    )
    assert sales.refusal_met(typed, F.WEALTH, []) == ()  # the gate let it pass
    # A card is issued without a sum: choosing it is the attempt.
    assert sales.refusal_met(empty, F.CARD, problems("recording_ref")) == ("recording_ref",)
