"""Saying the waiting room's calls aloud through the system's own speech engine, with no
Python package and no Qt: espeak-ng on Linux (the Debian package espeak-ng), Windows'
SAPI through PowerShell's System.Speech (Chinese Windows has Mandarin voices).

This module finds the engine, says whether there is anything to play sound on, and
builds the command lines; the display runs them in a QProcess, so that speaking never
holds up its window. :func:`render_wav` runs them here instead, into a WAV file, to
check what the engine says (the tests, a support call)."""

from __future__ import annotations

import base64
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..domain.announcement import Utterance

log = logging.getLogger(__name__)

ESPEAK = "espeak-ng"
SAPI = "sapi"
# espeak-ng's Mandarin voice that reads tone-numbered pinyin (its character voice, cmn,
# reads some characters' tone numbers out in English), and its English voice.
ESPEAK_VOICES = {"zh": "cmn-latn-pinyin", "en": "en"}
SAPI_CULTURES = {"zh": "zh-CN", "en": "en-US"}
WORDS_PER_MINUTE = 140  # a little slower than espeak-ng's 175: heard across a hall
RENDER_SECONDS = 30  # a render that takes longer than this has hung
DEFAULT_VOLUME = 80


class SpeechError(Exception):
    """No engine, or the engine failed: the message says which and why."""


@dataclass(frozen=True)
class Engine:
    """A speech engine found on this computer: ``espeak-ng`` or ``sapi``, and the
    program that runs it."""

    name: str
    program: str


@dataclass(frozen=True)
class Command:
    """One run of the engine: the program, its arguments, and variables added to its
    environment (SAPI's words travel there, never through a shell's quoting)."""

    program: str
    arguments: tuple[str, ...]
    environment: tuple[tuple[str, str], ...] = ()

    def env(self) -> dict[str, str]:
        return {**os.environ, **dict(self.environment)}


def find_engine() -> Engine | None:
    """The speech engine this computer has, or None (espeak-ng not installed; no
    PowerShell on Windows)."""
    if sys.platform == "win32":
        program = shutil.which("powershell") or shutil.which("pwsh")
        return Engine(SAPI, program) if program else None
    program = shutil.which(ESPEAK)
    return Engine(ESPEAK, program) if program else None


def audio_problem(
    cards: Path = Path("/proc/asound/cards"),
    devices: Path = Path("/dev/snd"),
    runtime_dir: str | None = None,
) -> str:
    """Why this computer cannot play sound, or "" when it seems able to: on Linux, a
    sound server (PulseAudio, PipeWire) or a sound card. Windows and macOS are taken at
    their word here; their engines say so when there is no output device."""
    if not sys.platform.startswith("linux"):
        return ""
    if os.environ.get("PULSE_SERVER"):
        return ""
    runtime = runtime_dir if runtime_dir is not None else os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and any((Path(runtime) / name).exists() for name in ("pulse/native", "pipewire-0")):
        return ""
    try:
        listed = cards.read_text(encoding="utf-8", errors="replace")
    except OSError:
        listed = ""
    has_card = bool(listed.strip()) and "no soundcards" not in listed
    if has_card and devices.exists():
        return ""
    return "no audio device (no sound card, no PulseAudio or PipeWire)"


def amplitude(volume: int) -> int:
    """espeak-ng's amplitude (0–200, 100 its default) for a volume setting of 0–100 %."""
    return max(0, min(200, round(volume * 2)))


def commands(
    engine: Engine, utterances: Sequence[Utterance], volume: int, wav: Path | None = None
) -> list[Command]:
    """The runs that say *utterances* at *volume* (0–100 %): aloud, or into the WAV
    file *wav* (espeak-ng: one file per utterance, ``wav`` with ``.1``, ``.2``… before
    its suffix after the first)."""
    if engine.name == SAPI:
        return [_sapi_command(engine, utterances, volume, wav)]
    runs = []
    for number, said in enumerate(utterances):
        arguments = [
            "-v",
            ESPEAK_VOICES.get(said.language, "en"),
            "-a",
            str(amplitude(volume)),
            "-s",
            str(WORDS_PER_MINUTE),
        ]
        if wav is not None:
            arguments += ["-w", str(_part(wav, number))]
        text = said.pinyin if said.language == "zh" and said.pinyin else said.text
        runs.append(Command(engine.program, (*arguments, text)))
    return runs


