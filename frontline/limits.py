"""How much the dashboard and the command line read at once: one place for the limits the
pages state, the uploads check and the loaders apply, so that no file or upload can take the
server's memory."""

from __future__ import annotations

from frontline.web.text import code_span

# An article's text, pasted or uploaded: a million characters is some 150,000 words, far more
# than any report, and about 1 MB of UTF-8.
ARTICLE_CHARS = 1_000_000
# UTF-8 takes up to four bytes a character: a larger file cannot be within ARTICLE_CHARS.
ARTICLE_FILE_BYTES = 4 * ARTICLE_CHARS
# One uploaded control-map file, in megabytes (also `server.maxUploadSize` in
# .streamlit/config.toml, which Streamlit counts in MiB); all of a session's files together.
CONTROL_FILE_MB = 25
CONTROL_FILE_BYTES = CONTROL_FILE_MB * 1024 * 1024
CONTROL_UPLOAD_TOTAL_BYTES = 2 * CONTROL_FILE_BYTES

# Any one data file (a table, the boundaries, an article's text) read from data/: the bundled
# files are under 1 MB and claims.csv of a million claims about 210 MB; far larger is a
# mistake such as a link to /dev/zero.
DATA_FILE_BYTES = 1024 * 1024 * 1024

ARTICLE_LIMIT_TEXT = f"up to {ARTICLE_CHARS:,} characters (about 1 MB of text)"
CONTROL_LIMIT_TEXT = (
    f"up to {CONTROL_FILE_MB} MB a file and {CONTROL_UPLOAD_TOTAL_BYTES // 1024 // 1024} MB in all"
)


def article_too_long(text: str, name: str) -> str | None:
    """Why an article's text is refused for its length, or None when it fits."""
    if len(text) <= ARTICLE_CHARS:
        return None
    return (
        f"{code_span(name)}: {len(text):,} characters, more than the {ARTICLE_CHARS:,} an "
        "article may have; nothing was cut: split it, or keep the part that reports claims"
    )


def decode_article_upload(name: str, raw: bytes) -> tuple[str | None, str]:
    """An uploaded article's text, or None and why it is refused (never a shortened text)."""
    if len(raw) > ARTICLE_FILE_BYTES:
        return None, (
            f"{code_span(name)}: {len(raw):,} bytes, more than an article of "
            f"{ARTICLE_CHARS:,} characters can take"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return None, (
            f"{code_span(name)}: not UTF-8 text (byte 0x{raw[err.start]:02x} at position "
            f"{err.start}); save it as UTF-8 and upload it again"
        )
    too_long = article_too_long(text, name)
    return (None, too_long) if too_long else (text, "")


def control_uploads_too_large(files: tuple[tuple[str, bytes], ...]) -> str | None:
    """Why a set of uploaded control-map files is refused, or None when it fits."""
    for name, raw in files:
        if len(raw) > CONTROL_FILE_BYTES:
            return f"{code_span(name)}: larger than {CONTROL_FILE_MB} MB"
    total = sum(len(raw) for _, raw in files)
    if total > CONTROL_UPLOAD_TOTAL_BYTES:
        return (
            f"the files come to {total / 1024 / 1024:.0f} MB, more than the "
            f"{CONTROL_UPLOAD_TOTAL_BYTES // 1024 // 1024} MB allowed in all"
        )
    return None


# An import's uploads on the Import page: each file within the server's upload limit
# (CONTROL_FILE_MB, `server.maxUploadSize`), a few files at once; larger exports go through
# `frontline import`, which streams any size.
IMPORT_FILE_MB = CONTROL_FILE_MB
IMPORT_FILE_BYTES = IMPORT_FILE_MB * 1024 * 1024
IMPORT_MAX_FILES = 4
IMPORT_MAPPING_BYTES = 64 * 1024
IMPORT_LIMIT_TEXT = (
    f"up to {IMPORT_MAX_FILES} files of {IMPORT_FILE_MB} MB each; "
    "larger exports: `frontline import`"
)


def import_uploads_too_large(files: tuple[tuple[str, int], ...]) -> str | None:
    """Why a set of uploads to import ((name, size in bytes)) is refused, or None."""
    if len(files) > IMPORT_MAX_FILES:
        return f"{len(files)} files: import up to {IMPORT_MAX_FILES} at once"
    for name, size in files:
        if size > IMPORT_FILE_BYTES:
            return (
                f"{code_span(name)}: larger than {IMPORT_FILE_MB} MB; import it with "
                "`frontline import`, which reads any size"
            )
    return None
