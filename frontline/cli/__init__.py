"""The `frontline` command: validate the data, export the state of places as of a date,
ingest new articles, list the changes made to the data and undo one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from frontline import export, vocab
from frontline.assessindex import beside_claims
from frontline.cli import changes as changes_command
from frontline.cli import imports as import_command
from frontline.cli import ingest as ingest_command
from frontline.importers.saved import load_saved
from frontline.record.files import RECORD_DIR
from frontline.record.load import load_record
from frontline.store import DataError, default_data_dir, load_dataset, load_geonames, parse_date
from frontline.store.boundaries import load_oblast_shapes
from frontline.timeline import Filters, TimelineIndex, claims_table


def _date_argument(raw: str):
    try:
        return parse_date(raw)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _codes_argument(raw: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in raw.split(",") if code.strip())


def _choices_argument(allowed: tuple[str, ...]):
    def parse(raw: str) -> tuple[str, ...]:
        values = tuple(v.strip().lower() for v in raw.split(",") if v.strip())
        unknown = [v for v in values if v not in allowed]
        if unknown:
            raise argparse.ArgumentTypeError(
                f"{', '.join(unknown)} not among: {', '.join(allowed)}"
            )
        return values

    return parse


def run_validate(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    try:
        dataset = load_dataset(data_dir)
    except DataError as err:
        print(f"frontline: {err}", file=sys.stderr)
        return 1
    _, shape_problems = load_oblast_shapes(data_dir)
    _, geonames_problems = load_geonames(data_dir, dataset.oblasts)
    record = load_record(data_dir) if (Path(data_dir) / RECORD_DIR).is_dir() else None
    record_problems = record.problems if record else []
    saved = load_saved(Path(data_dir), dataset.places)
    problems = (
        dataset.problems + shape_problems + geonames_problems + record_problems + saved.problems
    )
    for problem in problems:
        print(problem.located(data_dir))
    if problems:
        print(f"{len(problems)} problem(s) in {data_dir}", file=sys.stderr)
        return 1
    print(
        f"{data_dir}: valid — {len(dataset.articles)} article(s), "
        f"{len(dataset.places)} place(s), {len(dataset.claims)} claim(s)"
        + (
            f"; the record: {len(record.places)} place(s), {len(record.entries)} entries"
            if record
            else ""
        )
        + (f"; {len(saved.frame)} imported claim(s)" if len(saved.frame) else ""),
        file=sys.stderr,
    )
    return 0


def run_export(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    try:
        dataset = load_dataset(data_dir)
    except DataError as err:
        print(f"frontline: {err}", file=sys.stderr)
        return 1
    for problem in dataset.problems:
        print(f"warning: {problem.located(data_dir)} (row left out)", file=sys.stderr)
    unknown = [code for code in args.region if code not in dataset.oblasts]
    if unknown:
        print(
            f"frontline: unknown region {', '.join(unknown)}; known codes: "
            f"{', '.join(sorted(dataset.oblasts))}",
            file=sys.stderr,
        )
        return 2
    filters = Filters(
        as_of=args.as_of,
        mode=args.mode,
        oblasts=args.region,
        statuses=args.status,
        certainties=args.certainty,
    )
    state = TimelineIndex(claims_table(dataset)).state(filters)
    state = beside_claims(state, state)  # the assessment's columns, as the Data page has them
    if args.format == "csv":
        sys.stdout.write(export.to_csv(state))
    else:
        shapes, _ = load_oblast_shapes(data_dir)
        sys.stdout.write(export.geojson_text(state, shapes) + "\n")
    return 0


def add_data_dir_option(parser: argparse.ArgumentParser) -> None:
    """--data-dir, which every subcommand takes (else $FRONTLINE_DATA_DIR, else data/)."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the data directory (default: $FRONTLINE_DATA_DIR or data/ beside the package)",
    )


def data_dir_of(args: argparse.Namespace) -> Path:
    """The data directory a command was given, or the default one."""
    given = getattr(args, "data_dir", None) or getattr(args, "data_dir_argument", None)
    return Path(given) if given else default_data_dir()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontline",
        description="Claims of territorial change from news reports. The data directory is "
        "$FRONTLINE_DATA_DIR, or data/ beside the package.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check the data files; one line per problem: FILE:LINE: FIELD: ..."
    )
    validate.add_argument(
        "data_dir_argument",
        nargs="?",
        metavar="DATA_DIR",
        help="the data directory (default: $FRONTLINE_DATA_DIR or data/); as --data-dir",
    )
    add_data_dir_option(validate)
    validate.set_defaults(run=run_validate)

    exporter = commands.add_parser(
        "export", help="the state of each place as of a date, as GeoJSON or CSV on stdout"
    )
    exporter.add_argument("--as-of", required=True, type=_date_argument, metavar="YYYY-MM-DD")
    exporter.add_argument(
        "--region",
        type=_codes_argument,
        default=(),
        metavar="UA-63[,UA-14]",
        help="only places in these oblasts (ISO 3166-2 codes)",
    )
    exporter.add_argument(
        "--status",
        type=_choices_argument(vocab.STATUSES),
        default=(),
        help="only places with these statuses, comma-separated",
    )
    exporter.add_argument(
        "--certainty",
        type=_choices_argument(vocab.CERTAINTIES),
        default=(),
        help="only places with these certainties",
    )
    exporter.add_argument(
        "--mode",
        choices=vocab.MODES,
        default=vocab.MODE_HAPPENED,
        help="'happened': claims about dates up to the date (default); "
        "'known': only claims from articles published by then",
    )
    exporter.add_argument("--format", choices=("geojson", "csv"), default="geojson")
    add_data_dir_option(exporter)
    exporter.set_defaults(run=run_export)

    ingest_command.register(commands)
    import_command.register(commands)
    changes_command.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # `frontline export ... | head` is not an error
        return 0


if __name__ == "__main__":
    sys.exit(main())
