#!/usr/bin/env python
"""Page vs snippet for Tribune's article, measured at 1,000,000 articles on PostgreSQL.

One command reruns everything (see README.md):

    /tmp/mcvenv/bin/python bench/model_choice/run.py

The parent process (re)creates two databases, runs one worker process per variant
(`--worker page|snippet`), merges their JSON output, prints a table and rewrites the
generated part of RESULTS.md. The databases are dropped at the end unless --keep-db.
Every loop here is bounded by a fixed repetition count.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
DBS = {"page": "bench_modelchoice_page", "snippet": "bench_modelchoice_snippet"}
OUT_DIR = Path(os.environ.get("MC_OUT", "/tmp/model_choice_out"))
PSQL = ["psql", "-h", "127.0.0.1", "-U", "root", "-X", "-q", "-v", "ON_ERROR_STOP=1"]
SEED = 20250601
N_SECTIONS = 10
N_AUTHORS = 200
BASE_TS = datetime(2021, 1, 4, 6, 0, tzinfo=UTC)
STEP_SECONDS = 150  # 1M articles span ~4.75 years

SECTIONS = [
    ("Voetbal", "voetbal"),
    ("Wielrennen", "wielrennen"),
    ("Tennis", "tennis"),
    ("Basketbal", "basketbal"),
    ("Hockey", "hockey"),
    ("Atletiek", "atletiek"),
    ("Volleybal", "volleybal"),
    ("Motorsport", "motorsport"),
    ("Zwemmen", "zwemmen"),
    ("Veldrijden", "veldrijden"),
]

# ----------------------------------------------------------------------------- words
CLUBS = [
    "Club Brugge",
    "Anderlecht",
    "Racing Genk",
    "AA Gent",
    "Antwerp",
    "Standard",
    "Union",
    "Cercle Brugge",
    "Westerlo",
    "KV Mechelen",
    "OH Leuven",
    "STVV",
    "KV Kortrijk",
    "Charleroi",
    "Dender",
    "Beerschot",
    "Lommel",
    "Lierse",
    "Zulte Waregem",
    "Eupen",
    "RWDM",
    "Deinze",
    "Patro Eisden",
    "Lokeren",
    "Beveren",
    "Knokke",
    "Virton",
    "Seraing",
    "Rode Duivels",
    "Red Flames",
    "Red Lions",
    "Belgian Cats",
    "Red Dragons",
    "Yellow Tigers",
    "Soudal Quick-Step",
    "Lotto Dstny",
    "Visma",
    "Alpecin",
    "Intermarché",
    "Filou Oostende",
    "Antwerp Giants",
    "Limburg United",
    "Knack Roeselare",
    "Lindemans Aalst",
    "Dragons Rhode",
    "KHC Leuven",
    "Royal Antwerp HC",
    "Waterloo Ducks",
]
PLAYERS = [
    "De Bruyne",
    "Lukaku",
    "Courtois",
    "Doku",
    "Tielemans",
    "Onana",
    "Trossard",
    "De Ketelaere",
    "Openda",
    "Vertonghen",
    "Castagne",
    "Mangala",
    "Carrasco",
    "Hazard",
    "Mertens",
    "Vanaken",
    "Ngonge",
    "Theate",
    "Faes",
    "Casteels",
    "Evenepoel",
    "Van Aert",
    "Van der Poel",
    "Philipsen",
    "Merlier",
    "De Lie",
    "Benoot",
    "Stuyven",
    "Wellens",
    "Campenaerts",
    "Vansevenant",
    "Iserbyt",
    "Sweeck",
    "Aerts",
    "Vanthourenhout",
    "Nys",
    "Thiam",
    "Borlée",
    "Abdi",
    "Goffin",
    "Bergs",
    "Mertens Elise",
    "Minnen",
    "Van Uytvanck",
    "Meesseman",
    "Allemand",
    "Delaere",
    "Vanoverschelde",
    "Dockier",
    "Van Aubel",
    "Timmermans",
    "Rens",
    "Vandoorne",
    "Vanthoor",
    "Neuville",
    "Gilbert",
    "Boonen",
    "Cancellara",
    "Vermeersch",
    "Kopecky",
    "Van Avermaet",
    "Lampaert",
    "Van Baarle",
    "Pidcock",
    "Pogacar",
    "Vingegaard",
]
VERBS = [
    "wint",
    "verliest",
    "klopt",
    "verslaat",
    "stunt tegen",
    "pakt punt tegen",
    "knokt zich voorbij",
    "laat punten liggen tegen",
    "houdt stand tegen",
    "gaat onderuit tegen",
    "speelt gelijk tegen",
    "maakt komaf met",
    "sleept zege uit de brand tegen",
    "ontsnapt tegen",
    "zegeviert tegen",
]
SOLO_VERBS = [
    "tekent contract tot 2028",
    "verlengt bij zijn club",
    "is out met blessure",
    "keert terug in de selectie",
    "scoort hattrick",
    "mist strafschop",
    "pakt gele trui",
    "wint sprint",
    "rijdt iedereen uit het wiel",
    "klaagt over scheidsrechter",
    "wordt nieuwe kapitein",
    "vertrekt naar het buitenland",
    "zet punt achter carrière",
    "blikt vooruit op de Ronde",
    "is klaar voor de finale",
    "schrijft geschiedenis",
    "breekt Belgisch record",
    "valt zwaar in afdaling",
    "trekt de conclusies",
    "kondigt afscheid aan",
    "ontloopt schorsing",
    "krijgt rode kaart",
    "grijpt naast de titel",
]
NOUNS = [
    "doelpunt",
    "transfer",
    "blessure",
    "competitie",
    "beker",
    "titel",
    "ploeg",
    "supporters",
    "scheidsrechter",
    "penalty",
    "overwinning",
    "nederlaag",
    "gelijkspel",
    "etappe",
    "sprint",
    "klassieker",
    "peloton",
    "koers",
    "finale",
    "kwartfinale",
    "halve finale",
    "play-offs",
    "degradatie",
    "promotie",
    "trainer",
    "spits",
    "keeper",
    "middenvelder",
    "verdediger",
    "videoref",
    "strafschop",
    "kopbal",
    "vrije trap",
    "hoekschop",
    "tijdrit",
    "bergrit",
    "kasseien",
    "modderbad",
    "wereldbeker",
    "olympische spelen",
    "EK",
    "WK",
    "Champions League",
    "Conference League",
    "Jupiler Pro League",
    "Challenger Pro League",
    "Ronde van Vlaanderen",
    "Parijs-Roubaix",
    "Tour de France",
    "Gentse Zesdaagse",
]
ADJS = [
    "late",
    "verrassende",
    "dramatische",
    "knappe",
    "pijnlijke",
    "historische",
    "verdiende",
    "onverwachte",
    "zwaarbevochten",
    "nipte",
    "ruime",
    "bittere",
    "heroïsche",
    "chaotische",
    "spectaculaire",
    "moeizame",
    "overtuigende",
    "gelukkige",
]
PLACES = [
    "in het Jan Breydel",
    "in het Lotto Park",
    "in de Cegeka Arena",
    "in de Ghelamco Arena",
    "op de Bosuil",
    "in Sclessin",
    "in het Dudenpark",
    "op Het Kuipje",
    "in Oudenaarde",
    "op de Muur",
    "in Koksijde",
    "in Zolder",
    "in het Koning Boudewijnstadion",
    "in Spa-Francorchamps",
    "in Diegem",
    "in Baal",
    "in Loenhout",
    "in Namen",
    "op de Kemmelberg",
    "in Gent",
    "in Antwerpen",
    "in Luik",
    "in Brussel",
    "in Hasselt",
    "in Leuven",
]
FILL = [
    "de",
    "trainer",
    "was",
    "na",
    "afloop",
    "tevreden",
    "over",
    "de",
    "mentaliteit",
    "van",
    "zijn",
    "ploeg",
    "en",
    "keek",
    "al",
    "vooruit",
    "naar",
    "de",
    "volgende",
    "wedstrijd",
    "waarin",
    "opnieuw",
    "punten",
    "moeten",
    "worden",
    "gepakt",
    "om",
    "de",
    "aansluiting",
    "met",
    "de",
    "top",
    "niet",
    "te",
    "verliezen",
    "terwijl",
    "de",
    "supporters",
    "na",
    "het",
    "laatste",
    "fluitsignaal",
    "luid",
    "zongen",
    "en",
    "de",
    "spelers",
    "een",
    "ereronde",
    "liepen",
    "langs",
    "de",
    "volle",
    "tribunes",
    "van",
    "het",
    "stadion",
    "waar",
    "het",
    "publiek",
    "de",
    "hele",
    "avond",
    "voor",
    "een",
    "stevige",
    "sfeer",
    "had",
    "gezorgd",
    "ondanks",
    "de",
    "regen",
    "en",
    "de",
    "koude",
    "wind",
]


def make_headline(r: random.Random) -> str:
    if r.random() < 0.0005:  # a rare search term: ~500 headlines per million
        return "Exclusief: " + make_headline(r)
    t = r.randrange(10)
    if t < 4:
        return f"{r.choice(CLUBS)} {r.choice(VERBS)} {r.choice(CLUBS)} na {r.choice(ADJS)} {r.choice(NOUNS)}"
    if t < 6:
        return f"{r.choice(PLAYERS)} {r.choice(SOLO_VERBS)}"
    if t < 8:
        return f"{r.choice(ADJS).capitalize()} {r.choice(NOUNS)} voor {r.choice(CLUBS)} {r.choice(PLACES)}"
    if t < 9:
        return f"{r.choice(PLAYERS)} over {r.choice(NOUNS)}: '{r.choice(FILL)} {r.choice(FILL)} {r.choice(FILL)}'"
    return f"{r.choice(CLUBS)} {r.choice(VERBS)} {r.choice(CLUBS)}, {r.choice(PLAYERS)} {r.choice(SOLO_VERBS)}"


def make_sentence(r: random.Random, n: int) -> str:
    words = [r.choice(FILL) for _ in range(n)]
    words.insert(r.randrange(n), r.choice(PLAYERS))
    words.insert(r.randrange(n), r.choice(CLUBS))
    return " ".join(words).capitalize() + "."


def slugify_fast(text: str) -> str:
    from django.utils.text import slugify

    return slugify(text)[:80].strip("-")


# ------------------------------------------------------------------------ stats
def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    if not s:
        return float("nan")
    k = (len(s) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def summarize(times_ms: list[float], **extra) -> dict:
    return {
        "n": len(times_ms),
        "p50": round(pct(times_ms, 0.5), 2),
        "p95": round(pct(times_ms, 0.95), 2),
        "min": round(min(times_ms), 2),
        "max": round(max(times_ms), 2),
        "mean": round(statistics.fmean(times_ms), 2),
        **extra,
    }


def timed(fn, reps: int, warmup: int = 1, slow_cap_s: float = 30.0) -> list[float]:
    """Run fn `reps` times (after `warmup` untimed runs); bounded: if one run exceeds
    slow_cap_s the measurement stops after 5 runs (flagged by n < reps)."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
        if out[-1] > slow_cap_s * 1000 and len(out) >= 5:
            break
    return out


