"""The door notice PDF (reports/notice.py), read back as a person and a phone would:
its words, its page, its fonts, its QR code."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from wealthdesk.domain.errors import ValidationError
from wealthdesk.domain.notice import ClosedReason, NoticeDraft, NoticeKind, Orientation
from wealthdesk.reports.fonts import FontError, cjk_font
from wealthdesk.reports.notice import notice_pdf, render_notice

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")

PHONE = "0571-88886666"
DESK = {"branch": "西湖支行", "manager": "王芳", "phone": PHONE}
A4_LONG, A4_SHORT = 841.89, 595.28

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftoppm, pdftotext) is not installed",
)
needs_zbar = pytest.mark.skipif(
    shutil.which("zbarimg") is None,
    reason="zbarimg is not installed (apt-get install zbar-tools): the QR code cannot be decoded",
)


def lunch(**changes) -> NoticeDraft:
    return NoticeDraft(
        NoticeKind.LUNCH, **{"start": dt.time(12), "until": dt.time(14), **DESK, **changes}
    )


def away(**changes) -> NoticeDraft:
    return NoticeDraft(NoticeKind.AWAY, **{"back": dt.time(15, 30), **DESK, **changes})


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def flat(text: str) -> str:
    """The extracted text without the spaces and line breaks a layout puts between
    words, so that a phrase is found whichever way the extractor split it."""
    return re.sub(r"\s+", "", text)


def page_size(path: Path) -> tuple[float, float]:
    pages = PdfReader(path).pages
    assert len(pages) == 1
    box = pages[0].mediabox
    return float(box.width), float(box.height)


def decode_qr(pdf: Path, folder: Path) -> list[str]:
    """What a phone's camera reads from the printed page: the page at 150 dpi, decoded."""
    stem = folder / "scanned"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(stem)], check=True
    )
    done = subprocess.run(
        ["zbarimg", "--raw", "-q", f"{stem}.png"], capture_output=True, text=True, timeout=60
    )
    return done.stdout.split()


