"""Door notice rules (domain/notice.py): each refusal with its message, and the words."""

from __future__ import annotations

import datetime as dt

import pytest

from wealthdesk.domain.errors import ValidationError
from wealthdesk.domain.notice import (
    ClosedReason,
    NoticeDraft,
    NoticeKind,
    notice_problems,
    notice_text,
    require_valid,
    tel_uri,
    time_of,
)
from wealthdesk.domain.settings import SPECS, setting_problem

NOON, TWO = dt.time(12, 0), dt.time(14, 0)


def lunch(**changes) -> NoticeDraft:
    return NoticeDraft(NoticeKind.LUNCH, **{"start": NOON, "until": TWO, **changes})


def problems(draft: NoticeDraft) -> dict[str, str]:
    return {p.field: p.render() for p in notice_problems(draft)}


# ---------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("25:00", "There is no such time: 25:00."),
        ("12:60", "There is no such time: 12:60."),
        ("1400", "A time is written HH:MM, like 14:00."),
        ("2 pm", "A time is written HH:MM, like 14:00."),
        ("9:30", "A time is written HH:MM, like 14:00."),
    ],
)
def test_a_time_that_is_not_hh_mm_is_refused_naming_its_field(typed, says):
    with pytest.raises(ValidationError) as refused:
        time_of(typed, "back")
    assert [(p.field, p.render()) for p in refused.value.problems] == [("back", says)]


def test_a_time_left_empty_is_none_and_a_good_one_is_read():
    assert time_of("  ", "back") is None
    assert time_of(" 09:30 ", "back") == dt.time(9, 30)


def test_a_lunch_notice_needs_the_time_the_desk_opens_again():
    assert problems(NoticeDraft(NoticeKind.LUNCH, start=NOON)) == {
        "until": "Give the time the desk opens again."
    }
    assert problems(NoticeDraft(NoticeKind.LUNCH, until=TWO)) == {}


@pytest.mark.parametrize("until", [dt.time(11, 30), NOON, dt.time(12, 0, 40)])
def test_the_end_of_the_lunch_break_must_be_later_than_its_start(until):
    assert problems(lunch(until=until)) == {
        "until": f"The end of the break ({until:%H:%M}) must be later than its start (12:00)."
    }


def test_a_good_lunch_notice_has_no_problems_and_passes_require_valid():
    assert notice_problems(lunch()) == []
    require_valid(lunch())


# ---------------------------------------------------------------- closed


def test_every_closed_category_is_a_notice_without_a_reason_in_words():
    for because in ClosedReason:
        assert problems(NoticeDraft(NoticeKind.CLOSED, closed_reason=because, reason="  ")) == {}
    assert problems(NoticeDraft(NoticeKind.CLOSED, reason="系统升级")) == {}


def test_closed_alone_says_the_desk_is_done_for_today_and_sends_clients_to_the_counter():
    text = notice_text(NoticeDraft(NoticeKind.CLOSED, english=True))
    assert (text.headline.chinese, text.headline.english) == ("暂停服务", "Closed")
    assert [(line.chinese, line.english) for line in text.body] == [
        ("理财经理今日已下班", "The wealth manager has finished for today"),
        ("理财客户请到理财专柜办理业务", "Wealth clients, please go to the wealth counter"),
        ("给您带来不便，敬请谅解", "We apologise for the inconvenience"),
    ]
    # With a time to come back it is not the end of the day.
    back = notice_text(NoticeDraft(NoticeKind.CLOSED, back=dt.time(15, 30)))
    assert [line.chinese for line in back.body] == ["预计 15:30 恢复服务", "给您带来不便，敬请谅解"]


def test_a_closed_notice_s_reason_is_one_short_line():
    assert problems(NoticeDraft(NoticeKind.CLOSED, reason="系" * 21)) == {
        "reason": "This text is longer than 20 characters."
    }
    assert problems(NoticeDraft(NoticeKind.CLOSED, reason="系" * 20)) == {}
    assert problems(NoticeDraft(NoticeKind.CLOSED, reason="系统\n升级")) == {
        "reason": "This text must fit on one line."
    }


def test_the_reason_of_another_kind_of_notice_is_not_its_concern():
    assert problems(lunch(reason="x" * 100)) == {}


# ---------------------------------------------------------------- free text


def test_a_free_text_notice_needs_text():
    assert problems(NoticeDraft(NoticeKind.TEXT, text=" \n \n")) == {
        "text": "Write the text of the notice."
    }


