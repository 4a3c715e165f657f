"""The take-home page for parents (`report --parents`): printable on A4, one section per language.

Text from scenes/parents/advice.yaml (the source document's warning signs and advice); help channels
from the region file, so a school elsewhere changes only scenes/regions/<code>.yaml. A channel whose
number the document does not confirm is marked "to be confirmed by the school", never invented.
"""
from __future__ import annotations

from aman_game import i18n
from aman_game.i18n import N_

from .content_source import ReportContent, text_in
from .html_page import esc, page
from .strings import _

PRINT_CSS = """
@page { size: A4; margin: 10mm 12mm; }
section.lang { padding-block-end: 6mm; }
section.lang + section.lang { border-block-start: 1px dashed var(--line); padding-block-start: 6mm; }
section.lang:lang(ar) { font-size: 1.08em; }
.brand { font-size: 13px; color: var(--accent); font-weight: 700; }
section.lang h1 { font-size: 22px; margin-block-end: 2px; }
section.lang h2 { font-size: 16px; margin: 10px 0 3px; }
section.lang ul, section.lang ol { margin: 2px 0 4px; padding-inline-start: 18px; }
section.lang li { margin: 1px 0; }
.grid { display: grid; grid-template-columns: 1fr 1fr; column-gap: 7mm; }
.help li b { white-space: nowrap; }
.help .tbc { color: #8a2525; }
.help .what { color: var(--muted); }
.source { font-size: 11px; color: var(--muted); margin-top: 6px; }
@media print {
  body { font-size: 8.6pt; line-height: 1.32; }
  section.lang h1 { font-size: 14pt; }
  section.lang h2 { font-size: 10pt; margin: 6px 0 1px; }
  section.lang p { margin: 3px 0; }
  .source { font-size: 7pt; }
  section.lang + section.lang { break-before: page; border: 0; padding-block-start: 0; }
}
"""

# Headings marked with N_ so `pybabel extract` finds them; translated with _ when the page is built.
SECTIONS = (("practised", N_("What your child practised in Aman")), ("warning_signs", N_("Warning signs")),
            ("risks", N_("What puts a child at risk")))
ADVICE_HEADING = N_("Advice for parents")


def _items(values, lang: str) -> str:
    return "".join(f"<li>{esc(text_in(v, lang))}</li>" for v in values or ())


def _bare_url(url: str) -> str:
    """What a parent types: "www.safespace.qa", not "https://www.safespace.qa/"."""
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            url = url[len(prefix):]
    return url.rstrip("/")


def _help(content: ReportContent, region_code: str | None, lang: str) -> str:
    region = content.region(region_code)
    heading = _("Where to get help", lang)
    title = f"<h2>{esc(heading)}</h2>"
    if region is None or not region.resources:
        ask = _("Ask the school for the help channels in your country.", lang)
        return title + f"<p>{esc(ask)}</p>"
    tbc_words = esc(_("to be confirmed by the school", lang))
    items = []
    for res in region.resources:
        name = text_in(res.name, lang)
        shown = [res.phone, _bare_url(res.url) if res.url else None]
        shown = [v for v in shown if v and v != name]  # "safespace.qa: safespace.qa" says it twice
        contact = ": " + " ".join(f'<b dir="ltr">{esc(v)}</b>' for v in shown) if shown else ""
        tbc = "" if res.confirmed else f' <span class="tbc">({tbc_words})</span>'
        description = (f' <span class="what">— {esc(text_in(res.description, lang))}</span>'
                       if res.description else "")
        items.append(f'<li data-kind="{esc(res.kind)}">{esc(name)}{contact}{tbc}{description}</li>')
    return title + f'<ul class="help">{"".join(items)}</ul>'


def _section(content: ReportContent, lang: str, region_code: str | None) -> str:
    advice = content.parents
    direction = i18n.direction(lang)
    brand = _("Aman — for families", lang)
    title = text_in(advice.get("title"), lang) or _("Keeping children safe online: a page to take home", lang)
    parts = [f'<section class="lang" lang="{esc(lang)}" dir="{direction}">',
             f'<div class="brand">{esc(brand)}</div>', f"<h1>{esc(title)}</h1>"]
    if advice.get("intro"):
        parts.append(f"<p>{esc(text_in(advice['intro'], lang))}</p>")

    def block(key: str, heading: str) -> str:
        if not advice.get(key):
            return ""
        return f"<h2>{esc(_(heading, lang))}</h2><ul>{_items(advice.get(key), lang)}</ul>"

    # Two columns, filled by hand so they come out even: what the child learned and the signs beside the advice.
    start = "".join(block(k, h) for k, h in SECTIONS)
    parts.append(f'<div class="grid"><div>{start}</div><div>{block("advice", ADVICE_HEADING)}</div></div>')
    steps = ""
    if advice.get("if_exploited"):
        steps_title = _("If your child is being exploited or blackmailed", lang)
        steps = f"<h2>{esc(steps_title)}</h2><ol>{_items(advice['if_exploited'], lang)}</ol>"
    parts.append(f'<div class="grid"><div>{steps}</div><div>{_help(content, region_code, lang)}</div></div>')
    if advice.get("source"):
        source = _("Source: {source}", lang).format(source=text_in(advice["source"], lang))
        parts.append(f'<p class="source">{esc(source)}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def build_parents_page(content: ReportContent, langs: list[str], region_code: str | None = "qa") -> str:
    """The page in each of `langs`, in that order (the first also sets the page's own language)."""
    langs = [i18n.normalize(lang) for lang in langs] or ["ar", "en"]
    body = "\n".join(_section(content, lang, region_code) for lang in langs)
    return page(_("Aman — for families", langs[0]), langs[0], body, PRINT_CSS)
