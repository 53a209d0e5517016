"""Pinyin of client names for search: full (``zhangwei``) and initials (``zw``).

Surnames are read as surnames: 单 is shan, 曾 zeng, 解 xie, 尉迟 yuchi, even where the
same character reads otherwise in ordinary words. pypinyin is imported on first use so
that start-up does not pay for its dictionaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

COMPOUND_SURNAMES: dict[str, tuple[str, ...]] = {
    "欧阳": ("ou", "yang"),
    "司马": ("si", "ma"),
    "诸葛": ("zhu", "ge"),
    "上官": ("shang", "guan"),
    "尉迟": ("yu", "chi"),
    "令狐": ("ling", "hu"),
    "皇甫": ("huang", "fu"),
    "慕容": ("mu", "rong"),
    "司徒": ("si", "tu"),
    "司空": ("si", "kong"),
    "东方": ("dong", "fang"),
    "夏侯": ("xia", "hou"),
    "长孙": ("zhang", "sun"),
    "宇文": ("yu", "wen"),
    "公孙": ("gong", "sun"),
    "澹台": ("tan", "tai"),
    "端木": ("duan", "mu"),
    "轩辕": ("xuan", "yuan"),
    "独孤": ("du", "gu"),
    "南宫": ("nan", "gong"),
    "万俟": ("mo", "qi"),
    "呼延": ("hu", "yan"),
    "闻人": ("wen", "ren"),
    "申屠": ("shen", "tu"),
    "西门": ("xi", "men"),
    "单于": ("chan", "yu"),
    "钟离": ("zhong", "li"),
    "赫连": ("he", "lian"),
    "淳于": ("chun", "yu"),
    "太史": ("tai", "shi"),
    "公冶": ("gong", "ye"),
}

# Single-character surnames whose reading as a surname differs from the common one.
SURNAME_READINGS: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "查": "zha",
    "朴": "piao",
    "盖": "ge",
    "覃": "qin",
    "翟": "zhai",
    "乐": "yue",
    "缪": "miao",
    "秘": "bi",
    "种": "chong",
    "繁": "po",
    "黑": "he",
    "华": "hua",
    "柏": "bai",
    "过": "guo",
    "宓": "mi",
    "逄": "pang",
    "召": "shao",
    "员": "yun",
    "贲": "ben",
    "祭": "zhai",
    "莘": "shen",
    "能": "nai",
    "折": "she",
    "曲": "qu",
    "藏": "zang",
    "句": "gou",
    "长": "chang",
    "重": "chong",
    "沈": "shen",
    "尉": "wei",
    "隗": "wei",
    "燕": "yan",
    "纪": "ji",
    "任": "ren",
    "哈": "ha",
    "翁": "weng",
    "褚": "chu",
    "薄": "bo",
    "都": "du",
    "谌": "chen",
    "洗": "xian",
    "冼": "xian",
    "阚": "kan",
    "蕃": "pi",
    "卜": "bu",
    "郇": "xun",
    "颉": "xie",
    "靓": "jing",
    "眭": "sui",
    "訾": "zi",
    "乜": "nie",
    "粘": "nian",
}

# Chinese characters as names use them: the basic block and Extension A, 〇, the
# compatibility ideographs, and Extensions B–H, where many rare name characters (生僻字,
# e.g. 𠮷) live; GB18030 files carry them.
HAN_CHARS = "\u3007\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK = re.compile(f"[{HAN_CHARS}]")
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class NamePinyin:
    syllables: tuple[str, ...]

    @property
    def full(self) -> str:
        return "".join(self.syllables)

    @property
    def sort_key(self) -> str:
        """The syllables with spaces between them, the key the book is ordered by: a
        space sorts before every letter, so 陈 chen comes before 程 cheng, as in a
        dictionary ("chen wei" < "cheng wei", where "chenwei" > "chengwei")."""
        return " ".join(self.syllables)

    @property
    def initials(self) -> str:
        return "".join(s[0] for s in self.syllables if s)


def is_chinese(text: str) -> bool:
    """True when *text* holds at least one Chinese character."""
    return bool(_CJK.search(text))


def split_surname(name: str) -> tuple[str, str]:
    """``欧阳娜娜`` → (``欧阳``, ``娜娜``); ``张伟`` → (``张``, ``伟``)."""
    name = name.strip()
    if len(name) > 2 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    if " " in name and not _CJK.search(name):
        first, _, rest = name.partition(" ")
        return first, rest.strip()
    return name[:1], name[1:]


@lru_cache(maxsize=65536)
def name_pinyin(name: str) -> NamePinyin:
    """The pinyin syllables of a client's name, reading the surname as a surname."""
    name = (name or "").strip()
    if not name:
        return NamePinyin(())
    if not _CJK.search(name):
        return NamePinyin(tuple(_WORD.findall(name.lower())))
    surname, given = split_surname(name)
    if surname in COMPOUND_SURNAMES:
        head: tuple[str, ...] = COMPOUND_SURNAMES[surname]
    elif surname in SURNAME_READINGS:
        head = (SURNAME_READINGS[surname],)
    else:
        head = _syllables(surname)
    # The given name on its own, never as a phrase with the surname (王朝阳 is wang
    # zhao yang, not the dynasty 王朝); given names repeat far more than whole names,
    # so their readings are cached, which makes an import's pinyin several times faster.
    return NamePinyin(head + _syllables(given))


@lru_cache(maxsize=65536)
def _syllables(text: str) -> tuple[str, ...]:
    if not text:
        return ()
    from pypinyin import Style, lazy_pinyin

    out: list[str] = []
    for item in lazy_pinyin(text, style=Style.NORMAL, errors="ignore"):
        out.extend(_WORD.findall(item.lower()))
    return tuple(out)
