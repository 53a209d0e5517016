"""The financial plan's PDF (reports/plan.py), read back: the client masked, the level
and its dates, the allocation's figures and gaps, the products proposed with their
ratings, the disclosure and both signature lines; no word printed over another."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from wealthdesk.db.models import RiskAssessment
from wealthdesk.domain.client import ClientDraft, Horizon, LiquidityNeed, ProductFamily
from wealthdesk.domain.plan import Goal, GoalKind
from wealthdesk.domain.product import ProductDraft
from wealthdesk.reports.fonts import FontError, cjk_font
from wealthdesk.reports.plan import plan_pdf
from wealthdesk.services import clients, plan, products, settings
from wealthdesk.services.plan import PlanInputs

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")
F = ProductFamily
WAN = 1_000_000
NAME, MOBILE, ID_NUMBER = "钱多多", "13912345678", "360426199101010071"


@pytest.fixture
def saved(store, clock):
    client = clients.create_client(
        ClientDraft(
            name=NAME,
            mobile=MOBILE,
            id_number=ID_NUMBER,
            horizon=Horizon.MEDIUM,
            liquidity_need=LiquidityNeed.HIGH,
        ),
        "t",
    ).id
    RiskAssessment.create(
        client=client,
        assessed_on=dt.date(2026, 6, 1),
        valid_until=dt.date(2027, 5, 31),
        score=60,
        level=3,
        created_at=dt.datetime(2026, 6, 1),
    )
    ids = {}
    for code, name, family, rating, minimum in (
        ("CK-1Y", "一年期整存整取定期存款", F.LIABILITY, None, 50),
        ("LC-WJ090", "稳健添利90天持有期理财", F.WEALTH, 2, 10_000),
        ("JJ-GP001", "科技成长股票基金", F.INTERMEDIARY, 3, 10),
        ("GJS-JC01", "如意积存金", F.INTERMEDIARY, 3, 500),
    ):
        draft = ProductDraft(code, name, family, rating, min_amount_fen=minimum * 100)
        ids[code] = products.create_product(draft, "t").id
    products.add_holding(client, ids["CK-1Y"], 30 * WAN, dt.date(2026, 1, 1), "t")
    products.add_holding(client, ids["JJ-GP001"], 50 * WAN, dt.date(2026, 1, 1), "t")
    settings.save({"branch_name": "西湖支行", "manager_name": "王芳"}, "1", "t")
    inputs = PlanInputs(
        new_money_fen=20 * WAN,
        monthly_spending_fen=2 * WAN,
        goals=(Goal(GoalKind.EDUCATION, 30 * WAN, 2028),),
        proposals=((ids["LC-WJ090"], 30 * WAN), (ids["GJS-JC01"], 3 * WAN)),
        notes="客户希望保本为主。",
    )
    return plan.save_plan(client, inputs, "王芳 (desk 1)")[1]


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_plan_shows_the_level_the_figures_and_the_proposals_with_the_client_masked(
    saved, tmp_path
):
    path = plan_pdf(tmp_path / "plan.pdf", saved, cjk_font())
    text = _text(path)
    assert "钱**" in text and "C3 平衡型" in text
    assert "2026-06-01" in text and "2027-05-31" in text
    assert "西湖支行" in text and "王芳" in text
    s = saved.suggestion
    for line in s.lines:
        assert f"{line.current_fen // 100:,}" in text
        assert f"{line.suggested_fen // 100:,}" in text
    assert "1,000,000" in text  # the money planned: holdings and new money
    assert "+175,000" in text and "−400,000" in text  # cash to add, equity to move out
    assert "LC-WJ090" in text and "稳健添利90天持有期理财" in text and "R2" in text
    assert "GJS-JC01" in text and "330,000" in text  # the proposals' total
    assert "客户希望保本为主" in text
    assert "Risk disclosure" in text and "not deposits" in text
    assert "Client's signature" in text and "Manager's signature" in text
    for secret in (NAME, MOBILE, ID_NUMBER, "5678", "0071"):
        assert secret not in text


def test_the_branch_s_disclosure_replaces_the_shipped_one(saved, tmp_path):
    own = "本行郑重提示：理财非存款，产品有风险，投资须谨慎。"
    view = plan.draft_plan(saved.client_id, saved.inputs)
    from dataclasses import replace

    text = _text(plan_pdf(tmp_path / "own.pdf", replace(view, disclosure=own), cjk_font()))
    assert own in text and "not deposits" not in text
    assert "not saved" in text  # a fresh suggestion says it is no saved version


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_no_word_is_printed_over_another(saved, tmp_path):
    path = plan_pdf(tmp_path / "plan.pdf", saved, cjk_font())
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    word = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    pages = html.split("<page ")[1:]
    assert len(pages) >= 1
    for number, page in enumerate(pages, start=1):
        boxes = [(w, *map(float, box)) for *box, w in re.findall(word, page)]
        for i, (a, ax0, ay0, ax1, ay1) in enumerate(boxes):
            for b, bx0, by0, bx1, by1 in boxes[i + 1 :]:
                wide = min(ax1, bx1) - max(ax0, bx0)
                tall = min(ay1, by1) - max(ay0, by0)
                assert wide <= 0.5 or tall <= 0.5, f"page {number}: {a!r} over {b!r}"


def test_a_character_the_font_lacks_writes_no_file(saved, tmp_path):
    from dataclasses import replace

    inputs = replace(saved.inputs, notes="客户说：\U0001f600")
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(FontError):
        plan_pdf(folder / "x.pdf", replace(saved, inputs=inputs), cjk_font())
    assert list(folder.iterdir()) == []


# ---------------------------------------------------------------- large print


def _pdftotext(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def _sizes(path: Path) -> list[float]:
    from pdf_layout import read

    words, _rules, _pages = read(path)
    return [w.size for w in words]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_the_large_print_summary_has_the_allocation_and_the_products_in_big_type(saved, tmp_path):
    regular = plan_pdf(tmp_path / "plan.pdf", saved, cjk_font())
    large = plan_pdf(tmp_path / "large.pdf", saved, cjk_font(), large_print=True)
    assert 1 <= len(PdfReader(large).pages) <= 2
    text = _pdftotext(large)
    assert "钱**" in text and f"{saved.client_id}" in text and "C3" in text
    for line in saved.suggestion.lines:
        assert f"{line.suggested_fen // 100:,}" in text
    assert f"{saved.suggestion.total_fen // 100:,}" in text
    for code, amount in (("LC-WJ090", "300,000"), ("GJS-JC01", "30,000")):
        assert code in text and amount in text
    assert "稳健添利90天持有期理财" in text and "R2" in text and "330,000" in text
    for secret in (NAME, MOBILE, ID_NUMBER, MOBILE[-4:] + ID_NUMBER[:6]):
        assert secret not in text
    # Big type: every word at 15 pt or more (the products' codes, under their names, at
    # 12), the median about 1.7 times the regular plan's; only the header is small.
    import statistics

    from pdf_layout import read

    words = read(large)[0]
    codes = "".join(code for code, _ in (("LC-WJ090", 0), ("GJS-JC01", 0)))
    assert all(w.text in codes for w in words if 9 < w.size < 15)
    assert all(w.size >= 12 for w in words if w.size > 9)
    assert sum(w.size >= 15 for w in words) > 2 * sum(w.size <= 9 for w in words)
    sizes = [w.size for w in words]
    assert statistics.median(sizes) >= 1.5 * statistics.median(_sizes(regular))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_large_print_summary_of_ten_long_products_fits_two_pages_and_overlaps_nothing(
    saved, tmp_path, qapp, language
):
    import dataclasses

    from pdf_layout import layout_problems
    from PySide6.QtCore import QCoreApplication

    from wealthdesk import i18n
    from wealthdesk.domain.plan import PlanProduct
    from wealthdesk.services.plan import ProposedLine

    long_name = "稳健添利365天最短持有期固定收益类理财产品（第十二期）"
    lines = tuple(
        ProposedLine(
            PlanProduct(100 + n, f"LC-WJ365-2026-{n:02d}", long_name, F.WEALTH, 2, False, 0, True),
            99_999_999_99,
        )
        for n in range(10)
    )
    view = dataclasses.replace(saved, proposals=lines)
    i18n.install_language(language)
    try:
        path = plan_pdf(
            tmp_path / "large.pdf",
            view,
            cjk_font(),
            translate=QCoreApplication.translate,
            large_print=True,
        )
    finally:
        i18n.install_language("zh_CN")
    assert len(PdfReader(path).pages) <= 2
    problems = layout_problems(path)
    assert problems == [], "\n".join(problems[:20])
