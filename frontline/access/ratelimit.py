"""A brake on guessing passwords: failures counted per name and per client, each run of
failures past a few making the next attempt wait longer. Pure and thread-safe, with an
injectable clock."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable


class SignInLimiter:
    """A brake on guessing passwords, per name and per client: after `free` failures in a row
    the next attempt waits `first_delay` seconds, doubling with each further failure up to
    `max_delay`. A success clears the name and the client; a failure is forgotten after
    `forget_after` seconds. Thread-safe; `clock` is injectable for tests."""

    def __init__(
        self,
        *,
        free: int = 5,
        first_delay: float = 30.0,
        max_delay: float = 3600.0,
        forget_after: float = 24 * 3600.0,
        max_entries: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.free, self.first_delay, self.max_delay = free, first_delay, max_delay
        self.forget_after, self.max_entries, self.clock = forget_after, max_entries, clock
        self._lock = threading.Lock()
        self._failures: dict[tuple[str, str], tuple[int, float]] = {}  # key: (count, last)

    @staticmethod
    def _keys(name: str, client: str | None) -> list[tuple[str, str]]:
        keys = [("name", name.strip().casefold())]
        return keys + [("client", client)] if client else keys

    def _wait(self, key: tuple[str, str], now: float) -> float:
        count, last = self._failures.get(key, (0, -math.inf))
        if now - last > self.forget_after:
            self._failures.pop(key, None)
            return 0.0
        if count < self.free:
            return 0.0
        delay = min(self.max_delay, self.first_delay * 2 ** (count - self.free))
        return max(0.0, last + delay - now)

    def attempt(self, name: str, client: str | None) -> float:
        """0 if an attempt may go ahead now (it counts as a failure until succeeded() says
        otherwise, so that attempts at once cannot slip past the count), else the seconds
        to wait."""
        with self._lock:
            now = self.clock()
            keys = self._keys(name, client)
            wait = max(self._wait(key, now) for key in keys)
            if wait > 0:
                return wait
            for key in keys:
                count, _ = self._failures.get(key, (0, now))
                self._failures[key] = (count + 1, now)
            if len(self._failures) > self.max_entries:
                self._forget_oldest()
            return 0.0

    def succeeded(self, name: str, client: str | None) -> None:
        with self._lock:
            for key in self._keys(name, client):
                self._failures.pop(key, None)

    def _forget_oldest(self) -> None:
        by_age = sorted(self._failures, key=lambda key: self._failures[key][1])
        for key in by_age[: len(by_age) // 2]:
            del self._failures[key]
