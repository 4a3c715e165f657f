"""Style as data: colours, sizes and text boxes as named tokens (no literal colours or offsets in widgets).

TEXT_BOXES is shared by the screens (which draw text in these boxes) and by the content validator (which
checks that an author's text fits them at its real size in the real font, in every language).
"""
from __future__ import annotations

from dataclasses import dataclass

#: The logical canvas every screen draws on; the window scales it with letterboxing.
CANVAS_SIZE = (1280, 720)


@dataclass(frozen=True)
class TextBox:
    width: int  # px on the 1280x720 canvas
    size: int  # pt at the normal text-size step
    max_lines: int
    bold: bool = False


TEXT_BOXES: dict[str, TextBox] = {
    "title": TextBox(width=1000, size=36, max_lines=2, bold=True),
    "summary": TextBox(width=520, size=20, max_lines=4),
    "character_name": TextBox(width=300, size=20, max_lines=1, bold=True),
    "message": TextBox(width=520, size=22, max_lines=8),
    "prompt": TextBox(width=1000, size=24, max_lines=2, bold=True),
    "choice": TextBox(width=960, size=24, max_lines=2),
    "feedback": TextBox(width=760, size=24, max_lines=7),
    "outcome": TextBox(width=900, size=26, max_lines=6),
}
