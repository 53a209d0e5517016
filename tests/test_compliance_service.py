"""Issue 19's sale gate through the services, on SQLite and PostgreSQL: each case a
compliance officer reproduced is refused, naming what is wrong, and saves nothing; what
a compliant sale needs is recorded with it (the recording's time and retention, the
guardian, the confirmations) and its follow-up made (the 65+ call-back)."""

from __future__ import annotations

import datetime as dt

import pytest
from compliance import qualify_desk

from wealthdesk.db.models import CareTask, RiskAssessment, Sale
from wealthdesk.domain.care import CallOutcome, CareKind
from wealthdesk.domain.client import ClientDraft, ProductFamily
from wealthdesk.domain.errors import ValidationError
from wealthdesk.domain.investor import QualifiedInvestorDraft
from wealthdesk.domain.product import ProductDraft
from wealthdesk.services import care, clients, products, sales, settings, suitability
from wealthdesk.services.sales import SaleDraft

F = ProductFamily
ACTOR = "王经理 (desk 1)"
REF = "SL20261127001"
ADULT_ID = "360426199101010071"  # born 1991
CHILD_ID = "110105201506010015"  # born 2015-06-01: 11
SIXTEEN_ID = "110105201011010013"  # born 2010-11-01: 16
ELDER_ID = "11010519491231002X"  # born 1949-12-31: 76


def with_check(first17: str) -> str:
    from wealthdesk.domain.identity import resident_id_check_char

    return first17 + resident_id_check_char(first17)


def client(name: str, id_number: str | None, level: int | None = 5, **extra) -> int:
    cid = clients.create_client(
        ClientDraft(
            name=name, id_number=with_check(id_number[:17]) if id_number else None, **extra
        ),
        "setup",
    ).id
    if level is not None:
        RiskAssessment.create(
            client=cid,
            assessed_on=dt.date(2026, 6, 1),
            valid_until=dt.date(2027, 5, 31),
            score=90,
            level=level,
            created_at=dt.datetime(2026, 6, 1),
        )
    return cid


def product(code: str, family=F.WEALTH, rating: int | None = 3, **extra) -> int:
    draft = ProductDraft(code=code, name=f"产品{code}", family=family, risk_rating=rating, **extra)
    return products.create_product(draft, "setup").id


def refused(draft: SaleDraft, desk: str = "1") -> list[str]:
    """The fields the refusal names; nothing was saved."""
    before = Sale.select().count()
    with pytest.raises(ValidationError) as caught:
        sales.record_sale(draft, ACTOR, desk)
    assert Sale.select().count() == before
    return [p.field for p in caught.value.problems]


@pytest.fixture
def desk(backend_store, clock):
    qualify_desk("1")
    return clock


def test_a_private_r5_product_for_1_yuan_to_an_unverified_adult_is_refused(desk):
    """资管新规 第五条: qualified investors only, and the asset class's floor."""
    adult = client("张伟", ADULT_ID)
    private = product("SM-R5", rating=5, private=True, min_amount_fen=100_000_000,
                      asset_class="equity")  # fmt: skip
    assert refused(SaleDraft(adult, private, 100, recording_ref=REF)) == [
        "qualified_investor",
        "amount",
    ]
    proof = QualifiedInvestorDraft(3, 0, 500_000_000, 0, "asset_certificate", dt.date(2026, 9, 1))
    suitability.record_qualified_investor(adult, proof, ACTOR)
    sale = sales.record_sale(SaleDraft(adult, private, 100_000_000, recording_ref=REF), ACTOR, "1")
    assert sale.cooling_off_until is not None


def test_a_private_product_below_its_floor_is_refused_by_the_catalogue(desk):
    with pytest.raises(ValidationError, match="300,000"):
        product("SM-FI", private=True, min_amount_fen=100, asset_class="fixed_income")


def test_an_11_year_old_assessed_c5_buys_only_through_a_guardian(desk):
    """民法典 第19–20条."""
    child = client("张小宝", CHILD_ID)
    wealth = product("LC-1", min_amount_fen=100)
    assert refused(SaleDraft(child, wealth, 5_000_000, recording_ref=REF)) == ["guardian"]
    sale = sales.record_sale(
        SaleDraft(child, wealth, 5_000_000, recording_ref=REF, guardian="张建国（父亲）"),
        ACTOR,
        "1",
    )
    assert sale.guardian == "张建国（父亲）"


