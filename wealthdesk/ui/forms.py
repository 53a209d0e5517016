"""Form rows with their validation message underneath, shared by every form."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ..domain.errors import Problem


def validated_row(layout: QFormLayout, label: QLabel, field: QWidget) -> QLabel:
    """Add *field* beside *label*, with an error line under it that stays hidden while
    the field is valid; returns that error line."""
    error = QLabel()
    error.setObjectName("fieldError")
    error.setWordWrap(True)
    error.setVisible(False)
    holder = QWidget()
    stack = QVBoxLayout(holder)
    stack.setContentsMargins(0, 0, 0, 0)
    stack.setSpacing(2)
    stack.addWidget(field)
    stack.addWidget(error)
    # A composite field (an edit and its button) gives keyboard focus to its first widget.
    label.setBuddy(field.layout().itemAt(0).widget() if field.layout() else field)
    layout.addRow(label, holder)
    return error


def show_problems(errors: dict[str, QLabel], problems: Iterable[Problem]) -> set[str]:
    """Put each problem, translated, under its field; returns the fields with one."""
    by_field: dict[str, list[str]] = {}
    for problem in problems:
        by_field.setdefault(problem.field, []).append(problem.render(QCoreApplication.translate))
    for field, label in errors.items():
        messages = by_field.get(field)
        label.setText("\n".join(messages) if messages else "")
        label.setVisible(bool(messages))
    return set(by_field)
