"""What the waiting room hears when a visitor is called: "请 A012 号到 2 号理财室" in
Mandarin, and, where the branch wants it, the same in English after it.

These words are spoken in a fixed language whatever language the screens use (the
waiting room is addressed in Mandarin first), so they are not translated through Qt.
The Mandarin words come in characters (for engines with a Chinese voice, such as
Windows' SAPI) and in tone-numbered pinyin (for espeak-ng, whose Mandarin voice reads
pinyin reliably); numbers are spelled out as they are said: the ticket digit by digit
("零一二"), the room as a number ("二号", "十二号").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True)
class Utterance:
    """One sentence to say: its language ("zh" or "en"), its words and, for Mandarin,
    the same words in tone-numbered pinyin."""

    language: str
    text: str
    pinyin: str = ""


def display_text(ticket: str, desk: str) -> str:
    """The call as written: ``请 A012 号到 2 号理财室``."""
    room = f"{desk} 号" if desk.isdigit() else desk
    return f"请 {ticket} 号到 {room}理财室"


def call_utterances(ticket: str, desk: str, english: bool = False) -> tuple[Utterance, ...]:
    """What is said for a call or a recall of *ticket* to *desk*: Mandarin, then English
    when *english*."""
    spoken_ticket = "".join(DIGITS[int(ch)] if ch.isdigit() else ch for ch in ticket.upper())
    room = f"{_number_words(desk)}号" if desk.isdigit() else desk
    mandarin = f"请{spoken_ticket}号，到{room}理财室"
    said = [Utterance("zh", mandarin, _pinyin(mandarin))]
    if english:
        letters = " ".join(ticket.upper())
        room = f"room {desk}" if desk else "the wealth management room"
        said.append(Utterance("en", f"Number {letters}, please go to {room}."))
    return tuple(said)


def _number_words(text: str) -> str:
    """A desk's number as said in Mandarin (二, 十二, 二十); a long one digit by digit."""
    if not (text.isdigit() and text.isascii()):
        return text
    number = int(text)
    if number < 10:
        return DIGITS[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")
    return "".join(DIGITS[int(ch)] for ch in text)


@lru_cache(maxsize=256)
def _pinyin(text: str) -> str:
    """*text* in tone-numbered pinyin (``qing3 A ling2 …``); other characters as they are."""
    from pypinyin import Style, lazy_pinyin

    words = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True)
    return " ".join(w.strip() for w in words if w.strip()).replace(" ，", ",")
