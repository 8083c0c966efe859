"""Saves for the tests of writing: made-up articles whose claims need no gazetteer, and a
command line that saves them in a child process, for tests that run saves side by side or
kill the writer.

    python -m tests.savework save DATA_DIR FIRST COUNT [--slow SECONDS] [--go FILE]
    python -m tests.savework crash DATA_DIR INDEX K

`save` saves articles FIRST..FIRST+COUNT-1 one after another, printing "saving" first and
"saved N" after each; --go waits for FILE to exist first, --slow makes each save's
validation take that much longer (so that saves overlap). `crash` saves article INDEX and
kills itself (SIGKILL) just before its K-th file replacement in DATA_DIR (before-images, the
pending change, the data files), or with K one past them just before it removes the pending
change: a crash between two files, with the K-th file's temporary copy written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import sys
import time
from pathlib import Path

from frontline.model import Article
from frontline.news import ingest
from frontline.news.dates import DateSpan
from frontline.news.extract import Candidate
from frontline.news.gazetteer import Entry
from frontline.store import history
from frontline.store import save as commit_module
from frontline.store.historylog import PENDING_FILE

PUBLISHED = dt.date(2022, 9, 11)
CLAIMS_PER_ARTICLE = 3


def made_up_article(index: int) -> tuple[Article, list[Candidate]]:
    """Article `index` with one claim about each of its new villages."""
    names = [f"Testville {index}-{n}" for n in range(CLAIMS_PER_ARTICLE)]
    sentences = [f"Ukrainian forces said they had entered {name}." for name in names]
    text = "KHARKIV, Ukraine: " + " ".join(sentences) + "\n"
    article = ingest.make_article(text, PUBLISHED, title=f"Report {index}", outlet="Test Wire")
    candidates = []
    for n, (name, sentence) in enumerate(zip(names, sentences, strict=True)):
        start = text.index(sentence)
        geonames_id = 9_000_000 + index * 100 + n
        entry = Entry(
            key=f"gn:{geonames_id}",
            name=name,
            kind="village",
            oblast="UA-63",
            lat=49.0 + n / 100,
            lon=36.0 + index / 1000,
            geonames_id=geonames_id,
        )
        candidates.append(
            Candidate(
                entry=entry,
                mention=name,
                status="ukrainian",
                event="entered",
                certainty="claimed",
                claimant="Ukrainian forces",
                date=DateSpan(PUBLISHED, PUBLISHED, "day"),
                quote=sentence,
                start=start,
                end=start + len(sentence),
                score=1.0,
                mention_start=sentence.index(name),
            )
        )
    return article, candidates


def slow_validation(seconds: float) -> None:
    """Make every save wait `seconds` between loading the data and writing it."""
    staged = commit_module.staged_problems

    def waiting(*args, **kwargs):
        time.sleep(seconds)
        return staged(*args, **kwargs)

    commit_module.staged_problems = waiting


def crash_at_replacement(root: Path, k: int) -> None:
    """SIGKILL this process just before its k-th (from 0) file replacement inside root, the
    removal of the pending change counting as the last."""
    replace, remove = os.replace, history.durable.remove
    count = 0

    def step() -> None:
        nonlocal count
        if count == k:
            os.kill(os.getpid(), signal.SIGKILL)
        count += 1

    def replacing(source, target):
        if Path(target).resolve().is_relative_to(root.resolve()):
            step()
        replace(source, target)

    def removing(path: Path) -> None:
        if path.name == PENDING_FILE:
            step()
        remove(path)

    os.replace = replacing  # the one os module: every replacement in the save path
    history.durable.remove = removing


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.savework")
    commands = parser.add_subparsers(dest="command", required=True)
    save = commands.add_parser("save")
    save.add_argument("data_dir", type=Path)
    save.add_argument("first", type=int)
    save.add_argument("count", type=int)
    save.add_argument("--slow", type=float, default=0.0)
    save.add_argument("--go", type=Path)
    crash = commands.add_parser("crash")
    crash.add_argument("data_dir", type=Path)
    crash.add_argument("index", type=int)
    crash.add_argument("k", type=int)
    args = parser.parse_args(argv)

    if args.command == "crash":
        crash_at_replacement(args.data_dir, args.k)
        ingest.save_article(*made_up_article(args.index), args.data_dir)
        return 0
    if args.slow:
        slow_validation(args.slow)
    print("ready", flush=True)
    while args.go and not args.go.exists():
        time.sleep(0.01)
    print("saving", flush=True)
    for index in range(args.first, args.first + args.count):
        report = ingest.save_article(*made_up_article(index), args.data_dir)
        print(f"saved {index} {report.added}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
