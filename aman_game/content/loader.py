"""Validate and load content files: one file, a set of paths (the `validate` command), or the whole
library the game's menu shows.

A file's kind follows from where it lives: scenes/*.yaml are scenarios, scenes/regions/*.yaml region
help files, scenes/quiz/*.yaml quiz files. A file given directly is judged by its folder's name.
One broken file never hides the others: load_library returns the valid scenarios *and* the errors.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .build import build
from .checks import CHECKS
from .config import MAX_PROBLEMS_PER_FILE
from .errors import ERROR, WARNING, ContentError, Problem, sort_problems
from .findings import Finding
from .folding import fold
from .model import Quiz, Region, Scenario
from .schema import schema_findings
from .yaml_reader import Document, read_document

YAML_SUFFIXES = (".yaml", ".yml")
_FOLDER_KINDS = {"regions": "region", "quiz": "quiz", "glossary": "glossary"}


def detect_kind(path: Path | str) -> str:
    """'region' for .../regions/x.yaml, 'quiz' for .../quiz/x.yaml, 'glossary' for .../glossary/x.yaml,
    else 'scenario'."""
    return _FOLDER_KINDS.get(Path(path).parent.name, "scenario")


@dataclass
class Checked:
    """One validated file: its kind, the parsed document (None when unreadable) and its problems."""
    file: str
    kind: str
    doc: Optional[Document]
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.doc is not None and not any(p.is_error for p in self.problems)


def _internal(file: str, check, exc: Exception) -> Problem:
    return Problem(file, 1, 1, ERROR, f"internal error in check {getattr(check, '__name__', check)}: "
                                      f"{type(exc).__name__}: {exc} (please report this)", "E999")


def _fit_findings(data, kind):
    try:
        from .fit import check_fit
        yield from check_fit(data, kind)
    except ImportError as exc:  # the text engine is missing: say so once, don't fail the file
        yield Finding("W600", (), f"text-fit check skipped: the text engine is not available ({exc})",
                      severity=WARNING)


def check_document(doc: Document, kind: str, *, fit: bool = False) -> list[Problem]:
    """Every problem of a parsed document: the reader's, the schema's, then the graph/reference checks."""
    problems = list(doc.problems)
    checks = [lambda d: schema_findings(d, kind), *CHECKS[kind]]
    if fit:
        checks.append(lambda d: _fit_findings(d, kind))
    findings: list[Finding] = []
    for check in checks:
        try:
            findings.extend(list(check(doc.data)))
        except Exception as exc:  # an author never sees a traceback; E999 asks them to report it
            problems.append(_internal(doc.file, check, exc))
    # one root cause, one message: a typo's consequences are listed under it, not beside it
    problems.extend(f.locate(doc) for f in fold(doc.data, findings))
    return problems


def check_file(path: Path | str, kind: str | None = None, *, fit: bool = False,
               file: str | None = None) -> Checked:
    kind = kind or detect_kind(path)
    file = str(path) if file is None else file
    try:
        doc = read_document(path, file)
    except ContentError as exc:
        return Checked(file, kind, None, list(exc.problems))
    return Checked(file, kind, doc, _capped(check_document(doc, kind, fit=fit)))


def _capped(problems: list[Problem]) -> list[Problem]:
    """At most MAX_PROBLEMS_PER_FILE, then one line saying how many more there are."""
    if len(problems) <= MAX_PROBLEMS_PER_FILE:
        return problems
    shown = sort_problems(problems)[:MAX_PROBLEMS_PER_FILE]
    last = shown[-1]
    more = len(problems) - len(shown)
    return shown + [Problem(last.file, last.line, last.col, ERROR, f"... and {more:,} more problem(s) in this "
                            "file, not listed: fix these first", "E012")]


def _load(path: Path | str, kind: str):
    checked = check_file(path, kind)
    if not checked.ok:
        raise ContentError([p for p in checked.problems if p.is_error])
    return build(checked.doc, kind)


def load_scenario(path: Path | str) -> Scenario:
    """The scenario in `path`, or ContentError listing every error (warnings don't stop loading)."""
    return _load(path, "scenario")


def load_region(path: Path | str) -> Region:
    return _load(path, "region")


def load_quiz(path: Path | str) -> Quiz:
    return _load(path, "quiz")


def discover(path: Path) -> list[tuple[Path, str]]:
    """The content files under a scenes-like directory, with their kinds, in a stable order."""
    own = _FOLDER_KINDS.get(path.name)
    found = [(p, own or "scenario") for p in sorted(path.iterdir()) if p.suffix in YAML_SUFFIXES and p.is_file()]
    if own is None:
        for folder, kind in _FOLDER_KINDS.items():
            sub = path / folder
            if sub.is_dir():
                found += [(p, kind) for p in sorted(sub.iterdir()) if p.suffix in YAML_SUFFIXES and p.is_file()]
    return found


def cross_file_findings(checked: Iterable[Checked]) -> list[Problem]:
    """Problems that only show across files: a scenario or region id used twice (E504), two default
    regions (E508), two quiz banks for one age band (E504). The later file (in sorted order, valid files first) gets the error."""
    problems: list[Problem] = []
    owners: dict[tuple[str, str], Checked] = {}
    default_region: Optional[Checked] = None
    # files without errors claim their id first, so a half-edited copy never hides the original
    for c in sorted(checked, key=lambda c: (not c.ok, c.file)):
        if c.doc is None or not isinstance(c.doc.data, dict):
            continue
        id_key = {"scenario": "id", "region": "region", "quiz": "age_band"}.get(c.kind)
        value = c.doc.data.get(id_key) if id_key else None
        if isinstance(value, str):
            first = owners.setdefault((c.kind, value), c)
            if first is not c:
                line = first.doc.position((id_key,))[0]
                what = f"a quiz for ages {value} is already given" if c.kind == "quiz" else \
                    f"{c.kind} id '{value}' is already used"
                problems.append(Finding("E504", (id_key,), f"{what} by {first.file}:{line}").locate(c.doc))
        if c.kind == "region" and c.doc.data.get("default") is True:
            if default_region is not None:
                problems.append(Finding("E508", ("default",), "more than one region says 'default: true' "
                                        f"(also {default_region.file})").locate(c.doc))
            else:
                default_region = c
    return problems


@dataclass(frozen=True)
class Library:
    """What the game's menu offers: every valid scenario, and one ContentError per broken file."""
    scenarios: tuple[Scenario, ...]
    errors: tuple[ContentError, ...]
    regions: tuple[Region, ...] = ()
    quiz: Optional[Quiz] = None  # the first bank found (older callers); `quizzes` holds one per age band
    quizzes: tuple[Quiz, ...] = ()

    def scenario(self, scenario_id: str) -> Scenario:
        for s in self.scenarios:
            if s.id == scenario_id:
                return s
        raise KeyError(scenario_id)


def load_library(scenes_dir: Path | str, *, fit: bool = False) -> Library:
    """Load every content file under `scenes_dir`; broken files become errors, never exceptions."""
    scenes_dir = Path(scenes_dir)
    if not scenes_dir.is_dir():
        problem = Problem(str(scenes_dir), 1, 1, ERROR, "the scenes folder does not exist", "E001")
        return Library((), (ContentError([problem]),))
    checked = [check_file(p, kind, fit=fit) for p, kind in discover(scenes_dir)]
    extra: dict[str, list[Problem]] = {}
    for p in cross_file_findings(checked):
        extra.setdefault(p.file, []).append(p)
    scenarios, regions, quizzes, errors = [], [], [], []
    for c in checked:
        c.problems.extend(extra.get(c.file, ()))
        if not c.ok:
            errors.append(ContentError([p for p in c.problems if p.is_error]))
            continue
        if c.kind == "glossary":
            continue  # read by the lesson checks (content/pedagogy.py), not by the game
        obj = build(c.doc, c.kind)
        {"scenario": scenarios, "region": regions, "quiz": quizzes}[c.kind].append(obj)
    return Library(tuple(scenarios), tuple(errors), tuple(regions), quizzes[0] if quizzes else None, tuple(quizzes))


def content_files(paths: Iterable[Path | str]) -> list[tuple[Path, str]]:
    """(file, kind) for every content file under `paths` (files or scenes-like folders), each once.
    Raises FileNotFoundError for a path that does not exist (a usage error, not a content problem)."""
    files: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += discover(path)
        elif path.exists():
            files.append((path, detect_kind(path)))
        else:
            raise FileNotFoundError(str(raw))
    seen, unique = set(), []
    for path, kind in files:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            unique.append((path, kind))
    return unique


def validate_paths(paths: Iterable[Path | str], *, fit: bool = True) -> list[Problem]:
    """Every problem in every file under `paths`, sorted by file and line (see content_files)."""
    checked = [check_file(path, kind, fit=fit) for path, kind in content_files(paths)]
    problems = [p for c in checked for p in c.problems] + cross_file_findings(checked)
    return sort_problems(problems)
