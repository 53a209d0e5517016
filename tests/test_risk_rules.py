"""The risk profile's rules: score bands, scoring, the questionnaire file, validity."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wealthdesk.domain.errors import ValidationError
from wealthdesk.domain.risk import (
    REQUIRED_CONTENT,
    AssessmentState,
    RiskLevel,
    RiskModule,
    answers_for_score,
    assess,
    assessment_state,
    level_for_score,
    parse_questionnaire,
    points_so_far,
    score,
    valid_until,
)
from wealthdesk.services.risk import load_questionnaire

DEFAULT = Path(__file__).resolve().parent.parent / "resources" / "questionnaires"
DEFAULT_FILE = DEFAULT / "risk_default.json"


@pytest.fixture(scope="module")
def raw() -> dict:
    return json.loads(DEFAULT_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def form():
    return load_questionnaire(DEFAULT_FILE)


# ---------------------------------------------------------------- bands


@pytest.mark.parametrize(
    ("points", "level"),
    [
        (0, RiskLevel.C1),
        (20, RiskLevel.C1),
        (21, RiskLevel.C2),
        (45, RiskLevel.C2),
        (46, RiskLevel.C3),
        (70, RiskLevel.C3),
        (71, RiskLevel.C4),
        (85, RiskLevel.C4),
        (86, RiskLevel.C5),
        (100, RiskLevel.C5),
    ],
)
def test_score_band_edges(points, level):
    assert level_for_score(points) is level


@pytest.mark.parametrize("points", [-1, 101])
def test_a_score_outside_0_to_100_is_refused(points):
    with pytest.raises(ValueError):
        level_for_score(points)


def test_levels_carry_the_banks_words_and_their_bands():
    assert [lv.chinese for lv in RiskLevel] == ["保守型", "稳健型", "平衡型", "成长型", "进取型"]
    assert [lv.code for lv in RiskLevel] == ["C1", "C2", "C3", "C4", "C5"]
    assert [lv.band for lv in RiskLevel] == [(0, 20), (21, 45), (46, 70), (71, 85), (86, 100)]


@given(st.integers(0, 100))
def test_every_score_falls_in_its_levels_band(points):
    low, high = level_for_score(points).band
    assert low <= points <= high


# ---------------------------------------------------------------- the default file


def test_default_questionnaire_covers_age_liquidity_and_risk_knowledge_in_100_points(form):
    """Issue 19: the shipped form covers all the required content, age, liquidity needs
    and risk knowledge included."""
    assert len(form.questions) == 14
    assert [m.id for m in form.modules] == ["basic", *RiskModule]
    covered = {c for q in form.questions for c in q.covers}
    assert covered == set(REQUIRED_CONTENT)
    assert [m.title.zh for m in form.modules] == [
        "基本情况",
        "财务状况",
        "投资经验",
        "投资风格",
        "投资目标",
        "风险承受能力",
    ]
    assert form.max_score == 100
    assert [q.number for q in form.questions] == list(range(1, 15))
    assert all(q.text.zh and q.text.en for q in form.questions)
    assert all(o.text.zh and o.text.en for q in form.questions for o in q.options)
    assert form.key == "risk_default@2026.2"
    assert form.bands == (20, 45, 70, 85, 100)


def test_text_picks_english_for_an_english_ui_and_chinese_otherwise(form):
    q1 = form.questions[0]
    assert q1.text.pick("en") == q1.text.en
    assert q1.text.pick("zh_CN") == q1.text.zh


def test_lowest_and_highest_answers_score_0_and_100(form):
    lowest = {q.id: min(q.options, key=lambda o: o.points).id for q in form.questions}
    highest = {q.id: max(q.options, key=lambda o: o.points).id for q in form.questions}
    assert score(form, lowest) == 0
    assert score(form, highest) == 100
    assert level_for_score(score(form, lowest)) is RiskLevel.C1
    assert level_for_score(score(form, highest)) is RiskLevel.C5


@pytest.mark.parametrize("target", [20, 21, 45, 46, 70, 71, 85, 86])
def test_the_default_file_reaches_both_sides_of_every_band_edge(form, target):
    answers = answers_for_score(form, target)
    assert answers is not None
    assert score(form, answers) == target


# ---------------------------------------------------------------- scoring


def _all_first(form) -> dict[str, str]:
    return {q.id: q.options[0].id for q in form.questions}


def test_an_unanswered_question_is_named(form):
    answers = _all_first(form)
    del answers["q3"]
    with pytest.raises(ValidationError) as caught:
        score(form, answers)
    assert [p.field for p in caught.value.problems] == ["q3"]
    assert caught.value.render() == f"Question {form.question('q3').number} is not answered."


def test_a_question_answered_twice_is_named(form):
    pairs = [*_all_first(form).items(), ("q7", "b")]
    with pytest.raises(ValidationError) as caught:
        score(form, pairs)
    assert caught.value.render() == (
        f"Question {form.question('q7').number} is answered more than once."
    )


def test_unknown_questions_and_answers_are_named(form):
    answers = _all_first(form) | {"q99": "a", "q2": "z"}
    with pytest.raises(ValidationError) as caught:
        score(form, answers)
    rendered = caught.value.render()
    assert "There is no question q99." in rendered
    assert f"Question {form.question('q2').number} has no answer z." in rendered


def test_points_so_far_count_only_what_is_answered(form):
    assert points_so_far(form, {}) == 0
    assert points_so_far(form, {"q1": "e", "q2": "d"}) == 15
    assert points_so_far(form, {"q1": "e", "q2": "nonsense"}) == 10


# ---------------------------------------------------------------- validating a file


def _problems(data) -> str:
    with pytest.raises(ValidationError) as caught:
        parse_questionnaire(data)
    return caught.value.render()


def test_a_form_lacking_required_content_is_refused_naming_it(raw):
    """Issue 19: the loader refuses a form that lacks any content the rules require."""
    data = copy.deepcopy(raw)
    data["questions"] = [q for q in data["questions"] if q["id"] not in ("q12", "q13")]
    data["total"] = 90
    data["bands"][-1]["max"] = 90
    rendered = _problems(data)
    assert "No question covers what the rules require: liquidity, risk_knowledge" in rendered


def test_any_number_of_questions_and_modules_with_their_own_total_and_bands(raw):
    data = copy.deepcopy(raw)
    data["modules"].append({"id": "esg", "title": {"zh": "可持续投资偏好"}})
    data["questions"].append(
        {
            "id": "q15",
            "module": "esg",
            "text": "您是否关注ESG投资？",
            "options": [
                {"id": "a", "points": 0, "text": "否"},
                {"id": "b", "points": 20, "text": "是"},
            ],
        }
    )
    data["total"] = 120
    data["bands"] = [
        {"level": f"C{n}", "max": top} for n, top in enumerate((24, 54, 84, 102, 120), 1)
    ]
    form = parse_questionnaire(data)
    assert len(form.questions) == 15 and form.max_score == 120
    assert form.level_for(24) is RiskLevel.C1 and form.level_for(25) is RiskLevel.C2
    assert form.level_for(120) is RiskLevel.C5


def test_bands_must_give_five_rising_levels_ending_at_the_total(raw):
    data = copy.deepcopy(raw)
    data["bands"] = data["bands"][:4]
    assert "every level C1 to C5" in _problems(data)
    data = copy.deepcopy(raw)
    data["bands"][2]["max"] = 40
    assert "must rise from C1 to C5" in _problems(data)


def test_a_knock_out_answer_caps_the_level_whatever_the_points(form):
    """Issue 19: a client who says they accept no loss of principal ended at C3."""
    best = {q.id: max(q.options, key=lambda o: o.points).id for q in form.questions}
    assert assess(form, best).level is RiskLevel.C5
    best["q9"] = "a"  # 不能承受本金损失
    result = assess(form, best)
    assert result.band_level is RiskLevel.C5 and result.level is RiskLevel.C1
    assert [q.id for q, _ in result.knock_outs] == ["q9"]


def test_the_age_rules_cap_the_level_by_the_age_on_the_id(form):
    best = {q.id: max(q.options, key=lambda o: o.points).id for q in form.questions}
    today = dt.date(2026, 11, 27)
    assert assess(form, best, dt.date(2015, 6, 1), today).level is RiskLevel.C1  # 11
    assert assess(form, best, dt.date(1945, 1, 1), today).level is RiskLevel.C3  # 81
    assert assess(form, best, dt.date(1980, 1, 1), today).level is RiskLevel.C5
    assert assess(form, best, None, today).level is RiskLevel.C5


def test_a_duplicate_question_id_is_refused(raw):
    data = copy.deepcopy(raw)
    data["questions"][4]["id"] = "q1"
    assert "The question id q1 is used twice." in _problems(data)


def test_a_duplicate_answer_id_is_refused(raw):
    data = copy.deepcopy(raw)
    data["questions"][0]["options"][1]["id"] = "a"
    assert "Question q1 has the answer id a twice." in _problems(data)


def test_a_total_other_than_the_declared_one_is_refused(raw):
    data = copy.deepcopy(raw)
    data["questions"][0]["options"][-1]["points"] = 12
    assert "add up to 102 points; the form says 100" in _problems(data)


def test_a_question_of_no_listed_module_and_an_empty_module_are_refused(raw):
    data = copy.deepcopy(raw)
    data["questions"][0]["module"] = "luck"
    assert "Question q1 names no module of the questionnaire." in _problems(data)
    data = copy.deepcopy(raw)
    data["modules"].append({"id": "luck", "title": {"zh": "运气"}})
    assert "No question belongs to the module(s) luck." in _problems(data)


def test_negative_or_fractional_points_and_missing_texts_are_refused(raw):
    data = copy.deepcopy(raw)
    data["questions"][1]["options"][0]["points"] = -1
    data["questions"][2]["options"][0]["points"] = 1.5
    data["questions"][3]["text"] = {"en": "English only"}
    rendered = _problems(data)
    assert "Answer a of question q2 needs whole points, 0 or more." in rendered
    assert "Answer a of question q3 needs whole points, 0 or more." in rendered
    assert "Question q4 has no Chinese text." in rendered


def test_a_file_without_id_or_version_is_refused(raw):
    data = copy.deepcopy(raw)
    del data["version"]
    assert "needs an id and a version" in _problems(data)


def test_a_file_that_is_not_json_or_missing_says_so(tmp_path):
    broken = tmp_path / "bank.json"
    broken.write_text('{"id": "x",', encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_questionnaire(broken)
    assert "bank.json is not valid JSON (line 1" in caught.value.render()
    with pytest.raises(ValidationError) as caught:
        load_questionnaire(tmp_path / "absent.json")
    assert "absent.json cannot be read: there is no such file or folder" in caught.value.render()


def test_a_banks_own_file_with_chinese_only_loads(raw, tmp_path):
    data = copy.deepcopy(raw)
    data["id"], data["version"] = "icbc_like", "3"
    for question in data["questions"]:
        question["text"] = question["text"]["zh"]
        for option in question["options"]:
            option["text"] = option["text"]["zh"]
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    form = load_questionnaire(path)
    assert form.key == "icbc_like@3"
    assert form.questions[0].text.pick("en") == form.questions[0].text.zh


# ---------------------------------------------------------------- validity


@pytest.mark.parametrize(
    ("assessed", "until"),
    [
        (dt.date(2026, 11, 27), dt.date(2027, 11, 26)),
        (dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        (dt.date(2028, 2, 29), dt.date(2029, 2, 28)),  # no 29 Feb in 2029
        (dt.date(2027, 3, 1), dt.date(2028, 2, 29)),  # a leap year's last February day
        (dt.date(2027, 2, 28), dt.date(2028, 2, 27)),
    ],
)
def test_an_assessment_is_valid_for_one_year(assessed, until):
    assert valid_until(assessed) == until


def test_the_30_day_boundary_and_expiry():
    until = dt.date(2027, 3, 1)
    assert assessment_state(until, dt.date(2027, 1, 29)) is AssessmentState.VALID  # 31 days
    assert assessment_state(until, dt.date(2027, 1, 30)) is AssessmentState.EXPIRING  # 30
    assert assessment_state(until, until) is AssessmentState.EXPIRING
    assert assessment_state(until, dt.date(2027, 3, 2)) is AssessmentState.EXPIRED
    assert assessment_state(None, until) is AssessmentState.MISSING
    assert AssessmentState.EXPIRING.is_valid and AssessmentState.VALID.is_valid
    assert not AssessmentState.EXPIRED.is_valid and not AssessmentState.MISSING.is_valid


@given(st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)))
def test_an_assessment_is_valid_on_its_day_and_a_year_later_expired(day):
    until = valid_until(day)
    assert 364 <= (until - day).days <= 365
    assert assessment_state(until, day) is AssessmentState.VALID
    assert assessment_state(until, until + dt.timedelta(days=1)) is AssessmentState.EXPIRED
