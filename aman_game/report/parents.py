"""The take-home page for parents (`report --parents`): printable on A4, one section per language.

Text from scenes/parents/advice.yaml (the source document's warning signs and advice); help channels
from the region file, so a school elsewhere changes only scenes/regions/<code>.yaml. A channel whose
number the document does not confirm is marked "to be confirmed by the school", never invented.
"""
from __future__ import annotations

from aman_game import i18n

from .content_source import ReportContent, text_in
from .html_page import esc, page
from .strings import _

PRINT_CSS = """
@page { size: A4; margin: 12mm 13mm; }
section.lang { padding-block-end: 6mm; }
section.lang + section.lang { border-block-start: 1px dashed var(--line); padding-block-start: 6mm; }
.brand { font-size: 13px; color: var(--accent); font-weight: 700; letter-spacing: .02em; }
section.lang h1 { font-size: 22px; }
section.lang h2 { font-size: 16px; margin: 12px 0 4px; }
section.lang ul { margin: 2px 0 4px; padding-inline-start: 20px; }
section.lang li { margin: 1px 0; }
.cols { columns: 2 300px; column-gap: 8mm; }
.cols > div { break-inside: avoid; }
.help li b { white-space: nowrap; }
.help .tbc { color: #8a2525; font-size: 12px; }
.source { font-size: 11px; color: var(--muted); margin-top: 6px; }
@media print {
  body { font-size: 9.6pt; line-height: 1.4; }
  section.lang h1 { font-size: 15pt; }
  section.lang h2 { font-size: 11pt; margin: 7px 0 2px; }
  section.lang + section.lang { break-before: page; border: 0; padding-block-start: 0; }
}
"""

SECTIONS = (("practised", "What your child practised in Aman"), ("warning_signs", "Warning signs"),
            ("advice", "Advice for parents"), ("risks", "What puts a child at risk"))


def _items(values, lang: str) -> str:
    return "".join(f"<li>{esc(text_in(v, lang))}</li>" for v in values or ())


def _help(content: ReportContent, region_code: str | None, lang: str) -> str:
    region = content.region(region_code)
    title = f"<h2>{esc(_('Where to get help', lang))}</h2>"
    if region is None or not region.resources:
        return title + f"<p>{esc(_('Ask the school for the help channels in your country.', lang))}</p>"
    items = []
    for res in region.resources:
        contact = " ".join(f'<b dir="ltr">{esc(v)}</b>' for v in (res.phone, res.url) if v)
        tbc = "" if res.confirmed else f' <span class="tbc">({esc(_("to be confirmed by the school", lang))})</span>'
        description = f" — {esc(text_in(res.description, lang))}" if res.description else ""
        items.append(f'<li data-kind="{esc(res.kind)}">{esc(text_in(res.name, lang))}: {contact}{tbc}{description}</li>')
    return title + f'<ul class="help">{"".join(items)}</ul>'


def _section(content: ReportContent, lang: str, region_code: str | None) -> str:
    advice = content.parents
    direction = i18n.direction(lang)
    parts = [f'<section class="lang" lang="{esc(lang)}" dir="{direction}">',
             f'<div class="brand">{esc(_("Aman — for families", lang))}</div>',
             f"<h1>{esc(text_in(advice.get('title'), lang) or _('Keeping children safe online: a page to take home', lang))}</h1>"]
    if advice.get("intro"):
        parts.append(f"<p>{esc(text_in(advice['intro'], lang))}</p>")
    blocks = [f"<div><h2>{esc(_(heading, lang))}</h2><ul>{_items(advice.get(key), lang)}</ul></div>"
              for key, heading in SECTIONS if advice.get(key)]
    parts.append(f'<div class="cols">{"".join(blocks)}</div>')
    if advice.get("if_exploited"):
        parts.append(f"<h2>{esc(_('If your child is being exploited or blackmailed', lang))}</h2>"
                     f"<ol>{_items(advice['if_exploited'], lang)}</ol>")
    parts.append(_help(content, region_code, lang))
    if advice.get("source"):
        parts.append(f'<p class="source">{esc(_("Source: {source}", lang).format(source=text_in(advice["source"], lang)))}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def build_parents_page(content: ReportContent, langs: list[str], region_code: str | None = "qa") -> str:
    """The page in each of `langs`, in that order (the first also sets the page's own language)."""
    langs = [i18n.normalize(lang) for lang in langs] or ["ar", "en"]
    body = "\n".join(_section(content, lang, region_code) for lang in langs)
    return page(_("Aman — for families", langs[0]), langs[0], body, PRINT_CSS)
