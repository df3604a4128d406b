"""Writing a fixed article back: in its own encoding, only if it is unchanged since read."""

from __future__ import annotations

from mtcheck.document import Document
from mtcheck.errors import InputError, LocatedError
from mtcheck.files import digest, replace_contents


def encoded(document: Document, text: str) -> bytes:
    """The bytes of the fixed text in the file's own encoding, BOM and byte order.

    InputError when the file would not come back byte for byte (its decoding
    does not round-trip) or a fix wrote a character its encoding lacks.
    """
    stamp = document.stamp
    try:
        if stamp is not None and digest(document.encode()) != stamp.digest:
            raise InputError(
                document.path,
                f"would not be written back byte for byte as {document.encoding}; not written",
            )
        if text.startswith("\ufeff") and not document.bom:
            # Written as it stands, the next read would take it for a byte-order mark.
            raise InputError(
                document.path, "a fix would start the file with U+FEFF (a BOM); not written"
            )
        return document.with_text(text).encode()
    except UnicodeEncodeError as exc:
        char = str(exc.object[exc.start])
        line = text.count("\n", 0, exc.start) + 1
        message = (
            f"a fix writes {char!r} (U+{ord(char):04X}), which {document.encoding} cannot "
            "encode; not written (use --encoding utf-8, or --ignore the rule)"
        )
        raise InputError(document.path, message, line=line) from None


def write_back(
    document: Document, text: str, tree: tuple[str, ...], data: bytes | None = None
) -> None:
    """Replace a file read earlier with its fixed text (see files.replace_contents)."""
    if document.stamp is None:
        raise InputError(document.path, "was not read from a file; not written")
    payload = data if data is not None else encoded(document, text)
    replace_contents(document.path, payload, document.stamp, tree)


def as_input_error(path: str, error: Exception) -> InputError:
    """Any failure about one file as an error naming it."""
    if isinstance(error, InputError):
        return error
    if isinstance(error, LocatedError) and error.path != path:
        return InputError(path, str(error))
    if isinstance(error, OSError):
        return InputError(error.filename or path, error.strerror or str(error))
    return InputError(path, str(error))
