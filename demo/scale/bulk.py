"""Bulk inserts in batches, with the timestamps the caller gives.

``auto_now_add`` and ``auto_now`` fields overwrite whatever a bulk insert
carries with the current time; a school spread over a year needs its own
dates, so ``timestamps_as_given`` switches them off for the duration.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from django.db import models

BATCH_SIZE = 2000


def rows_insert(model: type[models.Model], rows: Iterable[models.Model]) -> int:
    """Insert ``rows`` in batches of ``BATCH_SIZE``; the number inserted.

    Rows get their primary keys back on PostgreSQL and on SQLite 3.35+.
    """
    count = 0
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH_SIZE)):
        model.objects.bulk_create(batch, batch_size=BATCH_SIZE)
        count += len(batch)
    return count


@contextmanager
def timestamps_as_given(*model_classes: type[models.Model]) -> Iterator[None]:
    """Keep the ``created_at``/``updated_at`` values set on the instances."""
    switched = []
    for model in model_classes:
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or getattr(
                field, "auto_now_add", False
            ):
                switched.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in switched:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add
