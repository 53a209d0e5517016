"""Door notice benchmarks: one notice PDF against a bare reportlab page, same font."""

from __future__ import annotations

import datetime as dt
import time

from harness import Figure, Goal, Run, benchmark, median, unavailable

RATIO_GOAL = 1.5
SIZE_GOAL_KB = 150
ROUNDS = {False: 200, True: 60}


@benchmark("notice_pdf")
def notice_pdf(run: Run) -> list[Figure]:
    from reportlab.pdfgen.canvas import Canvas

    from wealthdesk.domain.notice import NoticeDraft, NoticeKind
    from wealthdesk.reports import notice
    from wealthdesk.reports.fonts import FontError, cjk_font

    try:
        font = cjk_font()
    except FontError as exc:
        reason = exc.render()
        return [
            unavailable("notice_pdf", "ms", reason, (Goal("ratio", "<=", RATIO_GOAL),)),
            unavailable("notice_pdf_size", "KB", reason, (Goal("value", "<=", SIZE_GOAL_KB),)),
        ]
    # The fullest notice the dialog makes: every line with its English, and a QR code.
    draft = NoticeDraft(
        NoticeKind.LUNCH,
        start=dt.time(12, 0),
        until=dt.time(14, 0),
        branch="西湖支行",
        manager="王芳",
        phone="0571-88886666",
        english=True,
        qr=True,
    )
    folder = run.folder("notices")
    target, bare_target = folder / "notice.pdf", folder / "bare.pdf"

    def bare_page() -> None:
        canvas = Canvas(str(bare_target), initialFontName=font.name)
        canvas.setFont(font.name, 48)
        canvas.drawString(72, 400, "中午休息")
        canvas.showPage()
        canvas.save()

    # The first of each registers the font's metrics and encodes the QR code; a desk
    # prints the same notice again and again (and its preview redraws at every edit),
    # so the figure is the steady cost, and the first notice's is in the note.
    began = time.perf_counter()
    notice.notice_pdf(target, draft, font)
    first = (time.perf_counter() - began) * 1000
    bare_page()
    samples, bare = [], []
    for _ in range(ROUNDS[run.quick]):  # interleaved, so a busy moment slows both alike
        began = time.perf_counter()
        notice.notice_pdf(target, draft, font)
        samples.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        bare_page()
        bare.append((time.perf_counter() - began) * 1000)
    value, floor = median(samples), median(bare)
    size_kb = target.stat().st_size / 1000
    return [
        Figure(
            "notice_pdf",
            value,
            "ms",
            baseline=floor,
            ratio=value / floor,
            goals=(Goal("ratio", "<=", RATIO_GOAL),),
            note=(
                f"median of {len(samples)} lunch notices (A4 landscape, English lines, QR "
                "code) through reports.notice.notice_pdf: validated, font checked, drawn "
                f"and written to a file; the first one took {first:.1f} ms; baseline: a bare "
                f"reportlab page with one line in the same embedded font ({font.path.name}), "
                "written to a file, interleaved"
            ),
        ),
        Figure(
            "notice_pdf_size",
            size_kb,
            "KB",
            goals=(Goal("value", "<=", SIZE_GOAL_KB),),
            note=(
                f"that notice's file (the bare page's: {bare_target.stat().st_size / 1000:.1f} "
                "KB); the font is embedded as a subset of the characters used"
            ),
        ),
    ]
