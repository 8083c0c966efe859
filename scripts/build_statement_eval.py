"""Rebuild tests/eval/statements.json, the reader's evaluation set made of the record's
"More information" statements (see frontline/news/statementset.py for the labels and the
split):

    .venv/bin/python scripts/build_statement_eval.py [--source FILE] [--out FILE] [--check]

With --check the file is not written; the script says whether it would change (exit 1).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's package

from frontline.news.statementset import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
