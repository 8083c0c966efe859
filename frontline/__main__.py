"""`python -m frontline`, the same as the `frontline` command."""

import sys

from frontline.cli import main

sys.exit(main())
