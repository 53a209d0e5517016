"""``wealthdesk questionnaire check|score`` (issue 19): a compliance officer verifies a
bank's form before it is used; a bad file or bad answers get one line per problem and
exit status 2."""

from __future__ import annotations

import json
import os
from pathlib import Path

from test_cli import run_cli

from wealthdesk.services.risk import load_questionnaire

DEFAULT = Path(__file__).resolve().parent.parent / "resources" / "questionnaires"
FORM = DEFAULT / "risk_default.json"
LETTERS = "ABCDE"


def best_answers(no_loss: bool = False) -> str:
    form = load_questionnaire(FORM)
    pairs = []
    for q in form.questions:
        index = max(range(len(q.options)), key=lambda i: q.options[i].points)
        if no_loss and q.id == "q9":
            index = 0
        pairs.append(f"{q.number}={LETTERS[index]}")
    return ",".join(pairs)


def test_check_prints_questions_bands_knock_outs_and_age_rules(tmp_path):
    done = run_cli(tmp_path, "--lang", "en", "questionnaire", "check", str(FORM))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "risk_default@2026.2: 14 questions in 6 modules, 100 points" in out
    assert "bands: C1 0-20, C2 21-45, C3 46-70, C4 71-85, C5 86-100" in out
    assert "knock-outs: 13=A -> C1" in out
    assert "age rules: 0-17 -> C1, 80- -> C3" in out


def test_score_prints_points_knock_outs_and_the_level(tmp_path):
    done = run_cli(
        tmp_path, "--lang", "en", "questionnaire", "score", str(FORM),
        "--answers", best_answers(no_loss=True),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "points: 90 of 100 (C5)" in done.stdout
    assert "knock-outs: 13=A -> C1" in done.stdout
    assert "level: C1 保守型" in done.stdout
    aged = run_cli(
        tmp_path, "--lang", "en", "questionnaire", "score", str(FORM),
        "--answers", best_answers(), "--birth-date", "1940-01-01",
    )  # fmt: skip
    assert "level: C3 平衡型" in aged.stdout and "-> C3" in aged.stdout


def test_bad_answers_and_a_bad_file_are_one_line_per_problem_and_exit_2(tmp_path):
    done = run_cli(
        tmp_path, "--lang", "en", "questionnaire", "score", str(FORM), "--answers", "1=Z,x"
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines == [
        "wealthdesk: “1=Z” is not a question's number and answer, like 3=B.",
        "wealthdesk: “x” is not a question's number and answer, like 3=B.",
    ]
    data = json.loads(FORM.read_text(encoding="utf-8"))
    data["questions"] = [q for q in data["questions"] if q["id"] != "q13"]
    bad = tmp_path / "bank.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = run_cli(tmp_path, "--lang", "en", "questionnaire", "check", str(bad))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert "risk_knowledge" in lines[0] and "Traceback" not in done.stderr
    assert len(lines) == 2  # the content, and the total no longer 100


def test_a_hostile_file_is_one_line_and_exit_2_never_a_traceback_or_a_hang(tmp_path):
    """A file nested deeper than the JSON reader goes, a named pipe nobody writes to (it
    would wait for ever), a device that never ends and a file far larger than any form:
    each refused in one line naming the file."""
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    huge = tmp_path / "huge.json"
    huge.write_text('{"id": "' + "x" * (3 << 20) + '"}', encoding="utf-8")
    for path, says in [
        (deep, "deep.json is not valid JSON"),
        (pipe, "pipe.json is not a file"),
        (Path("/dev/zero"), "zero is not a file"),
        (huge, "huge.json is too large"),
    ]:
        done = run_cli(tmp_path, "--lang", "en", "questionnaire", "check", str(path))
        assert (done.returncode, done.stdout) == (2, ""), done.stderr
        [line] = done.stderr.strip().splitlines()
        assert line.startswith("wealthdesk: The questionnaire ") and says in line, line
