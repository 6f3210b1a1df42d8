# ruff: noqa: E501 -- prose templates read better unbroken
"""Cycling, tennis, darts, basketball, hockey, athletics, Formula 1 and media stories.

All riders, players, drivers, teams and broadcasters are fictional; real race
and tournament names are only the backdrop.
"""

from __future__ import annotations

from tribune.newsroom.demo.catalogue import (
    ATHLETES,
    ATHLETICS_COACH,
    BASKET_CLUBS,
    BASKET_COACH,
    BASKET_PLAYERS,
    BROADCASTERS,
    CYCLING_DS,
    CYCLING_TEAMS,
    DARTS_PLAYERS,
    DRIVERS,
    F1_BOSS,
    F1_TEAMS,
    HOCKEY_CLUBS,
    HOCKEY_COACH,
    HOCKEY_PLAYERS,
    MEDIA_PEOPLE,
    RIDERS,
    TENNIS_COACH,
    TENNIS_PLAYERS,
    Person,
    slugify,
)
from tribune.newsroom.demo.stories import Ctx, Draft, Skip, claim, comp, dec, first_unclaimed, number_word, sentences

# --------------------------------------------------------------------------
# Wielrennen
# --------------------------------------------------------------------------

CLASSICS = [
    ("Omloop Het Nieuwsblad", "Ninove", "de Muur van Geraardsbergen", 197),
    ("Gent-Wevelgem", "Wevelgem", "de Kemmelberg", 253),
    ("Ronde van Vlaanderen", "Oudenaarde", "de Paterberg", 270),
    ("Parijs-Roubaix", "Roubaix", "het Carrefour de l'Arbre", 259),
    ("Amstel Gold Race", "Valkenburg", "de Cauberg", 253),
    ("Luik-Bastenaken-Luik", "Luik", "de Redoute", 252),
]


RACE_DAYS = {
    "Omloop Het Nieuwsblad": 57,
    "Gent-Wevelgem": 28,
    "Ronde van Vlaanderen": 21,
    "Parijs-Roubaix": 14,
    "Amstel Gold Race": 7,
    "Luik-Bastenaken-Luik": 0,
}


def after_event(c: Ctx, days: float, hours_after: tuple[int, int] = (40, 160)) -> int:
    """Publication offset (minutes before now) for a report on an event ``days`` ago, finished at about 17 h."""
    return int(days * 24 * 60 + 4 * 60 - c.num(*hours_after))


def the(race: str) -> str:
    """Race name as used in a sentence: "de Ronde van Vlaanderen", but "Gent-Wevelgem"."""
    return f"de {race}" if race.split()[0] in ("Ronde", "Omloop", "Amstel") else race


CLIMBS = [
    "de Oude Kwaremont",
    "de Koppenberg",
    "de Taaienberg",
    "de Kruisberg",
    "de Valkenberg",
    "de Eikenberg",
    "de Molenberg",
    "de Berendries",
]
STAGE_RACES = ["de Ronde van het Baskenland", "de Tour of the Alps", "de Ronde van Romandië", "de Ronde van Turkije"]


def _rider(c: Ctx, women: bool | None = None) -> Person:
    pool = [r for r in RIDERS if women is None or (r.role == "renster") == women]
    return c.pick(pool)


def classic_report(c: Ctx) -> Draft:
    options = [(cl, w) for cl in CLASSICS for w in (False, False, True)]
    (race, finish, key, km), women = first_unclaimed(c, options, lambda o: f"classic:{o[0][0]}:{o[1]}")
    win, second, third = c.sample([r for r in RIDERS if (r.role == "renster") == women], 3)
    gap = c.pick(
        [
            "op enkele seconden",
            "met een halve minuut voorsprong",
            "na een sprint met drie",
            "solo",
            "met ruim een minuut voorsprong",
        ]
    )
    climb = c.pick(CLIMBS)
    race_label = f"{race} voor vrouwen" if women else race
    hl = c.pick(
        [
            f"{win.name} wint {the(race_label)} {gap}",
            f"{win.name} slaat toe in {the(race_label)}",
            f"Meesterzet van {win.name} in {the(race_label)}",
            f"{win.name} kroont zich in {finish} tot winnaar van {the(race_label)}",
        ]
    )
    pron = "zij" if women else "hij"
    poss = "haar" if women else "zijn"
    lead = sentences(
        f"{win.name} ({win.team}) heeft {the(race_label)} gewonnen.",
        f"In {finish} bleef {pron} {second.name} en {third.name} voor, na een koers die op {key} openbrak.",
    )
    p1 = sentences(
        f"De wedstrijd over {km - (90 if women else 0)} kilometer begon onder een {c.pick(['grijze hemel', 'stralende zon', 'gure wind', 'motregen'])}.",
        f"Een kopgroep van {c.num(5, 11)} renners kreeg lange tijd ruim {c.num(3, 7)} minuten.",
        c.pick(
            [
                f"In het peloton hield {second.team} de touwtjes strak in handen.",
                "Een valpartij halfweg splitste het peloton in twee.",
                "Waaiers op een open stuk langs de velden zetten de eerste favorieten op achterstand.",
            ]
        ),
        f"Op {climb} ging de wedstrijd echt open.",
    )
    p2 = sentences(
        f"Op {key} plaatste {win.name} {poss} beslissende versnelling.",
        c.pick(
            [
                f"Alleen {second.name} kon even volgen, maar moest op de top lossen.",
                f"{second.name} en {third.name} sprongen mee, de rest van de favorieten keek naar elkaar.",
                "Het gat was meteen tien seconden en groeide tot aan de finish.",
            ]
        ),
        c.pick(
            [
                f"In de finale hield {pron} het hoofd koel en reed {pron} het laatste stuk tegen {poss} eigen limiet.",
                f"Op de laatste kilometers wisselden de achtervolgers nauwelijks af, en dat speelde in {poss} voordeel.",
                f"In de sprint was {pron} duidelijk de snelste.",
            ]
        ),
    )
    p3 = sentences(
        f"Voor {win.name} is het de grootste overwinning uit {poss} loopbaan.",
        c.pick(
            [
                f"Vorig jaar werd {pron} nog {c.num(4, 12)}e in deze koers.",
                f"Het is ook een opsteker voor {win.team}, dat dit voorjaar nog niet veel te vieren had.",
                f"{poss.capitalize()} ploegleider sprak van een perfect uitgevoerd plan.",
            ]
        ),
        c.pick(
            [
                f"{third.name} vervolledigde het podium.",
                f"{third.name} won de sprint voor de derde plaats.",
            ]
        ),
    )
    p4 = sentences(
        c.pick(
            [
                "Langs de kant stonden opnieuw tienduizenden supporters.",
                f"In {finish} was het feest tot lang na de aankomst.",
                "De koers werd live gevolgd door een recordaantal kijkers.",
            ]
        ),
        c.pick(
            [
                "Volgende week staat de volgende klassieker al op het programma.",
                f"{win.name} kan nu met vertrouwen naar de volgende doelen.",
                "Het voorjaar is nog lang niet voorbij.",
            ]
        ),
    )
    ds = c.pick(CYCLING_DS)
    return Draft(
        section="wielrennen",
        kind="classic",
        headline=hl,
        lead=lead,
        chunks=[
            (None, [p1]),
            (c.pick(["De beslissende aanval", f"Vuurwerk op {key}", "De finale"]), [p2]),
            (c.pick(["Een grote zege", "Podium", "Reacties"]), [p3, p4]),
        ],
        tags=[win.slug, slugify(win.team), comp(race)],
        quote=(
            c.pick(
                [
                    "Ik voelde me vandaag sterker dan ooit. Toen ik omkeek en niemand zag, wist ik dat het kon lukken.",
                    "We hadden een plan en iedereen heeft zich eraan gehouden. Deze zege is van de hele ploeg.",
                    "Ik heb zo vaak van deze koers gedroomd. Dit moet ik nog even laten bezinken.",
                ]
            ),
            f"{win.name}, winnaar",
        )
        if c.chance(0.5)
        else ("Zo'n aanval kan je niet trainen. Dat is gevoel, en vandaag klopte alles.", f"{ds.name}, ploegleider"),
        question=c.pick(
            [
                "Wie wint volgens u de volgende klassieker?",
                f"Was {win.name} de sterkste renner in koers?",
                "Wat was voor u het mooiste moment van deze wedstrijd?",
                "Welke helling moet zeker in het parcours blijven?",
            ]
        ),
        interest=3 if RACE_DAYS[race] < 15 else 2,
        topic="cycling-classics",
        extra={"offset": after_event(c, RACE_DAYS[race] + (1 if women and race == "Parijs-Roubaix" else 0))},
    )


