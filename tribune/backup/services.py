"""Restoring an archive (`manage.py tribune_import`): all of it in one transaction, or nothing."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction

from tribune.backup.archive import (
    CHUNK_ROWS,
    CONTENT_MARKERS,
    EMPTIED_ON_IMPORT,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    ArchiveError,
    NaturalKeys,
    Table,
    content_checksum,
    exported_models,
    member_name,
)
from tribune.backup.selectors import COPY_BUFFER, migration_state

# Everything that can go wrong while reading a damaged zip member.
_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError)


@dataclass(frozen=True)
class ImportResult:
    tables: int
    rows: int
    media_files: int
    media_written: int
    content_sha256: str


# --------------------------------------------------------------------------- reading and checking the archive


def _open(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ArchiveError(f"{path}: no such file.") from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ArchiveError(f"{path} is not a complete Tribune archive (truncated or not a zip file: {exc}).") from None


def read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise ArchiveError(f"The archive has no {MANIFEST}: it was not written by tribune_export.") from None
    except (*_DAMAGE, json.JSONDecodeError) as exc:
        raise ArchiveError(f"The archive's {MANIFEST} is damaged ({exc}).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise ArchiveError(f"This is not a Tribune archive (format {manifest.get('format')!r}, not {FORMAT_NAME!r}).")
    version = manifest.get("format_version")
    if not isinstance(version, int):
        raise ArchiveError(f"The archive's {MANIFEST} has no format version.")
    if version > FORMAT_VERSION:
        raise ArchiveError(
            f"The archive has format version {version}, made by Tribune {manifest.get('tribune_version')}; this "
            f"installation reads up to version {FORMAT_VERSION}. Upgrade Tribune, then import it."
        )
    return manifest


def check_migrations(manifest: dict[str, Any]) -> None:
    """The archive's tables must have exactly this database's columns: the same migrations applied."""
    theirs = {app: set(names) for app, names in manifest.get("migrations", {}).items()}
    ours = {app: set(names) for app, names in migration_state().items()}
    newer = sorted(f"{app}.{name}" for app, names in theirs.items() for name in names - ours.get(app, set()))
    if newer:
        raise ArchiveError(
            f"The archive was made by a newer Tribune (version {manifest.get('tribune_version')}): this database "
            f"lacks {len(newer)} migration(s), e.g. {', '.join(newer[:3])}. Upgrade Tribune and run "
            "`manage.py migrate`, then import."
        )
    older = sorted(f"{app}.{name}" for app, names in ours.items() for name in names - theirs.get(app, set()))
    if older:
        raise ArchiveError(
            f"The archive was made by an older Tribune (version {manifest.get('tribune_version')}): this database "
            f"has {len(older)} migration(s) the archive's does not, e.g. {', '.join(older[:3])}. Import it with "
            "that version, then upgrade and migrate."
        )


def _member(archive: zipfile.ZipFile, name: str) -> IO[bytes]:
    try:
        return archive.open(name)
    except KeyError:
        raise ArchiveError(f"The archive lacks {name}, which its manifest lists.") from None
    except _DAMAGE as exc:
        raise ArchiveError(f"The archive is damaged at {name} ({exc}).") from None


def verify_archive(archive: zipfile.ZipFile, manifest: dict[str, Any]) -> str:
    """Read every member once and check it against the manifest, before anything is written."""
    tables = manifest.get("tables")
    media = manifest.get("media")
    if not isinstance(tables, list) or not isinstance(media, list):
        raise ArchiveError(f"The archive's {MANIFEST} lists no tables or media.")
    known = {member_name(model): model for model in exported_models()}
    listed = {table.get("member") for table in tables}
    if listed != set(known):
        missing = sorted(set(known) - listed)
        extra = sorted(str(name) for name in listed - set(known))
        raise ArchiveError(f"The archive's tables do not match this installation (missing {missing}, extra {extra}).")
    for entry in [*tables, *media]:
        name = entry["member"]
        digest = hashlib.sha256()
        lines = 0
        try:
            with _member(archive, name) as handle:
                while chunk := handle.read(COPY_BUFFER):
                    digest.update(chunk)
                    lines += chunk.count(b"\n")
        except ArchiveError:
            raise
        except _DAMAGE as exc:
            raise ArchiveError(f"The archive is damaged at {name} ({exc}).") from None
        if digest.hexdigest() != entry.get("sha256"):
            raise ArchiveError(f"The archive is damaged: {name} does not match its checksum.")
        if "rows" in entry and lines != entry["rows"]:
            raise ArchiveError(f"The archive is damaged: {name} has {lines} rows, its manifest says {entry['rows']}.")
    checksum = content_checksum(tables, media)
    if checksum != manifest.get("content_sha256"):
        raise ArchiveError("The archive is damaged: its content checksum does not match its manifest.")
    return checksum


# --------------------------------------------------------------------------- writing


def target_content() -> dict[str, int]:
    """Rows in the tables that tell a fresh install (only `migrate` run) from a site with content."""
    counts = {label: apps.get_model(label)._base_manager.count() for label in CONTENT_MARKERS}
    return {label: count for label, count in counts.items() if count}


def _empty_tables(models_: list[type[models.Model]]) -> None:
    """Delete every row, bypassing the ORM's cascades: foreign keys are checked at commit (Django creates them
    DEFERRABLE INITIALLY DEFERRED on both databases), when the archive's rows are all in."""
    with connection.cursor() as cursor:
        for model in models_:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


