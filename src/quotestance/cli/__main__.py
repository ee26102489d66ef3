"""`python -m quotestance.cli`: the same as the `quotestance` command."""

import sys

from . import main

sys.exit(main())
