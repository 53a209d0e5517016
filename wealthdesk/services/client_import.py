"""Importing a client list from CSV: every row checked, bad rows reported by line.

The whole import is one transaction: a database failure or a cancel imports nothing;
rows that break a rule are left out and reported with their line number and reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import peewee

from ..domain.audit import AuditAction
from ..domain.client import ClientDraft, same_person_key
from ..domain.client_csv import CsvFileError, check_row, read_rows
from ..domain.csv_file import DecodedText, decode_csv, shown_names
from ..domain.errors import QT_TRANSLATE_NOOP, Problem, Translate, join_problems, os_error_reason
from ..domain.identity import StoredDocument
from . import audit, clock
from .clients import existing_id_numbers, existing_people, insert_clean_drafts
from .storage import LOCK_ATTEMPTS, is_lock_error, write_transaction

log = logging.getLogger(__name__)
_BATCH = 2000
_PROGRESS_EVERY = 250  # lines between progress reports (each one may cancel)


@dataclass(frozen=True)
class Rejection:
    line: int
    problems: tuple[Problem, ...]

    def render(self, translate: Translate | None = None) -> str:
        return join_problems(self.problems, translate)


@dataclass
class ImportReport:
    """What an import did. *ignored_columns* names the first few headers nobody knows
    (*more_ignored_columns*: how many more); *other_encoding_lines* are the lines read
    in *other_encoding* because they were not valid in the file's own *encoding*."""

    encoding: str = ""
    imported: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    cancelled: bool = False
    more_ignored_columns: int = 0
    other_encoding: str = ""
    other_encoding_lines: list[int] = field(default_factory=list)


def new_report(decoded: DecodedText, ignored: list[str]) -> ImportReport:
    """The report an import of *decoded* starts from: the lines that could not be
    decoded are already rejected, with the reason."""
    shown, more = shown_names(ignored)
    return ImportReport(
        encoding=decoded.encoding,
        rejected=[Rejection(line, (problem,)) for line, problem in decoded.bad_lines.items()],
        ignored_columns=shown,
        more_ignored_columns=more,
        other_encoding=decoded.other_encoding,
        other_encoding_lines=list(decoded.other_lines),
    )


def cancelled_report(report: ImportReport) -> ImportReport:
    """The report of an import cancelled before it was committed: nothing kept."""
    return replace(report, imported=0, rejected=[], cancelled=True)


class ImportCancelled(Exception):
    pass


_ID_IN_BOOK = QT_TRANSLATE_NOOP("domain", "A client with this ID number is already in the book.")
_PERSON_IN_BOOK = QT_TRANSLATE_NOOP(
    "domain", "A client with this name and mobile number is already in the book."
)


class _EarlierRows:
    """The rows of the file accepted so far, by ID number and by name and mobile, so a
    client listed twice is imported once; the second line names the first."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.people: dict[tuple[str, str], int] = {}

    def repeated(self, line: int, draft: ClientDraft) -> Problem | None:
        person = same_person_key(draft.name, draft.mobile)
        if draft.id_number and draft.id_number in self.ids:
            return Problem(
                "id_number",
                QT_TRANSLATE_NOOP("domain", "The same ID number is on line {line}."),
                {"line": self.ids[draft.id_number]},
            )
        if person is not None and person in self.people:
            return Problem(
                "mobile",
                QT_TRANSLATE_NOOP("domain", "The same name and mobile number are on line {line}."),
                {"line": self.people[person]},
            )
        if draft.id_number:
            self.ids[draft.id_number] = line
        if person is not None:
            self.people[person] = line
        return None


def read_csv_file(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise CsvFileError(
            QT_TRANSLATE_NOOP("domain", "The file {path} cannot be read: {reason}"),
            {"path": str(path), "reason": os_error_reason(exc)},
        ) from exc


def import_clients(
    path: Path,
    actor: str,
    progress: Callable[[int, int], bool] | None = None,
) -> ImportReport:
    """Import the clients in *path*.

    *progress(done, total)* is called every few hundred lines and once more before the
    import is committed; returning False cancels it, and nothing is kept. Raises
    :class:`CsvFileError` when the file as a whole cannot be read (then nothing is
    imported).
    """
    decoded = decode_csv(read_csv_file(path))
    for attempt in range(1, LOCK_ATTEMPTS + 1):
        try:
            report = _import_once(decoded, path, actor, progress)
            break
        except peewee.OperationalError as exc:
            # Desks checking in hold the file's write lock a moment at a time, another
            # import for longer: wait again (the busy timeout each time), then give up.
            if attempt == LOCK_ATTEMPTS or not is_lock_error(exc):
                raise
            log.info("import of %s waited for the database (attempt %d): %s", path, attempt, exc)
    return report


def _import_once(decoded, path: Path, actor: str, progress) -> ImportReport:
    """One try at the whole import in one transaction that takes the write lock first."""
    text = decoded.text
    rows, ignored = read_rows(text)
    report = new_report(decoded, ignored)
    total_lines = max(text.count("\n"), 1)
    today = clock.today()
    earlier = _EarlierRows()
    batch: list[tuple[int, ClientDraft, StoredDocument | None]] = []
    next_report = _PROGRESS_EVERY

    def keep_going(done: int) -> bool:
        return progress is None or progress(done, total_lines) is not False

    def flush() -> None:
        ids = existing_id_numbers(d.id_number for _, d, _doc in batch)
        people = existing_people(
            key for _, d, _doc in batch if (key := same_person_key(d.name, d.mobile)) is not None
        )
        keep = []
        documents = []
        for line, draft, document in batch:
            if draft.id_number in ids:
                report.rejected.append(Rejection(line, (Problem("id_number", _ID_IN_BOOK),)))
            elif same_person_key(draft.name, draft.mobile) in people:
                report.rejected.append(Rejection(line, (Problem("mobile", _PERSON_IN_BOOK),)))
            else:
                keep.append(draft)
                documents.append(document)
        insert_clean_drafts(keep, documents=documents)
        report.imported += len(keep)
        batch.clear()

    try:
        with write_transaction():
            for read in rows:
                row = check_row(read, today)
                if row.problems or row.draft is None:
                    report.rejected.append(Rejection(row.line, row.problems))
                elif repeated := earlier.repeated(row.line, row.draft):
                    report.rejected.append(Rejection(row.line, (repeated,)))
                else:
                    batch.append((row.line, row.draft, row.document))
                if len(batch) >= _BATCH:
                    flush()
                if row.line >= next_report:
                    next_report = row.line + _PROGRESS_EVERY
                    if not keep_going(min(row.line, total_lines)):
                        raise ImportCancelled
            if batch:
                flush()
            # The last word before anything is committed: a cancel here still keeps nothing.
            if not keep_going(total_lines):
                raise ImportCancelled
            report.rejected.sort(key=lambda r: r.line)
            audit.record(
                AuditAction.CLIENTS_IMPORTED,
                actor,
                None,
                f"{Path(path).name}: imported {report.imported}, rejected {len(report.rejected)}",
            )
    except ImportCancelled:
        log.info("import of %s cancelled; nothing kept", path)
        return cancelled_report(report)
    log.info("imported %s: %d imported, %d rejected", path, report.imported, len(report.rejected))
    return report


__all__ = [
    "CsvFileError",
    "ImportReport",
    "Rejection",
    "cancelled_report",
    "import_clients",
    "new_report",
]
