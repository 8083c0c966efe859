"""Peak memory of the running process, for the benchmarks' figures."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_mib() -> float:
    """The process's peak resident set in MiB: the kernel's high-water mark of this
    program's memory (VmHWM). getrusage's ru_maxrss is not used where VmHWM is known: it
    survives exec, so a worker started by a large process reports that process's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
