"""Read a YAML content file safely, keeping the line and column of every value.

Why not `yaml.safe_load`: it forgets positions, silently keeps the last of two duplicate keys, expands
aliases without limit (an "alias bomb" of a few hundred bytes becomes gigabytes) and recurses once per
nesting level. Instead we pull *events* from PyYAML's parser (libyaml's C parser when available, which
is iterative) and compose the tree ourselves in a loop, so that:
  - every value's (line, col) is recorded under its path, e.g. ("nodes", "start", "choices", 0, "next");
  - duplicate keys, explicit tags other than the plain-data ones, nesting deeper than MAX_DEPTH and more
    than MAX_VALUES values after alias expansion are errors, found as soon as they appear;
  - nothing is ever constructed from a tag, so `!!python/...` executes nothing.
Keys are kept as the text written (so `no:` or `on:` stay strings). Timestamps stay strings.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from .config import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES
from .errors import ERROR, ContentError, Problem

try:  # libyaml: ~10x faster, and its parser does not recurse
    _Loader = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - pure-Python fallback
    _Loader = yaml.SafeLoader

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null")}
_COLLECTION_TAGS = {_CORE + "map", _CORE + "seq"}
_resolver = Resolver()
_constructor = SafeConstructor()

Path_ = tuple  # a path into the document: keys (str) and list indexes (int)


@dataclass
class Document:
    """A parsed file: plain data (dict/list/str/int/float/bool/None) plus where each value was written."""
    file: str
    data: object
    positions: dict = field(default_factory=dict)      # path -> (line, col) of the value
    key_positions: dict = field(default_factory=dict)  # path -> (line, col) of its key
    problems: list = field(default_factory=list)       # non-fatal reader problems (duplicate keys)
    text: str = field(default="", repr=False)          # the source, to point at a character inside a value

    def position(self, path: Path_, at_key: bool = False) -> tuple[int, int]:
        """Where `path` was written; values reached through an alias report the alias (nearest ancestor)."""
        path = tuple(path)
        if at_key and path in self.key_positions:
            return self.key_positions[path]
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


def _problem(file: str, line: int, col: int, message: str, code: str) -> Problem:
    return Problem(file, line, col, ERROR, message, code)


def _fail(file: str, line: int, col: int, message: str, code: str) -> ContentError:
    return ContentError([_problem(file, line, col, message, code)])


def _line_col(data: bytes | str, offset: int) -> tuple[int, int]:
    line = data.count(b"\n" if isinstance(data, bytes) else "\n", 0, offset) + 1
    start = data.rfind(b"\n" if isinstance(data, bytes) else "\n", 0, offset) + 1
    return line, offset - start + 1


def _size_text(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} kB"


def read_bytes(path: Path, file: str) -> bytes:
    """The file's bytes, refusing missing, non-regular and oversized files before reading them."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise _fail(file, 1, 1, f"cannot read the file: {exc.strerror or exc}", "E001") from None
    if not os.path.isfile(path):
        raise _fail(file, 1, 1, "not a regular file", "E001")
    if st.st_size > MAX_FILE_BYTES:
        raise _fail(file, 1, 1, f"file is {_size_text(st.st_size)}; content files are limited to "
                                f"{_size_text(MAX_FILE_BYTES)}", "E001")
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _fail(file, 1, 1, f"cannot read the file: {exc.strerror or exc}", "E001") from None
    if len(raw) > MAX_FILE_BYTES:  # grew while we looked
        raise _fail(file, 1, 1, f"file is larger than {_size_text(MAX_FILE_BYTES)}", "E001")
    return raw


def decode_text(raw: bytes, file: str) -> str:
    """UTF-8 text (a BOM is allowed), or a clear error naming where the bad byte is."""
    nul = raw.find(b"\0")
    if nul >= 0:
        line, col = _line_col(raw, nul)
        raise _fail(file, line, col, "this is not a text file (it contains binary data); "
                                     "content files are UTF-8 YAML text", "E002")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        raise _fail(file, line, col, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file "
                                     "as UTF-8", "E002") from None
    return text[1:] if text.startswith("\ufeff") else text


