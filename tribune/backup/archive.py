"""The Tribune archive format (docs/backup.md): which tables go in, and how a value is written.

An archive is one zip file. `manifest.json` describes it; every exported table is one JSON Lines member (one
JSON array per row, columns as the manifest lists them, rows in primary-key order); media files are stored as
they are. Values are written in one canonical form whatever the database (datetimes in UTC with microseconds,
JSON with sorted keys, content types and permissions by natural key), so the same content exported from SQLite
and from PostgreSQL gives the same bytes, and so the same content checksum.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import tomllib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.blocks import StreamValue

from config.env import BASE_DIR

FORMAT_NAME = "tribune-archive"
# Raise when a change means an older `tribune_import` could not read the archive correctly; add a line to the
# history in docs/backup.md. Importers refuse archives with a higher number.
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
TABLES_DIR = "tables/"
MEDIA_DIR = "media/"
# Rows per database round trip, both ways: big enough to be fast, small enough that memory stays flat.
CHUNK_ROWS = 2000

# Tables an archive leaves out, and why (docs/backup.md lists them too).
#   Mapped, not copied: every installation makes its own with `migrate`, under ids that differ per database;
#   rows that point at them are written by natural key instead.
MAPPED = {"contenttypes.contenttype", "auth.permission"}
#   Derived or transient: rebuilt after import (search index), regenerated on demand (renditions), or state that
#   belongs to the running installation (sessions, presence, half-finished uploads, throttles, leases, the purge
#   log that app processes poll).
SKIPPED = {
    "sessions.session",
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "wagtailimages.rendition",
    "newsroom.newsimagerendition",
    "wagtailadmin.editingsession",
    "wagtailcore.uploadedfile",
    "newsroom.schedulerlease",
    "engagement.ratelimitslot",
    "accounts.loginfailure",
    "delivery.purgeevent",
}
# Skipped tables whose rows belong to the content an import replaces, so an import empties them too: a
# rendition of an image that is gone, a session of a user id that is now someone else.
EMPTIED_ON_IMPORT = {
    "sessions.session",
    "wagtailimages.rendition",
    "newsroom.newsimagerendition",
    "wagtailadmin.editingsession",
    "wagtailcore.uploadedfile",
}
# Models that exist on one database only (Wagtail's full-text table on SQLite). Rows that grant a permission on
# them, or point at their content type, are left out: they could not be imported on the other database, and
# they mean nothing there. (`migrate` gives them back to the roles on SQLite.)
BACKEND_SPECIFIC = {("wagtailsearch", "sqliteftsindexentry")}
# A target with rows in any of these holds content: importing over it needs --replace.
CONTENT_MARKERS = [
    "auth.user",
    "newsroom.article",
    "newsroom.section",
    "newsroom.author",
    "newsroom.newsimage",
    "taxonomy.tag",
    "engagement.comment",
    "wagtaildocs.document",
    "wagtailcore.revision",
]


class ArchiveError(Exception):
    """The archive cannot be imported (damaged, too new, wrong target); nothing was written."""


def tribune_version() -> str:
    with open(BASE_DIR / "pyproject.toml", "rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def exported_models() -> list[type[models.Model]]:
    """Every table with content, sorted by label so archives list them in one order."""
    chosen = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in MAPPED | SKIPPED
    ]
    return sorted(chosen, key=lambda model: model._meta.label_lower)


def label_of(model: type[models.Model]) -> str:
    return model._meta.label_lower


def member_name(model: type[models.Model]) -> str:
    return f"{TABLES_DIR}{label_of(model)}.jsonl"


# --------------------------------------------------------------------------- canonical values


def canonical_json(value: Any) -> str:
    """JSON with one spelling per value: sorted keys, no spaces, UTF-8 as is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False)


