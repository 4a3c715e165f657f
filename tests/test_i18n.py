"""i18n: catalogs, Arabic's six plural forms, Babel numbers/dates, digits, harakat, direction, scenario text."""
from __future__ import annotations

import datetime
import gettext as stdlib_gettext
import logging

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from aman_game import LOCALES_DIR, i18n


@pytest.fixture(autouse=True)
def _i18n_restored(clean_i18n):  # the shared fixture in conftest.py, for every test here
    yield


def write_catalog(root, lang, messages, fuzzy=()):
    """A .po at root/<lang>/LC_MESSAGES/aman.po with Babel's own header for the language."""
    catalog = Catalog(locale=lang, fuzzy=False)
    for msgid, string in messages.items():
        flags = ("fuzzy",) if msgid in fuzzy else ()
        catalog.add(msgid, string, flags=flags)
    path = root / lang / "LC_MESSAGES" / "aman.po"
    path.parent.mkdir(parents=True)
    with open(path, "wb") as fh:
        write_po(fh, catalog)
    return path


# CLDR's Arabic categories: 0 zero, 1 one, 2 two, 3–10 few, 11–99 many, the rest other (of n mod 100).
ARABIC_SAMPLES = {0: "zero", 1: "one", 2: "two", 3: "few", 10: "few", 11: "many", 99: "many",
                  100: "other", 101: "other", 102: "other", 103: "few", 111: "many", 1000: "other",
                  1002: "other", 1011: "many"}
SIX_FORMS = ("لا نقاط", "نقطة واحدة", "نقطتان", "{n} نقاط", "{n} نقطةً", "{n} نقطة")
FORM_OF = {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 4, "other": 5}


def test_babel_arabic_rules_are_the_six_cldr_categories():
    rule = Locale.parse("ar").plural_form
    assert {n: rule(n) for n in ARABIC_SAMPLES} == ARABIC_SAMPLES
    assert i18n.plural_category(11, "ar") == "many"


def test_cldr_index_matches_babel_category_order_for_arabic():
    for n in range(0, 1300):
        assert i18n._plural_index("ar", n) == FORM_OF[Locale.parse("ar").plural_form(n)], n


def test_arabic_po_header_plural_expression_agrees_with_cldr():
    """The catalog's Plural-Forms (what gettext evaluates) and CLDR pick the same form for every n."""
    with open(LOCALES_DIR / "ar" / "LC_MESSAGES" / "aman.po", "rb") as fh:
        catalog = read_po(fh, locale="ar")
    assert catalog.num_plurals == 6
    header = stdlib_gettext.c2py(catalog.plural_expr)
    for n in range(0, 1300):
        assert header(n) == i18n._plural_index("ar", n) == i18n.plural_index("ar", n), n


def test_ngettext_picks_each_of_the_six_arabic_forms(tmp_path):
    write_catalog(tmp_path, "ar", {("{n} point", "{n} points"): SIX_FORMS})
    i18n.catalog_dirs.insert(0, tmp_path)
    i18n.reload_catalogs()
    for n, category in ARABIC_SAMPLES.items():
        assert i18n.ngettext("{n} point", "{n} points", n, "ar") == SIX_FORMS[FORM_OF[category]], n
    # English keeps two forms; an untranslated language falls back to the msgids.
    assert i18n.ngettext("{n} point", "{n} points", 1, "en") == "{n} point"
    assert i18n.ngettext("{n} point", "{n} points", 2, "en") == "{n} points"


def test_gettext_uses_translation_and_ignores_fuzzy_or_missing(tmp_path):
    write_catalog(tmp_path, "ar", {"Block": "حظر", "Report": "إبلاغ", "Maybe": "ربما"}, fuzzy={"Maybe"})
    i18n.catalog_dirs.insert(0, tmp_path)
    i18n.reload_catalogs()
    i18n.set_language("ar")
    assert i18n._("Block") == "حظر"
    assert i18n.gettext("Report", "ar") == "إبلاغ"
    assert i18n._("Maybe") == "Maybe"          # fuzzy: not trusted
    assert i18n._("Not in catalog") == "Not in catalog"
    assert i18n.gettext("Block", "en") == "Block"


def test_broken_catalog_falls_back_quietly(tmp_path, caplog):
    path = tmp_path / "ar" / "LC_MESSAGES" / "aman.po"
    path.parent.mkdir(parents=True)
    path.write_bytes(b'msgid "Block"\nmsgstr "\xff\xfe broken\n')
    i18n.catalog_dirs.insert(0, tmp_path)
    i18n.reload_catalogs()
    assert i18n.gettext("Block", "ar") == "Block"


def test_real_catalogs_translate_the_settings_labels():
    assert i18n.gettext("Text size", "ar") == "حجم الخط"
    assert i18n.gettext("Text size", "en") == "Text size"


def test_numbers_percentages_and_dates_by_language():
    i18n.set_digits("latn")
    assert i18n.format_number(1234.5, "en") == "1,234.5"
    assert i18n.format_number(1234.5, "ar") == "1,234.5"
    assert i18n.format_percentage(0.5, "en") == "50%"
    assert i18n.format_percentage(0.5, "ar") == "50%"
    day = datetime.date(2025, 3, 1)
    assert i18n.format_date(day, lang="en") == "March 1, 2025"
    assert i18n.format_date(day, lang="ar") == "1 مارس 2025"


def test_arabic_indic_digits_setting():
    i18n.set_digits("arab")
    assert i18n.format_number(1234.5, "ar") == "١٬٢٣٤٫٥"
    assert i18n.format_number(7, "ar") == "٧"
    assert i18n.format_percentage(0.5, "ar") == "٥٠٪"
    assert i18n.format_date(datetime.date(2025, 3, 1), lang="ar") == "١ مارس ٢٠٢٥"
    # English never changes its digits.
    assert i18n.format_number(1234.5, "en") == "1,234.5"
    assert i18n.format_percentage(0.5, "en") == "50%"


