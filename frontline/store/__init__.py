"""Reading, validating and writing the data directory.

Layout of a data directory:
    articles.csv         one row per article; its text is in articles/<article_id>.txt
    places.csv           the gazetteer
    claims.csv           one row per claim, quoting its article verbatim at given offsets
    oblasts.csv          ISO 3166-2 codes and English names of the oblasts
    oblasts.geojson      oblast boundaries (optional; the map draws them)

Loading never raises on bad content: every problem becomes a Problem naming the file, line and
field, the faulty row is left out, and everything valid is kept.

Writing: each file is replaced atomically (atomic_write_text), so a reader or a crash sees the
old or the new file, never half of one; an interrupted write leaves at most a hidden
`.<name>.<random>.tmp` file, which loading ignores and remove_temporary_files deletes. Writers
hold write_lock (an advisory flock on `.frontline.lock` in the data directory) from loading
to writing, so that two saves at once both land; readers take no lock.
"""

from frontline.store.fields import normalise_line_breaks, parse_date
from frontline.store.load import load_dataset, load_geonames
from frontline.store.save import Batch, CommitError, CommitReport, commit
from frontline.store.schema import (
    ARTICLE_COLUMNS,
    ARTICLES_DIR,
    ARTICLES_FILE,
    CLAIM_COLUMNS,
    CLAIMS_FILE,
    DATA_DIR_ENV,
    EARLIEST_DATE,
    GEONAMES_COLUMNS,
    GEONAMES_FILE,
    ID_PATTERN,
    ISO_DATE_PATTERN,
    ISO_PATTERN,
    LIST_SEPARATOR,
    LOCK_FILE,
    MAX_FIELD_LENGTH,
    OBLAST_COLUMNS,
    OBLAST_SHAPES_FILE,
    OBLASTS_FILE,
    OPTIONAL_COLUMNS,
    PLACE_COLUMNS,
    PLACES_FILE,
    WEB_ADDRESS_PATTERN,
    DataError,
    default_data_dir,
)
from frontline.store.tables import implied_end
from frontline.store.textfile import TextFileError, decode_text, read_text_file
from frontline.store.write import (
    LOCK_WAIT_SECONDS,
    LockTimeout,
    article_row,
    atomic_write_text,
    claim_row,
    csv_text,
    place_row,
    remove_temporary_files,
    write_lock,
    write_tables,
)

__all__ = [
    "Batch",
    "CommitError",
    "CommitReport",
    "TextFileError",
    "commit",
    "decode_text",
    "read_text_file",
    "ARTICLES_DIR",
    "ARTICLES_FILE",
    "ARTICLE_COLUMNS",
    "CLAIMS_FILE",
    "CLAIM_COLUMNS",
    "DATA_DIR_ENV",
    "DataError",
    "EARLIEST_DATE",
    "GEONAMES_COLUMNS",
    "GEONAMES_FILE",
    "ID_PATTERN",
    "ISO_DATE_PATTERN",
    "ISO_PATTERN",
    "LIST_SEPARATOR",
    "LOCK_FILE",
    "LOCK_WAIT_SECONDS",
    "LockTimeout",
    "MAX_FIELD_LENGTH",
    "OBLASTS_FILE",
    "OBLAST_COLUMNS",
    "OBLAST_SHAPES_FILE",
    "OPTIONAL_COLUMNS",
    "PLACES_FILE",
    "PLACE_COLUMNS",
    "WEB_ADDRESS_PATTERN",
    "article_row",
    "atomic_write_text",
    "claim_row",
    "csv_text",
    "default_data_dir",
    "implied_end",
    "load_dataset",
    "load_geonames",
    "normalise_line_breaks",
    "parse_date",
    "place_row",
    "remove_temporary_files",
    "write_lock",
    "write_tables",
]
