"""Backups: the database through pg_dump / pg_restore, the media through
Django's default storage (a local folder or an S3-style bucket alike).

``make backup`` / ``make restore`` call the ``backup`` and ``restore``
management commands; docs/OPERATIONS.md (Backups) is the operator's guide.
"""


def files_counted(count: int, size: int) -> str:
    """``1 file, 700 bytes`` / ``3 files, 2048 bytes``: for messages."""
    return f"{count} file{'' if count == 1 else 's'}, {size} bytes"


class BackupError(Exception):
    """A backup or restore refused or failed; the message says what to do."""
