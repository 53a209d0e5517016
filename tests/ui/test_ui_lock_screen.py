"""The lock screen and the PIN behind it: unlocking, slowed guesses, setting the PIN."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QLineEdit, QPushButton, QWidget
from test_ui_main_window import _settings

from wealthdesk.domain.pin import hash_pin, verify_pin
from wealthdesk.services import settings as settings_service
from wealthdesk.ui.desk.lock_screen import LockScreen
from wealthdesk.ui.settings_dialog import SettingsDialog

PIN = "258036"
# Light to check (the hash carries its cost): these tests are about the lock, not the
# cost, which test_pin.py guards; the PIN dialog below hashes at the desk's cost.
PIN_HASH = hash_pin(PIN, n=2**10, p=1)


class FakeMonotonic:
    def __init__(self, start: float = 1000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def english(language):
    language.install_language("en")
    return language


@pytest.fixture
def lock_screen(qtbot, english, clock):
    screen = LockScreen()
    qtbot.addWidget(screen)
    screen.monotonic = FakeMonotonic()
    screen.resize(1000, 700)
    screen.lock(PIN_HASH, "Away until 15:30", "WealthDesk · 西湖支行")
    screen.show()
    return screen


def enter(qtbot, screen: LockScreen, pin: str) -> None:
    qtbot.keyClicks(screen.pin_field, pin)
    qtbot.keyClick(screen.pin_field, Qt.Key.Key_Return)


def visible_texts(screen: QWidget) -> set[str]:
    texts = set()
    for widget in screen.findChildren(QWidget):
        if not widget.isVisibleTo(screen):
            continue
        if isinstance(widget, QLabel | QPushButton) and widget.text():
            texts.add(widget.text())
        if isinstance(widget, QLineEdit):
            texts |= {t for t in (widget.displayText(), widget.placeholderText()) if t}
        if widget.toolTip():
            texts.add(widget.toolTip())
    return texts


# ---------------------------------------------------------------- unlocking


def test_the_right_pin_and_enter_unlock_the_desk(qtbot, lock_screen):
    with qtbot.waitSignal(lock_screen.unlocked, timeout=1000):
        enter(qtbot, lock_screen, PIN)
    assert lock_screen.pin_field.text() == ""


def test_the_unlock_button_tries_the_pin_too(qtbot, lock_screen):
    qtbot.keyClicks(lock_screen.pin_field, PIN)
    with qtbot.waitSignal(lock_screen.unlocked, timeout=1000):
        qtbot.mouseClick(lock_screen.unlock_button, Qt.MouseButton.LeftButton)


def test_a_wrong_pin_keeps_the_desk_locked_and_says_so(qtbot, lock_screen):
    with qtbot.assertNotEmitted(lock_screen.unlocked):
        enter(qtbot, lock_screen, "2581")
    assert lock_screen.message_label.text() == "Wrong PIN."
    assert lock_screen.pin_field.text() == ""  # ready for the next try
    assert lock_screen.pin_field.isEnabled()


def test_the_pin_field_hides_the_digits_and_takes_nothing_else(qtbot, lock_screen):
    field = lock_screen.pin_field
    assert field.objectName() == "pinField"
    assert field.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(field, "25a8-0 ")
    assert field.text() == "2580"


def test_enter_on_an_empty_field_asks_for_the_pin_and_costs_no_try(qtbot, lock_screen):
    for _ in range(6):
        enter(qtbot, lock_screen, "")
    assert lock_screen.message_label.text() == "Enter your PIN."
    assert lock_screen.pin_field.isEnabled()


# ---------------------------------------------------------------- slowed guesses


def test_the_third_wrong_pin_makes_the_next_try_wait(qtbot, lock_screen):
    # As README says: "after three wrong PINs each try waits 5, 10, 20, 40, then 60 s".
    clock = lock_screen.monotonic
    for _ in range(2):
        enter(qtbot, lock_screen, "1111")
        assert lock_screen.pin_field.isEnabled()
        assert lock_screen.message_label.text() == "Wrong PIN."
    enter(qtbot, lock_screen, "1111")
    assert not lock_screen.pin_field.isEnabled()
    assert not lock_screen.unlock_button.isEnabled()
    assert "Wrong PIN." in lock_screen.message_label.text()
    assert "Too many wrong PINs: try again in 5 s" in lock_screen.message_label.text()

    # Even the right PIN is refused while the wait runs.
    clock.now += 4
    lock_screen.pin_field.setText(PIN)
    with qtbot.assertNotEmitted(lock_screen.unlocked):
        assert not lock_screen.try_unlock()
    assert "try again in 1 s" in lock_screen.message_label.text()
    assert lock_screen.pin_field.text() == ""

    clock.now += 1
    lock_screen.pin_field.setText(PIN)
    with qtbot.waitSignal(lock_screen.unlocked, timeout=1000):
        assert lock_screen.try_unlock()
    assert lock_screen.pin_field.isEnabled()


def test_the_field_opens_again_by_itself_when_the_wait_is_over(qtbot, lock_screen):
    for _ in range(3):
        enter(qtbot, lock_screen, "1111")
    assert not lock_screen.pin_field.isEnabled()
    lock_screen.monotonic.now += 2.5
    qtbot.waitUntil(lambda: "try again in 3 s" in lock_screen.message_label.text(), timeout=2000)
    assert not lock_screen.pin_field.isEnabled()
    lock_screen.monotonic.now += 3
    qtbot.waitUntil(lock_screen.pin_field.isEnabled, timeout=2000)
    assert lock_screen.unlock_button.isEnabled()
    assert lock_screen.message_label.text() == ""
    with qtbot.waitSignal(lock_screen.unlocked, timeout=1000):
        enter(qtbot, lock_screen, PIN)


def test_the_waits_grow_with_each_further_wrong_pin(qtbot, lock_screen):
    clock = lock_screen.monotonic
    for _ in range(3):
        enter(qtbot, lock_screen, "1111")
    clock.now += 5
    lock_screen.pin_field.setText("1111")
    lock_screen.try_unlock()
    assert "try again in 10 s" in lock_screen.message_label.text()


def test_locking_again_does_not_cut_a_wait_short(qtbot, lock_screen):
    for _ in range(3):
        enter(qtbot, lock_screen, "1111")
    lock_screen.lock(PIN_HASH, "Lunch until 14:00")
    assert not lock_screen.pin_field.isEnabled()
    assert "try again in 5 s" in lock_screen.message_label.text()


def test_the_right_pin_starts_the_count_of_wrong_ones_over(qtbot, lock_screen):
    for _ in range(2):
        enter(qtbot, lock_screen, "1111")
    enter(qtbot, lock_screen, PIN)
    lock_screen.lock(PIN_HASH, "Away until 15:30")
    for _ in range(2):
        enter(qtbot, lock_screen, "1111")
    assert lock_screen.pin_field.isEnabled()


# ---------------------------------------------------------------- what it shows


def test_the_lock_shows_only_the_callers_texts_the_clock_and_its_own_words(qtbot, english, clock):
    clock.set(dt.datetime(2026, 11, 27, 14, 5))
    screen = LockScreen()
    qtbot.addWidget(screen)
    screen.monotonic = FakeMonotonic()
    screen.lock(PIN_HASH, "Away until 15:30", "WealthDesk · 西湖支行")
    screen.show()
    fixed = {"PIN", "Unlock"}
    assert visible_texts(screen) == {"WealthDesk · 西湖支行", "Away until 15:30", "14:05"} | fixed

    qtbot.keyClicks(screen.pin_field, "1111")
    assert not any("1111" in text for text in visible_texts(screen))
    qtbot.keyClick(screen.pin_field, Qt.Key.Key_Return)
    assert (
        visible_texts(screen)
        == {
            "WealthDesk · 西湖支行",
            "Away until 15:30",
            "14:05",
            "Wrong PIN.",
        }
        | fixed
    )

    screen.set_state_text("Lunch until 14:00")
    screen.lock(PIN_HASH, "Lunch until 14:00")  # no title given: none shown
    assert visible_texts(screen) == {"Lunch until 14:00", "14:05"} | fixed


def test_the_clock_follows_the_time(qtbot, lock_screen, clock):
    clock.set(dt.datetime(2026, 11, 27, 9, 59))
    lock_screen.lock(PIN_HASH, "Away until 15:30")
    assert lock_screen.clock_label.text() == "09:59"
    clock.set(dt.datetime(2026, 11, 27, 10, 0))
    lock_screen._clock_timer.timeout.emit()
    assert lock_screen.clock_label.text() == "10:00"
    assert lock_screen._clock_timer.isActive()
    assert lock_screen._clock_timer.interval() == 15_000


def test_locking_clears_what_was_typed_and_focuses_the_pin_field(qtbot, lock_screen):
    enter(qtbot, lock_screen, "1111")
    qtbot.keyClicks(lock_screen.pin_field, "25")
    lock_screen.lock(PIN_HASH, "Away until 16:00")
    assert lock_screen.pin_field.text() == ""
    assert lock_screen.message_label.text() == ""
    assert lock_screen.focusWidget() is lock_screen.pin_field
    assert lock_screen.state_label.text() == "Away until 16:00"


def test_a_desk_without_a_pin_says_so_and_continues(qtbot, lock_screen):
    lock_screen.lock("", "Lunch until 14:00", "WealthDesk")
    assert not lock_screen.pin_field.isVisible()
    assert not lock_screen.unlock_button.isVisible()
    notice = lock_screen.no_pin_label.text()
    assert lock_screen.no_pin_label.isVisible()
    assert "No PIN is set" in notice and "anyone can open it" in notice
    assert "Settings" in notice
    assert visible_texts(lock_screen) == {"WealthDesk", "Lunch until 14:00", notice, "Continue"} | {
        lock_screen.clock_label.text()
    }
    with qtbot.waitSignal(lock_screen.unlocked, timeout=1000):
        qtbot.mouseClick(lock_screen.continue_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(lock_screen.unlocked, timeout=1000):
        qtbot.keyClick(lock_screen, Qt.Key.Key_Return)


def test_setting_a_pin_later_brings_the_pin_field_back(qtbot, lock_screen):
    lock_screen.lock("", "Away until 15:30")
    lock_screen.lock(PIN_HASH, "Away until 15:30")
    assert lock_screen.pin_field.isVisible()
    assert not lock_screen.continue_button.isVisible()
    with qtbot.assertNotEmitted(lock_screen.unlocked):
        qtbot.keyClick(lock_screen.pin_field, Qt.Key.Key_Return)


# ---------------------------------------------------------------- the PIN in settings


def _pin(first: str, repeat: str, present: str = PIN):
    """An answer for the PIN dialog: the present PIN (asked when one is set), the new
    PIN twice, OK."""

    def fill(dialog) -> int:
        dialog.current_field.setText(present)
        dialog.pin_field.setText(first)
        dialog.repeat_field.setText(repeat)
        dialog.accept()
        return dialog.result()

    return fill


def _set_pin_then(**values):
    """An answer for the settings dialog: press "Set PIN…", then fill in *values*, OK."""

    def fill(dialog) -> int:
        dialog.pin_button.click()
        return _settings(**values)(dialog)

    return fill


def test_a_pin_set_in_settings_is_stored_as_a_hash_that_opens_the_lock(
    main_window, prompts, english
):
    assert settings_service.load("1")["pin_hash"] == ""
    prompts.answer("dialog", _set_pin_then(manager_name="王晓东"), _pin("369147", "369147"))
    main_window.open_settings()
    stored = settings_service.load("1")
    assert stored["manager_name"] == "王晓东"
    assert stored["pin_hash"].startswith("scrypt$")
    assert verify_pin("369147", stored["pin_hash"])
    assert not verify_pin("369148", stored["pin_hash"])
    assert [name for kind, name, _x in prompts.shown if kind == "dialog"] == [
        "SettingsDialog",
        "PinDialog",
    ]


def test_a_pin_is_changed_only_when_settings_are_accepted(qtbot, store, prompts, english):
    settings_service.save({"pin_hash": PIN_HASH}, "1", "test")
    dialog = SettingsDialog("1", settings_service.load("1"), None, "test")
    qtbot.addWidget(dialog)
    assert dialog.pin_status.text() == "Set"
    assert dialog.pin_button.text() == "Change PIN…"
    prompts.answer("dialog", _pin("369125", "369125"))
    dialog.pin_button.click()
    assert dialog.pin_status.text() == "Changed"
    assert settings_service.load("1")["pin_hash"] == PIN_HASH  # nothing stored yet
    dialog.reject()
    assert settings_service.load("1")["pin_hash"] == PIN_HASH

    dialog = SettingsDialog("1", settings_service.load("1"), None, "test")
    qtbot.addWidget(dialog)
    prompts.answer("dialog", _pin("369125", "369125"))
    dialog.pin_button.click()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = settings_service.load("1")["pin_hash"]
    assert verify_pin("369125", stored)
    assert not verify_pin(PIN, stored)


def test_two_different_pins_are_refused_and_nothing_is_stored(qtbot, store, prompts, english):
    dialog = SettingsDialog("1", settings_service.load("1"), None, "test")
    qtbot.addWidget(dialog)
    assert dialog.pin_status.text() == "Not set"
    assert dialog.pin_button.text() == "Set PIN…"
    refused = {}

    def differ(pin_dialog) -> int:
        result = _pin("369147", "369148")(pin_dialog)
        refused["repeat"] = pin_dialog._errors["repeat"].text()
        refused["pin"] = pin_dialog._errors["pin"].text()
        return result

    prompts.answer("dialog", differ)
    dialog.pin_button.click()
    assert refused == {"repeat": "The two PINs differ.", "pin": ""}
    assert dialog.pin_status.text() == "Not set"
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings_service.load("1")["pin_hash"] == ""


def test_an_easy_pin_is_refused_under_its_field(qtbot, store, prompts, english):
    from wealthdesk.ui.desk.pin_dialog import PinDialog

    dialog = PinDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _pin("123456", "123456")(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.pin_hash == ""
    assert dialog._errors["pin"].isVisible()
    assert "too easy to guess" in dialog._errors["pin"].text()
    # Once refused, the message follows the typing.
    dialog.pin_field.clear()
    dialog.repeat_field.clear()
    qtbot.keyClicks(dialog.pin_field, "369147")
    assert not dialog._errors["pin"].isVisible()
    qtbot.keyClicks(dialog.repeat_field, "369147")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert verify_pin("369147", dialog.pin_hash)
    assert dialog.pin_field.text() == dialog.repeat_field.text() == ""  # not kept


def test_the_pin_hash_is_never_shown_as_text(qtbot, store, english):
    settings_service.save({"pin_hash": PIN_HASH}, "1", "test")
    dialog = SettingsDialog("1", settings_service.load("1"), None, "test")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "pin_hash" not in dialog._fields
    assert not any("scrypt" in text for text in visible_texts(dialog))
    dialog.accept()
    assert settings_service.load("1")["pin_hash"] == PIN_HASH  # kept as it was


def test_the_day_end_checkbox_shows_and_saves(main_window, prompts, english, qtbot):
    assert settings_service.load("1")["close_queue_at_day_end"] is True
    prompts.answer("dialog", _settings(close_queue_at_day_end=False))
    main_window.open_settings()
    assert settings_service.load("1")["close_queue_at_day_end"] is False

    dialog = SettingsDialog("1", settings_service.load("1"), None, "test")
    qtbot.addWidget(dialog)
    box = dialog._fields["close_queue_at_day_end"]
    assert isinstance(box, QCheckBox)
    assert box.text() == "At closing time, close visits still waiting as left"
    assert not box.isChecked()
    assert dialog.value("close_queue_at_day_end") is False
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    dialog.accept()
    assert settings_service.load("1")["close_queue_at_day_end"] is True


def test_changing_a_pin_takes_the_present_one(qtbot, store, prompts, english):
    settings_service.save({"pin_hash": PIN_HASH}, "1", "test")
    dialog = SettingsDialog("1", settings_service.load("1"), None, "test")
    qtbot.addWidget(dialog)
    refused = []

    def wrong_present(pin_dialog) -> int:
        result = _pin("369125", "369125", present="135790")(pin_dialog)
        refused.append(pin_dialog._errors["current"].text())
        return result

    prompts.answer("dialog", wrong_present)
    dialog.pin_button.click()
    assert dialog.pin_status.text() == "Set"  # unchanged
    assert refused == ["This is not the present PIN."]
    prompts.answer("dialog", _pin("369125", "369125"))
    dialog.pin_button.click()
    dialog.accept()
    assert verify_pin("369125", settings_service.load("1")["pin_hash"])


def test_each_wrong_pin_is_told_and_a_count_given_at_the_lock_makes_the_next_try_wait(
    qtbot, english, clock
):
    first = LockScreen()
    qtbot.addWidget(first)
    first.monotonic = FakeMonotonic()
    first.lock(PIN_HASH, "Away", "")
    told = []
    first.wrong_pin.connect(told.append)
    for _ in range(3):
        enter(qtbot, first, "135790")
    assert told == [1, 2, 3]  # the window counts them with the desk (test_ui_lock_tamper)
    assert not first.pin_field.isEnabled()  # waiting after the third wrong PIN

    second = LockScreen()  # the program restarted, the desk's count given back
    qtbot.addWidget(second)
    second.lock(PIN_HASH, "Away", "", failures=3)
    second.pin_field.setText(PIN)
    assert not second.try_unlock()
    assert "try again" in second.message_label.text()


def test_a_four_digit_pin_set_before_the_six_digit_rule_still_opens_the_lock(qtbot, lock_screen):
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"2580", salt=salt, n=2**14, r=8, p=1, dklen=32)
    old = f"scrypt$16384$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    lock_screen.lock(old, "Away", "")
    with qtbot.waitSignal(lock_screen.unlocked, timeout=1000):
        enter(qtbot, lock_screen, "2580")


# ---------------------------------------------------------------- the desk's state moves on


def test_a_state_given_as_a_callable_moves_on_with_the_lock_s_clock(qtbot, lock_screen, clock):
    started = clock.now

    def serving() -> str:
        minutes = int((clock.now - started).total_seconds() // 60)
        return f"Serving W004 · {minutes} min"

    lock_screen.lock(PIN_HASH, serving)
    assert lock_screen.state_label.text() == "Serving W004 · 0 min"
    clock.set(clock.now + dt.timedelta(minutes=5))
    lock_screen._clock_timer.timeout.emit()  # the lock's own 15 s clock
    assert lock_screen.state_label.text() == "Serving W004 · 5 min"
    assert lock_screen.clock_label.text() == clock.now.strftime("%H:%M")
    # A fixed text given later stays as given.
    lock_screen.set_state_text("Lunch until 14:00")
    lock_screen._clock_timer.timeout.emit()
    assert lock_screen.state_label.text() == "Lunch until 14:00"


def test_the_serving_minutes_on_the_window_s_lock_follow_the_clock(
    main_window, prompts, english, clock
):
    from test_ui_queue import serve, the_client

    main_window.go_to_key("queue")
    visit = serve(main_window, the_client(), prompts)
    main_window.lock()
    lock = main_window.lock_screen
    assert lock.state_label.text() == f"Serving {visit.ticket} · 0 min"
    for minutes, shown in ((1, "1 min"), (5, "5 min"), (66, "1 h 06 min")):
        clock.set(clock.now.replace(hour=10, minute=0) + dt.timedelta(minutes=minutes))
        main_window._clock.timeout.emit()  # the window's 15 s clock
        lock._clock_timer.timeout.emit()  # and the lock's own
        assert lock.state_label.text() == f"Serving {visit.ticket} · {shown}"
