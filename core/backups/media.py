"""The media half of a backup, through Django's default storage.

Only ``listdir``, ``open``, ``exists``, ``delete`` and ``save`` are used, so
the same code copies a local ``MEDIA_ROOT`` or an S3-style bucket
(django-storages): whichever the settings configure.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files import File
from django.core.files.storage import Storage

from core.backups import BackupError

_CHUNK = 1024 * 1024


@dataclass
class MediaCopy:
    """What was copied; copying out also keeps each file's SHA-256 by name."""

    files: int = 0
    bytes: int = 0
    checksums: dict[str, str] = field(default_factory=dict)


def media_names(storage: Storage, path: str = "") -> Iterator[str]:
    """Every file in the storage, depth first, in name order."""
    try:
        directories, files = storage.listdir(path)
    except FileNotFoundError:  # a MEDIA_ROOT nothing was uploaded to yet
        return
    for name in sorted(files):
        yield posixpath.join(path, name) if path else name
    for directory in sorted(directories):
        yield from media_names(
            storage, posixpath.join(path, directory) if path else directory
        )


def media_copy_out(*, storage: Storage, folder: Path) -> MediaCopy:
    """Copy every file of the storage under ``folder``, keeping its name."""
    copy = MediaCopy()
    folder.mkdir(parents=True, exist_ok=True)
    for name in media_names(storage):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with storage.open(name, "rb") as source, target.open("wb") as out:
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
                copy.bytes += len(chunk)
        copy.checksums[name] = digest.hexdigest()
        copy.files += 1
    return copy


def folder_files(folder: Path) -> list[str]:
    """The files under a local folder, as storage names (``a/b.pdf``)."""
    if not folder.is_dir():
        return []
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file()
    )


def media_copy_in(*, storage: Storage, folder: Path) -> MediaCopy:
    """Put every file under ``folder`` into the storage under the same name,
    replacing a file already there. Files in the storage that the folder does
    not have are left alone."""
    copy = MediaCopy()
    for name in folder_files(folder):
        if storage.exists(name):
            storage.delete(name)
        path = folder / name
        with path.open("rb") as source:
            saved = storage.save(name, File(source, name=posixpath.basename(name)))
        copy.bytes += path.stat().st_size
        if saved != name:
            raise BackupError(
                f"The storage saved {name} as {saved}: restore media into an "
                "empty folder or bucket, or remove the file in the way."
            )
        copy.files += 1
    return copy


def file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