def stage_report(c: Ctx) -> Draft:
    race = c.pick(STAGE_RACES)
    stage = c.num(1, 6)
    win, leader = c.sample([r for r in RIDERS if r.role == "renner"], 2)
    kind = c.pick(["sprint", "bergrit", "tijdrit"])
    hl = c.pick(
        [
            f"{win.name} wint {stage}e rit in {race}",
            f"Ritzege voor {win.name} in {race}, {leader.name} blijft leider",
            f"{win.name} is de sterkste in {'de sprint' if kind == 'sprint' else 'de bergrit' if kind == 'bergrit' else 'de tijdrit'} van {race}",
        ]
    )
    lead = sentences(
        f"{win.name} ({win.team}) heeft de {stage}e rit van {race} gewonnen.",
        f"{leader.name} behoudt de leiderstrui met {c.num(4, 48)} seconden voorsprong.",
    )
    detail = {
        "sprint": sentences(
            "De rit werd beslist in een massasprint.",
            f"De ploeg van {win.name} trok de sprint perfect aan en {win.name} kwam als eerste uit het wiel.",
            "Een valpartij op twee kilometer van de streep zorgde voor de nodige chaos.",
        ),
        "bergrit": sentences(
            f"Op de slotklim van {c.num(7, 14)} kilometer ging {win.name} op zes kilometer van de top in de aanval.",
            "De favorieten keken naar elkaar en dat was het begin van een mooie solo.",
            f"Op de top had hij {c.num(12, 50)} seconden voorsprong.",
        ),
        "tijdrit": sentences(
            f"Over {c.num(14, 32)} kilometer was {win.name} de snelste van iedereen.",
            f"Hij reed gemiddeld bijna {c.num(47, 52)} kilometer per uur.",
            "De wind stond op het tweede deel van het parcours pal tegen, wat de late starters benadeelde.",
        ),
    }[kind]
    p1 = sentences(
        f"De {stage}e rit telde {c.num(150, 210)} kilometer.",
        c.pick(
            [
                "Een vroege vlucht met vier renners kreeg weinig ruimte.",
                "Het tempo lag van bij de start bijzonder hoog.",
                "Regen maakte de afdalingen gevaarlijk.",
            ]
        ),
        detail,
    )
    p2 = sentences(
        f"In het klassement blijft {leader.name} aan de leiding.",
        c.pick(
            [
                "De koninginnenrit komt er nog aan.",
                "De slottijdrit kan nog voor verschuivingen zorgen.",
                "De verschillen zijn nog klein.",
            ]
        ),
        f"Voor {win.team} is het een eerste ritzege in deze ronde.",
    )
    p3 = sentences(
        c.pick(
            [
                "De Belgen reden een sterke rit.",
                "Enkele renners gebruiken deze ronde als voorbereiding op de Giro.",
                "Voor veel renners is het een test richting de Ardennenklassiekers.",
            ]
        ),
        c.pick(
            [
                "Morgen volgt een heuvelachtige rit die perfect ligt voor aanvallers.",
                "Morgen is er een rit voor de sprinters.",
                "Morgen wacht een zware bergrit met aankomst bergop.",
            ]
        ),
    )
    return Draft(
        section="wielrennen",
        kind="stage",
        headline=hl,
        lead=lead,
        chunks=[(None, [p1]), ("Het klassement", [p2]), ("Vooruitblik", [p3])],
        tags=[win.slug, leader.slug, slugify(win.team)],
        question=c.pick(["Wie wint volgens u het eindklassement?", f"Kan {leader.name} de leiderstrui houden?"]),
        topic="cycling-stage",
    )


def cycling_preview(c: Ctx) -> Draft:
    upcoming = [cl for cl in CLASSICS if RACE_DAYS[cl[0]] >= 0]
    race, finish, key, km = first_unclaimed(c, upcoming, lambda o: f"preview:{o[0]}")
    favs = c.sample([r for r in RIDERS if r.role == "renner"], 3)
    hl = c.pick(
        [
            f"Vijf sterren en drie outsiders: de favorieten voor {the(race)}",
            f"Voorbeschouwing {race}: wie kan {favs[0].name} kloppen?",
            f"{race}: het parcours, de favorieten en het weer",
        ]
    )
    lead = sentences(
        f"Zondag staat {the(race)} op het programma.",
        f"{favs[0].name} is de grote favoriet, maar {favs[1].name} en {favs[2].name} liggen op de loer.",
    )
    p1 = sentences(
        f"Het parcours telt {km} kilometer, met de finish in {finish}.",
        f"Het beslissende punt ligt traditioneel op {key}.",
        c.pick(
            [
                "Dit jaar is er een extra strook toegevoegd, wat de koers nog harder maakt.",
                "Het parcours is nagenoeg ongewijzigd ten opzichte van vorig jaar.",
                "De organisatie schrapte een strook wegens wegenwerken.",
            ]
        ),
    )
    p2 = sentences(
        f"{favs[0].name} ({favs[0].team}) won dit voorjaar al twee keer en lijkt in topvorm.",
        f"{favs[1].name} kan op een sterke ploeg rekenen.",
        f"{favs[2].name} is een outsider met een sterke sprint.",
    )
    p3 = sentences(
        c.pick(
            [
                "Het weerbericht voorspelt wind en buien, wat de koers nog harder kan maken.",
                "Er wordt zonnig weer verwacht, met weinig wind.",
                "Een stevige westenwind kan zorgen voor waaiers.",
            ]
        ),
        f"De start wordt gegeven om {c.pick(['10.15', '10.30', '9.45', '11.00'])} uur.",
        "Onze redactie volgt de koers van start tot finish.",
    )
    return Draft(
        section="wielrennen",
        kind="preview",
        headline=hl,
        lead=lead,
        chunks=[("Het parcours", [p1]), ("De favorieten", [p2]), ("Praktisch", [p3])],
        tags=[favs[0].slug, favs[1].slug, comp(race)],
        question=c.pick(["Wie is uw favoriet?", f"Wint {favs[0].name} volgens u?", "Welke outsider ziet u verrassen?"]),
        link={
            "url": "https://www.example.org/koers/parcours-en-uurschema",
            "title": f"Parcours en uurschema van {the(race)}",
            "description": "Kaart, hellingen, kasseistroken en doortochttijden.",
        }
        if c.chance(0.5)
        else None,
        interest=2,
        topic="cycling-classics",
        extra={"offset": (RACE_DAYS[race] + c.pick([1, 2, 3])) * 24 * 60 + c.num(-200, 300)},
    )


def cycling_news(c: Ctx) -> Draft:
    rider = _rider(c)
    pron = "zij" if rider.role == "renster" else "hij"
    poss = "haar" if rider.role == "renster" else "zijn"
    theme = c.pick(["crash", "contract", "transfer", "goal"])
    if theme == "crash":
        what = c.pick(
            ["een gebroken sleutelbeen", "een breuk in de pols", "een zware hersenschudding", "gekneusde ribben"]
        )
        hl = c.pick(
            [f"{rider.name} komt zwaar ten val en loopt {what} op", f"Valpartij kost {rider.name} {poss} voorjaar"]
        )
        lead = sentences(
            f"{rider.name} is zwaar ten val gekomen in een wedstrijd in Frankrijk.",
            f"{cap_(pron)} liep {what} op en mist minstens {c.num(3, 8)} weken.",
        )
        body = [
            f"De val gebeurde in een snelle afdaling, op een plaats waar eerder al renners onderuitgingen. {rider.name} werd naar het ziekenhuis gebracht voor onderzoek.",
            f"{rider.team} bevestigde de diagnose in de loop van de avond. Een operatie is gepland voor morgen.",
            f"Voor {rider.name} komt de val op een bijzonder slecht moment. {cap_(pron)} was in vorm en mikte op de klassiekers.",
        ]
    elif theme == "contract":
        hl = f"{rider.name} verlengt bij {rider.team}"
        lead = sentences(
            f"{rider.name} blijft nog {number_word(c.num(2, 4))} jaar bij {rider.team}.",
            "Daarmee maakt de ploeg een einde aan de speculaties over een vertrek.",
        )
        body = [
            f"{rider.name} reed dit voorjaar een sterke reeks klassiekers, met enkele ereplaatsen.",
            f"De ploeg wil rond {poss} ambities een sterke ploeg bouwen voor de kasseien.",
            f"{cap_(pron)} krijgt ook een grotere rol als kopvrouw."
            if pron == "zij"
            else "Hij krijgt ook een grotere rol als kopman.",
        ]
    elif theme == "transfer":
        new_team = c.pick([t for t in CYCLING_TEAMS if t != rider.team])
        hl = f"{rider.name} trekt volgend seizoen naar {new_team}"
        lead = sentences(
            f"{rider.name} verlaat op het einde van het seizoen {rider.team}.",
            f"{cap_(pron)} tekent een contract bij {new_team}.",
        )
        body = [
            f"Bij {new_team} krijgt {rider.name} een duidelijke rol in de klassiekers.",
            "De ploeg investeert fors in het voorjaar en haalt ook twee knechten aan.",
            f"Bij {rider.team} betreuren ze het vertrek, maar ze gunnen de renner {poss} stap.",
        ]
    else:
        tour = "de Tour de France" if pron == "hij" else "de Tour de France Femmes"
        hl = f"{rider.name} mikt op {tour}: 'Ik wil een rit winnen'"
        lead = sentences(
            f"{rider.name} legt de lat hoog voor de komende zomer.",
            f"{cap_(pron)} wil in {tour} een rit winnen.",
        )
        body = [
            f"{rider.name} werkt daarvoor de komende weken een hoogtestage af in de Sierra Nevada.",
            f"De ploeg bouwt {poss} programma helemaal rond die doelstelling.",
            f"Eerder dit jaar toonde {pron} al {poss} goede vorm met een ereplaats in een rittenkoers.",
        ]
    p = [
        sentences(body[0], c.pick(["Dat bevestigde de ploeg.", "Het nieuws sloeg in als een bom.", ""])),
        sentences(
            body[1],
            c.pick(
                [
                    f"Ploegleider {c.pick(CYCLING_DS).name} reageerde positief.",
                    "Meer details volgen later.",
                    "Het is een belangrijke stap.",
                ]
            ),
        ),
        sentences(
            body[2],
            c.pick(
                [
                    "De supporters kijken er alvast naar uit.",
                    "Het seizoen is nog lang.",
                    "De komende weken worden belangrijk.",
                ]
            ),
        ),
    ]
    return Draft(
        section="wielrennen",
        kind="cycling-news",
        headline=hl,
        lead=lead,
        chunks=[
            (None, [p[0]]),
            (c.pick(["De ploeg", "Details", "Achtergrond"]), [p[1]]),
            (c.pick(["Vooruitblik", "Wat nu?"]), [p[2]]),
        ],
        tags=[rider.slug, slugify(rider.team)],
        question=c.pick(
            [
                f"Hoe ver kan {rider.name} nog geraken?",
                "Wat vindt u van deze keuze?",
                "Welke renner moet u volgend jaar zeker volgen?",
            ]
        ),
        topic=f"rider:{rider.slug}",
    )


def cap_(text: str) -> str:
    return text[:1].upper() + text[1:]


