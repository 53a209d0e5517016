"""Settings → "Lobby and waiting room" (issue 24's follow-ups): the receipt printer is
chosen from the print service's printers (a name typed for one not yet set up is kept),
a test slip goes through the real print service (tests/cups_server.py) the way the
lobby's slips do and is said printed or not and why; the settings that serve a switch
(the volume and English of the calls spoken, the slips' printer) are greyed out while
their switch is off."""

from __future__ import annotations

import pytest
from cups_server import LPADMIN, QUEUE
from pypdf import PdfReader

from wealthdesk.services import settings as settings_service
from wealthdesk.ui.settings_dialog import SettingsDialog


@pytest.fixture
def dialog(qtbot, store, prompts, language):
    language.install_language("en")
    made = SettingsDialog("1", settings_service.load("1"), None, "王芳")
    qtbot.addWidget(made)
    made.show_section("queue_slip_printer")
    return made


def _enabled(dialog: SettingsDialog, key: str) -> bool:
    return all(widget.isEnabled() for widget in dialog._rows[key])


def test_the_calls_volume_and_english_are_greyed_out_while_calls_are_not_said(dialog):
    speech = dialog._fields["call_speech"]
    assert speech.isChecked()  # the branch's default: calls said aloud
    assert _enabled(dialog, "call_speech_volume") and _enabled(dialog, "call_speech_english")
    speech.click()
    assert not _enabled(dialog, "call_speech_volume")
    assert not _enabled(dialog, "call_speech_english")
    assert not any(w.isEnabled() for w in dialog._rows["call_speech_volume"])  # label too
    speech.click()
    assert _enabled(dialog, "call_speech_volume") and _enabled(dialog, "call_speech_english")


def test_the_slips_printer_and_its_test_are_greyed_out_while_slips_are_off(dialog):
    slips = dialog._fields["queue_slip"]
    assert not slips.isChecked()  # off by default
    assert not _enabled(dialog, "queue_slip_printer")
    assert not dialog.test_slip_button.isEnabled()
    slips.click()
    assert _enabled(dialog, "queue_slip_printer") and dialog.test_slip_button.isEnabled()


def test_a_dialog_opened_with_slips_on_has_their_printer_to_edit(qtbot, store, prompts):
    settings_service.save({"queue_slip": True, "call_speech": False}, "1", "m")
    dialog = SettingsDialog("1", settings_service.load("1"), None, "王芳")
    qtbot.addWidget(dialog)
    assert _enabled(dialog, "queue_slip_printer")
    assert not _enabled(dialog, "call_speech_volume")


@pytest.fixture
def receipt_queue(cups):
    cups.add_queue("LobbyReceipt")
    yield "LobbyReceipt"
    cups.run(LPADMIN, "-x", "LobbyReceipt", check=False)


def test_the_receipt_printer_is_chosen_from_the_print_services_printers(
    receipt_queue, qtbot, store, prompts
):
    dialog = SettingsDialog("1", settings_service.load("1"), None, "王芳")
    qtbot.addWidget(dialog)
    choice = dialog._fields["queue_slip_printer"]
    offered = [choice.itemText(i) for i in range(choice.count())]
    assert QUEUE in offered and receipt_queue in offered
    assert choice.currentText() == ""  # empty: the default printer
    choice.setCurrentIndex(offered.index(receipt_queue))
    dialog.accept()
    assert settings_service.load("1")["queue_slip_printer"] == receipt_queue


def test_a_printer_not_yet_set_up_can_be_typed_and_is_kept(dialog, qtbot):
    choice = dialog._fields["queue_slip_printer"]
    dialog._fields["queue_slip"].click()
    qtbot.keyClicks(choice.lineEdit(), "EpsonTM30")
    dialog.accept()
    assert settings_service.load("1")["queue_slip_printer"] == "EpsonTM30"
    again = SettingsDialog("1", settings_service.load("1"), None, "王芳")
    qtbot.addWidget(again)
    assert again._fields["queue_slip_printer"].currentText() == "EpsonTM30"


def test_a_test_slip_is_printed_on_the_chosen_printer_and_said_so(cups, dialog, qtbot, tmp_path):
    dialog._fields["branch_name"].setText("Westlake branch")
    dialog._fields["queue_slip"].click()
    dialog._fields["queue_slip_printer"].setCurrentText(QUEUE)
    before = cups.mark()
    dialog.test_slip_button.click()
    assert not dialog.test_slip_button.isEnabled()  # one test slip at a time
    assert dialog.test_slip_result.text() == "Printing a test slip…"
    qtbot.waitUntil(dialog.test_slip_button.isEnabled, timeout=30_000)
    said = dialog.test_slip_result.text()
    assert said.startswith(
        (
            f"The test slip is printed on {QUEUE} (job ",
            f"The print service has the test slip for {QUEUE} (job ",
        )
    ), said
    text = PdfReader(cups.take(before, tmp_path)).pages[0].extract_text()
    assert "A000" in text and "Westlake branch" in text  # a sample ticket, the branch
    assert settings_service.load("1")["queue_slip_printer"] == ""  # nothing stored by it


def test_a_test_slip_for_a_printer_that_does_not_exist_says_so(cups, dialog, qtbot):
    dialog._fields["queue_slip"].click()
    dialog._fields["queue_slip_printer"].setCurrentText("NOPE")
    dialog.test_slip_button.click()
    qtbot.waitUntil(dialog.test_slip_button.isEnabled, timeout=30_000)
    assert dialog.test_slip_result.text() == (
        "The test slip was not printed: There is no printer called NOPE."
    )
    assert cups.pending_jobs() == [] and cups.completed_jobs() == []


def test_a_test_slip_with_the_print_service_stopped_says_it_is_not_running(
    cups_stopped, dialog, qtbot
):
    dialog._fields["queue_slip"].click()
    dialog._fields["queue_slip_printer"].setCurrentText("NOPE")
    dialog.test_slip_button.click()
    qtbot.waitUntil(dialog.test_slip_button.isEnabled, timeout=30_000)
    assert dialog.test_slip_result.text() == (
        f"The test slip was not printed: The print service (CUPS at {cups_stopped}) is not "
        "running: nothing can be printed until it is started."
    )
