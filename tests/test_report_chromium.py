"""The report opened in headless Chromium (Debian's chromium) shows its charts: measured on the screenshot.

The bars are found by their colour (pygame.mask, no numpy needed): the safe-choice bars must be as long as
their figures say (70% and 50% of the same track) and start at the language's start edge; the quiz chart's
"after" bars must be there too. Skipped only where chromium is not installed (CI installs it).
"""
from __future__ import annotations

import shutil
import subprocess

import pytest

from aman_game.cli import main
from aman_game.report import svg

from results_helpers import SCENES, build_class_dataset

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
WIDTH, HEIGHT = 1280, 2000


def _screenshot(html_path, png_path, profile):
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
           "--hide-scrollbars", f"--screenshot={png_path}", f"--window-size={WIDTH},{HEIGHT}",
           html_path.resolve().as_uri()]
    subprocess.run(cmd, check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert png_path.is_file()


def _bars(png_path, colour: str):
    """Bounding rectangles of the solid areas of `colour`, wider than 20 px (bars, not legend squares)."""
    import pygame

    surface = pygame.image.load(str(png_path))
    assert surface.get_size() == (WIDTH, HEIGHT)
    rgb = pygame.Color(colour)
    mask = pygame.mask.from_threshold(surface, rgb, (4, 4, 4, 255))
    return sorted((r for r in mask.get_bounding_rects() if r.width > 20 and r.height >= 8), key=lambda r: r.y)


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chromium")
    build_class_dataset(folder / "lab")
    out = {}
    for lang in ("en", "ar"):
        html_path = folder / f"report-{lang}.html"
        assert main(["report", str(folder / "lab"), "--class", "5B", "--lang", lang, "--scenes", str(SCENES),
                     "--out", str(html_path)]) == 0
        png = folder / f"report-{lang}.png"
        _screenshot(html_path, png, folder / f"profile-{lang}")
        out[lang] = png
    return out


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_safe_rate_bars_are_drawn_to_scale(shots, lang):
    bars = _bars(shots[lang], svg.SAFE_COLOUR)
    assert len(bars) == 2, bars  # test_gift 70%, test_photo 50%
    gift, photo = bars
    assert gift.width / photo.width == pytest.approx(0.7 / 0.5, rel=0.03)
    assert gift.width == pytest.approx(0.7 * 380, abs=3)
    if lang == "en":  # bars grow from the start edge: left in English, right in Arabic
        assert gift.left == photo.left and gift.left < WIDTH / 2
    else:
        assert gift.right == photo.right and gift.right > WIDTH / 2


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_quiz_chart_shows_before_and_after(shots, lang):
    after = _bars(shots[lang], svg.POST_COLOUR)
    before = _bars(shots[lang], svg.PRE_COLOUR)
    # Nour 100%, Omar 80%, class 90% after; Nour 20%, Omar 40%, Sara 60% before, and the class 30% — over
    # the two children who took both quizzes (Sara's before is not mixed in), so after - before is the gain.
    assert sorted(round(b.width / 380, 2) for b in after) == [0.8, 0.9, 1.0]
    assert sorted(round(b.width / 380, 2) for b in before) == [0.2, 0.3, 0.4, 0.6]


def test_parents_page_prints_each_language_on_its_own_a4_sheet(tmp_path):
    """Arabic on one side, English on the other: the page breaks between languages and each fits one A4
    page (two at most where the system's fonts run larger than Debian's Noto)."""
    import re

    html_path = tmp_path / "parents.html"
    assert main(["report", "--parents", "--out", str(html_path)]) == 0
    pdf = tmp_path / "parents.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'p'}",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html_path.resolve().as_uri()],
                   check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert 2 <= pages <= 4
    boxes = re.findall(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert boxes and all(abs(float(w) - 595) < 1 and abs(float(h) - 842) < 1 for w, h in boxes)  # A4 in points
