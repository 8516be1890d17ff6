"""``manage.py backup_media --to DIR``: copy every media file into a folder."""

from __future__ import annotations

from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from core.backups import files_counted
from core.backups.media import media_copy_out


class Command(BaseCommand):
    help = (
        "Copy every file of the media storage (MEDIA_ROOT or the S3 bucket) into "
        "a local folder, keeping the names. `manage.py backup` does this too."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--to", type=Path, required=True)

    def handle(self, *args, to: Path, **options):
        copy = media_copy_out(storage=default_storage, folder=to)
        self.stdout.write(
            f"Media: copied {files_counted(copy.files, copy.bytes)} to {to}/."
        )
