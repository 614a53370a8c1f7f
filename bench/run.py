"""Run every bench/bench_*.py in turn, each in its own interpreter, and print what they print."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).resolve().parent
    failed = 0
    for script in sorted(here.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        # Each benchmark starts fresh, so one's imports and caches never flatter another's figures.
        failed |= subprocess.run([sys.executable, str(script), *sys.argv[1:]], cwd=here.parent).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
