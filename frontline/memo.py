"""A small table of values derived from one data load, least recently used out first.

The map's layers as of a date (the state of the places, the canvas payload, the estimated
line of contact) are costly to build and are the same for every date at which the data's
index stands at the same position: a slider move that passes no claim reuses them. The
table belongs to one loaded data set (its keys need not name the data), so a save or an
import, which loads the data anew, starts an empty one.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class Memo:
    """Values by key, at most `size` of them; shared by every session of one data load."""

    def __init__(self, size: int):
        if size < 1:
            raise ValueError(f"a memo holds at least one value, not {size}")
        self.size = size
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The value under `key`, made (outside the lock) and kept when it is missing."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = make()
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)