def test_a_16_year_old_with_own_labour_income_buys_with_its_proof_noted(desk):
    """民法典 第18条."""
    young = client("李小龙", SIXTEEN_ID)
    wealth = product("LC-1", min_amount_fen=100)
    assert refused(SaleDraft(young, wealth, 5_000_000, recording_ref=REF)) == ["guardian"]
    sale = sales.record_sale(
        SaleDraft(young, wealth, 5_000_000, recording_ref=REF, own_income_proof="劳动合同"),
        ACTOR,
        "1",
    )
    assert sale.own_income_proof == "劳动合同" and sale.guardian == ""


@pytest.mark.parametrize("kind", ["fund", "investment_insurance"])
def test_an_unrated_fund_or_insurance_is_not_sold_to_a_client_never_assessed(desk, kind):
    """Issue 19: an unrated fund and investment-type insurance were sold to a client never
    assessed. The catalogue refuses to add one; one already in it is refused at the sale."""
    never = client("王芳", ADULT_ID, level=None)
    with pytest.raises(ValidationError, match="must be rated"):
        product("JJ-0", family=F.INTERMEDIARY, rating=None, kind=kind)
    old = product("JJ-1", family=F.INTERMEDIARY, rating=1, kind=kind)
    from wealthdesk.db.models import Product

    Product.update(risk_rating=None).where(Product.id == old).execute()  # an older catalogue's
    assert refused(SaleDraft(never, old, 5_000_000, recording_ref=REF)) == [
        "product",
        "assessment",
    ]


def test_a_rated_structured_deposit_needs_its_recording_reference(desk):
    adult = client("张伟", ADULT_ID)
    deposit = product("CK-JG", family=F.LIABILITY, rating=1, kind="structured_deposit")
    assert refused(SaleDraft(adult, deposit, 5_000_000)) == ["recording_ref"]
    sale = sales.record_sale(SaleDraft(adult, deposit, 5_000_000, recording_ref=REF), ACTOR, "1")
    assert sale.recording_ref == REF


@pytest.mark.parametrize("ref", ["-", "无", "SL-001"])
def test_placeholders_and_references_out_of_format_are_refused(desk, ref):
    adult = client("张伟", ADULT_ID)
    wealth = product("LC-1", min_amount_fen=100)
    assert refused(SaleDraft(adult, wealth, 5_000_000, recording_ref=ref)) == ["recording_ref"]


def test_the_banks_own_recording_format_is_a_setting(desk):
    adult = client("张伟", ADULT_ID)
    wealth = product("LC-1", min_amount_fen=100)
    settings.save({"recording_ref_pattern": r"SL-\d{3,}"}, "1", "setup")
    sales.record_sale(SaleDraft(adult, wealth, 5_000_000, recording_ref="SL-001"), ACTOR, "1")
    assert refused(SaleDraft(adult, wealth, 5_000_000, recording_ref=REF)) == ["recording_ref"]


def test_the_recording_time_and_its_retention_are_kept(desk, clock):
    adult = client("张伟", ADULT_ID)
    wealth = product("LC-90", min_amount_fen=100, term_days=90)
    recorded = dt.datetime(2026, 11, 27, 9, 40).astimezone()
    sale = sales.record_sale(
        SaleDraft(adult, wealth, 5_000_000, recording_ref=REF, recorded_at=recorded), ACTOR, "1"
    )
    assert sale.recorded_at == recorded
    assert sale.recording_retain_until == dt.date(2027, 8, 25)  # the end + 6 months
    assert not sale.recording_checked


def test_cooling_off_counts_from_the_signing_time_not_from_data_entry(desk, clock):
    adult = client("张伟", ADULT_ID)
    proof = QualifiedInvestorDraft(2, 0, 0, 40_000_000, "tax_record", dt.date(2026, 11, 1))
    suitability.record_qualified_investor(adult, proof, ACTOR)
    private = product("SM-1", private=True, min_amount_fen=30_000_000,
                      asset_class="fixed_income", cooling_off_hours=48)  # fmt: skip
    signed = dt.datetime(2026, 11, 27, 9, 15).astimezone()
    sale = sales.record_sale(
        SaleDraft(adult, private, 30_000_000, recording_ref=REF, signed_at=signed), ACTOR, "1"
    )
    assert sale.signed_at == signed
    assert sale.cooling_off_until == signed + dt.timedelta(hours=48)
    later = dt.datetime(2026, 11, 27, 11, 0).astimezone()  # the clock says 10:00
    assert (
        refused(SaleDraft(adult, private, 30_000_000, recording_ref=REF, signed_at=later))[0]
        == "signed_at"
    )


