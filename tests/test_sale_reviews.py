"""Issue 19's reviews after the sale, on SQLite and PostgreSQL: the sales whose 双录
recording is not yet quality-checked, marking one checked (audited), the day's level
jumps gathered for the day close; and the day-close PDF's compliance section read back
in both languages. 《理财公司理财产品销售管理暂行办法》(2021): the recording of a sale in
the branch is kept and reviewed."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from compliance import qualify_desk
from day_close_day import DAY, DESK, make_day

from wealthdesk.db.models import RiskAssessment, Sale
from wealthdesk.domain.client import ClientDraft, IdDocType, ProductFamily
from wealthdesk.domain.errors import NotFound
from wealthdesk.domain.investor import Criterion, QualifiedInvestorDraft
from wealthdesk.domain.product import ProductDraft
from wealthdesk.domain.risk import answers_for_score
from wealthdesk.reports.day_close import day_close_pdf, period_close_pdf
from wealthdesk.reports.fonts import cjk_font
from wealthdesk.services import (
    audit,
    clients,
    day_close,
    products,
    risk,
    sale_reviews,
    sales,
    suitability,
)
from wealthdesk.services.sales import SaleDraft

ACTOR = "王经理 (desk 1)"
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@pytest.fixture
def day(backend_store, clock):
    made = make_day(clock)
    clock.set(dt.datetime.combine(DAY, dt.time(18, 0)))
    return made


def _refs(rows) -> list[str]:
    return [r.recording_ref for r in rows]


def test_the_recordings_not_yet_checked_are_listed_oldest_first_without_cancelled_sales(day):
    rows = sale_reviews.unchecked_recordings(DAY)
    # SL20260003 was cancelled in its cooling-off: nothing left to review.
    assert _refs(rows) == ["SL20260001", "SL20260002"]
    assert all("*" in r.masked_name for r in rows)
    assert sale_reviews.unchecked_recordings(DAY - dt.timedelta(days=1)) == []


def test_marking_a_recording_checked_is_audited_and_takes_it_off_the_list(day):
    first, second = sale_reviews.unchecked_recordings(DAY)
    assert sale_reviews.mark_recording_checked(first.sale_id, ACTOR) is True
    assert _refs(sale_reviews.unchecked_recordings(DAY)) == [second.recording_ref]
    assert Sale.get_by_id(first.sale_id).recording_checked
    client_id = Sale.get_by_id(first.sale_id).client_id
    entry = audit.entries(client_id=client_id)[0]
    assert entry.action == "recording_checked" and entry.actor == ACTOR
    assert "SL20260001" in entry.detail
    assert sale_reviews.mark_recording_checked(first.sale_id, ACTOR) is False  # once
    with pytest.raises(NotFound):
        sale_reviews.mark_recording_checked(99_999, ACTOR)


def _jump(
    clock,
    on: dt.date = DAY,
    name: str = "张伟",
    id_number: str = "330106198003150036",
    code: str = "QY-R4",
    ref: str = "SL20269999",
) -> None:
    """*name* was C2 since June; raised to C5 at 17:00 of *on* and sold an R4 fund
    (*code*, recording *ref*) at once. The clock ends at 18:00 of DAY."""
    zhang = clients.create_client(ClientDraft(name=name, id_number=id_number), "setup").id
    RiskAssessment.create(
        client=zhang,
        assessed_on=dt.date(2026, 6, 1),
        valid_until=dt.date(2027, 5, 31),
        score=30,
        level=2,
        created_at=dt.datetime(2026, 6, 1),
    )
    clock.set(dt.datetime.combine(on, dt.time(17, 0)))
    form = risk.questionnaire()
    best = {q.id: max(q.options, key=lambda o: o.points).id for q in form.questions}
    risk.record_assessment(zhang, best, ACTOR)
    r4 = products.create_product(ProductDraft(code, "权益理财", ProductFamily.WEALTH, 4), "s")
    qualify_desk(DESK)
    sales.record_sale(SaleDraft(zhang, r4.id, 5_000_000, recording_ref=ref), ACTOR, DESK)
    clock.set(dt.datetime.combine(DAY, dt.time(18, 0)))


def _jumps_elsewhere(clock) -> None:
    """李娜's jump on the Tuesday of DAY's week, 王芳's on the last Friday of October."""
    _jump(clock, DAY - dt.timedelta(days=3), "李娜", "330106198505200013", "QY-R4B", "SL20268888")
    _jump(clock, dt.date(2026, 10, 30), "王芳", "33010619900612003X", "QY-R4C", "SL20267777")


