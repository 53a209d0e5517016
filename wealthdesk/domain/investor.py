"""Qualified investors (合格投资者): who may buy a private (私募) product.

《关于规范金融机构资产管理业务的指导意见》(2018) 第五条: a natural person with at least 2
years of investment experience who meets one of — household net financial assets of at
least ¥3,000,000, household financial assets of at least ¥5,000,000, or personal income
of at least ¥400,000 a year on average over the last 3 years. The bank keeps the proof
(its kind and date); a record is valid for one year from the proof's date, like a risk
assessment, so the figures are seen again each year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .client import Labeled
from .errors import QT_TRANSLATE_NOOP, Problem
from .risk import valid_until

EXPERIENCE_YEARS_MIN = 2
NET_FINANCIAL_ASSETS_MIN_FEN = 300_000_000  # ¥3,000,000
FINANCIAL_ASSETS_MIN_FEN = 500_000_000  # ¥5,000,000
AVERAGE_INCOME_MIN_FEN = 40_000_000  # ¥400,000 a year over 3 years
EXPERIENCE_YEARS_MAX = 80


class ProofKind(Labeled):
    """What the client showed to prove they qualify."""

    ASSET_CERTIFICATE = "asset_certificate"
    INCOME_CERTIFICATE = "income_certificate"
    TAX_RECORD = "tax_record"
    ACCOUNT_STATEMENT = "account_statement"

    @classmethod
    def _labels(cls):
        return {
            "asset_certificate": QT_TRANSLATE_NOOP("domain", "Financial assets certificate"),
            "income_certificate": QT_TRANSLATE_NOOP("domain", "Income certificate"),
            "tax_record": QT_TRANSLATE_NOOP("domain", "Personal income tax record"),
            "account_statement": QT_TRANSLATE_NOOP("domain", "Investment account statements"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "asset_certificate": ("金融资产证明", "资产证明"),
            "income_certificate": ("收入证明",),
            "tax_record": ("个人所得税纳税记录", "纳税记录", "完税证明"),
            "account_statement": ("投资账户对账单", "对账单"),
        }


@dataclass(frozen=True)
class QualifiedInvestorDraft:
    """What the manager records from the client's proof; amounts in fen."""

    experience_years: int
    net_financial_assets_fen: int
    financial_assets_fen: int
    average_income_fen: int
    proof_kind: str
    proof_date: dt.date | None


def meets_thresholds(draft: QualifiedInvestorDraft) -> bool:
    """资管新规 第五条 (一): 2 years' experience and one of the three figures."""
    return draft.experience_years >= EXPERIENCE_YEARS_MIN and (
        draft.net_financial_assets_fen >= NET_FINANCIAL_ASSETS_MIN_FEN
        or draft.financial_assets_fen >= FINANCIAL_ASSETS_MIN_FEN
        or draft.average_income_fen >= AVERAGE_INCOME_MIN_FEN
    )


class Criterion(Labeled):
    """Which of 资管新规 第五条's figures a qualified investor's record meets."""

    NET_ASSETS = "net_assets"
    ASSETS = "assets"
    INCOME = "income"

    @classmethod
    def _labels(cls):
        return {
            "net_assets": QT_TRANSLATE_NOOP(
                "domain", "Household net financial assets of ¥3,000,000 or more"
            ),
            "assets": QT_TRANSLATE_NOOP(
                "domain", "Household financial assets of ¥5,000,000 or more"
            ),
            "income": QT_TRANSLATE_NOOP(
                "domain", "Average income of ¥400,000 a year or more over 3 years"
            ),
        }


def criteria_met(
    net_financial_assets_fen: int, financial_assets_fen: int, average_income_fen: int
) -> tuple[Criterion, ...]:
    """The figures of 第五条 (一) the record meets, in the article's order (the 2 years of
    experience are a condition of each)."""
    met = []
    if net_financial_assets_fen >= NET_FINANCIAL_ASSETS_MIN_FEN:
        met.append(Criterion.NET_ASSETS)
    if financial_assets_fen >= FINANCIAL_ASSETS_MIN_FEN:
        met.append(Criterion.ASSETS)
    if average_income_fen >= AVERAGE_INCOME_MIN_FEN:
        met.append(Criterion.INCOME)
    return tuple(met)