def cycling_column(c: Ctx) -> Draft:
    title, paras = c.fresh(
        "cycling-column",
        [
            (
                "Een ode aan de seingever",
                [
                    "Hij staat er al om zes uur 's ochtends, met een fluohesje en een gele vlag. Hij ziet het peloton "
                    "dertig seconden voorbijflitsen en gaat dan weer naar huis. Zonder hem is er geen koers.",
                    "Ik sprak met een seingever in de buurt van Oudenaarde. Al drieëntwintig jaar staat hij op "
                    "hetzelfde kruispunt. Hij kent de renners niet bij naam, wel bij kleur.",
                    "Het wielrennen praat graag over vermogens, aerodynamica en bandendruk. Maar de koers bestaat "
                    "dankzij duizenden mensen die niets meten en alles geven.",
                    "Dus, aan alle seingevers: bedankt. Jullie zijn de stille kampioenen van het voorjaar.",
                ],
            ),
            (
                "Waarom we van kasseien houden",
                [
                    "Niemand houdt van kasseien. Ze zijn ongemakkelijk, gevaarlijk en bij regen ronduit vijandig. "
                    "En toch staan we er elk voorjaar met duizenden langs.",
                    "Misschien omdat kasseien iets eerlijks hebben. Je kan er niet verstoppen. Wie de sterkste is, "
                    "komt als eerste boven, met stof of modder tot in de oren.",
                    "In een tijd waarin alles gemeten en voorspeld wordt, blijft een kasseistrook een stukje chaos. "
                    "Een lekke band, een valpartij, een gat dat te laat dichtgereden wordt.",
                    "Laat ze dus liggen, die stenen. Ze zijn het hart van onze koers.",
                ],
            ),
            (
                "De koers is van iedereen",
                [
                    "Op een zondag in april staan op een helling in de Vlaamse Ardennen grootouders naast studenten, "
                    "Nederlanders naast Denen en kinderen op de schouders van hun vader.",
                    "Wielrennen is de enige topsport waar je gratis vooraan staat. Geen ticket, geen tourniquet, "
                    "alleen een plekje langs de weg en een beetje geduld.",
                    "Dat is een voorrecht dat we moeten koesteren. Ook als het betekent dat we ons afval mee naar huis "
                    "nemen en de renners de ruimte geven.",
                    "De koers is van iedereen. Laat ons ze ook zo behandelen.",
                ],
            ),
        ],
    )
    return Draft(
        section="wielrennen",
        kind="column",
        headline=f"Column: {title}",
        lead=sentences(
            "Marieke Claeys schrijft over wat er langs de kant van de weg gebeurt.",
            c.pick(["Deze week: een verhaal over mensen die je zelden ziet.", "Een column over liefde voor de koers."]),
        ),
        chunks=[(None, paras[:2]), (c.pick(["Langs de kant", "Het voorjaar"]), paras[2:])],
        tags=[comp("Ronde van Vlaanderen")],
        authors=["marieke-claeys"],
        question=c.pick(["Waar staat u het liefst langs het parcours?", "Wat maakt de koers voor u zo bijzonder?"]),
        topic="column",
    )


WIELRENNEN = [(10, classic_report), (8, stage_report), (7, cycling_preview), (9, cycling_news), (2, cycling_column)]


# --------------------------------------------------------------------------
# Tennis
# --------------------------------------------------------------------------

# (tournament, surface, days since the final: negative = still going on)
TOURNAMENTS = [
    ("Charleston", "gravel", 21),
    ("Monte Carlo", "gravel", 14),
    ("Barcelona", "gravel", 7),
    ("Stuttgart", "indoor gravel", 7),
    ("Madrid", "gravel", -7),
]
ROUND_DAYS = [9, 7, 5, 3, 1, 0]  # days before the final that a round is played
ROUNDS = [
    "de eerste ronde",
    "de tweede ronde",
    "de achtste finales",
    "de kwartfinales",
    "de halve finales",
    "de finale",
]


def _score(c: Ctx, sets: int) -> str:
    out = []
    for _ in range(sets):
        a = c.pick(["6-3", "6-4", "7-5", "6-2", "7-6", "6-1"])
        out.append(a)
    return ", ".join(out)


def tennis_match(c: Ctx) -> Draft:
    options = [(t, b) for t in TOURNAMENTS for b in TENNIS_PLAYERS if b.country == "België"]
    (tourn, surface, final_days), belg = first_unclaimed(c, options, lambda o: f"tennis:{o[0][0]}:{o[1].slug}")
    women = belg.role == "tennisster"
    opp = c.pick([p for p in TENNIS_PLAYERS if p.country != "België" and (p.role == "tennisster") == women])
    rounds = [i for i in range(6) if final_days + ROUND_DAYS[i] >= 0]
    rnd_i = c.pick(rounds)
    rnd = ROUNDS[rnd_i]
    won = c.chance(0.55)
    sets = c.pick([2, 3])
    score = _score(c, sets)
    if sets == 3:
        parts = score.split(", ")
        a, b = parts[1].split("-")
        parts[1] = f"{b}-{a}"
        score = ", ".join(parts)
    pron = "zij" if women else "hij"
    poss = "haar" if women else "zijn"
    if won:
        hl = c.pick(
            [
                f"{belg.name} naar {ROUNDS[min(5, rnd_i + 1)]} in {tourn}"
                if rnd_i < 5
                else f"{belg.name} wint toernooi van {tourn}",
                f"{belg.name} klopt {opp.name} in {rnd} van {tourn}",
                f"Knappe zege voor {belg.name} in {tourn}",
            ]
        )
    else:
        hl = c.pick(
            [
                f"{belg.name} strandt in {rnd} van {tourn}",
                f"{opp.name} te sterk voor {belg.name} in {tourn}",
                f"Einde verhaal voor {belg.name} in {tourn}",
            ]
        )
    lead = sentences(
        f"{belg.name} heeft in {rnd} van het toernooi van {tourn} {'gewonnen van' if won else 'verloren van'} {opp.name} ({opp.country}).",
        f"De score: {score}."
        if won
        else f"{cap_(pron)} ging onderuit met {score} in het voordeel van {poss} tegenstander.",
    )
    p1 = sentences(
        f"Op het {surface} van {tourn} begon {belg.name} {c.pick(['sterk', 'nerveus', 'afwachtend'])} aan de wedstrijd.",
        c.pick(
            [
                f"{cap_(pron)} brak meteen in de eerste game en gaf die voorsprong niet meer uit handen.",
                "De eerste set was een lange strijd met veel lange rally's vanaf de baseline.",
                f"Na een vroege achterstand knokte {pron} zich terug in de eerste set.",
            ]
            if won
            else [
                f"Een vroege break gaf {poss} tegenstander het voordeel in de eerste set.",
                "De eerste set was een lange strijd met veel lange rally's vanaf de baseline.",
                f"{opp.name} sloeg van bij het begin hard en diep, en {belg.name} kwam meteen onder druk.",
            ]
        ),
        c.pick(
            [
                f"Met {c.num(5, 14)} aces was de opslag een belangrijk wapen.",
                f"{cap_(pron)} won {c.num(68, 84)} procent van de punten op de eerste opslag.",
                "Vooral de backhand langs de lijn werkte uitstekend.",
            ]
            if won
            else [
                f"Met slechts {c.num(48, 59)} procent eerste opslagen in het veld liep het niet zoals gehoopt.",
                f"{cap_(pron)} maakte te veel onafgedwongen fouten op de forehand.",
                "De backhand langs de lijn, meestal een sterk wapen, vond te vaak het net.",
            ]
        ),
    )
    p2 = sentences(
        c.pick(
            [
                "In de tweede set werd het spannender.",
                "De tweede set verliep volgens een ander scenario.",
                "Daarna kantelde de wedstrijd.",
            ]
        ),
        c.pick(
            [
                f"{opp.name} vond beter {'haar' if women else 'zijn'} ritme en dwong {belg.name} tot fouten.",
                f"{belg.name} verdedigde drie breakpunten in een cruciale game.",
                "Een tiebreak moest de beslissing brengen.",
            ]
        ),
        c.pick(
            [
                f"Na {c.num(1, 2)} uur en {c.num(5, 55)} minuten was de wedstrijd voorbij.",
                "Een dubbele fout op matchpunt was een vreemd einde van een boeiende partij.",
                "Een winner op de forehand besliste de wedstrijd.",
            ]
        ),
    )
    p3 = sentences(
        f"{'In de volgende ronde wacht' if won and rnd_i < 5 else 'Nu trekt ' + belg.name + ' naar'} "
        + (
            c.pick(["een reekshoofd.", "een qualifier.", "de winnaar van een Spaans duel."])
            if won and rnd_i < 5
            else c.pick(
                [
                    "het volgende graveltoernooi.",
                    "Roland Garros, het grote doel van het seizoen.",
                    "een korte rustperiode.",
                ]
            )
        ),
        f"Op de wereldranglijst staat {belg.name} momenteel op de {c.num(18, 95)}e plaats.",
        c.pick(
            [
                f"Coach {TENNIS_COACH.name} ziet vooruitgang, vooral in de fysieke paraatheid.",
                f"Volgens coach {TENNIS_COACH.name} zit het spel goed, maar moet het constanter.",
                f"{TENNIS_COACH.name}, die de Belgische spelers begeleidt, wil vooral aan de terugslag werken.",
                "In het team wordt er al vooruitgekeken naar de volgende afspraak.",
            ]
        ),
    )
    return Draft(
        section="tennis",
        kind="tennis-match",
        headline=hl,
        lead=lead,
        chunks=[
            (None, [p1]),
            (c.pick(["Het kantelpunt", "De tweede set", "Spanning"]), [p2]),
            (c.pick(["Vooruitblik", "Wat nu?"]), [p3]),
        ],
        tags=[belg.slug, opp.slug, comp("Roland Garros") if tourn == "Roland Garros" else TENNIS_COACH.slug],
        quote=(
            c.pick(
                [
                    "Ik voel dat mijn spel op gravel elk jaar beter wordt. Vandaag was daar het bewijs van.",
                    "Ik heb niet altijd goed opgeslagen, maar ik heb gevochten voor elk punt. Daar ben ik trots op.",
                ]
                if won
                else [
                    "Op dit niveau beslissen enkele punten. Die vielen vandaag niet mijn kant op.",
                    "Ik heb niet goed opgeslagen, maar ik heb wel gevochten. Daar ben ik trots op.",
                ]
            ),
            f"{belg.name}",
        )
        if c.chance(0.35)
        else None,
        question=c.pick(
            [
                "Hoe ver kan " + belg.name + " geraken op Roland Garros?",
                "Wie is volgens u de beste Belgische tennisser van het moment?",
                "Volgt u het graveltoernooi op televisie?",
            ]
        ),
        interest=2 if won and rnd_i >= 3 else 1,
        topic=f"tennis:{belg.slug}",
        extra={"offset": after_event(c, final_days + ROUND_DAYS[rnd_i], (0, 200))},
    )


