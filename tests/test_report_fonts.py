"""The Chinese font for PDFs (reports/fonts.py): found, checked, or a clear message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wealthdesk.reports import fonts
from wealthdesk.reports.fonts import FontError, cjk_font

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_wqy = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")


@needs_wqy
def test_the_platforms_font_is_found_and_shows_chinese_digits_and_times():
    font = cjk_font()
    assert font.path == WQY
    assert font.missing("中午休息，下午2:00营业 理财专柜 0571-88886666 W012") == []
    font.check("本人有事暂时离开，请稍候或致电")


@needs_wqy
def test_a_font_file_set_in_the_settings_is_used(tmp_path):
    copy = tmp_path / "my-font.ttc"
    shutil.copyfile(WQY, copy)
    assert cjk_font(str(copy)).path == copy


def test_a_missing_font_file_in_the_settings_is_named(tmp_path):
    with pytest.raises(FontError) as refused:
        cjk_font(str(tmp_path / "gone.ttf"))
    assert "gone.ttf" in refused.value.render() and "does not exist" in refused.value.render()


def test_a_file_that_is_not_a_font_is_refused_with_the_reason(tmp_path):
    fake = tmp_path / "fake.ttf"
    fake.write_text("not a font")
    with pytest.raises(FontError) as refused:
        cjk_font(str(fake))
    message = refused.value.render()
    assert "fake.ttf" in message and "cannot be embedded" in message and "TrueType" in message


def test_a_font_without_chinese_is_refused():
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not dejavu.is_file():
        pytest.skip("DejaVu is not installed")
    with pytest.raises(FontError) as refused:
        cjk_font(str(dejavu))
    assert "no Chinese characters" in refused.value.render()


def test_no_font_on_the_computer_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(fonts.CANDIDATES, fonts._platform(), (str(tmp_path / "none.ttc"),))
    with pytest.raises(FontError) as refused:
        cjk_font()
    assert "fonts-wqy-microhei" in refused.value.render()


@needs_wqy
def test_characters_the_font_lacks_are_named_before_anything_is_written():
    font = cjk_font()
    assert font.missing("请稍候😀 😀") == ["😀"]
    with pytest.raises(FontError) as refused:
        font.check("午休", "回来😀")
    assert "😀" in refused.value.render() and font.path.name in refused.value.render()
