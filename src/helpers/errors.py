"""The package's error and warning types, in a module of their own so every other module can
raise them without importing the corpus loader."""

__all__ = ["CorpusError", "CorpusWarning"]


class CorpusError(Exception):
    """A corpus file or catalog that cannot be read; the message names the file and the problem."""


class CorpusWarning(UserWarning):
    """Something in the corpus was skipped or looks wrong; the message names the file."""