def tennis_news(c: Ctx) -> Draft:
    player = c.pick(TENNIS_PLAYERS[:4])
    women = player.role == "tennisster"
    pron = "zij" if women else "hij"
    poss = "haar" if women else "zijn"
    theme = c.pick(["ranking", "injury", "bjk", "coach"])
    if theme == "ranking":
        pos = c.num(14, 45)
        hl = f"{player.name} stijgt naar plaats {pos} op de wereldranglijst"
        lead = sentences(
            f"{player.name} staat op de nieuwe wereldranglijst op de {pos}e plaats.",
            f"Dat is de hoogste notering uit {poss} carrière.",
        )
        body = [
            "De stijging is het gevolg van een sterke reeks op gravel, met een halve finale als uitschieter.",
            f"Met die ranking is {pron} zeker van een plaats als reekshoofd op Roland Garros.",
            f"Het doel is de top twintig, zegt {poss} coach {TENNIS_COACH.name}.",
        ]
    elif theme == "injury":
        hl = f"{player.name} geeft forfait met {c.pick(['een polsblessure', 'rugklachten', 'een buikspierblessure'])}"
        lead = sentences(
            f"{player.name} moet forfait geven voor het toernooi van Madrid.",
            f"{cap_(pron)} sukkelt al enkele weken met een blessure.",
        )
        body = [
            "Na overleg met de medische staf werd beslist om geen risico te nemen.",
            f"De hoop is dat {pron} tegen Roland Garros weer fit is.",
            f"Voor {player.name} is het een domper, na een sterk begin van het seizoen.",
        ]
    elif theme == "bjk":
        hl = "België plaatst zich voor de eindronde van de Billie Jean King Cup"
        lead = sentences(
            "Het Belgische team heeft zich geplaatst voor de eindronde van de Billie Jean King Cup.",
            f"{player.name} won beide enkelspelen.",
        )
        body = [
            "In een uitverkochte sporthal in Hasselt won België met 3-1.",
            f"{player.name} was de sterkhouder met twee overwinningen in twee sets.",
            "De eindronde wordt in het najaar gespeeld.",
        ]
    else:
        hl = f"{player.name} stopt samenwerking met coach"
        lead = sentences(
            f"{player.name} gaat op zoek naar een nieuwe coach.",
            f"De samenwerking met {poss} vorige begeleider is in onderling overleg stopgezet.",
        )
        body = [
            f"Na drie jaar vond {player.name} het tijd voor nieuwe impulsen.",
            f"In afwachting van een nieuwe coach wordt {pron} begeleid door {TENNIS_COACH.name} van de federatie.",
            "Een nieuwe naam wordt voor het grastoernooiseizoen verwacht.",
        ]
    p = [
        sentences(body[0], c.pick(["Dat bevestigde de federatie.", "Het nieuws kwam niet als een verrassing.", ""])),
        sentences(body[1], c.pick(["De komende weken worden belangrijk.", "De planning wordt aangepast.", ""])),
        sentences(body[2], c.pick(["Het seizoen is nog lang.", "De fans hopen op een sterk vervolg.", ""])),
    ]
    return Draft(
        section="tennis",
        kind="tennis-news",
        headline=hl,
        lead=lead,
        chunks=[(None, [p[0]]), (c.pick(["Achtergrond", "Details"]), [p[1]]), ("Vooruitblik", [p[2]])],
        tags=[player.slug, comp("Billie Jean King Cup") if theme == "bjk" else comp("Roland Garros")],
        question=c.pick(
            [f"Hoe ver kan {player.name} dit jaar nog stijgen?", "Wat verwacht u van de Belgen op Roland Garros?"]
        ),
        topic=f"tennis:{player.slug}",
    )


TENNIS = [(14, tennis_match), (8, tennis_news)]


# --------------------------------------------------------------------------
# Darts
# --------------------------------------------------------------------------

PL_CITIES = ["Antwerpen", "Rotterdam", "Berlijn", "Glasgow", "Manchester", "Dublin", "Cardiff", "Brighton", "Newcastle"]


def darts_night(c: Ctx) -> Draft:
    night = first_unclaimed(c, range(4, 13), lambda n: f"darts-night:{n}")
    city = PL_CITIES[night % len(PL_CITIES)]
    days = 3 + 7 * (12 - night)
    win, runner = c.sample(DARTS_PLAYERS, 2)
    avg = c.num(96, 109) + c.num(0, 99) / 100
    legs = f"6-{c.num(2, 5)}"
    hl = c.pick(
        [
            f"{win.name} wint speelavond {night} van de Premier League in {city}",
            f"'{win.nick}' slaat toe in {city}: {win.name} wint finale tegen {runner.name}",
            f"{win.name} is de sterkste in {city}, {runner.name} strandt in de finale",
        ]
    )
    lead = sentences(
        f"{win.name} heeft de {night}e speelavond van de Premier League Darts in {city} gewonnen.",
        f"In de finale versloeg hij {runner.name} met {legs}, met een gemiddelde van {dec(avg, 2)}.",
    )
    p1 = sentences(
        f"{win.name} begon de avond in de kwartfinale tegen {c.pick([p for p in DARTS_PLAYERS if p not in (win, runner)]).name}.",
        c.pick(["Het werd meteen een spannend duel.", "Hij won vlot.", "Het was een moeizame start."]),
        f"In de halve finale gooide hij {c.num(3, 8)} keer 180.",
    )
    p2 = sentences(
        f"In de finale nam {runner.name} nog een voorsprong van 2-0.",
        f"Daarna vond {win.name} zijn ritme en won hij {c.num(4, 6)} legs op rij.",
        c.pick(
            [
                "Een finish van 124 op de bull was het hoogtepunt.",
                "Een 11-darter bracht de zaal in extase.",
                "Bij 5-3 miste hij drie matchdarts, maar in de volgende leg was het wel raak.",
            ]
        ),
    )
    p3 = sentences(
        f"In de stand blijft {c.pick([win, runner]).name} aan de leiding.",
        "Na de volgende speelavonden volgen de play-offs in Londen.",
        c.pick(
            [
                "De Belgische fans waren opnieuw talrijk aanwezig.",
                "De sfeer in de zaal was uitzonderlijk.",
                "Het publiek zong tot lang na het laatste pijltje.",
            ]
        ),
    )
    return Draft(
        section="darts",
        kind="darts-night",
        headline=hl,
        lead=lead,
        chunks=[(None, [p1]), ("De finale", [p2]), ("De stand", [p3])],
        tags=[win.slug, runner.slug, comp("Premier League Darts")],
        quote=(
            c.pick(
                [
                    "Na de 2-0 achterstand zei ik tegen mezelf: rustig blijven, je pijlen komen wel.",
                    "Dit publiek maakt het speciaal. Ik speel voor deze mensen.",
                    "Mijn gemiddelde was niet geweldig, maar ik gooide mijn dubbels wanneer het moest.",
                ]
            ),
            f"{win.name}",
        )
        if c.chance(0.45)
        else None,
        question=c.pick(
            [
                "Wie wint volgens u de Premier League?",
                f"Kan {win.name} deze vorm vasthouden?",
                "Gaat u ooit naar een speelavond kijken?",
            ]
        ),
        interest=2 if win.country == "België" else 1,
        topic="darts",
        extra={"offset": int(days * 24 * 60 - c.num(60, 200))},
    )


