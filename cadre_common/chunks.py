"""
Looking many values up without one query parameter per value: a file of 50,000 rows must not make
a query of 50,000 parameters (SQLite refuses over 32,766 — "too many SQL variables" — and MySQL's
packets and plans suffer long before).
"""
from collections.abc import Iterable, Iterator

CHUNK = 500


def chunked(values: Iterable, size: int = CHUNK) -> Iterator[list]:
    """``values`` in lists of at most ``size``, in order."""
    chunk = []
    for value in values:
        chunk.append(value)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
