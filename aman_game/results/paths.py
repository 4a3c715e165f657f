"""Where results files live and what they are called.

One file per machine, named after the host, so the PCs of a lab can share one network folder without ever
writing the same file (SQLite over a network share is only safe with a single writer per file).
"""
from __future__ import annotations

import hashlib
import os
import re
import socket
import uuid
from pathlib import Path
from typing import Iterable

FILE_PREFIX = "results-"
FILE_SUFFIX = ".sqlite3"
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def default_data_dir() -> Path:
    """The per-user data folder (e.g. ~/.local/share/aman, %LOCALAPPDATA%\\aman)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("aman", appauthor=False))


def sanitise_host(name: str | None) -> str:
    """A host name made safe for a file name on Windows, macOS and Linux shares alike."""
    text = _UNSAFE.sub("-", (name or "").split(".")[0]).strip("-_")[:63]
    return text or "unknown-host"


def host_file_name(host: str | None = None, suffix: str = "") -> str:
    """`results-LAB-PC-07.sqlite3`; `suffix` separates a second file on the same host."""
    base = sanitise_host(socket.gethostname() if host is None else host)
    return f"{FILE_PREFIX}{base}{'-' + suffix if suffix else ''}{FILE_SUFFIX}"


def machine_fingerprint() -> str | None:
    """A short hash of this PC's network hardware address, or None when there is no stable one.

    Lab PCs are often cloned from one image and may share a host name; the fingerprint, stored inside the
    file, lets the second PC notice the clash and write its own file. Hashed: the file holds no hardware id.
    """
    node = uuid.getnode()
    if node >> 40 & 1:  # multicast bit set: getnode() made a random number, different each process
        return None
    return hashlib.sha256(f"aman:{node:012x}".encode()).hexdigest()[:16]


def find_results_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Results files among `paths`: a file is taken as given; a folder yields its results-*.sqlite3 files."""
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = sorted(p for p in path.glob(f"{FILE_PREFIX}*{FILE_SUFFIX}") if p.is_file())
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found
