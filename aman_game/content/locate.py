"""A scenario named the way an author names it: a file path, or the `id:` written inside the file.

`play`, `preview`, `graph` and `validate` all accept either. The id is read from each file's text even
when the file is broken (a typo further down, a YAML syntax error), so `play my_story` on a broken story
finds the file and prints its problems instead of saying there is no such story.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from .errors import ContentError, did_you_mean
from .yaml_reader import read_document

_ID_LINE = re.compile(r"^id:[ \t]*[\"']?([A-Za-z0-9_-]+)", re.M)


def _written_id(path: Path) -> Optional[str]:
    try:
        data = read_document(path).data
        value = data.get("id") if isinstance(data, dict) else None
        return value if isinstance(value, str) else None
    except ContentError:  # unreadable as YAML: the id line is usually still there
        try:
            match = _ID_LINE.search(path.read_text(encoding="utf-8", errors="replace")[:200_000])
        except OSError:
            return None
        return match.group(1) if match else None


def scenario_ids(scenes_dir: Path) -> dict[str, Path]:
    """id -> file for every scenario file directly in `scenes_dir` (broken files included)."""
    from .loader import discover

    found: dict[str, Path] = {}
    for path, kind in discover(Path(scenes_dir)):
        if kind == "scenario":
            sid = _written_id(path)
            if sid and sid not in found:
                found[sid] = path
    return found


def find_scenario(spec: str, scenes_dir: Path) -> Path:
    """The file `spec` names: an existing path, else the scenario file whose id is `spec` (its own name
    first). Raises FileNotFoundError with the known ids and a "did you mean" when nothing matches."""
    path = Path(spec)
    if path.is_file():
        return path
    if path.suffix in (".yaml", ".yml") or "/" in spec or "\\" in spec:
        raise FileNotFoundError(f"no such file: {spec}")
    direct = Path(scenes_dir) / f"{spec}.yaml"
    if direct.is_file() and _written_id(direct) in (spec, None):
        return direct
    ids = scenario_ids(scenes_dir)
    if spec in ids:
        return ids[spec]
    raise FileNotFoundError(f"no scenario with id '{spec}' in {scenes_dir}{did_you_mean(spec, ids)}"
                            f"; ids: {', '.join(sorted(ids)) or 'none'}")
