"""Memory on an old lab PC: the C allocator told to hand big freed blocks straight back to the system.

A rendered text surface, a chat bubble or a screen's cached layer is a block of tens of KB to a few MB.
glibc's malloc serves blocks of 128 KB and more with mmap and unmaps them on free — but after the first
such free it raises that threshold (up to 32 MB), so from then on big surfaces come from the heap, whose
freed pages stay resident: resident memory then grows by whatever a story's screens once held, though
nothing is alive. Fixing the thresholds keeps every big block mapped on its own (freed = returned) and the
heap trimmed. Elsewhere (Windows, macOS, musl) there is nothing to do and nothing is done.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys

log = logging.getLogger(__name__)

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
BIG_BLOCK = 128 * 1024  # glibc's own starting threshold, kept fixed
_done = False


def tune_allocator() -> bool:
    """Once per process, on glibc: fixed mmap and trim thresholds, two malloc arenas (the game has one
    busy thread; the narrator's thread rarely allocates). True when the allocator was tuned."""
    global _done
    if _done or not sys.platform.startswith("linux"):
        return _done
    _done = True
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    ok = all(mallopt(param, value) == 1 for param, value in
             ((M_MMAP_THRESHOLD, BIG_BLOCK), (M_TRIM_THRESHOLD, BIG_BLOCK), (M_ARENA_MAX, 2)))
    if not ok:
        log.debug("mallopt refused a setting")
    return ok
