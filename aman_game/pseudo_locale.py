"""Pseudo-locales: generated catalogs that prove the game takes any language without code changes.

- `xa` ("accented, 40 % longer"): every letter accented and every string bracketed and padded, so a
  clipped string loses its closing bracket and a hard-coded English string stands out unaccented.
- `xb` ("right-to-left"): the English text with a right-to-left mark (U+200F) before every word. The
  first strong character is then right-to-left, so the paragraph is RTL even for `direction="auto"`,
  words run right to left and end punctuation sits at the left, as in Arabic; i18n.direction("xb") is
  "rtl", so screens mirror. Latin letters need no shaping, so nothing else is done to them.

Scenario text follows the same rule (i18n.pick transforms the English text for a pseudo-locale), so
scenario strings are checked for clipping too. The .po files are written from locales/aman.pot by

    python -m aman_game.pseudo_locale          # also copies new msgids into locales/en (English source)

and never edited by hand; tests check that the committed ones match aman.pot.
"""
from __future__ import annotations

import io
import math
import re
import sys
from pathlib import Path

_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
_FILLER = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen".split()
# Format placeholders and escaped braces pass through unchanged.
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{[^{}]*\}|%\([^)]*\)[sdifr]|%[sdifr%]")
RLM = "\u200f"
EXPANSION = 0.4


def _map_outside_placeholders(text: str, fn) -> str:
    out, last = [], 0
    for m in _PLACEHOLDER.finditer(text):
        out.append(fn(text[last:m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(fn(text[last:]))
    return "".join(out)


def accented(text: str) -> str:
    """`xa`: '[Ɓļöçķ ţĥé šéñðéŕ one two]' — accented, bracketed, at least 40 % longer."""
    if not text:
        return text
    body = _map_outside_placeholders(text, lambda s: s.translate(_ACCENTS))
    target = len(text) + math.ceil(len(text) * EXPANSION)
    padded, i = body, 0
    while len(padded) + 2 < target:
        padded += " " + _FILLER[i % len(_FILLER)]
        i += 1
    return "[" + padded + "]"


def right_to_left(text: str) -> str:
    """`xb`: a right-to-left mark before every word (after each space or line break)."""
    if not text:
        return text
    return RLM + re.sub(r"([ \n])", lambda m: m.group(1) + RLM, text)


TRANSFORMS = {"xa": accented, "xb": right_to_left}


def transform(code: str, text: str) -> str:
    return TRANSFORMS[code](text)


def build_catalog(template, code: str):
    """A Babel Catalog for pseudo-locale `code` with every message of the template transformed."""
    from babel.messages.catalog import Catalog

    fn = TRANSFORMS[code]
    catalog = Catalog(locale="en", project=template.project, version=template.version,
                      copyright_holder=template.copyright_holder, fuzzy=False)
    catalog.creation_date = template.creation_date
    catalog.revision_date = template.creation_date
    catalog.last_translator = "aman_game.pseudo_locale (generated, do not edit)"
    for msg in template:
        if not msg.id:
            continue
        string = tuple(fn(s) for s in msg.id) if msg.pluralizable else fn(msg.id)
        catalog.add(msg.id, string, locations=msg.locations, flags=msg.flags - {"fuzzy"},
                    auto_comments=msg.auto_comments, context=msg.context)
    return catalog


def render_po(catalog, code: str) -> bytes:
    """The .po bytes, with the header naming the pseudo-locale (Babel itself only knows real locales)."""
    from babel.messages.pofile import write_po

    buf = io.BytesIO()
    write_po(buf, catalog, width=100, omit_header=False)
    text = buf.getvalue().decode("utf-8")
    text = text.replace('"Language: en\\n"', f'"Language: {code}\\n"', 1)
    text = re.sub(r'"Language-Team: [^"]*"', f'"Language-Team: pseudo-locale {code}\\\\n"', text, count=1)
    text = re.sub(r"^# English translations for", f"# Pseudo-locale {code} (generated) for", text)
    return text.encode("utf-8")


def read_template(locales_dir: Path):
    from babel.messages.pofile import read_po

    with open(locales_dir / "aman.pot", "rb") as fh:
        return read_po(fh)


def expected_po(locales_dir: Path, code: str) -> bytes:
    return render_po(build_catalog(read_template(locales_dir), code), code)


def fill_source_catalog(locales_dir: Path, lang: str = "en") -> int:
    """Copy the msgid into every empty or fuzzy msgstr of the English catalog (the source language
    translates to itself unless someone polishes a wording); returns how many entries were filled."""
    from babel.messages.pofile import read_po, write_po

    path = locales_dir / lang / "LC_MESSAGES" / "aman.po"
    with open(path, "rb") as fh:
        catalog = read_po(fh, locale=lang)
    filled = 0
    for msg in catalog:
        if not msg.id:
            continue
        # A fuzzy English entry is pybabel's guess from a neighbouring msgid: the msgid is the truth.
        if msg.fuzzy:
            msg.flags.discard("fuzzy")
            msg.string = ()
        if msg.pluralizable:
            if not all(msg.string or ()):
                msg.string = tuple(msg.id) + (msg.id[1],) * (catalog.num_plurals - 2)
                filled += 1
        elif not msg.string:
            msg.string = msg.id
            filled += 1
    if filled:
        catalog.fuzzy = False
        with open(path, "wb") as fh:
            write_po(fh, catalog, width=100)
    return filled


def main(argv: list[str] | None = None) -> int:
    from . import LOCALES_DIR

    argv = list(sys.argv[1:] if argv is None else argv)
    locales_dir = Path(argv[0]) if argv else LOCALES_DIR
    for code in TRANSFORMS:
        out = locales_dir / code / "LC_MESSAGES" / "aman.po"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(expected_po(locales_dir, code))
        print(f"wrote {out}")
    if (locales_dir / "en" / "LC_MESSAGES" / "aman.po").is_file():
        print(f"en: {fill_source_catalog(locales_dir)} new entries copied from their msgid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
