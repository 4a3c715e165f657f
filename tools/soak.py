#!/usr/bin/env python3
"""`python tools/soak.py [N] [--crash K]`: the soak (N random autoplays, default 10,000) and, with --crash,
K SIGKILLs of recorded sessions — the same as `python main.py bench --soak N [--crash K]`."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aman_game.cli import main  # noqa: E402

if __name__ == "__main__":
    argv = sys.argv[1:]
    runs = argv.pop(0) if argv and argv[0].isdigit() else "10000"
    sys.exit(main(["bench", "--soak", runs, *argv]))
