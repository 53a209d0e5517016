"""Calls said aloud (issue 24): the words of a call in Mandarin (and English), rendered by
the system's real speech engine (espeak-ng) into a WAV file that lasts as long as the
words need and is not silence; louder at a higher volume; no engine and no sound output
said plainly."""

from __future__ import annotations

import array
import math
import shutil
import wave
from pathlib import Path

import pytest

from wealthdesk.domain.announcement import call_utterances, display_text
from wealthdesk.services import speech

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (apt espeak-ng)"
)
SILENCE_RMS = 300  # 16-bit samples: room noise in a quiet file stays far below this


def loudness(path: Path) -> tuple[float, float]:
    """(seconds, RMS of the samples) of a 16-bit mono WAV file."""
    with wave.open(str(path), "rb") as sound:
        assert sound.getsampwidth() == 2 and sound.getnchannels() == 1
        frames = sound.readframes(sound.getnframes())
        seconds = sound.getnframes() / sound.getframerate()
    samples = array.array("h", frames)
    return seconds, math.sqrt(sum(s * s for s in samples) / max(len(samples), 1))


def test_a_call_reads_as_the_waiting_room_expects_and_is_said_with_numbers_spelled():
    assert display_text("A012", "2") == "请 A012 号到 2 号理财室"
    [mandarin] = call_utterances("A012", "2")
    assert mandarin.text == "请A零一二号，到二号理财室"
    assert mandarin.pinyin == "qing3 A ling2 yi1 er4 hao4, dao4 er4 hao4 li3 cai2 shi4"
    [_zh, english] = call_utterances("w105", "12", english=True)
    assert english.text == "Number W 1 0 5, please go to room 12."
    assert call_utterances("W105", "12")[0].text.endswith("到十二号理财室")


@pytest.mark.parametrize(
    ("desk", "written", "said", "english"),
    [
        # A letter or a code is a room number, as "A 号窗口" on a sign.
        ("A", "请 A012 号到 A 号理财室", "到A号理财室", "room A"),
        ("B2", "请 A012 号到 B2 号理财室", "到B二号理财室", "room B2"),
        # A word names the room; Latin letters set off by spaces, Chinese words not.
        ("VIP", "请 A012 号到 VIP 理财室", "到VIP理财室", "the VIP room"),
        ("贵宾", "请 A012 号到贵宾理财室", "到贵宾理财室", "the wealth management room"),
        # A name that is a room already gets no second "理财室".
        ("贵宾室", "请 A012 号到贵宾室", "到贵宾室", "the wealth management room"),
    ],
)
def test_a_desk_named_not_numbered_is_called_to_its_room_in_good_mandarin(
    desk, written, said, english
):
    assert display_text("A012", desk) == written
    mandarin, in_english = call_utterances("A012", desk, english=True)
    assert mandarin.text == f"请A零一二号，{said}"
    assert "号号" not in mandarin.text and "室理财室" not in mandarin.text
    assert in_english.text == f"Number A 0 1 2, please go to {english}."


@needs_espeak
def test_a_call_rendered_by_espeak_ng_is_seconds_long_and_not_silence(tmp_path):
    said = speech.render_wav(call_utterances("A012", "2"), tmp_path / "call.wav", volume=80)
    seconds, rms = loudness(said)
    assert 1.5 < seconds < 8, seconds  # ten syllables at 140 words a minute
    assert rms > SILENCE_RMS, rms


@needs_espeak
def test_english_after_the_mandarin_makes_the_call_longer_in_one_file(tmp_path):
    mandarin, _ = loudness(speech.render_wav(call_utterances("A012", "2"), tmp_path / "zh.wav"))
    both, rms = loudness(
        speech.render_wav(call_utterances("A012", "2", english=True), tmp_path / "both.wav")
    )
    assert both > mandarin + 1.0 and rms > SILENCE_RMS


@needs_espeak
def test_a_higher_volume_setting_renders_louder(tmp_path):
    _, quiet = loudness(speech.render_wav(call_utterances("A012", "2"), tmp_path / "q.wav", 20))
    _, loud = loudness(speech.render_wav(call_utterances("A012", "2"), tmp_path / "l.wav", 90))
    assert loud > 2 * quiet


def test_without_an_engine_rendering_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no espeak-ng on it
    assert speech.find_engine() is None
    with pytest.raises(speech.SpeechError, match="install espeak-ng"):
        speech.render_wav(call_utterances("A012", "2"), tmp_path / "x.wav")


def test_no_sound_card_and_no_sound_server_is_told_as_no_audio_device(monkeypatch, tmp_path):
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    cards = tmp_path / "cards"
    cards.write_text("--- no soundcards ---\n")
    problem = speech.audio_problem(cards, tmp_path / "snd", runtime_dir=str(tmp_path))
    assert problem.startswith("no audio device")
    cards.write_text(" 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n")
    (tmp_path / "snd").mkdir()
    assert speech.audio_problem(cards, tmp_path / "snd", runtime_dir=str(tmp_path)) == ""
    cards.write_text("--- no soundcards ---\n")
    (tmp_path / "pulse").mkdir()
    (tmp_path / "pulse" / "native").touch()  # a PulseAudio server: it has the output
    assert speech.audio_problem(cards, tmp_path / "snd", runtime_dir=str(tmp_path)) == ""


def test_sapi_gets_the_words_in_its_environment_never_in_its_command_line():
    engine = speech.Engine(speech.SAPI, "powershell.exe")
    [run] = speech.commands(engine, call_utterances("A012", "2", english=True), 55)
    environment = dict(run.environment)
    assert environment["WEALTHDESK_SAY_0_TEXT"] == "请A零一二号，到二号理财室"
    assert environment["WEALTHDESK_SAY_0_CULTURE"] == "zh-CN"
    assert environment["WEALTHDESK_SAY_1_CULTURE"] == "en-US"
    assert environment["WEALTHDESK_SAY_VOLUME"] == "55"
    assert not any("A零一二" in argument for argument in run.arguments)
    assert "-EncodedCommand" in run.arguments
