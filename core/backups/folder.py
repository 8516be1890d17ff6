"""One backup is one folder::

    backups/20261204T210000Z/
        database.dump    pg_dump --format=custom
        media/           every media file, under its storage name
        manifest.json    when, from which database, every table's row count,
                         the media's file count and size
        SHA256SUMS       a checksum of every file above but the manifest
                         (``sha256sum -c SHA256SUMS`` checks them)

``backup_create`` writes it; ``backup_restore`` checks the checksums,
restores the database, compares its row counts with the manifest's and puts
the media back.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.core.files.storage import Storage

from core.backups import BackupError
from core.backups.database import (
    client_version,
    database_dump,
    database_require_postgresql,
    database_restore,
)
from core.backups.media import (
    MediaCopy,
    file_sha256,
    folder_files,
    media_copy_in,
    media_copy_out,
)

DUMP = "database.dump"
MEDIA = "media"
MANIFEST = "manifest.json"
CHECKSUMS = "SHA256SUMS"


def backup_folder_default(root: Path = Path("backups")) -> Path:
    return root / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def storage_name(storage: Storage) -> str:
    """The storage's class (``__class__`` sees through ``default_storage``)."""
    return f"{storage.__class__.__module__}.{storage.__class__.__qualname__}"


def backup_create(
    *, settings_dict: dict, storage: Storage | None, folder: Path
) -> dict:
    """Write a backup of the database and, unless ``storage`` is None, the
    media into ``folder`` (new or empty; created readable by its owner only:
    it holds personal data). Returns the manifest."""
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: back up into a new folder.")
    database_require_postgresql(settings_dict)
    client_version("pg_dump")
    created = not folder.exists()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    try:
        return _backup_write(
            settings_dict=settings_dict, storage=storage, folder=folder
        )
    except BaseException:
        # Half a backup must not pass for one.
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise


def _backup_write(
    *, settings_dict: dict, storage: Storage | None, folder: Path
) -> dict:
    started = datetime.now(UTC)
    database = database_dump(settings_dict=settings_dict, path=folder / DUMP)
    media = MediaCopy()
    if storage is not None:
        media = media_copy_out(storage=storage, folder=folder / MEDIA)
    checksums = {DUMP: file_sha256(folder / DUMP)}
    checksums.update({f"{MEDIA}/{name}": sha for name, sha in media.checksums.items()})
    (folder / CHECKSUMS).write_text(
        "".join(f"{sha}  {name}\n" for name, sha in checksums.items())
    )
    manifest = {
        "created_at": started.isoformat(timespec="seconds").replace("+00:00", "Z"),
        **database,
        "media": {
            "storage": storage_name(storage) if storage is not None else "skipped",
            "files": media.files,
            "bytes": media.bytes,
        },
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    for path in folder.rglob("*"):
        os.chmod(path, 0o700 if path.is_dir() else 0o600)
    return manifest


def backup_manifest(folder: Path) -> dict:
    """The manifest of a backup folder, once every checksum matches its file."""
    if not (folder / MANIFEST).is_file() or not (folder / DUMP).is_file():
        raise BackupError(f"{folder} is not a backup: no {MANIFEST} or {DUMP} in it.")
    listed = {}
    for line in (folder / CHECKSUMS).read_text().splitlines():
        sha, name = line.split("  ", 1)
        listed[name] = sha
    present = {DUMP, *(f"{MEDIA}/{name}" for name in folder_files(folder / MEDIA))}
    problems = [f"{name} is missing" for name in sorted(listed.keys() - present)]
    unlisted = sorted(present - listed.keys())
    problems += [f"{name} is not in {CHECKSUMS}" for name in unlisted]
    problems += [
        f"{name} does not match its checksum"
        for name in sorted(listed.keys() & present)
        if file_sha256(folder / name) != listed[name]
    ]
    if problems:
        damage = "; ".join(problems)
        raise BackupError(f"The backup {folder} is damaged: {damage}.")
    return json.loads((folder / MANIFEST).read_text())


@dataclass
class Restored:
    tables: int
    rows: int
    media: MediaCopy | None


def counts_compare(expected: dict[str, int], found: dict[str, int]) -> list[str]:
    """How the restored tables differ from the manifest, in words."""
    differences = []
    for table, rows in expected.items():
        if table not in found:
            differences.append(f"{table} is missing")
        elif found[table] != rows:
            differences.append(f"{table} has {found[table]} rows, not {rows}")
    return differences


def backup_restore(
    *,
    folder: Path,
    settings_dict: dict,
    storage: Storage | None,
    replace: bool = False,
) -> Restored:
    """Restore a backup folder into the database ``settings_dict`` names and,
    unless ``storage`` is None, its media into that storage. Fails, saying
    what differs, unless every table has the manifest's row count."""
    manifest = backup_manifest(folder)
    found = database_restore(
        settings_dict=settings_dict,
        path=folder / DUMP,
        dumped_by=manifest["pg_dump_major_version"],
        replace=replace,
    )
    differences = counts_compare(manifest["tables"], found)
    if differences:
        raise BackupError(
            "The restored database differs from the manifest: "
            + "; ".join(differences)
            + "."
        )
    media = None
    if storage is not None:
        media = media_copy_in(storage=storage, folder=folder / MEDIA)
    return Restored(
        tables=len(manifest["tables"]),
        rows=sum(manifest["tables"].values()),
        media=media,
    )
