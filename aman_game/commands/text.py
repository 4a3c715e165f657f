"""`main.py text`: lay out and render a paragraph, for translators checking a line and for tests."""
from __future__ import annotations

import json
import os
import sys


def configure(parser) -> None:
    parser.add_argument("text", help="the paragraph (use quotes); '-' reads standard input")
    parser.add_argument("--lang", default="ar", help="language of the paragraph: ar or en (default ar)")
    parser.add_argument("--width", type=int, default=None, help="box width in px (default: one line)")
    parser.add_argument("--size", type=int, default=24, help="font size in pt (default 24)")
    parser.add_argument("--direction", choices=("auto", "rtl", "ltr"), default="auto")
    parser.add_argument("--align", choices=("start", "end", "center"), default="start")
    parser.add_argument("--bold", action="store_true")
    parser.add_argument("--max-lines", type=int, default=None, help="cut with an ellipsis after N lines")
    parser.add_argument("--json", action="store_true", help="print the layout as JSON")
    parser.add_argument("--out", help="write a PNG of the rendered text")


def run(args) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from ..text import get_engine

    text = sys.stdin.read() if args.text == "-" else args.text
    if args.width is not None and args.width < 1:
        print("aman text: --width must be a positive number of pixels", file=sys.stderr)
        return 2
    engine = get_engine()
    layout = engine.layout(text, args.lang, args.size, args.width, direction=args.direction, align=args.align,
                           bold=args.bold, max_lines=args.max_lines)
    if args.json:
        print(json.dumps(layout.to_dict(), ensure_ascii=False))
    else:
        for line in layout.lines:
            print(line.text)
        if layout.missing_glyphs:
            print(f"missing glyphs: {layout.missing_glyphs}", file=sys.stderr)
    if args.out:
        margin = 16
        canvas = pygame.Surface((layout.width + 2 * margin, layout.height + 2 * margin))
        canvas.fill((255, 255, 255))
        canvas.blit(engine.render(layout, (20, 24, 40)), (margin, margin))
        try:
            pygame.image.save(canvas, args.out)
        except (pygame.error, OSError) as exc:
            print(f"aman text: cannot write {args.out}: {exc}", file=sys.stderr)
            return 1
    return 0
