"""Style as data: colours, sizes and text boxes as named tokens (no literal colours or offsets in widgets).

TEXT_BOXES (text_boxes.py, re-exported here) is data shared by the screens (which draw text in these boxes)
and by the content validator (which checks that an author's text fits them at its real size in the real
font, in every language); the validator reads it without loading this module.

The active Theme is process-wide, like the language: one child plays at a time. `configure()` rebuilds it
when the text size or contrast setting changes; widgets read `current()` at draw time.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# The text boxes are data shared with the content validator: they live in text_boxes.py (no theme, no
# pygame), and are re-exported here for the screens.
from .text_boxes import TEXT_BOXES, TEXT_SCALES, TextBox  # noqa: F401

#: The logical canvas every screen draws on; the window scales it with letterboxing.
CANVAS_SIZE = (1280, 720)

Color = tuple  # (r, g, b) or (r, g, b, a)


@dataclass(frozen=True)
class Palette:
    """Colour tokens of the game's own screens."""
    bg: Color = (234, 241, 248)
    bg_band: Color = (218, 231, 245)
    surface: Color = (255, 255, 255)
    surface_alt: Color = (244, 247, 251)
    border: Color = (205, 216, 230)
    text: Color = (28, 39, 54)
    text_muted: Color = (84, 100, 120)
    primary: Color = (40, 104, 200)
    primary_hover: Color = (30, 88, 176)
    on_primary: Color = (255, 255, 255)
    primary_soft: Color = (221, 233, 251)
    secondary: Color = (255, 255, 255)
    on_secondary: Color = (28, 39, 54)
    safe: Color = (30, 128, 84)
    safe_soft: Color = (222, 243, 231)
    unsafe: Color = (196, 104, 20)
    unsafe_soft: Color = (253, 236, 216)
    danger: Color = (196, 64, 56)
    on_danger: Color = (255, 255, 255)
    focus: Color = (240, 168, 0)
    star: Color = (245, 176, 0)
    star_empty: Color = (200, 210, 222)
    shadow: Color = (30, 50, 80, 36)
    scrim: Color = (16, 28, 44, 150)
    robot_body: Color = (236, 244, 252)
    robot_trim: Color = (92, 156, 222)
    robot_shield: Color = (40, 104, 200)
    robot_face: Color = (32, 52, 82)
    robot_eye: Color = (120, 230, 255)
    robot_cheek: Color = (255, 170, 170)


@dataclass(frozen=True)
class AppLook:
    """Colours and shapes of one mock app (messenger or game lobby), so the two feel like different apps."""
    header: Color
    on_header: Color
    header_control: Color  # block / report / adult buttons in the header
    background: Color
    pattern: Color  # faint decoration in the chat background
    bubble_them: Color
    on_bubble_them: Color
    bubble_me: Color
    on_bubble_me: Color
    bubble_radius: int
    tail: bool  # speech-bubble tail (messenger) or a flat tag (lobby)
    name_color: Color
    card: Color
    on_card: Color
    accent: Color
    on_accent: Color
    composer: Color
    on_composer: Color


LOOKS: dict[str, AppLook] = {
    "messenger": AppLook(
        header=(22, 116, 196), on_header=(255, 255, 255), header_control=(255, 255, 255, 46),
        background=(229, 238, 246), pattern=(214, 227, 239),
        bubble_them=(255, 255, 255), on_bubble_them=(28, 39, 54),
        bubble_me=(38, 128, 222), on_bubble_me=(255, 255, 255),
        bubble_radius=20, tail=True, name_color=(22, 116, 196),
        card=(255, 255, 255), on_card=(28, 39, 54), accent=(22, 116, 196), on_accent=(255, 255, 255),
        composer=(255, 255, 255), on_composer=(120, 134, 150),
    ),
    "game_lobby": AppLook(
        header=(40, 30, 84), on_header=(255, 214, 102), header_control=(255, 255, 255, 40),
        background=(27, 22, 56), pattern=(36, 30, 72),
        bubble_them=(58, 50, 108), on_bubble_them=(244, 240, 255),
        bubble_me=(124, 88, 232), on_bubble_me=(255, 255, 255),
        bubble_radius=8, tail=False, name_color=(255, 200, 80),
        card=(50, 42, 98), on_card=(244, 240, 255), accent=(255, 196, 64), on_accent=(40, 30, 84),
        composer=(44, 36, 90), on_composer=(170, 160, 210),
    ),
}

