"""The day's agenda PDF (reports/agenda.py), read back with a PDF text extractor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from wealthdesk.domain.client import ClientDraft
from wealthdesk.domain.queue import Purpose
from wealthdesk.reports.agenda import agenda_pdf
from wealthdesk.reports.fonts import FontError, cjk_font
from wealthdesk.services import appointments, clients

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")
MONDAY = dt.date(2026, 11, 30)


def _book(store, clock):
    zhang = clients.create_client(
        ClientDraft(name="张伟国", mobile="13812345678", id_number="11010519491231002X"), "t"
    ).id
    booked = appointments.create(
        appointments.AppointmentDraft(
            start=dt.datetime(2026, 11, 30, 10, 0).astimezone(),
            client_id=zhang,
            purposes=(Purpose.PURCHASE,),
            team=("李顾问",),
            manager="王经理",
        ),
        "t",
    )
    appointments.tick_item(booked.items[0].id, True)
    return appointments.day(MONDAY)


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_agenda_shows_times_masked_names_and_what_to_prepare(store, clock, tmp_path):
    day = _book(store, clock)
    path = agenda_pdf(tmp_path / "agenda.pdf", MONDAY, day, cjk_font(), "西湖支行", "王经理")
    text = _text(path)
    assert "2026-11-30" in text and "西湖支行" in text
    assert "10:00" in text and "张**" in text and "Product brochure" in text
    assert "李顾问" in text
    for secret in ("张伟国", "13812345678", "11010519491231002X", "5678"):
        assert secret not in text
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_an_empty_day_is_a_valid_clearly_empty_agenda(store, clock, tmp_path):
    path = agenda_pdf(tmp_path / "empty.pdf", MONDAY, [], cjk_font())
    assert "No appointments on this day." in _text(path)


def test_a_character_the_font_lacks_stops_the_agenda_before_a_file_exists(store, clock, tmp_path):
    day = _book(store, clock)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(FontError):
        agenda_pdf(out / "agenda.pdf", MONDAY, day, cjk_font(), branch="西湖支行😀")
    assert list(out.iterdir()) == []


def test_a_folder_that_cannot_be_written_fails_clearly_and_leaves_nothing(store, tmp_path):
    with pytest.raises(OSError):
        agenda_pdf(tmp_path / "no-such-folder" / "agenda.pdf", MONDAY, [], cjk_font())
    assert not (tmp_path / "no-such-folder").exists()
