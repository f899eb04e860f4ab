#!/usr/bin/env python3
"""Import speed, package sizes and peak memory: now part of tests/bench/run.py (figures `import`,
`package`, `photo_package`); this runs only those."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.bench.run import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["--quick", "--only", "import,package", *sys.argv[1:]]))
