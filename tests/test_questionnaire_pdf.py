"""The risk questionnaire PDF (reports/questionnaire.py), read back with a PDF reader."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from wealthdesk.domain.risk import RiskLevel, answers_for_score, valid_until
from wealthdesk.reports.fonts import FontError, cjk_font
from wealthdesk.reports.questionnaire import questionnaire_pdf
from wealthdesk.services import risk
from wealthdesk.services.risk import AssessmentInfo

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")
MOBILE = re.compile(r"1[3-9]\d{9}")
RESIDENT_ID = re.compile(r"\d{17}[\dXx]")


@pytest.fixture(scope="module")
def form():
    return risk.questionnaire()


def _assessment(form, points: int) -> AssessmentInfo:
    on = dt.date(2026, 11, 27)
    return AssessmentInfo(
        id=1,
        client_id=1,
        assessed_on=on,
        valid_until=valid_until(on),
        questionnaire=form.key,
        answers=answers_for_score(form, points),
        score=points,
        level=RiskLevel.C3,
        actor="王经理",
        created_at=dt.datetime(2026, 11, 27, 10, 0).astimezone(),
    )


def _lines(path: Path) -> list[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return [line.strip() for line in text.splitlines() if line.strip()]


def _fonts(path: Path) -> list[dict]:
    found = []
    for page in PdfReader(path).pages:
        for ref in page["/Resources"]["/Font"].values():
            found.append(ref.get_object())
    return found


def test_the_blank_questionnaire_has_every_question_and_answer_to_tick(form, tmp_path):
    path = questionnaire_pdf(tmp_path / "blank.pdf", form, cjk_font(), branch="西湖支行")
    lines = _lines(path)
    text = "\n".join(lines)
    assert "个人客户风险承受能力评估问卷" in text
    for number, question in enumerate(form.questions, start=1):
        assert f"{number}. {question.text.zh}" in text
        for letter, option in zip("ABCDE", question.options, strict=False):
            assert f"{letter}. {option.text.zh}" in lines
    modules = ("一、基本情况", "二、财务状况", "三、投资经验", "四、投资风格", "五、投资目标")
    modules += ("六、风险承受能力",)
    assert all(module in lines for module in modules)
    assert not [line for line in lines if line.endswith(" points")]  # nothing ticked
    assert "Client's signature：" in text and "Relationship manager's signature：" in text
    assert "Client：________________" in text
    assert all(f"{lv.code} {lv.chinese}" in lines for lv in RiskLevel)
    assert "西湖支行" in text


def test_the_filled_questionnaire_ticks_the_answers_and_gives_the_result(form, tmp_path):
    assessment = _assessment(form, 58)
    path = questionnaire_pdf(
        tmp_path / "filled.pdf", form, cjk_font(), assessment, client_name="欧阳娜娜"
    )
    lines = _lines(path)
    for question in form.questions:
        chosen = assessment.answers[question.id]
        index = [o.id for o in question.options].index(chosen)
        option = question.options[index]
        at = lines.index(f"{'ABCDE'[index]}. {option.text.zh}")
        # The chosen answer's points are printed beside it, and no other answer's.
        assert lines[at + 1] == f"{option.points} points", question.id
    assert sum(1 for line in lines if line.endswith(" points")) == len(form.questions)
    text = "\n".join(lines)
    assert "Client：欧阳**" in text
    assert "58" in lines and "C3 平衡型" in lines
    assert "2026-11-27" in lines and "2027-11-26" in lines


def test_no_identifier_is_printed_in_full(form, tmp_path):
    path = questionnaire_pdf(
        tmp_path / "filled.pdf",
        form,
        cjk_font(),
        _assessment(form, 58),
        client_name="张伟国",
        branch="西湖支行",
        manager="王经理",
    )
    text = "\n".join(_lines(path))
    assert "张伟国" not in text and "张**" in text
    assert not MOBILE.search(text.replace(" ", ""))
    assert not RESIDENT_ID.search(text.replace(" ", ""))


def test_fonts_are_embedded_truetype_and_nothing_else(form, tmp_path):
    path = questionnaire_pdf(
        tmp_path / "filled.pdf", form, cjk_font(), _assessment(form, 58), english=True
    )
    fonts = _fonts(path)
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType", font.get("/BaseFont")
        assert "/FontFile2" in font["/FontDescriptor"]


def test_english_adds_the_translation_under_each_question(form, tmp_path):
    path = questionnaire_pdf(tmp_path / "en.pdf", form, cjk_font(), english=True)
    text = " ".join(_lines(path))
    assert "Personal client risk tolerance questionnaire" in text
    assert form.questions[0].text.en in text
    assert "Conservative" in text and "Aggressive" in text


def test_a_character_the_font_lacks_stops_it_before_a_file_exists(form, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(FontError):
        questionnaire_pdf(out / "q.pdf", form, cjk_font(), branch="西湖支行😀")
    assert list(out.iterdir()) == []


def test_a_folder_that_cannot_be_written_fails_and_leaves_nothing(form, tmp_path):
    with pytest.raises(OSError):
        questionnaire_pdf(tmp_path / "missing" / "q.pdf", form, cjk_font())
    assert not (tmp_path / "missing").exists()


def test_the_large_print_version_has_the_same_questions_in_bigger_type(form, tmp_path):
    regular = questionnaire_pdf(tmp_path / "regular.pdf", form, cjk_font())
    large = questionnaire_pdf(tmp_path / "large.pdf", form, cjk_font(), large_print=True)
    assert len(PdfReader(large).pages) > len(PdfReader(regular).pages)
    questions = [q.text.zh for q in form.questions]
    text = "".join(_lines(large))
    assert all(q.replace(" ", "") in text.replace(" ", "") for q in questions)
    # The questions are set in 14 pt or more (9.5 pt in the regular version).
    content = PdfReader(large).pages[0].get_contents().get_data()
    sizes = {float(size) for size in re.findall(rb"([\d.]+) Tf", content)}
    assert max(sizes) >= 14