def test_the_day_close_gathers_the_level_jumps_and_the_unchecked_recordings(day, clock):
    _jump(clock)
    summary = day_close.summary(DAY, DESK)
    (jump,) = summary.compliance.level_jumps
    assert (jump.masked_name, jump.old_level, jump.new_level) == ("张*", 2, 5)
    assert _refs(summary.compliance.unchecked) == ["SL20260001", "SL20260002", "SL20269999"]


def _seen(jumps) -> list[tuple[dt.date, str, int, int, str]]:
    return [(j.day, j.masked_name, j.old_level, j.new_level, j.product_code) for j in jumps]


def test_the_week_and_month_gather_each_days_level_jumps_and_their_unchecked_recordings(day, clock):
    _jumps_elsewhere(clock)
    _jump(clock)
    tuesday = DAY - dt.timedelta(days=3)
    week = day_close.period_summary(*day_close.week_of(DAY), DESK)
    month = day_close.period_summary(*day_close.month_of(DAY), DESK)
    expected = [(tuesday, "李*", 2, 5, "QY-R4B"), (DAY, "张*", 2, 5, "QY-R4")]
    assert _seen(week.compliance.level_jumps) == expected
    assert _seen(month.compliance.level_jumps) == expected  # not October's
    # The period's own sales only: October's recording is the day close's, not theirs.
    own = ["SL20268888", "SL20260001", "SL20260002", "SL20269999"]
    assert _refs(week.compliance.unchecked) == own
    assert _refs(month.compliance.unchecked) == own
    assert "SL20267777" in _refs(sale_reviews.unchecked_recordings(DAY))
    october = day_close.period_summary(*day_close.month_of(dt.date(2026, 10, 1)), DESK)
    assert _seen(october.compliance.level_jumps) == [(dt.date(2026, 10, 30), "王*", 2, 5, "QY-R4C")]
    assert _refs(october.compliance.unchecked) == ["SL20267777"]


def test_a_recording_checked_after_the_period_is_off_its_summary(day, clock):
    _jumps_elsewhere(clock)
    october = day_close.month_of(dt.date(2026, 10, 1))
    (late,) = day_close.period_summary(*october, DESK).compliance.unchecked
    # Checked in November: October's summary made now lists it no more.
    sale_reviews.mark_recording_checked(late.sale_id, ACTOR)
    assert day_close.period_summary(*october, DESK).compliance.unchecked == ()
    # A day's level jump is the day's alone: the day after it has none.
    assert risk.level_jumps_between(dt.date(2026, 10, 31), dt.date(2026, 11, 23)) == []


def test_a_week_not_begun_has_no_compliance_to_list(day, clock):
    _jump(clock)
    next_week = day_close.week_of(DAY + dt.timedelta(days=7))
    assert sale_reviews.period_compliance(*next_week) == sale_reviews.DayCompliance()


def test_the_reassessment_limit_is_known_before_the_questionnaire(backend_store, clock):
    zhang = clients.create_client(ClientDraft(name="张伟"), "setup").id
    assert risk.reassessment_limit(zhang) is None
    for points in (30, 60):
        risk.record_assessment(zhang, answers_for_score(risk.questionnaire(), points), ACTOR)
    problem = risk.reassessment_limit(zhang)
    assert problem is not None and problem.params == {"count": 2}
    clock.set(clock.now + dt.timedelta(days=1))
    assert risk.reassessment_limit(zhang) is None


