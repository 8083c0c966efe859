"""Write synthetic data directories (1k, 10k and 100k claims by default).

    .venv/bin/python benchmarks/make_synthetic.py TARGET_DIR [--claims 1000 10000] [--seed 0]

Each size goes to TARGET_DIR/claims-<n>; point FRONTLINE_DATA_DIR at one to open it in the
dashboard. The same arguments give the same files (see frontline/synthetic.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from frontline.synthetic import generate  # noqa: E402

SIZES = (1_000, 10_000, 100_000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--claims", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    for count in args.claims:
        summary = generate(args.target / f"claims-{count}", count, seed=args.seed)
        print(
            f"{summary.directory}: {summary.claims} claims, {summary.places} places, "
            f"{summary.articles} articles, {summary.first} .. {summary.last}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
