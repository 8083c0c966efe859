"""`frontline history` and `frontline undo`: the changes made to the data, and undoing one.

frontline history [--data-dir D]                       one change a line, its id first
frontline undo ID [--data-dir D] [--who W] [--why T]   restore the data as it was before
                                                       change ID, recorded as a change
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from frontline.store import default_data_dir, history


def _root(args: argparse.Namespace) -> Path | None:
    """The data directory, or None after saying it is not one."""
    root = Path(args.data_dir) if args.data_dir else default_data_dir()
    if root.is_dir():
        return root
    print(f"frontline: {root}: not a data directory", file=sys.stderr)
    return None


def run_history(args: argparse.Namespace) -> int:
    root = _root(args)
    return 1 if root is None else history.run_list(root)


def run_undo(args: argparse.Namespace) -> int:
    root = _root(args)
    if root is None:
        return 1
    return history.run_undo(root, args.change_id, args.who or history.login_name(), args.why)


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the data directory (default: $FRONTLINE_DATA_DIR or data/ beside the package)",
    )


def register(subparsers: Any) -> None:
    """Add the `history` and `undo` subcommands to an argparse subparsers object."""
    listing = subparsers.add_parser(
        "history", help="the changes made to the data, oldest first, one a line, its id first"
    )
    _data_dir_option(listing)
    listing.set_defaults(run=run_history)
    undoing = subparsers.add_parser(
        "undo", help="set the files a change touched back as they were, as a new change"
    )
    undoing.add_argument("change_id", metavar="ID", help="the change's id, as history lists it")
    undoing.add_argument("--who", default=None, help="your name (default: the login name)")
    undoing.add_argument("--why", default="", help="why it is undone, for the history")
    _data_dir_option(undoing)
    undoing.set_defaults(run=run_undo)