class _Row:
    """What Django's raw insert reads a row's values from (attribute per column)."""

    def __init__(self, values: dict[str, Any]):
        self.__dict__.update(values)


def _read_rows(archive: zipfile.ZipFile, table: Table) -> Iterator[dict[str, Any]]:
    with _member(archive, table.member) as raw, io.TextIOWrapper(raw, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ArchiveError(f"{table.member}, line {number}: not valid JSON ({exc}).") from None
            if not isinstance(row, list):
                raise ArchiveError(f"{table.member}, line {number}: a row must be a JSON array.")
            try:
                yield table.decode_row(row)
            except (ValueError, TypeError) as exc:
                raise ArchiveError(f"{table.member}, line {number}: {exc}.") from None


def _insert_table(archive: zipfile.ZipFile, table: Table, columns: list[str]) -> int:
    if columns != table.names:
        raise ArchiveError(f"{table.member}: its columns {columns} are not this installation's {table.names}.")
    fields = [column.field for column in table.columns]
    batch_size = max(1, min(CHUNK_ROWS, connection.ops.bulk_batch_size(fields, [None] * CHUNK_ROWS)))
    manager = table.model._base_manager
    batch: list[_Row] = []
    count = 0
    for values in _read_rows(archive, table):
        batch.append(_Row(values))
        if len(batch) >= batch_size:
            manager._insert(batch, fields=fields, raw=True, using=connection.alias)  # type: ignore[attr-defined]
            count += len(batch)
            batch = []
    if batch:
        manager._insert(batch, fields=fields, raw=True, using=connection.alias)  # type: ignore[attr-defined]
        count += len(batch)
    return count


def _write_media(archive: zipfile.ZipFile, media: list[dict[str, Any]]) -> int:
    """Put the archive's files in place; a file that is already there with the same bytes is kept."""
    written = 0
    for item in media:
        name = item["name"]
        if default_storage.exists(name):
            digest = hashlib.sha256()
            with default_storage.open(name, "rb") as handle:
                while chunk := handle.read(COPY_BUFFER):
                    digest.update(chunk)
            if digest.hexdigest() == item["sha256"]:
                continue
            # Left by an import that was interrupted, or replaced with --replace: the archive's bytes win.
            default_storage.delete(name)
        with _member(archive, item["member"]) as source:
            saved = default_storage.save(name, File(source, name=name))
        if saved != name:
            raise ArchiveError(f"Media file {name} could not be written under its own name (storage chose {saved}).")
        written += 1
    return written


def archive_import(
    *,
    path: Path,
    replace: bool = False,
    check_only: bool = False,
    progress: Callable[[str], None] | None = None,
) -> ImportResult:
    """Replace the site's content with the archive's: checked first, then in one transaction.

    Refuses (ArchiveError, nothing written) a damaged archive, a newer format or migration state, and a target
    that already holds content unless `replace` is set.
    """
    say = progress or (lambda message: None)
    with _open(path) as archive:
        manifest = read_manifest(archive)
        check_migrations(manifest)
        say("checking the archive...")
        try:
            checksum = verify_archive(archive, manifest)
        except (KeyError, TypeError, AttributeError) as exc:
            raise ArchiveError(f"The archive's {MANIFEST} is malformed ({exc!r}).") from None
        media = manifest["media"]
        if check_only:
            return ImportResult(len(manifest["tables"]), 0, len(media), 0, checksum)
        content = target_content()
        if content and not replace:
            found = ", ".join(f"{count:,} {label}" for label, count in sorted(content.items()))
            raise ArchiveError(
                f"This database already holds content ({found}). Import into a fresh install (only `manage.py "
                "migrate` run), or pass --replace to replace everything in it with the archive."
            )
        say(f"media: {len(media):,} files")
        media_written = _write_media(archive, media)
        keys = NaturalKeys()
        columns = {entry["member"]: entry["columns"] for entry in manifest["tables"]}
        tables = [Table(model, keys) for model in exported_models()]
        rows = 0
        try:
            with transaction.atomic():
                emptied = [apps.get_model(label) for label in sorted(EMPTIED_ON_IMPORT)]
                _empty_tables([*emptied, *(table.model for table in tables)])
                for table in tables:
                    say(f"{table.label}: {_rows_of(manifest, table.member):,} rows")
                    rows += _insert_table(archive, table, columns[table.member])
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        for sql in connection.ops.sequence_reset_sql(no_style(), [table.model for table in tables]):
                            cursor.execute(sql)
                say("search index...")
                # Rebuilt, not copied: its rows are derived, and on SQLite live in a full-text table.
                call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
                say("committing...")
        except DatabaseError as exc:
            raise ArchiveError(f"The archive's rows do not fit this database ({exc}); nothing was imported.") from None
    return ImportResult(len(tables), rows, len(media), media_written, checksum)


def _rows_of(manifest: dict[str, Any], member: str) -> int:
    return next(int(entry["rows"]) for entry in manifest["tables"] if entry["member"] == member)
