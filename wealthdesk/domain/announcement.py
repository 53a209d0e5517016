"""What the waiting room hears when a visitor is called: "请 A012 号到 2 号理财室" in
Mandarin, and, where the branch wants it, the same in English after it.

These words are spoken in a fixed language whatever language the screens use (the
waiting room is addressed in Mandarin first), so they are not translated through Qt.
The Mandarin words come in characters (for engines with a Chinese voice, such as
Windows' SAPI) and in tone-numbered pinyin (for espeak-ng, whose Mandarin voice reads
pinyin reliably); numbers are spelled out as they are said: the ticket digit by digit
("零一二"), the room as a number ("二号", "十二号").

A desk need not be numbered. Its name is said as a sign in the branch would read:
a number or a short code (``2``, ``A``, ``A2``) is a room number, "2 号理财室", "A 号理财室";
a word (``VIP``, ``贵宾``) names the room, "VIP 理财室", "贵宾理财室"; a name that is
already a room (``贵宾室``, ``财富中心``…) is said as it is, with no "理财室" added.
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


ROOM = "理财室"
# A desk named so is a room already: nothing is added after it.
ROOM_ENDINGS = ("室", "厅", "区", "中心", "窗口", "柜台", "专柜")


def _kind(desk: str) -> str:
    """How a desk's name is said: "number" (2, A, A2: "… 号理财室"), "room" (a name that
    is a room already: as it is), or "word" (VIP, 贵宾: "… 理财室")."""
    if desk.endswith(ROOM_ENDINGS):
        return "room"
    code = desk.isascii() and desk.isalnum()
    if code and (any(ch.isdigit() for ch in desk) or len(desk) == 1):
        return "number"
    return "word"


def _spaced(text: str) -> str:
    """*text* with a space on each side where it is Latin letters or digits, as Chinese
    writing sets them off (``VIP`` → `` VIP ``), nothing around Chinese words."""
    return f" {text} " if text[-1:].isascii() else text


def room_text(desk: str) -> str:
    """Where the visitor goes, as written: ``2 号理财室``, ``VIP 理财室``, ``贵宾室``."""
    desk = desk.strip()
    if not desk:
        return ROOM
    kind = _kind(desk)
    if kind == "room":
        return desk
    if kind == "number":
        return f"{desk} 号{ROOM}"
    return f"{_spaced(desk).lstrip()}{ROOM}"


def display_text(ticket: str, desk: str) -> str:
    """The call as written: ``请 A012 号到 2 号理财室``, ``请 A012 号到 VIP 理财室``."""
    room = room_text(desk)
    return f"请 {ticket} 号到{' ' if room[:1].isascii() else ''}{room}"


def call_utterances(ticket: str, desk: str, english: bool = False) -> tuple[Utterance, ...]:
    """What is said for a call or a recall of *ticket* to *desk*: Mandarin, then English
    when *english*."""
    spoken_ticket = "".join(DIGITS[int(ch)] if ch.isdigit() else ch for ch in ticket.upper())
    mandarin = f"请{spoken_ticket}号，到{_spoken_room(desk.strip())}"
    said = [Utterance("zh", mandarin, _pinyin(mandarin))]
    if english:
        letters = " ".join(ticket.upper())
        said.append(Utterance("en", f"Number {letters}, please go to {_english_room(desk)}."))
    return tuple(said)


def _spoken_room(desk: str) -> str:
    if not desk:
        return ROOM
    kind = _kind(desk)
    if kind == "room":
        return desk
    if kind == "number":
        if desk.isdigit():
            return f"{_number_words(desk)}号{ROOM}"
        # A code: its letters, and its digits one by one as the ticket's ("A二号").
        return "".join(DIGITS[int(ch)] if ch.isdigit() else ch for ch in desk.upper()) + "号" + ROOM
    return desk + ROOM


def _english_room(desk: str) -> str:
    """``room 12``, ``room A2``, ``the VIP room``; a room named in Chinese is not read by an
    English voice: the wealth management room, after the Mandarin has named it."""
    desk = desk.strip()
    if not desk or not desk.isascii():
        return "the wealth management room"
    if _kind(desk) == "number":
        return f"room {desk.upper()}"
    return f"the {desk} room"


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