# =============================================================================== worker
class Worker:
    def __init__(self, variant: str, n: int, reps: int, skip_fill: bool, phases: list[str]):
        self.phases = phases
        self.variant = variant
        self.n = n
        self.reps = reps
        self.skip_fill = skip_fill
        self.res: dict = {"variant": variant, "articles": n, "fill": {}, "m": {}, "plans": {}, "notes": []}

    # ------------------------------------------------------------------ setup
    def setup_django(self):
        os.environ["MC_DB"] = DBS[self.variant]
        os.environ["DJANGO_SETTINGS_MODULE"] = "settings"
        sys.path.insert(0, str(HERE))
        import django

        django.setup()

    def migrate_and_seed(self):
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from mc.models import Author, Section, SectionIndexPage
        from wagtail.models import Page

        call_command("migrate", verbosity=0)
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@example.com", "admin")
        self.user = User.objects.get(username="admin")
        for name, slug in SECTIONS:
            Section.objects.get_or_create(slug=slug, defaults={"name": name})
        r = random.Random(SEED + 1)
        if Author.objects.count() < N_AUTHORS:
            Author.objects.bulk_create(
                [Author(name=f"{r.choice(PLAYERS)} {i}", slug=f"auteur-{i}") for i in range(N_AUTHORS)],
                ignore_conflicts=True,
            )
        self.sections = list(Section.objects.order_by("id"))
        self.authors = list(Author.objects.order_by("id"))
        if self.variant == "page":
            home = Page.objects.get(depth=2)
            for s in self.sections:
                if not SectionIndexPage.objects.filter(section=s).exists():
                    p = SectionIndexPage(title=s.name, slug=s.slug, section=s, owner=self.user)
                    home.add_child(instance=p)
                    p.save_revision(user=self.user).publish(user=self.user)
                    home.refresh_from_db()
            self.section_pages = list(SectionIndexPage.objects.order_by("section_id"))

    # ------------------------------------------------------------------- fill
    def generate_stage(self, cur):
        """COPY the generated raw data into unlogged staging tables (same seed -> the two
        databases get identical articles)."""
        r = random.Random(SEED)
        cur.execute("DROP TABLE IF EXISTS mc_stage, mc_pool_lead, mc_pool_body")
        cur.execute(
            "CREATE UNLOGGED TABLE mc_stage (i int, sec int, headline text, slug text, lead_idx int,"
            " body_idx int, ts timestamptz, a1 int, a2 int, live bool)"
        )
        cur.execute("CREATE UNLOGGED TABLE mc_pool_lead (idx int primary key, lead text)")
        cur.execute("CREATE UNLOGGED TABLE mc_pool_body (idx int primary key, body jsonb)")
        n_leads, n_bodies = 20000, 5000
        with cur.copy("COPY mc_pool_lead FROM STDIN") as cp:
            cp.write("".join(f"{k}\t{make_sentence(r, 22)}\n" for k in range(n_leads)))
        rows = []
        for k in range(n_bodies):
            blocks = []
            for b in range(4):
                blocks.append(
                    {
                        "type": "paragraph",
                        "value": "<p>" + " ".join(make_sentence(r, 18) for _ in range(3)) + "</p>",
                        "id": f"{k:08x}-0000-4000-8000-{b:012x}",
                    }
                )
                if b == 1:
                    blocks.append(
                        {"type": "subheading", "value": make_headline(r), "id": f"{k:08x}-0000-4000-9000-{b:012x}"}
                    )
            rows.append(f"{k}\t{json.dumps(blocks, ensure_ascii=False)}\n")
        with cur.copy("COPY mc_pool_body FROM STDIN") as cp:
            cp.write("".join(rows))
        ids = [a.id for a in self.authors]
        secs = [s.id for s in self.sections]
        chunk = []
        with cur.copy("COPY mc_stage FROM STDIN") as cp:
            for i in range(self.n):
                h = make_headline(r)
                ts = BASE_TS + timedelta(seconds=i * STEP_SECONDS + r.randrange(900))
                a1 = r.choice(ids)
                a2 = r.choice(ids) if r.random() < 0.3 else None
                if a2 == a1:
                    a2 = None
                live = i % 100 != 99  # 1% never-published drafts
                chunk.append(
                    f"{i}\t{secs[i % N_SECTIONS]}\t{h}\t{slugify_fast(h)}-{i}\t{r.randrange(n_leads)}\t"
                    f"{r.randrange(n_bodies)}\t{ts.isoformat()}\t{a1}\t{a2 if a2 else chr(92) + 'N'}\t"
                    f"{'t' if live else 'f'}\n"
                )
                if len(chunk) >= 20000:
                    cp.write("".join(chunk))
                    chunk = []
            if chunk:
                cp.write("".join(chunk))
        cur.execute("ANALYZE mc_stage")

    def drop_secondary_indexes(self, cur, tables):
        """Bulk-load practice: drop the non-constraint indexes of the tables we fill, and
        give back their definitions so they can be rebuilt afterwards."""
        cur.execute(
            """SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
               FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
               WHERE t.relname = ANY(%s)
                 AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""",
            [tables],
        )
        defs = cur.fetchall()
        for name, _ in defs:
            cur.execute(f"DROP INDEX {name}")
        return [d for _, d in defs]

    def fill(self):
        from django.contrib.contenttypes.models import ContentType
        from django.db import connection
        from mc.models import Article, ArticlePage
        from wagtail.models import Locale, Page

        timings = {}
        with connection.cursor() as c:
            cur = c.cursor  # raw psycopg cursor (for COPY)
            for s in (
                "SET synchronous_commit = off",
                "SET maintenance_work_mem = '512MB'",
                "SET work_mem = '64MB'",
                "SET max_parallel_workers_per_gather = 0",
                "SET max_parallel_maintenance_workers = 0",
            ):
                cur.execute(s)
            t0 = time.perf_counter()
            self.generate_stage(cur)
            timings["generate_and_copy_staging_s"] = time.perf_counter() - t0

            user_id = self.user.id
            t_all = time.perf_counter()
            if self.variant == "page":
                ct_ap = ContentType.objects.get_for_model(ArticlePage).id
                ct_page = ContentType.objects.get_for_model(Page).id
                locale_id = Locale.get_default().id
                tables = [
                    "wagtailcore_page",
                    "mc_articlepage",
                    "mc_articlepage_authors",
                    "wagtailcore_revision",
                    "wagtailcore_pagelogentry",
                    "wagtailsearch_indexentry",
                ]
                t0 = time.perf_counter()
                idx_defs = self.drop_secondary_indexes(cur, tables)
                cur.execute("SELECT coalesce(max(id),0) + 1 FROM wagtailcore_page")
                page_base = cur.fetchone()[0]
                cur.execute("SELECT coalesce(max(id),0) + 1 FROM wagtailcore_revision")
                rev_base = cur.fetchone()[0]
                cur.execute("DROP TABLE IF EXISTS mc_secmap")
                cur.execute("CREATE UNLOGGED TABLE mc_secmap (sec int primary key, path text, url_path text)")
                for sp in self.section_pages:
                    cur.execute("INSERT INTO mc_secmap VALUES (%s,%s,%s)", [sp.section_id, sp.path, sp.url_path])
                # treebeard MP path: steplen 4, alphabet 0-9A-Z; child k of a parent gets
                # parent.path + base36(k) left-padded to 4 chars, k = 1..numchild.
                a = "'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'"
                k = f"(s.i / {N_SECTIONS} + 1)"
                b36 = " || ".join(f"substr({a}, (({k} / {36**e}) %% 36) + 1, 1)" for e in (3, 2, 1, 0))
                steps = [
                    (
                        "wagtailcore_page",
                        f"""INSERT INTO wagtailcore_page (id, path, depth, numchild, title, draft_title, slug,
                            content_type_id, live, has_unpublished_changes, url_path, seo_title, show_in_menus,
                            search_description, expired, owner_id, locked, latest_revision_created_at,
                            first_published_at, last_published_at, live_revision_id, latest_revision_id,
                            translation_key, locale_id)
                        SELECT {page_base} + s.i, m.path || {b36}, 4, 0, s.headline, s.headline, s.slug,
                            {ct_ap}, s.live, NOT s.live, m.url_path || s.slug || '/', '', false,
                            '', false, {user_id}, false, s.ts,
                            CASE WHEN s.live THEN s.ts END, CASE WHEN s.live THEN s.ts END,
                            CASE WHEN s.live THEN {rev_base} + s.i END, {rev_base} + s.i,
                            gen_random_uuid(), {locale_id}
                        FROM mc_stage s JOIN mc_secmap m ON m.sec = s.sec ORDER BY s.i""",
                    ),
                    (
                        "mc_articlepage",
                        f"""INSERT INTO mc_articlepage (page_ptr_id, lead, body, published_at, section_id)
                        SELECT {page_base} + s.i, l.lead, b.body, CASE WHEN s.live THEN s.ts END, s.sec
                        FROM mc_stage s JOIN mc_pool_lead l ON l.idx = s.lead_idx
                        JOIN mc_pool_body b ON b.idx = s.body_idx ORDER BY s.i""",
                    ),
                    (
                        "mc_articlepage_authors",
                        f"""INSERT INTO mc_articlepage_authors (articlepage_id, author_id)
                        SELECT {page_base} + s.i, s.a1 FROM mc_stage s
                        UNION ALL SELECT {page_base} + s.i, s.a2 FROM mc_stage s WHERE s.a2 IS NOT NULL""",
                    ),
                    (
                        "wagtailcore_revision",
                        f"""INSERT INTO wagtailcore_revision (id, created_at, content, object_id, user_id,
                            content_type_id, base_content_type_id, object_str)
                        SELECT {rev_base} + s.i, s.ts, jsonb_build_object(
                            'pk', {page_base} + s.i, 'path', m.path || {b36}, 'depth', 4, 'numchild', 0,
                            'title', s.headline, 'draft_title', s.headline, 'slug', s.slug, 'live', s.live,
                            'has_unpublished_changes', NOT s.live, 'url_path', m.url_path || s.slug || '/',
                            'owner', {user_id}, 'content_type', {ct_ap}, 'locale', {locale_id},
                            'seo_title', '', 'search_description', '', 'show_in_menus', false,
                            'lead', l.lead, 'body', b.body::text, 'section', s.sec,
                            'authors', CASE WHEN s.a2 IS NULL THEN jsonb_build_array(s.a1)
                                            ELSE jsonb_build_array(s.a1, s.a2) END,
                            'first_published_at', s.ts, 'comments', '[]'::jsonb),
                            ({page_base} + s.i)::text, {user_id}, {ct_ap}, {ct_page}, s.headline
                        FROM mc_stage s JOIN mc_secmap m ON m.sec = s.sec
                        JOIN mc_pool_lead l ON l.idx = s.lead_idx JOIN mc_pool_body b ON b.idx = s.body_idx
                        ORDER BY s.i""",
                    ),
                    (
                        "wagtailcore_pagelogentry",
                        f"""INSERT INTO wagtailcore_pagelogentry (label, action, data, timestamp,
                            content_changed, deleted, content_type_id, page_id, revision_id, user_id, uuid)
                        SELECT s.headline, CASE WHEN s.live THEN 'wagtail.publish' ELSE 'wagtail.create' END,
                            '{{}}'::jsonb, s.ts, true, false, {ct_ap}, {page_base} + s.i, {rev_base} + s.i,
                            {user_id}, gen_random_uuid()
                        FROM mc_stage s ORDER BY s.i""",
                    ),
                    (
                        # Same vectors modelsearch's PostgresIndex.add_items builds (checked against
                        # an ORM-indexed page in verify_search_vectors()).
                        "wagtailsearch_indexentry",
                        f"""INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title_norm,
                            autocomplete, title, body, title_text, body_text)
                        SELECT {ct_ap}, ({page_base} + s.i)::text, 1.0,
                            setweight(to_tsvector('simple', s.headline), 'D'),
                            setweight(to_tsvector(s.headline), '%(tw)s'),
                            setweight(to_tsvector(l.lead), '%(bw)s'),
                            s.headline, l.lead
                        FROM mc_stage s JOIN mc_pool_lead l ON l.idx = s.lead_idx ORDER BY s.i""",
                    ),
                ]
                tw, bw = self.search_weights()
                timings["drop_indexes_s"] = time.perf_counter() - t0
                # revisions first: the page rows reference them (deferred FKs are checked
                # at each autocommit)
                steps.sort(key=lambda st: st[0] != "wagtailcore_revision")
                for name, sql in steps:
                    t0 = time.perf_counter()
                    if name == "wagtailsearch_indexentry":
                        sql = sql % {"tw": tw, "bw": bw}
                    cur.execute(sql.replace("%%", "%"))
                    timings[f"insert_{name}_s"] = time.perf_counter() - t0
                t0 = time.perf_counter()
                cur.execute(
                    """UPDATE wagtailcore_page p SET numchild = c.n FROM (
                         SELECT m.path, count(*) n FROM mc_stage s JOIN mc_secmap m ON m.sec = s.sec
                         GROUP BY m.path) c WHERE p.path = c.path"""
                )
                # title_norm = avg title length / this title length (as modelsearch's full refresh)
                cur.execute(
                    """UPDATE wagtailsearch_indexentry SET title_norm =
                         (SELECT avg(length(title)) FROM wagtailsearch_indexentry WHERE length(title) > 0)
                         / length(title) WHERE length(title) > 0"""
                )
                timings["numchild_and_title_norm_s"] = time.perf_counter() - t0
            else:
                ct_art = ContentType.objects.get_for_model(Article).id
                tables = ["mc_article", "mc_article_authors", "wagtailcore_revision", "wagtailcore_modellogentry"]
                t0 = time.perf_counter()
                idx_defs = self.drop_secondary_indexes(cur, tables)
                cur.execute("SELECT coalesce(max(id),0) + 1 FROM mc_article")
                art_base = cur.fetchone()[0]
                cur.execute("SELECT coalesce(max(id),0) + 1 FROM wagtailcore_revision")
                rev_base = cur.fetchone()[0]
                timings["drop_indexes_s"] = time.perf_counter() - t0
                steps = [
                    (
                        "mc_article",
                        f"""INSERT INTO mc_article (id, live, has_unpublished_changes, first_published_at,
                            last_published_at, expired, locked, headline, slug, lead, body,
                            latest_revision_id, live_revision_id, section_id)
                        SELECT {art_base} + s.i, s.live, NOT s.live, CASE WHEN s.live THEN s.ts END,
                            CASE WHEN s.live THEN s.ts END, false, false, s.headline, s.slug, l.lead, b.body,
                            {rev_base} + s.i, CASE WHEN s.live THEN {rev_base} + s.i END, s.sec
                        FROM mc_stage s JOIN mc_pool_lead l ON l.idx = s.lead_idx
                        JOIN mc_pool_body b ON b.idx = s.body_idx ORDER BY s.i""",
                    ),
                    (
                        "mc_article_authors",
                        f"""INSERT INTO mc_article_authors (article_id, author_id)
                        SELECT {art_base} + s.i, s.a1 FROM mc_stage s
                        UNION ALL SELECT {art_base} + s.i, s.a2 FROM mc_stage s WHERE s.a2 IS NOT NULL""",
                    ),
                    (
                        "wagtailcore_revision",
                        f"""INSERT INTO wagtailcore_revision (id, created_at, content, object_id, user_id,
                            content_type_id, base_content_type_id, object_str)
                        SELECT {rev_base} + s.i, s.ts, jsonb_build_object(
                            'pk', {art_base} + s.i, 'headline', s.headline, 'slug', s.slug, 'live', s.live,
                            'has_unpublished_changes', NOT s.live, 'lead', l.lead, 'body', b.body::text,
                            'section', s.sec, 'authors', CASE WHEN s.a2 IS NULL THEN jsonb_build_array(s.a1)
                                            ELSE jsonb_build_array(s.a1, s.a2) END,
                            'first_published_at', s.ts, 'locked', false, 'expired', false),
                            ({art_base} + s.i)::text, {user_id}, {ct_art}, {ct_art}, s.headline
                        FROM mc_stage s JOIN mc_pool_lead l ON l.idx = s.lead_idx
                        JOIN mc_pool_body b ON b.idx = s.body_idx ORDER BY s.i""",
                    ),
                    (
                        "wagtailcore_modellogentry",
                        f"""INSERT INTO wagtailcore_modellogentry (label, action, data, timestamp,
                            content_changed, deleted, object_id, content_type_id, user_id, uuid, revision_id)
                        SELECT s.headline, CASE WHEN s.live THEN 'wagtail.publish' ELSE 'wagtail.create' END,
                            '{{}}'::jsonb, s.ts, true, false, ({art_base} + s.i)::text, {ct_art}, {user_id},
                            gen_random_uuid(), {rev_base} + s.i
                        FROM mc_stage s ORDER BY s.i""",
                    ),
                ]
                steps.sort(key=lambda st: st[0] != "wagtailcore_revision")
                for name, sql in steps:
                    t0 = time.perf_counter()
                    cur.execute(sql)
                    timings[f"insert_{name}_s"] = time.perf_counter() - t0

            t0 = time.perf_counter()
            for d in idx_defs:
                cur.execute(d)
            timings["rebuild_indexes_s"] = time.perf_counter() - t0
            for t in tables:
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT max(id) FROM {t}))"
                    if t not in ("mc_articlepage",)
                    else "SELECT 1"
                )
            cur.execute("DROP TABLE IF EXISTS mc_stage, mc_pool_lead, mc_pool_body, mc_secmap")
            timings["fill_total_s"] = time.perf_counter() - t_all
        # VACUUM cannot run in a transaction block; Django's connection is in autocommit.
        t0 = time.perf_counter()
        with connection.cursor() as c:
            c.execute("VACUUM (ANALYZE)")
        timings["vacuum_analyze_s"] = time.perf_counter() - t0
        self.res["fill"] = {k: round(v, 1) for k, v in timings.items()}
        print(f"[{self.variant}] fill: {self.res['fill']}", flush=True)

    def search_weights(self):
        """Ask modelsearch which tsvector weights it uses for Page.title (boost 2) and
        ArticlePage.lead (no boost), so the SQL fill builds identical vectors."""
        from modelsearch.backends.database.postgres.weights import get_weight

        return get_weight(2), get_weight(None)

    def verify_search_vectors(self):
        """Index one real page through Wagtail and compare with the SQL-built vectors."""
        from django.db import connection
        from mc.models import ArticlePage
        from modelsearch import index as ms_index

        p = ArticlePage.objects.order_by("-pk").filter(section=self.sections[3]).first()
        with connection.cursor() as cur:
            cur.execute(
                "SELECT autocomplete::text, title::text, body::text FROM wagtailsearch_indexentry WHERE object_id = %s",
                [str(p.pk)],
            )
            before = cur.fetchone()
            ms_index.insert_or_update_object(p)
            cur.execute(
                "SELECT autocomplete::text, title::text, body::text FROM wagtailsearch_indexentry WHERE object_id = %s",
                [str(p.pk)],
            )
            after = cur.fetchone()
        same = before == after
        self.res["notes"].append(f"SQL-built search vectors identical to Wagtail-built ones: {same}")
        if not same:
            self.res["notes"].append(f"sql={before!r} wagtail={after!r}")

    # ------------------------------------------------------------- measurements
    tag = ""  # appended to every measurement/plan name (" [tuned]" in the tuned pass)

    def m(self, name, times, **extra):
        name += self.tag
        self.res["m"][name] = summarize(times, **extra)
        r = self.res["m"][name]
        print(f"[{self.variant}] {name:60s} p50={r['p50']:9.1f} p95={r['p95']:9.1f} n={r['n']}", flush=True)
        return r

    def explain(self, name, qs_or_sql, params=None):
        from django.db import connection

        if isinstance(qs_or_sql, str):
            with connection.cursor() as cur:
                # captured SQL is already interpolated: no params, so '%' in LIKE stays literal
                cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + qs_or_sql, params if params else None)
                plan = "\n".join(r[0] for r in cur.fetchall())
        else:
            plan = qs_or_sql.explain(analyze=True, buffers=True)
        self.res["plans"][name + self.tag] = plan

    def new_article_kwargs(self, k):
        r = random.Random(SEED + 1000 + k)
        h = make_headline(r) + f" ({self.variant} bench {k})"
        body = [
            {"type": "paragraph", "value": "<p>" + make_sentence(r, 30) + "</p>"},
            {"type": "subheading", "value": make_headline(r)},
            {"type": "paragraph", "value": "<p>" + make_sentence(r, 30) + "</p>"},
        ]
        return h, f"{slugify_fast(h)}-bench-{k}-{int(time.time() * 1000)}", make_sentence(r, 22), body

    def create_one(self, k, section_idx=0):
        """Create + publish one article the way the admin's create view does it."""
        from django.db import transaction
        from mc.models import Article, SectionIndexPage
        from wagtail.log_actions import log

        h, slug, lead, body = self.new_article_kwargs(k)
        section = self.sections[section_idx]
        with transaction.atomic():
            if self.variant == "page":
                parent = SectionIndexPage.objects.get(pk=self.section_pages[section_idx].pk)
                from mc.models import ArticlePage

                obj = ArticlePage(
                    title=h, slug=slug, lead=lead, body=body, section=section, owner=self.user, live=False
                )
                obj.authors = [self.authors[k % len(self.authors)]]
                parent.add_child(instance=obj)
            else:
                obj = Article(headline=h, slug=slug, lead=lead, body=body, section=section, live=False)
                obj.authors = [self.authors[k % len(self.authors)]]
                obj.save()
            log(instance=obj, action="wagtail.create", user=self.user, content_changed=True)
            rev = obj.save_revision(user=self.user, log_action=True)
            rev.publish(user=self.user)
        return obj

    def bench_create(self):
        counter = iter(range(10_000))  # bounded
        t = timed(lambda: self.create_one(next(counter)), self.reps + 10, warmup=2)
        self.m("a. create+publish one article (section with 100k articles)", t)
        if self.variant == "page":
            from mc.models import ArticlePage
            from modelsearch import index as ms_index

            p = ArticlePage.objects.filter(section=self.sections[0]).order_by("-pk").first()
            t = timed(lambda: ms_index.insert_or_update_object(p), self.reps, warmup=1)
            self.m("a. (part of a) search-index update of one page", t)

    def bench_tuned(self, terms):
        """Snippet only, after the stock measurements: apply the two index changes the
        plans above call for, then measure reader, ORM and admin listings again
        (names tagged " [tuned]"). In the model this would be an Index in Meta plus
        overriding DraftStateMixin's first_published_at field with db_index=False.

        1. (section, -first_published_at, -id) INCLUDE (headline, latest_revision_id), not
           partial: the admin listing shows drafts too, so the live-only partial index
           cannot serve it; with headline included, section + headline filter + date
           order is index-only, and latest_revision_id lets the admin's COUNT (which keeps
           a LEFT JOIN to wagtailcore_revision) be index-only as well.
        2. (-first_published_at, -id) INCLUDE (latest_revision_id) replaces the
           single-column first_published_at index: drafts (NULL) sort first in DESC order,
           and the planner preferred walking that index (through ~10,000 drafts) over the
           live-only composite ones.
        """
        from django.db import connection

        t0 = time.perf_counter()
        with connection.cursor() as cur:
            cur.execute("SET max_parallel_maintenance_workers = 0")
            cur.execute(
                "CREATE INDEX IF NOT EXISTS mc_article_section_recent_all ON mc_article "
                "(section_id, first_published_at DESC, id DESC) INCLUDE (headline, latest_revision_id)"
            )
            cur.execute(
                "CREATE INDEX IF NOT EXISTS mc_article_recent_all ON mc_article "
                "(first_published_at DESC, id DESC) INCLUDE (latest_revision_id)"
            )
            cur.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'mc_article' "
                "AND indexdef LIKE '%%btree (first_published_at)'"
            )
            for (name,) in cur.fetchall():
                cur.execute(f"DROP INDEX {name}")
            cur.execute("VACUUM (ANALYZE) mc_article")
        self.res["fill"]["tuning_indexes_s"] = round(time.perf_counter() - t0, 1)
        self.tag = " [tuned]"
        try:
            self.bench_reader()
            self.bench_orm_listing(terms)
            self.bench_admin_listing(terms)
        finally:
            self.tag = ""

    def bench_create_nosearch(self):
        """Page variant only: the same create/publish with Wagtail's search-index signal
        handler disconnected for ArticlePage, to separate tree/revision cost from the
        search-index cost (the explorer search would then go stale)."""
        from django.db.models.signals import post_save
        from mc.models import ArticlePage
        from modelsearch.signal_handlers import post_save_signal_handler

        assert post_save.disconnect(post_save_signal_handler, sender=ArticlePage)
        try:
            counter = iter(range(20_000, 30_000))  # bounded
            t = timed(lambda: self.create_one(next(counter)), self.reps + 10, warmup=2)
            self.m("a3. create+publish without search-index update", t)
            self.bench_concurrent_create(name="a4. 2 concurrent editors without search-index update", base=7000)
        finally:
            post_save.connect(post_save_signal_handler, sender=ArticlePage)

    def bench_concurrent_create(self, name="a2. 2 concurrent editors, same section (per create)", base=5000):
        """Two editors creating articles at once in the same section (2 threads x 10)."""
        from django.db import connection

        errors, lat = [], []
        per_thread = 10

        def run(tid):
            try:
                for j in range(per_thread):
                    t0 = time.perf_counter()
                    try:
                        self.create_one(base + tid * 100 + j)
                        lat.append((time.perf_counter() - t0) * 1000)
                    except Exception as e:
                        errors.append(type(e).__name__ + ": " + str(e)[:120])
            finally:
                connection.close()

        t0 = time.perf_counter()
        threads = [threading.Thread(target=run, args=(tid,)) for tid in range(2)]
        for th in threads:
            th.start()
        for th in threads:
            th.join(timeout=600)
        wall = time.perf_counter() - t0
        self.m(
            name,
            lat or [float("nan")],
            errors=len(errors),
            error_samples=errors[:3],
            throughput_per_s=round(len(lat) / wall, 2),
        )

    def client(self):
        from django.test import Client

        c = Client()
        c.force_login(self.user)
        return c

    def bench_admin_listing(self, terms):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        c = self.client()
        urls = []
        if self.variant == "page":
            sp = self.section_pages[0]
            base = f"/admin/pages/{sp.pk}/"
            urls.append(("b. admin explorer: section, default order (tree order)", base))
            urls.append(
                (
                    "b. admin explorer: section, ordering=-latest_revision_created_at",
                    base + "?ordering=-latest_revision_created_at",
                )
            )
            for label, t in terms.items():
                urls.append((f"b. admin explorer: section + q={t} ({label}), relevance", f"{base}?q={t}"))
                urls.append(
                    (
                        f"b. admin explorer: section + q={t} ({label}), ordering=-latest_revision_created_at",
                        f"{base}?q={t}&ordering=-latest_revision_created_at",
                    )
                )
        else:
            s = self.sections[0]
            base = "/admin/snippets/mc/article/"
            urls.append(("b. admin snippets: all, ordering=-first_published_at", base))
            urls.append(("b. admin snippets: section, ordering=-first_published_at", f"{base}?section={s.pk}"))
            urls.append(
                (
                    "b. admin snippets: section, stock default ordering=-_updated_at",
                    f"{base}?section={s.pk}&ordering=-_updated_at",
                )
            )
            for label, t in terms.items():
                urls.append(
                    (
                        f"b. admin snippets: section + q={t} ({label}), ordering=-first_published_at",
                        f"{base}?section={s.pk}&q={t}",
                    )
                )
                urls.append(
                    (
                        f"b. admin snippets: section + q={t} ({label}), stock ordering=-_updated_at",
                        f"{base}?section={s.pk}&q={t}&ordering=-_updated_at",
                    )
                )

        def get(u):
            resp = c.get(u)
            assert resp.status_code == 200, (u, resp.status_code)
            return resp

        for name, u in urls:
            resp = get(u)
            t = timed(lambda u=u: get(u), self.reps, warmup=0)
            self.m(name, t, url=u, bytes=len(resp.content))
            if self.res["m"][name + self.tag]["p50"] > 300:
                with CaptureQueriesContext(connection) as ctx:
                    get(u)
                q = sorted(ctx.captured_queries, key=lambda q: -float(q["time"]))[:2]
                for n_, qq in enumerate(q):
                    self.res["m"][name + self.tag].setdefault("slowest_sql_s", []).append(qq["time"])
                    try:
                        self.explain(f"{name} [slowest SQL #{n_ + 1}]", qq["sql"])
                    except Exception as e:
                        self.res["plans"][f"{name} [slowest SQL #{n_ + 1}]"] = f"could not explain: {e}\n{qq['sql']}"

    def bench_orm_listing(self, terms):
        from mc.models import Article, ArticlePage

        for label, t in terms.items():
            if self.variant == "page":
                parent = self.section_pages[0]
                qs = (
                    ArticlePage.objects.child_of(parent)
                    .filter(title__icontains=t)
                    .order_by("-first_published_at", "-pk")
                )
            else:
                qs = Article.objects.filter(section=self.sections[0], headline__icontains=t).order_by(
                    "-first_published_at", "-id"
                )
            qs = qs.defer("body")
            name = f"b. ORM listing: section + icontains {t} ({label}): 20 rows + count"
            count = qs.count()

            def run(qs=qs):
                list(qs[:20])
                qs.count()

            self.m(name, timed(run, self.reps), matches_in_section=count)
            self.explain(name + " [rows]", qs[:20])
            csql, cparams = qs.order_by().values("pk").query.sql_with_params()
            self.explain(name + " [count]", f"SELECT count(*) FROM ({csql}) x", cparams)

    def bench_reader(self):
        from django.db import connection
        from mc.models import Article, ArticlePage

        s = self.sections[0]
        self.deep = min(20_000, self.n // N_SECTIONS // 2)  # 20,000 at 1M articles
        queries = {}
        if self.variant == "page":
            sp = self.section_pages[0]
            queries["c. latest 25 live (Page fields: live, first_published_at)"] = (
                ArticlePage.objects.live().order_by("-first_published_at", "-pk").defer("body")[:25]
            )
            queries["c. latest 25 live (denormalised published_at index)"] = (
                ArticlePage.objects.filter(published_at__isnull=False)
                .order_by("-published_at", "-pk")
                .defer("body")[:25]
            )
            queries["c. latest 20 in section (tree: parent.get_children().live())"] = (
                sp.get_children().live().order_by("-first_published_at").specific()[:20]
            )
            queries["c. latest 20 in section (Page fields + section FK)"] = (
                ArticlePage.objects.live().filter(section=s).order_by("-first_published_at", "-pk").defer("body")[:20]
            )
            queries["c. latest 25 live (Page fields + IS NOT NULL guard)"] = (
                ArticlePage.objects.live()
                .filter(first_published_at__isnull=False)
                .order_by("-first_published_at", "-pk")
                .defer("body")[:25]
            )
            queries["c. latest 20 in section (Page fields + section FK + IS NOT NULL guard)"] = (
                ArticlePage.objects.live()
                .filter(section=s, first_published_at__isnull=False)
                .order_by("-first_published_at", "-pk")
                .defer("body")[:20]
            )
            base_dn = ArticlePage.objects.filter(section=s, published_at__isnull=False).defer("body")
            queries["c. latest 20 in section (denormalised published_at index)"] = base_dn.order_by(
                "-published_at", "-pk"
            )[:20]
            anchor = base_dn.order_by("-published_at", "-pk").values_list("published_at", "pk")[self.deep - 1]
            queries["c. deep keyset page in section after item 20,000 (denormalised)"] = base_dn.extra(
                where=["(mc_articlepage.published_at, mc_articlepage.page_ptr_id) < (%s, %s)"], params=list(anchor)
            ).order_by("-published_at", "-pk")[:20]
            base_pf = ArticlePage.objects.live().filter(section=s).defer("body")
            anchor2 = base_pf.order_by("-first_published_at", "-pk").values_list("first_published_at", "pk")[
                self.deep - 1
            ]
            queries["c. deep keyset page in section after item 20,000 (Page fields)"] = base_pf.extra(
                where=["(wagtailcore_page.first_published_at, wagtailcore_page.id) < (%s, %s)"], params=list(anchor2)
            ).order_by("-first_published_at", "-pk")[:20]
        else:
            queries["c. latest 25 live"] = (
                Article.objects.filter(live=True).order_by("-first_published_at", "-id").defer("body")[:25]
            )
            queries["c. latest 20 in section"] = (
                Article.objects.filter(live=True, section=s).order_by("-first_published_at", "-id").defer("body")[:20]
            )
            # Guarded variants: drafts have first_published_at NULL and NULLs sort first in
            # DESC; the planner's favourite (single-column first_published_at index, from
            # DraftStateMixin) then walks all drafts first. An IS NOT NULL guard skips them.
            queries["c. latest 25 live (+ IS NOT NULL guard)"] = (
                Article.objects.filter(live=True, first_published_at__isnull=False)
                .order_by("-first_published_at", "-id")
                .defer("body")[:25]
            )
            queries["c. latest 20 in section (+ IS NOT NULL guard)"] = (
                Article.objects.filter(live=True, section=s, first_published_at__isnull=False)
                .order_by("-first_published_at", "-id")
                .defer("body")[:20]
            )
            base = Article.objects.filter(live=True, section=s).defer("body")
            anchor = base.order_by("-first_published_at", "-id").values_list("first_published_at", "id")[self.deep - 1]
            queries["c. deep keyset page in section after item 20,000"] = base.extra(
                where=["(mc_article.first_published_at, mc_article.id) < (%s, %s)"], params=list(anchor)
            ).order_by("-first_published_at", "-id")[:20]
        for name, qs in queries.items():
            rows = list(qs)
            assert len(rows) >= 20, (name, len(rows))
            extra = {"keyset_after_item": self.deep} if "keyset" in name else {}
            self.m(name, timed(lambda qs=qs: list(qs.all()), self.reps), **extra)
            self.explain(name, qs)
        connection.close()

    def bench_routing(self):
        """Reader hits an article URL: Wagtail's tree routing vs one slug lookup."""
        from mc.models import Article, ArticlePage

        c = self.client()
        c.logout()
        r = random.Random(SEED + 7)
        picks = [r.randrange(self.n) for _ in range(self.reps + 2)]
        if self.variant == "page":
            first = ArticlePage.objects.order_by("pk").values_list("pk", flat=True)[0]
            objs = ArticlePage.objects.filter(pk__in=[first + i for i in picks], live=True)
        else:
            first = Article.objects.order_by("pk").values_list("pk", flat=True)[0]
            objs = Article.objects.filter(pk__in=[first + i for i in picks], live=True).select_related("section")
        urls = [o.get_url() for o in objs]
        assert len(urls) >= self.reps + 1, len(urls)
        it = iter(urls)

        def get():
            u = next(it)
            resp = c.get(u)
            assert resp.status_code == 200, (u, resp.status_code)

        self.m("d. reader GET of an article URL (routing + render)", timed(get, self.reps, warmup=2))

    def sizes(self):
        from django.db import connection

        with connection.cursor() as cur:
            cur.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
            self.res["db_size"] = cur.fetchone()[0]
            cur.execute(
                """SELECT relname, pg_size_pretty(pg_total_relation_size(oid)), reltuples::bigint
                   FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace
                   ORDER BY pg_total_relation_size(oid) DESC LIMIT 8"""
            )
            self.res["tables"] = cur.fetchall()

    def run(self):
        self.setup_django()
        t0 = time.perf_counter()
        self.migrate_and_seed()
        self.res["fill"]["migrate_seed_s"] = round(time.perf_counter() - t0, 1)
        if not self.skip_fill:
            fill_extra = self.res["fill"]
            self.fill()
            self.res["fill"] = {**fill_extra, **self.res["fill"]}
            if self.variant == "page":
                self.verify_search_vectors()
        if self.variant == "page":  # reload: treebeard trusts the in-memory numchild
            from mc.models import SectionIndexPage

            self.section_pages = list(SectionIndexPage.objects.order_by("section_id"))
        from django.db import connection

        connection.close()
        self.sizes()
        terms = {"common": "brugge", "medium": "evenepoel", "rare": "exclusief", "none": "xyzzy"}
        phases = {
            "reader": self.bench_reader,
            "orm": lambda: self.bench_orm_listing(terms),
            "admin": lambda: self.bench_admin_listing(terms),
            "routing": self.bench_routing,
            "create": self.bench_create,
            "concurrent": self.bench_concurrent_create,
            "create_nosearch": self.bench_create_nosearch if self.variant == "page" else lambda: None,
            "tuned": (lambda: self.bench_tuned(terms)) if self.variant == "snippet" else lambda: None,
        }
        for ph in self.phases:
            phases[ph]()
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        f = OUT_DIR / f"{self.variant}.json"
        if set(self.phases) != set(ALL_PHASES) and f.exists():  # partial rerun: merge
            old = json.loads(f.read_text())
            old["m"].update(self.res["m"])
            old["plans"].update(self.res["plans"])
            old["notes"] += [n for n in self.res["notes"] if n not in old["notes"]]
            old["fill"].update({k: v for k, v in self.res["fill"].items() if k.startswith("tuning")})
            self.res = old
        f.write_text(json.dumps(self.res, indent=1, default=str))


ALL_PHASES = ["reader", "orm", "admin", "routing", "create", "concurrent", "create_nosearch", "tuned"]


# ================================================================================ parent
def sh(args, **kw):
    return subprocess.run(args, check=True, **kw)


def recreate_db(name):
    sh(PSQL + ["-d", "postgres", "-c", f"DROP DATABASE IF EXISTS {name}"])
    sh(PSQL + ["-d", "postgres", "-c", f"CREATE DATABASE {name}"])


def drop_db(name):
    sh(PSQL + ["-d", "postgres", "-c", f"DROP DATABASE IF EXISTS {name}"])


def fmt(x):
    return "-" if x is None else (f"{x:,.1f}" if isinstance(x, float) else str(x))


def pair_rows(page, snip):
    """(label, page measurement name, snippet measurement name) for the side-by-side table."""
    t = {"common": "brugge", "medium": "evenepoel", "rare": "exclusief", "none": "xyzzy"}
    rows = [
        (
            "a. create + publish 1 article (admin-equivalent)",
            "a. create+publish one article (section with 100k articles)",
            "a. create+publish one article (section with 100k articles)",
        ),
        (
            "a2. same, 2 editors at once in one section",
            "a2. 2 concurrent editors, same section (per create)",
            "a2. 2 concurrent editors, same section (per create)",
        ),
        (
            "a3. create + publish, A without search-index update (B: as in a.)",
            "a3. create+publish without search-index update",
            "a. create+publish one article (section with 100k articles)",
        ),
        (
            "a4. 2 editors at once, A without search-index update (B: as in a2.)",
            "a4. 2 concurrent editors without search-index update",
            "a2. 2 concurrent editors, same section (per create)",
        ),
        (
            "b. admin listing, section, no search (A: default tree order / B: -first_published_at)",
            "b. admin explorer: section, default order (tree order)",
            "b. admin snippets: section, ordering=-first_published_at",
        ),
        (
            "b. admin listing, section, newest first (A: -latest_revision_created_at)",
            "b. admin explorer: section, ordering=-latest_revision_created_at",
            "b. admin snippets: section, ordering=-first_published_at",
        ),
        (
            "b. admin listing, section, stock snippet default (-_updated_at)",
            None,
            "b. admin snippets: section, stock default ordering=-_updated_at",
        ),
    ]
    for label, term in t.items():
        rows.append(
            (
                f"b. admin listing, section + search '{term}' ({label}), by date",
                f"b. admin explorer: section + q={term} ({label}), ordering=-latest_revision_created_at",
                f"b. admin snippets: section + q={term} ({label}), ordering=-first_published_at",
            )
        )
        rows.append(
            (
                f"b. admin listing, section + search '{term}' ({label}), A: relevance / B: stock -_updated_at",
                f"b. admin explorer: section + q={term} ({label}), relevance",
                f"b. admin snippets: section + q={term} ({label}), stock ordering=-_updated_at",
            )
        )
    for label, term in t.items():
        n = f"b. ORM listing: section + icontains {term} ({label}): 20 rows + count"
        rows.append((f"b. ORM: section + icontains '{term}' ({label}), 20 rows + COUNT", n, n))
    rows += [
        (
            "c. latest 25 live (A: Page fields)",
            "c. latest 25 live (Page fields: live, first_published_at)",
            "c. latest 25 live",
        ),
        (
            "c. latest 25 live (A: denormalised published_at)",
            "c. latest 25 live (denormalised published_at index)",
            "c. latest 25 live",
        ),
        (
            "c. latest 25 live, + first_published_at IS NOT NULL guard (A: Page fields)",
            "c. latest 25 live (Page fields + IS NOT NULL guard)",
            "c. latest 25 live (+ IS NOT NULL guard)",
        ),
        (
            "c. latest 20 in section, + IS NOT NULL guard (A: Page fields + section FK)",
            "c. latest 20 in section (Page fields + section FK + IS NOT NULL guard)",
            "c. latest 20 in section (+ IS NOT NULL guard)",
        ),
        (
            "c. latest 20 in section (A: parent.get_children().live())",
            "c. latest 20 in section (tree: parent.get_children().live())",
            "c. latest 20 in section",
        ),
        (
            "c. latest 20 in section (A: Page fields + section FK)",
            "c. latest 20 in section (Page fields + section FK)",
            "c. latest 20 in section",
        ),
        (
            "c. latest 20 in section (A: denormalised published_at)",
            "c. latest 20 in section (denormalised published_at index)",
            "c. latest 20 in section",
        ),
        (
            "c. keyset page after item 20,000 of section (A: Page fields)",
            "c. deep keyset page in section after item 20,000 (Page fields)",
            "c. deep keyset page in section after item 20,000",
        ),
        (
            "c. keyset page after item 20,000 of section (A: denormalised)",
            "c. deep keyset page in section after item 20,000 (denormalised)",
            "c. deep keyset page in section after item 20,000",
        ),
        (
            "d. reader GET of an article URL (routing + render)",
            "d. reader GET of an article URL (routing + render)",
            "d. reader GET of an article URL (routing + render)",
        ),
        (
            "(A only) search-index update of one page (inside a.)",
            "a. (part of a) search-index update of one page",
            None,
        ),
    ]
    return rows


def cell(res, name):
    if res is None or name is None or name not in res["m"]:
        return "-", "-"
    r = res["m"][name]
    return fmt(r["p50"]), fmt(r["p95"])


def build_generated(page, snip, args) -> str:
    out = []
    out.append(
        f"Generated by `run.py` on {datetime.now().strftime('%Y-%m-%d %H:%M')} "
        f"({args.articles:,} articles per variant, {args.reps} timed repetitions per measurement "
        "unless n says otherwise). Times in ms.\n"
    )
    out.append("### Results (p50 / p95, ms)\n")
    out.append("| measurement | A: Page p50 | A: Page p95 | B: snippet p50 | B: snippet p95 |")
    out.append("|---|---:|---:|---:|---:|")
    for label, pn, sn in pair_rows(page, snip):
        a50, a95 = cell(page, pn)
        b50, b95 = cell(snip, sn)
        out.append(f"| {label} | {a50} | {a95} | {b50} | {b95} |")
    out.append("")
    if snip and any(k.endswith(" [tuned]") for k in snip["m"]):
        out.append("### Snippet, stock indexes vs tuned indexes (p50 / p95, ms)\n")
        out.append(
            "Tuned = `bench_tuned()`: non-partial `(section, -first_published_at, -id) INCLUDE (headline, "
            "latest_revision_id)` and `(-first_published_at, -id) INCLUDE (latest_revision_id)` instead of "
            "DraftStateMixin's single-column `first_published_at` index.\n"
        )
        out.append("| measurement | stock p50 | stock p95 | tuned p50 | tuned p95 |\n|---|---:|---:|---:|---:|")
        for k, r in snip["m"].items():
            if k.endswith(" [tuned]"):
                a50, a95 = cell(snip, k[: -len(" [tuned]")])
                out.append(f"| {k[: -len(' [tuned]')]} | {a50} | {a95} | {fmt(r['p50'])} | {fmt(r['p95'])} |")
        out.append("")
    for res in (page, snip):
        if not res:
            continue
        out.append(f"### Fill and size, variant {res['variant']}\n")
        out.append("| step | seconds |\n|---|---:|")
        for k, v in res["fill"].items():
            out.append(f"| {k} | {v} |")
        out.append(f"\nDatabase size after fill + benchmark: **{res.get('db_size')}**. Largest tables:\n")
        out.append("| table | total size | rows (est.) |\n|---|---:|---:|")
        for t, s, n in res.get("tables", []):
            out.append(f"| {t} | {s} | {n:,} |")
        for n in res.get("notes", []):
            out.append(f"\nNote: {n}")
        extra = []
        for name, r in res["m"].items():
            bits = {k: v for k, v in r.items() if k not in ("p50", "p95", "min", "max", "mean", "n", "url")}
            if bits or r["n"] < args.reps:
                extra.append(f"- {name}: n={r['n']}, {json.dumps(bits, ensure_ascii=False)}")
        if extra:
            out.append("\nDetails:\n")
            out += extra
        out.append("")
    out.append("### All measurements (raw)\n")
    for res in (page, snip):
        if not res:
            continue
        out.append(f"| variant {res['variant']} | n | p50 | p95 | min | max |\n|---|---:|---:|---:|---:|---:|")
        for name, r in res["m"].items():
            out.append(f"| {name} | {r['n']} | {fmt(r['p50'])} | {fmt(r['p95'])} | {fmt(r['min'])} | {fmt(r['max'])} |")
        out.append("")
    out.append("### EXPLAIN (ANALYZE, BUFFERS) plans\n")
    out.append(
        "Reader and ORM-listing queries always; admin views only for requests with p50 > 300 ms "
        "(their two slowest SQL statements).\n"
    )
    for res in (page, snip):
        if not res:
            continue
        for name, plan in res["plans"].items():
            out.append(f"<details><summary>{res['variant']}: {name}</summary>\n\n```\n{plan}\n```\n</details>\n")
    return "\n".join(out)


BEGIN, END = "<!-- BEGIN GENERATED -->", "<!-- END GENERATED -->"


def write_results(page, snip, args):
    gen = build_generated(page, snip, args)
    path = HERE / "RESULTS.md"
    if path.exists() and BEGIN in path.read_text():
        text = path.read_text()
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1] if END in rest else ""
        path.write_text(f"{head}{BEGIN}\n{gen}\n{END}{tail}")
    else:
        path.write_text(
            f"# Article model: Page vs snippet, measured\n\n(recommendation to be written)\n\n{BEGIN}\n{gen}\n{END}\n"
        )
    # console table
    print(f"\n{'measurement':95s} {'A p50':>9s} {'A p95':>9s} {'B p50':>9s} {'B p95':>9s}")
    for label, pn, sn in pair_rows(page, snip):
        a50, a95 = cell(page, pn)
        b50, b95 = cell(snip, sn)
        print(f"{label[:95]:95s} {a50:>9s} {a95:>9s} {b50:>9s} {b95:>9s}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--variants", default="page,snippet")
    ap.add_argument("--keep-db", action="store_true", help="do not drop the databases at the end")
    ap.add_argument("--skip-fill", action="store_true", help="reuse already-filled databases")
    ap.add_argument("--report-only", action="store_true", help="rewrite RESULTS.md from the JSON in MC_OUT")
    ap.add_argument("--phases", default=",".join(ALL_PHASES), help="subset of " + ",".join(ALL_PHASES))
    ap.add_argument("--worker", choices=list(DBS))
    args = ap.parse_args()
    if args.articles > 1_600_000:
        sys.exit("at most 1.6M articles: 10 sections x 36^4 path steps would still fit, but keep it bounded")

    if args.worker:
        Worker(args.worker, args.articles, args.reps, args.skip_fill, args.phases.split(",")).run()
        return

    variants = [v for v in args.variants.split(",") if v]
    if not args.report_only:
        for v in variants:
            if not args.skip_fill:
                recreate_db(DBS[v])
            cmd = [
                sys.executable,
                str(HERE / "run.py"),
                "--worker",
                v,
                "--articles",
                str(args.articles),
                "--reps",
                str(args.reps),
                "--phases",
                args.phases,
            ] + (["--skip-fill"] if args.skip_fill else [])
            t0 = time.perf_counter()
            try:
                sh(cmd, cwd=HERE)
            finally:
                print(f"[{v}] worker finished in {time.perf_counter() - t0:.0f}s", flush=True)
                if not args.keep_db:
                    drop_db(DBS[v])
    res = {}
    for v in DBS:
        f = OUT_DIR / f"{v}.json"
        res[v] = json.loads(f.read_text()) if f.exists() else None
    write_results(res["page"], res["snippet"], args)


if __name__ == "__main__":
    main()
