"""Text never prints over text: every document the app makes (day, week and month
summaries, the agenda, the questionnaire, every kind of door notice), in both languages
and with the widest data it accepts, read back from the PDF word by word
(tests/pdf_layout.py): no two words overlap, no word crosses its column's edge or the
page's margin."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from day_close_day import DAY, DESK, make_day, make_wednesday
from pdf_layout import layout_problems
from worst_case import worst_day, worst_period

from wealthdesk.domain.notice import ClosedReason, NoticeDraft, NoticeKind, Orientation
from wealthdesk.domain.queue import Purpose
from wealthdesk.domain.risk import RiskLevel, answers_for_score, valid_until
from wealthdesk.reports.agenda import agenda_pdf
from wealthdesk.reports.day_close import day_close_pdf, period_close_pdf
from wealthdesk.reports.fonts import cjk_font
from wealthdesk.reports.notice import notice_pdf
from wealthdesk.reports.questionnaire import questionnaire_pdf
from wealthdesk.services import appointments, day_close, risk
from wealthdesk.services.risk import AssessmentInfo

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")
LANGUAGES = ("zh_CN", "en")


@pytest.fixture(params=LANGUAGES)
def translate(request, qapp):
    from PySide6.QtCore import QCoreApplication

    from wealthdesk import i18n

    i18n.install_language(request.param)
    yield QCoreApplication.translate
    i18n.install_language("zh_CN")


@pytest.fixture
def made(store, clock):
    day = make_day(clock)
    make_wednesday(clock, day)
    clock.set(dt.datetime(2026, 11, 30, 18, 0))
    return day


def assert_laid_out(path: Path, margin: float = 14.0) -> None:
    problems = layout_problems(path, margin)
    assert problems == [], f"{path.name}:\n" + "\n".join(problems[:20])


# ---------------------------------------------------------------- summaries


def test_the_day_close_prints_no_text_over_text(made, translate, tmp_path):
    summary = day_close.summary(DAY, DESK)
    assert_laid_out(day_close_pdf(tmp_path / "day.pdf", summary, cjk_font(), translate))
    widest = worst_day(summary)
    assert_laid_out(day_close_pdf(tmp_path / "worst.pdf", widest, cjk_font(), translate))


@pytest.mark.parametrize("period", ["week", "month"])
def test_the_week_and_month_summaries_print_no_text_over_text(made, translate, tmp_path, period):
    first, last = (day_close.week_of if period == "week" else day_close.month_of)(DAY)
    summary = day_close.period_summary(first, last, DESK)
    font = cjk_font()
    assert_laid_out(period_close_pdf(tmp_path / "p.pdf", summary, font, translate))
    widest = worst_period(summary)
    assert_laid_out(period_close_pdf(tmp_path / "worst.pdf", widest, font, translate))


# ---------------------------------------------------------------- agenda, questionnaire


def test_the_agenda_prints_no_text_over_text(made, translate, tmp_path):
    booked = appointments.day(DAY)
    assert booked
    widest = [
        dataclasses.replace(
            a,
            masked_name="欧阳**",
            purposes=tuple(Purpose),
            team=("欧阳娜娜", "司马相如", "Alexandria Montgomery-Smith"),
        )
        for a in booked
    ]
    for name, rows in (("agenda", booked), ("worst", widest)):
        path = agenda_pdf(
            tmp_path / f"{name}.pdf",
            DAY,
            rows,
            cjk_font(),
            "中国工商银行股份有限公司杭州城东支行营业部理财室",
            "欧阳娜娜",
            translate=translate,
        )
        assert_laid_out(path)


@pytest.mark.parametrize("english", [False, True])
def test_the_questionnaire_prints_no_text_over_text(store, translate, tmp_path, english):
    form = risk.questionnaire()
    on = dt.date(2026, 11, 27)
    assessment = AssessmentInfo(
        id=1,
        client_id=1,
        assessed_on=on,
        valid_until=valid_until(on),
        questionnaire=form.key,
        answers=answers_for_score(form, 88),
        score=88,
        level=RiskLevel.C5,
        actor="王经理",
        created_at=dt.datetime(2026, 11, 27, 10, 0).astimezone(),
    )
    for name, filled in (("blank", None), ("filled", assessment)):
        path = questionnaire_pdf(
            tmp_path / f"{name}.pdf",
            form,
            cjk_font(),
            filled,
            "欧阳娜娜",
            "中国工商银行股份有限公司杭州城东支行营业部理财室",
            "欧阳娜娜",
            english=english,
            translate=translate,
        )
        assert_laid_out(path, margin=10.0)


# ---------------------------------------------------------------- door notices


def notices_of_every_kind() -> list[tuple[str, NoticeDraft]]:
    base = NoticeDraft(
        kind=NoticeKind.LUNCH,
        branch="中国工商银行股份有限公司杭州城东支行营业部",
        manager="欧阳娜娜",
        phone="0571-88886666 转 8808",
        start=dt.time(11, 30),
        until=dt.time(14, 0),
        qr_link="https://www.example.com/branch/hangzhou/chengdong/appointments",
    )
    drafts = [
        ("lunch", base),
        ("away", dataclasses.replace(base, kind=NoticeKind.AWAY, back=dt.time(15, 30))),
        ("closed", dataclasses.replace(base, kind=NoticeKind.CLOSED)),
        (
            "training",
            dataclasses.replace(
                base,
                kind=NoticeKind.CLOSED,
                closed_reason=ClosedReason.TRAINING,
                back=dt.time(16, 0),
            ),
        ),
        (
            "meeting",
            dataclasses.replace(base, kind=NoticeKind.CLOSED, closed_reason=ClosedReason.MEETING),
        ),
        (
            "reason",
            dataclasses.replace(
                base, kind=NoticeKind.CLOSED, reason="参加分行组织的季度业务培训及合规考试"
            ),
        ),
        (
            "text",
            dataclasses.replace(
                base,
                kind=NoticeKind.TEXT,
                text="今日系统升级，理财业务暂停办理，敬请谅解\n请到一楼大厅理财专柜办理\n谢谢",
            ),
        ),
    ]
    out = []
    for name, draft in drafts:
        for english in (False, True):
            for qr in (False, True):
                for orientation in Orientation:
                    changed = dataclasses.replace(
                        draft, english=english, qr=qr, orientation=orientation
                    )
                    out.append((f"{name}-{english}-{qr}-{orientation.value}", changed))
    return out


def test_every_door_notice_prints_no_text_over_text(tmp_path):
    font = cjk_font()
    problems = []
    for name, draft in notices_of_every_kind():
        path = notice_pdf(tmp_path / f"{name}.pdf", draft, font)
        problems += [f"{name}: {p}" for p in layout_problems(path, margin=14.0)]
    assert problems == [], "\n".join(problems[:30])