def test_a_client_of_65_buying_r4_is_called_back_within_3_working_days(desk):
    """The 65+ rule: an R4/R5 sale needs the confirmation and a call-back after it."""
    elder = client("李娜", ELDER_ID)
    fund = product("JJ-GP", family=F.INTERMEDIARY, rating=4, kind="fund")
    draft = SaleDraft(elder, fund, 5_000_000, recording_ref=REF)
    assert refused(draft) == ["elderly_confirmed", "large_confirmed"]
    sales.record_sale(
        SaleDraft(elder, fund, 5_000_000, recording_ref=REF, elderly_confirmed=True,
                  large_confirmed=True),
        ACTOR,
        "1",
    )  # fmt: skip
    task = CareTask.get(CareTask.client == elder)
    assert task.kind == CareKind.SALE_CALLBACK.value
    assert task.due_date in (dt.date(2026, 12, 2), "2026-12-02")  # Fri 27 → Wed 2 Dec


def test_a_large_sale_against_the_declared_assets_asks_a_second_confirmation(desk):
    elder = client("李娜", ELDER_ID)
    suitability.record_identity_document(elder, "resident_id", None, ACTOR, 100_000_000)
    wealth = product("LC-2", rating=2, min_amount_fen=100)
    sales.record_sale(SaleDraft(elder, wealth, 30_000_000, recording_ref=REF), ACTOR, "1")
    # ¥300,000 of ¥1,000,000 is 30%: no more; a fen more asks.
    assert refused(SaleDraft(elder, wealth, 30_000_001, recording_ref=REF)) == ["large_confirmed"]


def test_an_expired_identity_document_blocks_every_sale(desk):
    adult = client("张伟", ADULT_ID)
    card = product("KA-1", family=F.CARD, rating=None)
    suitability.record_identity_document(adult, "passport", dt.date(2026, 11, 26), ACTOR)
    assert refused(SaleDraft(adult, card, None)) == ["id_document"]
    suitability.record_identity_document(adult, "护照", dt.date(2036, 11, 26), ACTOR)
    assert suitability.identity_document(adult).doc_type.value == "passport"
    sales.record_sale(SaleDraft(adult, card, None), ACTOR, "1")


def test_a_manager_without_the_familys_qualification_cannot_sell_it(desk):
    adult = client("张伟", ADULT_ID)
    fund = product("JJ-1", family=F.INTERMEDIARY, rating=2, kind="fund")
    assert refused(SaleDraft(adult, fund, 5_000_000, recording_ref=REF), desk="2") == ["manager"]
    settings.save({"qualification_fund": "2020-01-01 2026-11-26"}, "2", "setup")
    assert refused(SaleDraft(adult, fund, 5_000_000, recording_ref=REF), desk="2") == ["manager"]
    settings.save({"qualification_fund": "2020-01-01 2026-11-27"}, "2", "setup")
    sales.record_sale(SaleDraft(adult, fund, 5_000_000, recording_ref=REF), ACTOR, "2")


def test_product_information_is_refused_for_a_client_without_marketing_consent(desk):
    """《银行保险机构消费者权益保护管理办法》(2023). Issue 19: product information was logged
    for a client who refused marketing."""
    refusing = client("赵敏", ADULT_ID, consent_marketing=False)
    with pytest.raises(ValidationError, match="not agreed to marketing"):
        care.log_call(
            CallOutcome.REACHED, ACTOR, "1", client_id=refusing, duration_minutes=5, info_sent=True
        )
    call = care.log_call(CallOutcome.REACHED, ACTOR, "1", client_id=refusing, duration_minutes=5)
    assert not call.info_sent


def test_a_qualified_investor_record_below_the_thresholds_is_refused(desk):
    adult = client("张伟", ADULT_ID)
    weak = QualifiedInvestorDraft(5, 0, 100_000_000, 0, "asset_certificate", dt.date(2026, 11, 1))
    with pytest.raises(ValidationError, match="第五条"):
        suitability.record_qualified_investor(adult, weak, ACTOR)
    assert suitability.latest_qualified_investor(adult) is None
