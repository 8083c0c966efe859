"""The one reader of UTF-8 text files: tables, article texts, uploads and control maps."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from frontline import limits
from frontline.model import Problem

# Byte-order marks of the encodings a spreadsheet may save as instead of UTF-8; UTF-32 first,
# as its little-endian mark begins with UTF-16's.
_OTHER_ENCODINGS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
# A byte that is not UTF-8, as decoding with errors="surrogateescape" keeps it.
_UNDECODABLE = re.compile("[\udc80-\udcff]")


class LenientText(str):
    """A table's text in which bytes that are not UTF-8 were kept as lone surrogates, so that
    csv_rows reports them row by row and keeps the other rows."""


class TextFileError(Exception):
    """A file or upload that cannot be read as text; `problem` locates it."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def decode_text(raw: bytes, label: str, *, lenient: bool = False) -> str:
    """UTF-8 text from bytes (a byte-order mark dropped), or TextFileError naming `label`, the
    line and the byte. `lenient` keeps bytes that are not UTF-8 as lone surrogates (see
    LenientText), for tables that report them row by row."""
    for mark, encoding in _OTHER_ENCODINGS:
        if raw.startswith(mark):
            raise TextFileError(
                Problem(label, 1, "-", f"is {encoding} text, not UTF-8; save it as UTF-8")
            )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a byte-order mark from a spreadsheet export is harmless
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        if lenient:
            return LenientText(raw.decode("utf-8", errors="surrogateescape"))
        line = raw[: err.start].count(b"\n") + 1
        message = f"is not UTF-8 text (byte 0x{raw[err.start]:02x}); save it as UTF-8"
        raise TextFileError(Problem(label, line, "-", message)) from None


def read_bytes(path: Path, label: str) -> bytes:
    """The bytes of a file, or TextFileError naming `label` and the fault."""
    try:
        # O_NONBLOCK: a FIFO in the data folder must not hang the load; only regular files
        # are read, and none larger than a data file may be.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(handle, "rb") as stream:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode):
                if stat.S_ISDIR(info.st_mode):
                    raise IsADirectoryError
                raise TextFileError(Problem(label, 0, "-", "is not a regular file; not read"))
            if info.st_size > limits.DATA_FILE_BYTES:
                message = f"is larger than {limits.DATA_FILE_BYTES // 1024 // 1024} MB; not read"
                raise TextFileError(Problem(label, 0, "-", message))
            return stream.read(limits.DATA_FILE_BYTES + 1)
    except FileNotFoundError:
        raise TextFileError(Problem(label, 0, "-", "file is missing")) from None
    except IsADirectoryError:
        raise TextFileError(Problem(label, 0, "-", "is a directory")) from None
    except OSError as err:
        message = f"cannot be read: {err.strerror or err}"
        raise TextFileError(Problem(label, 0, "-", message)) from None


def read_text_file(path: Path, label: str | None = None, *, lenient: bool = False) -> str:
    """The UTF-8 text of a file, or TextFileError (label: the path by default)."""
    label = str(path) if label is None else label
    return decode_text(read_bytes(path, label), label, lenient=lenient)


def read_text(
    path: Path, problems: list[Problem], label: str, *, table: bool = False
) -> str | None:
    """read_text_file for loading: None and a Problem instead of an exception."""
    try:
        return read_text_file(path, label, lenient=table)
    except TextFileError as err:
        problems.append(err.problem)
        return None


def not_utf8(value: str) -> str | None:
    """What to say about a value holding bytes that are not UTF-8, if it does."""
    found = _UNDECODABLE.search(value)
    if found is None:
        return None
    return f"is not UTF-8 text (byte 0x{ord(found.group()) - 0xDC00:02x}); save the file as UTF-8"
