"""`python -m frontline.evaluate`: the reader's figures on the hand-labelled reports (see
frontline.news.evaluate)."""

import sys

from frontline.news.evaluate import main

if __name__ == "__main__":
    sys.exit(main())
