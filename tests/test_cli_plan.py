"""``main.py plan --client N --out F.pdf`` as scripts use it: a fresh process, a real
database, real files; the latest saved version or a fresh suggestion; one line and exit 2
(no file) for an unknown client, no valid assessment or a path that cannot be written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_cli import run_cli, stored

from wealthdesk.db.connection import sqlite_url

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")
WAN = 1_000_000
LOGGED = "SELECT client_id, action, detail FROM audit_entry WHERE action LIKE 'plan%' ORDER BY id"


@pytest.fixture
def home(tmp_path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def book(tmp_path) -> tuple[Path, dict[str, int]]:
    """Three clients: one assessed with a saved plan, one assessed with none, one never
    assessed. The assessments run to 2099, so the test does not age."""
    from wealthdesk import db
    from wealthdesk.db.models import RiskAssessment
    from wealthdesk.domain.client import ClientDraft, ProductFamily
    from wealthdesk.domain.product import ProductDraft
    from wealthdesk.services import clients, plan, products

    database = tmp_path / "branch.sqlite3"
    db.connect(sqlite_url(database), tmp_path / "backups")
    try:
        made = {}
        for key, name in (("saved", "钱多多"), ("fresh", "孙小美"), ("none", "阿土伯")):
            draft = ClientDraft(name=name, mobile="13912345678", birth_date=dt.date(1980, 5, 1))
            made[key] = clients.create_client(draft, "t").id
        for key in ("saved", "fresh"):
            RiskAssessment.create(
                client=made[key], assessed_on=dt.date(2026, 1, 5),
                valid_until=dt.date(2099, 1, 4), score=60, level=3,
                created_at=dt.datetime(2026, 1, 5),
            )  # fmt: skip
        fund = products.create_product(
            ProductDraft("LC-WJ090", "稳健添利90天理财", ProductFamily.WEALTH, 2), "t"
        ).id
        products.add_holding(made["saved"], fund, 50 * WAN, dt.date(2026, 1, 5), "t")
        plan.save_plan(
            made["saved"],
            plan.PlanInputs(new_money_fen=10 * WAN, proposals=((fund, 5 * WAN),), notes="保本"),
            "王芳 (desk 1)",
        )
    finally:
        db.close()
    return database, made


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_latest_saved_version_is_written_and_logged(home, book, tmp_path):
    database, made = book
    out = tmp_path / "plan.pdf"
    done = run_cli(home, "--lang", "en", "plan", "--db", sqlite_url(database),
                   "--client", str(made["saved"]), "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = _text(out)
    assert "钱**" in text and "LC-WJ090" in text and "保本" in text and "No. 1" in text
    assert "钱多多" not in text and "13912345678" not in text
    assert stored(database, LOGGED)[-1] == (made["saved"], "plan_exported", "plan 1")


def test_a_client_without_a_saved_plan_gets_a_fresh_suggestion(home, book, tmp_path):
    database, made = book
    out = tmp_path / "fresh.pdf"
    done = run_cli(home, "plan", "--db", sqlite_url(database), "--client", str(made["fresh"]),
                   "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "not saved" in _text(out) or "未保存" in _text(out)


def test_large_print_writes_the_summary_in_big_type_and_logs_it(home, book, tmp_path):
    import subprocess

    database, made = book
    out = tmp_path / "large.pdf"
    done = run_cli(home, "--lang", "en", "plan", "--db", sqlite_url(database),
                   "--client", str(made["saved"]), "--large-print", "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(PdfReader(out).pages) <= 2
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "large print" in text and "钱**" in text and "LC-WJ090" in text and "50,000" in text
    assert "钱多多" not in text and "13912345678" not in text
    assert stored(database, LOGGED)[-1] == (made["saved"], "plan_exported", "plan 1")


@pytest.mark.parametrize(
    ("who", "path", "words"),
    [
        ("none", "plan.pdf", "no risk assessment: a plan is made from a valid one"),
        ("unknown", "plan.pdf", "client"),
        ("saved", "missing/folder/plan.pdf", "cannot be written"),
    ],
)
def test_a_refusal_is_one_line_exit_2_and_no_file(home, book, tmp_path, who, path, words):
    database, made = book
    client = str(made.get(who, 999))
    out = tmp_path / path
    done = run_cli(home, "--lang", "en", "plan", "--db", sqlite_url(database),
                   "--client", client, "--out", str(out))  # fmt: skip
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert words in lines[0].lower(), lines
    assert "Traceback" not in done.stderr
    assert not out.exists()
    assert [row for row in stored(database, LOGGED) if row[1] == "plan_exported"] == []
