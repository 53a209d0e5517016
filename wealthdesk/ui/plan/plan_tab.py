"""The client screen's plan tab (理财规划方案): the suggested allocation from the client's
valid assessment, needs and holdings, the gap per class, the products the manager picks
for each class (only those the sale's gate would let the client buy), notes; each saved
version listed, previewed, printed and saved as a PDF. Nothing here records a sale."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ... import local_settings
from ...domain.errors import DomainError, join_problems, os_error_reason, translate_value
from ...domain.plan import (
    AssetClass,
    Goal,
    GoalKind,
    amount_change,
    class_room,
    default_amount,
    unplaced_fen,
)
from ...domain.product import format_fen, money_problem, parse_money
from ...domain.risk import RiskLevel
from ...i18n import domain_text, translate
from ...services import clock
from ...services import plan as plan_service
from ...services.plan import PlanInputs, PlanVersion, PlanView, proposals_of
from ...services.storage import StorageError, storage_errors
from .. import defs, interaction
from ..client_screen.client_tab import ClientTab
from ..desk.context import DeskContext
from ..models import SORT_ROLE
from ..sales.sales_book import shared_book
from ..tables import list_table
from .amount_delegate import AmountDelegate
from .plan_model import (
    A_CLASS,
    G_GOAL,
    P_AMOUNT,
    AllocationModel,
    CandidateModel,
    GoalModel,
    ProposalModel,
)


def _rows_height(table, rows: int) -> int:
    """The height of *table* showing its header and *rows* rows, no more."""
    header = table.horizontalHeader().sizeHint().height()
    row = table.verticalHeader().defaultSectionSize()
    bar = table.horizontalScrollBar().sizeHint().height()
    return header + rows * row + 2 * table.frameWidth() + bar


def _fit_rows(table, rows: int) -> None:
    table.setFixedHeight(_rows_height(table, rows))


class PlanTab(ClientTab):
    """The plan of the client shown; empty, with no trace of them, after :meth:`clear`."""

    def __init__(self, desk: DeskContext, parent: QWidget | None = None):
        super().__init__(desk, parent)
        self.view: PlanView | None = None
        self.versions: list[PlanVersion] = []
        self._goals: list[Goal] = []
        self._proposals: list[tuple[int, int]] = []

        self.level_label = QLabel()
        self.level_label.setObjectName("planLevel")
        self.level_label.setWordWrap(True)

        # What the manager enters
        self.new_money = self._amount_edit("planNewMoney")
        self.spending = self._amount_edit("planSpending")
        self.goal_kind = QComboBox()
        self.goal_amount = self._amount_edit("planGoalAmount", recompute=False)
        self.goal_year = QSpinBox()
        self.goal_year.setObjectName("planGoalYear")
        self.add_goal_button = QPushButton()
        self.add_goal_button.clicked.connect(self.add_goal)
        self.goal_model = GoalModel(self)
        self.goal_list = list_table(self._proxy(self.goal_model), "planGoals", G_GOAL, True)
        self.goal_list.setSortingEnabled(False)
        self.goal_list.setMaximumHeight(self.fontMetrics().height() * 6)
        self.goal_list.selectionModel().selectionChanged.connect(self._update_buttons)
        self.remove_goal_button = QPushButton()
        self.remove_goal_button.clicked.connect(self.remove_goal)
        self.inputs_box = QGroupBox()
        form = QFormLayout(self.inputs_box)
        self.new_money_label, self.spending_label, self.goal_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.new_money_label, self.new_money)
        form.addRow(self.spending_label, self.spending)
        goal_row = QHBoxLayout()
        for widget in (self.goal_kind, self.goal_amount, self.goal_year, self.add_goal_button):
            goal_row.addWidget(widget)
        form.addRow(self.goal_label, goal_row)
        goals_below = QHBoxLayout()
        goals_below.addWidget(self.goal_list, 1)
        goals_below.addWidget(self.remove_goal_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow("", goals_below)

        # The allocation
        self.allocation = AllocationModel(self)
        self.allocation_proxy = self._proxy(self.allocation)
        self.allocation_table = list_table(self.allocation_proxy, "planAllocation", A_CLASS, True)
        self.allocation_table.setSortingEnabled(False)
        self.allocation_table.selectionModel().selectionChanged.connect(self._class_chosen)
        self.explanation = QLabel()
        self.explanation.setObjectName("planExplanation")
        self.explanation.setWordWrap(True)
        self.allocation_box = QGroupBox()
        column = QVBoxLayout(self.allocation_box)
        column.addWidget(self.allocation_table)
        column.addWidget(self.explanation)

        # Products: those that fit the chosen class, those proposed
        self.candidates = CandidateModel(self)
        self.candidate_proxy = self._proxy(self.candidates)
        self.candidate_table = list_table(self.candidate_proxy, "planCandidates", 1)
        self.candidate_table.selectionModel().selectionChanged.connect(self._candidate_chosen)
        self.candidate_hint = QLabel()
        self.candidate_hint.setObjectName("secondaryText")
        self.candidate_hint.setWordWrap(True)
        self.amount = self._amount_edit("planAmount", recompute=False)
        self.propose_button = QPushButton()
        self.propose_button.setObjectName("planPropose")
        self.propose_button.clicked.connect(self.propose)
        self.proposals = ProposalModel(self)
        self.proposal_proxy = self._proxy(self.proposals)
        self.proposal_table = list_table(self.proposal_proxy, "planProposals", 1)
        self.proposal_table.selectionModel().selectionChanged.connect(self._update_buttons)
        # An amount is changed where it is shown: double-click it, or F2.
        self.proposal_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.amount_delegate = AmountDelegate(self.proposal_proxy, self.proposals, self)
        self.proposal_table.setItemDelegateForColumn(P_AMOUNT, self.amount_delegate)
        self.amount_delegate.entered.connect(self._amount_entered)
        # What became of an amount changed in place: refused and why, or a warning.
        self.amount_problem = QLabel()
        self.amount_problem.setWordWrap(True)
        self.amount_problem.hide()
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_proposal)
        self.proposed_total = QLabel()
        self.proposed_total.setObjectName("planProposedTotal")
        self.products_box = QGroupBox()
        column = QVBoxLayout(self.products_box)
        column.addWidget(self.candidate_hint)
        column.addWidget(self.candidate_table, 1)
        pick = QHBoxLayout()
        self.amount_label = QLabel()
        pick.addWidget(self.amount_label)
        pick.addWidget(self.amount, 1)
        pick.addWidget(self.propose_button)
        column.addLayout(pick)
        column.addWidget(self.proposal_table, 1)
        column.addWidget(self.amount_problem)
        below = QHBoxLayout()
        below.addWidget(self.proposed_total, 1)
        below.addWidget(self.remove_button)
        column.addLayout(below)

        # Notes, versions, actions
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("planNotes")
        self.notes.setMaximumHeight(self.fontMetrics().height() * 5)
        self.notes_box = QGroupBox()
        QVBoxLayout(self.notes_box).addWidget(self.notes)
        self.version_list = QComboBox()
        self.version_list.setObjectName("planVersions")
        self.version_list.currentIndexChanged.connect(self._update_buttons)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.preview_version)
        self.large_button = QPushButton()
        self.large_button.setObjectName("planLargePrint")
        self.large_button.clicked.connect(self.preview_large_print)
        self.save_button = QPushButton()
        self.save_button.setObjectName("planSave")
        self.save_button.clicked.connect(self.save_and_preview)
        self.versions_label = QLabel()
        actions = QHBoxLayout()
        actions.addWidget(self.versions_label)
        actions.addWidget(self.version_list, 1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.large_button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.inputs_box)
        left_column.addWidget(self.allocation_box)
        left_column.addStretch(1)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.products_box, 1)
        right_column.addWidget(self.notes_box)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 9)
        self.split.setStretchFactor(1, 11)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, 0)
        body.addWidget(self.level_label)
        body.addWidget(self.split, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.body)
        # The versions and Save stay in sight below whatever scrolls.
        bar = QWidget()
        bar.setLayout(actions)
        actions.setContentsMargins(defs.MARGIN, defs.SPACING, defs.MARGIN, defs.MARGIN)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(scroll, 1)
        layout.addWidget(bar)
        for table, rows in ((self.allocation_table, 5), (self.goal_list, 2)):
            _fit_rows(table, rows)
        for table in (self.candidate_table, self.proposal_table):
            table.setMinimumHeight(_rows_height(table, 3))

        # A sale or a holding changed elsewhere on the screen changes what is held.
        shared_book(desk).holdings_changed.connect(self._holdings_changed)
        self.retranslate()
        self.clear()

    def _holdings_changed(self, client_id: int) -> None:
        if client_id == self.client_id:
            self.recompute()

    def showEvent(self, event) -> None:
        # Turned to: the assessment may have been redone on the risk tab meanwhile.
        if self.client_id is not None:
            self.recompute()
        super().showEvent(event)

    def _amount_edit(self, name: str, recompute: bool = True) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        if recompute:
            edit.editingFinished.connect(self.recompute)
        edit.textEdited.connect(self._update_buttons)
        return edit

    def _proxy(self, model) -> QSortFilterProxyModel:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        return proxy

    # ------------------------------------------------------------ ClientTab
    def show_client(self, client_id: int, visit_id: int | None = None) -> None:
        super().show_client(client_id, visit_id)
        self._load_versions()
        # The manager goes on from the latest version, or starts afresh.
        inputs = PlanInputs()
        if self.versions:
            try:
                with storage_errors():
                    inputs = plan_service.saved_plan(self.versions[0].id).inputs
            except (DomainError, StorageError):
                inputs = PlanInputs()
        self._set_inputs(inputs)
        self.recompute()

    def clear(self) -> None:
        super().clear()
        self.amount_delegate.discard()  # an amount being typed goes with the client
        self._say_amount("")
        self.view = None
        self.versions = []
        self._goals, self._proposals = [], []
        for edit in (self.new_money, self.spending, self.goal_amount, self.amount):
            edit.setText("")  # setText also empties the undo history
        self.notes.setPlainText("")
        self.goal_model.clear()
        self.goal_kind.setCurrentIndex(0)
        self.goal_year.setValue(self.goal_year.minimum())
        self.version_list.clear()
        for model in (self.allocation, self.candidates, self.proposals):
            model.clear()
        for label in (self.level_label, self.explanation, self.candidate_hint):
            label.setText("")
        self.proposed_total.setText("")
        self._update_buttons()
        self.title_changed.emit()

    def title(self) -> str:
        if self.client_id is None or not self.versions:
            return translate("PlanTab", "Plan")
        return translate("PlanTab", "Plan ({count})").format(count=len(self.versions))

    def retranslate(self) -> None:
        self.inputs_box.setTitle(translate("PlanTab", "The client's money and goals"))
        self.new_money_label.setText(translate("PlanTab", "New money to invest (¥)"))
        self.spending_label.setText(translate("PlanTab", "Household spending a month (¥)"))
        self.goal_label.setText(translate("PlanTab", "Goal"))
        for edit in (self.new_money, self.spending, self.goal_amount, self.amount):
            edit.setPlaceholderText(translate("PlanTab", "e.g. 50000, 5万"))
        self.goal_amount.setToolTip(translate("PlanTab", "How much the goal needs"))
        self.goal_year.setToolTip(translate("PlanTab", "The year the money is needed"))
        current = self.goal_kind.currentData()
        self.goal_kind.blockSignals(True)
        self.goal_kind.clear()
        for kind in GoalKind:
            self.goal_kind.addItem(domain_text(kind.label), kind.value)
        self.goal_kind.setCurrentIndex(max(self.goal_kind.findData(current), 0))
        self.goal_kind.blockSignals(False)
        self.add_goal_button.setText(translate("PlanTab", "Add goal"))
        self.remove_goal_button.setText(translate("PlanTab", "Remove goal"))
        self.allocation_box.setTitle(
            translate("PlanTab", "Allocation: what is held, what the plan suggests")
        )
        self.products_box.setTitle(
            translate("PlanTab", "Products for the class chosen on the left")
        )
        self.amount_label.setText(translate("PlanTab", "Amount (¥)"))
        self.propose_button.setText(translate("PlanTab", "Propose"))
        self.remove_button.setText(translate("PlanTab", "Remove"))
        self.proposal_table.setToolTip(
            translate("PlanTab", "Double-click an amount, or press F2, to change it.")
        )
        self.notes_box.setTitle(translate("PlanTab", "Manager's notes"))
        self.versions_label.setText(translate("PlanTab", "Saved versions"))
        self.open_button.setText(translate("PlanTab", "Open…"))
        self.large_button.setText(translate("PlanTab", "Large print…"))
        self.large_button.setToolTip(
            translate(
                "PlanTab",
                "The summary of the version chosen (or of the plan as it stands, when none "
                "is saved) in large print, for a client who reads small print with difficulty",
            )
        )
        self.save_button.setText(translate("PlanTab", "Save and preview…"))
        self.save_button.setToolTip(
            translate(
                "PlanTab",
                "Keep this version with the client and show the document to print or save",
            )
        )
        for model in (self.allocation, self.candidates, self.proposals, self.goal_model):
            model.retranslate()
        self._show_versions()
        if self.client_id is not None and self.view is None:
            self.recompute()  # the reason there is no plan, said again in this language
        else:
            self._show_view()

    # ------------------------------------------------------------ reading
    def _inputs(self) -> PlanInputs:
        return PlanInputs(
            new_money_fen=parse_money(self.new_money.text()) or 0,
            monthly_spending_fen=parse_money(self.spending.text()) or 0,
            goals=tuple(self._goals),
            proposals=tuple(self._proposals),
            notes=self.notes.toPlainText(),
        )

    def _set_inputs(self, inputs: PlanInputs) -> None:
        def money(fen: int) -> str:
            return format_fen(fen, cents=fen % 100 != 0) if fen else ""

        self.new_money.setText(money(inputs.new_money_fen))
        self.spending.setText(money(inputs.monthly_spending_fen))
        self._goals = list(inputs.goals)
        self._proposals = list(inputs.proposals)
        self.notes.setPlainText(inputs.notes)
        self._show_goals()

    def recompute(self) -> None:
        """Make the plan again from what is entered now."""
        if self.client_id is None:
            return
        try:
            with storage_errors():
                self.view = plan_service.draft_plan(self.client_id, self._inputs(), self.desk.desk)
        except DomainError as exc:
            self.view = None
            self.level_label.setText(
                translate(
                    "PlanTab", "{reason} A plan is made for a confirmed risk level only."
                ).format(reason=exc.render(QCoreApplication.translate))
            )
        except StorageError as exc:
            self.view = None
            self.status_message.emit(exc.render(QCoreApplication.translate))
        self._show_view()

    def _load_versions(self) -> None:
        try:
            with storage_errors():
                self.versions = plan_service.client_plans(self.client_id)
        except StorageError as exc:
            self.versions = []
            self.status_message.emit(exc.render(QCoreApplication.translate))
        self._show_versions()
        self.title_changed.emit()

    def _show_versions(self) -> None:
        self.version_list.blockSignals(True)
        self.version_list.clear()
        for version in self.versions:
            who = f" · {version.manager}" if version.manager else ""
            self.version_list.addItem(
                translate("PlanTab", "{time} C{level}{who}").format(
                    time=f"{version.made_at:%Y-%m-%d %H:%M}", level=version.level, who=who
                ),
                version.id,
            )
        self.version_list.blockSignals(False)
        self._update_buttons()

    def _show_view(self) -> None:
        view = self.view
        if view is None:
            self.allocation.clear()
            self.candidates.clear()
            self.proposals.clear()
            self.explanation.setText("")
            self.proposed_total.setText("")
            if self.client_id is None:
                self.level_label.setText("")
            self._update_buttons()
            return
        level = RiskLevel(view.level)
        self.level_label.setText(
            translate(
                "PlanTab",
                "Client No. {number} · {level} {name}, assessed {assessed}, valid until "
                "{until} · money planned ¥{total}",
            ).format(
                number=view.client_id,
                level=level.code,
                name=domain_text(level.label),
                assessed=view.assessed_on.isoformat(),
                until=view.valid_until.isoformat(),
                total=format_fen(view.suggestion.total_fen, cents=False),
            )
        )
        chosen = self._chosen_class()
        self.allocation.set_rows(view.suggestion.lines)
        row = [line.asset_class for line in view.suggestion.lines].index(chosen or AssetClass.CASH)
        self.allocation_table.selectRow(self.allocation_proxy.mapFromSource(
            self.allocation.index(row, 0)).row())  # fmt: skip
        notes = [n.render(QCoreApplication.translate) for n in view.suggestion.notes]
        self.explanation.setText("\n".join(f"• {n}" for n in notes))
        self.proposals.set_lines(view.proposals)
        self.proposed_total.setText(
            translate(
                "PlanTab", "Proposed: ¥{total}; products: {count}; still to place: ¥{left}"
            ).format(
                total=format_fen(view.proposed_total_fen, cents=False),
                count=len(view.proposals),
                left=format_fen(unplaced_fen(view.suggestion, proposals_of(view)), cents=False),
            )
        )
        self._show_candidates()

    def _chosen_class(self) -> AssetClass | None:
        index = self.allocation_table.currentIndex()
        if not index.isValid():
            return None
        line = self.allocation.row_at(self.allocation_proxy.mapToSource(index).row())
        return line.asset_class if line else None

    def _class_chosen(self, *_args) -> None:
        self._show_candidates()

    def _show_candidates(self) -> None:
        chosen = self._chosen_class()
        if self.view is None or chosen is None:
            self.candidates.clear()
            self.candidate_hint.setText("")
            self._update_buttons()
            return
        fitting = self.view.candidates.get(chosen, ())
        self.candidates.set_rows(fitting)
        gap = self.view.suggestion.line(chosen).gap_fen
        name = domain_text(chosen.label)
        if not fitting:
            hint = translate(
                "PlanTab",
                "{name}: no product on sale fits this client's level and the class's amount.",
            )
        elif gap > 0:
            hint = translate("PlanTab", "{name}: ¥{gap} to add. Pick a product and propose it.")
        else:
            hint = translate(
                "PlanTab", "{name}: nothing to add; a product may still replace one held."
            )
        self.candidate_hint.setText(hint.format(name=name, gap=format_fen(gap, cents=False)))
        self._update_buttons()

    def _chosen_candidate(self):
        index = self.candidate_table.currentIndex()
        if not index.isValid() or not self.candidate_table.selectionModel().hasSelection():
            return None
        return self.candidates.row_at(self.candidate_proxy.mapToSource(index).row())

    def _candidate_chosen(self, *_args) -> None:
        product = self._chosen_candidate()
        if product is not None and self.view is not None:
            fen = default_amount(self.view.suggestion, proposals_of(self.view), product)
            self.amount.setText(format_fen(fen, cents=fen % 100 != 0))
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        ready = self.client_id is not None and self.view is not None
        for widget in (
            self.new_money,
            self.spending,
            self.goal_kind,
            self.goal_amount,
            self.goal_year,
            self.add_goal_button,
            self.notes,
            self.amount,
        ):
            widget.setEnabled(ready)
        self.remove_goal_button.setEnabled(ready and self.goal_list.selectionModel().hasSelection())
        amount_ok = money_problem(self.amount.text(), "amount") is None
        self.propose_button.setEnabled(ready and self._chosen_candidate() is not None and amount_ok)
        self.remove_button.setEnabled(ready and self.proposal_table.selectionModel().hasSelection())
        self.save_button.setEnabled(ready)
        self.open_button.setEnabled(self.client_id is not None and bool(self.versions))
        self.large_button.setEnabled(
            self.client_id is not None and (bool(self.versions) or self.view is not None)
        )
        today = clock.today()
        if self.goal_year.minimum() != today.year:
            self.goal_year.setRange(today.year, today.year + 60)

    # ------------------------------------------------------------ changing
    def add_goal(self) -> None:
        amount = parse_money(self.goal_amount.text())
        if not amount:
            interaction.warn(
                self,
                translate("PlanTab", "Goal not added"),
                translate("PlanTab", "Enter how much the goal needs, like 300000 or 30万."),
            )
            return
        self._goals.append(
            Goal(GoalKind(self.goal_kind.currentData()), amount, self.goal_year.value())
        )
        self.goal_amount.setText("")
        self._show_goals()
        self.recompute()

    def remove_goal(self) -> None:
        index = self.goal_list.currentIndex()
        row = index.row() if index.isValid() else -1  # unsorted: the proxy's rows are the model's
        if 0 <= row < len(self._goals):
            del self._goals[row]
            self._show_goals()
            self.recompute()

    def _show_goals(self) -> None:
        self.goal_model.set_goals(self._goals)

    def propose(self) -> None:
        product = self._chosen_candidate()
        amount = parse_money(self.amount.text())
        if product is None or not amount:
            return
        self._proposals = [p for p in self._proposals if p[0] != product.id]
        self._proposals.append((product.id, amount))
        self.amount.setText("")
        self._say_amount("")
        self.recompute()
        line = next((p for p in self.view.proposals if p.product.id == product.id), None)
        if line is not None and line.problems:
            self.status_message.emit(
                translate("PlanTab", "{code}: {reason}").format(
                    code=product.code,
                    reason=join_problems(line.problems, QCoreApplication.translate),
                )
            )

    def remove_proposal(self) -> None:
        index = self.proposal_table.currentIndex()
        if not index.isValid():
            return
        line = self.proposals.line_at(self.proposal_proxy.mapToSource(index).row())
        if line is None:
            return
        self._proposals = [p for p in self._proposals if p[0] != line.product.id]
        self._say_amount("")
        self.recompute()

    def _amount_entered(self, product_id: int, text: str) -> None:
        # Taken after the editor has closed (the table is rebuilt), and only while the
        # same client is on the screen.
        client_id = self.client_id
        QTimer.singleShot(0, self, lambda: self._amount_for(client_id, product_id, text))

    def _amount_for(self, client_id: int | None, product_id: int, text: str) -> None:
        if client_id is not None and client_id == self.client_id:
            self.change_amount(product_id, text)

    def change_amount(self, product_id: int, text: str) -> bool:
        """The amount of the proposed product *product_id* changed to *text* (as typed in
        its cell): refused, the reason said under the table, when it is not an amount
        above zero or is below the product's minimum; taken, with a warning, when it is
        more than its class still lacks; the totals and what is left to place again."""
        view = self.view
        lines = view.proposals if view is not None else ()
        line = next((p for p in lines if p.product.id == product_id), None)
        if line is None:
            return False
        fen = parse_money(text)
        place = line.asset_class
        room = (
            class_room(view.suggestion, proposals_of(view), place, leaving_out=product_id)
            if place is not None
            else 0
        )
        refused, warned = amount_change(line.product, fen, room)
        if fen is None and text.strip():
            refused = money_problem(text, "amount")  # not an amount at all: say so
        if refused is not None:
            self._say_amount(
                translate("PlanTab", "{code}: amount not changed. {reason}").format(
                    code=line.product.code, reason=refused.render(QCoreApplication.translate)
                ),
                refused=True,
            )
            return False
        self._proposals = [(p, fen if p == product_id else a) for p, a in self._proposals]
        self.recompute()
        self._select_proposal(product_id)
        changed = next((p for p in self.view.proposals if p.product.id == product_id), None)
        reasons = [warned] if warned is not None else []
        reasons += list(changed.problems) if changed is not None else []
        self._say_amount(join_problems(reasons, QCoreApplication.translate))
        return True

    def _select_proposal(self, product_id: int) -> None:
        row = self.proposals.row_of(product_id)
        if row >= 0:
            index = self.proposal_proxy.mapFromSource(self.proposals.index(row, P_AMOUNT))
            self.proposal_table.setCurrentIndex(index)

    def _say_amount(self, text: str, refused: bool = False) -> None:
        """Under the proposed products: why an amount was refused (the form's error
        style), or what to mind about one taken (the warning style); both begin with ⚠,
        so colour is not the only signal."""
        name = "fieldError" if refused else "unsavedText"
        if self.amount_problem.objectName() != name:
            self.amount_problem.setObjectName(name)
            self.amount_problem.style().unpolish(self.amount_problem)
            self.amount_problem.style().polish(self.amount_problem)
        self.amount_problem.setText(f"⚠ {text}" if text else "")
        self.amount_problem.setVisible(bool(text))

    def save_and_preview(self) -> bool:
        """Keep this version with the client, then show its document to print or save."""
        if self.client_id is None:
            return False
        refused = translate("PlanTab", "The plan was not saved")
        try:
            with storage_errors():
                _version, view = plan_service.save_plan(
                    self.client_id, self._inputs(), self.desk.actor(), self.desk.desk
                )
        except (DomainError, StorageError) as exc:
            interaction.explain(self, refused, exc)
            return False
        self._load_versions()
        self.status_message.emit(translate("PlanTab", "Plan saved."))
        return self.preview(view)

    def preview_version(self) -> bool:
        view = self._chosen_version()
        return view is not None and self.preview(view)

    def preview_large_print(self) -> bool:
        """The large-print summary of the version chosen, or of the plan as it stands
        when none is saved, previewed to print or save."""
        view = self._chosen_version() if self.versions else self.view
        return view is not None and self.preview(view, large_print=True)

    def _chosen_version(self) -> PlanView | None:
        plan_id = self.version_list.currentData()
        if plan_id is None:
            return None
        try:
            with storage_errors():
                return plan_service.saved_plan(plan_id)
        except (DomainError, StorageError) as exc:
            interaction.explain(self, translate("PlanTab", "Plan"), exc)
            return None

    def preview(self, view: PlanView, large_print: bool = False) -> bool:
        """The plan's PDF (or its large-print summary) previewed to print or save, each
        logged for the client."""
        from ..pdf_preview import preview_pdf_file  # QtPdf and printing: loaded when first used

        title = (
            translate("PlanTab", "Financial plan in large print")
            if large_print
            else translate("PlanTab", "Financial plan")
        )
        refused = translate("PlanTab", "The document was not made")
        stamp = f"{view.made_at or clock.now():%Y%m%d-%H%M}"
        kind = "plan-large" if large_print else "plan"
        name = f"{kind}-{view.client_id}-{stamp}.pdf"
        try:
            writer = self.writer(view, large_print)
            dialog = preview_pdf_file(self.window(), title, writer, name)
        except DomainError as exc:
            interaction.explain(self, refused, exc)
            return False
        except OSError as exc:
            reason = translate_value(os_error_reason(exc), QCoreApplication.translate)
            interaction.warn(self, refused, reason)
            return False
        client_id, plan_id, actor = view.client_id, view.plan_id, self.desk.actor()

        def logged(how: str) -> None:
            try:
                with storage_errors():
                    plan_service.record_export(client_id, plan_id, how, actor)
            except StorageError as exc:
                self.status_message.emit(exc.render(QCoreApplication.translate))

        dialog.printed.connect(lambda: logged("printed"))
        dialog.saved.connect(lambda _path: logged("saved"))
        interaction.run_dialog(dialog)
        dialog.forget()
        dialog.deleteLater()
        return True

    def writer(self, view: PlanView, large_print: bool = False):
        """A function writing *view*'s PDF (its large-print summary) to the path it is
        given."""
        from ...reports.fonts import cjk_font
        from ...reports.plan import plan_pdf

        def write(path: Path) -> Path:
            font = cjk_font(str(local_settings.get("pdf_font_path") or ""))
            now = clock.now()
            return plan_pdf(path, view, font, now, QCoreApplication.translate, large_print)

        return write


__all__ = ["PlanTab"]
