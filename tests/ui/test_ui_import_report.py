"""The import report's list of rejected lines, saved as CSV from the dialog: a value a
file held that reads like a formula is saved as text (issue 18)."""

from __future__ import annotations

import csv

from PySide6.QtWidgets import QPushButton

from wealthdesk.services.products import import_products
from wealthdesk.ui.clients.import_dialog import ImportReportDialog


def test_the_saved_list_of_rejected_lines_carries_no_live_formula(
    qtbot, store, clock, prompts, language, tmp_path
):
    language.install_language("en")
    catalogue = tmp_path / "catalogue.csv"
    catalogue.write_text(
        "产品代码,产品名称,产品类别,风险等级,起购金额\n"
        'JJ-001,债券基金,基金,R2,"=HYPERLINK(""http://evil"",""x"")"\n'
        "JJ-002,股票基金,基金,R4,@SUM(A1)\n",
        encoding="utf-8",
    )
    report = import_products(catalogue, "test")
    assert [r.line for r in report.rejected] == [2, 3]
    dialog = ImportReportDialog(report, catalogue.name)
    qtbot.addWidget(dialog)
    saved = tmp_path / "rejected.csv"
    prompts.answer("save_file", str(saved))
    (save,) = [b for b in dialog.findChildren(QPushButton) if "rejected lines" in b.text()]
    save.click()

    with saved.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    reasons = [row[1] for row in rows[1:]]
    assert reasons[0].startswith('\'=HYPERLINK("http://evil","x") is not an amount of yuan')
    assert reasons[1].startswith("'@SUM(A1) is not an amount of yuan")
    assert [row[0] for row in rows[1:]] == ["2", "3"]
