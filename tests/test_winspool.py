"""The Windows spooler's verdict on a print job (services/winspool.py), decided from the
status bits Microsoft documents for JOB_INFO_1.Status and PRINTER_INFO_6.dwStatus
([MS-RPRN] 2.2.3.12), tested here on any platform; the ctypes calls themselves run only
on Windows and were not run here."""

from __future__ import annotations

import ctypes
import sys

import pytest

from wealthdesk.services import printing, winspool
from wealthdesk.services.winspool import job_verdict, new_job

# The documented values, written out here rather than taken from the module, so that a
# wrong constant there fails here.
PAUSED, ERROR, DELETING, SPOOLING, PRINTING = 0x1, 0x2, 0x4, 0x8, 0x10
OFFLINE, PAPEROUT, PRINTED, DELETED, BLOCKED_DEVQ = 0x20, 0x40, 0x80, 0x100, 0x200
USER_INTERVENTION, COMPLETE, RETAINED = 0x400, 0x1000, 0x2000
PRINTER_PAUSED, PRINTER_OFFLINE, PRINTER_PAPER_OUT = 0x1, 0x80, 0x10


def test_the_documented_bit_values_are_the_module_s():
    assert (winspool.JOB_STATUS_PAUSED, winspool.JOB_STATUS_ERROR) == (PAUSED, ERROR)
    assert (winspool.JOB_STATUS_PRINTED, winspool.JOB_STATUS_COMPLETE) == (PRINTED, COMPLETE)
    assert (winspool.JOB_STATUS_DELETED, winspool.JOB_STATUS_BLOCKED_DEVQ) == (
        DELETED,
        BLOCKED_DEVQ,
    )
    assert (winspool.JOB_STATUS_OFFLINE, winspool.JOB_STATUS_PAPEROUT) == (OFFLINE, PAPEROUT)
    assert winspool.PRINTER_STATUS_OFFLINE == PRINTER_OFFLINE


@pytest.mark.parametrize(
    "status",
    [PRINTED, COMPLETE, PRINTED | DELETING, COMPLETE | RETAINED, PRINTED | PRINTING],
)
def test_printed_or_handed_to_the_printer_is_printed(status):
    assert job_verdict(status).kind == "printed"


@pytest.mark.parametrize(
    ("status", "problem", "words"),
    [
        (ERROR, "aborted", "error"),
        (ERROR | PRINTING, "aborted", "error"),
        (ERROR | PRINTED, "aborted", "error"),  # never "printed" over an error
        (BLOCKED_DEVQ, "aborted", "the driver cannot print the job"),
        (DELETED, "canceled", "deleted"),
        (DELETING | SPOOLING, "canceled", "being deleted"),
    ],
)
def test_an_error_a_blocked_or_a_deleted_job_is_not_printed_at_once(status, problem, words):
    verdict = job_verdict(status, final=False)
    assert (verdict.kind, verdict.problem, verdict.reason) == ("not_printed", problem, words)
    values = (("printer", "HP"), ("reason", verdict.reason))
    reason = printing.PrintOutcome(False, "HP", problem=verdict.problem, values=values).reason()
    assert "HP" in reason and words in reason


def test_the_spooler_s_own_words_come_first():
    verdict = job_verdict(ERROR, "Error - Printing")
    assert verdict.reason == "Error - Printing"


@pytest.mark.parametrize("status", [0, SPOOLING, PRINTING, SPOOLING | PRINTING, RETAINED])
def test_a_job_on_its_way_is_pending_and_at_the_end_counts_as_printed(status):
    assert job_verdict(status).kind == "pending"
    assert job_verdict(status, final=True).kind == "printed"


@pytest.mark.parametrize(
    ("status", "problem", "words"),
    [
        (OFFLINE, "stopped", "printer offline"),
        (PAPEROUT | PRINTING, "stopped", "paper out"),
        (USER_INTERVENTION, "stopped", "the printer needs attention"),
        (PAUSED, "held", "job paused"),
    ],
)
def test_a_job_held_up_by_the_printer_waits_then_is_not_printed_and_withdrawn(
    status, problem, words
):
    assert job_verdict(status).kind == "pending"  # paper may come in time
    verdict = job_verdict(status, final=True)
    assert (verdict.kind, verdict.problem, verdict.reason) == ("not_printed", problem, words)
    assert verdict.withdraw


@pytest.mark.parametrize(
    ("printer", "words"),
    [(PRINTER_PAUSED, "printer paused"), (PRINTER_OFFLINE | PRINTER_PAPER_OUT, "paper out")],
)
def test_a_job_queued_on_a_stopped_printer_is_not_printed(printer, words):
    # Microsoft: a Status of zero may mean the queue was paused after spooling.
    verdict = job_verdict(0, printer_status=printer)
    assert (verdict.kind, verdict.problem) == ("not_printed", "stopped") and verdict.withdraw
    assert words in verdict.reason
    # A job already printing when the paper runs out is given its time.
    assert job_verdict(PRINTING, printer_status=PRINTER_PAPER_OUT).kind == "pending"


def test_a_job_gone_from_the_queue_printed_unless_it_failed_or_was_deleted():
    assert job_verdict(PRINTING, gone=True).kind == "printed"
    assert job_verdict(0, gone=True).kind == "printed"
    gone_bad = job_verdict(ERROR, gone=True)
    assert gone_bad.kind == "not_printed" and not gone_bad.withdraw  # nothing to withdraw
    assert job_verdict(DELETING, gone=True).problem == "canceled"


def test_our_job_is_the_new_one_with_our_document_name():
    before = {3, 4}
    jobs = [
        (3, "理财规划方案"),
        (4, "Other"),
        (7, "Other"),
        (8, "理财规划方案"),
        (9, "理财规划方案"),
    ]
    assert new_job(before, jobs, "理财规划方案") == 9
    assert new_job(before, jobs, "暂离告示") is None
    assert new_job(before, [(3, "理财规划方案")], "理财规划方案") is None  # an earlier one


@pytest.mark.skipif(ctypes.sizeof(ctypes.c_void_p) != 8, reason="the x64 layout")
def test_job_info_1_is_laid_out_as_winspool_h_declares_it_on_x64():
    info = winspool.JOB_INFO_1W
    # DWORD JobId, six LPWSTRs, five DWORDs, a SYSTEMTIME (eight WORDs).
    assert info.JobId.offset == 0 and info.pPrinterName.offset == 8
    assert info.pStatus.offset == 48 and info.Status.offset == 56
    assert info.PagesPrinted.offset == 72 and info.Submitted.offset == 76
    assert ctypes.sizeof(winspool.SYSTEMTIME) == 16 and ctypes.sizeof(info) == 96


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the spooler is there")
def test_elsewhere_the_spooler_is_not_loaded_and_says_so():
    assert not winspool.available()
    assert winspool.queue_job_ids("HP") == set()
    outcome = winspool.confirm_job("HP", "理财规划方案", set(), confirm_seconds=0)
    assert not outcome.printed and outcome.problem == "unanswered"
    assert winspool._api is None