def test_unknown_digit_system_is_latin(caplog):
    with caplog.at_level(logging.WARNING):
        assert i18n.set_digits("roman") == "latn"
    assert "unknown digits" in caplog.text


def test_localize_digits_keeps_usernames_links_and_placeholders():
    i18n.set_digits("arab")
    text = "اتصل بالرقم 66815757 أو أرسل 50 جوهرة إلى Star_Gamer11 عبر https://aman.qa/12 و{n}"
    assert i18n.localize_digits(text, "ar") == (
        "اتصل بالرقم ٦٦٨١٥٧٥٧ أو أرسل ٥٠ جوهرة إلى Star_Gamer11 عبر https://aman.qa/12 و{n}")
    assert i18n.localize_digits("3.5 و 1,000", "ar") == "٣٫٥ و ١٬٠٠٠"
    assert i18n.localize_digits("Call 66815757", "en") == "Call 66815757"
    i18n.set_digits("latn")
    assert i18n.localize_digits(text, "ar") == text


def test_strip_harakat_keeps_letters_and_hamza():
    assert i18n.strip_harakat("أَمَانٌ لِلْأَطْفَالِ") == "أمان للأطفال"
    assert i18n.strip_harakat("كبير جدًّا") == "كبير جدا"
    assert i18n.strip_harakat("هٰذا") == "هذا"
    assert i18n.strip_harakat("آمن، مؤمن، إلى") == "آمن، مؤمن، إلى"
    assert i18n.strip_harakat("Block 123") == "Block 123"


def test_harakat_off_applies_to_ui_and_scenario_text():
    i18n.set_harakat(False)
    assert i18n.gettext("Largest", "ar") == "كبير جدا"
    assert i18n.pick({"en": "Safe", "ar": "أَنْتَ آمِنٌ"}, "ar") == "أنت آمن"
    i18n.set_harakat(True)
    assert i18n.gettext("Largest", "ar") == "كبير جدًّا"


def test_direction_of_languages():
    assert i18n.direction("ar") == "rtl"
    assert i18n.direction("ar_QA") == "rtl"
    assert i18n.direction("en") == "ltr"
    assert i18n.direction("fa") == "rtl"     # from Babel's locale data
    assert i18n.direction("fr") == "ltr"
    assert i18n.direction("xb") == "rtl"
    assert i18n.direction("xa") == "ltr"
    assert i18n.direction("zz") == "ltr"
    i18n.set_language("ar")
    assert i18n.direction() == "rtl"


def test_normalize_and_set_language(caplog):
    assert i18n.normalize("ar-QA") == "ar"
    assert i18n.normalize("EN_us") == "en"
    assert i18n.normalize("en-XA") == "xa"
    assert i18n.normalize(None) == i18n.DEFAULT_LANGUAGE
    with caplog.at_level(logging.WARNING):
        assert i18n.normalize("klingon") == i18n.DEFAULT_LANGUAGE
        assert i18n.normalize("../../etc") == i18n.DEFAULT_LANGUAGE
    assert "unknown language" in caplog.text
    assert i18n.set_language("en") == "en" and i18n.current_language() == "en"


def test_language_names_are_autonyms():
    assert i18n.language_name("ar") == "العربية"
    assert i18n.language_name("en") == "English"
    assert i18n.available_languages() == ["ar", "en"]
    assert {"xa", "xb"} <= set(i18n.available_languages(include_pseudo=True))


def test_pick_scenario_text_and_fallbacks(caplog):
    texts = {"en": "Call 16000", "ar": "اتصل بالرقم 16000"}
    assert i18n.pick(texts, "en") == "Call 16000"
    i18n.set_digits("arab")
    assert i18n.pick(texts, "ar") == "اتصل بالرقم ١٦٠٠٠"
    assert i18n.pick_logical(texts, "ar") == "اتصل بالرقم 16000"
    with caplog.at_level(logging.WARNING):
        assert i18n.pick({"en": "Only English"}, "ar") == "Only English"
    assert i18n.pick(None) == ""
    assert i18n.pick("plain", "ar") == "plain"


def test_pick_reads_the_content_model_text():
    from aman_game.content.model import Text

    text = Text({"en": "Block them", "ar": "احظرهم"})
    assert i18n.pick(text, "ar") == "احظرهم"
    assert i18n.pick(text, "xa").startswith("[Ɓļöçķ ţĥéɱ")


def test_a_third_language_needs_only_a_po_file(tmp_path):
    """French: one .po file gives translated UI, its own plurals, number format and direction."""
    write_catalog(tmp_path, "fr", {"Block": "Bloquer", ("{n} point", "{n} points"): ("{n} point", "{n} de points", "{n} points")})
    i18n.catalog_dirs.append(tmp_path)
    i18n.reload_catalogs()
    assert i18n.normalize("fr-FR") == "fr"
    assert "fr" in i18n.available_languages()
    i18n.set_language("fr")
    assert i18n._("Block") == "Bloquer"
    assert i18n.ngettext("{n} point", "{n} points", 0) == "{n} point"  # French: 0 and 1 are singular
    assert i18n.ngettext("{n} point", "{n} points", 2) == "{n} points"
    assert i18n.ngettext("{n} point", "{n} points", 1000000) == "{n} de points"
    assert i18n.format_number(1234.5) == "1\u202f234,5"
    assert i18n.direction() == "ltr"
    assert i18n.pick({"en": "Hello", "ar": "مرحبا", "fr": "Bonjour"}) == "Bonjour"
