"""The lobby's queue slip (issue 24): what it says (the ticket, when, how many wait ahead
for the same desk, the room and the branch, nothing about the visitor), read from the
queue on both backends; the 80 mm receipt PDF read back with pdftotext, its width
checked and no word printed over another, however long the branch's name."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from pdf_layout import layout_problems
from pypdf import PdfReader

from wealthdesk.domain.client import ClientDraft
from wealthdesk.reports.fonts import cjk_font
from wealthdesk.reports.queue_slip import WIDTH_MM, queue_slip_pdf
from wealthdesk.services import clients, queue, settings
from wealthdesk.services.queue_slip import QueueSlip, slip_for

MM = 72 / 25.4


def test_a_slip_counts_who_waits_ahead_for_the_same_desk(backend_store, clock):
    settings.save({"branch_name": "杭州西湖支行"}, "1", "m")
    queue.check_in(queue.CheckIn(walk_in_name="甲"), "lobby")  # shared queue
    queue.check_in(queue.CheckIn(walk_in_name="乙", for_desk="3"), "lobby")  # another desk's
    clock.set(clock.now + dt.timedelta(minutes=4))
    mine = queue.check_in(queue.CheckIn(walk_in_name="丙", for_desk="2"), "lobby")
    shared = queue.check_in(queue.CheckIn(walk_in_name="丁"), "lobby")
    slip = slip_for(mine.id)
    assert (slip.ticket, slip.desk, slip.branch) == (mine.ticket, "2", "杭州西湖支行")
    assert slip.ahead == 1  # 甲 (any desk calls the shared queue), not 乙 (desk 3's)
    assert slip.issued_at == mine.arrived_at and slip.issued_at.strftime("%H:%M") == "10:04"
    assert slip_for(shared.id).ahead == 3  # any desk may call each of the three first
    assert not any(name in repr(slip) for name in ("甲", "乙", "丙", "丁"))


def test_an_appointment_comes_before_walk_ins_on_the_slip_too(backend_store, clock):
    queue.check_in(queue.CheckIn(walk_in_name="甲"), "lobby")
    client = clients.create_client(ClientDraft(name="张伟", mobile="13812345678"), "m")
    booked = queue.check_in(
        queue.CheckIn(kind=queue.VisitKind.APPOINTMENT, client_id=client.id), "lobby"
    )
    slip = slip_for(booked.id)
    assert slip.ahead == 0 and slip.ticket.startswith("A")
    assert "张" not in repr(slip) and "13812345678" not in repr(slip)


def _text(path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize(
    "branch",
    [
        "杭州西湖支行",
        "中国工商银行股份有限公司浙江省分行营业部杭州西湖区文三路支行理财中心",
        # One word wider than the paper (no space to break at): broken inside, not cut off.
        "ICBC_Hangzhou_WestLake_Wensan_Road_Subbranch_WealthManagementCentre",
    ],
)
def test_the_slip_is_80_mm_wide_and_no_words_overlap(tmp_path, branch):
    slip = QueueSlip("A012", dt.datetime(2026, 11, 27, 10, 5), 3, branch, "2")
    path = tmp_path / "slip.pdf"
    path.write_bytes(queue_slip_pdf(slip, cjk_font()))
    [page] = PdfReader(path).pages
    assert abs(float(page.mediabox.width) - WIDTH_MM * MM) < 0.5
    assert 50 * MM < float(page.mediabox.height) < 150 * MM  # a receipt, not a sheet
    assert layout_problems(path, margin=4 * MM) == []
    text = _text(path)
    assert "A012" in text and "People ahead of you: 3" in text
    assert "Please wait for desk 2" in text and "2026-11-27 10:05" in text
    assert "".join(branch.split()) in "".join(text.split())  # wrapped, never cut off


def test_a_slip_for_the_shared_queue_says_the_first_free_desk_calls(tmp_path):
    slip = QueueSlip("W105", dt.datetime(2026, 11, 27, 10, 5), 0, "", "")
    path = tmp_path / "slip.pdf"
    path.write_bytes(queue_slip_pdf(slip, cjk_font()))
    text = _text(path)
    assert "The first free desk will call you" in text and "People ahead of you: 0" in text
    assert layout_problems(path, margin=4 * MM) == []
