"""The waiting-room display says each call and recall aloud (issue 24): through the real
speech engine, here into WAV files (the speaker's render folder, so no sound card is
needed), not a word when the branch turned the calls off, and silent with one log line
when the computer has no engine or no sound output. The board never waits for the
words: it has read the next change before the engine is done."""

from __future__ import annotations

import logging
import shutil

import pytest
from test_speech import SILENCE_RMS, loudness

from wealthdesk.domain.desk import DeskState
from wealthdesk.services import desk as desk_service
from wealthdesk.services import queue
from wealthdesk.services import settings as settings_service
from wealthdesk.ui.branch.call_speaker import CallSpeaker
from wealthdesk.ui.branch.display_window import DisplayWindow

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (apt espeak-ng)"
)


@pytest.fixture
def spoken(tmp_path):
    return tmp_path / "spoken"


@pytest.fixture
def board(store, clock, qtbot, language, spoken):
    language.install_language("en")
    shown = DisplayWindow("西湖支行", speaker=CallSpeaker(render_to=spoken))
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    shown.show()
    yield shown
    shown.close()


def wavs(folder) -> list[str]:
    return sorted(p.name for p in folder.glob("*.wav")) if folder.exists() else []


@needs_espeak
def test_a_call_and_its_recall_are_each_said_aloud(board, spoken, qtbot):
    visit = queue.check_in(queue.CheckIn(walk_in_name="李四"), "lobby")
    queue.call_next("2", "m2")
    with qtbot.waitSignal(board.speaker.finished, timeout=20_000):
        board.refresh()
    assert board.speaker.announced == ["请W零零一号，到二号理财室"]
    [said] = wavs(spoken)
    seconds, rms = loudness(spoken / said)
    assert seconds > 1.5 and rms > SILENCE_RMS
    board.refresh()  # nothing new: not said twice
    assert len(board.speaker.announced) == 1
    queue.recall(visit.id, "m2")
    with qtbot.waitSignal(board.speaker.finished, timeout=20_000):
        board.refresh()
    assert board.speaker.announced == ["请W零零一号，到二号理财室"] * 2
    assert len(wavs(spoken)) == 2


@needs_espeak
def test_english_follows_the_mandarin_when_the_branch_turns_it_on(board, spoken, qtbot):
    settings_service.save({"call_speech_english": True}, "1", "m")
    queue.check_in(queue.CheckIn(walk_in_name="李四"), "lobby")
    queue.call_next("3", "m3")
    with qtbot.waitSignal(board.speaker.finished, timeout=20_000):
        board.refresh()
    assert board.speaker.announced == [
        "请W零零一号，到三号理财室 Number W 0 0 1, please go to room 3."
    ]
    assert wavs(spoken) == ["001-zh.1.wav", "001-zh.wav"]  # the English after it
    assert loudness(spoken / "001-zh.1.wav")[1] > SILENCE_RMS


@needs_espeak
def test_the_board_does_not_wait_for_the_words(board, spoken, qtbot):
    queue.check_in(queue.CheckIn(walk_in_name="李四"), "lobby")
    queue.check_in(queue.CheckIn(walk_in_name="王五"), "lobby")
    queue.call_next("2", "m2")
    board.refresh()
    assert board.speaker.busy()  # the engine still at it when the board is done
    queue.call_next("3", "m3")
    board.refresh()
    assert "W002" in board.headline.text()
    qtbot.waitUntil(lambda: len(wavs(spoken)) == 2 and not board.speaker.busy(), timeout=20_000)
    assert [w.split("，")[0] for w in board.speaker.announced] == ["请W零零一号", "请W零零二号"]


def test_calls_stay_silent_when_the_branch_turned_them_off(board, spoken, qtbot):
    settings_service.save({"call_speech": False}, "1", "m")
    visit = queue.check_in(queue.CheckIn(walk_in_name="李四"), "lobby")
    queue.call_next("2", "m2")
    board.refresh()
    queue.recall(visit.id, "m2")
    board.refresh()
    assert "W001" in board.headline.text()  # shown, flashed…
    assert board._flash.isActive()
    assert board.speaker.announced == [] and not board.speaker.busy()  # …not said
    assert wavs(spoken) == []


def test_a_call_before_the_board_opened_and_one_at_a_desk_away_are_not_said(
    store, clock, qtbot, language, spoken
):
    queue.check_in(queue.CheckIn(walk_in_name="李四"), "lobby")
    queue.check_in(queue.CheckIn(walk_in_name="王五"), "lobby")
    queue.call_next("2", "m2")
    board = DisplayWindow("", speaker=CallSpeaker(render_to=spoken))
    qtbot.addWidget(board)
    queue.call_next("3", "m3")
    desk_service.set_status("3", DeskState.AWAY, "m3", until="15:00")
    board.refresh()
    assert board.speaker.announced == []
    board.close()


def test_no_engine_or_no_sound_output_is_silent_with_one_log_line(
    board, qtbot, caplog, monkeypatch, tmp_path
):
    caplog.set_level(logging.WARNING, logger="wealthdesk.ui.branch.call_speaker")
    without_sound = CallSpeaker(audio_problem=lambda: "no audio device (no sound card)")
    assert not without_sound.announce("W001", "2") and not without_sound.announce("W002", "2")
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng to be found
    without_engine = CallSpeaker(render_to=tmp_path)
    assert not without_engine.announce("W001", "2") and not without_engine.announce("W002", "2")
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [
        "calls not spoken: no audio device (no sound card)",
        "calls not spoken: no speech engine on this computer (espeak-ng or SAPI)",
    ]
    assert without_sound.announced == without_engine.announced == []