def darts_news(c: Ctx) -> Draft:
    p = c.pick([d for d in DARTS_PLAYERS if d.country == "België"])
    theme = c.pick(["ninedarter", "opens", "sponsor", "interview"])
    if theme == "ninedarter":
        hl = f"Perfecte leg: {p.name} gooit een negendarter"
        lead = sentences(
            f"{p.name} heeft op een Players Championship-toernooi een negendarter gegooid.",
            "Het is pas de tweede keer in zijn loopbaan dat hij een perfecte leg afwerkt.",
        )
        body = [
            "Het gebeurde in de achtste finale, tegen een Engelse tegenstander.",
            "Hij opende met twee keer 180 en werkte af via triple 20, triple 19 en dubbel 12.",
            "De prestatie levert hem een extra bonus op en veel lof van zijn collega's.",
        ]
    elif theme == "opens":
        hl = f"{p.name} bereikt de finale van de Belgian Darts Open"
        lead = sentences(
            f"{p.name} heeft de finale gehaald op de Belgian Darts Open in Wieze.",
            "Voor eigen publiek zette hij enkele grote namen opzij.",
        )
        body = [
            "In de halve finale won hij met 7-5 na een spannende partij.",
            "Het Belgische publiek stond na afloop recht voor hun landgenoot.",
            "In de finale moest hij uiteindelijk zijn meerdere erkennen, maar het toernooi was een succes.",
        ]
    elif theme == "sponsor":
        hl = f"{p.name} krijgt nieuwe sponsor en wordt voltijds prof"
        lead = sentences(
            f"{p.name} kan zich voortaan volledig op darts toeleggen.",
            "Een nieuwe sponsor maakt het mogelijk dat hij zijn job opzegt.",
        )
        body = [
            "Tot nu toe combineerde hij darts met een job als elektricien.",
            "Met een nieuwe sponsor en meer toernooien hoopt hij de stap naar de top 32 te zetten.",
            "Zijn trainingsschema gaat van tien naar dertig uur per week.",
        ]
    else:
        hl = f"{p.name} over zijn weg naar de top: 'Het begon in een café in de Kempen'"
        lead = sentences(
            f"{p.name}, '{p.nick}' voor de fans, is een van de smaakmakers van het Belgische darts.",
            "Een gesprek over zijn begin, zijn rituelen en zijn ambities.",
        )
        body = [
            "Als tiener gooide hij zijn eerste pijlen in het café van zijn grootouders.",
            "Hij traint elke dag drie uur, altijd met dezelfde playlist op de achtergrond.",
            "Zijn doel is duidelijk: ooit de wereldtitel winnen.",
        ]
    pp = [
        sentences(body[0], c.pick(["", "Het was een bijzonder moment.", "De zaal ging uit de bol."])),
        sentences(body[1], c.pick(["Het moment ging snel rond op sociale media.", "", "Het is een mijlpaal."])),
        sentences(body[2], c.pick(["De toekomst oogt rooskleurig.", "Het darts in België blijft groeien.", ""])),
    ]
    return Draft(
        section="darts",
        kind="darts-interview" if theme == "interview" else "darts-news",
        headline=hl,
        lead=lead,
        chunks=[(None, [pp[0]]), (c.pick(["Het verhaal", "Hoe het gebeurde"]), [pp[1]]), ("Vooruitblik", [pp[2]])],
        tags=[p.slug, comp("Belgian Darts Open") if theme == "opens" else comp("Premier League Darts")],
        quote=("Ik gooi niet voor de camera's. Ik gooi omdat ik niets liever doe.", p.name)
        if theme == "interview"
        else None,
        question=c.pick(["Wordt darts de volgende grote sport in België?", f"Hoe ver kan {p.name} geraken?"]),
        topic="darts",
    )


DARTS = [(12, darts_night), (10, darts_news)]


# --------------------------------------------------------------------------
# Basketbal
# --------------------------------------------------------------------------


def basket_match(c: Ctx) -> Draft:
    (_k1, home, hcity), (_k2, away, _acity) = c.sample(BASKET_CLUBS, 2)
    hs, as_ = c.num(68, 98), c.num(64, 96)
    if hs == as_:
        hs += 3
    winner, loser = (home, away) if hs > as_ else (away, home)
    star = c.pick(BASKET_PLAYERS)
    pts = c.num(18, 34)
    hl = c.pick(
        [
            f"{winner} wint van {loser}: {max(hs, as_)}-{min(hs, as_)}",
            f"{star.name} gooit {pts} punten in duel tussen {home} en {away}",
            f"{winner} haalt het na spannende slotfase tegen {loser}",
        ]
    )
    lead = sentences(
        f"{home} en {away} speelden in de BNXT League een boeiende wedstrijd, die eindigde op {hs}-{as_}.",
        f"{star.name} was met {pts} punten de topschutter.",
    )
    p1 = sentences(
        f"In een goed gevulde sporthal in {hcity} begon {home} het sterkst.",
        f"Na het eerste kwart stond het {c.num(18, 28)}-{c.num(12, 24)}.",
        c.pick(
            [
                "Vooral onder de ring was de thuisploeg dominant.",
                "De driepunters vielen vlot.",
                "De verdediging zat goed in elkaar.",
            ]
        ),
    )
    p2 = sentences(
        f"In het derde kwart kwam {away} terug met een reeks van {c.num(8, 15)}-0.",
        f"In de slotminuut maakte {star.name} het verschil met {c.pick(['een driepunter', 'twee vrijworpen', 'een steal en een dunk'])}.",
        f"{winner} hield de voorsprong vast.",
    )
    p3 = sentences(
        f"In het klassement zet {winner} een stap richting de play-offs.",
        f"Coach {BASKET_COACH.name} sprak van een mentale overwinning."
        if c.chance(0.5)
        else "Beide ploegen spelen volgende week opnieuw.",
    )
    return Draft(
        section="basketbal",
        kind="basket-match",
        headline=hl,
        lead=lead,
        chunks=[(None, [p1]), ("De slotfase", [p2]), ("Klassement", [p3])],
        tags=[slugify(home), slugify(away), star.slug, comp("BNXT League")],
        question=c.pick(
            ["Wie wordt volgens u kampioen in de BNXT League?", f"Was {star.name} de beste speler op het veld?"]
        ),
        topic="basket",
    )


def basket_news(c: Ctx) -> Draft:
    theme = c.pick(["cats", "lions", "transfer", "arena"])
    kind = "basket-news"
    player = c.pick(BASKET_PLAYERS)
    if theme == "cats":
        cats = [p for p in BASKET_PLAYERS if p.name in ("Emma Vanhove", "Kaat Verhelst")]
        hl = "Belgian Cats maken selectie bekend voor EK-voorbereiding"
        lead = sentences(
            "De Belgian Cats hebben hun selectie bekendgemaakt voor de voorbereiding op het EK.",
            f"{cats[0].name} en {cats[1].name} zijn de blikvangers.",
        )
        body = [
            "De groep verzamelt eind mei voor een stage in Oostende.",
            "Er staan vier oefeninterlands op het programma.",
            "De ambitie is duidelijk: opnieuw een medaille.",
        ]
        tags = [cats[0].slug, cats[1].slug]
        kind = "basket-national"
    elif theme == "lions":
        hl = "Belgian Lions plaatsen zich voor de volgende ronde"
        lead = sentences(
            "De Belgian Lions hebben zich geplaatst voor de volgende kwalificatieronde.",
            f"{player.name} was de uitblinker in de beslissende wedstrijd.",
        )
        body = [
            "België won met een ruime marge.",
            f"{player.name} scoorde en verdeelde het spel uitstekend.",
            "De volgende ronde wordt in de zomer gespeeld.",
        ]
        tags = [player.slug, BASKET_COACH.slug]
        kind = "basket-national"
    elif theme == "transfer":
        new = c.pick([n for _, n, _ in BASKET_CLUBS if n != player.team])
        hl = f"{player.name} ruilt {player.team} voor {new}"
        lead = sentences(f"{player.name} verlaat {player.team}.", f"De {player.role} tekent bij {new}.")
        body = [
            f"Bij {new} wordt {player.name} een van de sterkhouders.",
            "De club wil volgend seizoen een rol spelen in de top.",
            f"{player.team} zoekt een vervanger.",
        ]
        tags = [player.slug, slugify(new), slugify(player.team)]
    else:
        club = c.pick(BASKET_CLUBS)
        hl = f"{club[1]} verhuist naar nieuwe sporthal in {club[2]}"
        lead = sentences(
            f"{club[1]} speelt vanaf volgend seizoen in een nieuwe sporthal in {club[2]}.",
            f"Er is plaats voor {c.num(3, 6)}.000 toeschouwers.",
        )
        body = [
            "De huidige hal is te klein geworden voor de ambities van de club.",
            "De nieuwe zaal krijgt ook een ruimte voor jeugdwerking.",
            "De eerste wedstrijd is gepland in oktober.",
        ]
        tags = [slugify(club[1])]
    p = [
        sentences(body[0], c.pick(["Dat maakte de club bekend.", "", "Het nieuws werd goed onthaald."])),
        sentences(body[1], c.pick(["Het is een belangrijke stap.", "", "De fans kijken ernaar uit."])),
        sentences(body[2], c.pick(["", "De ambities zijn groot.", ""])),
    ]
    return Draft(
        section="basketbal",
        kind=kind,
        headline=hl,
        lead=lead,
        chunks=[(None, [p[0]]), ("Details", [p[1]]), ("Vooruitblik", [p[2]])],
        tags=[*tags, comp("BNXT League")],
        question=c.pick(["Volgt u de Belgische basketbalcompetitie?", "Wat vindt u van deze ontwikkeling?"]),
        topic="basket",
    )


BASKETBAL = [(12, basket_match), (10, basket_news)]


# --------------------------------------------------------------------------
# Hockey
# --------------------------------------------------------------------------


def hockey_match(c: Ctx) -> Draft:
    (_k1, home, hcity), (_k2, away, _acity) = c.sample(HOCKEY_CLUBS, 2)
    hg, ag = c.pick([(3, 2), (2, 1), (4, 1), (1, 1), (0, 2), (2, 3), (5, 3)])
    star = c.pick(HOCKEY_PLAYERS)
    shootout = hg == ag
    hl = c.pick(
        [
            f"{home} en {away} in spektakelstuk: {hg}-{ag}",
            f"{star.name} beslist topper tussen {home} en {away}",
            f"{'Shoot-outs' if shootout else 'Strafcorners'} maken het verschil in {home} - {away}",
        ]
    )
    lead = sentences(
        f"In de Belgian Hockey League eindigde {home} - {away} op {hg}-{ag}{', na shoot-outs' if shootout else ''}.",
        f"{star.name} was een van de uitblinkers.",
    )
    p1 = sentences(
        f"Op het veld in {hcity} begon {home} met veel balbezit.",
        f"Na een kwartier opende {star.name} de score uit een strafcorner.",
        c.pick(
            [
                "De bezoekers reageerden snel.",
                "Het tweede kwart was evenwichtig.",
                "De doelman hield zijn ploeg lang recht.",
            ]
        ),
    )
    p2 = sentences(
        f"In de laatste tien minuten ging {away} all-in, met een extra veldspeler.",
        c.pick(["Dat leverde nog een doelpunt op.", "Het mocht niet baten.", "Een late strafcorner ging net naast."]),
        "Shoot-outs moesten de beslissing brengen."
        if shootout
        else "Het slotsignaal bracht opluchting bij de winnaar.",
    )
    p3 = sentences(
        "De play-offs komen stilaan in zicht.",
        f"Bondscoach {HOCKEY_COACH.name} zat in de tribune om enkele spelers te volgen.",
    )
    return Draft(
        section="hockey",
        kind="hockey-match",
        headline=hl,
        lead=lead,
        chunks=[(None, [p1]), ("Slotfase", [p2]), ("Vooruitblik", [p3])],
        tags=[slugify(home), slugify(away), star.slug, comp("Belgian Hockey League")],
        question=c.pick(["Wie wordt volgens u landskampioen?", "Volgt u de Belgische hockeycompetitie?"]),
        topic="hockey",
    )