def qualified_investor_problems(draft: QualifiedInvestorDraft, today: dt.date) -> list[Problem]:
    """Every reason the record cannot be saved as a qualified investor's."""
    problems: list[Problem] = []
    if not 0 <= draft.experience_years <= EXPERIENCE_YEARS_MAX:
        problems.append(
            Problem(
                "experience_years",
                QT_TRANSLATE_NOOP("domain", "Years of investment experience: 0 to {max}."),
                {"max": EXPERIENCE_YEARS_MAX},
            )
        )
    amounts = (
        draft.net_financial_assets_fen,
        draft.financial_assets_fen,
        draft.average_income_fen,
    )
    if any(a < 0 for a in amounts):
        problems.append(
            Problem(
                "financial_assets", QT_TRANSLATE_NOOP("domain", "An amount cannot be negative.")
            )
        )
    elif draft.net_financial_assets_fen > draft.financial_assets_fen > 0:
        problems.append(
            Problem(
                "net_financial_assets",
                QT_TRANSLATE_NOOP(
                    "domain", "Net financial assets cannot be more than the financial assets."
                ),
            )
        )
    if ProofKind.parse(draft.proof_kind or "") is None:
        problems.append(
            Problem(
                "proof_kind",
                QT_TRANSLATE_NOOP("domain", "Say what the client showed as proof."),
            )
        )
    if draft.proof_date is None:
        problems.append(
            Problem("proof_date", QT_TRANSLATE_NOOP("domain", "Give the date of the proof."))
        )
    elif draft.proof_date > today:
        problems.append(
            Problem(
                "proof_date",
                QT_TRANSLATE_NOOP("domain", "The proof's date {date} is in the future."),
                {"date": draft.proof_date.isoformat()},
            )
        )
    elif valid_until(draft.proof_date) < today:
        problems.append(
            Problem(
                "proof_date",
                QT_TRANSLATE_NOOP(
                    "domain", "A proof dated {date} is more than a year old: ask for a new one."
                ),
                {"date": draft.proof_date.isoformat()},
            )
        )
    if not problems and not meets_thresholds(draft):
        problems.append(
            Problem(
                "experience_years",
                QT_TRANSLATE_NOOP(
                    "domain",
                    "Not a qualified investor (资管新规 第五条): at least 2 years of investment "
                    "experience and household net financial assets of ¥3,000,000, household "
                    "financial assets of ¥5,000,000, or an average income of ¥400,000 a year "
                    "over 3 years.",
                ),
            )
        )
    return problems


def qualified_investor_problem(until: dt.date | None, today: dt.date) -> Problem | None:
    """Why a private product cannot be sold on the client's record: none, or expired."""
    if until is None:
        return Problem(
            "qualified_investor",
            QT_TRANSLATE_NOOP(
                "domain",
                "A private product is sold only to a qualified investor: record the client's "
                "qualification and its proof first (资管新规 第五条).",
            ),
        )
    if until < today:
        return Problem(
            "qualified_investor",
            QT_TRANSLATE_NOOP(
                "domain",
                "The client's qualified-investor proof was valid until {date}: record a new "
                "proof before selling a private product.",
            ),
            {"date": until.isoformat()},
        )
    return None


def private_offer_problem(qualified_until: dt.date | None, today: dt.date) -> Problem | None:
    """Why a private (私募) product may not be offered to the client: they are not a
    qualified investor on record today. 资管新规 第五条 limits private products to
    qualified investors, and a private product is never promoted to the public; so an
    offer naming one (a maturity notice with an offer, a suggestion) goes only to a
    client whose qualified-investor record is valid. The notice of their own holding's
    maturity may still be given in a call."""
    if qualified_until is not None and qualified_until >= today:
        return None
    return Problem(
        "qualified_investor",
        QT_TRANSLATE_NOOP(
            "domain",
            "The product is private (私募): an offer of it goes only to a qualified investor, "
            "and this client has no valid qualified-investor record (资管新规 第五条). Tell "
            "them of the maturity in a call, without the offer.",
        ),
    )


__all__ = [
    "Criterion",
    "ProofKind",
    "QualifiedInvestorDraft",
    "criteria_met",
    "meets_thresholds",
    "private_offer_problem",
    "qualified_investor_problem",
    "qualified_investor_problems",
]
