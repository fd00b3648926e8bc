"""Pausing Python's cyclic garbage collector around bulk work that makes no reference cycles.

Owns ``paused_gc``. Segmenting a batch or loading a corpus builds hundreds of thousands of small
live objects; each of the collector's passes would walk them (and the segmenter's tables) again,
yet finds nothing to free, since reference counting frees everything as it goes.
"""
from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for bulk work. A cold load spent about 17% of
    its time in full collections (``make bench``, before the pause). Reference counting still
    frees memory as usual, and the collector resumes afterwards whatever happens; nested pauses
    resume it only at the outermost exit.

    Yields
    ------
    None
        The collector is off inside the ``with`` block.

    Examples
    --------
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