def encode_datetime(value: dt.datetime) -> str:
    if value.tzinfo is None:  # USE_TZ is on, but a naive value is UTC by Django's rules
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class NaturalKeys:
    """Content type and permission ids of this database, both ways, read once."""

    @cached_property
    def ct_key(self) -> dict[int, list[str]]:
        return {ct.pk: [ct.app_label, ct.model] for ct in ContentType.objects.all()}

    @cached_property
    def ct_id(self) -> dict[tuple[str, ...], int]:
        return {tuple(key): pk for pk, key in self.ct_key.items()}

    @cached_property
    def perm_key(self) -> dict[int, list[str]]:
        return {
            pk: [app_label, model, codename]
            for pk, app_label, model, codename in Permission.objects.values_list(
                "pk", "content_type__app_label", "content_type__model", "codename"
            )
        }

    @cached_property
    def perm_id(self) -> dict[tuple[str, ...], int]:
        return {tuple(key): pk for pk, key in self.perm_key.items()}

    def content_type_id(self, key: list[str]) -> int:
        """The id of this database's content type; a stale one the source still had (a model since removed, its
        log entries kept) is created, as Django keeps stale content types too."""
        key_ = self._checked(key, 2)
        if key_ not in self.ct_id:
            content_type, _ = ContentType.objects.get_or_create(app_label=key_[0], model=key_[1])
            self.ct_id[key_] = content_type.pk
        return self.ct_id[key_]

    def permission_id(self, key: list[str]) -> int:
        key_ = self._checked(key, 3)
        if key_ not in self.perm_id:
            permission, _ = Permission.objects.get_or_create(
                content_type_id=self.content_type_id(list(key_[:2])), codename=key_[2], defaults={"name": key_[2]}
            )
            self.perm_id[key_] = permission.pk
        return self.perm_id[key_]

    @staticmethod
    def _checked(key: Any, length: int) -> tuple[str, ...]:
        if not (isinstance(key, list) and len(key) == length and all(isinstance(part, str) for part in key)):
            raise ArchiveError(f"Expected a natural key of {length} names, found {key!r}.")
        return tuple(key)


Encoder = Callable[[Any], Any]


@dataclass(frozen=True)
class Column:
    field: models.Field[Any, Any]
    encode: Encoder
    decode: Encoder

    @property
    def name(self) -> str:
        return str(self.field.attname)


def _target(field: models.Field[Any, Any]) -> str | None:
    if field.is_relation and field.related_model is not None and not isinstance(field.related_model, str):
        return field.related_model._meta.label_lower
    return None


def _optional(function: Encoder) -> Encoder:
    def wrapped(value: Any) -> Any:
        return None if value is None else function(value)

    return wrapped


def _identity(value: Any) -> Any:
    return value


def _encode_json(value: Any) -> Any:
    if isinstance(value, StreamValue):  # StreamField: its stored list, without building the blocks
        return value.get_prep_value()
    return value


