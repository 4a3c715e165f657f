"""`python main.py report PATH... [--class NAME] --out report.html [--csv results.csv] [--json [FILE]] [--lang ar|en]`
and `python main.py report --parents [--lang ar|en] [--region qa] --out parents.html`.

PATH is any mix of results files and folders of them (a lab's shared folder, a USB stick of copied
files). The files are read from private copies, never changed. The HTML is one self-contained file:
open it in any browser, print it, e-mail it; it needs no internet.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="results files or folders holding them")
    parser.add_argument("--class", dest="class_name", metavar="NAME", help="report on this class only")
    parser.add_argument("--out", metavar="FILE", help="HTML file to write (default report.html, or parents.html)")
    parser.add_argument("--csv", metavar="FILE", help="also write every run, decision and quiz answer as CSV")
    parser.add_argument("--json", nargs="?", const="-", metavar="FILE", help="the report's figures as JSON, to "
                        "FILE or (without FILE) to standard output; the HTML is then written only with --out")
    parser.add_argument("--lang", choices=("ar", "en"), help="language of the report (default ar); with "
                        "--parents, only this language (default: both)")
    parser.add_argument("--parents", action="store_true", help="write the take-home page for parents instead")
    parser.add_argument("--region", default=None, help="help channels of this region for --parents (default: "
                        "the region file marked default, qa)")
    parser.add_argument("--scenes", metavar="DIR", help="scenario library for titles and teacher notes "
                        "(default: the game's scenes/)")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    from aman_game.report import build_class_report, build_parents_page, load_content, write_csv
    from aman_game.results import find_results_files, load_results

    content = load_content(args.scenes)
    if args.parents:
        out = Path(args.out or "parents.html")
        langs = [args.lang] if args.lang else ["ar", "en"]
        _write(out, build_parents_page(content, langs, args.region or "qa"))
        print(f"wrote {out}")
        return 0

    if not args.paths:
        print("report: give one or more results files or folders (or --parents)", file=sys.stderr)
        return 2
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"report: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    if not find_results_files(args.paths):
        print("report: no results-*.sqlite3 files found in " + ", ".join(args.paths), file=sys.stderr)
        return 2
    results = load_results(args.paths)
    for skipped in results.skipped:
        print(f"report: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    if args.class_name:
        from aman_game.results import name_key

        known = results.classes()
        if name_key(args.class_name) not in {name_key(n) for n in known}:
            print(f"report: no results for class {args.class_name!r}; classes found: "
                  f"{', '.join(known) or 'none'}", file=sys.stderr)
            return 1
        results = results.for_class(args.class_name)
    lang = args.lang or "ar"
    # with --json to standard output, the messages go to stderr so the output stays one JSON document
    say = (lambda text: print(text, file=sys.stderr)) if args.json == "-" else print
    if args.json:
        import json

        from aman_game.report.json_export import build_json

        text = json.dumps(build_json(results, content, args.class_name), ensure_ascii=False, indent=1)
        if args.json == "-":
            try:
                print(text)
            except BrokenPipeError:  # `report --json | head`: the reader left; not an error of ours
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        else:
            _write(Path(args.json), text + "\n")
            say(f"wrote {args.json}")
    if args.out or not args.json:
        out = Path(args.out or "report.html")
        _write(out, build_class_report(results, content, lang, class_name=args.class_name))
        say(f"wrote {out}: {len(results.classes())} class(es), {len(results.nicknames())} children, "
            f"{len(results.runs)} runs, from {len(results.sources)} file(s)")
    if args.csv:
        csv_path = Path(args.csv)
        csv_path.parent.mkdir(parents=True, exist_ok=True)
        write_csv(csv_path, results, content, lang)
        say(f"wrote {csv_path}")
    return 0
