"""A small widget set drawn with the theme and the bilingual text engine (pygame_gui cannot carry our text)."""
