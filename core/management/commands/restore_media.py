"""``manage.py restore_media --from DIR``: a folder's files into the media storage."""

from __future__ import annotations

from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, files_counted
from core.backups.media import media_copy_in


class Command(BaseCommand):
    help = (
        "Put every file under a local folder into the media storage (MEDIA_ROOT "
        "or the S3 bucket) under the same name, replacing one already there."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="folder", type=Path, required=True)

    def handle(self, *args, folder: Path, **options):
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        try:
            copy = media_copy_in(storage=default_storage, folder=folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Media: put {files_counted(copy.files, copy.bytes)} into the storage."
        )