def test_the_document_carries_its_number_masked_and_the_record_its_criteria(backend_store, clock):
    zhang = clients.create_client(
        ClientDraft(name="张伟", id_number="360426199101010071"), "setup"
    ).id
    doc = suitability.record_identity_document(zhang, IdDocType.RESIDENT_ID, None, "t")
    assert doc.masked_number == "360426********0071"
    # A passport carries its own number, not the resident ID's (issue 19).
    doc = suitability.record_identity_document(
        zhang, IdDocType.PASSPORT, dt.date(2026, 1, 1), "t", None, "E12345678"
    )
    assert doc.masked_number == "E1*****78"
    assert doc.expired(clock.now.date()) and not doc.expired(dt.date(2026, 1, 1))
    info = suitability.record_qualified_investor(
        zhang,
        QualifiedInvestorDraft(3, 300_000_000, 450_000_000, 50_000_000, "tax_record",
                               clock.now.date()),
        "t",
    )  # fmt: skip
    assert info.criteria == (Criterion.NET_ASSETS, Criterion.INCOME)


# ---------------------------------------------------------------- the PDF


def _text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    return "".join(out.stdout.split())


@pytest.mark.skipif(
    not WQY.is_file() or shutil.which("pdftotext") is None,
    reason="fonts-wqy-microhei or pdftotext is not installed",
)
@pytest.mark.parametrize(
    "lang, words",
    [
        (
            "en",
            (
                "Compliancechecks",
                "Risklevelraisedandsoldabovetheoldlevelthesameday",
                "Salesrecordings(双录)notyetquality-checked",
            ),
        ),
        ("zh_CN", ("合规检查", "同日风险等级上调后购买高于原等级的产品", "双录尚未质检的销售")),
    ],
)
def test_the_day_close_pdf_has_the_compliance_section(day, clock, qapp, tmp_path, lang, words):
    from PySide6.QtCore import QCoreApplication

    from wealthdesk import i18n

    _jump(clock)
    first = sale_reviews.unchecked_recordings(DAY)[0]
    sale_reviews.mark_recording_checked(first.sale_id, ACTOR)
    i18n.install_language(lang)
    try:
        summary = day_close.summary(DAY, DESK)
        pdf = day_close_pdf(tmp_path / "day.pdf", summary, cjk_font(), QCoreApplication.translate)
    finally:
        i18n.install_language("zh_CN")
    text = _text(pdf)
    for word in words:
        assert word in text
    assert "张*" in text and "C2" in text and "C5" in text and "QY-R4" in text
    assert "SL20260002" in text and "SL20269999" in text
    assert "SL20260001" not in text  # checked: off the list
    assert "张伟" not in text  # masked


@pytest.mark.skipif(
    not WQY.is_file() or shutil.which("pdftotext") is None,
    reason="fonts-wqy-microhei or pdftotext is not installed",
)
@pytest.mark.parametrize(
    "lang, words",
    [
        (
            "en",
            (
                "Compliancechecks",
                "Risklevelraisedandsoldabovetheoldlevelthesameday",
                "Salesofthisperiodwhoserecording(双录)isnotyetquality-checked",
            ),
        ),
        ("zh_CN", ("合规检查", "同日风险等级上调后购买高于原等级的产品", "本期双录尚未质检的销售")),
    ],
)
@pytest.mark.parametrize("period", ["week", "month"])
def test_the_week_and_month_pdfs_have_the_compliance_section(
    day, clock, qapp, tmp_path, lang, words, period
):
    from PySide6.QtCore import QCoreApplication

    from wealthdesk import i18n

    _jumps_elsewhere(clock)
    _jump(clock)
    first = sale_reviews.unchecked_recordings(DAY, DAY)[0]
    sale_reviews.mark_recording_checked(first.sale_id, ACTOR)
    bounds = (day_close.week_of if period == "week" else day_close.month_of)(DAY)
    i18n.install_language(lang)
    try:
        summary = day_close.period_summary(*bounds, DESK)
        pdf = period_close_pdf(tmp_path / "p.pdf", summary, cjk_font(), QCoreApplication.translate)
    finally:
        i18n.install_language("zh_CN")
    text = _text(pdf)
    for word in words:
        assert word in text
    assert "2026-11-24" in text and "李*" in text and "QY-R4B" in text
    assert "张*" in text and "C2" in text and "C5" in text and "QY-R4" in text
    assert "SL20268888" in text and "SL20260002" in text and "SL20269999" in text
    assert "SL20260001" not in text  # checked: off the list
    assert "QY-R4C" not in text and "SL20267777" not in text  # October's
    assert "张伟" not in text and "李娜" not in text  # masked
