"""A fast yes/no answer to "is this document valid against the schema?", for the common case.

jsonschema is thorough but costs ~10 ms for one scenario (it builds a validator object per value it
descends into), which alone would keep `validate` under its 100 files/s target. This module compiles the
small subset of JSON Schema our schemas use into nested closures that answer valid/invalid in about a
millisecond. It never produces messages: when it says "invalid", schema.py asks jsonschema for the errors.

Safety: a schema keyword this compiler does not know raises Unsupported, and the caller then always uses
jsonschema. tests/test_content_fast_schema.py checks the two agree on generated documents.
"""
from __future__ import annotations

import re
from typing import Callable

Check = Callable[[object], bool]

_IGNORED = {"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"}


class Unsupported(Exception):
    """The schema uses a keyword this compiler does not handle."""


def _is_number(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


_TYPES: dict[str, Check] = {
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "string": lambda x: isinstance(x, str),
    "integer": lambda x: (isinstance(x, int) and not isinstance(x, bool))
    or (isinstance(x, float) and x.is_integer()),
    "number": _is_number,
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
}


def _equal(a: object, b: object) -> bool:
    """JSON equality: true is not 1; lists and mappings compare item by item."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if _is_number(a) and _is_number(b):
        return a == b
    return type(a) is type(b) and a == b


class _Compiler:
    def __init__(self, root: dict):
        self.root = root
        self.refs: dict[str, Check] = {}

    def ref(self, pointer: str) -> Check:
        if pointer not in self.refs:
            if not pointer.startswith("#/"):
                raise Unsupported(pointer)
            target = self.root
            for part in pointer[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            self.refs[pointer] = lambda x: False  # placeholder while compiling (no recursive refs here)
            self.refs[pointer] = self.compile(target)
        return self.refs[pointer]

    def compile(self, schema: object) -> Check:
        if schema is True:
            return lambda x: True
        if schema is False:
            return lambda x: False
        if not isinstance(schema, dict):
            raise Unsupported(repr(schema))
        checks = [self.keyword(k, v, schema) for k, v in schema.items()
                  if k not in _IGNORED and not k.startswith("x-") and k not in ("then", "else")]
        checks = [c for c in checks if c is not None]
        if len(checks) == 1:
            return checks[0]
        return lambda x: all(c(x) for c in checks)

    def keyword(self, k: str, v: object, schema: dict) -> Check | None:  # noqa: C901 - one branch per keyword
        if k == "$ref":
            pointer, refs = v, self.refs
            self.ref(pointer)
            return lambda x: refs[pointer](x)
        if k == "type":
            tests = [_TYPES[t] for t in (v if isinstance(v, list) else [v])]
            return lambda x: any(t(x) for t in tests)
        if k == "enum":
            if all(isinstance(e, str) for e in v):
                allowed = frozenset(v)
                return lambda x: isinstance(x, str) and x in allowed
            return lambda x: any(_equal(x, e) for e in v)
        if k == "const":
            return lambda x: _equal(x, v)
        if k == "properties":
            props = [(name, self.compile(sub)) for name, sub in v.items()]
            return lambda x: not isinstance(x, dict) or all(c(x[n]) for n, c in props if n in x)
        if k == "patternProperties":
            pats = [(re.compile(p), self.compile(sub)) for p, sub in v.items()]
            return lambda x: not isinstance(x, dict) or all(
                c(val) for key, val in x.items() for p, c in pats if p.search(key))
        if k == "additionalProperties":
            known = frozenset(schema.get("properties", {}))
            pats = [re.compile(p) for p in schema.get("patternProperties", {})]
            sub = self.compile(v)

            def additional(x):
                if not isinstance(x, dict):
                    return True
                return all(sub(val) for key, val in x.items()
                           if key not in known and not any(p.search(key) for p in pats))
            return additional
        if k == "required":
            return lambda x: not isinstance(x, dict) or all(n in x for n in v)
        if k == "propertyNames":
            sub = self.compile(v)
            return lambda x: not isinstance(x, dict) or all(sub(key) for key in x)
        if k == "minProperties":
            return lambda x: not isinstance(x, dict) or len(x) >= v
        if k == "maxProperties":
            return lambda x: not isinstance(x, dict) or len(x) <= v
        if k == "items":
            sub = self.compile(v)
            return lambda x: not isinstance(x, list) or all(sub(i) for i in x)
        if k == "contains":
            sub = self.compile(v)
            return lambda x: not isinstance(x, list) or any(sub(i) for i in x)
        if k == "minItems":
            return lambda x: not isinstance(x, list) or len(x) >= v
        if k == "maxItems":
            return lambda x: not isinstance(x, list) or len(x) <= v
        if k == "uniqueItems":
            if not v:
                return None
            return lambda x: not isinstance(x, list) or all(
                not _equal(x[i], x[j]) for i in range(len(x)) for j in range(i + 1, len(x)))
        if k == "minLength":
            return lambda x: not isinstance(x, str) or len(x) >= v
        if k == "maxLength":
            return lambda x: not isinstance(x, str) or len(x) <= v
        if k == "pattern":
            rx = re.compile(v)
            return lambda x: not isinstance(x, str) or rx.search(x) is not None
        if k == "minimum":
            return lambda x: not _is_number(x) or x >= v
        if k == "maximum":
            return lambda x: not _is_number(x) or x <= v
        if k == "anyOf":
            subs = [self.compile(s) for s in v]
            return lambda x: any(s(x) for s in subs)
        if k == "allOf":
            subs = [self.compile(s) for s in v]
            return lambda x: all(s(x) for s in subs)
        if k == "oneOf":
            subs = [self.compile(s) for s in v]
            return lambda x: sum(1 for s in subs if s(x)) == 1
        if k == "not":
            sub = self.compile(v)
            return lambda x: not sub(x)
        if k == "if":
            cond = self.compile(v)
            then = self.compile(schema.get("then", True))
            other = self.compile(schema.get("else", True))
            return lambda x: then(x) if cond(x) else other(x)
        raise Unsupported(k)


def compile_schema(schema: dict) -> Check:
    """A function document -> bool that agrees with jsonschema's is_valid for this schema.
    Raises Unsupported if the schema uses a keyword not handled here."""
    return _Compiler(schema).compile(schema)