def column_for(field: models.Field[Any, Any], keys: NaturalKeys) -> Column:
    """How one column is written to the archive and read back."""
    target = _target(field)
    if target == "contenttypes.contenttype":
        return Column(field, _optional(lambda pk: keys.ct_key[pk]), _optional(keys.content_type_id))
    if target == "auth.permission":
        return Column(field, _optional(lambda pk: keys.perm_key[pk]), _optional(keys.permission_id))
    if field.is_relation:
        # Primary keys are kept as they are, so other foreign keys need no mapping; their target column decides.
        return replace(column_for(field.target_field, keys), field=field)  # type: ignore[attr-defined]
    kind = field.get_internal_type()
    if kind == "DateTimeField":
        return Column(field, _optional(encode_datetime), _optional(dt.datetime.fromisoformat))
    if kind == "DateField":
        return Column(field, _optional(dt.date.isoformat), _optional(dt.date.fromisoformat))
    if kind == "TimeField":
        return Column(field, _optional(dt.time.isoformat), _optional(dt.time.fromisoformat))
    if kind == "DurationField":
        return Column(
            field,
            _optional(lambda value: value // dt.timedelta(microseconds=1)),
            _optional(lambda value: dt.timedelta(microseconds=value)),
        )
    if kind == "DecimalField":
        places = field.decimal_places  # type: ignore[attr-defined]
        return Column(field, _optional(lambda value: f"{value:.{places}f}"), _optional(Decimal))
    if kind == "UUIDField":
        return Column(field, _optional(str), _optional(uuid.UUID))
    if kind == "BinaryField":
        return Column(
            field,
            _optional(lambda value: base64.b64encode(bytes(value)).decode("ascii")),
            _optional(base64.b64decode),
        )
    if kind == "JSONField" or isinstance(field, models.JSONField):
        return Column(field, _encode_json, _identity)
    # Text, integers, booleans, file names: JSON has them as they are.
    return Column(field, _identity, _identity)


class Table:
    """One exported model: its columns and how its rows are written and read."""

    def __init__(self, model: type[models.Model], keys: NaturalKeys):
        self.model = model
        self.label = label_of(model)
        self.member = member_name(model)
        self.columns = [column_for(field, keys) for field in model._meta.local_concrete_fields]
        self.names = [column.name for column in self.columns]
        pk = model._meta.pk
        assert pk is not None
        # Tables keyed by a content type (workflow per model) have ids that differ per database: sort their
        # rows by natural key instead. They are tiny.
        self.sort_in_python = _target(pk) == "contenttypes.contenttype"
        self.is_revision = self.label == "wagtailcore.revision"
        self.natural_key_columns = [
            index
            for index, column in enumerate(self.columns)
            if _target(column.field) in {"contenttypes.contenttype", "auth.permission"}
        ]
        self.keys = keys

    def encode_row(self, values: Iterable[Any]) -> list[Any]:
        row = [column.encode(value) for column, value in zip(self.columns, values, strict=True)]
        if self.is_revision:
            self._map_revision_content(row, self._ct_to_key)
        return row

    def is_portable(self, row: list[Any]) -> bool:
        """False for an (encoded) row that points at a model that exists on one database only."""
        return not any(
            isinstance(row[index], list) and tuple(row[index][:2]) in BACKEND_SPECIFIC
            for index in self.natural_key_columns
        )

    def decode_row(self, row: list[Any]) -> dict[str, Any]:
        if len(row) != len(self.columns):
            raise ArchiveError(f"{self.member}: a row has {len(row)} values, the manifest names {len(self.columns)}.")
        if self.is_revision:
            self._map_revision_content(row, self.keys.content_type_id)
        return {column.name: column.decode(value) for column, value in zip(self.columns, row, strict=True)}

    def _ct_to_key(self, pk: Any) -> Any:
        return self.keys.ct_key.get(pk, pk)

    def _map_revision_content(self, row: list[Any], mapping: Callable[[Any], Any]) -> None:
        """A page revision keeps its page's content type id inside its JSON: written by natural key too.

        Called on the archive's side of the row, where the base content type is already a natural key.
        """
        content = row[self.names.index("content")]
        if (
            row[self.names.index("base_content_type_id")] == ["wagtailcore", "page"]
            and isinstance(content, dict)
            and content.get("content_type") is not None
        ):
            content["content_type"] = mapping(content["content_type"])


def encode_line(row: list[Any]) -> bytes:
    return canonical_json(row).encode("utf-8") + b"\n"


def content_checksum(tables: list[dict[str, Any]], media: list[dict[str, Any]]) -> str:
    """sha256 over what the archive holds, not how: table names, columns, row counts and member hashes, and
    media names, sizes and hashes, one line each, sorted. Independent of the database and the zip's layout."""
    lines = [
        f"table {table['model']} {','.join(table['columns'])} {table['rows']} {table['sha256']}\n" for table in tables
    ]
    lines += [f"media {item['name']} {item['size']} {item['sha256']}\n" for item in media]
    digest = hashlib.sha256()
    for line in sorted(lines):
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()
