"""The Clients page driven as a manager would: search, open, edit, reveal, import."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft, Tier
from wealthdesk.services import audit, clients, demo
from wealthdesk.ui.clients.client_table_model import COL_ID, COL_MOBILE, COL_NAME, ClientTableModel
from wealthdesk.ui.interaction import UnsavedChoice

ZHANG_WEI = ClientDraft(
    name="张伟", id_number="11010519491231002X", mobile="13812345678", tier=Tier.GOLD
)


@pytest.fixture(autouse=True)
def on_the_clients_page(request):
    """These tests work on the Clients page, as a manager who opened it."""
    if "main_window" in request.fixturenames:
        request.getfixturevalue("main_window").go_to_key("clients")


def _names(page) -> list[str]:
    model = page.proxy
    return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]


def test_client_table_model_passes_qt_model_tester(qtmodeltester, store, qapp):
    from wealthdesk.ui.clients.client_book import ClientBook

    demo.create_demo_clients(450, 3, "test")
    model = ClientTableModel(ClientBook(lambda: "test"))
    model.browse()
    assert model.rowCount() == 200 and model.canFetchMore()  # a page at a time
    model.fetchMore()
    assert model.rowCount() == 400
    qtmodeltester.check(model)  # the tester fetches the rest itself
    assert model.rowCount() == 450 and not model.canFetchMore()


def test_table_shows_identifiers_masked(main_window, qtbot):
    clients.create_client(ZHANG_WEI, "test")
    page = main_window.clients_page
    page.run_search()
    assert page.proxy.index(0, COL_MOBILE).data() == "138****5678"
    assert page.proxy.index(0, COL_ID).data() == "110105********002X"


def test_typing_in_the_search_box_filters_rows(main_window, qtbot, type_text):
    clients.create_client(ZHANG_WEI, "test")
    clients.create_client(ClientDraft(name="李小明", mobile="13900001234"), "test")
    clients.create_client(ClientDraft(name="王芳", mobile="13700009999"), "test")
    page = main_window.clients_page
    page.run_search()
    assert sorted(_names(page)) == ["张伟", "李小明", "王芳"]

    qtbot.keyClicks(page.search, "zw")
    qtbot.waitUntil(lambda: _names(page) == ["张伟"])
    page.search.clear()
    qtbot.keyClicks(page.search, "1234")
    qtbot.waitUntil(lambda: _names(page) == ["李小明"])
    page.search.clear()
    type_text(page.search, "小明")
    qtbot.waitUntil(lambda: _names(page) == ["李小明"])
    page.search.clear()
    qtbot.keyClicks(page.search, "123")
    qtbot.waitUntil(lambda: "4" in page.result_label.text())  # asks for at least 4 digits
    assert _names(page) == []


def test_invalid_id_shows_its_message_and_saves_nothing(main_window, qtbot, type_text):
    page = main_window.clients_page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.form
    type_text(form.name, "李娜")
    qtbot.keyClicks(form.id_number, "110105194912310021")  # check character should be X
    error = form._errors["id_number"]
    assert error.isVisible()
    assert "X" in error.text() and "校验位" in error.text()
    assert not form.save_button.isEnabled()
    form.save()
    main_window.save_action.trigger()
    assert clients.count_clients() == 0

    form.id_number.clear()
    qtbot.keyClicks(form.id_number, "11010519491231002X")
    assert not error.isVisible()
    assert form.gender.currentData() == "F" and form.birth_date.text() == "1949-12-31"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert clients.count_clients() == 1
    assert _names(page) == ["李娜"]


def test_revealing_a_number_writes_an_audit_row(main_window, qtbot):
    record = clients.create_client(ZHANG_WEI, "test")
    page = main_window.clients_page
    page.run_search()
    page.open_client(record.id)
    form = page.form
    assert form.id_number.text() == "110105********002X"
    assert form.id_number.isReadOnly()
    before = [e.action for e in audit.entries(client_id=record.id)]
    assert AuditAction.REVEAL_ID_NUMBER not in before

    qtbot.mouseClick(form.reveal_id, Qt.MouseButton.LeftButton)
    assert form.id_number.text() == "11010519491231002X"
    assert not form.id_number.isReadOnly()
    entries = audit.entries(client_id=record.id)
    assert entries[0].action is AuditAction.REVEAL_ID_NUMBER
    assert "desk 1" in entries[0].actor
    assert not form.is_dirty()  # showing a number is not an edit


def test_editing_keeps_masked_numbers_and_saves_other_fields(main_window, qtbot, type_text):
    record = clients.create_client(ZHANG_WEI, "test")
    page = main_window.clients_page
    page.run_search()
    page.open_client(record.id)
    type_text(page.form.occupation, "教师")
    assert page.form.is_dirty()
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    saved = clients.get_client(record.id)
    assert saved.draft.occupation == "教师"
    assert clients.reveal_identifier(record.id, "mobile", "test") == "13812345678"
    assert clients.reveal_identifier(record.id, "id_number", "test") == "11010519491231002X"


def test_unsaved_changes_are_not_lost_when_opening_another_client(
    main_window, qtbot, prompts, type_text
):
    first = clients.create_client(ZHANG_WEI, "test")
    clients.create_client(ClientDraft(name="王芳"), "test")
    page = main_window.clients_page
    page.run_search()
    page.open_client(first.id)
    type_text(page.form.occupation, "医生")

    prompts.answer("unsaved", UnsavedChoice.CANCEL)
    other_row = _names(page).index("王芳")
    page.table.setCurrentIndex(page.proxy.index(other_row, 0))
    assert page.form.client_id == first.id and page.form.occupation.text() == "医生"

    prompts.answer("unsaved", UnsavedChoice.SAVE)
    page.table.setCurrentIndex(page.proxy.index(other_row, 0))
    assert page.form.name.text() == "王芳"
    assert clients.get_client(first.id).draft.occupation == "医生"


def test_new_client_belongs_to_the_desks_manager(main_window, qtbot):
    from wealthdesk.services import settings

    settings.save({"manager_name": "王晓东"}, "1", "test")
    main_window.desk.reload()
    main_window.new_client()
    assert main_window.clients_page.form.manager.text() == "王晓东"


def test_gui_import_reports_rejected_lines(main_window, qtbot, prompts, tmp_path):
    csv_file = tmp_path / "clients.csv"
    csv_file.write_bytes(
        "姓名,手机号码,身份证号码\n张伟,13812345678,11010519491231002X\n李四,12345,\n".encode("gbk")
    )
    prompts.answer("open_file", str(csv_file))
    main_window.import_clients()
    report_dialog = prompts.dialogs[-1]
    assert type(report_dialog).__name__ == "ImportReportDialog"
    assert report_dialog.table.rowCount() == 1
    assert report_dialog.table.item(0, 0).text() == "3"
    assert "11" in report_dialog.table.item(0, 1).text()
    assert clients.count_clients() == 1
    assert main_window.clients_page.model.total == 1
    # The report and the progress dialog are gone once closed.
    from conftest import dialogs_left

    assert dialogs_left(main_window) == []


def test_language_switch_changes_visible_texts(main_window, qtbot, language):
    page = main_window.clients_page
    assert clients_button(main_window).text() == "客户"
    assert page.new_button.text() == "新建客户"
    language.install_language("en")
    qtbot.waitUntil(lambda: clients_button(main_window).text() == "Clients")
    assert page.new_button.text() == "New client"
    assert page.proxy.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Name"
    assert page.form._labels["id_number"].text() == "ID number"
    language.install_language("zh_CN")
    qtbot.waitUntil(lambda: clients_button(main_window).text() == "客户")
    assert page.proxy.headerData(COL_NAME, Qt.Orientation.Horizontal) == "姓名"


def test_a_locked_database_keeps_the_edits_and_says_why(
    qtbot, store, prompts, language, monkeypatch, type_text
):
    import argparse
    import sqlite3

    from wealthdesk.db import connection
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.ui import application

    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 150)
    record = clients.create_client(ZHANG_WEI, "test")
    window = application.open_window(
        argparse.Namespace(db=sqlite_url(store), lang="zh_CN", desk="1")
    )
    qtbot.addWidget(window)
    page = window.clients_page
    page.open_client(record.id)
    type_text(page.form.occupation, "律师")

    other = sqlite3.connect(str(store), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program writing for a long time
    try:
        assert page.form.save() is False
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert prompts.kinds() == ["warn"]
    assert "锁定" in prompts.shown[0][2]
    assert page.form.is_dirty() and page.form.occupation.text() == "律师"

    assert page.form.save() is True  # the lock is gone: the same edits go through
    assert clients.get_client(record.id).draft.occupation == "律师"
    page.form.clear()
    window.close()


def test_a_forty_character_name_does_not_push_the_window_past_the_screen(main_window, qtbot):
    long_name = "买买提·艾合买提·阿不都热合曼·阿不都克力木·吐尔逊·艾力·玉山"[:40]
    record = clients.create_client(ClientDraft(name=long_name), "test")
    page = main_window.clients_page
    page.run_search()
    page.open_client(record.id)
    assert main_window.minimumSizeHint().width() < 1366
    assert page.form.title.full_text() == long_name


def test_columns_sort_only_when_every_matching_row_is_shown(main_window, qtbot):
    demo.create_demo_clients(450, 5, "test")
    page = main_window.clients_page
    page.run_search()
    assert page.model.canFetchMore()  # browsing: more rows than are loaded
    assert not page.table.isSortingEnabled()
    page.search.setText("王")
    page.run_search()
    assert not page._more and page.table.isSortingEnabled()


def test_enter_in_the_search_box_opens_the_first_match_and_esc_clears_it(main_window, qtbot):
    clients.create_client(ZHANG_WEI, "test")
    clients.create_client(ClientDraft(name="王芳", mobile="13700009999"), "test")
    page = main_window.clients_page
    page.run_search()
    page.search.setFocus()
    qtbot.keyClicks(page.search, "9999")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.form.name.text() == "王芳"
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""


def test_a_save_that_lost_the_race_keeps_both_sides_changes(main_window, qtbot, prompts, type_text):
    record = clients.create_client(ZHANG_WEI, "test")
    page = main_window.clients_page
    page.run_search()
    page.open_client(record.id)
    type_text(page.form.occupation, "律师")
    # Meanwhile another desk saves the same client.
    theirs = clients.get_client(record.id)
    from dataclasses import replace

    clients.update_client(
        record.id, replace(theirs.draft, training_needs="养老规划"), theirs.row_version, "desk 2"
    )
    assert page.form.save() is False
    assert prompts.kinds() == ["warn"]
    assert page.form.occupation.text() == "律师"  # mine, kept
    assert page.form.training_needs.toPlainText() == "养老规划"  # theirs, shown
    assert page.form.is_dirty()
    assert page.form.save() is True
    saved = clients.get_client(record.id).draft
    assert (saved.occupation, saved.training_needs) == ("律师", "养老规划")


def test_undo_changes_asks_first(main_window, qtbot, prompts, type_text):
    record = clients.create_client(ZHANG_WEI, "test")
    page = main_window.clients_page
    page.open_client(record.id)
    type_text(page.form.occupation, "律师")
    prompts.answer("confirm", False)
    page.form.revert()
    assert page.form.occupation.text() == "律师"
    prompts.answer("confirm", True)
    page.form.revert()
    assert page.form.occupation.text() == "" and not page.form.is_dirty()


def test_the_unsaved_note_follows_a_language_switch(main_window, qtbot, language, type_text):
    page = main_window.clients_page
    page.new_client()
    type_text(page.form.name, "李娜")
    assert page.form.unsaved_label.text() == "有未保存的修改"
    language.install_language("en")
    qtbot.waitUntil(lambda: page.form.unsaved_label.text() == "Unsaved changes")


def test_a_new_client_with_a_mobile_already_in_the_book_asks_first(
    main_window, qtbot, prompts, type_text
):
    clients.create_client(ZHANG_WEI, "test")
    page = main_window.clients_page
    page.new_client()
    type_text(page.form.name, "张伟")
    qtbot.keyClicks(page.form.mobile, "13812345678")
    prompts.answer("confirm", False)
    assert page.form.save() is False
    assert "138****5678" in prompts.shown[-1][2]  # who it may be, masked
    assert clients.count_clients() == 1 and page.form.is_dirty()
    prompts.answer("confirm", True)
    assert page.form.save() is True
    assert clients.count_clients() == 2


def clients_button(window):
    """The rail's Clients button, wherever the pages before it put it."""
    return window.nav_buttons[[key for key, _i, _p in window.pages].index("clients")]


