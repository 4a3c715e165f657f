"""Validate a document against the JSON Schemas in scenes/ and say what is wrong in an author's words.

The schemas are the single description of the format, shared with editors (VS Code's YAML extension reads
them through the `# yaml-language-server: $schema=` line). jsonschema's own messages are written for
programmers ("Additional properties are not allowed"), so each error is rephrased here; a schema may carry
its own wording in "x-messages" and its own check code in "x-code" (both keyed by the failed keyword).
The required languages are injected from config.REQUIRED_LANGUAGES, so configuration, not the schema
file, decides them.
"""
from __future__ import annotations

import copy
import json
import re
from functools import lru_cache
from typing import Iterator

from .config import LANGUAGE_NAMES, REQUIRED_LANGUAGES
from .errors import did_you_mean
from .findings import Finding

KINDS = ("scenario", "region", "quiz", "glossary")

_DEFAULT_CODES = {"additionalProperties": "E101", "required": "E102", "type": "E103", "enum": "E104"}
_TYPE_WORDS = {"object": "a mapping (key: value lines)", "array": "a list", "string": "text",
               "integer": "a whole number", "number": "a number", "boolean": "true or false"}


def schema_path(kind: str):
    from aman_game import SCENES_DIR
    return SCENES_DIR / f"{kind}.schema.json"


@lru_cache(maxsize=None)
def load_schema(kind: str) -> dict:
    """The schema for `kind`, with the configured required languages."""
    with open(schema_path(kind), encoding="utf-8") as fh:
        schema = json.load(fh)
    schema = copy.deepcopy(schema)
    schema["$defs"]["text"]["required"] = list(REQUIRED_LANGUAGES)
    return schema


@lru_cache(maxsize=None)
def _validator(kind: str):
    import jsonschema  # heavy: imported on first use only
    schema = load_schema(kind)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


@lru_cache(maxsize=None)
def _fast_check(kind: str):
    """The compiled yes/no check, or None when the schema uses a keyword fast_schema doesn't know."""
    from .fast_schema import Unsupported, compile_schema
    try:
        return compile_schema(load_schema(kind))
    except Unsupported:
        return None


def language_name(code: object) -> str:
    return LANGUAGE_NAMES.get(code, str(code)) if isinstance(code, str) else str(code)


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text '{shown}'"
    return f"the number {value}"


def _name(path: tuple) -> str:
    """The key a value sits under; list items are named after their list ('topics' item)."""
    for i in range(len(path) - 1, -1, -1):
        if isinstance(path[i], str):
            return path[i] if i == len(path) - 1 else f"{path[i]} item"
    return "file"


def _singular(name: str) -> str:
    base = name[:-5] if name.endswith(" item") else name
    return base[:-1] if name.endswith(" item") and base.endswith("s") else base


def _extra_keys(err) -> list[str]:
    schema, instance = err.schema, err.instance
    known = set(schema.get("properties", {}))
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    return [k for k in instance if k not in known and not any(p.search(k) for p in patterns)]


def _translate(err) -> Iterator[Finding]:
    path = tuple(err.absolute_path)
    schema = err.schema if isinstance(err.schema, dict) else {}
    keyword = err.validator
    codes = schema.get("x-code", {})
    code = codes.get(keyword) or _DEFAULT_CODES.get(keyword, "E105")
    custom = schema.get("x-messages", {}).get(keyword)
    on_key = "propertyNames" in err.absolute_schema_path
    if on_key:
        path = path + (err.instance,)
    instance = err.instance
    fields = {"instance": instance, "key": path[-1] if path else "", "found": _describe(instance),
              "language": language_name(path[-1] if path else ""),
              "lo": schema.get("minItems", schema.get("minimum", "")),
              "hi": schema.get("maxItems", schema.get("maximum", "")),
              "count": len(instance) if isinstance(instance, (list, dict, str)) else ""}
    at_key = on_key or keyword in ("required", "anyOf", "not", "minProperties", "contains")

    if keyword == "additionalProperties" and schema.get("additionalProperties") is False:
        known = schema.get("properties", {})
        for key in _extra_keys(err):
            yield Finding("E101", path + (key,), f"unknown key '{key}'{did_you_mean(key, known)}", at_key=True)
        return
    if keyword == "required":
        missing = [k for k in err.validator_value if isinstance(instance, dict) and k not in instance]
        for key in missing:
            fields["missing"] = key
            fields["language"] = language_name(key)
            message = custom.format_map(fields) if custom else f"missing required key '{key}'"
            yield Finding(code, path, message, at_key=True)
        return
    if custom:
        yield Finding(code, path, custom.format_map(fields), at_key=at_key)
        return
    name = _name(path)
    if keyword == "type":
        want = err.validator_value
        want = " or ".join(_TYPE_WORDS.get(w, w) for w in (want if isinstance(want, list) else [want]))
        message = f"'{name}' should be {want}, found {_describe(instance)}"
    elif keyword == "enum":
        options = [str(o) for o in err.validator_value]
        shown = f"'{instance}'" if isinstance(instance, str) else _describe(instance)
        message = (f"unknown {_singular(name)} {shown}"
                   f"{did_you_mean(instance, options)}; use one of: {', '.join(options)}")
    elif keyword == "minItems":
        message = f"'{name}' needs at least {err.validator_value} item(s), found {fields['count']}"
    elif keyword == "maxItems":
        message = f"'{name}' allows at most {err.validator_value} item(s), found {fields['count']}"
    elif keyword == "minProperties":
        message = f"'{name}' needs at least {err.validator_value} entry"
    elif keyword == "uniqueItems":
        message = f"'{name}' lists the same item twice"
    elif keyword in ("minLength", "pattern") and isinstance(instance, str) and not instance.strip():
        message = f"'{name}' is empty"
    elif keyword == "pattern":
        message = f"'{name}': {_describe(instance)} is not in the expected form"
    elif keyword == "maxLength":
        message = f"'{name}' is longer than {err.validator_value} characters"
    else:
        message = f"'{name}': {err.message}"
    yield Finding(code, path, message, at_key=at_key)


def schema_findings(data: object, kind: str) -> Iterator[Finding]:
    """Every schema problem of `data` (a document of `kind`), rephrased, without locations."""
    fast = _fast_check(kind)
    if fast is not None and fast(data):
        return
    seen = set()
    for err in _validator(kind).iter_errors(data):
        for finding in _translate(err):
            key = (finding.code, finding.path, finding.message)
            if key not in seen:
                seen.add(key)
                yield finding