def read_document(path: Path | str, file: str | None = None) -> Document:
    """Read and parse one content file. Raises ContentError (never anything else) for unusable input."""
    file = str(path) if file is None else file
    return parse_text(decode_text(read_bytes(Path(path), file), file), file)


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


def _scalar_value(event) -> object:
    tag = event.tag
    if tag and tag != "!":
        if tag not in _SCALAR_TAGS:
            raise ValueError(tag)
    elif event.implicit[0]:  # plain (unquoted): resolve int/float/bool/null like YAML does
        tag = _resolver.resolve(yaml.ScalarNode, event.value, (True, False))
    else:
        return event.value
    value = event.value
    if tag == _CORE + "null":
        return None
    if tag == _CORE + "bool":
        return SafeConstructor.bool_values.get(value.lower(), value)
    node = yaml.ScalarNode(tag, value)
    try:
        if tag == _CORE + "int":
            return _constructor.construct_yaml_int(node)
        if tag == _CORE + "float":
            return _constructor.construct_yaml_float(node)
    except (ValueError, TypeError, OverflowError):
        return value  # e.g. an int with too many digits: stays text, the schema then names the problem
    return value  # timestamps and other resolver guesses stay as written


def _kind_of(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return "text" if isinstance(value, str) else f"a single value ({value!r})"


class _Composer:
    """Builds the plain-data tree from parser events with an explicit stack (no recursion)."""

    def __init__(self, file: str):
        self.file = file
        self.doc = Document(file, None)
        self.stack: list[list] = []  # frames: [container, path, pending_key|None, count, anchor, firsts]
        self.anchors: dict[str, tuple[object, int]] = {}
        self.total = 0
        self.root_done = False

    def error(self, mark, message: str, code: str) -> ContentError:
        return _fail(self.file, mark.line + 1, mark.column + 1, message, code)

    def _child_path(self) -> Path_:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame[0], list):
            return frame[1] + (len(frame[0]),)
        return frame[1] + (frame[2],)

    def _count(self, n: int, mark) -> None:
        self.total += n
        if self.total > MAX_VALUES:
            raise self.error(mark, f"more than {MAX_VALUES:,} values (aliases count each time they are "
                                   "used): too big for a content file (an alias bomb?)", "E009")

    def _awaiting_key(self) -> bool:
        return bool(self.stack) and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is None

    def _attach(self, value: object, count: int, anchor: str | None) -> None:
        if anchor:
            self.anchors[anchor] = (value, count)
        if not self.stack:
            self.doc.data = value
            self.root_done = True
            return
        frame = self.stack[-1]
        frame[3] += count
        if isinstance(frame[0], list):
            frame[0].append(value)
        else:
            key = frame[2]
            frame[2] = None
            if not isinstance(key, _Duplicate):
                frame[0][key] = value

    def scalar(self, event) -> None:
        self._count(1, event.start_mark)
        if self._awaiting_key():
            self.key(event)
            return
        try:
            value = _scalar_value(event)
        except ValueError:
            raise self.error(event.start_mark, f"the tag '{_tag_name(event.tag)}' is not allowed: content "
                                               "files hold plain text, numbers, lists and mappings", "E007")
        path = self._child_path()
        self.doc.positions[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        self._attach(value, 1, event.anchor)

    def key(self, event) -> None:
        mark = event.start_mark
        if event.tag and event.tag not in ("!", _CORE + "str"):
            raise self.error(mark, f"the tag '{_tag_name(event.tag)}' is not allowed on a key", "E007")
        key = event.value
        if event.anchor:
            self.anchors[event.anchor] = (key, 1)
        if key == "<<" and event.implicit[0]:
            raise self.error(mark, "merge keys ('<<') are not supported; write the keys out", "E011")
        frame = self.stack[-1]
        where = (mark.line + 1, mark.column + 1)
        if key in frame[0] or key in frame[5]:
            first = frame[5].get(key, where)
            self.doc.problems.append(_problem(self.file, *where, f"duplicate key '{key}' (first written "
                                                                   f"at line {first[0]})", "E006"))
            frame[2] = _Duplicate()  # the value is parsed, then dropped
            return
        frame[5][key] = where
        frame[2] = key
        self.doc.key_positions[frame[1] + (key,)] = where

    def start(self, event, container) -> None:
        mark = event.start_mark
        if event.tag and event.tag != "!" and event.tag not in _COLLECTION_TAGS:
            raise self.error(mark, f"the tag '{_tag_name(event.tag)}' is not allowed: content files hold "
                                   "plain text, numbers, lists and mappings", "E007")
        if self._awaiting_key():
            raise self.error(mark, "a key must be plain text, not a list or mapping", "E011")
        if len(self.stack) >= MAX_DEPTH:
            raise self.error(mark, f"nested more than {MAX_DEPTH} levels deep", "E008")
        self._count(1, mark)
        path = self._child_path()
        self.doc.positions[path] = (mark.line + 1, mark.column + 1)
        self.stack.append([container, path, None, 1, event.anchor, {}])

    def end(self) -> None:
        frame = self.stack.pop()
        self._attach(frame[0], frame[3], frame[4])

    def alias(self, event) -> None:
        mark = event.start_mark
        if event.anchor not in self.anchors:
            raise self.error(mark, f"unknown alias '*{event.anchor}' (an alias must follow its "
                                   f"'&{event.anchor}' anchor, and cannot point into itself)", "E003")
        value, count = self.anchors[event.anchor]
        self._count(count, mark)
        if self._awaiting_key():
            raise self.error(mark, "a key must be plain text, not an alias", "E011")
        self.doc.positions[self._child_path()] = (mark.line + 1, mark.column + 1)
        self._attach(value, count, None)


class _Duplicate:
    """Placeholder key for the value of a duplicate key: never equal to a real key, never stored."""

    def __hash__(self) -> int:
        return id(self)


def _yaml_error(exc: yaml.YAMLError, text: str, file: str) -> ContentError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
    elif getattr(exc, "position", None) is not None:
        line, col = _line_col(text, min(exc.position, len(text)))
    else:
        line, col = 1, 1
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    cmark = getattr(exc, "context_mark", None)
    detail = f" ({context}, line {cmark.line + 1})" if context and cmark is not None else ""
    if "nesting depth" in str(problem):  # libyaml's own limit, hit while it scans ahead of our counter
        return _fail(file, line, col, f"nested more than {MAX_DEPTH} levels deep", "E008")
    from .yaml_errors import explain  # the common mistakes (tab, missing colon, open quote) in plain words
    known = explain(str(problem), str(context or ""), line, col, cmark.line + 1 if cmark is not None else None,
                    text)
    if known is not None:
        return _fail(file, known[0], known[1], f"YAML syntax error: {known[2]}", "E003")
    return _fail(file, line, col, f"YAML syntax error: {problem}{detail}", "E003")


def parse_text(text: str, file: str) -> Document:
    """Compose `text` into a Document whose top level is a mapping, or raise ContentError."""
    if not text.strip():
        raise _fail(file, 1, 1, "file is empty", "E004")
    composer = _Composer(file)
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.ScalarEvent):
                composer.scalar(event)
            elif isinstance(event, yaml.MappingStartEvent):
                composer.start(event, {})
            elif isinstance(event, yaml.SequenceStartEvent):
                composer.start(event, [])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                composer.end()
            elif isinstance(event, yaml.AliasEvent):
                composer.alias(event)
            elif isinstance(event, yaml.DocumentStartEvent) and composer.root_done:
                raise composer.error(event.start_mark, "more than one document ('---') in one file", "E010")
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, text, file) from None
    finally:
        loader.dispose()
    doc = composer.doc
    doc.text = text
    if not composer.root_done:
        raise _fail(file, 1, 1, "file is empty (only comments)", "E004")
    if not isinstance(doc.data, dict):
        line, col = doc.positions.get((), (1, 1))
        raise ContentError([_problem(file, line, col, "the file must be a mapping of keys (like "
                                     f"'id: ...'), but it holds {_kind_of(doc.data)}", "E005"),
                            *doc.problems])
    return doc
