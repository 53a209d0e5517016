"""``import-clients FILE.csv`` and ``import-products FILE.csv``: each rejected line with
its reason, then ``imported: N, rejected: M``."""

from __future__ import annotations

import argparse
import sys

from .common import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, actor_name, say


def import_clients_file(args: argparse.Namespace) -> int:
    from ..services.client_import import import_clients

    return _import_file(args, import_clients)


def import_products_file(args: argparse.Namespace) -> int:
    from ..services.products import import_products

    return _import_file(args, import_products)


def _import_file(args: argparse.Namespace, importer) -> int:
    """Run *importer* (clients or products) on the file and print its report: each
    rejected line with its reason, then ``imported: N, rejected: M``."""
    from ..domain.client_csv import CsvFileError
    from ..domain.csv_file import shown_names
    from ..i18n import translate

    try:
        report = importer(args.file, actor_name())
    except CsvFileError as exc:
        # Name the file once: a reason that already names it is not prefixed with it.
        named = "path" in exc.problem.params
        where = "" if named else f"{args.file}: "
        say(f"wealthdesk: {where}{exc.problem.render(translate)}", file=sys.stderr)
        return EXIT_USAGE
    if report.ignored_columns:
        columns = ", ".join(report.ignored_columns)
        if report.more_ignored_columns:
            columns += translate("cli", " and {count} more").format(
                count=report.more_ignored_columns
            )
        say(translate("cli", "ignored columns: {columns}").format(columns=columns))
    if report.other_encoding_lines:
        shown, more = shown_names([str(n) for n in report.other_encoding_lines])
        lines = ", ".join(shown)
        if more:
            lines += translate("cli", " and {count} more").format(count=more)
        other = _ENCODING_NAMES.get(report.other_encoding, report.other_encoding)
        say(
            translate(
                "cli", "lines read as {encoding}, unlike the rest of the file: {lines}"
            ).format(encoding=other, lines=lines)
        )
    for rejection in report.rejected:
        say(
            translate("cli", "line {line}: {reason}").format(
                line=rejection.line, reason=rejection.render(translate)
            )
        )
    say(f"imported: {report.imported}, rejected: {len(report.rejected)}")
    return EXIT_REJECTED if report.rejected else EXIT_OK


_ENCODING_NAMES = {"gb18030": "GBK/GB18030", "utf-8": "UTF-8", "utf-8-sig": "UTF-8"}
