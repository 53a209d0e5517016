"""The waiting-room display's voice: each call said through the system's speech engine
(services/speech.py) in a QProcess, one announcement after another, so that the board
never waits for the words; silent, with one log line, where there is no engine or no
sound output."""

from __future__ import annotations

import logging
from collections import deque
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from ...domain.announcement import Utterance, call_utterances
from ...services import speech

log = logging.getLogger(__name__)

# Calls made faster than they can be said: the oldest not yet begun are dropped beyond
# this many (the board shows them; the hall needs the latest).
WAITING_MOST = 4
KILL_WAIT_MS = 1000


class CallSpeaker(QObject):
    """Says calls aloud, or, with *render_to*, writes what it would say into WAV files in
    that folder (``001-zh.wav``, ``001-en.wav``…) and needs no sound output: what a
    test or a support call listens to."""

    started = Signal(str)  # an announcement's words (Mandarin first), as it begins
    finished = Signal(str)  # …and as the engine is done with it (said, written or failed)

    def __init__(
        self,
        parent: QObject | None = None,
        render_to: Path | None = None,
        engine: speech.Engine | bool | None = True,
        audio_problem=None,
    ):
        super().__init__(parent)
        self.render_to = Path(render_to) if render_to is not None else None
        # True: look for the engine when first needed; None: there is none.
        self._engine = engine
        # Looked up when asked (not bound here): why the sound cannot be heard, or "".
        self._audio_problem = audio_problem or (lambda: speech.audio_problem())
        self._logged: set[str] = set()
        self._waiting: deque[tuple[str, list[speech.Command]]] = deque()
        self._current = ""
        self._count = 0
        self.announced: list[str] = []  # every announcement accepted, in order (its words)
        self._process = QProcess(self)
        self._process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        self._process.finished.connect(self._run_finished)
        self._process.errorOccurred.connect(self._run_failed)
        self._runs: list[speech.Command] = []

    # ------------------------------------------------------------ asking
    def announce(self, ticket: str, desk: str, english: bool = False, volume: int = 80) -> bool:
        """Say the call of *ticket* to *desk* (and in English after it when *english*);
        False when it stays silent (no engine, no sound output: logged once)."""
        engine = self.engine()
        if engine is None:
            self._silent(f"no speech engine on this computer ({speech.ESPEAK} or SAPI)")
            return False
        if self.render_to is None and (problem := self._audio_problem()):
            self._silent(problem)
            return False
        said = call_utterances(ticket, desk, english)
        self._count += 1
        runs = speech.commands(engine, said, volume, self._wav(said))
        words = " ".join(u.text for u in said)
        self.announced.append(words)
        self._waiting.append((words, runs))
        while len(self._waiting) > WAITING_MOST:
            dropped, _runs = self._waiting.popleft()
            log.info("call not said, calls came faster: %s", dropped)
        if not self.busy():
            self._next()
        return True

    def engine(self) -> speech.Engine | None:
        if self._engine is True:
            self._engine = speech.find_engine()
        return self._engine or None

    def busy(self) -> bool:
        return bool(self._current)

    def stop(self) -> None:
        """Nothing more is said: the waiting calls dropped, the one being said cut off."""
        self._waiting.clear()
        self._runs = []
        if self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.kill()
            self._process.waitForFinished(KILL_WAIT_MS)
        self._current = ""

    def _wav(self, said: tuple[Utterance, ...]) -> Path | None:
        if self.render_to is None:
            return None
        self.render_to.mkdir(parents=True, exist_ok=True)
        return self.render_to / f"{self._count:03d}-{said[0].language}.wav"

    def _silent(self, why: str) -> None:
        if why not in self._logged:  # one line, not one a call
            self._logged.add(why)
            log.warning("calls not spoken: %s", why)

    # ------------------------------------------------------------ running
    def _next(self) -> None:
        if not self._waiting:
            return
        self._current, runs = self._waiting.popleft()
        self._runs = list(runs)
        self.started.emit(self._current)
        self._start_run()

    def _start_run(self) -> None:
        run = self._runs.pop(0)
        environment = QProcessEnvironment()
        for key, value in run.env().items():
            environment.insert(key, value)
        self._process.setProcessEnvironment(environment)
        self._process.start(run.program, list(run.arguments))

    def _run_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        said = bytes(self._process.readAllStandardError().data()).decode("utf-8", "replace")
        if status != QProcess.ExitStatus.NormalExit or code != 0:
            self._silent(f"the speech engine failed (exit {code}): {said.strip()[:200]}")
            self._runs = []
        elif self.render_to is None and _no_output(said):
            self._silent(f"no audio device: {said.strip().splitlines()[-1][:200]}")
            self._runs = []
        if self._runs:
            self._start_run()
            return
        self._done()

    def _run_failed(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._silent(f"the speech engine did not start: {self._process.errorString()}")
            self._runs = []
            self._done()

    def _done(self) -> None:
        words, self._current = self._current, ""
        if words:
            self.finished.emit(words)
        self._next()


def _no_output(stderr: str) -> bool:
    """Whether espeak-ng said it found nothing to play on (it still exits 0)."""
    return "Unknown PCM" in stderr or "cannot find card" in stderr or "audio_open" in stderr


__all__ = ["CallSpeaker"]