def hockey_news(c: Ctx) -> Draft:
    theme = c.pick(["ehl", "redlions", "panthers", "youth"])
    player = c.pick(HOCKEY_PLAYERS)
    club = c.pick(HOCKEY_CLUBS)
    if theme == "ehl":
        hl = f"{club[1]} plaatst zich voor de Final Four van de EuroHockey League"
        lead = sentences(
            f"{club[1]} heeft zich geplaatst voor de Final Four van de EuroHockey League.",
            "In de kwartfinale werd een Nederlandse topclub uitgeschakeld.",
        )
        body = [
            "Het werd een bloedstollende wedstrijd die pas na shoot-outs beslist werd.",
            f"{player.name} scoorde de beslissende shoot-out.",
            "De Final Four wordt in juni gespeeld.",
        ]
        tags = [slugify(club[1]), player.slug, comp("EuroHockey League")]
    elif theme == "redlions":
        hl = "Red Lions maken selectie bekend voor Pro League"
        lead = sentences(
            f"Bondscoach {HOCKEY_COACH.name} heeft zijn selectie bekendgemaakt voor de Pro League-wedstrijden in juni.",
            f"{player.name} is een van de nieuwkomers.",
        )
        body = [
            "De groep is een mix van ervaren spelers en jong talent.",
            f"{player.name} overtuigde dit seizoen bij {player.team}.",
            "De wedstrijden worden in Antwerpen gespeeld.",
        ]
        tags = [player.slug, HOCKEY_COACH.slug]
    elif theme == "panthers":
        hl = "Red Panthers winnen oefentoernooi in Spanje"
        lead = sentences(
            "De Red Panthers hebben een oefentoernooi in Spanje gewonnen.",
            "Het is een opsteker in aanloop naar de internationale zomer.",
        )
        body = [
            "In de finale werd gastland Spanje verslagen.",
            f"{player.name} was met drie doelpunten de topschutter van het toernooi.",
            "De ploeg werkt de komende weken nog een stage af in België.",
        ]
        tags = [player.slug]
    else:
        hl = f"{club[1]} lanceert hockeyproject voor scholen"
        lead = sentences(
            f"{club[1]} wil meer kinderen laten kennismaken met hockey.",
            "De club gaat daarvoor samenwerken met scholen in de buurt.",
        )
        body = [
            "Trainers van de club geven gratis lessen tijdens de turnles.",
            "Wie wil, kan daarna een maand gratis meetrainen.",
            "De club hoopt zo ook kinderen te bereiken die nog nooit een stick vasthadden.",
        ]
        tags = [slugify(club[1])]
    p = [
        sentences(body[0], c.pick(["", "Het was een bijzonder moment.", "Dat bevestigde de club."])),
        sentences(body[1], c.pick(["", "Een mooie beloning.", "Het is een belangrijke stap."])),
        sentences(body[2], c.pick(["", "De ambities zijn groot.", ""])),
    ]
    return Draft(
        section="hockey",
        kind="hockey-news",
        headline=hl,
        lead=lead,
        chunks=[(None, [p[0]]), ("Details", [p[1]]), ("Vooruitblik", [p[2]])],
        tags=[*tags, comp("Belgian Hockey League")],
        question=c.pick(["Wat vindt u van deze ontwikkeling?", "Speelt u zelf hockey?"]),
        topic="hockey",
    )


HOCKEY = [(10, hockey_match), (10, hockey_news)]


# --------------------------------------------------------------------------
# Atletiek
# --------------------------------------------------------------------------

MEETINGS = ["Doha", "Xiamen", "Shanghai", "Rabat", "Eugene", "Oslo"]


def athletics_meeting(c: Ctx) -> Draft:
    a = c.pick([x for x in ATHLETES if x.role not in ("marathon",)])
    meeting = c.pick(MEETINGS)
    place = c.num(1, 6)
    women = a.name.split()[0] in ("Nore", "Sarah", "Lore", "Jolien")
    pron = "zij" if women else "hij"
    poss = "haar" if women else "zijn"
    time = {
        "400 meter": f"{c.num(49, 51)},{c.num(10, 99)}",
        "100 meter": f"10,{c.num(5, 25):02d}",
        "100 meter horden": f"12,{c.num(70, 99)}",
        "1500 meter": f"3.{c.num(31, 36)},{c.num(10, 99)}",
        "zevenkamp": f"{c.num(6200, 6600)} punten",
        "hoogspringen": f"1,{c.num(88, 97)} meter",
        "tienkamp": f"{c.num(8000, 8400)} punten",
    }[a.role]
    hl = c.pick(
        [
            f"{a.name} {'wint' if place == 1 else 'wordt ' + str(place) + 'e op'} de {a.role} in {meeting}",
            f"Sterke seizoensstart voor {a.name} in {meeting}",
            f"{a.name} loopt in {meeting} naar {time}"
            if "meter" in a.role and "hoog" not in a.role
            else f"{a.name} haalt {time} in {meeting}",
        ]
    )
    lead = sentences(
        f"{a.name} is {'uitstekend' if place <= 3 else 'behoorlijk'} aan het outdoorseizoen begonnen.",
        f"In de Diamond League-meeting van {meeting} werd {pron} {place}e op de {a.role} in {time}.",
    )
    p1 = sentences(
        f"Het was voor {a.name} de eerste wedstrijd van het seizoen in openlucht.",
        c.pick(
            [
                "De omstandigheden waren goed, met weinig wind.",
                "Het was warm en vochtig.",
                "Een stevige tegenwind maakte het lastig.",
            ]
        ),
        f"{cap_(pron)} {c.pick(['begon sterk', 'moest even zoeken naar het ritme', 'hield zich lang in de groep'])}.",
    )
    p2 = sentences(
        f"Met {time} zit {pron} {c.pick(['dicht bij', 'al onder', 'nog wat boven'])} de limiet voor het EK.",
        f"Coach {ATHLETICS_COACH.name} is tevreden, al blijft er werk aan de winkel.",
        "De komende weken volgt een trainingsstage in het zuiden van Europa.",
    )
    p3 = sentences(
        f"De volgende wedstrijd voor {a.name} is over twee weken.",
        c.pick(
            [
                "Het grote doel blijft het EK in de zomer.",
                "Eerst volgt nog een meeting in eigen land.",
                f"{cap_(poss)} ambitie is duidelijk: een finale op een groot kampioenschap.",
            ]
        ),
    )
    return Draft(
        section="atletiek",
        kind="athletics",
        headline=hl,
        lead=lead,
        chunks=[(None, [p1]), ("De tijd", [p2]), ("Vooruitblik", [p3])],
        tags=[a.slug, ATHLETICS_COACH.slug, comp("Diamond League")],
        question=c.pick([f"Haalt {a.name} volgens u een medaille op het EK?", "Volgt u atletiek op televisie?"]),
        interest=2 if place == 1 else 1,
        topic=f"athlete:{a.slug}",
    )


def road_race(c: Ctx) -> Draft:
    a = c.pick([x for x in ATHLETES if x.role == "marathon"])
    women = a.name.startswith("Manon")
    pron = "zij" if women else "hij"
    poss = "haar" if women else "zijn"
    race = c.pick(["Marathon van Rotterdam", "Antwerp 10 Miles"])
    if race == "Marathon van Rotterdam":
        t = f"2:{c.num(6, 29)}:{c.num(10, 59)}"
        dist = "marathon"
    else:
        t = f"{c.num(46, 56)}:{c.num(10, 59)}"
        dist = "tien mijl"
    hl = c.pick(
        [
            f"{a.name} loopt {t} in de {race}",
            f"Persoonlijk record voor {a.name} in de {race}",
            f"{a.name} sterkste {'Belgische' if women else 'Belg'} in de {race}",
        ]
    )
    lead = sentences(
        f"{a.name} heeft in de {race} een knappe prestatie neergezet.", f"{cap_(pron)} liep de {dist} in {t}."
    )
    p1 = sentences(
        "Het was fris bij de start, met weinig wind.",
        f"{a.name} liep lang in een groep met enkele Nederlanders.",
        "Na het halfweg punt versnelde het tempo.",
    )
    p2 = sentences(
        f"In het laatste deel moest {pron} even afzien, maar {pron} hield stand.",
        f"Met deze tijd zet {a.name} een stap richting internationale selecties.",
    )
    p3 = sentences(
        "Langs het parcours stonden tienduizenden toeschouwers.",
        f"{cap_(poss)} volgende doel is een zomermarathon.",
        "Eerst volgt een periode van herstel.",
    )
    return Draft(
        section="atletiek",
        kind="road",
        headline=hl,
        lead=lead,
        chunks=[(None, [p1]), ("De finale", [p2]), ("Vooruitblik", [p3])],
        tags=[a.slug, comp(race)],
        question=c.pick(["Loopt u zelf een marathon dit jaar?", "Wat is uw mooiste loopervaring?"]),
        image_motif="marathon",
        topic="road",
    )


