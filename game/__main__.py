"""`python -m game` runs the `crisis` command."""

import sys

from game.cli import main

sys.exit(main())
