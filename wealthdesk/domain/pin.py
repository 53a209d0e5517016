"""The manager's PIN: what makes a good one, how it is stored, and slowing down guesses.

A PIN is never stored: only a salted scrypt hash in the form
``scrypt$<n>$<r>$<p>$<salt base64>$<hash base64>``, so the parameters travel with the hash
and can be raised later without breaking PINs already set.

The cost is set so that one check takes about half a second on a desk PC (0.48 s on the
machine it was measured on, 64 MiB): whoever copies the database and tries every PIN
of 6 digits needs about 5 days of one core, where the 4 digits allowed before fell in
8 minutes at the earlier cost (n = 2^14, p = 1: 49 ms). PINs set before the change keep
their own parameters and length, and still open the desk.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import itertools
import os
import re

from .errors import QT_TRANSLATE_NOOP, Problem

PIN_MIN = 6  # a new or changed PIN; shorter ones set before (4 digits) still open
PIN_MAX = 12

SCHEME = "scrypt"
SCRYPT_N = 2**16  # 64 MiB with r = 8, the most a stored hash may ask for
SCRYPT_R = 8
SCRYPT_P = 3  # three passes: about 0.5 s (bench: python -m wealthdesk.domain.pin)
SALT_BYTES = 16
HASH_BYTES = 32
# What a stored hash may ask for, so a damaged or planted setting cannot make a check
# take minutes or gigabytes: up to 64 MiB (scrypt needs 128·n·r bytes).
_MAX_MEMORY = 64 * 1024 * 1024
_MAX_P = 16
_MAX_HASH_BYTES = 64

_DIGITS = re.compile(r"[0-9]+")


def _is_run(pin: str) -> bool:
    """Every digit one more (or every one less) than the one before, counting on from 9
    to 0 as the top row of a keyboard does: 1234, 4321, 7890, 0987."""
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    return steps in ({1}, {9})


def pin_problem(pin: str) -> Problem | None:
    """Why *pin* cannot be the desk's PIN, or None."""
    if not pin:
        return Problem(
            "pin",
            QT_TRANSLATE_NOOP("domain", "Enter a PIN of {min} to {max} digits."),
            {"min": PIN_MIN, "max": PIN_MAX},
        )
    if not _DIGITS.fullmatch(pin):
        return Problem("pin", QT_TRANSLATE_NOOP("domain", "A PIN has only the digits 0 to 9."))
    if not PIN_MIN <= len(pin) <= PIN_MAX:
        return Problem(
            "pin",
            QT_TRANSLATE_NOOP("domain", "A PIN has {min} to {max} digits; this one has {count}."),
            {"min": PIN_MIN, "max": PIN_MAX, "count": len(pin)},
        )
    if len(set(pin)) == 1:
        return Problem(
            "pin",
            QT_TRANSLATE_NOOP(
                "domain", "A PIN of one digit repeated (like 1111) is too easy to guess."
            ),
        )
    if _is_run(pin):
        return Problem(
            "pin",
            QT_TRANSLATE_NOOP(
                "domain", "A PIN of digits in a row (like 1234 or 4321) is too easy to guess."
            ),
        )
    return None


def new_pin_problems(pin: str, repeat: str) -> list[Problem]:
    """What is wrong with a new PIN typed twice (fields ``pin`` and ``repeat``)."""
    problem = pin_problem(pin)
    if problem:
        return [problem]
    if repeat != pin:
        return [Problem("repeat", QT_TRANSLATE_NOOP("domain", "The two PINs differ."))]
    return []


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    # OpenSSL needs 128·r·(p + 2) bytes besides the 128·n·r: a margin of 1 MiB.
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=_MAX_MEMORY + 2**20
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """The stored form of *pin*, salted afresh each time; ValueError for a PIN with a
    problem (see :func:`pin_problem`). The cost parameters are the desk's (tests that
    are not about the cost may ask for less; the hash says what it was made with)."""
    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem.render())
    salt = os.urandom(SALT_BYTES)
    digest = _scrypt(pin, salt, n, r, p, HASH_BYTES)
    stored = f"{SCHEME}${n}${r}${p}${_b64(salt)}${_b64(digest)}"
    if _parse(stored) is None:
        raise ValueError(f"scrypt parameters out of range: n={n} r={r} p={p}")
    return stored


def check_seconds(runs: int = 3) -> float:
    """How long one PIN check takes here at the desk's cost (the best of *runs*)."""
    import time

    salt = os.urandom(SALT_BYTES)
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        _scrypt("258036", salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, HASH_BYTES)
        best = min(best, time.perf_counter() - started)
    return best


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    if not all(x.isascii() and x.isdigit() for x in parts[1:4]):
        return None
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    if n < 2 or n & (n - 1) or r < 1 or not 1 <= p <= _MAX_P or 128 * n * r > _MAX_MEMORY:
        return None
    if not salt or not 1 <= len(digest) <= _MAX_HASH_BYTES:
        return None
    return n, r, p, salt, digest


def verify_pin(pin: str, stored: str) -> bool:
    """Whether *pin* is the PIN *stored* was made from; False for anything malformed."""
    if not isinstance(pin, str) or not isinstance(stored, str):
        return False
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, digest = parsed
    try:
        candidate = _scrypt(pin, salt, n, r, p, len(digest))
    except (ValueError, MemoryError, UnicodeEncodeError):
        return False
    return hmac.compare_digest(candidate, digest)


# Two slips of the finger are free; the third wrong PIN in a row starts the waits (as
# README says: "after three wrong PINs each try waits …").
FREE_TRIES = 2
FIRST_WAIT = 5.0
LONGEST_WAIT = 60.0


def wait_after(failures: int) -> float:
    """Seconds to wait after *failures* wrong PINs in a row: nothing after the first
    two (a slip of the finger), 5 s after the third, then 10, 20, 40 and from then on
    60 s each."""
    if failures <= FREE_TRIES:
        return 0.0
    doublings = min(failures - FREE_TRIES - 1, 8)  # 5 s · 2⁸ is past the cap already
    return min(FIRST_WAIT * 2**doublings, LONGEST_WAIT)


class PinThrottle:
    """Slows down guessing: from the third wrong PIN in a row on, the next try is
    accepted only once :func:`wait_after` seconds have passed. A right PIN starts over.

    Times are monotonic seconds passed in by the caller (``time.monotonic()``), so the
    schedule is tested without waiting and a change of the wall clock cannot skip it.
    """

    def __init__(self) -> None:
        self.failures = 0
        self._next_try = 0.0

    def failed(self, now: float) -> None:
        """Record a wrong PIN entered at *now*."""
        self.failures += 1
        self._next_try = now + wait_after(self.failures)

    def succeeded(self) -> None:
        self.failures = 0
        self._next_try = 0.0

    def restore(self, failures: int, now: float) -> None:
        """Carry on after a restart with *failures* wrong PINs already counted: the wait
        for the next try starts again in full, so restarting never shortens it."""
        self.failures = max(0, int(failures))
        self._next_try = now + wait_after(self.failures) if self.failures else 0.0

    def seconds_left(self, now: float) -> float:
        """How long from *now* before the next try is accepted (0 when it is)."""
        return max(0.0, self._next_try - now)


if __name__ == "__main__":  # python -m wealthdesk.domain.pin: the cost on this machine
    seconds = check_seconds()
    print(
        f"one PIN check: {seconds:.3f} s (n={SCRYPT_N} r={SCRYPT_R} p={SCRYPT_P}); "
        f"every {PIN_MIN}-digit PIN: {10**PIN_MIN * seconds / 86400:.1f} days of one core"
    )
