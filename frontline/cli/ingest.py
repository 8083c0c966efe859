"""`frontline ingest`: an article's candidate claims, and adding reviewed ones to the data.

    frontline ingest ARTICLE.txt [MORE.txt | DIR ...] --date YYYY-MM-DD [--title T]
                     [--outlet O] [--url U] [--format json|table] [--save] [--mentions]
                     [--workers N | --scheduler ADDRESS]

With --mentions it lists the place mentions found (with their roles: place, dateline,
locator, office, metonymy) instead of the claims. Without --save nothing is written. With
--save each article, its new places and its claims go through the store's one write path
(store.commit): validated together, then written atomically under the data's write lock.
With --workers N the articles are read on a local Dask cluster of N processes (--scheduler:
an existing cluster); the output and the saves are the same as in one process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from frontline import store
from frontline.news.extract import extract_claims
from frontline.news.geoparse import cached_matcher, find_mentions
from frontline.news.ingest import (
    IngestError,
    expand_inputs,
    make_article,
    mention_dict,
    read_article_text,
    save_article,
)
from frontline.news.parallel import ClusterError, ordered_map

TABLE_COLUMNS = (
    ("place", 16),
    ("oblast", 6),
    ("status", 10),
    ("event", 10),
    ("certainty", 11),
    ("date", 10),
    ("claimant", 28),
    ("mention", 14),
)
MENTION_COLUMNS = (
    ("mention", 18),
    ("place", 16),
    ("oblast", 6),
    ("kind", 7),
    ("lat", 9),
    ("lon", 9),
    ("role", 9),
    ("match", 9),
)


def render_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, int]] = TABLE_COLUMNS
) -> str:
    def cell(value: Any, width: int) -> str:
        text = "" if value is None else " ".join(str(value).split())
        return text if len(text) <= width else text[: width - 1] + "…"

    header = "  ".join(name.ljust(width) for name, width in columns).rstrip()
    lines = [header, "  ".join("-" * width for _, width in columns)]
    for row in rows:
        lines.append(
            "  ".join(cell(row.get(name), width).ljust(width) for name, width in columns).rstrip()
        )
    return "\n".join(lines) + "\n"


class Progress:
    """A progress bar on stderr when there are several files; nothing for one."""

    WIDTH = 24

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream = total, stream
        self.live = total > 1
        self.redraw = self.live and stream.isatty()

    def step(self, done: int, label: str) -> None:
        if not self.live:
            return
        filled = self.WIDTH * done // self.total
        bar = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{self.total} {label}"
        if self.redraw:
            self.stream.write("\r\x1b[K" + bar)
        else:
            self.stream.write(bar + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.redraw:
            self.stream.write("\n")


# --- the command ------------------------------------------------------------------------------


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `ingest` subcommand to an argparse subparsers object."""
    parser = subparsers.add_parser(
        "ingest",
        help="candidate claims of news articles; --save adds them to the data",
        description=__doc__.split("\n\n")[1] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="ARTICLE",
        help="article text files (UTF-8), or directories of *.txt files",
    )
    parser.add_argument(
        "--date",
        required=True,
        metavar="YYYY-MM-DD",
        help="the dateline: the day the article was published",
    )
    parser.add_argument("--title", default="", help="default: the first line of the text")
    parser.add_argument("--outlet", default="", help="who published it (default: unknown)")
    parser.add_argument("--url", default="")
    parser.add_argument("--format", choices=("json", "table"), default="json")
    parser.add_argument(
        "--mentions",
        action="store_true",
        help="list the place mentions found instead of the claims",
    )
    parser.add_argument(
        "--save",
        action="store_true",
        help="validate and add the articles and their claims to the data",
    )
    # SUPPRESS keeps a --data-dir given before the subcommand, if the main parser has one.
    parser.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="the data directory (default: $FRONTLINE_DATA_DIR or data/)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="read the articles on a local Dask cluster of N worker processes",
    )
    parser.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="read them on an existing Dask cluster (tcp://host:8786); the data directory "
        "must be readable by its workers at the same path",
    )
    parser.set_defaults(run=run_ingest)
    return parser


def _published(raw: str, today: dt.date) -> dt.date:
    try:
        published = store.parse_date(raw)
    except ValueError as err:
        raise IngestError(f"--date {err}") from None
    if published > today:
        raise IngestError(f"--date {published} is in the future")
    if published < store.EARLIEST_DATE:
        raise IngestError(f"--date {published} is before {store.EARLIEST_DATE}")
    return published


def read_one(
    path: Path,
    *,
    root: str,
    published: dt.date,
    title: str,
    outlet: str,
    url: str,
    mentions_only: bool,
) -> tuple[Any, list, list[dict[str, Any]]]:
    """One article read: (article, candidate claims, the rows to show), or (the IngestError,
    [], []). Pure, so that a cluster's worker can run it (frontline.news.parallel)."""
    try:
        text = read_article_text(path)
        article = make_article(text, published, title=title, outlet=outlet, url=url)
        mentions = find_mentions(article.text, cached_matcher(root))
        candidates = extract_claims(
            article.text, mentions, published, outlet=article.outlet, language=article.language
        )
    except IngestError as problem:
        return problem, [], []
    shown = (
        [mention_dict(m) for m in mentions] if mentions_only else [c.as_dict() for c in candidates]
    )
    return article, candidates, shown


def run_ingest(
    args: argparse.Namespace, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Do the work of `frontline ingest`; returns the exit code (0 fine, 1 a file failed,
    2 bad arguments)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    data_dir = getattr(args, "data_dir", None)
    root = Path(data_dir) if data_dir else store.default_data_dir()
    try:
        published = _published(args.date, dt.date.today())
        if not root.is_dir():
            raise IngestError(f"{root}: not a data directory")
    except IngestError as problem:
        err.write(f"frontline ingest: {problem}\n")
        return 2
    files = expand_inputs(args.paths)
    if not files:
        err.write(f"frontline ingest: no *.txt files in {', '.join(args.paths)}\n")
        return 2
    matcher = cached_matcher(root)
    for problem in matcher.gazetteer.problems:  # places it cannot find: say so, then go on
        err.write(f"warning: {problem.located(root)} (left out of the gazetteer)\n")
    progress = Progress(len(files), err)
    rows: list[dict[str, Any]] = []
    failed = 0
    messages: list[str] = []
    read = functools.partial(
        read_one,
        root=str(root),
        published=published,
        title=args.title,
        outlet=args.outlet,
        url=args.url,
        mentions_only=args.mentions,
    )
    try:
        outcomes = ordered_map(
            read,
            files,
            workers=getattr(args, "workers", None),
            scheduler=getattr(args, "scheduler", None),
        )
        for done, (path, outcome) in enumerate(zip(files, outcomes, strict=True), 1):
            article, candidates, shown = outcome
            try:
                if isinstance(article, IngestError):
                    raise article
                rows.extend(
                    {**row, "file": str(path), "article_id": article.article_id} for row in shown
                )
                if args.save:
                    messages.append(f"{path}: {save_article(article, candidates, root).message}")
            except IngestError as problem:
                failed += 1
                messages.append(f"frontline ingest: {problem}")
            progress.step(done, path.name)
    except ClusterError as problem:
        err.write(f"frontline ingest: {problem}\n")
        return 2
    progress.close()
    if args.format == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(render_table(rows, MENTION_COLUMNS if args.mentions else TABLE_COLUMNS))
    for message in messages:
        err.write(message + "\n")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="frontline")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["ingest", *(sys.argv[1:] if argv is None else argv)])
    try:
        return args.run(args)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
