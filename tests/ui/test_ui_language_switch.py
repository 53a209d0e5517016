"""Switching the language in Settings changes every text at once: the real window with a
day's data (clients, a visitor served and one waiting, an appointment, a care task, a
risk assessment); every page, the client screen's tabs, the queue card, the menus and
the status bar, read without showing a page again; the reminder banner; the Settings
dialog (its default checklist and folder); dialogs opened afterwards; Qt's own dialogs.
zh_CN → en leaves no Chinese app text, en → zh_CN no English word."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTextEdit,
    QWidget,
)

from wealthdesk.domain.client import ClientDraft, Tier
from wealthdesk.domain.masking import mask_name
from wealthdesk.domain.queue import Purpose
from wealthdesk.domain.risk import answers_for_score
from wealthdesk.services import appointments, clients, queue, risk
from wealthdesk.ui.client_screen.risk_tab import RiskTab
from wealthdesk.ui.client_screen.sales_tab import SalesTab
from wealthdesk.ui.desk.context import login
from wealthdesk.ui.settings_dialog import SettingsDialog
from wealthdesk.ui.today import today_page

# Client data: shown as typed, in whatever language the screen speaks.
SERVED = "钱多多"
WAITING = "王小明"
BOOKED = "欧阳娜娜"
CLIENT_DATA = (SERVED, WAITING, BOOKED, "退休教师")

# Chinese in the English screen on purpose: the language's own name in the language
# list, the regulator's words for private products and for the sale's recording, and
# amounts and terms as Chinese catalogues write them (the forms read them), and a
# schedule file's Chinese column names and kinds, typed as they are.
CHINESE_ONLY = ("简体中文", "私募", "双录", "1万", "5万", "6个月", "1年", "日期,类型,名称", "休/班")

# Words that are the same in both languages (and "English", the language's own name).
ENGLISH_OK = {
    "English",
    "WealthDesk",
    "PDF",
    "CSV",
    "PIN",
    "YYYY",
    "PostgreSQL",
    "Windows",
    "Linux",
    # What is typed as it is: a schedule file's English column names and kinds, and the
    # command that loads it.
    "date",
    "kind",
    "name",
    "holiday",
    "workday",
    "wealthdesk",
    "calendar",
    "import",
    "csv",
}

# Data, not words: a file path, the questionnaire's "id@version".
DATA = re.compile(r"(?:[A-Za-z]:)?[/\\]\S+|\S+@\S+")

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z]{3,}")
TAG = re.compile(r"<[^>]*>|&[a-z]+;")


def client_values() -> list[str]:
    values = []
    for name in CLIENT_DATA:
        values += [name, mask_name(name)]
    return sorted(values, key=len, reverse=True)


@pytest.fixture
def day(clock, main_window, prompts, qtbot):
    """A Friday morning at the desk: one client served, one waiting, one booked this
    afternoon with a birthday tomorrow (a care task), and a risk assessment on file."""
    served = clients.create_client(
        ClientDraft(name=SERVED, mobile="13812345678", tier=Tier.GOLD, occupation="退休教师"),
        "setup",
    ).id
    waiting = clients.create_client(ClientDraft(name=WAITING, mobile="13900001111"), "setup").id
    booked = clients.create_client(
        ClientDraft(
            name=BOOKED,
            mobile="13700002222",
            tier=Tier.PLATINUM,
            birth_date=dt.date(1970, 11, 28),
            consent_marketing=True,
        ),
        "setup",
    ).id
    risk.record_assessment(
        served, answers_for_score(risk.questionnaire(), 50), main_window.desk.actor()
    )
    appointments.create(
        appointments.AppointmentDraft(
            start=dt.datetime(2026, 11, 27, 15, 0),
            client_id=booked,
            purposes=(Purpose.PURCHASE,),
        ),
        "setup",
    )
    queue.check_in(queue.CheckIn(client_id=served, purposes=(Purpose.CONSULTATION,)), "lobby")
    queue.check_in(queue.CheckIn(client_id=waiting), "lobby")
    main_window.queue_page.refresh()
    main_window.session.call_next_action.trigger()
    assert main_window.current_page_key() == "service"
    main_window.session.start_action.trigger()
    return main_window


def _strip_client_data(text: str) -> str:
    for value in client_values():
        text = text.replace(value, "")
    for term in CHINESE_ONLY:
        text = text.replace(term, "")
    return DATA.sub(" ", TAG.sub(" ", text))


def _shown(widget: QWidget, root: QWidget) -> bool:
    """Whether *widget* shows when its page (and tab) does: hidden only by a stack
    (another page, another tab) counts as shown, so every page is read without
    showing it again (a page that re-reads itself when shown would hide a stale text)."""
    while widget is not root and widget is not None:
        parent = widget.parentWidget()
        if widget.isHidden() and not isinstance(parent, QStackedWidget):
            return False
        widget = parent
    return True


def _model_texts(where: str, view: QAbstractItemView) -> list[tuple[str, str]]:
    model = view.model()
    if model is None:
        return []
    found = []
    header = view.horizontalHeader() if isinstance(view, QTableView) else None
    # A list shows one column (a QListWidget's model does not say how many it has).
    columns = [view.modelColumn()] if isinstance(view, QListView) else range(model.columnCount())
    for column in columns:
        if header is not None and header.isSectionHidden(column):
            continue
        if header is not None and not header.isHidden():
            title = model.headerData(column, Qt.Orientation.Horizontal)
            found.append((f"{where} header {column}", str(title or "")))
        for row in range(min(model.rowCount(), 50)):
            text = model.index(row, column).data()
            found.append((f"{where} cell {row},{column}", str(text or "")))
    return found


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every app text *root* shows (or shows on its other pages and tabs): (where, text)."""
    found: list[tuple[str, str]] = [("window title", root.windowTitle())]
    for widget in root.findChildren(QWidget):
        if not _shown(widget, root) or isinstance(widget, QHeaderView):
            continue
        if widget.objectName() == "reminderBanner" or (
            widget.parentWidget() and widget.parentWidget().objectName() == "reminderBanner"
        ):
            continue  # the main window's: its own test below
        where = f"{type(widget).__name__}#{widget.objectName()}"
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        elif isinstance(widget, QTabBar):
            found += [(f"{where} tab", widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            if not widget.isEditable():
                found += [(f"{where} item", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            if widget.isReadOnly():
                found.append((where, widget.text()))
            if not widget.text():
                found.append((f"{where} placeholder", widget.placeholderText()))
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            if widget.isReadOnly():
                found.append((where, widget.toPlainText()))
            if not widget.toPlainText():
                found.append((f"{where} placeholder", widget.placeholderText()))
        elif isinstance(widget, (QAbstractSpinBox, QProgressBar)):
            found.append((where, widget.text()))
        if isinstance(widget, QAbstractItemView):
            found += _model_texts(where, widget)
    return found


def menu_texts(window) -> list[tuple[str, str]]:
    found = []

    def walk(menu: QMenu, path: str) -> None:
        found.append((f"menu {path}", menu.title()))
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path}/{action.text()}")
            elif not action.isSeparator():
                found.append((f"action {path}", action.text()))

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu(), action.text())
    return found


def window_texts(window) -> list[tuple[str, str]]:
    """What the whole window says, every page and tab included, as it is now."""
    return menu_texts(window) + visible_texts(window)


def visit_every_page(window, qtbot) -> None:
    """Show every page as the manager would, so each is built and filled."""
    for key, _icon, page in window.pages:
        window.go_to_key(key)
        qtbot.waitUntil(page.isVisible)
    window.go_to_key("today")
    qtbot.wait(today_page.FILL_DELAY_MS * 3)  # the Today page fills itself once shown


def chinese_left(found: list[tuple[str, str]]) -> list[str]:
    return sorted(
        {f"{where}: {text!r}" for where, text in found if CJK.search(_strip_client_data(text))}
    )


def english_left(found: list[tuple[str, str]]) -> list[str]:
    left = set()
    for where, text in found:
        words = set(WORD.findall(_strip_client_data(text))) - ENGLISH_OK
        if words:
            left.add(f"{where}: {text!r}")
    return sorted(left)


def switch(prompts, window, code: str, qtbot, check_settings=None) -> None:
    """Choose *code* in Settings and press OK, as the manager does; *check_settings*
    looks at the dialog first. The windows hear of the switch from a posted event."""

    def answer(dialog) -> int:
        if check_settings is not None:
            check_settings(dialog)
        dialog.set_value("language", code)
        dialog.accept()
        return dialog.result()

    prompts.answer("dialog", answer)
    window.open_settings()
    # The window itself is retranslated at once, its pages by the posted event.
    button = window.queue_page.new_visitor_button
    qtbot.waitUntil(lambda: (button.text() == "New visitor") == (code == "en"))


def test_switching_to_english_leaves_no_chinese_app_text(day, prompts, qtbot):
    visit_every_page(day, qtbot)
    switch(prompts, day, "en", qtbot)
    left = chinese_left(window_texts(day))
    assert left == [], "\n".join(left)
    # Dates, numbers and a date field's calendar (its month names) follow as well.
    speaking = {w.locale().name() for w in day.findChildren(QWidget)}
    assert speaking == {"en_US"}
    # The assessment was made at a desk with no manager's name: the desk, not the login.
    risk_tab = day.service_page.findChild(RiskTab)
    assert " by desk 1 · " in risk_tab.details.text()
    assert login() not in risk_tab.details.text().split(" by ")[1]
    visit_every_page(day, qtbot)  # and what each page reads again when shown
    left = chinese_left(window_texts(day))
    assert left == [], "\n".join(left)


def test_switching_back_to_chinese_leaves_no_english_app_text(day, prompts, qtbot):
    switch(prompts, day, "en", qtbot)
    visit_every_page(day, qtbot)
    switch(prompts, day, "zh_CN", qtbot)
    left = english_left(window_texts(day))
    assert left == [], "\n".join(left)
    visit_every_page(day, qtbot)
    left = english_left(window_texts(day))
    assert left == [], "\n".join(left)


def test_dialogs_opened_after_a_switch_speak_the_new_language(day, prompts, qtbot):
    visit_every_page(day, qtbot)
    for code, left in (("en", chinese_left), ("zh_CN", english_left)):
        switch(prompts, day, code, qtbot)
        found: dict[str, list[str]] = {}

        def look(dialog, found=found, left=left) -> int:
            found[type(dialog).__name__] = left(visible_texts(dialog))
            return 0  # cancelled

        prompts.answer("dialog", *[look] * 6)
        day.open_door_notice()
        day.connect_to_server()
        day.today_page.new_event()
        day.today_page.log_support()
        day.service_page.findChild(SalesTab).record_sale()
        day.go_to_key("appointments")
        day.appointments_page.new_appointment()
        assert found == {
            name: []
            for name in (
                "NoticeDialog",
                "ServerDialog",
                "EventDialog",
                "SupportDialog",
                "SaleDialog",
                "AppointmentDialog",
            )
        }, code


def test_the_reminder_banner_is_said_again_in_the_new_language(day, prompts, qtbot):
    # The main window's retranslate() says Reminders.last_text() again in the banner.
    day.remind()
    banner = day.reminder_banner.text
    assert "准备事项" in banner.text()
    switch(prompts, day, "en", qtbot)
    assert banner.text() == (
        "1 appointments today or on the next working day still have preparation to do "
        "(Appointments page)."
    )
    switch(prompts, day, "zh_CN", qtbot)
    assert "准备事项" in banner.text()
    day.reminder_banner.dismiss()  # closed by the manager: a switch does not bring it back
    switch(prompts, day, "en", qtbot)
    assert day.reminder_banner.isHidden()


def test_settings_show_the_default_checklist_and_the_report_folder_in_the_language(
    main_window, prompts, qtbot
):
    seen = {}

    def look(dialog) -> None:
        seen["checklist"] = dialog._fields["day_close_checklist"].text()
        seen["folder"] = dialog._fields["day_close_folder"].placeholderText()
        seen["texts"] = visible_texts(dialog)

    switch(prompts, main_window, "en", qtbot, look)  # untouched, in Chinese
    assert seen["checklist"].startswith("当日记录已核对; 资料和凭证已归档")
    assert seen["folder"].startswith("默认：") and seen["folder"].endswith("WealthDesk")
    assert english_left(seen["texts"]) == []
    switch(prompts, main_window, "zh_CN", qtbot, look)  # in English now
    assert seen["checklist"].startswith("Records reviewed; Papers and vouchers filed")
    assert seen["folder"].startswith("Default: ")
    assert chinese_left(seen["texts"]) == []
    # OK pressed twice without touching it: still the default, stored as its English
    # source and shown in the language of the screen.
    main_window.go_to_key("dayclose")
    assert main_window.day_close_page.checkbox("Records reviewed").text() == "当日记录已核对"


def test_a_checklist_the_manager_wrote_stays_as_typed_in_both_languages(
    main_window, prompts, qtbot
):
    mine = "核对现金; Lock the safe"
    seen = []

    def edit(dialog) -> None:
        seen.append(dialog._fields["day_close_checklist"].text())
        if len(seen) == 1:
            dialog.set_value("day_close_checklist", mine)

    switch(prompts, main_window, "en", qtbot, edit)
    switch(prompts, main_window, "zh_CN", qtbot, edit)
    assert seen[1] == mine
    main_window.go_to_key("dayclose")
    page = main_window.day_close_page
    assert [page.checkbox(item).text() for item in ("核对现金", "Lock the safe")] == [
        "核对现金",
        "Lock the safe",
    ]


def test_qt_s_own_dialogs_speak_the_chosen_language(main_window, prompts, qtbot):
    switch(prompts, main_window, "en", qtbot)
    switch(prompts, main_window, "zh_CN", qtbot)
    files = QFileDialog(main_window, "t")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(files)
    labels = [label.text() for label in files.findChildren(QLabel) if label.text()]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    words = [(w, t) for w, t in visible_texts(files) if "cell" not in w]  # not the files
    assert english_left(words) == []
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "t",
        "t",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        main_window,
    )
    qtbot.addWidget(box)
    assert sorted(button.text() for button in box.buttons()) == ["否(&N)", "是(&Y)"]
    menu = QLineEdit(main_window).createStandardContextMenu()
    assert "全选" in [action.text().split("\t")[0] for action in menu.actions()]
    menu.deleteLater()
    switch(prompts, main_window, "en", qtbot)  # and Qt's translation goes with ours
    files = QFileDialog(main_window, "t")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(files)
    assert "&Look in:" in [label.text() for label in files.findChildren(QLabel)]


def test_the_report_folder_s_choose_button_asks_for_a_folder(main_window, prompts, qtbot, tmp_path):
    dialog = SettingsDialog("1", main_window.desk.settings, main_window, "t")
    qtbot.addWidget(dialog)
    prompts.answer("folder", str(tmp_path))
    button = dialog._fields["day_close_folder"].parentWidget().findChild(QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert prompts.kinds() == ["folder"]  # not a font file's chooser
    assert dialog.value("day_close_folder") == str(tmp_path)
