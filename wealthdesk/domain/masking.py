"""How personal identifiers are shown in lists, on screen and in documents."""

from __future__ import annotations


def mask_mobile(number: str | None) -> str:
    """``13812345678`` → ``138****5678``."""
    if not number:
        return ""
    if len(number) < 8:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_resident_id(number: str | None) -> str:
    """First 6 and last 4 stay: ``110105********002X``."""
    if not number:
        return ""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_document_number(number: str | None) -> str:
    """An identity document's number: a long one (a resident ID, a residence permit, a
    permanent residence ID) as the ID, first 6 and last 4; a passport's first and last
    two: ``E1*****78``."""
    if not number:
        return ""
    if len(number) > 10:
        return mask_resident_id(number)
    if len(number) < 5:
        return "*" * len(number)
    return number[:2] + "*" * (len(number) - 4) + number[-2:]


def mask_card(number: str | None) -> str:
    """First 6 and last 4 stay: ``622848******6789``."""
    return mask_resident_id(number)


def mask_name(name: str | None) -> str:
    """For public places: ``张伟`` → ``张*``, ``欧阳娜娜`` → ``欧阳**``, ``John Smith`` → ``J*``."""
    if not name:
        return ""
    name = name.strip()
    from .pinyin import is_chinese, split_surname

    surname, given = split_surname(name)
    if not given:
        return name[0] + "*" * (len(name) - 1) if len(name) > 1 else name
    if not is_chinese(name):
        return name[0] + "*"
    return surname + "*" * len(given)
