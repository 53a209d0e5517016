"""The client record as the rules see it: categories, the draft, and its validation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .errors import QT_TRANSLATE_NOOP, Problem
from .identity import (
    mobile_problem,
    normalize_phone,
    normalize_resident_id,
    parse_resident_id,
    resident_id_problem,
)
from .labeled import Labeled
from .names import name_problem


class Tier(Labeled):
    NORMAL = "normal"
    GOLD = "gold"
    PLATINUM = "platinum"
    PRIVATE = "private"

    @classmethod
    def _labels(cls):
        return {
            "normal": QT_TRANSLATE_NOOP("domain", "Standard"),
            "gold": QT_TRANSLATE_NOOP("domain", "Gold"),
            "platinum": QT_TRANSLATE_NOOP("domain", "Platinum"),
            "private": QT_TRANSLATE_NOOP("domain", "Private banking"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "normal": ("普通", "普通客户", "大众", "normal"),
            "gold": ("金卡", "金卡客户"),
            "platinum": ("白金", "白金卡", "白金客户"),
            "private": ("私人银行", "私行", "私银", "private bank"),
        }

    @property
    def rank(self) -> int:
        """Queue order: private banking first."""
        return {"private": 0, "platinum": 1, "gold": 2, "normal": 3}[self.value]


class MaritalStatus(Labeled):
    SINGLE = "single"
    MARRIED = "married"
    DIVORCED = "divorced"
    WIDOWED = "widowed"

    @classmethod
    def _labels(cls):
        return {
            "single": QT_TRANSLATE_NOOP("domain", "Single"),
            "married": QT_TRANSLATE_NOOP("domain", "Married"),
            "divorced": QT_TRANSLATE_NOOP("domain", "Divorced"),
            "widowed": QT_TRANSLATE_NOOP("domain", "Widowed"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "single": ("未婚",),
            "married": ("已婚",),
            "divorced": ("离异", "离婚"),
            "widowed": ("丧偶",),
        }


class IncomeBand(Labeled):
    UNDER_100K = "lt100k"
    FROM_100K = "100k-300k"
    FROM_300K = "300k-500k"
    FROM_500K = "500k-1m"
    OVER_1M = "gt1m"

    @classmethod
    def _labels(cls):
        return {
            "lt100k": QT_TRANSLATE_NOOP("domain", "Under ¥100,000 a year"),
            "100k-300k": QT_TRANSLATE_NOOP("domain", "¥100,000–300,000 a year"),
            "300k-500k": QT_TRANSLATE_NOOP("domain", "¥300,000–500,000 a year"),
            "500k-1m": QT_TRANSLATE_NOOP("domain", "¥500,000–1,000,000 a year"),
            "gt1m": QT_TRANSLATE_NOOP("domain", "Over ¥1,000,000 a year"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "lt100k": ("年收入10万元以下", "10万元以下", "10万以下", "<10万"),
            "100k-300k": ("年收入10万–30万元", "10万–30万元", "10-30万", "10万-30万"),
            "300k-500k": ("年收入30万–50万元", "30万–50万元", "30-50万", "30万-50万"),
            "500k-1m": ("年收入50万–100万元", "50万–100万元", "50-100万", "50万-100万"),
            "gt1m": ("年收入100万元以上", "100万元以上", "100万以上", ">100万"),
        }


class Horizon(Labeled):
    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"

    @classmethod
    def _labels(cls):
        return {
            "short": QT_TRANSLATE_NOOP("domain", "Under 1 year"),
            "medium": QT_TRANSLATE_NOOP("domain", "1 to 3 years"),
            "long": QT_TRANSLATE_NOOP("domain", "Over 3 years"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "short": ("1年以内", "一年以内", "短期"),
            "medium": ("1至3年", "1-3年", "一至三年", "中期"),
            "long": ("3年以上", "三年以上", "长期"),
        }


class LiquidityNeed(Labeled):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @classmethod
    def _labels(cls):
        return {
            "high": QT_TRANSLATE_NOOP("domain", "Needs money at short notice"),
            "medium": QT_TRANSLATE_NOOP("domain", "Some money at short notice"),
            "low": QT_TRANSLATE_NOOP("domain", "Can lock money away"),
        }

    @classmethod
    def _aliases(cls):
        # The form's words first; the words of earlier releases still read.
        return {
            "high": ("随时可能支取", "随时可能用钱", "高"),
            "medium": ("部分资金需随时支取", "部分资金需随时可取", "中"),
            "low": ("资金可长期不动", "资金可长期投资", "低"),
        }


class ProductFamily(Labeled):
    WEALTH = "wealth"
    RETAIL_LOAN = "retail_loan"
    LIABILITY = "liability"
    INTERMEDIARY = "intermediary"
    CARD = "card"

    @classmethod
    def _labels(cls):
        return {
            "wealth": QT_TRANSLATE_NOOP("domain", "Wealth products"),
            "retail_loan": QT_TRANSLATE_NOOP("domain", "Retail loans"),
            "liability": QT_TRANSLATE_NOOP("domain", "Deposits"),
            "intermediary": QT_TRANSLATE_NOOP("domain", "Funds, insurance, gold"),
            "card": QT_TRANSLATE_NOOP("domain", "Bank cards"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "wealth": ("理财产品", "理财"),
            "retail_loan": ("零售贷款", "贷款"),
            "liability": ("存款（负债业务）", "存款", "负债业务", "负债"),
            "intermediary": (
                "基金、保险、贵金属（中间业务）",
                "基金",
                "保险",
                "贵金属",
                "中间业务",
            ),
            "card": ("银行卡", "信用卡"),
        }


class GenderCode(Labeled):
    MALE = "M"
    FEMALE = "F"

    @classmethod
    def _labels(cls):
        return {
            "M": QT_TRANSLATE_NOOP("domain", "Male"),
            "F": QT_TRANSLATE_NOOP("domain", "Female"),
        }

    @classmethod
    def _aliases(cls):
        return {"M": ("男", "male"), "F": ("女", "female")}


TEXT_MAX = 2000


@dataclass(frozen=True)
class ClientDraft:
    """What a form, a CSV row or the demo proposes to save for one client."""

    name: str
    # None on an update means "keep what is stored": the form never holds the full
    # number unless the manager revealed it.
    id_number: str | None = ""
    mobile: str | None = ""
    gender: GenderCode | None = None
    birth_date: dt.date | None = None
    tier: Tier = Tier.NORMAL
    occupation: str = ""
    marital_status: MaritalStatus | None = None
    dependants: int | None = None
    income_band: IncomeBand | None = None
    horizon: Horizon | None = None
    liquidity_need: LiquidityNeed | None = None
    interests: tuple[ProductFamily, ...] = ()
    training_needs: str = ""
    personal_needs: str = ""
    consent_data: bool = False
    consent_data_on: dt.date | None = None
    consent_marketing: bool = False
    consent_marketing_on: dt.date | None = None
    manager: str = ""


def same_person_key(name: str, mobile: str | None) -> tuple[str, str] | None:
    """What tells one client from another where no ID number does: the name (whatever
    its case and spacing) with the mobile; None without a mobile, since a name alone is
    shared by many (张伟)."""
    if not mobile:
        return None
    return " ".join((name or "").split()).casefold(), mobile


def normalize_draft(draft: ClientDraft, today: dt.date) -> ClientDraft:
    """Trim text, canonicalise numbers, derive birth date and gender from a valid ID,
    and date a consent on the day it was given."""
    id_number = None if draft.id_number is None else normalize_resident_id(draft.id_number)
    mobile = None if draft.mobile is None else normalize_phone(draft.mobile)
    gender, birth = draft.gender, draft.birth_date
    if id_number and resident_id_problem(id_number, today) is None:
        info = parse_resident_id(id_number, today)
        gender, birth = GenderCode(info.gender), info.birth_date
    return replace(
        draft,
        name=" ".join((draft.name or "").split()),
        id_number=id_number,
        mobile=mobile,
        gender=gender,
        birth_date=birth,
        occupation=(draft.occupation or "").strip(),
        training_needs=(draft.training_needs or "").strip(),
        personal_needs=(draft.personal_needs or "").strip(),
        manager=(draft.manager or "").strip(),
        interests=tuple(dict.fromkeys(draft.interests)),
        consent_data_on=(draft.consent_data_on or today) if draft.consent_data else None,
        consent_marketing_on=(
            (draft.consent_marketing_on or today) if draft.consent_marketing else None
        ),
    )


def client_problems(draft: ClientDraft, today: dt.date) -> list[Problem]:
    """Every rule the (normalised) draft breaks; empty when it may be saved."""
    problems: list[Problem] = []
    problem = name_problem(draft.name)
    if problem:
        problems.append(problem)
    if draft.id_number:
        problem = resident_id_problem(draft.id_number, today)
        if problem:
            problems.append(problem)
    if draft.mobile:
        problem = mobile_problem(draft.mobile)
        if problem:
            problems.append(problem)
    if draft.birth_date and not draft.id_number:
        if draft.birth_date > today:
            problems.append(
                Problem(
                    "birth_date",
                    QT_TRANSLATE_NOOP("domain", "The birth date is in the future."),
                )
            )
        elif draft.birth_date.year < 1900:
            problems.append(
                Problem(
                    "birth_date",
                    QT_TRANSLATE_NOOP("domain", "The birth date is before 1900."),
                )
            )
    if draft.dependants is not None and not 0 <= draft.dependants <= 20:
        problems.append(
            Problem(
                "dependants",
                QT_TRANSLATE_NOOP("domain", "Dependants must be a number from 0 to 20."),
            )
        )
    for key in ("occupation", "training_needs", "personal_needs", "manager"):
        if len(getattr(draft, key)) > TEXT_MAX:
            problems.append(
                Problem(
                    key,
                    QT_TRANSLATE_NOOP("domain", "This text is longer than {max} characters."),
                    {"max": TEXT_MAX},
                )
            )
    for key in ("consent_data_on", "consent_marketing_on"):
        when = getattr(draft, key)
        if when and when > today:
            problems.append(
                Problem(
                    key, QT_TRANSLATE_NOOP("domain", "A consent cannot be dated in the future.")
                )
            )
    return problems


class IdDocType(Labeled):
    """The identity document a client showed (the sale's 实名 check)."""

    RESIDENT_ID = "resident_id"
    RESIDENCE_PERMIT = "residence_permit"  # 港澳台居民居住证
    PERMANENT_RESIDENCE = "permanent_resid"  # 外国人永久居留身份证
    PASSPORT = "passport"

    @classmethod
    def _labels(cls):
        return {
            "resident_id": QT_TRANSLATE_NOOP("domain", "Resident ID card"),
            "residence_permit": QT_TRANSLATE_NOOP(
                "domain", "Residence permit for HK, Macao and Taiwan residents"
            ),
            "permanent_resid": QT_TRANSLATE_NOOP("domain", "Foreigner's permanent residence ID"),
            "passport": QT_TRANSLATE_NOOP("domain", "Passport"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "resident_id": ("居民身份证", "身份证", "resident ID", "ID card"),
            "residence_permit": ("港澳台居民居住证", "居住证", "residence permit"),
            "permanent_resid": (
                "外国人永久居留身份证",
                "永居证",
                "permanent residence ID",
                "permanent residence card",
            ),
            "passport": ("护照",),
        }
