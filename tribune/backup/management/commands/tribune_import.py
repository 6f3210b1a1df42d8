from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tribune.backup.archive import ArchiveError
from tribune.backup.services import archive_import


class Command(BaseCommand):
    help = (
        "Restore an archive made by tribune_export onto a fresh install (or, with --replace, over a site), in one "
        "transaction: all of it or nothing. See docs/backup.md."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("archive", type=Path, help="The archive to read.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace the content of a database that already has some (everything in it is deleted).",
        )
        parser.add_argument("--check", action="store_true", help="Only verify the archive; write nothing.")

    def handle(self, *args: Any, archive: Path, replace: bool, check: bool, **options: Any) -> None:
        try:
            result = archive_import(path=archive, replace=replace, check_only=check, progress=self._progress)
        except ArchiveError as exc:
            raise CommandError(f"{exc} The database was not changed.") from None
        if check:
            self.stdout.write(f"{archive} is intact: {result.tables} tables, {result.media_files:,} media files.")
        else:
            self.stdout.write(
                f"Imported {result.rows:,} rows in {result.tables} tables and {result.media_files:,} media files "
                f"({result.media_written:,} written, the others were already in place)."
            )
        self.stdout.write(self.style.SUCCESS(f"Content checksum: sha256:{result.content_sha256}"))

    def _progress(self, message: str) -> None:
        self.stdout.write(f"  {message}")
        self.stdout.flush()
