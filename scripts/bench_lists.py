#!/usr/bin/env python3
"""Filtering 100,000 people: now part of tests/bench/run.py (figure `filter`); this runs only that."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.bench.run import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["--quick", "--only", "filter", *sys.argv[1:]]))
