from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tribune.backup.archive import ArchiveError
from tribune.backup.selectors import archive_export


class Command(BaseCommand):
    help = (
        "Write the whole site (content, comments, votes, users, settings, media) to one archive file; "
        "see docs/backup.md."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("archive", type=Path, help="The archive to write (a .zip; replaced when complete).")

    def handle(self, *args: Any, archive: Path, **options: Any) -> None:
        if not archive.parent.is_dir():
            raise CommandError(f"{archive.parent} is not a folder.")
        verbose = options["verbosity"] > 1
        try:
            result = archive_export(path=archive, progress=self._progress if verbose else None)
        except ArchiveError as exc:
            raise CommandError(str(exc)) from None
        for name in result.missing_media:
            self.stderr.write(f"Warning: media file {name} is missing from storage and not in the archive.")
        self.stdout.write(
            f"Wrote {result.path}: {result.tables} tables, {result.rows:,} rows, {result.media_files:,} media files "
            f"({result.media_bytes / 1e6:,.1f} MB)."
        )
        self.stdout.write(self.style.SUCCESS(f"Content checksum: sha256:{result.content_sha256}"))

    def _progress(self, message: str) -> None:
        self.stdout.write(f"  {message}")
        self.stdout.flush()
