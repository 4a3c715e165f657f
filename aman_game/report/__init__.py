"""The teacher's report from results files: HTML (class figures, charts as inline SVG), CSV, and the
parents' take-home page. No pygame: everything here is text built from data.

    from aman_game.results import load_results
    from aman_game.report import load_content, build_class_report, compute
    html = build_class_report(load_results(["lab-share/"]), load_content(), "ar", class_name="5B")
"""
from __future__ import annotations

from .class_report import build_class_report
from .content_source import ReportContent, load_content
from .csv_export import to_csv, write_csv
from .figures import ClassFigures, compute
from .parents import build_parents_page

__all__ = ["ClassFigures", "ReportContent", "build_class_report", "build_parents_page", "compute", "load_content",
           "to_csv", "write_csv"]