def test_erasing_a_client_asks_first_then_clears_the_form_and_the_list(main_window, qtbot, prompts):
    record = clients.create_client(ZHANG_WEI, "test")
    clients.create_client(ClientDraft(name="王芳", mobile="13700009999"), "test")
    page = main_window.clients_page
    page.run_search()
    page.open_client(record.id)
    assert page.form.erase_button.isVisibleTo(page.form)

    prompts.answer("confirm", False)
    qtbot.mouseClick(page.form.erase_button, Qt.MouseButton.LeftButton)
    assert page.form.client_id == record.id and sorted(_names(page)) == ["张伟", "王芳"]

    prompts.answer("confirm", True)
    qtbot.mouseClick(page.form.erase_button, Qt.MouseButton.LeftButton)
    assert "无法撤销" in prompts.shown[-1][2]  # says it cannot be undone
    assert page.form.client_id is None and not page.form.isEnabled()
    assert page.form.name.text() == "" and page.form.mobile.text() == ""
    qtbot.waitUntil(lambda: _names(page) == ["王芳"])
    assert "已删除" in main_window.statusBar().currentMessage()
    assert clients.search_clients("张伟").rows == []
    assert audit.entries(record.id)[0].action is AuditAction.CLIENT_ERASED


def test_a_new_client_has_no_erase_button(main_window, qtbot):
    page = main_window.clients_page
    page.new_client()
    assert not page.form.erase_button.isVisibleTo(page.form)


def test_an_error_appearing_while_typing_does_not_move_the_fields_below(main_window, qtbot):
    page = main_window.clients_page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.form
    error = form._errors["mobile"]
    below = form.tier  # the field under the mobile

    def top() -> int:
        return below.mapTo(form, below.rect().topLeft()).y()

    before = top()
    qtbot.keyClicks(form.mobile, "139")  # too short: the message shows as one types
    qtbot.waitUntil(error.isVisible)
    assert "11" in error.text()
    assert top() == before
    qtbot.keyClicks(form.mobile, "12345678")  # valid: the message goes, nothing moves
    qtbot.waitUntil(lambda: not error.isVisible())
    assert top() == before
