"""User-facing errors. The CLI prints `str(error)` on one line and exits 2; no traceback.

    TollbookError
    ├── InputError            the input cannot be read as a report
    │   ├── UnreadablePath    missing file, a directory, no permission
    │   ├── EmptyInput        nothing but whitespace
    │   ├── BinaryInput       not text (NUL bytes, undecodable)
    │   ├── TooLarge          over the size limit (settings.max_bytes)
    │   ├── NoArticle         HTML with no article text
    │   └── NotEnglish        a language the extractor does not read
    └── SetupError            the installation is incomplete (e.g. no spaCy model)
"""

from __future__ import annotations


class TollbookError(Exception):
    """Base class: anything the user can act on."""

    exit_code = 2


class InputError(TollbookError):
    pass


class UnreadablePath(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class TooLarge(InputError):
    pass


class NoArticle(InputError):
    pass


class NotEnglish(InputError):
    pass


class SetupError(TollbookError):
    pass
