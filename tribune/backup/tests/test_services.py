"""tribune_import against real databases: round trip, the SQLite -> PostgreSQL -> SQLite move, refusals that leave
the database as it was, and kill -9 in the middle of an import."""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from config.env import BASE_DIR
from tribune.backup.archive import FORMAT_VERSION, MANIFEST, content_checksum
from tribune.backup.tests.conftest import CHECKSUM, DemoArchive, Site, SiteFactory, pass_vendor, require_postgres


def can_log_in(site: Site, username: str, password: str) -> bool:
    script = (
        "from django.contrib.auth import authenticate; "
        f"print('LOGIN', authenticate(username={username!r}, password={password!r}) is not None)"
    )
    out = site.manage("shell", "-v0", "-c", script).stdout
    return "LOGIN True" in out


def first_image(site: Site) -> tuple[str, bytes]:
    name = site.query("SELECT file FROM newsroom_newsimage ORDER BY id LIMIT 1")[0][0]
    return name, (site.data_dir / "media" / name).read_bytes()


# --------------------------------------------------------------------------- round trip


def test_round_trip_of_the_demo_newsroom(demo: DemoArchive, sites: SiteFactory, tmp_path: Path):
    target = sites.fresh(pass_vendor())
    result = target.manage("tribune_import", str(demo.path))
    assert CHECKSUM.search(result.stdout).group(1) == demo.checksum

    assert target.export(tmp_path / "again.zip") == demo.checksum
    # Spot checks beyond the checksum: counts, an article's body, a login with the same password, image bytes.
    for sql in (
        "SELECT count(*) FROM engagement_comment",
        "SELECT count(*) FROM engagement_pollvote",
        "SELECT count(*) FROM newsroom_article WHERE live",
    ):
        assert target.query(sql) == demo.site.query(sql)
    assert target.query("SELECT count(*) FROM engagement_comment")[0][0] > 1000
    body = "SELECT headline, body FROM newsroom_article ORDER BY id DESC LIMIT 1"
    (headline, source_body), (_, target_body) = demo.site.query(body)[0], target.query(body)[0]
    as_json = [json.loads(b) if isinstance(b, str) else b for b in (source_body, target_body)]
    assert as_json[0] == as_json[1] and as_json[0], headline
    assert can_log_in(target, "redactie", demo.password)
    assert not can_log_in(target, "redactie", demo.password + "x")
    assert first_image(target) == first_image(demo.site)
    # The search index is rebuilt: the newsroom's image search finds the images again.
    assert target.query("SELECT count(*) FROM wagtailsearch_indexentry")[0][0] >= 52


@pytest.mark.skipif(pass_vendor() == "postgresql", reason="runs once, in the SQLite pass (it uses both databases)")
def test_sqlite_to_postgresql_and_back(demo_sqlite: DemoArchive, sites: SiteFactory, tmp_path: Path):
    require_postgres()
    on_postgres = sites.fresh("postgresql")
    on_postgres.manage("tribune_import", str(demo_sqlite.path))
    assert on_postgres.export(tmp_path / "from-postgres.zip") == demo_sqlite.checksum
    # PostgreSQL hands out new ids after the imported ones (sequences were reset).
    on_postgres.manage(
        "shell",
        "-v0",
        "-c",
        "from tribune.taxonomy.models import Tag; Tag.objects.create(name='Nieuw', slug='nieuw-na-import')",
    )
    on_postgres_ids = on_postgres.query("SELECT max(id) FROM taxonomy_tag")[0][0]
    assert on_postgres_ids == demo_sqlite.site.query("SELECT max(id) FROM taxonomy_tag")[0][0] + 1

    back = sites.fresh("sqlite")
    back.manage("tribune_import", str(tmp_path / "from-postgres.zip"))
    assert back.export(tmp_path / "back-on-sqlite.zip") == demo_sqlite.checksum
    assert can_log_in(back, "redactie", demo_sqlite.password)
    assert first_image(back) == first_image(demo_sqlite.site)


# --------------------------------------------------------------------------- refusals


