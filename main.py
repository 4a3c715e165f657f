#!/usr/bin/env python3
"""Aman (أمان) entry point. All logic lives in aman_game.cli."""
import sys

from aman_game.cli import main

if __name__ == "__main__":
    sys.exit(main())
