"""Generated documents: the loader returns a Scenario or raises ContentError — nothing else escapes —
and the fast schema pre-check agrees with jsonschema."""
from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aman_game.content import ContentError, Scenario, load_scenario
from aman_game.content.schema import _fast_check, _validator
from aman_game.content.yaml_reader import ContentError as ReaderError
from aman_game.content.yaml_reader import parse_text

VALID = Path(__file__).parent / "content" / "valid" / "gift_gems.yaml"
VALID_TEXT = VALID.read_text(encoding="utf-8")
VALID_DATA = yaml.safe_load(VALID_TEXT)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_scalars = st.none() | st.booleans() | st.integers(-20, 20) | st.floats(allow_nan=False) | st.text(max_size=8)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=20)
yaml_tokens = st.sampled_from(["a:", " ", "\n", "- ", "[", "]", "{", "}", ",", "&x ", "*x", "!!python/name:x ",
                               "'", '"', "#", "---", "? ", "|", ">", "  ", "é", "\t", "1", "~", ": ", "<<: "])


def _load_text(text: str):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        return _load(path)


def _load(path: Path):
    try:
        scenario = load_scenario(path)
    except ContentError as exc:
        assert all(p.code != "E999" for p in exc.problems), exc  # E999 = a check crashed
        return None
    assert isinstance(scenario, Scenario)
    return scenario


@SETTINGS
@given(st.lists(yaml_tokens, max_size=40).map("".join))
def test_token_soup(text):
    try:
        parse_text(text, "soup.yaml")
    except ReaderError:
        pass


@SETTINGS
@given(st.binary(max_size=200))
def test_random_bytes(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "b.yaml"
        path.write_bytes(data)
        _load(path)


@SETTINGS
@given(json_values)
def test_any_yaml_document(value):
    _load_text(yaml.safe_dump(value, allow_unicode=True))


def _mutate(data, draw_path, new_value, delete):
    data = copy.deepcopy(data)
    node = data
    for key in draw_path[:-1]:
        node = node[key]
    if delete:
        del node[draw_path[-1]]
    else:
        node[draw_path[-1]] = new_value
    return data


def _paths(value, prefix=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield prefix + (k,)
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield prefix + (i,)
            yield from _paths(v, prefix + (i,))


ALL_PATHS = list(_paths(VALID_DATA))


@st.composite
def mutated_scenarios(draw):
    data = VALID_DATA
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(data))
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        data = _mutate(data, path, draw(json_values), draw(st.booleans()))
    return data


@SETTINGS
@given(mutated_scenarios())
def test_mutated_scenario_loads_or_explains(data):
    _load_text(yaml.safe_dump(data, allow_unicode=True))


@SETTINGS
@given(mutated_scenarios())
def test_fast_schema_agrees_with_jsonschema(data):
    assert _fast_check("scenario")(data) == _validator("scenario").is_valid(data)


@SETTINGS
@given(st.lists(st.integers(0, len(VALID_TEXT.splitlines()) - 1), min_size=1, max_size=3), st.booleans())
def test_deleted_or_doubled_lines(indexes, double):
    lines = VALID_TEXT.splitlines()
    for i in sorted(set(indexes), reverse=True):
        if double:
            lines.insert(i, lines[i])
        else:
            del lines[i]
    _load_text("\n".join(lines) + "\n")


def test_valid_fixture_passes_fast_check():
    assert _fast_check("scenario")(VALID_DATA) and _validator("scenario").is_valid(VALID_DATA)
