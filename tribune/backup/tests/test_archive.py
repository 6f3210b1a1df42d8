"""The archive's canonical values: one spelling per value, whatever the database returned."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from tribune.backup.archive import (
    ArchiveError,
    NaturalKeys,
    Table,
    canonical_json,
    column_for,
    content_checksum,
    encode_datetime,
    exported_models,
)


def test_datetimes_are_utc_with_microseconds_whatever_their_zone():
    brussels = dt.datetime(2026, 7, 1, 14, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels"))
    assert encode_datetime(brussels) == "2026-07-01T12:30:00.000000Z"
    assert encode_datetime(brussels.astimezone(dt.UTC)) == "2026-07-01T12:30:00.000000Z"
    assert dt.datetime.fromisoformat(encode_datetime(brussels)) == brussels


def test_json_has_one_spelling():
    assert canonical_json({"b": 1, "a": [1.5, "é"]}) == canonical_json({"a": [1.5, "é"], "b": 1})
    assert canonical_json({"a": "é"}) == '{"a":"é"}'


def test_the_content_checksum_ignores_order_but_not_content():
    tables = [
        {"model": "a.b", "columns": ["id"], "rows": 1, "sha256": "1" * 64},
        {"model": "a.c", "columns": ["id"], "rows": 2, "sha256": "2" * 64},
    ]
    media = [{"name": "x.jpg", "size": 3, "sha256": "3" * 64}]
    assert content_checksum(tables, media) == content_checksum(tables[::-1], media)
    assert content_checksum(tables, media) != content_checksum(tables, [{**media[0], "size": 4}])
    assert content_checksum(tables, media) != content_checksum([{**tables[0], "rows": 2}, tables[1]], media)


def test_what_is_left_out():
    labels = {model._meta.label_lower for model in exported_models()}
    assert {"newsroom.article", "engagement.comment", "engagement.pollvote", "auth.user", "auth.group"} <= labels
    assert {"wagtailcore.page", "wagtailcore.revision", "newsroom.newsimage", "auth.group_permissions"} <= labels
    assert not labels & {"sessions.session", "contenttypes.contenttype", "auth.permission", "delivery.purgeevent"}
    assert not labels & {"newsroom.newsimagerendition", "wagtailsearch.indexentry"}


@pytest.mark.django_db
def test_permissions_and_content_types_go_by_natural_key():
    group = Group.objects.create(name="Test")
    permission = Permission.objects.get(codename="change_article", content_type__app_label="newsroom")
    group.permissions.add(permission)
    through = Group.permissions.through
    table = Table(through, NaturalKeys())
    link = through.objects.get(group=group)
    row = table.encode_row([getattr(link, name) for name in table.names])
    assert row == [link.pk, group.pk, ["newsroom", "article", "change_article"]]
    assert table.decode_row(row)["permission_id"] == permission.pk

    # A permission (or content type) the source still had is created, as Django keeps stale ones too.
    stale = table.decode_row([1, group.pk, ["oldapp", "gone", "change_gone"]])["permission_id"]
    assert Permission.objects.get(pk=stale).content_type.app_label == "oldapp"
    with pytest.raises(ArchiveError, match="natural key"):
        table.decode_row([1, group.pk, 42])


@pytest.mark.django_db
def test_a_page_revision_names_its_content_type_by_natural_key():
    from wagtail.models import Revision

    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    keys = NaturalKeys()
    table = Table(Revision, keys)
    values = {name: None for name in table.names}
    values.update(
        id=7,
        content_type_id=page_type.pk,
        base_content_type_id=page_type.pk,
        object_id="3",
        content={"title": "Home", "content_type": page_type.pk},
        created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    row = table.encode_row([values[name] for name in table.names])
    encoded = dict(zip(table.names, row, strict=True))
    assert encoded["content"]["content_type"] == ["wagtailcore", "page"]
    assert encoded["content_type_id"] == ["wagtailcore", "page"]
    decoded = table.decode_row(row)
    assert decoded["content"]["content_type"] == page_type.pk
    assert decoded["created_at"] == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def test_binary_decimal_and_duration_values_survive_the_round_trip():
    import decimal

    from django.db import models

    keys = NaturalKeys()
    binary = column_for(models.BinaryField(), keys)
    assert binary.encode(memoryview(b"\x00\xffsecret")) == "AP9zZWNyZXQ="  # PostgreSQL returns memoryview
    assert binary.decode(binary.encode(b"\x00\xffsecret")) == b"\x00\xffsecret"
    amount = column_for(models.DecimalField(max_digits=6, decimal_places=2), keys)
    assert amount.encode(decimal.Decimal("12.5")) == amount.encode(decimal.Decimal("12.500")) == "12.50"
    assert amount.decode("12.50") == decimal.Decimal("12.50")
    duration = column_for(models.DurationField(), keys)
    assert duration.decode(duration.encode(dt.timedelta(days=1, microseconds=3))) == dt.timedelta(
        days=1, microseconds=3
    )
    assert column_for(models.DateTimeField(null=True), keys).encode(None) is None