HIGH_CONTRAST = Palette(
    bg=(0, 0, 0), bg_band=(0, 0, 0), surface=(0, 0, 0), surface_alt=(20, 20, 20), border=(255, 255, 255),
    text=(255, 255, 255), text_muted=(235, 235, 235), primary=(255, 221, 0), primary_hover=(255, 240, 120),
    on_primary=(0, 0, 0), primary_soft=(40, 40, 0), secondary=(0, 0, 0), on_secondary=(255, 255, 255),
    safe=(120, 255, 140), safe_soft=(0, 40, 0), unsafe=(255, 190, 90), unsafe_soft=(50, 30, 0),
    danger=(255, 110, 110), on_danger=(0, 0, 0), focus=(0, 230, 255), star=(255, 221, 0),
    star_empty=(110, 110, 110), shadow=(0, 0, 0, 0), scrim=(0, 0, 0, 200),
    robot_body=(255, 255, 255), robot_trim=(255, 221, 0), robot_shield=(0, 0, 0), robot_face=(0, 0, 0),
    robot_eye=(0, 230, 255), robot_cheek=(255, 255, 255),
)

HIGH_CONTRAST_LOOK = AppLook(
    header=(0, 0, 0), on_header=(255, 255, 255), header_control=(255, 221, 0),
    background=(0, 0, 0), pattern=(0, 0, 0),
    bubble_them=(0, 0, 0), on_bubble_them=(255, 255, 255), bubble_me=(255, 221, 0), on_bubble_me=(0, 0, 0),
    bubble_radius=14, tail=True, name_color=(0, 230, 255),
    card=(0, 0, 0), on_card=(255, 255, 255), accent=(255, 221, 0), on_accent=(0, 0, 0),
    composer=(0, 0, 0), on_composer=(235, 235, 235),
)


@dataclass(frozen=True)
class Metrics:
    """Spacing and shape tokens (px on the canvas)."""
    gap: int = 16
    pad: int = 24
    margin: int = 40
    radius: int = 18
    radius_small: int = 10
    button_height: int = 64
    choice_height: int = 72
    focus_width: int = 4
    focus_gap: int = 4
    border: int = 2
    header_height: int = 84
    avatar: int = 48
    shadow_offset: int = 4


@dataclass(frozen=True)
class Theme:
    palette: Palette = field(default_factory=Palette)
    metrics: Metrics = field(default_factory=Metrics)
    text_scale: float = 1.0
    high_contrast: bool = False
    reduced_motion: bool = False

    def size(self, base: int) -> int:
        """A font size in pt scaled by the text-size step."""
        return max(8, round(base * self.text_scale))

    def box(self, kind: str) -> TextBox:
        """The text box of a kind of scenario string at the active text-size step (TextBox.at_scale)."""
        return TEXT_BOXES[kind].at_scale(self.text_scale)

    def look(self, name: str) -> AppLook:
        if self.high_contrast:
            return HIGH_CONTRAST_LOOK
        return LOOKS.get(name, LOOKS["messenger"])

    def outline(self) -> int:
        """Border width around panels: visible borders replace shadows in high contrast."""
        return self.metrics.border + (1 if self.high_contrast else 0)


#: Base sizes (pt, normal step) of the game's own UI text.
FONT_SIZES = {"huge": 56, "title": 36, "heading": 30, "body": 24, "small": 20, "tiny": 17, "button": 26}

_current = Theme()


def current() -> Theme:
    return _current


def configure(text_size: int = 1, high_contrast: bool = False, reduced_motion: bool = False) -> Theme:
    """Rebuild the active theme from settings: text_size is the step 1 (normal), 2 (large) or 3 (largest)."""
    global _current
    step = min(max(int(text_size or 1) - 1, 0), len(TEXT_SCALES) - 1)
    _current = Theme(
        palette=HIGH_CONTRAST if high_contrast else Palette(),
        text_scale=TEXT_SCALES[step],
        high_contrast=bool(high_contrast),
        reduced_motion=bool(reduced_motion),
    )
    return _current
