"""The HTML shell shared by the class report and the parents' page: one self-contained file.

Inline CSS only, no scripts, no fonts or images fetched from anywhere (the report is opened offline, and
by policy the project makes no network calls). Direction and language come from the language: the root
element carries lang= and dir=, and CSS speaks of inline-start/inline-end, never left/right, so one
stylesheet serves Arabic and English.
"""
from __future__ import annotations

import html

from aman_game import i18n

# Fonts a school PC or the browser already has; Arabic first so Arabic text never falls to a Latin font.
FONT_STACK = ('"Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, "Noto Sans", "DejaVu Sans", '
              'Arial, sans-serif')

BASE_CSS = """
:root { --ink: #1f2933; --muted: #5f6b76; --line: #d5dbe1; --soft: #f3f6f8; --accent: #1b7f5b; }
* { box-sizing: border-box; }
html { font-family: %(fonts)s; color: var(--ink); background: #fff; line-height: 1.55; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; font-size: 15px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 28px 0 10px; padding-block-end: 4px; border-block-end: 2px solid var(--line); }
h3 { font-size: 16px; margin: 18px 0 6px; }
p.meta, .muted { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; margin: 8px 0 14px; }
th, td { border: 1px solid var(--line); padding: 5px 9px; text-align: start; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 13px; white-space: nowrap; }
.badge.safe { background: #dcefe5; color: #125c41; }
.badge.recovered { background: #fbeccb; color: #7a5200; }
.badge.unsafe { background: #f7dede; color: #8a2525; }
.badge.open { background: var(--soft); color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 150px; }
.card b { display: block; font-size: 22px; }
.chart { margin: 6px 0 16px; max-width: 100%%; height: auto; }
.missed { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; margin: 10px 0; }
.missed blockquote { margin: 6px 0; padding-inline-start: 10px; border-inline-start: 3px solid var(--line); }
nav ul { margin: 4px 0; }
ul.tight li { margin: 2px 0; }
code { background: var(--soft); padding: 1px 5px; border-radius: 4px; direction: ltr; unicode-bidi: isolate; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, .missed, svg { break-inside: avoid; }
  nav { display: none; }
}
""" % {"fonts": FONT_STACK}


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def user_text(text: str) -> str:
    """A nickname or class name: isolated so a Latin name inside Arabic (or the reverse) keeps its order."""
    return f"<bdi>{esc(text)}</bdi>"


def num(value: float | int, lang: str) -> str:
    return esc(i18n.format_number(value, lang))


def pct(value: float | None, lang: str) -> str:
    """A fraction as the language writes a percentage, rounded to whole percent; an en dash for none."""
    if value is None:
        return "–"
    return esc(i18n.format_percentage(value, lang))


def signed_points(value: float, lang: str) -> str:
    """A gain in percentage points with its sign: +20, −5 (U+2212, isolated so it stays in front)."""
    points = round(value * 100)
    sign = "+" if points > 0 else ("\u2212" if points < 0 else "")
    return f"<bdi dir=\"ltr\">{sign}{num(abs(points), lang)}</bdi>"


def page(title: str, lang: str, body: str, extra_css: str = "") -> str:
    lang = i18n.normalize(lang)
    direction = i18n.direction(lang)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{BASE_CSS}{extra_css}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