def athletics_news(c: Ctx) -> Draft:
    a = c.pick(ATHLETES)
    hl = c.pick(
        [
            f"{a.name} verhuist naar trainingsgroep in het buitenland",
            f"{a.name} kiest voor nieuwe coach",
            f"{a.name} mikt op het EK: 'Ik wil een finale lopen'",
        ]
    )
    lead = sentences(
        f"{a.name} zet een belangrijke stap in de voorbereiding op het EK atletiek.",
        "Een keuze die veel zegt over de ambities.",
    )
    p1 = sentences(
        f"{a.name} traint de komende maanden in een internationale groep.",
        "De faciliteiten zijn er uitstekend.",
        f"Coach {ATHLETICS_COACH.name} blijft betrokken op afstand.",
    )
    p2 = sentences(
        "De voorbije jaren was de vooruitgang groot.",
        "Toch bleef de stap naar de absolute top net te groot.",
        "Met deze keuze wil het team die kloof dichten.",
    )
    p3 = sentences("Het EK is het grote doel.", "De eerste test volgt al binnen enkele weken.")
    return Draft(
        section="atletiek",
        kind="athletics-news",
        headline=hl,
        lead=lead,
        chunks=[(None, [p1]), ("De keuze", [p2]), ("Vooruitblik", [p3])],
        tags=[a.slug, comp("EK atletiek")],
        question=c.pick(["Is dit de juiste keuze?", "Wie wordt de Belgische revelatie van dit seizoen?"]),
        topic=f"athlete:{a.slug}",
    )


ATLETIEK = [(10, athletics_meeting), (7, road_race), (7, athletics_news)]


# --------------------------------------------------------------------------
# Formule 1
# --------------------------------------------------------------------------

PAST_GPS = [
    ("Australië", "Melbourne", 42),
    ("China", "Shanghai", 35),
    ("Japan", "Suzuka", 21),
    ("Bahrein", "Sakhir", 14),
    ("Saudi-Arabië", "Jeddah", 7),
]
GPS = [
    ("Bahrein", "Sakhir"),
    ("Saudi-Arabië", "Jeddah"),
    ("Australië", "Melbourne"),
    ("Japan", "Suzuka"),
    ("China", "Shanghai"),
    ("Miami", "Miami"),
    ("Emilia-Romagna", "Imola"),
]


def f1_race(c: Ctx) -> Draft:
    options = [(g, k) for g in PAST_GPS for k in ("race", "quali")]
    (gp, track, days), kind = first_unclaimed(c, options, lambda o: f"f1:{o[0][0]}:{o[1]}")
    win, second, third = c.sample(DRIVERS[1:8], 3)
    lars = DRIVERS[0]
    lars_pos = c.num(4, 13) if kind == "race" else c.num(2, 12)
    if kind == "race":
        hl = c.pick(
            [
                f"{win.name} wint de Grote Prijs van {gp}",
                f"Zege voor {win.name} in {track}, {lars.name} wordt {lars_pos}e",
                f"{win.team} viert in {track}: {win.name} wint",
            ]
        )
        lead = sentences(
            f"{win.name} ({win.team}) heeft de Grote Prijs van {gp} gewonnen.",
            f"{second.name} en {third.name} vervolledigden het podium. {lars.name} werd {lars_pos}e.",
        )
        p1 = sentences(
            f"Bij de start behield {win.name} zijn positie.",
            c.pick(
                [
                    "Achter hem ging het meteen hard.",
                    "In de eerste bocht was er contact tussen twee wagens.",
                    "De safety car kwam al in de eerste ronde op de baan.",
                ]
            ),
            f"De strategie met {c.pick(['één pitstop', 'twee pitstops'])} bleek de juiste.",
        )
        p2 = sentences(
            f"{lars.name} reed een {c.pick(['sterke', 'moeizame', 'foutloze'])} race.",
            f"Hij startte als {c.num(3, 15)}e en eindigde als {lars_pos}e.",
            "Zijn team sprak van een stap vooruit." if lars_pos < 8 else "De bandenslijtage speelde hem parten.",
        )
        p3 = sentences(
            f"In het kampioenschap blijft {c.pick([win, second]).name} aan de leiding.",
            "Over twee weken volgt de volgende race.",
        )
        chunks = [(None, [p1]), (f"{lars.name}", [p2]), ("Het kampioenschap", [p3])]
    else:
        hl = c.pick([f"{win.name} op pole in {track}", f"{lars.name} start als {lars_pos}e in {track}"])
        lead = sentences(
            f"{win.name} start zondag vanaf pole position in de Grote Prijs van {gp}.",
            f"{lars.name} kwalificeerde zich als {lars_pos}e.",
        )
        p1 = sentences(
            "De kwalificatie verliep in wisselende omstandigheden.",
            f"{win.name} zette in Q3 de snelste tijd neer.",
            f"Het verschil met {second.name} bedroeg amper {c.num(12, 190)} duizendsten.",
        )
        p2 = sentences(
            f"{lars.name} was {'tevreden' if lars_pos < 8 else 'teleurgesteld'}.",
            "Een kleine fout in de laatste sector kostte tijd.",
            "Met een goede start is een plaats in de punten mogelijk.",
        )
        p3 = sentences("De race begint zondag om 15 uur Belgische tijd.", "Er wordt droog weer verwacht.")
        chunks = [(None, [p1]), (f"{lars.name}", [p2]), ("De race", [p3])]
    return Draft(
        section="formule-1",
        kind="f1",
        headline=hl,
        lead=lead,
        chunks=chunks,
        tags=[win.slug, lars.slug, slugify(win.team), comp("Formule 1-wereldkampioenschap")],
        question=c.pick([f"Haalt {lars.name} dit seizoen een podium?", "Wie wordt volgens u wereldkampioen?"]),
        interest=2 if kind == "race" else 1,
        topic="f1",
        extra={"offset": after_event(c, days + (1 if kind == "quali" else 0), (0, 150))},
    )


def f1_news(c: Ctx) -> Draft:
    theme = c.pick(["contract", "upgrade", "spa", "boss"])
    d = c.pick(DRIVERS)
    if theme == "contract":
        hl = f"{d.name} verlengt contract bij {d.team}"
        lead = sentences(
            f"{d.name} blijft ook de komende twee seizoenen bij {d.team}.",
            "Daarmee is een van de belangrijkste zitjes ingevuld.",
        )
        body = [
            "Het team is tevreden over zijn ontwikkeling.",
            "Hij scoorde dit seizoen al regelmatig punten.",
            "De verlenging geeft rust in het team.",
        ]
        tags = [d.slug, slugify(d.team)]
    elif theme == "upgrade":
        team = c.pick(F1_TEAMS)
        hl = f"{team} brengt grote update naar Imola"
        lead = sentences(
            f"{team} brengt een groot updatepakket naar de volgende race.",
            "Een nieuwe vloer en aangepaste sidepods moeten tijd opleveren.",
        )
        body = [
            "Het team verloor de voorbije races tijd in de snelle bochten.",
            "De nieuwe onderdelen werden getest in de windtunnel.",
            "Of het werkt, moet op de baan blijken.",
        ]
        tags = [slugify(team)]
    elif theme == "spa":
        hl = "Spa-Francorchamps investeert in nieuwe tribunes"
        lead = sentences(
            "Het circuit van Spa-Francorchamps investeert in nieuwe tribunes en betere toegangswegen.",
            "Zo wil het circuit zijn plaats op de kalender verzekeren.",
        )
        body = [
            "De werken starten na de Grote Prijs van België.",
            "Er komen ook extra pendelbussen.",
            f"Voor Belgische fans is het extra spannend met {DRIVERS[0].name} op de grid.",
        ]
        tags = [comp("Grote Prijs van België"), DRIVERS[0].slug]
    else:
        hl = f"{F1_BOSS.name}: 'We moeten sneller beslissen'"
        lead = sentences(
            f"Teambaas {F1_BOSS.name} van {F1_TEAMS[3]} wil dat zijn team sneller reageert.",
            "Na een moeilijke start van het seizoen kondigt hij veranderingen aan.",
        )
        body = [
            "Er komt een nieuwe technisch directeur.",
            "Ook de strategieafdeling wordt versterkt.",
            "Het doel blijft podiumplaatsen.",
        ]
        tags = [F1_BOSS.slug, slugify(F1_TEAMS[3])]
    p = [
        sentences(body[0], c.pick(["", "Dat bevestigde het team.", "Het nieuws kwam niet onverwacht."])),
        sentences(body[1], c.pick(["", "Het is een belangrijke stap.", "Details volgen later."])),
        sentences(body[2], c.pick(["", "De komende races worden belangrijk.", ""])),
    ]
    return Draft(
        section="formule-1",
        kind="f1-news",
        headline=hl,
        lead=lead,
        chunks=[(None, [p[0]]), ("Details", [p[1]]), ("Vooruitblik", [p[2]])],
        tags=[*tags, comp("Formule 1-wereldkampioenschap")],
        question=c.pick(["Wat vindt u van deze beslissing?", "Wie wordt volgens u wereldkampioen?"]),
        topic="f1",
    )


NEXT_GPS = [("Miami", "Miami", -6), ("Emilia-Romagna", "Imola", -20)]


