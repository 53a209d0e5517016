"""The plan tab's tables: the allocation by class with the gap, the products that fit a
class, and the products proposed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.errors import join_problems
from ...domain.plan import ClassLine, Goal, PlanProduct
from ...domain.product import format_fen
from ...i18n import domain_text
from ...services.plan import ProposedLine
from ..models import ID_ROLE, TableModel
from ..products.product_model import rating_text


def signed_yuan(fen: int) -> str:
    """A gap as the manager reads it: +175,000 to add, −400,000 to move out."""
    if fen == 0:
        return "0"
    return ("+" if fen > 0 else "−") + format_fen(abs(fen), cents=False)


(A_CLASS, A_RANGE, A_CURRENT, A_SUGGESTED, A_GAP) = range(5)


class AllocationModel(TableModel):
    """Rows are :class:`ClassLine`: the class, the model's range, what is held, what the
    plan suggests and the gap."""

    CONTEXT = "PlanModels"
    HEADERS = (
        QT_TRANSLATE_NOOP("PlanModels", "Asset class"),
        QT_TRANSLATE_NOOP("PlanModels", "Model range"),
        QT_TRANSLATE_NOOP("PlanModels", "Current (¥)"),
        QT_TRANSLATE_NOOP("PlanModels", "Suggested (¥)"),
        QT_TRANSLATE_NOOP("PlanModels", "Gap (¥)"),
    )
    NUMBER_COLUMNS = frozenset({A_RANGE, A_CURRENT, A_SUGGESTED, A_GAP})

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == ID_ROLE:
            return None  # a class has no record of its own
        return super().data(index, role)

    def text(self, item: ClassLine, column: int) -> str:
        if column == A_CLASS:
            return domain_text(item.asset_class.label)
        if column == A_RANGE:
            return item.band.text()
        if column == A_CURRENT:
            return format_fen(item.current_fen, cents=False)
        if column == A_SUGGESTED:
            return format_fen(item.suggested_fen, cents=False)
        return signed_yuan(item.gap_fen)

    def sort_key(self, item: ClassLine, column: int):
        return {
            A_CURRENT: item.current_fen,
            A_SUGGESTED: item.suggested_fen,
            A_GAP: item.gap_fen,
            A_RANGE: item.band.low,
        }.get(column, self.text(item, column))


(C_CODE, C_NAME, C_RATING, C_MINIMUM) = range(4)


class CandidateModel(TableModel):
    """Rows are :class:`PlanProduct`: the products that may be proposed for a class."""

    CONTEXT = "PlanModels"
    HEADERS = (
        QT_TRANSLATE_NOOP("PlanModels", "Code"),
        QT_TRANSLATE_NOOP("PlanModels", "Product"),
        QT_TRANSLATE_NOOP("PlanModels", "Risk"),
        QT_TRANSLATE_NOOP("PlanModels", "Minimum (¥)"),
    )
    NUMBER_COLUMNS = frozenset({C_MINIMUM})

    def text(self, item: PlanProduct, column: int) -> str:
        if column == C_CODE:
            return item.code
        if column == C_NAME:
            return item.name
        if column == C_RATING:
            return rating_text(item.risk_rating)
        return format_fen(item.min_amount_fen, cents=False)

    def sort_key(self, item: PlanProduct, column: int):
        if column == C_MINIMUM:
            return item.min_amount_fen
        if column == C_RATING:
            return item.risk_rating or 0
        return self.text(item, column)


(P_CODE, P_NAME, P_AMOUNT, P_RATING, P_CLASS) = range(5)


class _Proposed:
    """A proposed line with the id the base table's roles ask for."""

    def __init__(self, line: ProposedLine):
        self.line = line
        self.id = line.product.id


class ProposalModel(TableModel):
    """Rows are the :class:`ProposedLine` s; one the rules refuse is marked and says why."""

    CONTEXT = "PlanModels"
    HEADERS = (
        QT_TRANSLATE_NOOP("PlanModels", "Code"),
        QT_TRANSLATE_NOOP("PlanModels", "Product"),
        QT_TRANSLATE_NOOP("PlanModels", "Amount (¥)"),
        QT_TRANSLATE_NOOP("PlanModels", "Risk"),
        QT_TRANSLATE_NOOP("PlanModels", "Asset class"),
    )
    NUMBER_COLUMNS = frozenset({P_AMOUNT})

    def set_lines(self, lines) -> None:
        self.set_rows(_Proposed(line) for line in lines)

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() == P_AMOUNT:
            flags |= Qt.ItemFlag.ItemIsEditable  # changed in place (AmountDelegate)
        return flags

    def line_at(self, row: int) -> ProposedLine | None:
        item = self.row_at(row)
        return item.line if item else None

    def text(self, item: _Proposed, column: int) -> str:
        line = item.line
        if column == P_CODE:
            return ("⚠ " if line.problems else "") + line.product.code
        if column == P_NAME:
            return line.product.name
        if column == P_RATING:
            return rating_text(line.product.risk_rating)
        if column == P_AMOUNT:
            return format_fen(line.amount_fen, cents=False)
        place = line.asset_class
        return domain_text(place.label) if place else ""

    def sort_key(self, item: _Proposed, column: int):
        if column == P_AMOUNT:
            return item.line.amount_fen
        return self.text(item, column)

    def more(self, item: _Proposed, column: int, role):
        if role == Qt.ItemDataRole.EditRole and column == P_AMOUNT:
            fen = item.line.amount_fen
            return format_fen(fen, cents=fen % 100 != 0)
        if not item.line.problems:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return join_problems(item.line.problems, QCoreApplication.translate)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#b00020"))
        return None


(G_GOAL, G_YEAR, G_AMOUNT) = range(3)


class _Numbered:
    """A goal with the row number the base table's id role asks for."""

    def __init__(self, number: int, goal: Goal):
        self.id, self.goal = number, goal


class GoalModel(TableModel):
    """Rows are the client's :class:`Goal` s, in the order entered."""

    CONTEXT = "PlanModels"
    HEADERS = (
        QT_TRANSLATE_NOOP("PlanModels", "Goal"),
        QT_TRANSLATE_NOOP("PlanModels", "Year"),
        QT_TRANSLATE_NOOP("PlanModels", "Amount (¥)"),
    )
    NUMBER_COLUMNS = frozenset({G_YEAR, G_AMOUNT})

    def set_goals(self, goals) -> None:
        self.set_rows(_Numbered(n, goal) for n, goal in enumerate(goals))

    def text(self, item: _Numbered, column: int) -> str:
        goal = item.goal
        if column == G_GOAL:
            return domain_text(goal.kind.label)
        if column == G_YEAR:
            return str(goal.year)
        return format_fen(goal.amount_fen, cents=False)

    def sort_key(self, item: _Numbered, column: int):
        return {G_YEAR: item.goal.year, G_AMOUNT: item.goal.amount_fen}.get(
            column, self.text(item, column)
        )


__all__ = [
    "A_CLASS",
    "A_GAP",
    "P_AMOUNT",
    "AllocationModel",
    "CandidateModel",
    "GoalModel",
    "ProposalModel",
    "signed_yuan",
]
