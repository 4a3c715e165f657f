"""Aman (أمان): a bilingual Arabic/English game that teaches children to stay safe online."""
from pathlib import Path

__version__ = "0.1.0"

#: The checkout (or installed tree) root: scenes/, assets/ and locales/ sit beside the package.
ROOT = Path(__file__).resolve().parent.parent
ASSETS_DIR = ROOT / "assets"
SCENES_DIR = ROOT / "scenes"
LOCALES_DIR = ROOT / "locales"