def test_a_free_text_notice_holds_at_most_five_lines_of_twenty_characters():
    six = "\n".join("第一二三四五六"[: i + 1] for i in range(6))
    assert problems(NoticeDraft(NoticeKind.TEXT, text=six)) == {
        "text": "A notice holds at most 5 lines of text (this has 6)."
    }
    long_second = "理财室搬迁\n" + "请" * 21
    assert problems(NoticeDraft(NoticeKind.TEXT, text=long_second)) == {
        "text": "Line 2 is longer than 20 characters; break it into shorter lines so that "
        "it stays readable from afar."
    }
    blank_lines_do_not_count = "\n\n".join(["一", "二", "三", "四", "五"]) + "\n\n"
    assert problems(NoticeDraft(NoticeKind.TEXT, text=blank_lines_do_not_count)) == {}


# ---------------------------------------------------------------- phone, names, QR


@pytest.mark.parametrize("phone", ["0571-88886666", "0571-88888888-123", "13812345678", ""])
def test_a_desk_phone_may_be_a_landline_with_extension_or_a_mobile(phone):
    assert problems(NoticeDraft(NoticeKind.AWAY, phone=phone)) == {}


@pytest.mark.parametrize("phone", ["12345", "8888666", "0571-888"])
def test_a_phone_that_is_neither_is_refused(phone):
    assert problems(NoticeDraft(NoticeKind.AWAY, phone=phone)) == {
        "phone": "A desk phone is a mobile number or a landline with its area code, "
        "like 0571-88888888 or 0571-88888888-123."
    }


def test_the_manager_must_be_a_name_and_the_branch_a_short_line():
    found = problems(lunch(manager="王芳123", branch="支" * 41))
    assert set(found) == {"manager", "branch"}
    assert found["branch"] == "This text is longer than 40 characters."
    assert problems(lunch(manager="欧阳娜娜", branch="西湖支行")) == {}


def test_a_qr_code_needs_a_phone_or_a_link():
    assert problems(lunch(qr=True)) == {
        "qr": "A QR code needs the desk phone or a link for the QR code on door notices "
        "in Settings."
    }
    assert problems(lunch(qr=True, phone="0571-88886666")) == {}
    assert problems(lunch(qr=True, qr_link="https://www.example.com/booking")) == {}


@pytest.mark.parametrize(
    "link", ["www.example.com", "ftp://a.cn/x", "https://a b.cn", "https://中国.cn"]
)
def test_a_qr_link_must_be_a_web_link(link):
    assert problems(lunch(qr=True, phone="0571-88886666", qr_link=link)) == {
        "qr_link": "A link starts with https:// or http://, like "
        "https://www.example.com/booking, and has no spaces or Chinese characters."
    }


def test_a_link_that_is_not_printed_is_not_checked():
    assert problems(lunch(qr=False, qr_link="not a link")) == {}


def test_every_problem_is_reported_at_once():
    draft = NoticeDraft(NoticeKind.LUNCH, start=TWO, until=NOON, phone="1", qr=True)
    assert set(problems(draft)) == {"until", "phone"}
    with pytest.raises(ValidationError) as refused:
        require_valid(draft)
    assert len(refused.value.problems) == 2


def test_the_notice_settings_exist_with_their_defaults_and_the_link_is_checked():
    assert SPECS["notice_link"].default == ""
    assert SPECS["notice_english"].default is False
    assert SPECS["notice_qr"].default is False
    assert SPECS["notice_portrait"].default is False
    assert setting_problem("notice_link", "") is None
    assert setting_problem("notice_link", "https://www.example.com/a?b=1") is None
    assert "starts with https://" in setting_problem("notice_link", "example").render()


# ---------------------------------------------------------------- what the notice says


def words(draft: NoticeDraft) -> list[str]:
    return list(notice_text(draft).all_text())


def test_the_lunch_notice_says_where_to_go_and_when_the_desk_opens_with_the_real_times():
    draft = lunch(start=dt.time(11, 30), until=dt.time(13, 30), branch="西湖支行", manager="王芳")
    text = notice_text(draft)
    assert text.headline.chinese == "中午休息"
    assert [line.chinese for line in text.body] == [
        "午休时间 11:30–13:30",
        "理财客户请到理财专柜办理业务",
        "13:30 营业",
    ]
    assert [line.strong for line in text.body] == [False, False, True]
    assert text.header.chinese == "西湖支行　理财室"
    assert text.footer == "理财经理　王芳"
    assert not any(line.english for line in text.lines())


