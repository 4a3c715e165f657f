"""Reading a JSON file from the data folder, which is untrusted input (docs/architecture.md, "The data folder").

The lab's shared folder is writable by every pupil's account, and disks and networks fail, so progress,
settings and teacher files are read the way content is: the size is checked *before* reading, the bytes
are decoded as strict UTF-8, nesting is bounded, numbers must be finite, and the caller then checks a
schema (types, ranges, lengths) on the plain data. Nothing here raises into the game: a problem comes
back as `JsonRead.problem` (a sentence naming the file), and the caller falls back to a named default.

`set_aside` renames a file that could not be read to `<name>.damaged-<UTC time>`, so nothing that could
not be read is ever overwritten: the next save starts a fresh file and the damaged one stays for a look.
`write_atomically` is the matching writer: temporary file + rename, and no temporary file left behind
when the disk refuses (full, read-only).
"""
from __future__ import annotations

import json
import logging
import math
import os
import stat
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Optional

log = logging.getLogger(__name__)

MAX_DEPTH = 32  # deeper than any file the game writes (progress is 6 levels), far below Python's recursion
DAMAGED_MARK = ".damaged-"


@dataclass(frozen=True)
class JsonRead:
    """What reading gave: `data` when it parsed, else `problem`; `missing` when there was no file at all;
    `damaged` when the file's *content* is at fault (too big, not UTF-8, not JSON, wrong shape) — such a file
    is set aside — rather than access to it (a folder, permissions), which is left alone."""

    path: Path
    data: Any = None
    problem: Optional[str] = None
    missing: bool = False
    damaged: bool = False

    @property
    def ok(self) -> bool:
        return self.problem is None and not self.missing


class _Refused(ValueError):
    pass


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 parses to inf; a story's choice index or a time can't be inf
        raise _Refused(f"number {text[:20]} is out of range")
    return value


def _constant(name: str):
    raise _Refused(f"{name} is not a number JSON allows")


def depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """Nesting depth of parsed JSON (iterative, stops counting past `limit`)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, level)
            if deepest > limit:
                return deepest
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def parse_json_bytes(raw: bytes, max_depth: int = MAX_DEPTH) -> Any:
    """Strict UTF-8 (a BOM is allowed), finite numbers, nesting within `max_depth`; ValueError otherwise."""
    try:
        text = raw.decode("utf-8-sig")  # strict: Latin-1 or random bytes are refused, not guessed at
    except UnicodeDecodeError as exc:
        raise _Refused(f"not UTF-8 text (byte {exc.start})") from None
    try:
        data = json.loads(text, parse_float=_finite, parse_constant=_constant)
    except RecursionError:
        raise _Refused("nested too deeply") from None
    except _Refused:
        raise
    except ValueError as exc:  # JSONDecodeError, and ints longer than Python's 4300-digit limit
        raise _Refused(f"not valid JSON ({str(exc)[:80]})") from None
    if depth(data, max_depth) > max_depth:
        raise _Refused(f"nested deeper than {max_depth} levels")
    return data


def read_json(path: str | os.PathLike, max_bytes: int, what: str, max_depth: int = MAX_DEPTH) -> JsonRead:
    """Read one JSON file of the data folder; never raises. `what` names the file in messages."""
    path = Path(path)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):  # a folder, a pipe (reading it would block), a device
            return JsonRead(path, problem=f"{path}: cannot read it: not a regular file, so not a {what} file")
        if st.st_size > max_bytes:
            return JsonRead(path, problem=f"{path}: {what} file is too big ({st.st_size:,} bytes; the limit is "
                                          f"{max_bytes:,})", damaged=True)
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)  # the file may grow while read: never take more than the limit
    except (FileNotFoundError, NotADirectoryError):  # no file, or no folder for it yet
        return JsonRead(path, missing=True)
    except OSError as exc:
        return JsonRead(path, problem=f"{path}: cannot read the {what} file ({exc.strerror or exc})")
    if len(raw) > max_bytes:
        return JsonRead(path, problem=f"{path}: {what} file is too big (over {max_bytes:,} bytes)", damaged=True)
    try:
        return JsonRead(path, data=parse_json_bytes(raw, max_depth))
    except ValueError as exc:
        return JsonRead(path, problem=f"{path}: {what} file is damaged: {exc}", damaged=True)


def damaged_name(path: Path, when: Optional[datetime] = None) -> Path:
    stamp = (when or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}{DAMAGED_MARK}{stamp}")
    n = 1
    while target.exists():  # two set-asides in one second keep both
        n += 1
        target = path.with_name(f"{path.name}{DAMAGED_MARK}{stamp}-{n}")
    return target


def set_aside(path: str | os.PathLike, why: str = "") -> Optional[Path]:
    """Rename an unreadable file to `<name>.damaged-<time>`; the new name, or None if it could not be moved
    (then the caller must not write over it). Logged with the reason either way."""
    path = Path(path)
    target = damaged_name(path)
    try:
        os.replace(path, target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("%s could not be set aside (%s)%s", path, exc.strerror or exc, f": {why}" if why else "")
        return None
    log.warning("%s was set aside as %s%s", path, target.name, f": {why}" if why else "")
    return target


def write_atomically(path: str | os.PathLike, text: str, *, fsync: bool = False,
                     before_replace: Optional[Callable[[], None]] = None) -> None:
    """Write `text` (UTF-8) to a temporary file beside `path` and rename it over `path`: a reader on another
    PC never sees half a file. Raises OSError; the temporary file is removed whatever happens."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            if fsync:
                fh.flush()
                os.fsync(fh.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def bounded_text(value: Any, max_chars: int) -> Optional[str]:
    """`value` if it is a string of at most `max_chars` characters without NULs or other controls, else None."""
    if not isinstance(value, str) or len(value) > max_chars:
        return None
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in value):
        return None
    return value


def number(value: Any, low: float, high: float) -> Optional[float]:
    """A real (non-bool) finite number within [low, high], else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value if low <= value <= high else None


def integer(value: Any, low: int, high: int) -> Optional[int]:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if low <= value <= high else None
