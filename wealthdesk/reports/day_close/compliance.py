"""The compliance section of the day close and of the week's and month's summaries
(issue 19): the level jumps (a risk level raised and, the same day, a sale above the
level before) and the sales whose 双录 recording is not yet quality-checked. Clients are
masked, as everywhere in documents.

Kept apart from ``day_close.py``: it takes the report's writer (its paragraphs, grids
and translation) and the service's :class:`~wealthdesk.services.sale_reviews.DayCompliance`."""

from __future__ import annotations

from ...domain.errors import QT_TRANSLATE_NOOP

COMPLIANCE_TITLE = QT_TRANSLATE_NOOP("reports", "Compliance checks")
UNCHECKED_LISTED = 40  # the oldest listed; the count says the rest


def compliance_section(w, compliance, period: bool = False) -> list:
    """The section's flowables: a heading, the level jumps, the unchecked recordings.
    A *period*'s (a week's or a month's) jumps carry their day, and its recordings are
    those of its sales still unchecked when the summary is made."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    t = w.t
    story = [w.para(t(COMPLIANCE_TITLE), w.section)]
    jumps, unchecked = compliance.level_jumps, compliance.unchecked
    story.append(
        w.pairs(
            [
                (
                    t(QT_TRANSLATE_NOOP("reports", "Level raised, sold above the old level")),
                    str(len(jumps)),
                ),
                (
                    t(QT_TRANSLATE_NOOP("reports", "Recordings (双录) not yet checked")),
                    str(len(unchecked)),
                ),
            ],
            columns=2,
        )
    )

    story.append(
        w.para(
            t(
                QT_TRANSLATE_NOOP(
                    "reports", "Risk level raised and sold above the old level the same day"
                )
            ),
            w.sub,
        )
    )
    if jumps:
        rows = [
            [
                *([t(QT_TRANSLATE_NOOP("reports", "Date"))] if period else []),
                t(QT_TRANSLATE_NOOP("reports", "Client")),
                t(QT_TRANSLATE_NOOP("reports", "Level before")),
                t(QT_TRANSLATE_NOOP("reports", "Level after")),
                t(QT_TRANSLATE_NOOP("reports", "Product")),
                t(QT_TRANSLATE_NOOP("reports", "Rating")),
                t(QT_TRANSLATE_NOOP("reports", "Sale")),
            ]
        ]
        for j in jumps:
            rows.append(
                [
                    *([j.day.isoformat() if j.day else "—"] if period else []),
                    j.masked_name,
                    f"C{j.old_level}",
                    f"C{j.new_level}",
                    j.product_code,
                    f"R{j.product_rating}",
                    str(j.sale_id),
                ]
            )
        if period:
            widths = [22 * mm, 26 * mm, 20 * mm, 20 * mm, 50 * mm, 20 * mm, 24 * mm]
        else:
            widths = [30 * mm, 22 * mm, 22 * mm, 58 * mm, 26 * mm, 24 * mm]
        story.append(w.grid(rows, widths, numbers_from=len(widths) - 1, repeatRows=1))
        story.append(Spacer(1, 1 * mm))
        story.append(
            w.para(
                t(
                    QT_TRANSLATE_NOOP(
                        "reports",
                        "Review each with compliance: was the client's new answer true, and "
                        "was the sale suitable?",
                    )
                ),
                w.small,
            )
        )
    elif period:
        story.append(w.para(t(QT_TRANSLATE_NOOP("reports", "None in this period.")), w.small))
    else:
        story.append(w.para(t(QT_TRANSLATE_NOOP("reports", "None on this day.")), w.small))

    if period:
        heading = QT_TRANSLATE_NOOP(
            "reports", "Sales of this period whose recording (双录) is not yet quality-checked"
        )
    else:
        heading = QT_TRANSLATE_NOOP("reports", "Sales recordings (双录) not yet quality-checked")
    story.append(w.para(t(heading), w.sub))
    if unchecked:
        rows = [
            [
                t(QT_TRANSLATE_NOOP("reports", "Sale")),
                t(QT_TRANSLATE_NOOP("reports", "Signed")),
                t(QT_TRANSLATE_NOOP("reports", "Client")),
                t(QT_TRANSLATE_NOOP("reports", "Product")),
                t(QT_TRANSLATE_NOOP("reports", "Recording")),
                t(QT_TRANSLATE_NOOP("reports", "Keep until")),
            ]
        ]
        for u in unchecked[:UNCHECKED_LISTED]:
            rows.append(
                [
                    str(u.sale_id),
                    f"{u.signed_at:%Y-%m-%d %H:%M}",
                    u.masked_name,
                    u.product_code,
                    u.recording_ref,
                    u.retain_until.isoformat() if u.retain_until else "—",
                ]
            )
        story.append(Spacer(1, 1 * mm))
        story.append(
            w.grid(
                rows,
                [16 * mm, 30 * mm, 24 * mm, 36 * mm, 48 * mm, 28 * mm],
                numbers_from=6,
                repeatRows=1,
            )
        )
        rest = len(unchecked) - UNCHECKED_LISTED
        if rest > 0:
            story.append(
                w.para(
                    t(
                        QT_TRANSLATE_NOOP(
                            "reports", "{count} more not listed: see the day close page."
                        )
                    ).format(count=rest),
                    w.small,
                )
            )
    elif period:
        story.append(
            w.para(
                t(QT_TRANSLATE_NOOP("reports", "Every recording of this period is checked.")),
                w.small,
            )
        )
    else:
        story.append(
            w.para(t(QT_TRANSLATE_NOOP("reports", "Every recording is checked.")), w.small)
        )
    return story


__all__ = ["COMPLIANCE_TITLE", "compliance_section"]
