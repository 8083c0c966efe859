"""`python -m frontline.access`: make a password hash, check the editors file."""

import sys

from frontline.access import main

sys.exit(main())
