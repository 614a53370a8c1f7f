"""`crisis simulate` starts fast on a scenario it has seen: the second run skips YAML and validation."""

import os
import subprocess
import sys
from pathlib import Path

HARBOUR = Path(__file__).parent.parent / "data" / "format1" / "harbour"
CODE = f"""
import sys
from game.cli import main
code = main(['simulate', {str(HARBOUR)!r}, '--runs', '5', '--jobs', '1', '--json'])
print('loader imported' if 'pydantic' in sys.modules else 'loader skipped', file=sys.stderr)
sys.exit(code)
"""


def test_the_second_run_uses_the_checked_copy_and_gives_the_same_report(tmp_path):
    env = dict(os.environ, CRISIS_HOME=str(tmp_path))
    runs = [subprocess.run([sys.executable, "-c", CODE], env=env, capture_output=True, text=True) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0]
    assert runs[0].stderr.strip() == "loader imported" and runs[1].stderr.strip() == "loader skipped"
    strip = lambda out: [ln for ln in out.splitlines() if "elapsed_s" not in ln and "_per_s" not in ln]  # noqa: E731
    assert strip(runs[0].stdout) == strip(runs[1].stdout)
