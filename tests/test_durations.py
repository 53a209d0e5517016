"""Durations in words: one format wherever a duration is shown."""

from __future__ import annotations

import datetime as dt

from wealthdesk.domain.durations import duration_text, minutes_text


def test_an_hour_or_more_is_said_in_hours_and_two_digit_minutes():
    assert minutes_text(0) == "0 min"
    assert minutes_text(59) == "59 min"
    assert minutes_text(60) == "1 h 00 min"
    assert minutes_text(66) == "1 h 06 min"  # never "66 min"
    assert minutes_text(139) == "2 h 19 min"
    assert minutes_text(-5) == "0 min"


def test_a_time_span_is_said_in_whole_minutes_rounded_down_and_a_dash_when_unknown():
    assert duration_text(dt.timedelta(minutes=66, seconds=59)) == "1 h 06 min"
    assert duration_text(None) == "—"


def test_the_words_are_translated_in_the_domain_context():
    seen = []

    def translate(context: str, text: str) -> str:
        seen.append(context)
        return {"{h} h {m:02d} min": "{h} 小时 {m:02d} 分钟", "{m} min": "{m} 分钟"}[text]

    assert minutes_text(66, translate) == "1 小时 06 分钟"
    assert minutes_text(6, translate) == "6 分钟"
    assert set(seen) == {"domain"}
