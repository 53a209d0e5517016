"""Door notices on screen: stepping away fills the notice in and the same click prints
it; the notice dialog's templates, checks, live preview, printing and saving, each
logged for the day close; no printer, no font and an unwritable folder said clearly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_ui_pdf_preview import to_file

from wealthdesk import local_settings
from wealthdesk.domain.desk import DeskState
from wealthdesk.domain.notice import NoticeKind
from wealthdesk.services import desk as desk_service
from wealthdesk.services import notices
from wealthdesk.services import settings as settings_service
from wealthdesk.ui import pdf_preview
from wealthdesk.ui.desk import away_dialog
from wealthdesk.ui.notices.notice_dialog import NoticeDialog

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not FONT.is_file(), reason="fonts-wqy-microhei is not installed")
TODAY = dt.date(2026, 11, 27)  # the clock fixture's Friday


@pytest.fixture
def window(clock, main_window, language, qtbot):
    language.install_language("en")
    settings_service.save(
        {"branch_name": "西湖支行", "manager_name": "王晓东", "desk_phone": "0571-88886666"},
        "1",
        "setup",
    )
    main_window.desk.reload()
    main_window.go_to_key("queue")
    return main_window


@pytest.fixture
def office_printer(monkeypatch):
    """A printer called "Office" on this PC (there is none on a test machine)."""
    monkeypatch.setattr(pdf_preview, "printer_names", lambda: ["Office"])


def logged(how: str) -> list[NoticeKind]:
    return [entry.kind for entry in notices.day_log(TODAY) if entry.how == how]


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


# ---------------------------------------------------------------- stepping away


def test_stepping_away_fills_in_the_return_time_and_prints_with_the_lock(
    window, prompts, office_printer, tmp_path
):
    printed = tmp_path / "printed.pdf"
    seen = {}

    def answer(dialog) -> int:
        seen["suggested"] = dialog.notice.draft.back  # as suggested: 10:00 and a quarter
        dialog.until.setText("11:15")
        seen["typed"] = dialog.notice_draft.back
        seen["ok"] = dialog.ok_button.text()
        prompts.answer("print", to_file(printed))  # no printer used yet: Qt's dialog
        dialog.accept()
        return dialog.result()

    prompts.answer("dialog", answer)
    window.step_away_action.trigger()
    assert seen == {
        "suggested": dt.time(10, 15),
        "typed": dt.time(11, 15),
        "ok": "Print the notice and lock",
    }
    assert window.locked and desk_service.get_status("1").state is DeskState.AWAY
    page = PdfReader(printed).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape, as made
    assert logged("printed") == [NoticeKind.AWAY]


def test_the_next_time_it_prints_on_the_last_printer_without_asking(
    window, prompts, office_printer, tmp_path, monkeypatch
):
    local_settings.set_state(pdf_preview.LAST_PRINTER, "Office")
    printed = tmp_path / "direct.pdf"
    made = pdf_preview.prepare_printer

    def on_office(document):
        # "Office" is not a real printer here: it prints to a file instead.
        printer = made(document)
        to_file(printed)(printer)
        return printer

    monkeypatch.setattr(pdf_preview, "prepare_printer", on_office)
    prompts.answer("dialog", lambda dialog: dialog.accept() or dialog.result())
    window.lunch_action.trigger()
    assert "print" not in prompts.kinds()  # two clicks: Lunch, then Print and lock
    assert printed.exists() and window.locked
    assert logged("printed") == [NoticeKind.LUNCH]


def test_a_notice_not_wanted_is_not_printed_and_the_choice_is_kept(window, prompts):
    def answer(dialog) -> int:
        dialog.notice_box.setChecked(False)
        assert dialog.ok_button.text() == "Lock the desk"
        dialog.accept()
        return dialog.result()

    prompts.answer("dialog", answer)
    window.step_away_action.trigger()
    assert window.locked and logged("printed") == []
    assert "print" not in prompts.kinds() and "warn" not in prompts.kinds()
    assert int(local_settings.state(away_dialog.PRINT_NOTICE)) == 0


def test_without_a_printer_the_desk_locks_first_then_the_lock_says_so_and_saves_the_pdf(
    window, prompts, tmp_path, no_printer
):
    from test_ui_queue import VALUES, serve, the_client, traces

    local_settings.put("day_close_folder", str(tmp_path / "reports"))
    window.lock()
    window.unlock()  # the lock screen exists now, so the test can watch it
    serve(window, the_client(), prompts)
    told = window.lock_screen.show_notice_outcome
    seen_when_told: list[tuple[bool, list[str]]] = []

    def watch(text, offer_save=False):
        if text:
            seen_when_told.append((window.locked, traces(window, VALUES)))
        told(text, offer_save)

    window.lock_screen.show_notice_outcome = watch
    prompts.answer("confirm", True)  # step away with the client's visit open
    prompts.answer("dialog", lambda dialog: dialog.accept() or dialog.result())
    window.step_away_action.trigger()
    assert seen_when_told == [(True, [])]  # locked and cleared before it was said
    assert window.locked
    assert "warn" not in prompts.kinds()  # no message box over the client record
    lock = window.lock_screen
    assert lock.notice_row.isVisibleTo(lock)
    assert "no printer" in lock.notice_label.text()
    assert traces(window, VALUES) == []  # cleared and locked before it was said
    assert logged("printed") == []

    assert lock.save_notice_button.isVisibleTo(lock)
    lock.save_notice_button.click()
    (saved,) = (tmp_path / "reports" / "notices").glob("notice-away-*.pdf")
    assert "0571-88886666" in pdf_text(saved)
    assert str(saved) in lock.notice_label.text()
    assert not lock.save_notice_button.isVisibleTo(lock)
    assert logged("saved") == [NoticeKind.AWAY]
    assert window.locked  # saving from the lock opens nothing


def test_a_printer_that_fails_is_told_on_the_lock_screen(window, prompts, monkeypatch):
    monkeypatch.setattr(pdf_preview, "printer_names", lambda: ["Office"])
    local_settings.set_state(pdf_preview.LAST_PRINTER, "Office")

    def jammed(document, printer):
        raise OSError("the printer did not answer")

    monkeypatch.setattr(pdf_preview, "render_to_printer", jammed)
    prompts.answer("dialog", lambda dialog: dialog.accept() or dialog.result())
    window.step_away_action.trigger()
    assert window.locked and "warn" not in prompts.kinds()
    assert "did not answer" in window.lock_screen.notice_label.text()
    assert window.lock_screen.save_notice_button.isVisibleTo(window.lock_screen)
    assert logged("printed") == []


# ---------------------------------------------------------------- the notice dialog


@pytest.fixture
def dialog(window, qtbot):
    draft = notices.draft_for(NoticeKind.LUNCH, "1")
    shown = NoticeDialog(draft, "desk1", "1")
    qtbot.addWidget(shown)
    return shown


def rows_shown(dialog) -> set[str]:
    form = dialog.form
    return {key for key, error in form.errors.items() if error.parentWidget().isVisibleTo(dialog)}


def test_each_template_asks_for_its_own_fields(dialog):
    form = dialog.form
    assert {"start", "until", "phone"} <= rows_shown(dialog)
    assert form.start.text() == "12:00" and form.until.text() == "14:00"  # the office hours
    for kind, wanted, hidden in (
        (NoticeKind.AWAY, {"back", "phone"}, {"until", "reason", "text"}),
        (NoticeKind.CLOSED, {"closed_reason", "reason", "back"}, {"until", "text"}),
        (NoticeKind.TEXT, {"text"}, {"phone", "back", "until"}),
    ):
        form.kind.setCurrentIndex(form.kind.findData(kind.value))
        shown = rows_shown(dialog)
        assert wanted <= shown and not hidden & shown, kind


def test_a_wrong_field_is_marked_and_nothing_can_be_printed(dialog):
    form = dialog.form
    form.until.setText("11:00")  # before the break's start
    assert not dialog.live.refresh()
    assert "must be later" in form.errors["until"].text()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    form.until.setText("25:00")
    dialog.live.refresh()
    assert form.errors["until"].isVisibleTo(dialog)
    form.until.setText("14:30")
    assert dialog.live.refresh() and dialog.print_button.isEnabled()
    assert dialog.live.preview.page_count() == 1


def test_the_preview_follows_the_form_as_it_is_typed(dialog, qtbot):
    form = dialog.form
    form.kind.setCurrentIndex(form.kind.findData(NoticeKind.TEXT.value))
    form.text.setPlainText("今日系统升级\n请到柜台办理")
    qtbot.waitUntil(lambda: dialog.live.draft is not None and "系统升级" in dialog.live.draft.text)
    text = dialog.live.preview.document.getAllText(0).text()
    assert "今日系统升级" in text


def test_the_closed_category_alone_previews_a_whole_notice(dialog, qtbot):
    from wealthdesk.domain.notice import ClosedReason

    form = dialog.form
    form.kind.setCurrentIndex(form.kind.findData(NoticeKind.CLOSED.value))
    form.closed_reason.setCurrentIndex(form.closed_reason.findData(ClosedReason.CLOSED.value))
    assert form.reason.text() == "" and form.back.text() == ""
    qtbot.waitUntil(
        lambda: dialog.live.draft is not None and dialog.live.draft.kind is NoticeKind.CLOSED
    )
    assert not form.errors["reason"].isVisibleTo(dialog)
    assert dialog.print_button.isEnabled()
    text = dialog.live.preview.document.getAllText(0).text()
    assert "暂停服务" in text and "理财经理今日已下班" in text


def test_saving_writes_the_notice_and_logs_it(dialog, prompts, tmp_path):
    target = tmp_path / "lunch"
    prompts.answer("save_file", str(target))
    saved = dialog.save_notice()
    assert saved == tmp_path / "lunch.pdf"
    text = pdf_text(saved)
    assert "中午休息" in text and "14:00" in text
    assert logged("saved") == [NoticeKind.LUNCH]


def test_an_unwritable_folder_is_said_and_leaves_no_file_and_no_log(dialog, prompts, tmp_path):
    prompts.answer("save_file", str(tmp_path / "missing" / "notice.pdf"))
    assert dialog.save_notice() is None
    kind, _title, text = prompts.shown[-1]
    assert kind == "warn" and "missing" in text
    assert not (tmp_path / "missing").exists() and logged("saved") == []


def test_printing_from_the_dialog_goes_through_the_print_dialog(
    dialog, prompts, office_printer, tmp_path
):
    printed = tmp_path / "printed.pdf"
    prompts.answer("print", to_file(printed))
    assert dialog.print_notice()
    assert len(PdfReader(printed).pages) == 1
    assert logged("printed") == [NoticeKind.LUNCH]


def test_a_font_that_cannot_be_used_is_said_instead_of_a_preview(window, qtbot, tmp_path):
    local_settings.put("pdf_font_path", str(tmp_path / "gone.ttf"))
    try:
        shown = NoticeDialog(notices.draft_for(NoticeKind.AWAY, "1"), "desk1", "1")
        qtbot.addWidget(shown)
        assert "gone.ttf" in shown.live.message.text()
        assert not shown.print_button.isEnabled()
    finally:
        local_settings.put("pdf_font_path", "")


def test_the_desk_menu_opens_the_notice_dialog(window, prompts):
    opened = []

    def look(dialog) -> int:
        opened.append((type(dialog).__name__, dialog.form.phone.text()))
        return 0

    prompts.answer("dialog", look)
    window.door_notice_action.trigger()
    assert opened == [("NoticeDialog", "0571-88886666")]


def test_a_notice_changed_in_its_dialog_keeps_the_change_when_the_time_changes(window, prompts):
    seen = {}

    def change(notice) -> int:
        notice.form.english.setChecked(True)
        notice.form.phone.setText("0571-88880000")
        notice.live.refresh()
        return 0

    def answer(dialog) -> int:
        prompts.answer("dialog", change)
        dialog.edit_notice_button.click()
        dialog.until.setText("11:45")
        draft = dialog.notice_draft
        seen.update(english=draft.english, phone=draft.phone, back=draft.back)
        dialog.notice_box.setChecked(False)
        dialog.accept()
        return dialog.result()

    prompts.answer("dialog", answer)
    window.step_away_action.trigger()
    assert seen == {"english": True, "phone": "0571-88880000", "back": dt.time(11, 45)}
