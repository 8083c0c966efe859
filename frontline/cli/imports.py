"""`frontline import FORMAT FILE... [--mapping M.toml] [--data-dir D] [--format table|json]`

A dry run: reads the files, matches their places against the gazetteer and prints the
claims, the places (matched, with the distance, or new), the problems and a summary; nothing
is written. `--save` then saves the claims not saved before, and their new places, through
the project's commit (frontline.importers.saved).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from frontline.importers.batch import FORMATS, make_matcher, preview
from frontline.importers.places import MATCH_RADIUS_KM
from frontline.importers.render import to_json, to_table
from frontline.importers.saved import SaveResult, save_import
from frontline.store import default_data_dir
from frontline.store.save import CommitError

# Saves an import: (format, files, matcher, data directory, options) -> what was saved.
Save = Callable[..., SaveResult]


class ProgressBar:
    """A bar on a terminal, redrawn when the percentage changes; silent elsewhere."""

    WIDTH = 30

    def __init__(self, stream: TextIO):
        self.stream, self.shown = stream, -1
        self.live = hasattr(stream, "isatty") and stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if not self.live or percent == self.shown:
            return
        self.shown = percent
        filled = self.WIDTH * percent // 100
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {percent:3d}%")
        if percent >= 100:
            self.stream.write("\n")
        self.stream.flush()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "import_format", choices=FORMATS, metavar="FORMAT", help=f"one of: {', '.join(FORMATS)}"
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="the exports to read (a ZIP of one file is read as that file)",
    )
    parser.add_argument("--mapping", type=Path, help="the mapping file (TOML) of the csv format")
    parser.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="the data directory (default: $FRONTLINE_DATA_DIR or data/)",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--limit", type=int, default=50, help="claims to show (default 50; 0 for all)"
    )
    parser.add_argument(
        "--radius-km",
        type=float,
        default=MATCH_RADIUS_KM,
        help=f"how near a gazetteer place must be to match (default {MATCH_RADIUS_KM:g} km)",
    )
    parser.add_argument(
        "--publisher", default="", help="the claimant of a TimeMap data set (default: Bellingcat)"
    )
    parser.add_argument(
        "--save", action="store_true", help="add the claims and new places to the data"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="frontline import", description=__doc__.split("\n\n")[1])
    add_arguments(parser)
    return parser


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `import` subcommand to the `frontline` command's subparsers."""
    parser = subparsers.add_parser(
        "import",
        help="claims from ACLED, GDELT, VIINA, TimeMap, "
        "GeoConfirmed or any CSV (a dry run unless --save)",
    )
    add_arguments(parser)
    parser.set_defaults(run=lambda args: run_args(args))
    return parser


def run_import(
    argv: list[str],
    *,
    save: Save = save_import,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Do the work of `frontline import`; returns the exit code: 0 fine, 1 problems were
    found (the good rows still count), 2 bad arguments or nothing to save with."""
    err = stderr or sys.stderr
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:
        return 0 if not exit_.code else 2  # --help, or arguments argparse refused
    return run_args(args, save=save, stdout=stdout, stderr=err)


def run_args(
    args: argparse.Namespace,
    *,
    save: Save = save_import,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr
    data_dir = getattr(args, "data_dir", None)
    root = Path(data_dir) if data_dir else default_data_dir()
    if not root.is_dir():
        err.write(f"frontline import: {root}: not a data directory\n")
        return 2
    if args.import_format == "csv" and args.mapping is None:
        err.write("frontline import: the csv format needs --mapping M.toml\n")
        return 2
    paths = [Path(f) for f in args.files]
    matcher = make_matcher(root, radius_km=args.radius_km)
    shown = preview(
        args.import_format,
        paths,
        matcher,
        mapping_file=args.mapping,
        publisher=args.publisher,
        progress=ProgressBar(err),
        limit=args.limit,
    )
    out.write(
        to_json(shown, saving=args.save) + "\n"
        if args.format == "json"
        else to_table(shown, saving=args.save)
    )
    if args.save:
        try:
            saved = save(
                args.import_format,
                paths,
                matcher,
                root,
                mapping_file=args.mapping,
                publisher=args.publisher,
            )
        except CommitError as error:
            err.write(f"frontline import: nothing saved: {error}\n")
            return 2
        err.write(f"frontline import: {saved.message}\n")
    return 1 if shown.report.problem_count else 0


def main(argv: list[str] | None = None) -> int:
    try:
        return run_import(sys.argv[1:] if argv is None else argv)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
