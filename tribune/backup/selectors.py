"""Reading the site into an archive (`manage.py tribune_export`); the format is in archive.py."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.core.files.storage import default_storage
from django.db import connection, models, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from tribune.backup.archive import (
    CHUNK_ROWS,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MEDIA_DIR,
    ArchiveError,
    NaturalKeys,
    Table,
    canonical_json,
    content_checksum,
    encode_datetime,
    encode_line,
    exported_models,
    tribune_version,
)

COPY_BUFFER = 1024 * 1024
# Level 1: JSON Lines still shrink to about a fifth, at a fraction of the CPU of the default level.
TABLE_COMPRESSLEVEL = 1


@dataclass(frozen=True)
class ExportResult:
    path: Path
    tables: int
    rows: int
    media_files: int
    media_bytes: int
    missing_media: list[str]
    content_sha256: str


def migration_state() -> dict[str, list[str]]:
    """Applied migrations per app, as this database records them."""
    state: dict[str, list[str]] = {}
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        state.setdefault(app_label, []).append(name)
    return state


def require_migrated() -> None:
    """An archive records one migration state, and its columns are the models': both must be the database's."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        names = ", ".join(f"{migration.app_label}.{migration.name}" for migration, _ in plan[:3])
        raise ArchiveError(
            f"This database has {len(plan)} unapplied migration(s) ({names}...): run `manage.py migrate` first."
        )


@contextmanager
def snapshot() -> Iterator[None]:
    """Every table read from one consistent state of the database, while the site keeps writing.

    PostgreSQL: one REPEATABLE READ transaction. SQLite: a plain (deferred) read transaction, which in WAL mode
    sees one snapshot; Django's own atomic() would BEGIN IMMEDIATE there and lock out every writer for the whole
    export.
    """
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
        return
    connection.ensure_connection()
    with connection.cursor() as cursor:
        # The site maps up to 128 MB of the file and caches 32 MB of pages (config/env.py) to serve hot pages;
        # one pass over every table gains nothing from either, and both would grow the export's resident memory
        # with the size of the database (157 -> 300 MB from 10k to 100k articles). SQLite's default cache, 2 MB.
        mmap_size = cursor.execute("PRAGMA mmap_size").fetchone()[0]
        cache_size = cursor.execute("PRAGMA cache_size").fetchone()[0]
        cursor.execute("PRAGMA mmap_size=0")
        cursor.execute("PRAGMA cache_size=-2000")
        cursor.execute("BEGIN DEFERRED")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ROLLBACK")  # nothing was written: reads only
            cursor.execute(f"PRAGMA mmap_size={int(mmap_size)}")
            cursor.execute(f"PRAGMA cache_size={int(cache_size)}")


def _rows(table: Table) -> Iterator[tuple[Any, ...]]:
    queryset = table.model._base_manager.order_by("pk").values_list(*table.names)
    if table.sort_in_python:
        yield from sorted(queryset, key=lambda values: canonical_json(table.encode_row(values)))
        return
    yield from queryset.iterator(chunk_size=CHUNK_ROWS)


def _write_table(archive: zipfile.ZipFile, table: Table) -> dict[str, Any]:
    digest = hashlib.sha256()
    rows = 0
    with archive.open(table.member, "w", force_zip64=True) as member:  # the archive's deflate level
        for values in _rows(table):
            row = table.encode_row(values)
            if not table.is_portable(row):
                continue
            line = encode_line(row)
            digest.update(line)
            member.write(line)
            rows += 1
    return {
        "model": table.label,
        "member": table.member,
        "columns": table.names,
        "rows": rows,
        "sha256": digest.hexdigest(),
    }


def _file_fields(model: type[models.Model]) -> list[str]:
    return [field.attname for field in model._meta.local_concrete_fields if isinstance(field, models.FileField)]


def _media_names(tables: list[Table]) -> Iterator[str]:
    """File names the exported rows refer to (originals of images, documents...), streamed from the database."""
    for table in tables:
        for name in _file_fields(table.model):
            queryset = table.model._base_manager.exclude(**{name: ""}).exclude(**{f"{name}__isnull": True})
            yield from queryset.order_by("pk").values_list(name, flat=True).iterator(chunk_size=CHUNK_ROWS)


def _copy(source: IO[bytes], target: IO[bytes]) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(COPY_BUFFER):
        digest.update(chunk)
        target.write(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def archive_export(*, path: Path, progress: Callable[[str], None] | None = None) -> ExportResult:
    """Write the whole site to `path` (replaced only once the archive is complete)."""
    say = progress or (lambda message: None)
    require_migrated()
    partial = path.with_name(path.name + ".partial")
    keys = NaturalKeys()
    tables_meta: list[dict[str, Any]] = []
    media_meta: list[dict[str, Any]] = []
    missing: list[str] = []
    seen: set[str] = set()
    try:
        with (
            snapshot(),
            zipfile.ZipFile(
                partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=TABLE_COMPRESSLEVEL, allowZip64=True
            ) as archive,
        ):
            tables = [Table(model, keys) for model in exported_models()]
            for table in tables:
                meta = _write_table(archive, table)
                tables_meta.append(meta)
                say(f"{table.label}: {meta['rows']:,} rows")
            for name in _media_names(tables):
                if name in seen:
                    continue
                seen.add(name)
                if not default_storage.exists(name):
                    missing.append(name)
                    say(f"media file missing, left out: {name}")
                    continue
                info = zipfile.ZipInfo(MEDIA_DIR + name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED  # images and PDFs are compressed already
                with default_storage.open(name, "rb") as source, archive.open(info, "w", force_zip64=True) as target:
                    size, sha = _copy(source, target)
                media_meta.append({"name": name, "member": MEDIA_DIR + name, "size": size, "sha256": sha})
            checksum = content_checksum(tables_meta, media_meta)
            manifest = {
                "format": FORMAT_NAME,
                "format_version": FORMAT_VERSION,
                "tribune_version": tribune_version(),
                "created_at": encode_datetime(dt.datetime.now(dt.UTC)),
                "database": connection.vendor,
                "migrations": migration_state(),
                "content_sha256": checksum,
                "tables": tables_meta,
                "media": media_meta,
                "missing_media": missing,
            }
            archive.writestr(MANIFEST, canonical_json(manifest).encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return ExportResult(
        path=path,
        tables=len(tables_meta),
        rows=sum(meta["rows"] for meta in tables_meta),
        media_files=len(media_meta),
        media_bytes=sum(item["size"] for item in media_meta),
        missing_media=missing,
        content_sha256=checksum,
    )
