"""Door notices read from across the room (2 m): English lines large enough, the
headline as large with a QR code as without, and a free text's long first line filling
the page rather than one thin line; sizes read back from the PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pdf_layout import read

from wealthdesk.domain.notice import NoticeDraft, NoticeKind, Orientation
from wealthdesk.reports.fonts import cjk_font
from wealthdesk.reports.notice import notice_pdf

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")
MM = 72 / 25.4
AWAY = NoticeDraft(
    kind=NoticeKind.AWAY,
    branch="西湖支行",
    manager="王芳",
    phone="0571-88886666",
    back=dt.time(15, 30),
    english=True,
)


def words(tmp_path: Path, draft: NoticeDraft, name: str, message_only: bool = False):
    """The notice's words; *message_only*: without the header band and the footer
    (the branch's name and the manager's, read up close)."""
    found, _rules, sizes = read(notice_pdf(tmp_path / f"{name}.pdf", draft, cjk_font()))
    if message_only:
        height = sizes[0][1]
        found = [w for w in found if 0.14 * height < w.y0 and w.y1 < 0.84 * height]
    return found


def test_the_english_lines_are_readable_from_two_metres(tmp_path):
    for orientation in Orientation:
        for kind in (NoticeKind.AWAY, NoticeKind.LUNCH):
            draft = dataclasses.replace(
                AWAY, kind=kind, orientation=orientation, start=dt.time(12), until=dt.time(14)
            )
            english = [
                w
                for w in words(tmp_path, draft, f"{kind.value}-{orientation.value}", True)
                if w.text.isascii() and any(c.isalpha() for c in w.text)
            ]
            assert english
            smallest = min(w.size for w in english) / MM
            assert smallest >= 7.0, f"{kind.value} {orientation.value}: {smallest:.1f} mm"


@pytest.mark.parametrize("orientation", list(Orientation))
def test_a_qr_code_keeps_the_headline_s_size(tmp_path, orientation):
    plain = dataclasses.replace(AWAY, orientation=orientation)
    with_qr = dataclasses.replace(plain, qr=True)

    def headline(draft, name):
        return max(w.size for w in words(tmp_path, draft, name))

    assert headline(with_qr, "qr") == pytest.approx(headline(plain, "plain"), rel=0.01)


def test_a_long_first_line_of_free_text_fills_the_page(tmp_path):
    draft = dataclasses.replace(
        AWAY,
        kind=NoticeKind.TEXT,
        english=False,
        text="系统升级维护，理财业务暂停办理，敬请谅解\n请到一楼大厅理财专柜办理",
    )
    found = words(tmp_path, draft, "text")
    largest = max(w.size for w in found)
    assert largest / MM >= 25  # not one thin line across the page
    rows = {round(w.y0) for w in found if w.size == largest}
    assert len(rows) >= 2  # the long line in rows
    assert (
        "".join(w.text for w in found if w.size == largest)
        == "系统升级维护，理财业务暂停办理，敬请谅解"
    )