def word_boxes(pdf: Path) -> list[tuple[str, float, float, float, float]]:
    """Each word pdftotext finds with its box (x0, y0, x1, y1), in page points."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        html,
    )
    return [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in found]


# ---------------------------------------------------------------- the words


def test_the_lunch_notice_shows_its_chinese_text_with_the_real_times(tmp_path):
    path = notice_pdf(tmp_path / "lunch.pdf", lunch(until=dt.time(13, 30)), cjk_font())
    text = flat(text_of(path))
    for expected in ("中午休息", "理财客户请到理财专柜办理业务", "13:30营业", "12:00", "西湖支行"):
        assert expected in text, expected
    assert "王芳" in text
    assert "Lunch" not in text  # no English line unless asked for


def test_the_away_notice_shows_the_phone_and_the_return_time_in_both_orientations(tmp_path):
    for orientation in Orientation:
        path = notice_pdf(
            tmp_path / f"away-{orientation}.pdf", away(orientation=orientation), cjk_font()
        )
        text = flat(text_of(path))
        assert "本人有事" in text and "暂时离开" in text
        assert f"请稍候或致电{PHONE}" in text
        assert "预计15:30回来" in text


def test_the_closed_notice_shows_the_reason_and_the_return_time(tmp_path):
    draft = NoticeDraft(
        NoticeKind.CLOSED, closed_reason=ClosedReason.TRAINING, back=dt.time(16, 0), **DESK
    )
    text = flat(text_of(notice_pdf(tmp_path / "closed.pdf", draft, cjk_font())))
    assert "暂停服务" in text and "理财经理参加培训" in text and "预计16:00恢复服务" in text


def test_the_english_line_is_printed_under_the_chinese_when_asked_for(tmp_path):
    path = notice_pdf(tmp_path / "lunch-en.pdf", lunch(english=True), cjk_font())
    text = text_of(path)
    assert "Lunch Break" in text
    assert "Wealth clients, please go to the wealth counter" in text
    assert "Open again at 14:00" in text
    assert text.index("中午休息") < text.index("Lunch Break")


def test_a_free_text_notice_prints_the_manager_s_lines(tmp_path):
    draft = NoticeDraft(NoticeKind.TEXT, text="理财室今日搬迁\n请到二楼 203 室", **DESK)
    text = flat(text_of(notice_pdf(tmp_path / "text.pdf", draft, cjk_font())))
    assert "理财室今日搬迁" in text and "请到二楼203室" in text


# ---------------------------------------------------------------- the page


@pytest.mark.parametrize(
    ("orientation", "size"),
    [(Orientation.LANDSCAPE, (A4_LONG, A4_SHORT)), (Orientation.PORTRAIT, (A4_SHORT, A4_LONG))],
)
def test_the_notice_is_one_a4_page_landscape_by_default_or_portrait(tmp_path, orientation, size):
    path = notice_pdf(tmp_path / "n.pdf", lunch(orientation=orientation, qr=True), cjk_font())
    width, height = page_size(path)
    assert width == pytest.approx(size[0], abs=1) and height == pytest.approx(size[1], abs=1)
    assert page_size(notice_pdf(tmp_path / "d.pdf", lunch(), cjk_font()))[0] == pytest.approx(
        A4_LONG, abs=1
    )


@needs_poppler
def test_the_headline_fills_most_of_the_page_width_and_is_centred(tmp_path):
    path = notice_pdf(tmp_path / "lunch.pdf", lunch(), cjk_font())
    width, _ = page_size(path)
    boxes = {word: (x0, y0, x1, y1) for word, x0, y0, x1, y1 in word_boxes(path)}
    x0, y0, x1, y1 = boxes["中午休息"]
    assert x1 - x0 > 0.7 * width  # the usable width is ~0.88 of the page
    assert (x0 + x1) / 2 == pytest.approx(width / 2, abs=2)
    assert y1 - y0 > 100  # points: over 35 mm of type, readable from metres away
    body = boxes["理财客户请到理财专柜办理业务"]
    assert body[3] - body[1] < y1 - y0  # the message under it, smaller


@needs_poppler
def test_every_line_stays_inside_the_page_even_with_the_longest_texts(tmp_path):
    longest = "中国某某银行股份有限公司浙江省杭州市西湖区文三路支行营业部"[:40]
    draft = NoticeDraft(
        NoticeKind.TEXT,
        text="\n".join(["因系统升级今日下午暂停办理理财业务敬请谅解"[:20]] * 5),
        branch=longest,
        manager="欧阳娜娜",
        phone=PHONE,
        english=True,
        qr=True,
    )
    for orientation in Orientation:
        path = notice_pdf(
            tmp_path / f"{orientation}.pdf", replace(draft, orientation=orientation), cjk_font()
        )
        width, height = page_size(path)
        words = word_boxes(path)
        assert len(words) >= 8  # header, five lines, footer, caption
        for word, x0, y0, x1, y1 in words:
            assert 28 < x0 < x1 < width - 28, word  # inside the 10 mm frame
            assert 28 < y0 < y1 < height - 28, word


def test_the_fonts_are_embedded_truetype(tmp_path):
    path = notice_pdf(tmp_path / "lunch.pdf", lunch(english=True, qr=True), cjk_font())
    fonts = PdfReader(path).pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:  # a composite font keeps it in its descendant
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]


def test_the_file_is_small(tmp_path):
    path = notice_pdf(tmp_path / "n.pdf", lunch(english=True, qr=True), cjk_font())
    assert path.stat().st_size <= 150_000


def test_the_file_on_disk_is_the_rendered_pdf_with_the_usual_permissions(tmp_path):
    previous = os.umask(0o022)
    try:
        path = notice_pdf(tmp_path / "n.pdf", lunch(), cjk_font())
    finally:
        os.umask(previous)
    assert path.read_bytes().startswith(b"%PDF-")
    assert path.read_bytes()[-6:].strip().endswith(b"%%EOF")
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o644
    assert render_notice(lunch(), cjk_font()).startswith(b"%PDF-")


# ---------------------------------------------------------------- the QR code


@needs_zbar
@needs_poppler
@pytest.mark.parametrize("orientation", list(Orientation))
def test_the_qr_code_dials_the_desk_phone(tmp_path, orientation):
    path = notice_pdf(
        tmp_path / "away.pdf", away(qr=True, orientation=orientation, english=True), cjk_font()
    )
    assert decode_qr(path, tmp_path) == ["tel:057188886666"]


@needs_zbar
@needs_poppler
def test_the_qr_code_keeps_a_landline_s_extension_after_a_pause(tmp_path):
    draft = lunch(qr=True, phone="0571-88888888-123")
    assert decode_qr(notice_pdf(tmp_path / "l.pdf", draft, cjk_font()), tmp_path) == [
        "tel:057188888888,123"
    ]


@needs_zbar
@needs_poppler
def test_the_qr_code_opens_the_link_set_for_notices(tmp_path):
    link = "https://www.example.com/booking?branch=0571"
    draft = lunch(qr=True, qr_link=link)
    assert decode_qr(notice_pdf(tmp_path / "l.pdf", draft, cjk_font()), tmp_path) == [link]


@needs_zbar
@needs_poppler
def test_without_qr_there_is_no_code_on_the_page(tmp_path):
    assert decode_qr(notice_pdf(tmp_path / "l.pdf", lunch(), cjk_font()), tmp_path) == []


# ---------------------------------------------------------------- refusals leave nothing


def test_a_character_the_font_lacks_stops_the_notice_before_a_file_exists(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(FontError) as refused:
        notice_pdf(out / "n.pdf", lunch(branch="西湖支行😀"), cjk_font())
    assert "😀" in refused.value.render()
    assert list(out.iterdir()) == []


def test_a_refused_draft_writes_nothing(tmp_path):
    with pytest.raises(ValidationError):
        notice_pdf(tmp_path / "n.pdf", lunch(until=dt.time(11, 0)), cjk_font())
    assert list(tmp_path.iterdir()) == []


def test_a_failed_notice_leaves_the_file_it_would_have_replaced_untouched(tmp_path):
    target = tmp_path / "n.pdf"
    target.write_bytes(b"the notice printed this morning")
    with pytest.raises(FontError):
        notice_pdf(target, lunch(manager="王芳", branch="😀"), cjk_font())
    assert target.read_bytes() == b"the notice printed this morning"
    assert [p.name for p in tmp_path.iterdir()] == ["n.pdf"]


def test_a_folder_that_does_not_exist_fails_clearly_and_leaves_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        notice_pdf(tmp_path / "no-such-folder" / "n.pdf", lunch(), cjk_font())
    assert list(tmp_path.iterdir()) == []


def test_a_file_where_the_folder_should_be_fails_clearly_and_leaves_nothing(tmp_path):
    (tmp_path / "notes").write_text("a file")
    with pytest.raises(NotADirectoryError):
        notice_pdf(tmp_path / "notes" / "n.pdf", lunch(), cjk_font())
    assert [p.name for p in tmp_path.iterdir()] == ["notes"]


def test_a_folder_as_the_target_fails_and_leaves_no_partial_file(tmp_path):
    (tmp_path / "n.pdf").mkdir()
    with pytest.raises(OSError):
        notice_pdf(tmp_path / "n.pdf", lunch(), cjk_font())
    assert [p.name for p in tmp_path.iterdir()] == ["n.pdf"]
    assert list((tmp_path / "n.pdf").iterdir()) == []
