"""validate throughput: files checked per second, text-fit check aside (issue 3's target: >= 100/s).

Copies of the shipped scenarios go into a temporary folder — each copy with its own id, so the library
is valid as a whole and the cross-file checks do their real work — and `validate_paths(folder,
fit=False)` (what `main.py validate --no-fit` runs) checks them all. The fit check (every string laid out
in its box with the text engine) is timed separately, per file, for the record.
"""
from __future__ import annotations

import re
import shutil
import tempfile
import time
from pathlib import Path

_ID_LINE = re.compile(r"^id:\s*(\S+)", re.MULTILINE)


def make_copies(target: Path, copies: int) -> int:
    """Write `copies` rounds of every shipped scenario into `target`; returns the file count."""
    from .. import SCENES_DIR
    from ..content.loader import detect_kind

    sources = [p for p in sorted(SCENES_DIR.glob("*.yaml")) if detect_kind(p) == "scenario"]
    n = 0
    for round_ in range(copies):
        for src in sources:
            text = src.read_text(encoding="utf-8")
            text = _ID_LINE.sub(lambda m: f"id: {m.group(1)}_copy{round_}", text, count=1)
            (target / f"{src.stem}_copy{round_}.yaml").write_text(text, encoding="utf-8")
            n += 1
    # assets/ paths in the scenarios are resolved against the game's assets folder, wherever the file is
    return n


def measure_validate(copies: int = 25, repeats: int = 3, fit_files: int = 8) -> dict:
    from ..content import validate_paths
    from ..content.errors import ERROR

    tmp = Path(tempfile.mkdtemp(prefix="aman-validate-"))
    try:
        files = make_copies(tmp, copies)
        best = float("inf")
        problems = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            problems = validate_paths([tmp], fit=False)
            best = min(best, time.perf_counter() - t0)
        errors = [p for p in problems if p.severity == ERROR]
        fit_dir = tmp / "fit"
        fit_dir.mkdir()
        for src in sorted(tmp.glob("*_copy0.yaml"))[:fit_files]:
            shutil.copy(src, fit_dir / src.name)
        t0 = time.perf_counter()
        validate_paths([fit_dir], fit=True)
        fit_seconds = time.perf_counter() - t0
        fit_count = len(list(fit_dir.glob("*.yaml")))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {
        "validate_files_per_s": round(files / best, 1) if best > 0 else None,
        "validate_files": files,
        "validate_errors": len(errors),
        "validate_first_error": str(errors[0]) if errors else None,
        "validate_with_fit_files_per_s": round(fit_count / fit_seconds, 1) if fit_seconds > 0 else None,
    }