def _part(wav: Path, number: int) -> Path:
    return wav if number == 0 else wav.with_suffix(f".{number}{wav.suffix}")


_SAPI_SCRIPT = r"""
$ErrorActionPreference = 'Stop'
Add-Type -AssemblyName System.Speech
$s = New-Object System.Speech.Synthesis.SpeechSynthesizer
$s.Volume = [int]$env:WEALTHDESK_SAY_VOLUME
$s.Rate = -1
if ($env:WEALTHDESK_SAY_WAV) { $s.SetOutputToWaveFile($env:WEALTHDESK_SAY_WAV) }
else { $s.SetOutputToDefaultAudioDevice() }
$said = 0
for ($i = 0; $i -lt [int]$env:WEALTHDESK_SAY_COUNT; $i++) {
  $culture = [Environment]::GetEnvironmentVariable("WEALTHDESK_SAY_${i}_CULTURE")
  $text = [Environment]::GetEnvironmentVariable("WEALTHDESK_SAY_${i}_TEXT")
  $voice = $s.GetInstalledVoices() |
    Where-Object { $_.Enabled -and $_.VoiceInfo.Culture.Name -eq $culture } |
    Select-Object -First 1
  if (-not $voice) { [Console]::Error.WriteLine("no $culture voice installed"); continue }
  $s.SelectVoice($voice.VoiceInfo.Name)
  $s.Speak($text)
  $said++
}
$s.Dispose()
if ($said -eq 0) { exit 3 }
"""


def _sapi_command(
    engine: Engine, utterances: Sequence[Utterance], volume: int, wav: Path | None
) -> Command:
    script = base64.b64encode(_SAPI_SCRIPT.encode("utf-16-le")).decode("ascii")
    environment = [
        ("WEALTHDESK_SAY_VOLUME", str(max(0, min(100, volume)))),
        ("WEALTHDESK_SAY_COUNT", str(len(utterances))),
        ("WEALTHDESK_SAY_WAV", str(wav) if wav is not None else ""),
    ]
    for number, said in enumerate(utterances):
        culture = SAPI_CULTURES.get(said.language, "en-US")
        environment += [
            (f"WEALTHDESK_SAY_{number}_CULTURE", culture),
            (f"WEALTHDESK_SAY_{number}_TEXT", said.text),
        ]
    arguments = ("-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass")
    return Command(engine.program, (*arguments, "-EncodedCommand", script), tuple(environment))


def render_wav(
    utterances: Sequence[Utterance],
    target: Path,
    volume: int = DEFAULT_VOLUME,
    engine: Engine | None = None,
) -> Path:
    """Say *utterances* into the WAV file *target* (one file, the sentences one after
    the other), waiting for the engine. Raises :class:`SpeechError` when there is no
    engine or it fails."""
    engine = engine or find_engine()
    if engine is None:
        raise SpeechError("no speech engine (install espeak-ng)")
    target = Path(target)
    with tempfile.TemporaryDirectory(prefix="wealthdesk-speech-") as folder:
        scratch = Path(folder) / "said.wav"
        runs = commands(engine, utterances, volume, scratch)
        for run in runs:
            try:
                done = subprocess.run(
                    [run.program, *run.arguments],
                    env=run.env(),
                    capture_output=True,
                    timeout=RENDER_SECONDS,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise SpeechError(f"{engine.name}: {exc}") from exc
            if done.returncode != 0:
                said = done.stderr.decode("utf-8", "replace").strip()
                raise SpeechError(f"{engine.name} exit {done.returncode}: {said}")
        parts = [_part(scratch, n) for n in range(len(utterances) if engine.name == ESPEAK else 1)]
        join_wavs(parts, target)
    return target


def join_wavs(parts: Sequence[Path], target: Path) -> Path:
    """The WAV files *parts* (the same format, as one engine writes them) one after the
    other in *target*."""
    with wave.open(str(parts[0]), "rb") as first:
        params = first.getparams()
    with wave.open(str(target), "wb") as out:
        out.setparams(params)
        for part in parts:
            with wave.open(str(part), "rb") as piece:
                out.writeframes(piece.readframes(piece.getnframes()))
    return target


__all__ = [
    "Command",
    "Engine",
    "SpeechError",
    "amplitude",
    "audio_problem",
    "commands",
    "find_engine",
    "join_wavs",
    "render_wav",
]
