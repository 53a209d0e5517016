"""The working calendar in the window: Settings' section with a previewed schedule load,
the Today page's notice that next year has no official schedule, and the week view's
make-up days."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog

from wealthdesk.services import calendar as calendar_service
from wealthdesk.services import settings as settings_service
from wealthdesk.ui.calendar_settings import CalendarNotice, ScheduleImportDialog
from wealthdesk.ui.settings_dialog import SettingsDialog

GOOD = "日期,类型,名称\n2027-02-05,休,春节\n2027-02-10,休,春节\n2027-02-20,班,春节\n"
BAD = "日期,类型,名称\n2027-02-05,休,春节\n2027-02-30,休,春节\n"


def _file(tmp_path, text: str):
    path = tmp_path / "schedule.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_settings_show_the_years_sources_and_load_a_previewed_schedule(
    qtbot, store, clock, prompts, language, tmp_path
):
    language.install_language("en")
    clock.set(dt.datetime(2026, 12, 7, 9, 0))
    dialog = SettingsDialog("1", settings_service.load("1"), None, "王芳")
    qtbot.addWidget(dialog)
    section = dialog.calendar_settings
    assert section.years.text() == (
        "2026: the State Council's schedule (bundled)\n"
        "2027: statutory holidays computed by rule (provisional)"
    )
    assert not section.notice.isHidden()
    assert "no official holiday schedule for 2027" in section.notice.text.text()

    seen = {}

    def look_and_load(preview: ScheduleImportDialog):
        seen["summary"] = preview.summary.text()
        seen["rows"] = [
            tuple(preview.model.index(r, c).data() for c in range(3))
            for r in range(preview.model.rowCount())
        ]
        seen["load"] = preview.load_button.isEnabled()
        return QDialog.DialogCode.Accepted

    prompts.answer("open_file", str(_file(tmp_path, GOOD)))
    prompts.answer("dialog", look_and_load)
    section.load_button.click()

    assert seen["load"]
    assert "the schedule for 2027, 3 days" in seen["summary"]
    rows = {row[0][:10]: row[1:] for row in seen["rows"]}
    assert rows["2027-02-10"] == ("open", "closed · Spring Festival holiday")
    assert rows["2027-02-20"] == ("closed · Weekend", "open · Make-up working day")
    assert rows["2027-02-05"][0] == "closed · Spring Festival holiday (provisional)"
    assert (
        section.years.text()
        .splitlines()[1]
        .startswith("2027: the State Council's schedule, loaded 2026-12-07 by 王芳 (3 days)")
    )
    assert section.notice.isHidden()
    assert calendar_service.working_calendar().is_working_day(dt.date(2027, 2, 20))


def test_a_bad_schedule_is_shown_with_its_lines_and_cannot_be_loaded(
    qtbot, store, clock, prompts, language, tmp_path
):
    language.install_language("en")
    dialog = SettingsDialog("1", settings_service.load("1"), None, "王芳")
    qtbot.addWidget(dialog)
    seen = {}

    def look(preview: ScheduleImportDialog):
        seen["problems"] = preview.problems.toPlainText()
        seen["load"] = preview.load_button.isEnabled()
        return QDialog.DialogCode.Accepted  # even so, nothing is loaded

    prompts.answer("open_file", str(_file(tmp_path, BAD)))
    prompts.answer("dialog", look)
    dialog.calendar_settings.load_button.click()
    assert seen == {"problems": "line 3: There is no such date: 2027-02-30.", "load": False}
    assert calendar_service.year_schedule(2027).source.value == "computed"
    # The preview is gone once closed: a day of loading attempts leaves none behind.
    from conftest import dialogs_left

    assert dialogs_left(dialog) == []


def test_the_today_notice_shows_from_november_once_a_day(qtbot, store, clock, prompts, language):
    clock.set(dt.datetime(2026, 10, 31, 9, 0))
    notice = CalendarNotice("王芳")
    qtbot.addWidget(notice)
    notice.refresh()
    assert notice.isHidden()
    clock.set(dt.datetime(2026, 11, 1, 9, 0))
    notice.refresh()
    assert not notice.isHidden()
    notice.hide_button.click()
    assert notice.isHidden()
    again = CalendarNotice("王芳")  # the window opened again the same day
    qtbot.addWidget(again)
    again.refresh()
    assert again.isHidden()
    clock.set(dt.datetime(2026, 11, 2, 9, 0))
    again.refresh()
    assert not again.isHidden()


def test_the_today_page_carries_the_notice(main_window, clock, qtbot):
    clock.set(dt.datetime(2026, 12, 7, 9, 0))
    page = main_window.today_page
    page.refresh()
    assert not page.calendar_notice.isHidden()
    assert "2027" in page.calendar_notice.text.text()


def test_the_week_view_shows_make_up_days_and_the_branch_s_open_sunday(main_window, language):
    language.install_language("en")
    settings_service.save({"open_days": "2026-10-18"}, "1", "admin")
    page = main_window.appointments_page
    assert page._day_texts(dt.date(2026, 10, 10)) == ("", "Make-up working day")
    assert page._day_texts(dt.date(2026, 10, 18)) == ("", "Branch open day")
    assert page._day_texts(dt.date(2026, 10, 1)) == ("National Day holiday", "")
    assert page._day_texts(dt.date(2026, 10, 12)) == ("", "")