def f1_preview(c: Ctx) -> Draft:
    gp, track, days = c.pick(NEXT_GPS)
    angle = c.pick(["favorieten", "belg", "strategie", "circuit"])
    if not claim(c, f"f1-preview:{gp}:{angle}"):
        raise Skip
    lars = DRIVERS[0]
    fav = c.pick(DRIVERS[1:8])
    hl = {
        "favorieten": f"Voorbeschouwing Grote Prijs van {gp}: {fav.name} de te kloppen man",
        "belg": f"{lars.name} kijkt uit naar {track}: 'Daar ligt een kans op punten'",
        "strategie": f"Banden, hitte en safety cars: de strategische puzzel van {track}",
        "circuit": f"Het circuit van {track} in vijf bochten uitgelegd",
    }[angle]
    lead = sentences(
        f"Over {-days} dagen staat de Grote Prijs van {gp} op de kalender.",
        {
            "favorieten": f"{fav.name} ({fav.team}) vertrekt als favoriet, maar de concurrentie zit hem op de hielen.",
            "belg": f"{lars.name} hoopt er de stijgende lijn van {lars.team} door te trekken.",
            "strategie": "De teams verwachten een race waarin de bandenkeuze het verschil maakt.",
            "circuit": "Een circuit met snelle stukken, trage bochten en weinig ruimte voor fouten.",
        }[angle],
    )
    p1 = sentences(
        f"Het circuit van {track} telt {c.num(15, 21)} bochten en is {dec(c.num(48, 59) / 10)} kilometer lang.",
        c.pick(
            [
                "Inhalen is er niet eenvoudig, wat de kwalificatie extra belangrijk maakt.",
                "Er zijn drie DRS-zones, wat voor een spannende race kan zorgen.",
                "De baan is bij de start van het weekend doorgaans stoffig en wordt pas later sneller.",
            ]
        ),
    )
    p2 = sentences(
        f"{fav.name} won vorig seizoen de sprint op dit circuit en lijkt ook nu in vorm.",
        f"{lars.name} startte het seizoen met enkele puntenfinishes en wil die reeks voortzetten.",
        c.pick(
            [
                "Het team brengt een kleine update mee, vooral aan de voorvleugel.",
                "In de simulator werd de voorbije week hard gewerkt aan de afstelling.",
                "Vooral in de trage sector moet er tijd gevonden worden.",
            ]
        ),
    )
    p3 = sentences(
        "De weersvoorspellingen spreken van warm weer, met kans op een onweersbui op zondag.",
        "De race begint om 22 uur Belgische tijd." if gp == "Miami" else "De race begint om 15 uur Belgische tijd.",
    )
    return Draft(
        section="formule-1",
        kind="f1-news",
        headline=hl,
        lead=lead,
        chunks=[(None, [p1]), ("De favorieten", [p2]), ("Praktisch", [p3])],
        tags=[fav.slug, lars.slug, slugify(lars.team), comp("Formule 1-wereldkampioenschap")],
        question=c.pick([f"Wie wint volgens u in {track}?", f"Haalt {lars.name} punten in {track}?"]),
        topic="f1",
        extra={"offset": c.num(0, 4) * 24 * 60 + c.num(60, 600)},
    )


def f1_profile(c: Ctx) -> Draft:
    d = c.pick(DRIVERS[:8])
    if not claim(c, f"f1-profile:{d.slug}"):
        raise Skip
    age = c.num(20, 33)
    hl = c.pick(
        [
            f"Portret: {d.name}, de stille kracht van {d.team}",
            f"{d.name} ({age}): van de kartbaan naar de Formule 1",
            f"Wie is {d.name}, de man die {d.team} nieuw leven inblaast?",
        ]
    )
    lead = sentences(
        f"{d.name} ({d.country}) is een van de opvallendste coureurs van het seizoen.",
        "Een portret van een rijder die zijn weg naar de top niet cadeau kreeg.",
    )
    p1 = sentences(
        f"{d.name} begon op zijn zevende met karten, op een kleine baan in de buurt van zijn ouderlijk huis.",
        "Zijn vader sleutelde in het weekend aan de kart, zijn moeder hield de tijden bij.",
        "Op zijn vijftiende maakte hij de overstap naar de formuleklassen.",
    )
    p2 = sentences(
        f"Bij {d.team} viel hij meteen op door zijn rust en zijn feedback aan de ingenieurs.",
        "Hij is geen rijder van grote woorden, wel van constante prestaties.",
        f"Dit seizoen scoorde hij al {c.num(8, 48)} punten.",
    )
    p3 = sentences(
        "Naast de baan is hij een fervent fietser en houdt hij van koken.",
        "Zijn doel is duidelijk: ooit een Grote Prijs winnen.",
    )
    return Draft(
        section="formule-1",
        kind="f1-news",
        headline=hl,
        lead=lead,
        chunks=[(None, [p1]), ("Bij het team", [p2]), ("Naast de baan", [p3])],
        tags=[d.slug, slugify(d.team), comp("Formule 1-wereldkampioenschap")],
        question=c.pick([f"Hoe ver kan {d.name} het nog schoppen?", "Welke coureur verdient volgens u meer aandacht?"]),
        topic="f1",
    )


FORMULE1 = [(10, f1_race), (8, f1_news), (5, f1_preview), (5, f1_profile)]


# --------------------------------------------------------------------------
# Media
# --------------------------------------------------------------------------


def media_story(c: Ctx) -> Draft:
    theme = c.fresh("media", ["rights", "ratings", "podcast", "commentator", "price", "docu", "radio", "app"])
    who = c.pick(MEDIA_PEOPLE)
    bc = c.pick(BROADCASTERS)
    extra_offset = 0
    if theme == "rights":
        hl = f"{bc} haalt uitzendrechten van de Pro League binnen"
        lead = sentences(
            f"{bc} zendt vanaf volgend seizoen de Jupiler Pro League uit.", "Het contract loopt over vijf seizoenen."
        )
        body = [
            "Het bod zou hoger liggen dan dat van de vorige rechtenhouder.",
            "Er komt een nieuw studioprogramma op zondagavond.",
            "Voor de kijker verandert er ook iets aan de prijs van het abonnement.",
        ]
        tags = [comp("Jupiler Pro League"), who.slug]
    elif theme == "ratings":
        event, moment, days = first_unclaimed(
            c,
            [
                ("de Ronde van Vlaanderen", "de finale op de Paterberg", 21),
                ("Parijs-Roubaix", "de laatste kasseistroken", 14),
                ("de bekerfinale", "de slotfase van de tweede helft", 40),
                ("de interland van de Rode Duivels tegen Noord-Macedonië", "de tweede helft", 37),
            ],
            lambda o: f"ratings:{o[0]}",
        )
        n = c.num(900, 1800) * 1000
        viewers = f"{n:,}".replace(",", ".")
        hl = f"{viewers} kijkers voor {event}"
        lead = sentences(
            f"Gemiddeld {viewers} mensen keken naar de live-uitzending van {event}.",
            "Het was een van de best bekeken sportuitzendingen van het jaar.",
        )
        body = [
            f"De kijkpiek lag bij {moment}.",
            "Ook online werd er massaal gekeken, vooral via de app en op tablets.",
            f"Commentator {who.name} kreeg veel lof voor het verslag."
            if who.role == "commentator"
            else "De uitzending kreeg veel lof, ook voor de beelden vanuit de lucht.",
        ]
        tags = [who.slug]
        extra_offset = (days - 1) * 24 * 60 - c.num(300, 500)
    elif theme == "podcast":
        hl = f"{who.name} start nieuwe voetbalpodcast"
        lead = sentences(
            f"{who.name} lanceert een nieuwe podcast over het Belgische voetbal.",
            "Elke week komt er een nieuwe aflevering online.",
        )
        body = [
            "In de podcast komen ook oud-spelers en supporters aan het woord.",
            "De eerste aflevering gaat over de strijd om de titel.",
            "De podcast is gratis te beluisteren.",
        ]
        tags = [who.slug]
    elif theme == "commentator":
        hl = f"{who.name} neemt afscheid na dertig jaar sportverslaggeving"
        lead = sentences(
            f"{who.name} stopt op het einde van het seizoen als {who.role}.",
            "Een van de bekendste stemmen van de sport verdwijnt.",
        )
        body = [
            "Hij becommentarieerde honderden wedstrijden.",
            "Zijn laatste uitzending wordt de bekerfinale.",
            "Collega's spreken van een icoon.",
        ]
        tags = [who.slug]
    elif theme == "price":
        hl = f"Abonnement van {bc} wordt duurder"
        lead = sentences(
            f"{bc} verhoogt de prijs van zijn sportabonnement.",
            f"Vanaf volgende maand betaalt de kijker {c.num(2, 5)} euro meer per maand.",
        )
        body = [
            "De zender verwijst naar de hogere kosten van uitzendrechten.",
            "Consumentenorganisaties reageren kritisch.",
            "Wie een jaarabonnement neemt, krijgt korting.",
        ]
        tags = [comp("Jupiler Pro League")]
    elif theme == "docu":
        hl = "Nieuwe docureeks volgt een seizoen lang een voetbalclub"
        lead = sentences(
            f"{bc} zendt in het najaar een docureeks uit over een seizoen achter de schermen bij een voetbalclub.",
            "De makers kregen toegang tot de kleedkamer.",
        )
        body = [
            "De reeks telt acht afleveringen.",
            "Ook de supporters komen uitgebreid aan bod.",
            "De makers beloven een eerlijk beeld, met hoogtes en laagtes.",
        ]
        tags = [who.slug]
    elif theme == "radio":
        hl = "Radio Tribune Sport breidt verslaggeving uit"
        lead = sentences(
            "Radio Tribune Sport brengt voortaan ook live verslag van basketbal en hockey.",
            "De zender wil zo meer sporten een podium geven.",
        )
        body = [
            "Er komen twee nieuwe verslaggevers bij.",
            "Op zaterdag is er een nieuw sportmagazine.",
            "De zender is ook via de app te beluisteren.",
        ]
        tags = [comp("BNXT League"), comp("Belgian Hockey League")]
    else:
        hl = f"Nieuwe sportapp van {bc} crasht tijdens topwedstrijd"
        lead = sentences(
            f"De nieuwe app van {bc} kreeg het zwaar tijdens een topwedstrijd.",
            "Duizenden gebruikers konden de wedstrijd niet volgen.",
        )
        body = [
            "De zender bood excuses aan.",
            "Er wordt een compensatie voorzien voor abonnees.",
            "Een technische fout zou de oorzaak zijn.",
        ]
        tags = [comp("Jupiler Pro League")]
    p = [
        sentences(body[0], c.pick(["", "Dat bevestigde de zender.", "Dat blijkt uit cijfers van het kijkonderzoek."])),
        sentences(body[1], c.pick(["", "Het is een belangrijke verandering.", "De reacties zijn gemengd."])),
        sentences(body[2], c.pick(["", "", "De komende maanden worden belangrijk."])),
    ]
    return Draft(
        section="media",
        kind="media",
        headline=hl,
        lead=lead,
        chunks=[(None, [p[0]]), ("Details", [p[1]]), ("Reacties", [p[2]])],
        tags=tags,
        question=c.pick(
            [
                "Hoe volgt u sport het liefst: televisie, radio of online?",
                "Wat vindt u van deze verandering?",
                "Betaalt u voor sport op televisie?",
            ]
        ),
        topic="media",
        extra={"offset": extra_offset} if extra_offset else {},
    )


MEDIA = [(1, media_story)]
