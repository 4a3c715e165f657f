"""Pseudo-locales: xa (accented, >= 40 % longer) and xb (right-to-left), generated from aman.pot."""
from __future__ import annotations

import math
import unicodedata

import pytest
from babel.messages.pofile import read_po

from aman_game import LOCALES_DIR, i18n, pseudo_locale
from aman_game.pseudo_locale import RLM, accented, right_to_left


@pytest.fixture(autouse=True)
def _i18n_restored(clean_i18n):  # the shared fixture in conftest.py, for every test here
    yield


SAMPLES = ["OK", "Block", "Tell a trusted adult", "You earned {points} points!",
           "%(name)s sent you a gift", "Line one\nLine two", "{{literal}} braces"]


@pytest.mark.parametrize("text", SAMPLES)
def test_accented_is_bracketed_longer_and_keeps_placeholders(text):
    out = accented(text)
    assert out.startswith("[") and out.endswith("]")
    assert len(out) >= len(text) + math.ceil(len(text) * 0.4)
    for placeholder in ("{points}", "%(name)s", "{{", "}}", "\n"):
        assert out.count(placeholder) == text.count(placeholder)
    body = out[1:].split(" one")[0]
    for word in ("Block", "Tell", "trusted", "sent", "gift"):
        assert word not in body  # every letter outside placeholders is accented


def test_accented_format_placeholders_still_format():
    assert "{points}" in accented("You earned {points} points!")
    assert accented("You earned {points} points!").format(points=7).count("7") == 1
    assert (accented("%(name)s sent a gift") % {"name": "Nour"}).startswith("[Nour")


def test_right_to_left_starts_with_a_strong_rtl_character():
    out = right_to_left("Block this player.")
    assert out.startswith(RLM)
    assert unicodedata.bidirectional(out[0]) == "R"
    assert out.replace(RLM, "") == "Block this player."
    assert out.count(RLM) == 3  # one before each word
    assert right_to_left("") == ""


def test_text_engine_lays_out_xb_right_to_left_and_xa_longer():
    pytest.importorskip("pygame")
    from aman_game.text import get_engine

    engine = get_engine()
    source = "Block this player and tell an adult you trust."
    lay_xb = engine.layout(right_to_left(source), "xb", 24, 900)
    assert lay_xb.direction == "rtl"
    # Even "auto" direction detection sees the paragraph as right-to-left.
    assert engine.layout(right_to_left(source), "en", 24, 900, direction="auto").direction == "rtl"
    width_en, _h = engine.measure(source, "en", 24)
    width_xa, _h = engine.measure(accented(source), "xa", 24)
    assert width_xa > width_en * 1.3
    lay_xa = engine.layout(accented(source), "xa", 24, 900)
    assert lay_xa.missing_glyphs == 0 and lay_xb.missing_glyphs == 0


@pytest.mark.parametrize("code", sorted(pseudo_locale.TRANSFORMS))
def test_committed_pseudo_catalogs_match_aman_pot(code):
    """The pseudo catalogs are generated: regenerate with `python -m aman_game.pseudo_locale`."""
    committed = (LOCALES_DIR / code / "LC_MESSAGES" / "aman.po").read_bytes()
    assert committed == pseudo_locale.expected_po(LOCALES_DIR, code)


def test_pseudo_catalog_translates_every_template_message():
    with open(LOCALES_DIR / "aman.pot", "rb") as fh:
        template = read_po(fh)
    ids = [m.id for m in template if m.id and isinstance(m.id, str)]
    assert ids, "aman.pot holds no UI strings"
    for msgid in ids:
        assert i18n.gettext(msgid, "xa") == accented(msgid)
        assert i18n.gettext(msgid, "xb") == right_to_left(msgid)


def test_pseudo_locale_is_a_language_like_any_other():
    assert i18n.set_language("xa") == "xa"
    assert i18n._("Text size") == accented("Text size")
    assert i18n.format_number(1234.5) == "1,234.5"           # formats borrowed from English
    assert i18n.ngettext("{n} star", "{n} stars", 2) == "{n} stars"  # not in catalog: msgid fallback
    assert i18n.set_language("en-XA") == "xa"
    assert i18n.set_language("xb") == "xb" and i18n.direction() == "rtl"
    assert i18n.language_name("xb").startswith(RLM)


def test_scenario_text_in_a_pseudo_locale_is_the_transformed_english():
    texts = {"en": "Tell a trusted adult", "ar": "أخبر شخصًا كبيرًا تثق به"}
    assert i18n.pick(texts, "xa") == accented("Tell a trusted adult")
    assert i18n.pick(texts, "xb") == right_to_left("Tell a trusted adult")
    # A map that really has the pseudo language wins over the transform.
    assert i18n.pick({**texts, "xa": "custom"}, "xa") == "custom"


def test_generator_writes_catalogs_that_load_from_any_folder(tmp_path):
    (tmp_path / "aman.pot").write_bytes((LOCALES_DIR / "aman.pot").read_bytes())
    assert pseudo_locale.main([str(tmp_path)]) == 0
    for code in pseudo_locale.TRANSFORMS:
        po = tmp_path / code / "LC_MESSAGES" / "aman.po"
        text = po.read_text(encoding="utf-8")
        assert f'"Language: {code}\\n"' in text and "fuzzy" not in text.split("msgid", 2)[1]
    i18n.catalog_dirs.insert(0, tmp_path)
    i18n.reload_catalogs()
    assert i18n.gettext("Read aloud", "xb") == right_to_left("Read aloud")
