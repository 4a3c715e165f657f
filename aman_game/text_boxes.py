"""Text boxes as data: where each kind of scenario string is drawn, its width, size and lines.

Two sides read these and neither owns them: the screens (through theme.Theme.box) draw text in these
boxes, and the content validator (content/fit.py) checks that an author's text fits them at its real size
in the real font, in every language. Plain data with no imports from the game: the content package reads
it without loading the theme or pygame.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

#: The three text-size steps a child or teacher can pick (settings "text size").
TEXT_SCALES = (1.0, 1.15, 1.3)


@dataclass(frozen=True)
class TextBox:
    """Where one kind of scenario string is drawn, at the normal text-size step.

    At a larger step the text grows and so must its box, or a string that fits at the normal step is cut:
    a box whose width is set by the screen (a choice spans the screen) gains lines, a box free to widen
    (a chat bubble, a name) gains width and keeps its lines. `Theme.box` gives the box at the active step;
    the screens draw in it and the validator checks the largest step against it (W603)."""
    width: int  # px on the 1280x720 canvas
    size: int  # pt at the normal text-size step
    max_lines: int
    bold: bool = False
    grows: str = "lines"  # "lines" | "width" | "none": how the box makes room at a larger text-size step
    max_width: int = 0  # the widest a "width" box may grow (px)
    scrolls: bool = False  # drawn in full, however many lines (a chat bubble: the chat scrolls), never cut

    def at_scale(self, scale: float) -> "TextBox":
        """This box at text scale `scale` (1.0 is the normal step). Every enlarged step allows the lines of
        the largest one: line breaks do not scale exactly with the font, and a string that fits at the
        largest step must not be cut at a middle one (the validator checks the largest, W603)."""
        size = max(8, round(self.size * scale))
        if scale <= 1.0 or self.grows == "none":
            return replace(self, size=size)
        if self.grows == "width":
            return replace(self, size=size, width=min(self.max_width or 10 ** 6, math.ceil(self.width * scale)))
        return replace(self, size=size, max_lines=math.ceil(self.max_lines * max(scale, TEXT_SCALES[-1]) - 1e-9))


TEXT_BOXES: dict[str, TextBox] = {
    # the story's card in the menu: its height is fixed (two rows of cards), so the title keeps two lines at
    # every text size; a title that needs a third at the largest size is reported (W603)
    "title": TextBox(width=340, size=24, max_lines=2, bold=True, grows="none"),
    "summary": TextBox(width=520, size=20, max_lines=4),
    "character_name": TextBox(width=300, size=20, max_lines=1, bold=True, grows="width", max_width=400),
    # the chat column is 1152 px wide: a bubble widens with the text rather than growing taller than the
    # chat above the choices
    "message": TextBox(width=520, size=22, max_lines=8, grows="width", max_width=680, scrolls=True),
    "prompt": TextBox(width=1000, size=24, max_lines=2, bold=True),
    "choice": TextBox(width=960, size=24, max_lines=2),
    "feedback": TextBox(width=760, size=24, max_lines=7),
    "outcome": TextBox(width=900, size=26, max_lines=6),
}
