"""The day close (services/day_close.py, reports/day_close.py, the CLI's day-close): a
day made through the services, its PDF read back and every figure compared with what
the test computes on its own; nothing personal printed whole; the CSV files; the CLI's
refusals; the checklist and the re-close."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from day_close_day import DAY, DESK, make_day
from pypdf import PdfReader

from wealthdesk.db.models import Sale
from wealthdesk.reports.day_close import day_close_csv, day_close_pdf
from wealthdesk.reports.fonts import cjk_font
from wealthdesk.services import day_close

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")


def pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(text: str) -> str:
    """Without spaces and line breaks, so that a phrase is found however it was split."""
    return "".join(text.split())


def minutes(value: int) -> str:
    hours, rest = divmod(value, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{value} min"


@pytest.fixture
def day(backend_store, clock):
    return make_day(clock)


def test_every_figure_printed_is_the_one_the_day_made(day, clock, tmp_path):
    summary = day_close.summary(DAY, DESK)
    path = day_close_pdf(tmp_path / "close.pdf", summary, cjk_font())
    text = flat("\n".join(pages(path)))

    waits, services = day.waits, day.services
    over = sum(1 for w in waits if w > 15)
    expected = {
        "Arrived": len(day.tickets),
        "Served": day.served,
        "No-shows": day.no_show,
        "Leftwithoutservice": day.left,
        "Averagewait": minutes(sum(waits) // len(waits)),
        "Longestwait": minutes(max(waits)),
        "Waitedlongerthan15min": f"{over}of{len(waits)}({round(100 * over / len(waits))}%)",
        "Averageservicetime": minutes(sum(services) // len(services)),
        # Appointments: two kept (one 20 minutes late), one cancelled, one rescheduled.
        "Booked": 5,
        "Kept": 2,
        "Late": 1,
        "Cancelled": 1,
        "Rescheduled": 1,
        "Calls": day.calls,
        "Calltime": minutes(day.call_minutes),
        "Timessupported": 1,
        "Supporttime": minutes(day.support_minutes),
        "Followedbyasale": 1,
        "Salessigned(cancelledonesincluded)": day.sales_count + 1,
        "Cooling-offcancellations": 1,
        "Amountcancelled": f"¥{day.cancelled_fen // 100:,}.00",
        "65+confirmations": 1,
        "Unresolvedappointments": 1,
        "Follow-upsandcall-backs": 1,
    }
    for label, value in expected.items():
        assert flat(f"{label}{value}") in text, label
    total_fen = day.sales_fen
    assert f"Total{day.sales_count}¥{total_fen // 100:,}.00" in text.replace("—", "")[-4000:] or (
        f"{day.sales_count}¥{total_fen // 100:,}.00" in text
    )
    work = sum(services) + day.call_minutes + day.support_minutes
    assert f"Timeonclientwork:{flat(minutes(work))}of5h00min" in text
    assert "Saleswithoutarecordingreference:0" in text
    for ticket in day.tickets:
        assert ticket in text
    assert "Callback·张**·2026-11-28" in text  # the call-back set for tomorrow
    assert "12:00Lunchbreak(printed)" in text


def test_no_whole_mobile_id_or_name_is_printed(day, tmp_path):
    summary = day_close.summary(DAY, DESK)
    text = "\n".join(pages(day_close_pdf(tmp_path / "close.pdf", summary, cjk_font())))
    assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text)
    assert not re.search(r"(?<![0-9A-Z])\d{17}[\dX](?![0-9A-Z])", text)
    for name in ("张伟国", "李娜", "欧阳娜娜", "王芳", "赵敏", "钱多多"):
        assert name not in text
    assert "欧阳**" in flat(text) and "赵*" in flat(text)


def test_the_header_with_page_x_of_y_is_on_every_page(backend_store, clock, tmp_path):
    from wealthdesk.domain.queue import VisitKind
    from wealthdesk.services import queue, settings

    settings.save({"branch_name": "西湖支行", "manager_name": "王芳"}, DESK, "t")
    for n in range(90):  # enough visitors for the visits table to run over pages
        clock.set(dt.datetime(2026, 11, 27, 9, 0).astimezone() + dt.timedelta(minutes=n))
        queue.check_in(queue.CheckIn(VisitKind.WALK_IN, walk_in_name=f"客{n}"), "t")
    clock.set(dt.datetime(2026, 11, 27, 17, 0).astimezone())
    summary = day_close.summary(DAY, DESK)
    found = pages(day_close_pdf(tmp_path / "close.pdf", summary, cjk_font()))
    assert len(found) >= 3
    for number, text in enumerate(found, start=1):
        compact = flat(text)
        assert "西湖支行·王芳·Dayclose2026-11-27" in compact
        assert f"Page{number}of{len(found)}" in compact
        assert "Generated2026-11-2717:00" in compact
    # The visits table's header row is repeated on each page it runs over.
    with_rows = [t for t in found if re.search(r"\nW\d{3}\n客", t)]
    assert len(with_rows) >= 2
    assert all("TicketClientDeskArrived" in flat(t) for t in with_rows)


def test_an_empty_day_is_a_valid_clearly_empty_report(backend_store, clock, tmp_path):
    summary = day_close.summary(dt.date(2026, 11, 29), DESK)
    assert summary.empty
    found = pages(day_close_pdf(tmp_path / "empty.pdf", summary, cjk_font()))
    text = flat("\n".join(found))
    assert "Nothingwasrecordedonthisday" in text
    assert "Novisitorsonthisday." in text
    assert "Arrived0" in text and f"Page{len(found)}of{len(found)}" in text


def test_a_sale_without_its_recording_reference_is_reported(day, tmp_path):
    Sale.update(recording_ref="").where(Sale.recording_ref == "SL20260001").execute()
    summary = day_close.summary(DAY, DESK)
    assert [r.product_code for r in summary.sales.missing_recording] == ["LC-90"]
    text = flat("\n".join(pages(day_close_pdf(tmp_path / "c.pdf", summary, cjk_font()))))
    assert "1saleswithoutarecordingreference" in text
    reader = PdfReader(tmp_path / "c.pdf")
    content = b"".join(p.get_contents().get_data() for p in reader.pages)
    assert b".690196 0 .12549 rg" in content  # #b00020, the red of the alarm


def test_the_gate_s_refusals_are_printed_by_reason(day, clock, tmp_path):
    from wealthdesk.services import sales

    client_id, product_id = Sale.select(Sale.client, Sale.product).tuples().first()
    assert clock.now.date() == DAY
    sales.record_refusal(client_id, product_id, ["product", "recording_ref"], "m1", DESK)
    sales.record_refusal(client_id, product_id, ["product"], "m1", DESK)
    sales.record_refusal(client_id, product_id, ["not a reason"], "m1", DESK)
    summary = day_close.summary(DAY, DESK)
    assert summary.sales.refusals == (("product", 2), ("recording_ref", 1))
    text = flat("\n".join(pages(day_close_pdf(tmp_path / "r.pdf", summary, cjk_font()))))
    assert "abovetheclient'srisklevel2;no recording".replace(" ", "") in text


def test_the_csv_files_open_with_their_columns_in_utf8_with_bom(day, tmp_path):
    summary = day_close.summary(DAY, DESK)
    visits, sold = day_close_csv(tmp_path, summary)
    assert visits.read_bytes().startswith(b"\xef\xbb\xbf")
    with visits.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0])[:4] == ["Ticket", "Client", "Kind", "Desk"]
    assert [r["Ticket"] for r in rows] == day.tickets
    assert rows[0]["Client"] == "张**" and rows[0]["Wait (min)"] == str(day.waits[0])
    with sold.open(encoding="utf-8-sig", newline="") as file:
        sales_rows = list(csv.DictReader(file))
    assert len(sales_rows) == day.sales_count + 1
    assert {r["Product code"] for r in sales_rows} == {"LC-90", "JJ-GP", "CK-1Y", "SM-01"}
    assert sum(float(r["Amount (yuan)"]) for r in sales_rows if not r["Cancelled"]) == (
        day.sales_fen / 100
    )
    everything = visits.read_text("utf-8-sig") + sold.read_text("utf-8-sig")
    assert "13812345678" not in everything and "张伟国" not in everything


def test_ticks_are_kept_for_the_day_and_desk(backend_store, clock):
    items = [i.text for i in day_close.checklist(DAY, DESK)]
    assert items[0] == "Records reviewed" and len(items) == 5
    day_close.tick("Records reviewed", True, DAY, DESK)
    assert [i.ticked for i in day_close.checklist(DAY, DESK)] == [True, False, False, False, False]
    assert not any(i.ticked for i in day_close.checklist(DAY, "2"))
    assert not any(i.ticked for i in day_close.checklist(DAY + dt.timedelta(days=1), DESK))
    day_close.tick("Records reviewed", False, DAY, DESK)
    assert not any(i.ticked for i in day_close.checklist(DAY, DESK))


def test_a_change_after_the_close_is_an_amendment_and_a_new_version(day, clock, tmp_path):
    first = day_close.summary(DAY, DESK)
    assert first.version == 1 and not first.amended
    day_close.record_close(first, tmp_path / "v1.pdf", "t")
    again = day_close.summary(DAY, DESK)
    assert not again.amended and again.version == 2
    Sale.update(amount_fen=Sale.amount_fen + 100).where(
        Sale.recording_ref == "SL20260001"
    ).execute()
    changed = day_close.summary(DAY, DESK)
    assert changed.amended
    text = flat("\n".join(pages(day_close_pdf(tmp_path / "v2.pdf", changed, cjk_font()))))
    assert "Version2" in text and "thisisanamendment" in text


# ---------------------------------------------------------------- the command line


def test_the_cli_writes_the_pdf_and_both_csv_files(tmp_path):
    from test_cli import run_cli

    from wealthdesk.db.connection import sqlite_url

    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    out.mkdir()
    database = sqlite_url(tmp_path / "branch.sqlite3")
    done = run_cli(
        home, "day-close", "--db", database, "--lang", "en",
        "--date", "2026-11-27", "--out", str(out / "c.pdf"), "--csv", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "c.pdf",
        "sales-2026-11-27.csv",
        "visits-2026-11-27.csv",
    ]
    assert "Nothingwasrecorded" in flat("\n".join(pages(out / "c.pdf")))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--date", "2026-02-30"], "There is no such date: 2026-02-30."),
        (["--date", "tomorrow"], "is not a date"),
        (["--out", "{missing}/c.pdf"], "cannot be written"),
        (["--csv", "{missing}"], "cannot be written"),
    ],
)
def test_the_cli_refuses_in_one_line_with_status_2_and_writes_nothing(tmp_path, arguments, message):
    from test_cli import run_cli

    from wealthdesk.db.connection import sqlite_url

    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    out.mkdir()
    missing = str(tmp_path / "no-such-folder")
    wanted = {"--out": str(out / "c.pdf"), "--date": "2026-11-27"}
    for option, value in zip(arguments[::2], arguments[1::2], strict=True):
        wanted[option] = value.format(missing=missing)
    line = [word for pair in wanted.items() for word in pair]
    done = run_cli(
        home, "day-close", "--db", sqlite_url(tmp_path / "b.sqlite3"), "--lang", "en", *line
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("wealthdesk:") and message in lines[0]
    assert list(out.iterdir()) == []
    assert not Path(missing).exists()


# ---------------------------------------------------------------- a week and a month


@pytest.fixture
def week(day, clock):
    from day_close_day import make_wednesday

    return day, make_wednesday(clock, day)


def test_a_week_adds_the_days_up_with_averages_over_every_visit(week, tmp_path):
    from day_close_day import WEDNESDAY

    from wealthdesk.reports.day_close import period_close_pdf

    friday, wednesday = week
    first, last = day_close.week_of(DAY)
    assert (first, last) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    summary = day_close.period_summary(first, last, DESK)
    assert summary.kind == "week" and summary.working_days == 5

    waits = friday.waits + wednesday.waits
    services = friday.services + wednesday.services
    v = summary.visitors
    assert v.arrived == len(friday.tickets) + len(wednesday.tickets)
    assert v.served == friday.served + len(wednesday.services)
    # over every visit, not the mean of the two days' means
    assert v.average_wait == dt.timedelta(minutes=sum(waits)) / len(waits)
    assert v.longest_wait == dt.timedelta(minutes=max(waits))
    assert v.average_service == dt.timedelta(minutes=sum(services)) / len(services)
    assert v.over_target == sum(1 for w in waits if w > 15)
    assert summary.sales.totals.amount_fen == friday.sales_fen + wednesday.sales_fen
    work = sum(services) + friday.call_minutes + friday.support_minutes
    assert summary.work.total_minutes == work and summary.work.target_minutes == 5 * 5 * 60
    assert summary.average_work_minutes == work // 5
    assert [d.day.weekday() for d in summary.days] == [0, 1, 2, 3, 4]  # the weekend empty
    by_day = {d.day: d for d in summary.days}
    assert by_day[WEDNESDAY].arrived == 3 and by_day[WEDNESDAY].sales_fen == wednesday.sales_fen
    assert by_day[WEDNESDAY].average_wait == dt.timedelta(minutes=sum(wednesday.waits) / 3)
    assert by_day[DAY].sales_count == friday.sales_count

    path = period_close_pdf(tmp_path / "week.pdf", summary, cjk_font())
    found = pages(path)
    text = flat("\n".join(found))
    expected = {
        "Arrived": v.arrived,
        "Served": v.served,
        "Averagewait": minutes(sum(waits) // len(waits)),
        "Longestwait": minutes(max(waits)),
        "Waitedlongerthan15min": (
            f"{v.over_target}of{len(waits)}({round(100 * v.over_target / len(waits))}%)"
        ),
        "Averageservicetime": minutes(sum(services) // len(services)),
        "Booked": 5,
        "Kept": 2,
        "Calls": friday.calls,
        "Timessupported": 1,
        "Salessigned(cancelledonesincluded)": friday.sales_count + 2,
        "Cooling-offcancellations": 1,
    }
    for label, value in expected.items():
        assert flat(f"{label}{value}") in text, label
    # Made on the Friday: the week is not over, its five working days so far all counted.
    assert f"Timeonclientworktodate:{flat(minutes(work))}of25h00min" in text
    assert f"Perworkingdaytodate(5of5):{flat(minutes(work // 5))}against5h00minaday" in text
    wednesday_row = (
        f"2026-11-2533{minutes(sum(wednesday.waits) // 3)}1¥{wednesday.sales_fen // 100:,}.00"
    )
    assert flat(wednesday_row) in text
    total = friday.sales_fen + wednesday.sales_fen
    assert flat(f"Total{v.arrived}{v.served}") in text and f"¥{total // 100:,}.00" in text
    for number, page in enumerate(found, start=1):
        assert "Weeksummary2026-11-23–2026-11-29" in flat(page)
        assert f"Page{number}of{len(found)}" in flat(page)
    assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text)
    assert "张伟国" not in text and "冯一" not in text


def test_a_month_counts_its_working_days_and_writes_an_empty_month(backend_store, tmp_path):
    from wealthdesk.reports.day_close import period_close_pdf, period_name

    first, last = day_close.month_of(DAY)
    assert (first, last) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    summary = day_close.period_summary(first, last, DESK)
    weekdays = sum(1 for n in range(30) if (first + dt.timedelta(days=n)).weekday() < 5)
    assert summary.kind == "month" and summary.working_days == weekdays == 21
    assert summary.empty and len(summary.days) == 21
    assert period_name(summary) == "month-close-2026-11.pdf"
    text = flat("\n".join(pages(period_close_pdf(tmp_path / "m.pdf", summary, cjk_font()))))
    assert "Monthsummary2026-11" in text and "Nothingwasrecordedinthisperiod" in text
    assert "2026-11-01to2026-11-30:21workingdays,0daysclosed." in text


def test_a_week_counts_the_days_closed(week, tmp_path):
    day_close.record_close(day_close.summary(DAY, DESK), tmp_path / "c.pdf", "t")
    summary = day_close.period_summary(*day_close.week_of(DAY), DESK)
    assert summary.days_closed == 1
    assert [d.day for d in summary.days if d.closed] == [DAY]


def test_the_cli_writes_the_month_and_the_week_summary(tmp_path):
    from test_cli import run_cli

    from wealthdesk.db.connection import sqlite_url

    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    out.mkdir()
    database = sqlite_url(tmp_path / "branch.sqlite3")
    for option, value, name, title in (
        ("--month", "2026-11", "m.pdf", "Monthsummary2026-11"),
        ("--week", "2026-11-27", "w.pdf", "Weeksummary2026-11-23–2026-11-29"),
    ):
        done = run_cli(
            home, "day-close", "--db", database, "--lang", "en", option, value,
            "--out", str(out / name),
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert title in flat(pages(out / name)[0])
    assert sorted(p.name for p in out.iterdir()) == ["m.pdf", "w.pdf"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--month", "2026-13"], "2026-13 is not a month (YYYY-MM)"),
        (["--month", "November"], "is not a month"),
        (["--week", "2026-02-30"], "There is no such date: 2026-02-30."),
        (["--week", "2026-11-27", "--date", "2026-11-27"], "not allowed with argument"),
        (["--month", "2026-11", "--csv", "{out}"], "--csv writes one day's visits and sales"),
        (["--month", "2026-11", "--out", "{missing}/m.pdf"], "cannot be written"),
    ],
)
def test_the_cli_refuses_a_bad_week_or_month_in_one_line(tmp_path, arguments, message):
    from test_cli import run_cli

    from wealthdesk.db.connection import sqlite_url

    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    out.mkdir()
    missing = str(tmp_path / "no-such-folder")
    wanted = {"--out": str(out / "c.pdf")}
    for option, value in zip(arguments[::2], arguments[1::2], strict=True):
        wanted[option] = value.format(missing=missing, out=out)
    line = [word for pair in wanted.items() for word in pair]
    done = run_cli(
        home, "day-close", "--db", sqlite_url(tmp_path / "b.sqlite3"), "--lang", "en", *line
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("wealthdesk:") and message in lines[0]
    assert list(out.iterdir()) == []
    assert not Path(missing).exists()


def test_an_export_with_its_pdf_or_a_close_marks_the_summary_written(backend_store, clock):
    from wealthdesk.db.models import AuditEntry

    assert not day_close.summary_written(DAY, DESK)
    day_close.record_export(DAY, DESK, "t", [Path("visits-2026-11-27.csv")])
    assert not day_close.summary_written(DAY, DESK)  # the CSV files alone are not the summary
    day_close.record_export(DAY, DESK, "t", [Path("/x/day-close-2026-11-27-auto.pdf")], True)
    assert day_close.summary_written(DAY, DESK)
    assert not day_close.summary_written(DAY, "2")
    details = [e.detail for e in AuditEntry.select().order_by(AuditEntry.id)]
    assert details[-1] == "2026-11-27 desk 1 day-close-2026-11-27-auto.pdf (automatic)"
    day_close.record_close(day_close.summary(DAY, "2"), "c.pdf", "t")
    assert day_close.summary_written(DAY, "2")


def test_one_export_serves_the_command_line_and_the_closing_time(day, tmp_path):
    """``export_day``: the CSV files then the PDF, whole; the manager's export keeps
    the CSV files (the summary is still to be written), the closing-time one its PDF too."""
    from wealthdesk.db.models import AuditEntry
    from wealthdesk.reports.day_close import day_close_csv_files

    summary = day_close.summary(DAY, DESK)
    csv_files = day_close_csv_files(tmp_path, summary)
    pdf = (tmp_path / "c.pdf", b"%PDF-1.4 a summary")
    made = day_close.export_day(DAY, DESK, "t", csv_files, pdf)
    assert [p.name for p in made] == ["visits-2026-11-27.csv", "sales-2026-11-27.csv", "c.pdf"]
    assert made[0].read_bytes() == csv_files[0][1] and made[2].read_bytes() == pdf[1]
    assert not day_close.summary_written(DAY, DESK)
    day_close.export_day(DAY, DESK, "t", csv_files, pdf, automatic=True)
    assert day_close.summary_written(DAY, DESK)
    details = [e.detail for e in AuditEntry.select().order_by(AuditEntry.id)][-2:]
    assert details == [
        "2026-11-27 desk 1 visits-2026-11-27.csv sales-2026-11-27.csv",
        "2026-11-27 desk 1 visits-2026-11-27.csv sales-2026-11-27.csv c.pdf (automatic)",
    ]


def test_an_export_whose_pdf_cannot_be_written_leaves_no_file_and_no_entry(day, tmp_path):
    from wealthdesk.db.models import AuditEntry
    from wealthdesk.reports.day_close import day_close_csv_files

    entries = AuditEntry.select().count()
    out, nowhere = tmp_path / "out", tmp_path / "no-such-folder" / "c.pdf"
    out.mkdir()
    csv_files = day_close_csv_files(out, day_close.summary(DAY, DESK))
    with pytest.raises(OSError) as refused:
        day_close.export_day(DAY, DESK, "t", csv_files, (nowhere, b"%PDF"), automatic=True)
    assert refused.value.filename == str(nowhere)  # the file, not its temporary name
    assert list(out.iterdir()) == []
    assert AuditEntry.select().count() == entries
    assert not day_close.summary_written(DAY, DESK)