def rewrite(source: Path, target: Path, change: Any) -> None:
    """Copy an archive member by member; `change(name, data, manifest)` may return new bytes for a member."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        manifest = json.loads(old.read(MANIFEST))
        for info in old.infolist():
            if info.filename == MANIFEST:
                continue
            data = old.read(info.filename)
            new.writestr(info.filename, change(info.filename, data, manifest) or data)
        new.writestr(MANIFEST, json.dumps(change(MANIFEST, b"", manifest) or manifest))


def newer_format(name: str, data: bytes, manifest: dict[str, Any]) -> Any:
    if name == MANIFEST:
        return {**manifest, "format_version": FORMAT_VERSION + 1, "tribune_version": "9.0.0"}
    return None


def newer_migrations(name: str, data: bytes, manifest: dict[str, Any]) -> Any:
    if name == MANIFEST:
        migrations = {**manifest["migrations"], "newsroom": [*manifest["migrations"]["newsroom"], "9999_future"]}
        return {**manifest, "migrations": migrations}
    return None


class BadJsonWithGoodChecksums:
    """A row that is not JSON in the last big table, with the manifest's checksums made to match, so the import
    only finds it halfway through writing: the transaction must take everything back."""

    member = "tables/wagtailcore.revision.jsonl"

    def __init__(self) -> None:
        self.data = b""

    def __call__(self, name: str, data: bytes, manifest: dict[str, Any]) -> Any:
        if name == self.member:
            self.data = data + b'{"not": "a row"\n'
            return self.data
        if name == MANIFEST:
            for table in manifest["tables"]:
                if table["member"] == self.member:
                    table["sha256"] = hashlib.sha256(self.data).hexdigest()
                    table["rows"] += 1
            manifest["content_sha256"] = content_checksum(manifest["tables"], manifest["media"])
            return manifest
        return None


def flip_a_byte(source: Path, target: Path) -> None:
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo("tables/engagement.comment.jsonl")
    # Inside that member's compressed data: past its local header.
    data[info.header_offset + 200] ^= 0x55
    target.write_bytes(bytes(data))


def truncate(source: Path, target: Path) -> None:
    data = source.read_bytes()
    target.write_bytes(data[: len(data) * 2 // 3])


REFUSALS = {
    "newer format version": (lambda s, t: rewrite(s, t, newer_format), "format version"),
    "newer migration state": (lambda s, t: rewrite(s, t, newer_migrations), "newer Tribune"),
    "flipped byte": (flip_a_byte, "damaged"),
    "truncated": (truncate, "not a complete Tribune archive"),
    "bad JSON under good checksums": (lambda s, t: rewrite(s, t, BadJsonWithGoodChecksums()), "not valid JSON"),
}


@pytest.fixture(scope="module")
def fresh_target(sites: SiteFactory, tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, str, dict[str, int]]:
    site = sites.fresh(pass_vendor())
    return site, site.export(tmp_path_factory.mktemp("before") / "before.zip"), site.table_counts()


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_bad_archive_is_refused_and_the_database_is_unchanged(
    case: str, demo: DemoArchive, fresh_target: tuple[Site, str, dict[str, int]], tmp_path: Path
):
    make, message = REFUSALS[case]
    site, checksum_before, counts_before = fresh_target
    bad = tmp_path / "bad.zip"
    make(demo.path, bad)
    result = site.manage("tribune_import", str(bad), check=False)
    assert result.returncode != 0
    assert message in result.stderr
    assert "The database was not changed." in result.stderr
    assert "Traceback" not in result.stderr
    assert site.table_counts() == counts_before
    assert site.export(tmp_path / "after.zip") == checksum_before


def test_a_site_with_content_is_refused_without_replace(demo: DemoArchive, sites: SiteFactory, tmp_path: Path):
    site = sites.fresh(pass_vendor())
    site.manage("shell", "-v0", "-c", "from tribune.taxonomy.models import Tag; Tag.objects.create(name='A', slug='a')")
    before, counts = site.export(tmp_path / "before.zip"), site.table_counts()
    result = site.manage("tribune_import", str(demo.path), check=False)
    assert result.returncode != 0
    assert "already holds content (1 taxonomy.tag)" in result.stderr and "--replace" in result.stderr
    assert "Traceback" not in result.stderr
    assert site.table_counts() == counts and site.export(tmp_path / "after.zip") == before

    site.manage("tribune_import", "--replace", str(demo.path))
    assert site.export(tmp_path / "replaced.zip") == demo.checksum
    assert site.query("SELECT count(*) FROM taxonomy_tag WHERE slug = 'a'") == [(0,)]


# --------------------------------------------------------------------------- kill -9


def test_kill_9_during_an_import_leaves_the_database_as_it_was(sites: SiteFactory, tmp_path: Path):
    vendor = pass_vendor()
    source = sites.fresh(vendor)
    source.manage("tribune_generate_articles", "20000")
    archive = tmp_path / "big.zip"
    checksum = source.export(archive)

    target = sites.fresh(vendor)
    counts_before = target.table_counts()
    process = subprocess.Popen(
        target.command("tribune_import", str(archive)),
        cwd=BASE_DIR,
        env=target.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    seen = []
    for line in process.stdout:
        seen.append(line)
        # Inside the transaction: the tables emptied, the 20,000 articles in, their tags going in.
        if "taxonomy.articletag:" in line:
            break
    assert process.poll() is None, f"the import ended before it could be killed:\n{''.join(seen)}"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    if vendor == "sqlite":
        assert target.query("PRAGMA integrity_check") == [("ok",)]
        assert target.query("PRAGMA foreign_key_check") == []
    else:
        # The server notices the dead client and rolls its transaction back; wait for that backend to go.
        for _ in range(100):
            busy = target.query(
                f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{target.pg_name}' AND pid <> pg_backend_pid()"
            )
            if busy == [(0,)]:
                break
            time.sleep(0.1)
        assert target.query("SELECT count(*) FROM pg_constraint WHERE NOT convalidated") == [(0,)]
    assert target.table_counts() == counts_before  # nothing of the import stayed: the fresh install as it was

    target.manage("tribune_import", str(archive))
    assert target.export(tmp_path / "again.zip") == checksum
    assert target.query("SELECT count(*) FROM newsroom_article") == [(20000,)]
