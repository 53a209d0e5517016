"""Financial plans (services/plan.py) on SQLite and PostgreSQL: a plan from the client's
holdings, needs and valid assessment; proposals held to the gate; each version kept with
the client and read back as saved; exports logged; refusals save nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from wealthdesk.db.models import FinancialPlan, RiskAssessment
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft, Horizon, LiquidityNeed, ProductFamily
from wealthdesk.domain.errors import NotFound, ValidationError
from wealthdesk.domain.plan import AssetClass, Goal, GoalKind
from wealthdesk.domain.product import ProductDraft
from wealthdesk.services import audit, clients, plan, products, settings
from wealthdesk.services.plan import PlanInputs

F = ProductFamily
A = AssetClass
ACTOR = "王经理 (desk 1)"
WAN = 1_000_000


def product(code, name, family=F.WEALTH, rating=3, minimum=WAN, **extra) -> int:
    draft = ProductDraft(code, name, family, rating, min_amount_fen=minimum, **extra)
    return products.create_product(draft, "setup").id


def assess(client_id: int, level: int, until: dt.date) -> None:
    RiskAssessment.create(
        client=client_id,
        assessed_on=until - dt.timedelta(days=364),
        valid_until=until,
        score=20 * level,
        level=level,
        created_at=dt.datetime(2026, 1, 1),
    )


@pytest.fixture
def desk(backend_store, clock):
    """A C3 client (a short horizon) holding a deposit and an equity fund; a catalogue."""
    client = clients.create_client(
        ClientDraft(
            name="钱多多",
            mobile="13912345678",
            id_number="11010519491231002X",
            horizon=Horizon.MEDIUM,
            liquidity_need=LiquidityNeed.MEDIUM,
        ),
        "setup",
    ).id
    assess(client, 3, dt.date(2027, 6, 30))
    deposit = product("CK-1Y", "一年期定期存款", F.LIABILITY, None, 50 * 100)
    equity = product("JJ-GP", "科技成长股票基金", F.INTERMEDIARY, 3, 1000)
    products.add_holding(client, deposit, 20 * WAN, dt.date(2026, 1, 5), "setup")
    products.add_holding(client, equity, 60 * WAN, dt.date(2026, 3, 5), "setup")
    catalogue = {
        "fixed": product("LC-WJ", "稳健添利90天持有期理财", rating=2),
        "r4": product("LC-QY", "权益精选两年定开理财", rating=4),
        "private": product(
            "LC-SM", "私享私募理财", rating=3, private=True, minimum=100 * WAN, asset_class="equity"
        ),
        "gold": product("GJS-1", "如意积存金", F.INTERMEDIARY, 3, 500 * 100),
        "equity": equity,
        "deposit": deposit,
    }
    return client, catalogue


def test_the_plan_starts_from_the_holdings_and_the_valid_assessment(desk):
    client, _ = desk
    view = plan.draft_plan(client, PlanInputs(new_money_fen=20 * WAN))
    assert (view.level, view.valid_until, view.masked_name) == (3, dt.date(2027, 6, 30), "钱**")
    s = view.suggestion
    assert s.total_fen == 100 * WAN
    assert s.line(A.CASH).current_fen == 20 * WAN
    assert s.line(A.EQUITY).current_fen == 60 * WAN
    assert sum(line.suggested_fen for line in s.lines) == 100 * WAN
    assert s.line(A.EQUITY).gap_fen < 0  # 60% in equity is more than C3's 10–30%
    assert s.line(A.FIXED_INCOME).gap_fen > 0


def test_the_candidates_are_only_what_the_gate_would_let_the_client_buy(desk):
    client, catalogue = desk
    view = plan.draft_plan(client, PlanInputs(new_money_fen=20 * WAN))
    offered = {p.id for products_ in view.candidates.values() for p in products_}
    assert catalogue["fixed"] in offered and catalogue["gold"] in offered
    assert catalogue["r4"] not in offered  # above C3
    assert catalogue["private"] not in offered
    assert [p.id for p in view.candidates[A.FIXED_INCOME]] == [catalogue["fixed"]]


def test_a_saved_version_is_kept_with_the_client_and_reads_back_as_saved(desk, clock):
    client, catalogue = desk
    inputs = PlanInputs(
        new_money_fen=20 * WAN,
        monthly_spending_fen=2 * WAN,
        goals=(Goal(GoalKind.EDUCATION, 30 * WAN, 2029),),
        proposals=((catalogue["fixed"], 35 * WAN),),
        notes="客户希望保本为主",
    )
    version, view = plan.save_plan(client, inputs, ACTOR, "1")
    assert version.products == 1 and version.level == 3 and version.made_at == clock.now
    # The catalogue changes and the settings change after: the version does not.
    settings.save({"plan_reserve_months_min": 1, "plan_reserve_months_max": 1}, "1", ACTOR)
    again = plan.saved_plan(version.id)
    assert again.suggestion == view.suggestion
    assert again.inputs.goals == inputs.goals and again.inputs.notes == "客户希望保本为主"
    assert [(p.product.code, p.amount_fen) for p in again.proposals] == [("LC-WJ", 35 * WAN)]
    assert [v.id for v in plan.client_plans(client)] == [version.id]
    assert plan.plan_for_document(client).plan_id == version.id
    entry = audit.entries(client)[0]
    assert entry.action is AuditAction.PLAN_SAVED and entry.detail == f"plan {version.id}"
    assert plan.day_count(clock.now.date()) == 1


def test_a_proposal_the_gate_refuses_saves_nothing(desk):
    client, catalogue = desk
    cases = (((catalogue["r4"], 10 * WAN), "product"), ((catalogue["fixed"], WAN - 1), "amount"))
    for proposal, field in cases:
        with pytest.raises(ValidationError) as refused:
            plan.save_plan(client, PlanInputs(proposals=(proposal,)), ACTOR)
        assert field in {p.field for p in refused.value.problems}
    assert FinancialPlan.select().count() == 0
    assert all(e.action is not AuditAction.PLAN_SAVED for e in audit.entries(client))


def test_no_valid_assessment_no_plan(desk, clock):
    client, _ = desk
    clock.set(dt.datetime(2027, 7, 1, 10, 0))
    with pytest.raises(ValidationError) as refused:
        plan.draft_plan(client)
    assert refused.value.problems[0].field == "assessment"
    with pytest.raises(ValidationError):
        plan.plan_for_document(client)


def test_an_unknown_client_has_no_plan(desk):
    with pytest.raises(NotFound):
        plan.plan_for_document(9999)


def test_an_export_is_logged_only_when_the_file_was_written(desk):
    client, _ = desk
    with plan.recording(client, None, "saved", ACTOR):
        pass
    with pytest.raises(OSError), plan.recording(client, None, "saved", ACTOR):
        raise OSError("disk full")
    plan.record_export(client, None, "printed", ACTOR)
    actions = [e.action for e in audit.entries(client)]
    assert actions.count(AuditAction.PLAN_EXPORTED) == 1
    assert actions.count(AuditAction.PLAN_PRINTED) == 1


def test_erasing_the_client_removes_their_plans(desk):
    client, _ = desk
    plan.save_plan(client, PlanInputs(notes="想给孩子存教育金"), ACTOR)
    clients.erase_client(client, ACTOR)
    assert FinancialPlan.select().count() == 0


def test_a_model_file_from_a_spreadsheet_is_read_into_the_setting(backend_store, tmp_path):
    from wealthdesk.domain.plan import DEFAULT_MODEL, model_text, parse_model

    text = model_text(DEFAULT_MODEL).replace("C5,equity,45,75", "C5,权益类,50,80")
    path = tmp_path / "model.csv"
    path.write_bytes(text.encode("gbk"))
    setting = plan.read_model_file(path)
    settings.save({"plan_model": setting}, "1", ACTOR)
    model = plan.plan_settings("1")[0]
    assert model.band(5, A.EQUITY).low == 50 and model == parse_model(setting)
    path.write_text(text.replace("C1,cash,40,100", "C1,cash,40,1000"), encoding="utf-8")
    with pytest.raises(ValidationError) as wrong:
        plan.read_model_file(path)
    assert "Line 2" in wrong.value.render()


def test_the_day_close_counts_the_plans_made_at_the_desk(desk, clock, tmp_path):
    from pypdf import PdfReader

    from wealthdesk.reports.day_close import day_close_pdf
    from wealthdesk.reports.fonts import FontError, cjk_font
    from wealthdesk.services import day_close

    client, _ = desk
    plan.save_plan(client, PlanInputs(), ACTOR, "1")
    plan.save_plan(client, PlanInputs(new_money_fen=WAN), ACTOR, "1")
    plan.save_plan(client, PlanInputs(), ACTOR, "2")
    summary = day_close.summary(clock.now.date(), "1")
    assert summary.plans == 2
    assert day_close.summary(clock.now.date() + dt.timedelta(days=1), "1").plans == 0
    try:
        font = cjk_font()
    except FontError:
        pytest.skip("no CJK font")
    text = "".join(
        p.extract_text() for p in PdfReader(day_close_pdf(tmp_path / "d.pdf", summary, font)).pages
    )
    assert "Financial plans made: 2" in text


def test_the_care_list_asks_for_a_review_a_year_on_or_when_the_level_changes(desk, clock):
    from wealthdesk.domain.care import CareKind
    from wealthdesk.services import care

    client, _ = desk
    plan.save_plan(client, PlanInputs(), ACTOR)

    def reviews(day):
        care.generate(day, None, 30, 90)
        return [(t.due, t.detail) for t in care.care_list(day) if t.kind is CareKind.PLAN_REVIEW]

    today = clock.now.date()
    assert reviews(today) == []
    year_on = today + dt.timedelta(days=365)
    assert reviews(year_on - dt.timedelta(days=14)) == [(year_on, f"{today:%Y-%m-%d} C3")]
    # Assessed again at C4 the next month: the plan made for C3 is to be looked at then.
    assess(client, 4, dt.date(2027, 12, 27))
    RiskAssessment.update(assessed_on=today + dt.timedelta(days=30)).where(
        RiskAssessment.level == 4
    ).execute()
    month_on = today + dt.timedelta(days=30)
    assert (month_on, "C3 → C4") in reviews(month_on)
