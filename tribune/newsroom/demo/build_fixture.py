# ruff: noqa: E501 -- prose reads better unbroken
"""Write the demo newsroom fixture: ``python -m tribune.newsroom.demo.build_fixture``.

Deterministic (``random.Random(2026)``), standard library only. The output,
``demo_newsroom.json`` beside this file, is what ``tribune.newsroom.demo_loader``
reads. The script checks its own output and stops with an error when a rule is
broken, so a bad fixture never gets written.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from tribune.newsroom.demo.catalogue import AUTHORS, REAL_TAGS, SECTION_MOTIF, SECTIONS, all_clubs, all_people, slugify
from tribune.newsroom.demo.extras import generic_quote, lengthen_lead, padding_sentences
from tribune.newsroom.demo.stories import Ctx, Draft, Generator, Skip
from tribune.newsroom.demo.stories_other import (
    ATLETIEK,
    BASKETBAL,
    DARTS,
    FORMULE1,
    HOCKEY,
    MEDIA,
    TENNIS,
    WIELRENNEN,
    cycling_news,
    f1_news,
    tennis_news,
)
from tribune.newsroom.demo.stories_voetbal import RODE_DUIVELS, VOETBAL, preview

OUTPUT = Path(__file__).resolve().parent / "demo_newsroom.json"
SEED = 2026
CREDIT = "Tribune / illustratie"
SPECIAL_KEY = "defour-marathon-londen"
DAY = 24 * 60

# Published articles per section (the hand-written marathon article comes on top).
SECTION_COUNTS = {
    "voetbal": 88,
    "rode-duivels": 20,
    "wielrennen": 42,
    "tennis": 28,
    "darts": 24,
    "basketbal": 24,
    "hockey": 20,
    "atletiek": 26,
    "formule-1": 26,
    "media": 22,
}
# Scheduled articles look ahead, so they come from generators that are not tied to a past event.
SCHEDULED: list[tuple[str, Generator]] = [
    ("voetbal", preview),
    ("wielrennen", cycling_news),
    ("tennis", tennis_news),
    ("formule-1", f1_news),
]
GENERATORS = {
    "voetbal": VOETBAL,
    "rode-duivels": RODE_DUIVELS,
    "wielrennen": WIELRENNEN,
    "tennis": TENNIS,
    "darts": DARTS,
    "basketbal": BASKETBAL,
    "hockey": HOCKEY,
    "atletiek": ATLETIEK,
    "formule-1": FORMULE1,
    "media": MEDIA,
}

IMAGE_CAPTIONS = {
    "voetbal": [
        ("Bal op de middenstip", "Een bal op het gemaaide gras, met de lijnen van het veld in vogelperspectief."),
        ("Avondwedstrijd", "Een bal in het licht van de schijnwerpers, voor een volle tribune."),
        ("Het strafschopgebied", "De lijnen van het strafschopgebied en een bal die richting doel rolt."),
        ("Zicht vanaf de hoofdtribune", "Het veld zoals de televisiecamera het ziet, met de tribune aan de overkant."),
        ("Curve naar de tweede paal", "Een bal die met effect over het veld zwiert."),
        ("Lijnen en gras", "Strepen in het gras en de witte lijnen van het speelveld."),
        ("Klaar voor de aftrap", "De middencirkel en een bal die klaarligt voor de aftrap."),
    ],
    "rode-duivels": [
        ("Rood gras", "Het speelveld in de kleuren van de nationale ploeg."),
        ("Interlandavond", "Een bal onder de lichten van het nationale stadion."),
        ("Op weg naar het doel", "Een bal die in een boog naar het doel vliegt."),
        ("De middencirkel", "Het middenveld in vogelperspectief, in het rood van de Rode Duivels."),
        ("Volle tribunes", "Een stadion vol supporters in het rood."),
    ],
    "wielrennen": [
        ("Het peloton op de helling", "Renners die in een lange rij een helling op klimmen."),
        ("Koers in het heuvelland", "Glooiende heuvels, populieren en een peloton in tegenlicht."),
        ("Kopgroep", "Een kleine groep renners op een klimmende weg."),
        ("Voorjaarszon", "Het peloton onder een lage voorjaarszon."),
        ("Kasseien", "Een kasseiweg die naar boven kronkelt, met renners in silhouet."),
        ("Wiel en spaken", "Een groot wiel als decor voor de koers."),
    ],
    "tennis": [
        ("Het centrale terrein", "Een tennisbal boven het net van een hardcourtbaan."),
        ("Gravel", "Een gravelbaan met een bal die over het net vliegt."),
        ("Racket en bal", "Een racket op de voorgrond en een bal in de lucht."),
        ("Vanaf de baseline", "Het terrein gezien vanachter de baseline."),
        ("Vogelperspectief", "Een tennisbaan van bovenaf, met het net in het midden."),
    ],
    "darts": [
        ("Het dartbord", "Een dartbord met drie pijlen in de roos en de triple 20."),
        ("Pijl in de vlucht", "Een pijl op weg naar het bord, met een tweede pijl al in het doel."),
        ("Onder de spots", "Een dartbord in het licht van het podium."),
        ("Triple twintig", "Close-up van het bord met pijlen in de bovenste segmenten."),
    ],
    "basketbal": [
        ("De ring", "Een basketbal op weg naar de ring, boven een houten vloer."),
        ("Sporthal", "De sporthal met de bank, de ring en een volle tribune."),
        ("Driepunter", "Een bal in een boog richting korf."),
        ("Het parket", "De lijnen van het basketbalveld op een houten vloer."),
    ],
    "hockey": [
        ("Stick en bal", "Een hockeystick en bal op kunstgras, met de cirkel op de achtergrond."),
        ("De cirkel", "Het doel en de cirkel van een hockeyveld."),
        ("Kunstgras", "Een hockeyveld op kunstgras met een stick op de voorgrond."),
        ("Strafcorner", "Een bal op de rand van de cirkel, klaar voor de strafcorner."),
    ],
    "atletiek": [
        ("De piste", "Lopers op de atletiekpiste, met hordes in de banen."),
        ("Horden", "Atleten over de hordes, met de tribune op de achtergrond."),
        ("Eindsprint", "Een sprint in de bocht van de piste."),
        ("Baan vier", "Lijnen en startmarkeringen van een atletiekpiste."),
    ],
    "formule-1": [
        ("De chicane", "Een raceauto door een bocht met rood-witte kerbs."),
        ("Geblokte vlag", "Een bocht van het circuit en de geblokte vlag."),
        ("Ideale lijn", "Een Formule 1-wagen op de ideale lijn, van bovenaf gezien."),
        ("Start-finish", "Het circuit met de startlijn en een racewagen in volle vaart."),
        ("Kerbs", "Rode en witte kerbs langs een snelle bocht."),
    ],
    "media": [
        ("De studio", "Een microfoon en een camera in een tv-studio."),
        ("On air", "Het rode lampje van een uitzending die begint."),
        ("Radio", "Een klassieke microfoon met geluidsgolven op de achtergrond."),
        ("Achter de schermen", "Spots, een camera op statief en een studiomicrofoon."),
    ],
}
MARATHON_IMAGES = [
    ("Finish van de marathon", "Lopers op weg naar de finishboog, met de skyline van de stad op de achtergrond."),
    ("Stadsloop", "Lopers in een lange straat met supporters achter de dranghekken."),
    ("De laatste meters", "Marathonlopers onder de finishboog."),
    ("Langs de dranghekken", "Supporters moedigen de lopers aan op het parcours door de stad."),
]

ALLOWED_HTML = re.compile(r'</?(?:p|b|i)>|<a href="https://[^"<>]+">|</a>')


# --------------------------------------------------------------------------
# Colour contrast (WCAG 2.x)
# --------------------------------------------------------------------------


def relative_luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [ch / 12.92 if ch <= 0.04045 else ((ch + 0.055) / 1.055) ** 2.4 for ch in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str) -> float:
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def words(html: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html).split())


def unique_slug(text: str, taken: set[str]) -> str:
    base = slugify(text, 80)
    slug, n = base, 2
    while slug in taken:
        suffix = f"-{n}"
        slug = base[: 80 - len(suffix)].rstrip("-") + suffix
        n += 1
    taken.add(slug)
    return slug


def build_images(rng: random.Random) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    images: list[dict[str, Any]] = []
    by_section: dict[str, list[str]] = {}
    colours = {s["slug"]: s["colour"] for s in SECTIONS}
    seed = 1
    for section, captions in IMAGE_CAPTIONS.items():
        for i, (title, caption) in enumerate(captions, 1):
            key = f"{section}-{i:02d}"
            images.append(
                {
                    "key": key,
                    "title": title,
                    "credit": CREDIT,
                    "caption": caption,
                    "motif": SECTION_MOTIF[section],
                    "colour": colours[section],
                    "seed": seed,
                    "focal_point": None,
                }
            )
            by_section.setdefault(section, []).append(key)
            seed += 1
    for i, (title, caption) in enumerate(MARATHON_IMAGES, 1):
        key = f"marathon-{i:02d}"
        images.append(
            {
                "key": key,
                "title": title,
                "credit": CREDIT,
                "caption": caption,
                "motif": "marathon",
                "colour": colours["atletiek"] if i > 1 else colours["voetbal"],
                "seed": seed,
                "focal_point": None,
            }
        )
        by_section.setdefault("marathon", []).append(key)
        seed += 1
    rng.shuffle(by_section["voetbal"])
    return images, by_section


def draw_drafts(rng: random.Random) -> tuple[list[Draft], list[Draft]]:
    """Generate published and scheduled drafts, with unique headlines."""
    ctx = Ctx(rng)
    seen: set[str] = set()

    def make(section: str, gens: list[tuple[int, Generator]], count: int) -> list[Draft]:
        out: list[Draft] = []
        attempts = 0
        while len(out) < count:
            attempts += 1
            if attempts > count * 80:
                raise SystemExit(f"could not make {count} unique {section} articles")
            gen = rng.choices([g for _, g in gens], weights=[w for w, _ in gens])[0]
            try:
                draft = gen(ctx)
            except Skip:
                continue
            if draft.headline.lower() in seen or len(draft.headline) > 120:
                continue
            draft.lead = lengthen_lead(ctx, draft)
            if not 140 <= len(draft.lead) <= 320 or len(re.findall(r"[.!?](?:\s|$)", draft.lead)) > 3:
                continue
            seen.add(draft.headline.lower())
            out.append(draft)
        return out

    published: list[Draft] = []
    for section, count in SECTION_COUNTS.items():
        published += make(section, GENERATORS[section], count)
    scheduled: list[Draft] = []
    for section, gen in SCHEDULED:
        draft = make(section, [(1, gen)], 1)[0]
        draft.extra.pop("offset", None)
        scheduled.append(draft)
    return published, scheduled


def publication_offsets(rng: random.Random, n: int) -> list[int]:
    """n distinct offsets in minutes over the last 60 days, denser recently."""
    out: set[int] = set()
    while len(out) < n:
        u = rng.random()
        minutes = 7 + int((60 * DAY - 7) * u**2.1)
        if minutes != 90:
            out.add(minutes)
    return sorted(out)


def pad(rng: random.Random, ctx: Ctx, draft: Draft, target: int, max_paragraphs: int) -> None:
    """Add background sentences until the body reaches ``target`` words, never repeating one."""
    used = {sent.strip() for _, ps in draft.chunks for p in ps for sent in re.split(r"(?<=[.!?])\s+", p)}

    def body_words() -> int:
        return sum(words(p) for _, ps in draft.chunks for p in ps)

    tries = 0
    while body_words() < target and tries < 14:
        tries += 1
        new = padding_sentences(ctx, draft, used, rng.choice([3, 3, 4]))
        if not new:
            break
        used.update(new)
        text = " ".join(new)
        paragraphs = sum(len(ps) for _, ps in draft.chunks)
        if paragraphs < max_paragraphs:
            # a new paragraph at the end of a chunk, preferring the middle of the article
            idx = min(len(draft.chunks) - 1, rng.choice([1, 1, 2, 0]))
            draft.chunks[idx][1].append(text)
        else:
            best = min(
                ((ci, pi) for ci, (_, ps) in enumerate(draft.chunks) for pi in range(len(ps))),
                key=lambda t: words(draft.chunks[t[0]][1][t[1]]),
            )
            draft.chunks[best[0]][1][best[1]] += " " + text


def merge_short(draft: Draft, budget: int) -> None:
    """Merge adjacent paragraphs until the paragraph count fits the block budget."""
    while sum(len(ps) for _, ps in draft.chunks) > budget:
        best = None
        for ci, (_, ps) in enumerate(draft.chunks):
            for pi in range(len(ps) - 1):
                size = words(ps[pi]) + words(ps[pi + 1])
                if best is None or size < best[0]:
                    best = (size, ci, pi)
        if best is None:
            # one paragraph per chunk: fold the last chunk into the previous one
            _sub, ps = draft.chunks.pop()
            draft.chunks[-1][1].extend(ps)
            continue
        _, ci, pi = best
        ps = draft.chunks[ci][1]
        ps[pi : pi + 2] = [ps[pi] + " " + ps[pi + 1]]


GENERIC_LINKS = {
    "voetbal": (
        "https://stats.example.org/jupiler-pro-league",
        "Cijfers en klassement van de Pro League",
        "Alle uitslagen, standen en spelersstatistieken van dit seizoen.",
    ),
    "rode-duivels": (
        "https://stats.example.org/rode-duivels/interlands",
        "Alle interlands van de Rode Duivels",
        "Uitslagen, doelpuntenmakers en opstellingen van de nationale ploeg.",
    ),
    "wielrennen": (
        "https://www.example.org/koers/uitslagen",
        "Volledige uitslag en klassementen",
        "De uitslag van elke renner, met tijdsverschillen en tussensprints.",
    ),
    "tennis": (
        "https://www.example.org/tennis/wereldranglijst",
        "De volledige wereldranglijst",
        "Ranking en punten van alle spelers op het circuit.",
    ),
    "darts": (
        "https://www.example.org/darts/premier-league/stand",
        "Stand en gemiddelden in de Premier League",
        "Punten, gemiddelden en checkouts per speler.",
    ),
    "basketbal": (
        "https://www.example.org/basketbal/bnxt/klassement",
        "Klassement van de BNXT League",
        "Stand, resultaten en statistieken van alle ploegen.",
    ),
    "hockey": (
        "https://www.example.org/hockey/belgian-hockey-league",
        "Uitslagen in de Belgian Hockey League",
        "Resultaten, stand en topschutters bij de mannen en de vrouwen.",
    ),
    "atletiek": (
        "https://www.example.org/atletiek/seizoensbesten",
        "Seizoensbesten van de Belgische atleten",
        "De beste prestaties van dit seizoen, per discipline.",
    ),
    "formule-1": (
        "https://www.example.org/f1/kampioenschap",
        "Stand in het wereldkampioenschap",
        "Punten van coureurs en teams na elke Grote Prijs.",
    ),
    "media": (
        "https://www.example.org/media/kijkcijfers",
        "Kijkcijfers van de week",
        "De best bekeken sportprogramma's op televisie en online.",
    ),
}


def assemble(
    rng: random.Random,
    ctx: Ctx,
    draft: Draft,
    spec: dict[str, Any],
    older: list[dict[str, Any]],
    images: dict[str, list[str]],
) -> list[dict[str, Any]]:
    """Turn a draft into StreamField blocks."""
    want_question = draft.question is not None and rng.random() < 0.6
    want_read_also = bool(older) and rng.random() < 0.68
    if (draft.quote is None and draft.section != "voetbal" and rng.random() < 0.14) or (
        draft.quote is None and rng.random() < 0.05
    ):
        draft.quote = generic_quote(ctx, draft)
    want_quote = draft.quote is not None and rng.random() < 0.95
    link = draft.link
    if link is None and rng.random() < 0.1:
        url, title, description = GENERIC_LINKS[draft.section]
        link = {"url": url, "title": title, "description": description}
    want_image = rng.random() < 0.15 and len(images.get(draft.section, [])) > 1
    subheadings = sum(1 for sub, _ in draft.chunks if sub)
    optional = sum([want_question, want_read_also, want_quote, link is not None, want_image])
    budget = 10 - subheadings - optional
    while budget < 3:  # keep room for at least three paragraphs
        if want_image:
            want_image, budget = False, budget + 1
        elif link is not None:
            link, budget = None, budget + 1
        else:
            want_quote, budget = False, budget + 1
    merge_short(draft, budget)
    pad(rng, ctx, draft, rng.randint(262, 320), budget)
    blocks: list[dict[str, Any]] = []
    paragraph_no = 0
    for sub, paragraphs in draft.chunks:
        if sub:
            blocks.append({"type": "subheading", "value": sub})
        for text in paragraphs:
            blocks.append({"type": "paragraph", "value": f"<p>{text}</p>"})
            paragraph_no += 1
            if paragraph_no == 1 and want_read_also:
                target = pick_read_also(rng, draft, spec, older)
                blocks.append({"type": "read_also", "value": target})
                want_read_also = False
            if paragraph_no == 2 and want_quote and draft.quote:
                blocks.append({"type": "quote", "value": {"text": draft.quote[0], "attribution": draft.quote[1]}})
                want_quote = False
            if paragraph_no == 3 and want_image:
                choices = [k for k in images[draft.section] if k != spec["image"]]
                key = rng.choice(choices)
                caption = next(img for img in ALL_IMAGES if img["key"] == key)["caption"]
                blocks.append({"type": "image", "value": {"image": key, "caption": caption}})
                want_image = False
    if want_quote and draft.quote:
        blocks.insert(-1, {"type": "quote", "value": {"text": draft.quote[0], "attribution": draft.quote[1]}})
    if link:
        blocks.append({"type": "external_link", "value": dict(link)})
    if want_question and draft.question:
        blocks.append({"type": "reader_question", "value": {"question": draft.question}})
    return blocks


def pick_read_also(rng: random.Random, draft: Draft, spec: dict[str, Any], older: list[dict[str, Any]]) -> str:
    same_topic = [a for a in older if a["_topic"] == draft.topic and a["key"] != spec["key"]]
    same_section = [a for a in older if a["section"] == spec["section"] and a["key"] != spec["key"]]
    shared_tags = [a for a in same_section if set(a["tags"]) & set(spec["tags"])]
    for pool in (shared_tags, same_topic, same_section, older):
        if pool:
            # prefer something recent: the newest few of the pool
            recent = sorted(pool, key=lambda a: a["published_offset_minutes"])[:6]
            return rng.choice(recent)["key"]
    raise AssertionError("no older article")


ALL_IMAGES: list[dict[str, Any]] = []


# --------------------------------------------------------------------------
# The hand-written article
# --------------------------------------------------------------------------


def special_article(football_target: str) -> dict[str, Any]:
    headline = "Steven Defour loopt marathon van Londen in 3 uur en 26 minuten voor het goede doel"
    return {
        "key": SPECIAL_KEY,
        "section": "voetbal",
        "headline": headline,
        "slug": slugify(headline, 80),
        "lead": "Steven Defour (37) heeft de marathon van Londen uitgelopen in 3 uur en 26 minuten. De gewezen Rode "
        "Duivel liep met een crowdfunding meer dan 4.500 euro bijeen voor het Ronald McDonald Kinderfonds in Brussel.",
        "authors": ["lotte-vanhaverbeke"],
        "tags": ["steven-defour", "kv-mechelen", "marathon-van-londen"],
        "image": "marathon-01",
        "featured": True,
        "published_offset_minutes": 90,
        "updated_offset_minutes": None,
        "body": [
            {
                "type": "paragraph",
                "value": "<p>Voor Steven Defour was het geen gewone zondag. De 37-jarige gewezen middenvelder, die "
                "jarenlang het shirt van de Rode Duivels droeg, stond aan de start van de marathon van Londen, een van "
                "de grootste stratenlopen ter wereld. Na <b>3 uur en 26 minuten</b> kwam hij over de finish. Dat is "
                "een knappe tijd voor iemand die zijn carrière als profvoetballer al een tijd achter zich heeft "
                "gelaten.</p>",
            },
            {"type": "subheading", "value": "Lopen voor het Ronald McDonald Kinderfonds"},
            {
                "type": "paragraph",
                "value": "<p>Defour liep niet alleen voor zichzelf. Hij koppelde zijn deelname aan een crowdfunding "
                "ten voordele van het Ronald McDonald Kinderfonds in Brussel, dat gezinnen met een ernstig ziek kind "
                "ondersteunt. De actie bracht <b>meer dan 4.500 euro</b> op. Zo kreeg een persoonlijke uitdaging ook "
                "een betekenis voor anderen.</p>",
            },
            {"type": "read_also", "value": football_target},
            {"type": "subheading", "value": "Van de trainersbank naar de analistenstoel"},
            {
                "type": "paragraph",
                "value": "<p>Achter Defour ligt een bewogen periode. Zijn avontuur als hoofdtrainer van KV Mechelen "
                "begon met een bekerfinale, die de club verloor tegen Antwerp. Het seizoen daarop werd hij ontslagen. "
                "Sindsdien bekijkt hij het voetbal van op een andere plek: hij is aan de slag als analist. Ook privé "
                "was het een belangrijk jaar, want hij trouwde onlangs met Isabel Stams.</p>",
            },
            {
                "type": "paragraph",
                "value": "<p>Een marathon vraagt een heel ander soort uithouding dan een voetbalwedstrijd. Er zijn geen "
                "sprintjes en geen rustmomenten, wel ruim 42 kilometer aan een zo constant mogelijk tempo. Wie de "
                "afstand in 3 uur en 26 minuten aflegt, loopt gemiddeld ongeveer 4 minuten en 53 seconden per "
                "kilometer. Voor een recreatieve loper is dat een tijd om trots op te zijn.</p>",
            },
            {
                "type": "external_link",
                "value": {
                    "url": "https://www.strava.com/activities/14302771013",
                    "title": "Bekijk de marathon van Steven Defour op Strava",
                    "description": "Het parcours, de tussentijden en het tempo van zijn marathon door Londen.",
                },
            },
            {
                "type": "paragraph",
                "value": "<p>Of Defour ooit opnieuw als trainer aan de slag gaat, is een open vraag. Voorlopig volgt "
                "hij het voetbal als analist, en bewees hij in Londen dat hij ook buiten het veld een doel tot het "
                "einde kan najagen.</p>",
            },
            {"type": "reader_question", "value": {"question": "Ziet u hem nog terug als trainer aan de slag gaan?"}},
        ],
        "_topic": "special",
    }


# --------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------


def build() -> dict[str, Any]:
    rng = random.Random(SEED)
    ctx = Ctx(rng)
    sections = []
    for order, section in enumerate(SECTIONS, 1):
        sections.append({**section, "sort_order": order})
    authors = [{k: v for k, v in a.items() if k != "beats"} for a in AUTHORS]
    images, by_section = build_images(rng)
    ALL_IMAGES[:] = images

    published, scheduled = draw_drafts(rng)

    # Reports on dated events (a classic, a Grand Prix, a match night) keep their place in the calendar;
    # the rest is spread over the last 60 days, more interesting stories a little more often among the recent.
    taken: set[int] = {90}
    assigned: list[tuple[Draft, int]] = []
    for draft in published:
        if "offset" in draft.extra:
            minutes = max(7, int(draft.extra["offset"]))  # type: ignore[call-overload]
            while minutes in taken:
                minutes += 1
            taken.add(minutes)
            assigned.append((draft, minutes))
    free = [d for d in published if "offset" not in d.extra]
    offsets = [m for m in publication_offsets(rng, len(free) + len(taken)) if m not in taken][: len(free)]
    order = sorted(free, key=lambda d: -(d.interest * 0.7 + rng.random() * 2.5))
    assigned += list(zip(order, offsets, strict=True))
    schedule_offsets = [-rng.randint(5, 25), -rng.randint(35, 70), -rng.randint(80, 130), -rng.randint(140, 180)]
    assigned += list(zip(scheduled, schedule_offsets, strict=True))
    assert len({m for _, m in assigned}) == len(assigned), "publication offsets collide"

    people = {p.slug: p for p in all_people()}
    clubs = dict(all_clubs())
    author_beats = {a["slug"]: a["beats"] for a in AUTHORS}
    used_tags: dict[str, dict[str, str]] = {}
    taken_slugs: set[str] = set()
    articles: list[dict[str, Any]] = []
    counters: Counter[str] = Counter()

    # Oldest first, so "Lees ook" can point to anything already written.
    assigned.sort(key=lambda t: -t[1])
    special_slot_done = False
    for draft, offset in assigned:
        if not special_slot_done and offset < 90:
            football = [a for a in articles if a["section"] == "voetbal" and a["_topic"].startswith("club:")]
            special = special_article(sorted(football, key=lambda a: a["published_offset_minutes"])[0]["key"])
            taken_slugs.add(special["slug"])
            articles.append(special)
            special_slot_done = True
        counters[draft.section] += 1
        key = f"{draft.section}-{counters[draft.section]:03d}"
        tags = list(dict.fromkeys(draft.tags))[:4]
        for slug in tags:
            if slug in people:
                used_tags[slug] = {"slug": slug, "name": people[slug].name, "kind": "person"}
            elif slug in clubs:
                used_tags[slug] = {"slug": slug, "name": clubs[slug], "kind": "club"}
            else:
                used_tags.setdefault(slug, {"slug": slug, "name": "", "kind": "competition"})
        if draft.authors:
            authors_for = list(draft.authors)
        else:
            candidates = [slug for slug, beats in author_beats.items() if draft.section in beats]
            authors_for = rng.sample(candidates, 2 if rng.random() < 0.12 and len(candidates) > 1 else 1)
        motif_pool = by_section["marathon"][1:] if draft.image_motif == "marathon" else by_section[draft.section]
        image = None if draft.no_image or rng.random() < 0.1 else rng.choice(motif_pool)
        updated = None
        if offset > 30 and rng.random() < 0.3:
            updated = rng.randint(max(1, offset - rng.randint(20, 900)), offset - 1)
        spec: dict[str, Any] = {
            "key": key,
            "section": draft.section,
            "headline": draft.headline,
            "slug": unique_slug(draft.headline, taken_slugs),
            "lead": draft.lead,
            "authors": authors_for,
            "tags": tags,
            "image": image,
            "featured": False,
            "published_offset_minutes": offset,
            "updated_offset_minutes": updated,
            "body": [],
            "_topic": draft.topic,
            "_interest": draft.interest,
        }
        older = [a for a in articles if a["published_offset_minutes"] > offset]
        spec["body"] = assemble(rng, ctx, draft, spec, older, by_section)
        articles.append(spec)

    # Competition names for the tags that are not people or clubs.
    from tribune.newsroom.demo.catalogue import COMPETITIONS

    comp_names = {slugify(name): name for name in COMPETITIONS}
    for slug, tag in used_tags.items():
        if tag["kind"] == "competition":
            if slug not in comp_names:
                raise SystemExit(f"unknown tag {slug!r}")
            tag["name"] = comp_names[slug]

    # Featured: the special article plus 14 recent, interesting stories.
    candidates = [a for a in articles if 0 <= a["published_offset_minutes"] <= 5 * DAY and a["key"] != SPECIAL_KEY]
    candidates.sort(key=lambda a: (-a.get("_interest", 0), a["published_offset_minutes"]))
    chosen_sections: Counter[str] = Counter()
    featured = 0
    for a in candidates:
        if featured == 14:
            break
        if chosen_sections[a["section"]] >= 3:
            continue
        a["featured"] = True
        chosen_sections[a["section"]] += 1
        featured += 1

    tags = sorted(used_tags.values(), key=lambda t: (t["kind"], t["slug"])) + REAL_TAGS
    for a in articles:
        a.pop("_topic", None)
        a.pop("_interest", None)
    articles.sort(key=lambda a: a["published_offset_minutes"])
    return {
        "version": 1,
        "sections": sections,
        "authors": authors,
        "tags": tags,
        "images": images,
        "articles": articles,
    }


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------


def validate(data: dict[str, Any]) -> dict[str, int]:
    errors: list[str] = []

    def check(ok: bool, message: str) -> None:
        if not ok:
            errors.append(message)

    check(data["version"] == 1, "version must be 1")
    sections = {s["slug"]: s for s in data["sections"]}
    check(len(sections) >= 10, "at least 10 sections")
    for s in data["sections"]:
        check(bool(re.fullmatch(r"#[0-9a-f]{6}", s["colour"])), f"{s['slug']}: colour must be #rrggbb")
        ratio = contrast_ratio(s["colour"], "#ffffff")
        check(ratio >= 4.5, f"{s['slug']}: contrast {ratio:.2f} against white is below 4.5:1")
    colours = [s["colour"] for s in data["sections"]]
    check(len(set(colours)) == len(colours), "section colours must be distinct")
    authors = {a["slug"] for a in data["authors"]}
    check(len(authors) >= 12, "at least 12 authors")
    tags = {t["slug"]: t for t in data["tags"]}
    check(len(tags) == len(data["tags"]), "tag slugs must be unique")
    for t in data["tags"]:
        check(t["kind"] in ("person", "club", "competition"), f"tag {t['slug']}: bad kind")
        check(bool(t["name"]), f"tag {t['slug']}: no name")
    images = {i["key"]: i for i in data["images"]}
    check(len(images) == len(data["images"]), "image keys must be unique")
    check(len(images) >= 40, "at least 40 images")
    motifs = Counter(i["motif"] for i in data["images"])
    for motif in (
        "voetbal",
        "wielrennen",
        "tennis",
        "darts",
        "basketbal",
        "hockey",
        "atletiek",
        "formule1",
        "media",
        "marathon",
    ):
        check(motifs[motif] >= 4, f"at least 4 images with motif {motif}")
    for i in data["images"]:
        check(i["credit"] == CREDIT, f"image {i['key']}: credit")
        check(0 < len(i["caption"]) <= 250, f"image {i['key']}: caption length")
        check(i["focal_point"] is None or len(i["focal_point"]) == 4, f"image {i['key']}: focal point")

    articles = data["articles"]
    by_key = {a["key"]: a for a in articles}
    check(len(by_key) == len(articles), "article keys must be unique")
    headlines = [a["headline"].lower() for a in articles]
    check(len(set(headlines)) == len(headlines), "headlines must be unique")
    slugs = [a["slug"] for a in articles]
    check(len(set(slugs)) == len(slugs), "slugs must be unique")
    offsets = [a["published_offset_minutes"] for a in articles]
    check(len(set(offsets)) == len(offsets), "publication offsets must be distinct")
    published = [a for a in articles if a["published_offset_minutes"] >= 0]
    scheduled = [a for a in articles if a["published_offset_minutes"] < 0]
    check(len(published) >= 320, f"at least 320 published articles, got {len(published)}")
    check(len(scheduled) == 4, f"exactly 4 scheduled articles, got {len(scheduled)}")
    check(all(-180 <= a["published_offset_minutes"] <= -5 for a in scheduled), "scheduled 5 to 180 minutes ahead")
    check(max(offsets) <= 60 * DAY, "nothing older than 60 days")
    featured = sum(a["featured"] for a in articles)
    check(13 <= featured <= 17, f"about 15 featured articles, got {featured}")
    stats = Counter()
    for a in articles:
        k = a["key"]
        check(a["section"] in sections, f"{k}: unknown section")
        check(0 < len(a["headline"]) <= 120, f"{k}: headline length")
        check(bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", a["slug"])) and len(a["slug"]) <= 80, f"{k}: slug")
        check(140 <= len(a["lead"]) <= 320, f"{k}: lead length {len(a['lead'])}")
        check(1 <= len(re.findall(r"[.!?](?:\s|$)", a["lead"])) <= 3, f"{k}: lead must have 1 to 3 sentences")
        check(1 <= len(a["authors"]) <= 2 and all(x in authors for x in a["authors"]), f"{k}: authors")
        check(1 <= len(a["tags"]) <= 4 and all(t in tags for t in a["tags"]), f"{k}: tags")
        check(len(set(a["tags"])) == len(a["tags"]), f"{k}: duplicate tags")
        if k != SPECIAL_KEY:
            check(not {"steven-defour", "kv-mechelen", "marathon-van-londen"} & set(a["tags"]), f"{k}: real tag")
        check(a["image"] is None or a["image"] in images, f"{k}: image")
        upd = a["updated_offset_minutes"]
        check(upd is None or (0 <= upd < a["published_offset_minutes"]), f"{k}: updated offset")
        body = a["body"]
        check(4 <= len(body) <= 10, f"{k}: {len(body)} blocks")
        subs = sum(b["type"] == "subheading" for b in body)
        check(1 <= subs <= 3, f"{k}: {subs} subheadings")
        text_words = 0
        for i, b in enumerate(body):
            t, v = b["type"], b["value"]
            if t == "paragraph":
                check(v.startswith("<p>") and v.endswith("</p>"), f"{k}: paragraph markup")
                stripped = ALLOWED_HTML.sub("", v)
                check("<" not in stripped and ">" not in stripped, f"{k}: disallowed HTML in {v[:60]!r}")
                check("&" not in stripped.replace("&amp;", ""), f"{k}: unescaped ampersand")
                text_words += words(v)
            elif t == "subheading":
                check(0 < len(v) <= 120 and "<" not in v, f"{k}: subheading")
                text_words += words(v)
            elif t == "read_also":
                check(v in by_key and v != k, f"{k}: read_also target {v}")
                if v in by_key:
                    check(
                        by_key[v]["published_offset_minutes"] > a["published_offset_minutes"],
                        f"{k}: read_also not older",
                    )
                stats["read_also"] += 1
            elif t == "image":
                check(v["image"] in images and len(v.get("caption", "")) <= 250, f"{k}: image block")
            elif t == "external_link":
                check(v["url"].startswith("https://") and 0 < len(v["title"]) <= 200, f"{k}: external link")
                check(len(v.get("description", "")) <= 400, f"{k}: link description")
            elif t == "quote":
                check(bool(v["text"]) and len(v.get("attribution", "")) <= 120, f"{k}: quote")
                text_words += words(v["text"])
                stats["quote"] += 1
            elif t == "reader_question":
                check(i == len(body) - 1, f"{k}: reader_question must be last")
                check(v["question"].endswith("?") and len(v["question"]) <= 200, f"{k}: question")
                stats["question"] += 1
            else:
                check(False, f"{k}: unknown block {t}")
        check(sum(b["type"] == "reader_question" for b in body) <= 1, f"{k}: one question at most")
        check(250 <= text_words <= 700, f"{k}: {text_words} words")
        stats["articles_with_read_also"] += any(b["type"] == "read_also" for b in body)
        stats["articles_with_quote"] += any(b["type"] == "quote" for b in body)
        stats["articles_with_question"] += any(b["type"] == "reader_question" for b in body)
        stats["articles_with_link"] += any(b["type"] == "external_link" for b in body)
        stats["words"] += text_words
    special = by_key.get(SPECIAL_KEY)
    check(special is not None, "the marathon article is missing")
    if special:
        check(special["section"] == "voetbal" and special["featured"], "marathon article: section/featured")
        check(images[special["image"]]["motif"] == "marathon", "marathon article: image motif")
        check(
            special["body"][-1]["value"] == {"question": "Ziet u hem nog terug als trainer aan de slag gaan?"},
            "marathon question",
        )
        check(
            any(
                b["type"] == "external_link" and "strava.com/activities/14302771013" in b["value"]["url"]
                for b in special["body"]
            ),
            "strava link",
        )
        check(not any(b["type"] == "quote" for b in special["body"]), "no quotes in the marathon article")
    n = len(articles)
    check(
        stats["articles_with_read_also"] >= 150,
        f"at least 150 articles with read_also, got {stats['articles_with_read_also']}",
    )
    check(
        0.5 <= stats["articles_with_question"] / n <= 0.7,
        f"~60% reader questions, got {stats['articles_with_question']}",
    )
    check(0.18 <= stats["articles_with_quote"] / n <= 0.33, f"~25% quotes, got {stats['articles_with_quote']}")
    check(stats["articles_with_link"] >= 10, "some external links")
    if errors:
        raise SystemExit(
            "demo fixture is invalid:\n  "
            + "\n  ".join(errors[:50])
            + (f"\n  ... and {len(errors) - 50} more" if len(errors) > 50 else "")
        )
    return {
        "articles": n,
        "published": len(published),
        "scheduled": len(scheduled),
        "featured": featured,
        "sections": len(sections),
        "authors": len(authors),
        "tags": len(tags),
        "images": len(images),
        **stats,
    }


def main() -> int:
    data = build()
    stats = validate(data)
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.name}: " + ", ".join(f"{k}={v}" for k, v in stats.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
