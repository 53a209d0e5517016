"""The Products page: the catalogue (search, family, off-sale products), the product's
form beside it with its rules checked as typed, and the import of a catalogue file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ... import local_settings
from ...domain.client import ProductFamily
from ...domain.client_csv import CsvFileError
from ...domain.errors import DomainError, Problem
from ...domain.product import (
    COOLING_OFF_HOURS_MAX,
    COOLING_OFF_HOURS_MIN,
    UNRATED_WORDS,
    AssetClass,
    ProductDraft,
    ProductKind,
    RiskRating,
    format_fen,
    money_problem,
    normalize_product,
    parse_money,
    parse_term,
    product_problems,
)
from ...i18n import domain_text, translate
from ...services.products import ProductInfo
from ...services.storage import StorageError
from .. import defs, interaction
from ..clients.import_dialog import ImportReportDialog
from ..desk.context import DeskContext
from ..forms import AmountEcho, show_problems, validated_row
from ..icons import icon
from ..language import Retranslating
from ..models import ID_ROLE, SORT_ROLE
from ..sales.sales_book import SalesBook, shared_book
from ..tables import list_table
from .product_model import COL_CODE, COL_NAME, ProductTableModel

LABELS = {
    "code": QT_TRANSLATE_NOOP("ProductsPage", "Code"),
    "name": QT_TRANSLATE_NOOP("ProductsPage", "Name"),
    "family": QT_TRANSLATE_NOOP("ProductsPage", "Family"),
    "risk_rating": QT_TRANSLATE_NOOP("ProductsPage", "Risk rating"),
    "kind": QT_TRANSLATE_NOOP("ProductsPage", "Kind"),
    "private": QT_TRANSLATE_NOOP("ProductsPage", "Private (私募)"),
    "asset_class": QT_TRANSLATE_NOOP("ProductsPage", "Asset class (私募)"),
    "cooling_off_hours": QT_TRANSLATE_NOOP("ProductsPage", "Cooling-off (hours)"),
    "min_amount": QT_TRANSLATE_NOOP("ProductsPage", "Minimum amount (¥)"),
    "term_days": QT_TRANSLATE_NOOP("ProductsPage", "Term"),
    "notes": QT_TRANSLATE_NOOP("ProductsPage", "Notes"),
}


class ProductsPage(Retranslating, QWidget):
    """The catalogue and one product's form. ``status_message`` carries no client data
    (there is none on this page)."""

    status_message = Signal(str)

    def __init__(
        self, desk: DeskContext, parent: QWidget | None = None, book: SalesBook | None = None
    ):
        super().__init__(parent)
        self.setObjectName("productsPage")
        self.desk = desk
        self.book = book or shared_book(desk)
        self._product: ProductInfo | None = None
        self._loading = False
        self._dirty = False
        self._labels: dict[str, QLabel] = {}
        self._errors: dict[str, QLabel] = {}
        self._build()
        self.book.products_changed.connect(self.refresh)
        self.retranslate()
        self.new_product()
        self.refresh()

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("productSearch")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.family_filter = QComboBox()
        # As wide as a short family's name, not the longest: the bar fits 1024 pixels.
        self.family_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.family_filter.setMinimumContentsLength(10)
        self.show_inactive = QCheckBox()
        self.import_button = QPushButton(icon("import"), "")
        self.import_button.clicked.connect(lambda: self.import_catalogue())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(defs.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.family_filter.currentIndexChanged.connect(self.refresh)
        self.show_inactive.toggled.connect(self.refresh)

        self.model = ProductTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortLocaleAware(True)
        self.table = list_table(self.proxy, "productTable", COL_NAME, left_headers=False)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.result_label = QLabel()
        self.result_label.setObjectName("secondaryText")
        self.result_label.setWordWrap(True)  # the empty catalogue's hint is a sentence

        # Two rows: the search as wide as the list, the filters under it (one row did
        # not fit a 1024-pixel screen in English beside the form).
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.import_button)
        filters = QHBoxLayout()
        filters.addWidget(self.family_filter)
        filters.addWidget(self.show_inactive)
        filters.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(defs.MARGIN, defs.MARGIN, 0, defs.MARGIN)
        left_layout.addLayout(top)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.result_label)

        # The form.
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.code = QLineEdit()
        self.code.setMaxLength(40)
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.family = QComboBox()
        for family in ProductFamily:
            self.family.addItem("", family.value)
        self.rating = QComboBox()
        self.rating.addItem("", None)
        for level in range(1, 6):
            self.rating.addItem("", level)
        # What the family does not say (a fund, a structured deposit…): it decides the
        # rating rule and which qualification sells it.
        self.kind = QComboBox()
        self.kind.addItem("", "")
        for kind in ProductKind:
            self.kind.addItem("", kind.value)
        self.private = QCheckBox()
        # A private product's asset class sets its minimum's floor (资管新规 第五条),
        # and its cooling-off period runs from the signing time.
        self.asset_class = QComboBox()
        self.asset_class.addItem("", "")
        for asset_class in AssetClass:
            self.asset_class.addItem("", asset_class.value)
        self.cooling_off = QSpinBox()
        self.cooling_off.setRange(COOLING_OFF_HOURS_MIN, COOLING_OFF_HOURS_MAX)
        self.cooling_off.setValue(COOLING_OFF_HOURS_MIN)
        self.min_amount = QLineEdit()
        self.min_amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.term = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(72)
        self.state_label = QLabel()
        self.state_label.setObjectName("secondaryText")
        form = QFormLayout()
        fields = {
            "code": self.code,
            "name": self.name,
            "family": self.family,
            "risk_rating": self.rating,
            "kind": self.kind,
            "private": self.private,
            "asset_class": self.asset_class,
            "cooling_off_hours": self.cooling_off,
            "min_amount": AmountEcho(self.min_amount),
            "term_days": self.term,
            "notes": self.notes,
        }
        for key, widget in fields.items():
            label = QLabel()
            self._labels[key] = label
            self._errors[key] = validated_row(form, label, widget)
        for edit in (self.code, self.name, self.min_amount, self.term):
            edit.textEdited.connect(self._edited)
        self.notes.textChanged.connect(self._edited)
        for combo in (self.family, self.rating, self.kind, self.asset_class):
            combo.currentIndexChanged.connect(self._edited)
        self.cooling_off.valueChanged.connect(self._edited)
        self.private.toggled.connect(self._edited)
        self.private.toggled.connect(self._show_private_fields)

        self.new_button = QPushButton(icon("add-client"), "")
        self.new_button.clicked.connect(self._new_clicked)
        self.save_button = QPushButton(icon("save"), "")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.active_button = QPushButton()
        self.active_button.clicked.connect(self.toggle_active)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.active_button)
        buttons.addWidget(self.save_button)

        # The form is never narrower than its widest row (its minimum size hint): no
        # fixed minimum below that, which cut the private checkbox's text off.
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.state_label)
        right_layout.addLayout(form)
        right_layout.addStretch(1)
        right_layout.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 420])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("ProductsPage", "Find a product: code or name"))
        current = self.family_filter.currentData()
        self.family_filter.blockSignals(True)
        self.family_filter.clear()
        self.family_filter.addItem(translate("ProductsPage", "All families"), None)
        for family in ProductFamily:
            self.family_filter.addItem(domain_text(family.label), family.value)
        self.family_filter.setCurrentIndex(max(0, self.family_filter.findData(current)))
        self.family_filter.blockSignals(False)
        self.show_inactive.setText(translate("ProductsPage", "Show off-sale products"))
        self.import_button.setText(translate("ProductsPage", "Import CSV…"))
        self.import_button.setToolTip(
            translate(
                "ProductsPage", "Import a catalogue from a CSV file (产品代码, 产品名称, 产品类别…)"
            )
        )
        for key, label in self._labels.items():
            label.setText(translate("ProductsPage", LABELS[key]))
        for index, family in enumerate(ProductFamily):
            self.family.setItemText(index, domain_text(family.label))
        self.rating.setItemText(0, translate("ProductsPage", "Not rated"))
        for level in range(1, 6):
            self.rating.setItemText(level, domain_text(RiskRating.of(level).label))
        self.private.setText(translate("ProductsPage", "a cooling-off period from the signing"))
        self.kind.setItemText(0, translate("ProductsPage", "— (as its family)"))
        for index, kind in enumerate(ProductKind, start=1):
            self.kind.setItemText(index, domain_text(kind.label))
        self.asset_class.setItemText(0, "—")
        for index, asset_class in enumerate(AssetClass, start=1):
            self.asset_class.setItemText(index, domain_text(asset_class.label))
        self.cooling_off.setSuffix(translate("ProductsPage", " h"))
        self.min_amount.setPlaceholderText(translate("ProductsPage", "e.g. 10000, 1万"))
        self.term.setPlaceholderText(
            translate("ProductsPage", "days, e.g. 90, 6个月, 1年; empty: none")
        )
        self.new_button.setText(translate("ProductsPage", "New product"))
        self.save_button.setText(translate("ProductsPage", "Save"))
        self.model.retranslate()
        self._show_heading()
        self._update_result_label()
        self._validate()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()  # the demo, an import or another desk may have changed it

    # ------------------------------------------------------------ the list
    def refresh(self) -> None:
        self._timer.stop()
        self._failure = ""
        try:
            rows = self.book.products(
                self.search.text(),
                ProductFamily(family) if (family := self.family_filter.currentData()) else None,
                self.show_inactive.isChecked(),
            )
        except StorageError as exc:
            rows = []
            self._failure = exc.render(QCoreApplication.translate)
        self.model.set_rows(rows)
        self._update_result_label()
        if self._product is not None:
            self._select(self._product.id)

    def _update_result_label(self) -> None:
        if getattr(self, "_failure", ""):
            text = self._failure
        elif self.model.rowCount() == 0 and not self.search.text().strip():
            text = translate(
                "ProductsPage",
                "The catalogue is empty: add a product with “New product” or import a file.",
            )
        else:
            text = translate("ProductsPage", "{count} products").format(count=self.model.rowCount())
        self.result_label.setText(text)

    def _select(self, product_id: int) -> None:
        row = self.model.row_of(product_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, COL_CODE))
        self.table.selectionModel().blockSignals(True)
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self.table.selectionModel().blockSignals(False)

    def _current_changed(self, current, previous) -> None:
        if not current.isValid():
            return
        product_id = self.proxy.data(current, ID_ROLE)
        if self._product is not None and product_id == self._product.id:
            return
        if not self.maybe_leave():
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(previous)
            self.table.selectionModel().blockSignals(False)
            return
        self.show_product(self.model.row_at(self.proxy.mapToSource(current).row()))

    # ------------------------------------------------------------ the form
    def maybe_leave(self) -> bool:
        """True when the form may show something else (saved, discarded or unchanged)."""
        if not self._dirty:
            return True
        choice = interaction.ask_unsaved(self)
        if choice is interaction.UnsavedChoice.SAVE:
            return self.save()
        return choice is interaction.UnsavedChoice.DISCARD

    def _new_clicked(self) -> None:
        if self.maybe_leave():
            self.table.clearSelection()
            self.new_product()

    def new_product(self) -> None:
        self._product = None
        self._fill(ProductDraft(code="", name="", family=ProductFamily.WEALTH, risk_rating=None))
        self.code.setFocus()

    def show_product(self, product: ProductInfo) -> None:
        self._product = product
        self._fill(product.draft)

    def _fill(self, draft: ProductDraft) -> None:
        self._loading = True
        self.code.setText(draft.code)
        self.name.setText(draft.name)
        self.family.setCurrentIndex(self.family.findData(ProductFamily(draft.family).value))
        self.rating.setCurrentIndex(self.rating.findData(draft.risk_rating))
        self.private.setChecked(draft.private)
        self.kind.setCurrentIndex(max(self.kind.findData(draft.kind or ""), 0))
        self.asset_class.setCurrentIndex(max(self.asset_class.findData(draft.asset_class or ""), 0))
        self.cooling_off.setValue(draft.cooling_off_hours)
        self._show_private_fields(draft.private)
        self.min_amount.setText(format_fen(draft.min_amount_fen) if self._product else "")
        self.term.setText(str(draft.term_days) if draft.term_days else "")
        self.notes.setPlainText(draft.notes)
        self._loading = False
        self._dirty = False
        self._shown_problems = False
        show_problems(self._errors, [])
        self._show_heading()
        self._validate()

    def _show_heading(self) -> None:
        product = self._product
        if product is None:
            self.heading.setText(translate("ProductsPage", "New product"))
            self.state_label.setText("")
            self.active_button.setVisible(False)
            return
        self.heading.setText(f"{product.code} {product.name}")
        self.state_label.setText(
            translate("ProductsPage", "On sale")
            if product.active
            else translate("ProductsPage", "Off sale: not offered for new sales")
        )
        self.active_button.setVisible(True)
        self.active_button.setText(
            translate("ProductsPage", "Take off sale")
            if product.active
            else translate("ProductsPage", "Put back on sale")
        )

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        self._dirty = True
        self._shown_problems = True
        self._validate()

    def _show_private_fields(self, private: bool) -> None:
        """The asset class and the cooling-off period are a private product's."""
        for key in ("asset_class", "cooling_off_hours"):
            self._labels[key].setEnabled(private)
        self.asset_class.setEnabled(private)
        self.cooling_off.setEnabled(private)

    def current_draft(self) -> tuple[ProductDraft, list[Problem]]:
        """The form as a draft, and what could not be read from it."""
        problems: list[Problem] = []
        amount_text = self.min_amount.text().strip()
        minimum = 0
        if amount_text:
            problem = money_problem(amount_text, "min_amount")
            if problem:
                problems.append(problem)
            else:
                minimum = parse_money(amount_text) or 0
        term_text = self.term.text().strip()
        term = None
        if term_text and term_text.casefold() not in UNRATED_WORDS:
            term = parse_term(term_text)
            if term is None:
                problems.append(
                    Problem(
                        "term_days",
                        QT_TRANSLATE_NOOP(
                            "domain",
                            "The term {value} is not a number of days like 90, 6个月 or 1年.",
                        ),
                        {"value": term_text},
                    )
                )
        draft = normalize_product(
            ProductDraft(
                code=self.code.text(),
                name=self.name.text(),
                family=ProductFamily(self.family.currentData()),
                risk_rating=self.rating.currentData(),
                private=self.private.isChecked(),
                kind=str(self.kind.currentData() or ""),
                asset_class=str(self.asset_class.currentData() or "")
                if self.private.isChecked()
                else "",
                cooling_off_hours=self.cooling_off.value(),
                min_amount_fen=minimum,
                term_days=term,
                active=self._product.active if self._product else True,
                notes=self.notes.toPlainText(),
            )
        )
        return draft, problems

    def _validate(self) -> list[Problem]:
        draft, problems = self.current_draft()
        read = {p.field for p in problems}
        problems += [p for p in product_problems(draft) if p.field not in read]
        # A new form shows no errors until the manager types; Save shows them all.
        if getattr(self, "_shown_problems", False):
            show_problems(self._errors, problems)
        self.save_button.setEnabled(self._dirty or self._product is None)
        return problems

    def save(self) -> bool:
        self._shown_problems = True
        problems = self._validate()
        if problems:
            self._focus_first(problems)
            return False
        draft, _ = self.current_draft()
        try:
            if self._product is None:
                saved = self.book.create_product(draft)
            else:
                saved = self.book.update_product(self._product.id, draft, self._product.row_version)
        except DomainError as exc:
            fields = show_problems(self._errors, exc.problems)
            if fields & set(self._errors):
                self._focus_first(exc.problems)
            else:
                interaction.explain(self, translate("ProductsPage", "Not saved"), exc)
            return False
        except StorageError as exc:
            interaction.explain(self, translate("ProductsPage", "Not saved"), exc)
            return False
        self.show_product(saved)
        self.refresh()
        self.status_message.emit(
            translate("ProductsPage", "Product {code} saved.").format(code=saved.code)
        )
        return True

    def _focus_first(self, problems: list[Problem]) -> None:
        widgets = {
            "code": self.code,
            "name": self.name,
            "risk_rating": self.rating,
            "kind": self.kind,
            "private": self.private,
            "asset_class": self.asset_class,
            "cooling_off_hours": self.cooling_off,
            "min_amount": self.min_amount,
            "term_days": self.term,
            "notes": self.notes,
        }
        for problem in problems:
            if problem.field in widgets:
                widgets[problem.field].setFocus()
                return

    def toggle_active(self) -> None:
        product = self._product
        if product is None:
            return
        if product.active and not interaction.confirm(
            self,
            translate("ProductsPage", "Take off sale"),
            translate(
                "ProductsPage",
                "Take {code} off sale? It stays in the catalogue, in holdings and in past "
                "sales, but is no longer offered for a new sale.",
            ).format(code=product.code),
            translate("ProductsPage", "Take off sale"),
        ):
            return
        try:
            changed = self.book.set_active(product.id, not product.active, product.row_version)
        except (DomainError, StorageError) as exc:
            interaction.explain(self, translate("ProductsPage", "Not changed"), exc)
            return
        self.show_product(changed)
        if not changed.active and not self.show_inactive.isChecked():
            self.table.clearSelection()
        self.refresh()

    # ------------------------------------------------------------ importing
    def import_catalogue(self, path: str = "") -> None:
        if not path:
            folder = str(local_settings.state(local_settings.LAST_IMPORT_FOLDER, "") or "")
            path = interaction.choose_open_file(
                self,
                translate("ProductsPage", "Import products"),
                folder,
                translate("ProductsPage", "CSV files (*.csv *.txt);;All files (*)"),
            )
        if not path:
            return
        local_settings.set_state(local_settings.LAST_IMPORT_FOLDER, str(Path(path).parent))
        try:
            report = self.book.import_file(Path(path), lambda done, total: True)
        except CsvFileError as exc:
            interaction.error(
                self,
                translate("ProductsPage", "Cannot import this file"),
                exc.problem.render(QCoreApplication.translate),
            )
            return
        except StorageError as exc:
            interaction.error(
                self,
                translate("ProductsPage", "Nothing was imported"),
                exc.render(QCoreApplication.translate),
            )
            return
        dialog = ImportReportDialog(report, Path(path).name, self)
        dialog.setWindowTitle(translate("ProductsPage", "Import finished"))
        dialog.summary.setText(
            translate(
                "ProductsPage",
                "{file}: products imported: {imported}; lines not imported: {rejected}.",
            ).format(file=Path(path).name, imported=report.imported, rejected=len(report.rejected))
        )
        interaction.run_once(dialog)
        self.status_message.emit(
            translate("ProductsPage", "{count} products imported.").format(count=report.imported)
        )


__all__ = ["ProductsPage"]
