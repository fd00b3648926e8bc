"""The package's error and warning types, in a module of their own so every other module can
raise them without importing the corpus loader."""

__all__ = ["CacheWarning", "CorpusError", "CorpusWarning", "NoVisibleText"]


class CorpusError(Exception):
    """A corpus file or catalog that cannot be read; the message names the file and the problem."""


class NoVisibleText(CorpusError):
    """A page with nothing to read (markup, comments or scripts only): skipped as empty, with a
    warning, not an error."""


class CorpusWarning(UserWarning):
    """Something in the corpus was skipped or looks wrong; the message names the file."""


class CacheWarning(UserWarning):
    """The on-disk cache cannot be written (a file in its place, no permission, a full disk):
    results are computed as usual and not kept; the message names the folder and the reason."""