def test_the_english_line_comes_only_when_asked_for():
    text = notice_text(lunch(english=True))
    assert text.headline.english == "Lunch Break"
    assert [line.english for line in text.body] == [
        "Lunch break 12:00–14:00",
        "Wealth clients, please go to the wealth counter",
        "Open again at 14:00",
    ]
    assert text.header.english == "Wealth Management"


def test_the_away_notice_gives_the_phone_and_the_expected_return():
    text = notice_text(
        NoticeDraft(
            NoticeKind.AWAY, back=dt.time(15, 30), phone="０５７１－８８８８６６６６", english=True
        )
    )
    assert text.headline.chinese == "本人有事暂时离开"
    assert text.headline.parts == ("本人有事", "暂时离开")
    assert [(line.chinese, line.english) for line in text.body] == [
        ("请稍候或致电 0571-88886666", "Please wait or call 0571-88886666"),
        ("预计 15:30 回来", "Back at about 15:30"),
    ]


def test_an_away_notice_without_a_phone_or_return_time_asks_to_wait():
    text = notice_text(NoticeDraft(NoticeKind.AWAY))
    assert [line.chinese for line in text.body] == ["请稍候"]


@pytest.mark.parametrize(
    ("because", "reason", "says"),
    [
        (ClosedReason.TRAINING, "", ["理财经理参加培训"]),
        (ClosedReason.MEETING, "季度经营分析会", ["理财经理参加会议", "季度经营分析会"]),
        (ClosedReason.CLOSED, "系统 升级", ["原因：系统 升级"]),
    ],
)
def test_the_closed_notice_says_why_when_it_is_back_and_apologises(because, reason, says):
    draft = NoticeDraft(
        NoticeKind.CLOSED, closed_reason=because, reason=reason, back=dt.time(16, 0)
    )
    text = notice_text(draft)
    assert text.headline.chinese == "暂停服务"
    assert [line.chinese for line in text.body] == [
        *says,
        "预计 16:00 恢复服务",
        "给您带来不便，敬请谅解",
    ]


def test_a_free_text_notice_prints_the_manager_s_lines_and_no_english():
    text = notice_text(
        NoticeDraft(NoticeKind.TEXT, text=" 理财室搬迁 \n\n请到二楼 203 室\n", english=True)
    )
    assert text.headline.chinese == "理财室搬迁"
    assert [(line.chinese, line.english) for line in text.body] == [("请到二楼 203 室", "")]


def test_the_qr_code_dials_the_desk_phone_or_opens_the_link():
    by_phone = notice_text(lunch(qr=True, phone="0571-88886666"))
    assert by_phone.qr_value == "tel:057188886666"
    assert by_phone.qr_caption.chinese == "扫码致电"
    by_link = notice_text(lunch(qr=True, phone="0571-88886666", qr_link=" https://a.cn/b "))
    assert by_link.qr_value == "https://a.cn/b"
    assert notice_text(lunch(phone="0571-88886666")).qr_value == ""


@pytest.mark.parametrize(
    ("phone", "uri"),
    [
        ("0571-88886666", "tel:057188886666"),
        ("0571-88888888-123", "tel:057188888888,123"),
        ("0571-88888888转123", "tel:057188888888,123"),
        ("+86 138 1234 5678", "tel:13812345678"),
        ("１３８１２３４５６７８", "tel:13812345678"),
    ],
)
def test_the_tel_uri_holds_only_digits_and_an_extension_after_a_pause(phone, uri):
    assert tel_uri(phone) == uri


def test_a_notice_has_no_field_for_a_client():
    fields = set(NoticeDraft.__dataclass_fields__)
    assert not {f for f in fields if any(w in f for w in ("client", "mobile", "id_number"))}
    every_word = " ".join(words(lunch(manager="王芳", branch="西湖支行", english=True)))
    assert "*" not in every_word  # nothing masked, because there is nobody to mask


def test_closed_reasons_are_understood_in_chinese_and_english():
    assert ClosedReason.parse("培训") is ClosedReason.TRAINING
    assert ClosedReason.parse("In a meeting") is ClosedReason.MEETING
    assert ClosedReason.parse("会议") is ClosedReason.MEETING
    assert ClosedReason.parse("系统升级") is None
