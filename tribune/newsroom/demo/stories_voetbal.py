# ruff: noqa: E501 -- prose templates read better unbroken
"""Football and Red Devils stories, about fictional clubs and players only."""

from __future__ import annotations

from tribune.newsroom.demo.catalogue import (
    FOOTBALL_CLUBS,
    FOREIGN_CLUBS,
    RED_DEVILS_ABROAD,
    RED_DEVILS_COACH,
    Club,
    Person,
    slugify,
)
from tribune.newsroom.demo.stories import (
    Ctx,
    Draft,
    Skip,
    cap,
    claim,
    comp,
    dec,
    euro,
    first_unclaimed,
    number_word,
    sentences,
)

PRO_LEAGUE = comp("Jupiler Pro League")
PLAYOFFS = ["de Champions' Play-offs", "de Europe Play-offs", "de Relegation Play-offs"]

HOW = [
    "kopte een hoekschop van {assist} tegen de touwen",
    "schoot van buiten de zestien hard in de verste hoek",
    "rondde koelbloedig af na een snelle tegenaanval",
    "zette een strafschop beheerst om",
    "tikte de rebound binnen nadat de doelman een eerste poging had gekeerd",
    "krulde een vrije trap over de muur in de winkelhaak",
    "profiteerde van een slordige terugspeelbal",
    "kapte zijn man uit en plaatste de bal in de korte hoek",
    "werkte een lage voorzet van {assist} in één tijd af",
    "stiftte de bal over de uitgekomen doelman",
    "trof raak met een knal in de kruising",
    "glipte tussen twee verdedigers door en schoof de bal binnen",
    "werd diep gestuurd door {assist} en bleef oog in oog met de doelman rustig",
    "kreeg de bal na een scrimmage voor de voeten en twijfelde niet",
]


def _scorer(c: Ctx, club: Club) -> Person:
    field_players = [p for p in club.players if p.role != "doelman"]
    weights = [4 if p.role == "spits" else 2 for p in field_players]
    return c.rng.choices(field_players, weights=weights)[0]


def _assist(c: Ctx, club: Club, scorer: Person) -> str:
    mates = [p for p in club.players if p is not scorer and p.role != "doelman"]
    return c.pick(mates).name if mates else "een ploegmaat"


def _keeper(club: Club) -> Person | None:
    return next((p for p in club.players if p.role == "doelman"), None)


def _inv(how: str, subject: str) -> str:
    """Put the subject after the verb: "kopte Jan de bal binnen"."""
    verb, _, rest = how.partition(" ")
    return f"{verb} {subject} {rest}"


def _goal_sentence(c: Ctx, club: Club, minute: int, score: str, first: bool) -> str:
    scorer = _scorer(c, club)
    how = c.pick(HOW).format(assist=_assist(c, club, scorer))
    if first:
        return c.pick(
            [
                f"Na {minute} minuten stond {club.short} al op voorsprong: {scorer.name} {how}.",
                f"{club.short} opende in de {minute}e minuut de score. {scorer.name} {how}.",
                f"Het eerste doelpunt viel na {minute} minuten: {scorer.name} {how}.",
                f"In de {minute}e minuut {_inv(how, scorer.name)}. Dat was meteen de openingsgoal.",
            ]
        )
    return c.pick(
        [
            f"In de {minute}e minuut maakte {scorer.name} er {score} van: hij {how}.",
            f"{scorer.name} zorgde na {minute} minuten voor {score}. De {scorer.role} {how}.",
            f"Na {minute} minuten {_inv(how, scorer.name)}: {score}.",
            f"Even later, in de {minute}e minuut, {_inv(how, scorer.name)}. Dat gaf {score}.",
        ]
    )


def _goals(c: Ctx, hg: int, ag: int) -> list[tuple[int, bool]]:
    minutes = sorted(c.sample(range(3, 94), hg + ag))
    sides = [True] * hg + [False] * ag
    c.rng.shuffle(sides)
    return list(zip(minutes, sides, strict=True))


def _pair(c: Ctx) -> tuple[Club, Club]:
    home, away = c.sample(FOOTBALL_CLUBS, 2)
    return home, away


def _match_question(c: Ctx, home: Club, away: Club, winner: Club | None) -> str:
    options = [
        "Wie was volgens u de man van de match?",
        f"Haalt {home.short} volgens u nog zijn doel dit seizoen?",
        f"Verdient {home.coach.name} nog het vertrouwen van het bestuur?",
        f"Hoe ver kan {away.short} het nog schoppen in de play-offs?",
        "Greep de VAR volgens u terecht in?",
        "Welke ploeg speelde volgens u het beste voetbal op deze speeldag?",
    ]
    if winner:
        options.append(f"Is {winner.short} volgens u klaar voor de laatste rechte lijn?")
    return c.pick(options)


# --------------------------------------------------------------------------
# Voetbal
# --------------------------------------------------------------------------


def match_report(c: Ctx) -> Draft:
    home, away = _pair(c)
    hg, ag = c.rng.choices(
        [(1, 0), (2, 1), (3, 1), (0, 0), (1, 1), (2, 2), (0, 1), (1, 2), (3, 0), (4, 2), (0, 2)],
        weights=[9, 9, 6, 5, 7, 4, 7, 6, 4, 2, 4],
    )[0]
    po = c.pick(PLAYOFFS)
    day = c.num(1, 9)
    crowd = c.num(6, 24) * 1000 + c.num(0, 9) * 100
    winner = home if hg > ag else away if ag > hg else None
    loser = away if hg > ag else home if ag > hg else None
    score = f"{hg}-{ag}"
    if winner and loser:
        hl = c.pick(
            [
                f"{winner.short} klopt {loser.short} met {max(hg, ag)}-{min(hg, ag)} in {po}",
                f"{winner.short} wint bij {home.short if winner is away else 'eigen publiek'} en blijft in het spoor van de top",
                f"{loser.short} gaat onderuit tegen {winner.short}: {score}",
                f"Zege van {winner.short} tegen {loser.short} in {home.city}",
                f"{winner.short} houdt de punten thuis tegen {loser.short}"
                if winner is home
                else f"{winner.short} pakt de volle buit in {home.city}",
                f"Speeldag {day}: {winner.short} te sterk voor {loser.short}",
            ]
        )
    else:
        hl = c.pick(
            [
                f"{home.short} en {away.short} delen de punten: {score}",
                f"Gelijkspel tussen {home.short} en {away.short} helpt niemand vooruit",
                f"{away.short} houdt {home.short} op {score} in {home.ground}",
                f"Speeldag {day}: geen winnaar tussen {home.short} en {away.short}",
            ]
        )
    lead = sentences(
        c.pick(
            [
                f"{home.name} en {away.name} speelden op de {day}e speeldag van {po} {score}.",
                f"Op de {day}e speeldag van {po} eindigde {home.short} - {away.short} op {score}.",
                f"Voor {crowd:,} toeschouwers in {home.ground} werd het {score} tussen {home.short} en "
                f"{away.short}.".replace(",", "."),
            ]
        ),
        c.pick(
            [
                f"{winner.short} zette zo een belangrijke stap, voor {loser.short} wordt het rekenen."
                if winner and loser
                else "Beide ploegen lieten een kans liggen om afstand te nemen.",
                f"Het was een wedstrijd met twee gezichten, voor {crowd:,} toeschouwers.".replace(",", "."),
                "Lees hier hoe de wedstrijd verliep en wat de trainers ervan vonden.",
            ]
        ),
    )
    goals = _goals(c, hg, ag)
    h = a = 0
    first_half, second_half = [], []
    for i, (minute, is_home) in enumerate(goals):
        if is_home:
            h += 1
        else:
            a += 1
        club = home if is_home else away
        text = _goal_sentence(c, club, minute, f"{h}-{a}", i == 0)
        (first_half if minute <= 45 else second_half).append(text)
    opening = sentences(
        c.pick(
            [
                f"{home.name} ontving {away.name} in {home.ground} voor {crowd:,} toeschouwers.".replace(",", "."),
                f"Het was {c.pick(['fris', 'zacht lenteweer', 'winderig', 'een grijze avond'])} in {home.city} toen "
                f"de scheidsrechter de aftrap gaf voor {home.short} - {away.short}.",
                f"{home.short} en {away.short} wisten allebei dat een misstap in {po} zwaar zou wegen.",
            ]
        ),
        c.pick(
            [
                f"{home.coach.name} koos voor hetzelfde elftal als vorige week, {away.coach.name} gooide het over "
                f"een andere boeg met drie centrale verdedigers.",
                f"Bij {away.short} ontbrak {c.pick(away.players).name}, die met een lichte blessure in de tribune zat.",
                f"De thuisploeg begon zoals verwacht met veel balbezit, {away.short} loerde op de counter.",
                "Het eerste kwartier was vooral een kwestie van aftasten, met veel duels op het middenveld.",
            ]
        ),
    )
    if first_half:
        p2 = sentences(
            *first_half,
            c.pick(["Zo ging het ook de rust in.", "", "Dat bleef de ruststand."]) if not second_half else "",
        )
    else:
        kh = _keeper(away) or _keeper(home)
        p2 = sentences(
            "De eerste helft leverde weinig op.",
            c.pick(
                [
                    f"Het grootste gevaar kwam van een afstandsschot van {_scorer(c, home).name}, maar "
                    f"{kh.name if kh else 'de doelman'} tikte de bal over.",
                    f"{_scorer(c, away).name} trof vlak voor de rust de paal, verder bleef het bij halve kansen.",
                    "Beide ploegen hielden elkaar in evenwicht en echte kansen bleven uit.",
                ]
            ),
        )
    sub2 = (
        c.pick(
            [
                "Ommekeer na de rust",
                "Beslissing in de slotfase",
                "Een tweede helft vol spektakel",
                "Wissels maken het verschil",
                "Spanning tot het einde",
            ]
        )
        if second_half
        else c.pick(["Een tweede helft zonder goals", "Veel strijd, weinig kansen", "Doelmannen in de hoofdrol"])
    )
    p3 = (
        sentences(*second_half)
        if second_half
        else sentences(
            "Ook na de rust bleef het doelpunt uit.",
            c.pick(
                [
                    f"{home.short} drukte in de laatste twintig minuten, maar vond geen opening in de compacte defensie.",
                    f"{away.short} kreeg in de slotminuut nog de winning goal op de voet, maar de bal ging naast.",
                    "De ingevallen spitsen brachten wat meer beweging, al bleef de laatste pass te vaak hangen.",
                ]
            ),
        )
    )
    p4 = sentences(
        c.pick(
            [
                "De VAR moest één keer tussenbeide komen, voor een mogelijke handsbal in de zestien. Na een lange "
                "controle besliste de scheidsrechter dat er niets aan de hand was.",
                f"Er werden {c.num(3, 7)} gele kaarten getrokken, vooral in een nerveuze fase net na de rust.",
                f"{c.pick(home.players + away.players).name} moest met een blessure naar de kant, wat de plannen van "
                f"zijn trainer dooreengooide.",
                f"In de slotminuten kreeg {c.pick([home.short, away.short])} nog een speler met rood van het veld na "
                f"een tweede gele kaart.",
            ]
        ),
        c.pick(
            [
                "De supporters zongen na afloop hun ploeg toe, ongeacht de uitslag.",
                f"Het balbezit was in het voordeel van {home.short}: {c.num(52, 66)} procent.",
                f"{home.short} kwam aan {c.num(9, 19)} doelpogingen, {away.short} aan {c.num(5, 14)}.",
            ]
        ),
    )
    coach = winner.coach if winner else home.coach
    p5 = sentences(
        c.pick(
            [
                f"{coach.name} sprak na afloop van een verdiende uitslag, al zag hij nog werkpunten.",
                f"Bij {coach.name} overheerste tevredenheid, al waarschuwde hij dat er nog niets beslist is.",
                f"{coach.name} wilde niet te veel naar het klassement kijken: volgens hem telt alleen de volgende "
                f"wedstrijd.",
            ]
        ),
        c.pick(
            [
                f"Volgende week trekt {home.short} naar {c.pick([cl for cl in FOOTBALL_CLUBS if cl not in (home, away)]).short}, "
                f"{away.short} ontvangt dan {c.pick([cl for cl in FOOTBALL_CLUBS if cl not in (home, away)]).short}.",
                f"Met nog {10 - day if day < 10 else 1} speeldagen te gaan, is het verschil met de concurrentie klein.",
                "In het klassement blijft het bijzonder spannend, met drie ploegen binnen twee punten.",
            ]
        ),
    )
    sub3 = c.pick(["Klassement", "Vooruitblik", "Reacties", "Wat betekent dit?"])
    star = _scorer(c, winner or c.pick([home, away]))
    keeper = _keeper(loser or away) or _keeper(home)
    p_star = sentences(
        c.pick(
            [
                f"De man van de match was {star.name}.",
                f"Onze uitblinker: {star.name}.",
                f"Wie één speler moet onthouden, kiest voor {star.name}.",
            ]
        ),
        c.pick(
            [
                f"De {star.role} was betrokken bij bijna elke gevaarlijke aanval en won opvallend veel duels.",
                "Hij liep meer dan twaalf kilometer en stond telkens op de juiste plaats.",
                f"Zijn passing tussen de linies bracht de verdediging van {(loser or away).short} keer op keer in de problemen.",
                "Hij speelde met een vanzelfsprekendheid die de voorbije weken nog ontbrak.",
            ]
        ),
        c.pick(
            [
                f"Ook {keeper.name} verdient een vermelding: hij hield zijn ploeg met enkele knappe reddingen in de wedstrijd."
                if keeper
                else "",
                "Op de tribune werd zijn naam na afloop luid gescandeerd.",
                f"Het was zijn {c.num(4, 12)}e basisplaats op rij.",
                "",
            ]
        ),
    )
    quote = None
    if c.chance(0.35):
        quote = (
            c.pick(
                [
                    "We wisten dat het een wedstrijd van details zou worden. Vandaag vielen die details onze kant op.",
                    "Ik ben trots op de mentaliteit van de groep. Na een tegengoal bleven we geloven in ons plan.",
                    "Dit is geen resultaat om te vieren. We moeten vooral kijken naar wat er beter kan.",
                    "De jongens hebben zich leeggegeven. Meer kan ik als trainer niet vragen.",
                ]
            ),
            f"{coach.name}, trainer van {next(cl for cl in FOOTBALL_CLUBS if cl.coach is coach).name}",
        )
    return Draft(
        section="voetbal",
        kind="match",
        headline=hl,
        lead=lead,
        chunks=[(None, [opening, p2]), (sub2, [p3, p4, p_star]), (sub3, [p5])],
        tags=[home.slug, away.slug, PRO_LEAGUE],
        quote=quote,
        question=_match_question(c, home, away, winner),
        interest=2 if hg + ag >= 4 else 1,
        topic=f"club:{home.key}",
        link=c.pick(
            [
                None,
                None,
                {
                    "url": "https://stats.example.org/jupiler-pro-league/klassement",
                    "title": "Bekijk het volledige klassement",
                    "description": "Stand, doelsaldo en resterend programma van alle play-offgroepen.",
                },
            ]
        ),
    )


INJURIES = [
    ("een scheurtje in de hamstring", "drie tot vier weken"),
    ("een verstuikte enkel", "twee weken"),
    ("een gescheurde kruisband", "de rest van het seizoen"),
    ("een gebroken middenvoetsbeentje", "zes weken"),
    ("een zware hersenschudding", "minstens tien dagen"),
    ("een liesblessure", "enkele weken"),
    ("een ontstoken achillespees", "onbepaalde tijd"),
]


def injury(c: Ctx) -> Draft:
    club = c.pick(FOOTBALL_CLUBS)
    player = c.pick(club.players)
    what, howlong = c.pick(INJURIES)
    hl = c.pick(
        [
            f"{club.short} moet {howlong} zonder {player.name}",
            f"Domper voor {club.short}: {player.name} out met {what}",
            f"{player.name} valt geblesseerd uit, {club.short} zoekt oplossing",
            f"Blessure van {player.name} zet streep door plannen van {club.coach.name}",
        ]
    )
    lead = sentences(
        f"{club.name} moet het {howlong} stellen zonder {player.role} {player.name}.",
        c.pick(
            [
                f"Onderzoek wees uit dat hij {what} heeft opgelopen.",
                f"De {player.role} liep op training {what} op.",
                f"Hij verliet zaterdag met {what} het veld en medische tests bevestigden de vrees.",
            ]
        ),
        c.pick(
            ["Een zware slag in de eindsprint van het seizoen.", "Trainer " + club.coach.name + " moet puzzelen.", ""]
        ),
    )
    p1 = sentences(
        c.pick(
            [
                f"Het nieuws kwam maandagmiddag via de clubkanalen van {club.short}.",
                f"{club.short} bevestigde het slechte nieuws na een scan in het ziekenhuis.",
                f"Bij {club.short} hadden ze al gevreesd voor een langere afwezigheid.",
            ]
        ),
        f"{player.name} was dit seizoen een vaste waarde in het elftal van {club.coach.name} en speelde "
        f"{c.num(18, 34)} wedstrijden, waarvan het merendeel als basisspeler.",
        c.pick(
            [
                "Zijn afwezigheid komt op een slecht moment, nu de ploeg zich opmaakt voor een drukke reeks.",
                "De medische staf wil geen risico's nemen en kiest voor een voorzichtige revalidatie.",
                "Een operatie is voorlopig niet nodig, al wordt dat over twee weken opnieuw bekeken.",
            ]
        ),
    )
    mates = [p for p in club.players if p is not player and p.role != "doelman"]
    alt = c.pick(mates) if mates else None
    p2 = sentences(
        c.pick(
            [
                f"Wie {player.name} vervangt, is nog niet duidelijk.",
                f"{club.coach.name} heeft verschillende opties om het gat te dichten.",
                "De trainer moet nu kiezen tussen een ervaren invaller en een jongere uit de beloften.",
            ]
        ),
        f"{alt.name} lijkt de logische kandidaat, al kan de trainer ook het systeem aanpassen."
        if alt
        else "Een jonge speler uit de beloften maakt kans op zijn debuut.",
        c.pick(
            [
                "Op training werd de voorbije dagen al geëxperimenteerd met een andere bezetting.",
                "Op de transfermarkt kan de club op dit moment niets meer doen.",
                "In de spelersgroep wordt de uitval opgevangen met een portie extra werkijver, klinkt het.",
            ]
        ),
    )
    p3 = sentences(
        c.pick(
            [
                f"{player.name} zelf liet via sociale media weten dat hij er alles aan doet om zo snel mogelijk terug "
                f"te keren.",
                f"Voor {player.name} is het al de tweede blessure dit seizoen, na een eerdere kwetsuur in de herfst.",
                f"De {player.role} revalideert de komende weken in het medisch centrum van de club in {club.city}.",
            ]
        ),
        c.pick(
            [
                "De supporters stuurden massaal steunbetuigingen.",
                "Binnen de club hopen ze dat hij nog voor het einde van het seizoen minuten kan maken.",
                "Een terugkeer voor de laatste speeldag is het doel, maar niemand wil iets forceren.",
            ]
        ),
    )
    p4 = sentences(
        c.pick(
            [
                f"Sportief gezien kan {club.short} zich weinig misstappen veroorloven.",
                f"{club.short} staat in het klassement op een plaats die nog alle kanten op kan.",
                f"De ploeg van {club.coach.name} speelt de komende drie weken vier wedstrijden.",
            ]
        ),
        c.pick(
            [
                "Elk punt telt, en elke afwezige weegt dus zwaarder dan anders.",
                "De breedte van de kern wordt nu echt getest.",
                "Het wordt een test voor het collectief.",
            ]
        ),
    )
    return Draft(
        section="voetbal",
        kind="injury",
        headline=hl,
        lead=lead,
        chunks=[
            (None, [p1]),
            (c.pick(["Wie vervangt hem?", "Puzzelwerk voor de trainer", "Oplossingen gezocht"]), [p2, p3]),
            (c.pick(["Drukke weken", "Wat nu?", "Impact op het klassement"]), [p4]),
        ],
        tags=[player.slug, club.slug, PRO_LEAGUE],
        question=c.pick(
            [
                f"Wie moet {player.name} volgens u vervangen?",
                f"Kan {club.short} de uitval van {player.name} opvangen?",
                "Moeten clubs voorzichtiger zijn met zware speelschema's?",
            ]
        ),
        topic=f"club:{club.key}",
    )


def transfer(c: Ctx) -> Draft:
    club = c.pick(FOOTBALL_CLUBS)
    player = c.pick([p for p in club.players if p.role != "doelman"])
    kind = c.pick(["abroad", "domestic", "extension", "loan"])
    fee = c.pick([1.5, 2, 2.5, 3, 4, 4.5, 6, 7.5, 9, 12])
    foreign, land = c.pick(FOREIGN_CLUBS)
    other = c.pick([cl for cl in FOOTBALL_CLUBS if cl is not club])
    if kind == "abroad":
        hl = c.pick(
            [
                f"{player.name} trekt voor {euro(fee)} naar {foreign}",
                f"{club.short} verkoopt {player.name} aan {foreign}",
                f"Recordtransfer voor {club.short}: {player.name} vertrekt naar {land}",
            ]
        )
        lead = sentences(
            f"{player.name} ruilt {club.name} in voor {foreign}.",
            f"De {player.role} tekent in {land} een contract voor {number_word(c.num(3, 5))} seizoenen.",
            f"{club.short} zou {euro(fee)} ontvangen, bonussen niet inbegrepen.",
        )
        tags = [player.slug, club.slug, slugify(foreign)]
    elif kind == "domestic":
        hl = c.pick(
            [
                f"{other.short} haalt {player.name} weg bij {club.short}",
                f"{player.name} maakt de overstap van {club.short} naar {other.short}",
                f"Opvallende transfer: {player.name} tekent bij {other.short}",
            ]
        )
        lead = sentences(
            f"{player.name} speelt volgend seizoen voor {other.name}.",
            f"De {player.role} komt over van {club.short}, dat zo een van zijn sterkhouders verliest.",
            c.pick(["Over de transfersom werd niets gezegd.", f"Er zou zo'n {euro(fee)} mee gemoeid zijn."]),
        )
        tags = [player.slug, club.slug, other.slug]
    elif kind == "extension":
        hl = c.pick(
            [
                f"{player.name} verlengt zijn contract bij {club.short}",
                f"{club.short} bindt {player.name} langer aan de club",
                f"{player.name} blijft bij {club.short}: 'Hier is mijn verhaal nog niet af'",
            ]
        )
        lead = sentences(
            f"{club.name} heeft het contract van {player.name} opengebroken en verlengd met "
            f"{number_word(c.num(2, 4))} seizoenen.",
            "Daarmee zet de club een streep onder de geruchten over een vertrek deze zomer.",
        )
        tags = [player.slug, club.slug, PRO_LEAGUE]
    else:
        hl = c.pick(
            [
                f"{player.name} wordt uitgeleend aan {other.short}",
                f"{club.short} leent {player.name} een seizoen uit aan {other.short}",
            ]
        )
        lead = sentences(
            f"{player.name} gaat op huurbasis spelen bij {other.name}.",
            f"Bij {club.short} kwam de {player.role} de voorbije maanden te weinig aan spelen toe.",
            "De huurovereenkomst bevat een aankoopoptie.",
        )
        tags = [player.slug, club.slug, other.slug]
    p1 = sentences(
        c.pick(
            [
                "De onderhandelingen sleepten al enkele weken aan, maar nu is alles rond.",
                "Het akkoord werd in de loop van de voormiddag bekendgemaakt.",
                "De geruchten deden al een tijdje de ronde, nu is er de officiële bevestiging.",
            ]
        ),
        f"{player.name} kwam dit seizoen tot {c.num(4, 15)} doelpunten en {c.num(2, 9)} assists in alle competities."
        if player.role in ("spits", "flankaanvaller", "middenvelder")
        else f"{player.name} speelde dit seizoen {c.num(20, 36)} wedstrijden en was een vaste waarde achterin.",
        c.pick(
            [
                f"Hij groeide op in de jeugdopleiding van {club.short} en debuteerde op zijn achttiende in het eerste "
                f"elftal.",
                f"Hij kwam drie jaar geleden over van een club uit de Challenger Pro League en groeide uit tot "
                f"publiekslieveling in {club.city}.",
                "Hij staat bekend om zijn werkkracht en zijn neus voor het juiste moment.",
            ]
        ),
    )
    p2 = sentences(
        c.pick(
            [
                f"Voor {club.short} is het een sportief verlies, maar ook een financiële meevaller.",
                f"De sportief directeur van {club.short} sprak van een logische stap in de carrière van de speler.",
                "De clubleiding wil het vrijgekomen budget gebruiken om de kern in de breedte te versterken.",
            ]
        ),
        c.pick(
            [
                "De scouting heeft al een lijst met mogelijke opvolgers klaar.",
                "Een opvolger wordt pas na het einde van het seizoen gezocht.",
                "Er wordt intern gekeken naar een jonge speler die klaar is voor meer speelminuten.",
            ]
        ),
    )
    p3 = sentences(
        c.pick(
            [
                f"Bij de supporters van {club.short} zijn de reacties gemengd.",
                "Op de fora van de supporters werd het nieuws met gemengde gevoelens onthaald.",
                "In de spelersgroep werd het nieuws positief ontvangen.",
            ]
        ),
        c.pick(
            [
                "Sommigen zien een gemiste kans om het elftal samen te houden, anderen gunnen de speler zijn stap.",
                "Velen hopen dat de club het geld slim herinvesteert.",
                "Een afscheid in stijl, met een laatste thuismatch, zit er nog in.",
            ]
        ),
    )
    quote = None
    if c.chance(0.4):
        quote = (
            c.pick(
                [
                    "Ik heb hier alles geleerd. Het voelt als het juiste moment voor een nieuwe uitdaging.",
                    "Ik wil me blijven ontwikkelen en dit is daarvoor de ideale omgeving.",
                    "De club heeft altijd in mij geloofd. Dat vergeet ik niet.",
                ]
            ),
            f"{player.name}",
        )
    return Draft(
        section="voetbal",
        kind="transfer",
        headline=hl,
        lead=lead,
        chunks=[
            (None, [p1]),
            (c.pick(["Sportief en financieel", "Wat betekent dit voor de club?", "De gevolgen"]), [p2]),
            (c.pick(["Reacties", "De supporters", "Afscheid"]), [p3]),
        ],
        tags=tags,
        quote=quote,
        question=c.pick(
            [
                f"Is dit een goede zaak voor {club.short}?",
                f"Maakt {player.name} volgens u de juiste keuze?",
                "Verkopen Belgische clubs hun talenten te vroeg?",
                f"Wie moet {club.short} volgens u halen als opvolger?",
            ]
        ),
        interest=2 if kind == "abroad" and fee >= 6 else 1,
        topic=f"club:{club.key}",
    )


def preview(c: Ctx) -> Draft:
    home, away = _pair(c)
    po = c.pick(PLAYOFFS)
    hl = c.pick(
        [
            f"Voorbeschouwing: {home.short} en {away.short} weten wat op het spel staat",
            f"Topper in {home.city}: {home.short} ontvangt {away.short}",
            f"Vijf vragen voor {home.short} - {away.short}",
            f"{home.short} - {away.short}: een duel met veel inzet in {po}",
        ]
    )
    lead = sentences(
        f"{home.name} ontvangt {away.name} in {home.ground}.",
        c.pick(
            [
                "Voor beide ploegen is het een wedstrijd met een grote inzet.",
                "De vorm, de afwezigen en de sleutelduels op een rij.",
                f"{home.coach.name} en {away.coach.name} kennen elkaar goed, wat voor een tactisch schaakspel kan zorgen.",
            ]
        ),
    )
    ph, pa = _scorer(c, home), _scorer(c, away)
    p1 = sentences(
        f"{home.short} won {c.num(1, 3)} van zijn laatste vijf wedstrijden, {away.short} zit op een reeks van "
        f"{c.num(2, 6)} duels zonder nederlaag.",
        c.pick(
            [
                "De vorm ligt dus eerder bij de bezoekers.",
                "Het thuispubliek zal de ploeg moeten dragen.",
                "Op papier lijkt het een evenwichtige affiche.",
            ]
        ),
        c.pick(
            [
                f"De vorige ontmoeting eindigde op {c.num(0, 3)}-{c.num(0, 3)}.",
                f"In de heenronde won {c.pick([home.short, away.short])} nipt.",
                "De onderlinge duels van de voorbije jaren waren bijna altijd spannend.",
            ]
        ),
    )
    p2 = sentences(
        f"Bij {home.short} draait veel rond {ph.name}, die de laatste weken in vorm is.",
        f"{away.short} rekent dan weer op {pa.name}.",
        c.pick(
            [
                "Het duel tussen die twee kan de wedstrijd beslissen.",
                "Wie het middenveld controleert, heeft een grote stap gezet.",
                "Stilstaande fasen zullen een belangrijke rol spelen.",
            ]
        ),
    )
    p3 = sentences(
        c.pick(
            [
                f"{home.coach.name} kan opnieuw beschikken over zijn volledige kern.",
                f"{away.coach.name} moet het mogelijk zonder een geschorste verdediger stellen.",
                f"Bij {home.short} is er twijfel over een middenvelder die deze week individueel trainde.",
            ]
        ),
        c.pick(
            [
                "De aftrap is om 18.30 uur.",
                "De wedstrijd begint om 20.45 uur.",
                "Er wordt om 16 uur afgetrapt.",
                "De aftrap is om 13.30 uur, een ongewoon uur voor deze affiche.",
            ]
        ),
        c.pick(
            [
                "De wedstrijd is uitverkocht.",
                "Er zijn nog enkele honderden tickets beschikbaar.",
                f"Er worden zo'n {c.num(8, 20)}.000 toeschouwers verwacht.",
            ]
        ),
    )
    p4 = sentences(
        "Onze redactie voorspelt een "
        + c.pick(["nipte thuiszege", "gelijkspel", "verrassende uitzege", "wedstrijd met veel doelpunten"])
        + ".",
        c.pick(
            [
                "Maar in deze fase van het seizoen is alles mogelijk.",
                "Al heeft het voetbal ons al vaker verrast.",
                "Tenzij de scheidsrechter of de VAR een hoofdrol opeist.",
            ]
        ),
    )
    return Draft(
        section="voetbal",
        kind="preview",
        headline=hl,
        lead=lead,
        chunks=[
            (c.pick(["De vorm", "Waar staan beide ploegen?"]), [p1]),
            (c.pick(["Sleutelspelers", "Het duel om naar te kijken"]), [p2]),
            (c.pick(["Praktisch", "Afwezigen en aftrap"]), [p3, p4]),
        ],
        tags=[home.slug, away.slug, PRO_LEAGUE],
        question=c.pick(
            [
                f"Wat is uw pronostiek voor {home.short} - {away.short}?",
                "Wie wint deze affiche volgens u?",
                f"Wie wordt volgens u de beslissende speler: {ph.name} of {pa.name}?",
            ]
        ),
        topic=f"club:{home.key}",
    )


def coach_news(c: Ctx) -> Draft:
    club = c.pick(FOOTBALL_CLUBS)
    coach = club.coach
    sacked = c.chance(0.45)
    streak = c.num(4, 8)
    if sacked:
        hl = c.pick(
            [
                f"{club.short} zet trainer {coach.name} aan de deur",
                f"Einde verhaal voor {coach.name} bij {club.short}",
                f"{club.short} ontslaat {coach.name} na {streak} wedstrijden zonder zege",
            ]
        )
        lead = sentences(
            f"{club.name} en trainer {coach.name} gaan uit elkaar.",
            f"Na {streak} wedstrijden zonder overwinning trok het bestuur de conclusie dat er een nieuwe impuls nodig is.",
            "Een opvolger wordt later deze week voorgesteld.",
        )
    else:
        hl = c.pick(
            [
                f"Bestuur van {club.short} houdt vast aan {coach.name}",
                f"{coach.name} mag blijven bij {club.short}, ondanks {streak} duels zonder zege",
                f"{club.short} kiest voor continuïteit en verlengt contract van {coach.name}",
            ]
        )
        lead = sentences(
            f"Het bestuur van {club.name} blijft {coach.name} steunen.",
            f"Ondanks een reeks van {streak} wedstrijden zonder overwinning krijgt de trainer het vertrouwen om het "
            f"seizoen af te maken.",
        )
    p1 = sentences(
        c.pick(
            [
                f"{coach.name} begon anderhalf jaar geleden aan zijn opdracht in {club.city}.",
                f"{coach.name} kwam twee seizoenen geleden over van een club uit de Challenger Pro League.",
                f"Het was de eerste keer dat {coach.name} een ploeg in de hoogste klasse leidde.",
            ]
        ),
        c.pick(
            [
                "Zijn eerste seizoen was een succes, met een onverwachte plaats in de bovenste helft.",
                "Onder zijn leiding speelde de ploeg lange tijd aantrekkelijk voetbal.",
                "Hij bouwde een jonge ploeg die op goede dagen iedereen kon kloppen.",
            ]
        ),
        c.pick(
            [
                "Maar de voorbije weken sputterde de motor.",
                "Sinds de winterstop liep het echter stroever.",
                "De resultaten bleven de laatste maanden echter uit.",
            ]
        ),
    )
    p2 = sentences(
        c.pick(
            [
                "Het bestuur vergaderde zondagavond urenlang.",
                "De knoop werd doorgehakt na een gesprek tussen de voorzitter en de sportieve cel.",
                "Binnen de club waren de meningen lange tijd verdeeld.",
            ]
        ),
        c.pick(
            [
                "Vooral het gebrek aan ommekeer na de rust woog zwaar door.",
                "De sfeer in de spelersgroep zou goed zijn, maar de punten bleven uit.",
                "De supporters lieten zich tijdens de laatste thuiswedstrijd horen met een spandoek gericht aan het "
                "bestuur.",
            ]
        ),
    )
    if sacked:
        p3 = sentences(
            c.pick(
                [
                    "Assistent-trainer neemt voorlopig over en leidt donderdag de training.",
                    "In afwachting van een opvolger neemt de beloftentrainer de honneurs waar.",
                ]
            ),
            c.pick(
                [
                    "Op de shortlist zouden drie namen staan, onder wie een gewezen speler van de club.",
                    "De club wil snel schakelen om de volgende wedstrijd niet in onzekerheid te spelen.",
                    "Een ervaren brandweerman lijkt de meest logische keuze.",
                ]
            ),
        )
    else:
        p3 = sentences(
            "Met de steun van het bestuur krijgt de trainer de kans om het tij te keren.",
            c.pick(
                [
                    "Het programma is de komende weken wel bijzonder zwaar.",
                    "De volgende twee wedstrijden worden bepalend.",
                    "Een overwinning zou veel spanning wegnemen.",
                ]
            ),
        )
    return Draft(
        section="voetbal",
        kind="coach",
        headline=hl,
        lead=lead,
        chunks=[
            (None, [p1]),
            (c.pick(["De beslissing", "Achter de schermen", "Hoe het zover kwam"]), [p2]),
            (c.pick(["Wat nu?", "De toekomst", "Hoe verder?"]), [p3]),
        ],
        tags=[coach.slug, club.slug, PRO_LEAGUE],
        question=c.pick(
            [
                f"Is dit de juiste beslissing van {club.short}?",
                f"Ziet u {coach.name} nog elders aan de slag gaan?",
                "Krijgen trainers in België nog genoeg tijd om iets op te bouwen?",
                f"Wie moet volgens u de nieuwe trainer van {club.short} worden?",
            ]
        ),
        interest=2 if sacked else 1,
        topic=f"club:{club.key}",
    )


def analysis(c: Ctx) -> Draft:
    club = c.pick(FOOTBALL_CLUBS)
    theme = c.pick(["late goals", "pressing", "set pieces", "youth", "away"])
    if theme == "late goals":
        n = c.num(9, 15)
        hl = f"Analyse: waarom {club.short} zoveel goals slikt in de slotfase"
        lead = sentences(
            f"Geen ploeg kreeg na de 75e minuut meer doelpunten tegen dan {club.short}: {n} in totaal.",
            "Wij doken in de cijfers en zochten naar een verklaring.",
        )
        body = [
            sentences(
                f"Wie naar de wedstrijden van {club.short} kijkt, ziet een patroon. Een uur lang staat de ploeg goed "
                f"georganiseerd, maar in het laatste kwartier zakken de lijnen steeds verder in.",
                f"Van de {n} late tegendoelpunten vielen er {n // 2} na een hoekschop of vrije trap.",
            ),
            sentences(
                "De fysieke data bevestigen het beeld. In de laatste twintig minuten legt de ploeg gemiddeld "
                f"{dec(c.num(8, 14) / 10)} kilometer minder af dan haar tegenstanders.",
                "Opvallend: de wissels brengen weinig verandering, omdat ze vaak pas na de 80e minuut komen.",
            ),
            sentences(
                f"{club.coach.name} erkende het probleem al eerder en liet de voorbije weken extra aan de conditie "
                f"werken.",
                "Of dat volstaat, zal de komende weken moeten blijken.",
            ),
        ]
    elif theme == "pressing":
        hl = f"Analyse: de hoge pressing van {club.short} in cijfers"
        lead = sentences(
            f"{club.short} recupereert de bal vaker op de helft van de tegenstander dan eender welke andere ploeg.",
            f"Hoe doet {club.coach.name} dat, en wat kost het?",
        )
        body = [
            sentences(
                f"Gemiddeld wint {club.short} {c.num(38, 55)} keer per wedstrijd de bal terug, waarvan "
                f"{c.num(12, 20)} keer in de aanvallende zone.",
                "Dat levert veel kansen op, maar ook ruimte in de rug van de verdediging.",
            ),
            sentences(
                "De sleutel is de eerste lijn. Zodra de bal naar een flank gaat, zet de ploeg met drie spelers tegelijk "
                "druk en wordt de lijn naar het middenveld dichtgeschoven.",
                "Tegenstanders met een goede lange bal hebben er het minst last van.",
            ),
            sentences(
                "De keerzijde is de vermoeidheid. In drukke weken met wedstrijden om de drie dagen zakt de intensiteit "
                "zichtbaar.",
                "Rotatie is dus geen luxe, maar een noodzaak.",
            ),
        ]
    elif theme == "set pieces":
        n = c.num(11, 19)
        hl = f"Analyse: stilstaande fasen zijn het geheime wapen van {club.short}"
        lead = sentences(
            f"{club.short} scoorde dit seizoen al {n} keer uit een stilstaande fase.",
            "Achter die cijfers zit een uitgekiend plan, met een eigen specialist in de technische staf.",
        )
        body = [
            sentences(
                f"Van alle doelpunten van {club.short} komt bijna een derde uit een hoekschop, vrije trap of inworp.",
                "Dat is ruim boven het gemiddelde in de Pro League.",
            ),
            sentences(
                "De club werkt sinds vorige zomer met een specialist die enkel met stilstaande fasen bezig is. Elke "
                "week worden er nieuwe varianten ingestudeerd, afgestemd op de tegenstander.",
                "Blokacties en een tweede paal die bewust vrij blijft, keren vaak terug.",
            ),
            sentences(
                "Andere clubs hebben het intussen ook gemerkt en passen hun verdediging aan.",
                "Het kat-en-muisspel is dus nog niet voorbij.",
            ),
        ]
    elif theme == "youth":
        n = c.num(1900, 3400)
        hl = f"Analyse: {club.short} geeft jongeren meer speelminuten dan wie ook"
        lead = sentences(
            f"Spelers jonger dan 21 jaar kregen bij {club.short} dit seizoen al meer dan {n:,} speelminuten.".replace(
                ",", "."
            ),
            "Een bewuste keuze, met sportieve en financiële gevolgen.",
        )
        body = [
            sentences(
                f"{club.short} investeerde de voorbije jaren fors in zijn jeugdopleiding in {club.city}.",
                "Nu plukt de club daar de vruchten van, met vier spelers uit de eigen opleiding in de basis.",
            ),
            sentences(
                "Op het veld levert dat een energieke ploeg op, die soms wel ervaring mist in moeilijke momenten.",
                "In wedstrijden tegen de top blijkt dat verschil het grootst.",
            ),
            sentences(
                "Financieel is het een slimme zet: jonge spelers die doorbreken, worden later vaak met winst verkocht.",
                "De club maakt er geen geheim van dat dat deel uitmaakt van het model.",
            ),
        ]
    else:
        hl = f"Analyse: waarom {club.short} op verplaatsing een andere ploeg is"
        lead = sentences(
            f"Thuis haalt {club.short} gemiddeld {dec(c.num(18, 24) / 10)} punten per wedstrijd, op verplaatsing "
            f"amper {dec(c.num(5, 11) / 10)}.",
            "De verklaring ligt niet alleen bij het thuispubliek.",
        )
        body = [
            sentences(
                f"In {club.ground} speelt {club.short} met veel durf, hoog op het veld en met vroege druk.",
                "Op verplaatsing kiest de ploeg vaker voor een afwachtende aanpak.",
            ),
            sentences(
                "Dat lijkt een bewuste keuze, maar de cijfers tonen dat ze weinig oplevert: de ploeg geeft buitenshuis "
                "meer kansen weg, niet minder.",
                "Ook het aantal balverliezen op eigen helft ligt hoger.",
            ),
            sentences(
                "Misschien moet de trainer durven om zijn thuisrecept vaker mee te nemen.",
                "De volgende uitwedstrijden zijn een ideale test.",
            ),
        ]
    return Draft(
        section="voetbal",
        kind="analysis",
        headline=hl,
        lead=lead,
        chunks=[
            (None, [body[0]]),
            (c.pick(["De cijfers", "Wat de data zeggen", "Onder de loep"]), [body[1]]),
            (c.pick(["Conclusie", "Hoe nu verder?", "Het oordeel"]), [body[2]]),
        ],
        tags=[club.slug, club.coach.slug, PRO_LEAGUE],
        authors=["ruben-lambrechts"],
        question=c.pick(
            [
                f"Herkent u dit beeld van {club.short}?",
                "Welke ploeg moeten we volgende keer onder de loep nemen?",
                "Hoeveel waarde hecht u aan cijfers in het voetbal?",
            ]
        ),
        link={
            "url": "https://data.example.org/voetbal/pro-league/teamstatistieken",
            "title": "Alle teamstatistieken van de Pro League",
            "description": "Balbezit, pressing, verwachte doelpunten en stilstaande fasen per ploeg.",
        }
        if c.chance(0.5)
        else None,
        topic=f"club:{club.key}",
    )


COLUMN_TOPICS = [
    (
        "De kantine is het kloppend hart van het voetbal",
        [
            "Wie het Belgische voetbal wil begrijpen, moet niet naar de persconferenties kijken, maar naar de kantine. "
            "Daar wordt na elke wedstrijd opnieuw gevoetbald, met meer overtuiging dan op het veld.",
            "Op een zaterdagavond in {city} zag ik een grootvader aan zijn kleinzoon uitleggen waarom de buitenspellijn "
            "eigenlijk nooit recht is. De kleinzoon knikte beleefd. De grootvader bestelde nog een pint.",
            "Het zijn die momenten die clubs vergeten wanneer ze praten over beleving en fan engagement. Beleving is "
            "geen app. Beleving is een stoel die al veertig jaar op dezelfde plaats staat.",
            "Laat ons dus zuinig zijn op de kantines, de frietkoten en de vrijwilligers die er elke week staan. Zonder "
            "hen is voetbal gewoon tweeëntwintig mensen die achter een bal lopen.",
        ],
    ),
    (
        "Waarom ik nog altijd met de bus naar uitwedstrijden ga",
        [
            "Ik heb een auto, een treinabonnement en een goede reden om thuis te blijven. Toch stap ik om de twee "
            "weken op de supportersbus, richting een stadion waar het meestal regent.",
            "De bus is een wereld op zich. Er is de man die alle opstellingen van de voorbije dertig jaar kent, de "
            "vrouw die voor iedereen koffie meebrengt en de tiener die voor het eerst mee mag.",
            "In {city} stonden we na afloop een uur te wachten op de politie-escorte. Niemand klaagde. Er werd "
            "gezongen, gediscussieerd en gelachen om een gemiste kans in de slotminuut.",
            "Voetbal op televisie is handig. Voetbal vanuit de bus is onvergetelijk.",
        ],
    ),
    (
        "Geef jonge trainers toch wat tijd",
        [
            "Het is weer zover: een trainer die in de zomer nog een visionair was, is in de lente een probleem. "
            "Het Belgische voetbal heeft een kort geheugen, en een nog kortere geduldsdraad.",
            "Neem {coach}. Een jaar geleden prees iedereen zijn moed om op jongeren te bouwen. Vandaag wordt hem "
            "verweten dat zijn ploeg te jong is. Het is dezelfde ploeg.",
            "Clubs die succes hebben over een langere periode, hebben bijna altijd één ding gemeen: rust aan de top. "
            "Rust betekent niet dat je geen kritiek mag hebben, wel dat je niet bij elke nederlaag in paniek slaat.",
            "Ik pleit dus voor iets ouderwets: vertrouwen. Het is gratis en het werkt vaker dan je denkt.",
        ],
    ),
    (
        "Het mooiste doelpunt van het seizoen viel in vierde provinciale",
        [
            "Alle ogen zijn gericht op de play-offs, maar het mooiste doelpunt dat ik dit seizoen zag, viel op een "
            "veld in de buurt van {city}, voor hooguit tachtig toeschouwers.",
            "Een rechtsachter van bijna veertig nam de bal aan op de middenlijn, keek één keer op en schoot. De bal "
            "ging over de doelman en viel in de winkelhaak. Het bleef even stil. Daarna werd er geapplaudisseerd "
            "tot aan de parking.",
            "Niemand filmde het. Er is geen VAR-beeld, geen statistiek, geen expected goals. Alleen het verhaal, dat "
            "in de kantine al na een uur tien meter langer was geworden.",
            "Misschien is dat wel wat voetbal het mooiste maakt: dat het overal kan gebeuren, ook als niemand kijkt.",
        ],
    ),
    (
        "Een pleidooi voor de middagwedstrijd",
        [
            "Ik weet het: voetbal hoort 's avonds, onder de lichten, met een stadion dat kookt. Maar laat me een lans "
            "breken voor de wedstrijd om half twee.",
            "Om half twee komen er kinderen mee. Om half twee zie je grootouders die 's avonds niet meer buitenkomen. "
            "Om half twee is er na afloop nog tijd voor een wandeling, een verjaardagsfeest of een dutje.",
            "In {city} zag ik vorige maand een tribune vol gezinnen, met zelfgemaakte sjaals en boterhammen in "
            "zilverpapier. Het was misschien niet de luidste sfeer van het seizoen, wel de warmste.",
            "Televisie wil prime time. Supporters willen soms gewoon hun zondag terug.",
        ],
    ),
]


def column(c: Ctx) -> Draft:
    title, paras = c.fresh("column", COLUMN_TOPICS)
    club = c.pick(FOOTBALL_CLUBS)
    filled = [p.format(city=club.city, coach=club.coach.name) for p in paras]
    lead = sentences(
        c.pick(
            [
                "In haar wekelijkse column kijkt Marieke Claeys naar wat er naast het veld gebeurt.",
                "Marieke Claeys over de kleine dingen die het voetbal groot maken.",
                "Een column over voetbal, zonder klassement en zonder transfergeruchten.",
            ]
        ),
        c.pick(
            [
                "Deze week: een ode aan wat we te vaak vergeten.",
                "Deze keer over iets wat geen enkele statistiek meet.",
                "Over gewoontes, mensen en een beetje nostalgie.",
            ]
        ),
    )
    return Draft(
        section="voetbal",
        kind="column",
        headline=f"Column: {title}",
        lead=lead,
        chunks=[(None, filled[:2]), (c.pick(["Over mensen", "Een herkenbaar beeld", "Ter plaatse"]), filled[2:])],
        tags=[club.slug, PRO_LEAGUE],
        authors=["marieke-claeys"],
        question=c.pick(
            [
                "Wat is voor u het mooiste moment van een voetbalweekend?",
                "Herkent u zich in deze column?",
                "Welk voetbalverhaal uit uw buurt moeten wij vertellen?",
            ]
        ),
        topic="column",
    )


def roundup(c: Ctx) -> Draft:
    po = c.pick(PLAYOFFS)
    day = c.num(1, 9)
    clubs = c.sample(FOOTBALL_CLUBS, 6)
    matches = [(clubs[0], clubs[1]), (clubs[2], clubs[3]), (clubs[4], clubs[5])]
    lines = []
    for home, away in matches:
        hg, ag = c.num(0, 3), c.num(0, 3)
        scorer = _scorer(c, home if hg >= ag else away)
        lines.append(
            c.pick(
                [
                    f"<b>{home.short} - {away.short} {hg}-{ag}</b>. "
                    + (
                        f"{scorer.name} was de grote man met een doelpunt en een assist."
                        if hg + ag
                        else "Een wedstrijd zonder doelpunten, maar niet zonder spanning."
                    ),
                    f"<b>{home.short} - {away.short} {hg}-{ag}</b>. "
                    + (
                        f"Het beslissende doelpunt kwam van {scorer.name}."
                        if hg != ag
                        else "De punten werden verdeeld na een evenwichtige partij."
                    ),
                ]
            )
            + " "
            + c.pick(
                [
                    f"{home.coach.name} zag zijn ploeg vooral in de tweede helft sterk spelen.",
                    f"{away.short} kwam in de slotfase nog dicht bij een ander resultaat.",
                    "De VAR greep een keer in, voor een buitenspelsituatie die met het blote oog niet te zien was.",
                    f"In {home.ground} was het een bijzonder nerveuze avond.",
                ]
            )
        )
    hl = c.pick(
        [
            f"Overzicht speeldag {day} van {po}: alles wat u moet weten",
            f"Speeldag {day} in {po}: winnaars, verliezers en uitblinkers",
            f"Zo verliep speeldag {day} in {po}",
        ]
    )
    lead = sentences(
        f"Op speeldag {day} van {po} vielen er opnieuw belangrijke punten.",
        "Een overzicht van de wedstrijden, de uitblinkers en wat het betekent voor het klassement.",
    )
    tail = sentences(
        c.pick(
            [
                "In het klassement blijft het bijzonder krap.",
                "De top blijft gelijk, maar de achtervolgers komen dichterbij.",
                "Er is een duidelijke koploper, maar achter hem is het dringen.",
            ]
        ),
        c.pick(
            [
                "De volgende speeldag staan er twee rechtstreekse duels op het programma.",
                "Volgend weekend wacht een speeldag met enkele affiches die alles kunnen beslissen.",
                "Met nog een paar speeldagen te gaan, is er nog niets beslist.",
            ]
        ),
    )
    team_of_week = c.pick([p for cl in clubs for p in cl.players])
    extra = sentences(
        f"Onze speler van de speeldag is {team_of_week.name}.",
        c.pick(
            [
                "Hij was overal op het veld te vinden en maakte het verschil in de belangrijke momenten.",
                "Zijn invloed op het spel was groter dan de cijfers laten zien.",
                "Hij toonde waarom hij in de belangstelling staat van enkele buitenlandse clubs.",
            ]
        ),
    )
    return Draft(
        section="voetbal",
        kind="roundup",
        headline=hl,
        lead=lead,
        chunks=[
            (None, lines),
            (c.pick(["Het klassement", "Stand van zaken"]), [tail]),
            (c.pick(["Speler van de speeldag", "Uitblinker"]), [extra]),
        ],
        tags=[clubs[0].slug, clubs[2].slug, team_of_week.slug, PRO_LEAGUE],
        question=c.pick(
            [
                "Wie was voor u de speler van de speeldag?",
                "Welke ploeg maakte op u de meeste indruk dit weekend?",
                "Wie wordt volgens u kampioen?",
            ]
        ),
        link={
            "url": "https://stats.example.org/jupiler-pro-league/uitslagen",
            "title": "Alle uitslagen en doelpuntenmakers",
            "description": "Het volledige overzicht van de speeldag, met opstellingen en wissels.",
        }
        if c.chance(0.5)
        else None,
        interest=1,
        topic="roundup",
    )


def interview(c: Ctx) -> Draft:
    club = c.pick(FOOTBALL_CLUBS)
    player = c.pick(club.players)
    age = c.num(19, 33)
    theme = c.pick(["ambition", "comeback", "family", "captain"])
    quotes = {
        "ambition": "Ik wil met deze club terug naar Europa. Dat is geen droom, dat is een doel.",
        "comeback": "Die maanden in de revalidatie waren de zwaarste van mijn leven. Nu geniet ik van elke training.",
        "family": "Mijn ouders zitten bij elke thuiswedstrijd op dezelfde plaats. Als ik scoor, kijk ik eerst naar hen.",
        "captain": "De band is geen medaille. Het betekent dat je er moet staan als het slecht gaat.",
    }
    titles = {
        "ambition": f"{player.name}: 'Ik wil met {club.short} terug naar Europa'",
        "comeback": f"{player.name} over zijn lange revalidatie: 'Nu geniet ik van elke training'",
        "family": f"{player.name} over thuis, familie en de tribune in {club.city}",
        "captain": f"Kapitein {player.name}: 'De band betekent dat je er staat als het slecht gaat'",
    }
    lead = sentences(
        f"{player.name} ({age}) is een van de sterkhouders van {club.name}.",
        c.pick(
            [
                "We spraken met hem over zijn ambities, zijn twijfels en het leven naast het veld.",
                "In een openhartig gesprek blikt hij terug en vooruit.",
                "Een gesprek over doelen, tegenslagen en de mensen die hem dragen.",
            ]
        ),
    )
    p1 = sentences(
        f"We ontmoeten {player.name} op een doordeweekse voormiddag op het trainingscomplex in {club.city}.",
        c.pick(
            [
                "Hij komt net van de krachtzaal en bestelt een thee.",
                "Hij is vroeg, zoals altijd, zeggen ze bij de club.",
                "Hij neemt rustig de tijd, ondanks een drukke week.",
            ]
        ),
        f"Als {player.role} is hij dit seizoen uitgegroeid tot een van de vaste waarden van {club.coach.name}.",
    )
    p2 = sentences(
        c.pick(
            [
                "Over zijn beginjaren vertelt hij met veel warmte. Hij speelde als kind op een pleintje achter de kerk, "
                "tot een jeugdtrainer hem opmerkte.",
                "Zijn weg naar de hoogste klasse was niet de snelste. Hij speelde eerst in de lagere reeksen en werkte "
                "halftijds in een magazijn.",
                "Hij groeide op in een gezin waar voetbal altijd aanstond, op de radio of op televisie.",
            ]
        ),
        c.pick(
            [
                "Die achtergrond houdt hem met beide voeten op de grond, zegt hij.",
                "Hij vergeet nooit waar hij vandaan komt.",
                "Die jaren maakten hem de speler die hij vandaag is.",
            ]
        ),
    )
    p3 = sentences(
        c.pick(
            [
                "Over de toekomst is hij voorzichtig. Hij heeft nog een contract en voelt zich goed in de club.",
                "Geruchten over interesse uit het buitenland wuift hij weg. Alle aandacht gaat naar de laatste weken "
                "van het seizoen.",
                "Hij droomt ooit van de nationale ploeg, maar wil daar nu nog niet aan denken.",
            ]
        ),
        c.pick(
            [
                "Eerst moet de ploeg haar doelen halen.",
                "Voetbal gaat snel, weet hij. Je kan beter van week tot week denken.",
                "Hij lacht als we vragen naar zijn favoriete doelpunt: dat moet nog komen.",
            ]
        ),
    )
    return Draft(
        section="voetbal",
        kind="interview",
        headline=titles[theme],
        lead=lead,
        chunks=[
            (None, [p1]),
            (c.pick(["Van het pleintje naar het stadion", "De weg naar boven", "Wortels"]), [p2]),
            (c.pick(["Vooruitblik", "Dromen", "De toekomst"]), [p3]),
        ],
        tags=[player.slug, club.slug],
        quote=(quotes[theme], f"{player.name}, {player.role} van {club.name}"),
        question=c.pick(
            [
                f"Ziet u {player.name} ooit bij de Rode Duivels?",
                f"Moet {club.short} er alles aan doen om {player.name} te houden?",
                "Welke speler willen jullie graag eens in een interview lezen?",
            ]
        ),
        interest=1,
        topic=f"club:{club.key}",
    )


def europe(c: Ctx) -> Draft:
    club = c.pick(FOOTBALL_CLUBS)
    foreign, land = c.pick(FOREIGN_CLUBS)
    comp_name = c.pick(["Conference League", "Europa League"])
    rnd = c.pick(["kwartfinale", "achtste finale", "halve finale"])
    won = c.chance(0.45)
    hg, ag = (c.num(1, 3), c.num(0, 1)) if won else (c.num(0, 1), c.num(1, 3))
    if hg == ag:
        ag += 1 if not won else 0
        hg += 1 if won else 0
    scorer = _scorer(c, club)
    if won:
        hl = c.pick(
            [
                f"{club.short} zet {foreign} opzij in {rnd} van de {comp_name}",
                f"Europese stunt: {club.short} wint van {foreign}",
                f"{scorer.name} schiet {club.short} voorbij {foreign}",
            ]
        )
    else:
        hl = c.pick(
            [
                f"{club.short} strandt in {rnd} van de {comp_name} tegen {foreign}",
                f"Europees avontuur van {club.short} eindigt in {land}",
                f"{foreign} te sterk voor {club.short}",
            ]
        )
    lead = sentences(
        f"{club.name} {'won' if won else 'verloor'} in de {rnd} van de {comp_name} met {hg}-{ag} van {foreign}.",
        c.pick(
            [
                "Een avond om nooit te vergeten voor de meegereisde supporters."
                if won
                else "De meegereisde supporters applaudisseerden hun ploeg toch uit.",
                "In Belgisch voetbal wordt er nog lang over gepraat."
                if won
                else "Een ontgoocheling, maar ook een leerrijke Europese campagne.",
            ]
        ),
    )
    p1 = sentences(
        f"{club.short} begon met de nodige schroom aan de wedstrijd tegen de {c.pick(['nummer drie', 'nummer vijf', 'subtopper'])} "
        f"uit {land}.",
        c.pick(
            [
                f"{foreign} had het meeste balbezit, maar {club.short} bleef compact.",
                f"Na een kwartier had {club.short} al twee grote kansen gehad.",
                "De eerste helft was bijzonder evenwichtig, met weinig echte kansen.",
            ]
        ),
    )
    p2 = sentences(
        f"{scorer.name} {c.pick(HOW).format(assist=_assist(c, club, scorer))} en bracht {club.short} "
        f"{'op voorsprong' if won else 'even terug in de wedstrijd'}.",
        c.pick(
            [
                "Daarna werd het bikkelen, met een doelman in topvorm.",
                "In de slotfase ging de thuisploeg all-in, zonder resultaat.",
                "Een late tegengoal maakte alle hoop nog ongedaan."
                if not won
                else "De laatste minuten duurden een eeuwigheid, maar de voorsprong bleef overeind.",
            ]
        ),
    )
    p3 = sentences(
        c.pick(
            [
                f"Voor {club.short} is het {'de beste Europese campagne in decennia' if won else 'een campagne om trots op te zijn'}.",
                "De Europese inkomsten zijn een welkome financiële opsteker.",
                "De coëfficiënt van het Belgische voetbal vaart er wel bij.",
            ]
        ),
        f"{club.coach.name} sprak na afloop van een {'historische' if won else 'bittere maar leerrijke'} avond.",
    )
    return Draft(
        section="voetbal",
        kind="europe",
        headline=hl,
        lead=lead,
        chunks=[
            (None, [p1]),
            (c.pick(["Het beslissende moment", "De wedstrijd"]), [p2]),
            (c.pick(["Betekenis", "Wat blijft er over?", "Europese balans"]), [p3]),
        ],
        tags=[club.slug, slugify(foreign), comp(comp_name)],
        quote=(
            c.pick(
                [
                    "Dit is waarom je voetballer wordt. Voor avonden als deze.",
                    "We hebben getoond dat we op dit niveau thuishoren.",
                    "Het doet pijn, maar we kunnen met opgeheven hoofd naar huis.",
                ]
            ),
            f"{club.coach.name}, trainer van {club.name}",
        )
        if c.chance(0.5)
        else None,
        question=c.pick(
            [
                "Hoe ver kunnen Belgische clubs nog geraken in Europa?",
                f"Wat was volgens u het sleutelmoment voor {club.short}?",
                "Moeten Belgische clubs meer prioriteit geven aan Europees voetbal?",
            ]
        ),
        interest=3 if won else 2,
        topic=f"club:{club.key}",
    )


def club_news(c: Ctx) -> Draft:
    club = c.pick(FOOTBALL_CLUBS)
    theme = c.pick(["stadium", "tickets", "shirt", "academy", "women"])
    if theme == "stadium":
        hl = c.pick(
            [
                f"{club.short} krijgt groen licht voor nieuw stadion in {club.city}",
                f"Plannen voor nieuw stadion van {club.short} gaan een stap verder",
            ]
        )
        lead = sentences(
            f"De stad {club.city} heeft de vergunning afgeleverd voor een nieuw stadion van {club.name}.",
            f"Het moet plaats bieden aan {c.num(14, 24)}.000 toeschouwers en over drie jaar klaar zijn.",
        )
        body = [
            sentences(
                f"Het huidige stadion, {club.ground}, is al jaren aan vervanging toe. De tribunes zijn "
                f"verouderd en voldoen niet meer aan de normen voor Europese wedstrijden.",
                "De club werkte jarenlang aan het dossier, met meerdere ontwerpen en inspraakrondes.",
            ),
            sentences(
                "Het nieuwe stadion krijgt een staantribune achter een van de doelen, zonnepanelen op het dak en een "
                "ondergrondse parking.",
                "Buurtbewoners krijgen inspraak over het mobiliteitsplan op wedstrijddagen.",
            ),
            sentences(
                "Niet iedereen is tevreden. Een buurtcomité vreest voor extra verkeer en overlast.",
                "De stad belooft strikte afspraken over de wedstrijduren en een uitgebreid pendelbusplan.",
            ),
        ]
    elif theme == "tickets":
        hl = c.pick(
            [
                f"{club.short} verlaagt prijs van abonnementen voor jongeren",
                f"Abonnementen bij {club.short} worden goedkoper voor wie jonger is dan 25",
            ]
        )
        lead = sentences(
            f"{club.name} maakt zijn abonnementen voor jongeren fors goedkoper.",
            "Met die stap wil de club een nieuwe generatie supporters naar het stadion lokken.",
        )
        body = [
            sentences(
                f"Jongeren tot 25 jaar betalen volgend seizoen {c.num(89, 149)} euro voor een seizoenskaart, "
                f"bijna de helft van de normale prijs.",
                "Kinderen onder twaalf jaar mogen gratis mee met een abonnee.",
            ),
            sentences(
                "De club merkt al enkele jaren dat het publiek vergrijst.",
                "Met een aparte jongerenzone en vroege wedstrijden wil de club gezinnen terugwinnen.",
            ),
            sentences(
                "De verkoop start volgende week, eerst voor bestaande abonnees.",
                "Supportersverenigingen reageren tevreden, al vragen ze ook aandacht voor de prijs van een pint.",
            ),
        ]
    elif theme == "shirt":
        hl = c.pick(
            [
                f"{club.short} stelt nieuw shirt voor, met knipoog naar de clubgeschiedenis",
                f"Nieuw shirt van {club.short} brengt hulde aan vroegere generaties",
            ]
        )
        lead = sentences(
            f"{club.name} heeft zijn nieuwe shirt voorgesteld.",
            "Het ontwerp is geïnspireerd op het tenue waarmee de club decennia geleden haar eerste trofee won.",
        )
        body = [
            sentences(
                "Het shirt is gemaakt van gerecycleerd materiaal en heeft een klassieke kraag.",
                "Binnenin staat een tekst die door supporters werd gekozen.",
            ),
            sentences(
                "De voorstelling gebeurde niet in een winkel, maar in een café in het centrum van "
                f"{club.city}, waar de club ooit werd opgericht.",
                "Enkele oud-spelers waren aanwezig.",
            ),
            sentences(
                "Het shirt is vanaf zaterdag te koop in de fanshop.",
                "Een deel van de opbrengst gaat naar de jeugdwerking.",
            ),
        ]
    elif theme == "academy":
        hl = c.pick(
            [f"{club.short} opent nieuw jeugdcomplex", f"Jeugdopleiding van {club.short} krijgt nieuw onderkomen"]
        )
        lead = sentences(
            f"{club.name} heeft een nieuw opleidingscentrum voor zijn jeugdploegen in gebruik genomen.",
            f"Er zijn {c.num(4, 8)} velden, een sporthal en klaslokalen voor de topsportschool.",
        )
        body = [
            sentences(
                f"Meer dan {c.num(250, 450)} jeugdspelers trainen voortaan op dezelfde plaats.",
                "Voordien waren de ploegen verspreid over drie locaties in de regio.",
            ),
            sentences(
                "De club investeerde samen met de gemeente in het project.",
                "Ook lokale verenigingen mogen gebruikmaken van de infrastructuur.",
            ),
            sentences(
                "De ambitie is duidelijk: binnen vijf jaar moet de helft van de A-kern uit de eigen opleiding komen.",
                "Een ambitie die niet iedereen realistisch vindt, maar die de club wel een duidelijke identiteit geeft.",
            ),
        ]
    else:
        hl = c.pick(
            [f"{club.short} richt eigen vrouwenploeg op", f"Ook vrouwenvoetbal bij {club.short} vanaf volgend seizoen"]
        )
        lead = sentences(
            f"{club.name} start volgend seizoen met een eigen vrouwenploeg.",
            "De club neemt daarvoor de werking van een lokale vereniging over.",
        )
        body = [
            sentences(
                "De ploeg begint in de tweede nationale klasse en speelt haar thuiswedstrijden in het jeugdcomplex.",
                "Op termijn wil de club ook in het hoofdstadion spelen.",
            ),
            sentences(
                "Er komt een aparte trainster en een medische staf die gedeeld wordt met de mannenploeg.",
                "Ook de jeugdwerking voor meisjes wordt uitgebreid.",
            ),
            sentences(
                "De reacties zijn enthousiast, ook bij de bestaande supportersclubs.",
                "De eerste oefenwedstrijd staat al gepland in de zomer.",
            ),
        ]
    return Draft(
        section="voetbal",
        kind="club",
        headline=hl,
        lead=lead,
        chunks=[
            (None, [body[0]]),
            (c.pick(["Het project", "Details", "Hoe ziet het eruit?"]), [body[1]]),
            (c.pick(["Reacties", "Hoe verder?", "Timing"]), [body[2]]),
        ],
        tags=[club.slug],
        question=c.pick(
            [
                f"Wat vindt u van deze plannen van {club.short}?",
                "Zou u hierdoor vaker naar het stadion gaan?",
                "Wat mist er volgens u nog in het Belgische voetbal?",
            ]
        ),
        topic=f"club:{club.key}",
    )


def cup_final(c: Ctx) -> Draft:
    if not claim(c, "cup-final"):
        raise Skip
    a, b = c.sample(FOOTBALL_CLUBS, 2)
    ga, gb = c.pick([(2, 1), (1, 0), (3, 2), (1, 1)])
    penalties = ga == gb
    scorer = _scorer(c, a)
    hl = c.pick(
        [
            f"{a.short} wint de Beker van België na {'strafschoppen' if penalties else 'spannende finale'} tegen {b.short}",
            f"Bekerwinst voor {a.short}: feest tot in de late uurtjes in {a.city}",
        ]
    )
    lead = sentences(
        f"{a.name} heeft de Beker van België gewonnen.",
        f"In de finale in het Koning Boudewijnstadion was {a.short} "
        + (
            f"na strafschoppen beter dan {b.short}, na {ga}-{gb} na verlengingen."
            if penalties
            else f"met {ga}-{gb} te sterk voor {b.short}."
        ),
    )
    p1 = sentences(
        f"Zo'n {c.num(38, 46)}.000 supporters zorgden voor een kleurrijk decor in Brussel.",
        f"{b.short} begon het best en had na tien minuten al twee kansen, maar {a.short} groeide in de wedstrijd.",
        f"{scorer.name} werd de held van de avond: hij {c.pick(HOW).format(assist=_assist(c, a, scorer))}.",
    )
    p2 = sentences(
        "In de slotfase moest de winnaar nog flink afzien.",
        "Een laatste vrije trap van de tegenstander ging net naast.",
        "Bij het laatste fluitsignaal stormde de hele bank het veld op.",
    )
    p3 = sentences(
        f"In {a.city} werd het feest tot diep in de nacht.",
        "Zondag volgt een huldiging op de markt.",
        f"Voor {a.coach.name} is het de eerste grote prijs uit zijn trainersloopbaan.",
    )
    return Draft(
        section="voetbal",
        kind="cup",
        headline=hl,
        lead=lead,
        chunks=[(None, [p1]), ("Afzien tot het einde", [p2]), ("Feest in " + a.city, [p3])],
        tags=[a.slug, b.slug, comp("Beker van België")],
        quote=(
            "Dit is voor iedereen die de voorbije jaren in deze club is blijven geloven.",
            f"{a.coach.name}, trainer van {a.name}",
        ),
        question=c.pick(["Wat is uw mooiste bekerherinnering?", "Verdient de beker meer aandacht in België?"]),
        interest=3,
        topic=f"club:{a.key}",
        extra={"offset": 40 * 24 * 60 - c.num(0, 120)},
    )


VOETBAL = [
    (30, match_report),
    (8, injury),
    (9, transfer),
    (7, preview),
    (5, coach_news),
    (5, analysis),
    (3, column),
    (6, roundup),
    (5, interview),
    (4, europe),
    (5, club_news),
    (1, cup_final),
]


# --------------------------------------------------------------------------
# Rode Duivels
# --------------------------------------------------------------------------

OPPONENTS = [
    "Wales",
    "Oostenrijk",
    "Noord-Macedonië",
    "Kazachstan",
    "Liechtenstein",
    "Zweden",
    "Ierland",
    "Denemarken",
    "Schotland",
    "Georgië",
]


def after_match(c: Ctx, days: int) -> int:
    """Offset for a report on an evening match ``days`` ago (kick-off 20.45)."""
    return days * 24 * 60 - 60 - c.num(0, 120)


def _devils(c: Ctx, n: int) -> list[Person]:
    home_based = [p for cl in FOOTBALL_CLUBS for p in cl.players]
    return c.sample(RED_DEVILS_ABROAD + home_based[:18], n)


# The March international window: (opponent, at home, days ago)
RD_MATCHES = [("Noord-Macedonië", True, 37), ("Wales", False, 34)]


RD_LEAD_TAILS = [
    "De volgende interlands staan in juni op het programma.",
    "De bondscoach volgt de situatie van nabij.",
    "Bij de nationale ploeg wordt er al vooruitgekeken naar het volgende eindtoernooi.",
    "In juni verzamelen de Rode Duivels opnieuw in Tubeke.",
]


def _long_lead(c: Ctx, lead: str) -> str:
    """Leads of at least 140 characters: add a sentence of context when a lead is short."""
    tails = [t for t in RD_LEAD_TAILS if t not in lead]
    c.rng.shuffle(tails)
    while len(lead) < 150 and tails:
        lead = sentences(lead, tails.pop())
    return lead


def rd_selection(c: Ctx) -> Draft:
    if not claim(c, "rd-selection"):
        raise Skip
    coach = RED_DEVILS_COACH
    newbies = c.sample([p for cl in FOOTBALL_CLUBS for p in cl.players], 2)
    opp = [RD_MATCHES[0][0], RD_MATCHES[1][0]]
    hl = c.pick(
        [
            f"{coach.name} roept {newbies[0].name} voor het eerst op bij de Rode Duivels",
            f"Selectie Rode Duivels: twee nieuwkomers voor duels met {opp[0]} en {opp[1]}",
            f"Verrassing in de selectie: {newbies[0].name} en {newbies[1].name} bij de Rode Duivels",
        ]
    )
    lead = sentences(
        f"Bondscoach {coach.name} heeft zijn selectie bekendgemaakt voor de interlands tegen {opp[0]} en {opp[1]}.",
        f"Opvallend zijn de eerste oproepingen voor {newbies[0].name} en {newbies[1].name}.",
    )
    club0 = next(cl for cl in FOOTBALL_CLUBS if newbies[0] in cl.players)
    club1 = next(cl for cl in FOOTBALL_CLUBS if newbies[1] in cl.players)
    p1 = sentences(
        f"{newbies[0].name} speelt een sterk seizoen bij {club0.short} en werd de voorbije weken al genoemd als "
        f"kandidaat.",
        f"Ook {newbies[1].name} van {club1.short} maakt zijn opwachting in de kern.",
        c.pick(
            [
                "De bondscoach bezocht beide spelers de voorbije maanden meermaals.",
                "Beide spelers waren eerder al actief bij de beloften.",
            ]
        ),
    )
    regulars = c.sample(RED_DEVILS_ABROAD, 3)
    p2 = sentences(
        f"De vaste waarden zijn er ook bij, met onder anderen {regulars[0].name} ({regulars[0].team}), "
        f"{regulars[1].name} ({regulars[1].team}) en {regulars[2].name} ({regulars[2].team}).",
        c.pick(
            [
                "Een verdediger moet forfait geven met een blessure.",
                "Enkele spelers die weinig speeltijd krijgen bij hun club, vallen uit de boot.",
                "De bondscoach koos opnieuw voor een mix van ervaring en jong talent.",
            ]
        ),
    )
    p3 = sentences(
        "De Rode Duivels verzamelen maandag in Tubeke.",
        f"De wedstrijd tegen {opp[0]} wordt gespeeld in het Koning Boudewijnstadion, voor de uitwedstrijd in "
        f"{opp[1]} reist de groep donderdag af.",
        "Beide duels tellen mee voor de kwalificatie.",
    )
    return Draft(
        section="rode-duivels",
        kind="selection",
        headline=hl,
        lead=_long_lead(c, lead),
        chunks=[(None, [p1]), ("De vaste waarden", [p2]), ("Programma", [p3])],
        tags=[coach.slug, newbies[0].slug, newbies[1].slug, comp("WK-kwalificatie")],
        quote=(
            c.pick(
                [
                    "Wie in vorm is en past in onze manier van spelen, krijgt een kans. Zo simpel is het.",
                    "Ik wil een groep met honger. Deze nieuwe spelers brengen dat mee.",
                ]
            ),
            f"{coach.name}, bondscoach",
        )
        if c.chance(0.6)
        else None,
        question=c.pick(
            [
                "Wie ontbreekt er volgens u in deze selectie?",
                f"Verdient {newbies[0].name} een basisplaats?",
                "Is dit de juiste mix van jong en ervaren?",
            ]
        ),
        interest=3,
        topic="rode-duivels",
        extra={"offset": 44 * 24 * 60 - c.num(100, 400)},
    )


def rd_match(c: Ctx) -> Draft:
    opp, home, days = first_unclaimed(c, RD_MATCHES, lambda o: f"rd-match:{o[0]}")
    g_for, g_against = c.pick([(2, 0), (3, 1), (1, 1), (1, 0), (4, 0), (0, 1), (2, 2)])
    scorers = [p for p in _devils(c, 6) if p.role != "doelman"][:2]
    verb = "winnen van" if g_for > g_against else "spelen gelijk tegen" if g_for == g_against else "verliezen van"
    options = [f"Rode Duivels {verb} {opp}: {g_for}-{g_against}"]
    if g_for > g_against:
        options += [
            f"{scorers[0].name} loodst de Rode Duivels voorbij {opp}",
            f"Zege tegen {opp} houdt de Rode Duivels op koers",
        ]
    elif g_for:
        options += [f"{scorers[0].name} scoort, maar België geraakt niet voorbij {opp}"]
    else:
        options += [f"Rode Duivels blijven met lege handen achter tegen {opp}"]
    hl = c.pick(options)
    lead = sentences(
        f"De Rode Duivels hebben {'in het Koning Boudewijnstadion' if home else 'op verplaatsing'} met "
        f"{g_for}-{g_against} {'gewonnen van' if g_for > g_against else 'gelijkgespeeld tegen' if g_for == g_against else 'verloren van'} {opp}.",
        c.pick(
            [
                "Bondscoach " + RED_DEVILS_COACH.name + " zag veel goede dingen, maar ook werkpunten.",
                "Een resultaat dat in de kwalificatiegroep zwaar kan doorwegen.",
            ]
        ),
    )
    p1 = sentences(
        f"België begon {'voor eigen publiek' if home else 'in een vijandige sfeer'} sterk aan de wedstrijd.",
        f"{scorers[0].name} {'opende na ' + str(c.num(8, 40)) + ' minuten de score' if g_for else 'had de eerste kans, maar mikte naast'}.",
        c.pick(
            [
                f"{opp} zocht vooral de counter en bleef gevaarlijk op stilstaande fasen.",
                f"{opp} speelde met vijf verdedigers en maakte het de Belgen erg moeilijk.",
            ]
        ),
    )
    p2 = sentences(
        f"Na de rust {'verdubbelde ' + scorers[1].name + ' de voorsprong' if g_for >= 2 else 'bleef het lang spannend'}.",
        c.pick(
            [
                "De bondscoach bracht in het laatste halfuur vier nieuwe spelers.",
                "Enkele invallers maakten een goede indruk.",
                "De laatste minuten waren nerveus.",
            ]
        ),
        c.pick(
            [
                "De doelman hield met een knappe redding de nul."
                if g_against == 0
                else f"{opp} scoorde {number_word(g_against)} keer, telkens na balverlies op het middenveld.",
            ]
        ),
    )
    p3 = sentences(
        "In de groep blijft België "
        + c.pick(["alleen aan de leiding", "in de running voor de eerste plaats", "onder druk staan"])
        + ".",
        "De volgende interlands staan in juni op het programma.",
    )
    return Draft(
        section="rode-duivels",
        kind="rd-match",
        headline=hl,
        lead=_long_lead(c, lead),
        chunks=[(None, [p1]), (c.pick(["De tweede helft", "Na de rust"]), [p2]), ("In de groep", [p3])],
        tags=[RED_DEVILS_COACH.slug, scorers[0].slug, comp(c.pick(["WK-kwalificatie", "Nations League"]))],
        question=c.pick(
            [
                "Welk cijfer geeft u de Rode Duivels voor deze wedstrijd?",
                "Wie was volgens u de beste Belg op het veld?",
                "Moet de bondscoach zijn systeem aanpassen?",
            ]
        ),
        interest=3,
        topic="rode-duivels",
        extra={"offset": after_match(c, days)},
    )


def rd_player(c: Ctx) -> Draft:
    player = c.pick(RED_DEVILS_ABROAD)
    theme = c.pick(["form", "injury", "captain", "record"])
    if theme == "form":
        hl = f"{player.name} in bloedvorm bij {player.team}: goed nieuws voor de bondscoach"
        lead = sentences(
            f"{player.name} beleeft bij {player.team} de beste maanden van zijn carrière.",
            "Dat is ook bij de Rode Duivels niet onopgemerkt gebleven.",
        )
    elif theme == "injury":
        hl = f"Zorgen bij de Rode Duivels: {player.name} geblesseerd bij {player.team}"
        lead = sentences(
            f"{player.name} is geblesseerd uitgevallen bij {player.team}.",
            "Of hij tegen de interlands in juni hersteld is, is nog onduidelijk.",
        )
    elif theme == "captain":
        hl = f"{player.name} wordt aanvoerder bij {player.team}"
        lead = sentences(
            f"{player.name} is de nieuwe aanvoerder van {player.team}.",
            "Voor de Rode Duivel is het een erkenning van zijn leiderschap.",
        )
    else:
        n = c.num(40, 80)
        hl = f"{player.name} op weg naar {n} interlands bij de Rode Duivels"
        lead = sentences(
            f"{player.name} staat op {n - 1} caps bij de Rode Duivels.",
            "Bij de volgende interland komt hij op een symbolische mijlpaal.",
        )
    p1 = sentences(
        f"De {player.role} trok twee jaar geleden naar {player.team} en groeide er uit tot een vaste waarde.",
        c.pick(
            [
                "Hij speelde dit seizoen bijna elke wedstrijd volledig.",
                "Hij combineert werkkracht met een goede techniek.",
                "De lokale pers is lovend over zijn inbreng.",
            ]
        ),
    )
    p2 = sentences(
        f"Bondscoach {RED_DEVILS_COACH.name} volgt de situatie van nabij.",
        c.pick(
            [
                "Hij had de voorbije weken meermaals contact met de medische staf van de club.",
                "Hij woonde vorige maand een wedstrijd bij in de tribune.",
                "Hij rekent in juni op de speler.",
            ]
        ),
    )
    p3 = sentences(
        c.pick(
            [
                "De concurrentie op zijn positie is groot.",
                "Met zijn ervaring is hij belangrijk voor de jongere spelers in de groep.",
                "Hij wordt intern geroemd om zijn rust in moeilijke momenten.",
            ]
        ),
        "De volgende interlands zullen uitwijzen welke rol hij de komende jaren krijgt.",
    )
    return Draft(
        section="rode-duivels",
        kind="rd-player",
        headline=hl,
        lead=_long_lead(c, lead),
        chunks=[(None, [p1]), ("De bondscoach kijkt mee", [p2]), (c.pick(["Vooruitblik", "Zijn rol"]), [p3])],
        tags=[player.slug, slugify(player.team), RED_DEVILS_COACH.slug],
        question=c.pick(
            [
                f"Welke rol moet {player.name} krijgen bij de Rode Duivels?",
                "Wie is volgens u de belangrijkste Rode Duivel van dit moment?",
            ]
        ),
        topic="rode-duivels",
    )


def rd_analysis(c: Ctx) -> Draft:
    hl = c.pick(
        [
            "Analyse: zo speelt België onder " + RED_DEVILS_COACH.name,
            "Analyse: de zoektocht naar de ideale linksachter bij de Rode Duivels",
            "Analyse: waarom de Rode Duivels meer doelpunten maken na de rust",
            "Analyse: het middenveld van de Rode Duivels in cijfers",
        ]
    )
    players = c.sample([p for p in RED_DEVILS_ABROAD if p.role != "doelman"], 3)
    lead = sentences(
        "De Rode Duivels zitten in een overgangsfase.",
        "Wij bekeken de cijfers van de voorbije interlands en zochten naar patronen.",
    )
    p1 = sentences(
        f"Onder {RED_DEVILS_COACH.name} speelt België in balbezit met drie centrale verdedigers en twee hoge "
        f"flankspelers.",
        "Zonder bal schakelt de ploeg over naar een vierverdediging.",
        f"Gemiddeld had België in de laatste vijf interlands {c.num(55, 68)} procent balbezit.",
    )
    p2 = sentences(
        f"{players[0].name} is de spil: hij raakt de bal gemiddeld {c.num(70, 95)} keer per wedstrijd.",
        f"{players[1].name} en {players[2].name} zorgen voor de diepgang.",
        "Opvallend is hoe vaak de ploeg via de linkerflank aanvalt: bijna zestig procent van de aanvallen.",
    )
    p3 = sentences(
        "Het werkpunt blijft de omschakeling na balverlies.",
        "Tegen snelle tegenstanders kwam de ploeg te vaak in de problemen.",
        "Met het oog op het volgende eindtoernooi is dat het grootste huiswerk voor de bondscoach.",
    )
    return Draft(
        section="rode-duivels",
        kind="rd-analysis",
        headline=hl,
        lead=_long_lead(c, lead),
        chunks=[(None, [p1]), ("Sleutelspelers", [p2]), ("Het werkpunt", [p3])],
        tags=[RED_DEVILS_COACH.slug, players[0].slug, comp("Nations League")],
        authors=["ruben-lambrechts"],
        question="Welke basiself zou u op het veld zetten?",
        topic="rode-duivels",
    )


def rd_news(c: Ctx) -> Draft:
    theme = c.pick(["camp", "ranking", "u21", "shirt", "tickets"])
    opp = c.pick(OPPONENTS)
    if theme == "camp":
        hl = "Rode Duivels trekken voor stage naar de Ardennen"
        lead = sentences(
            "De Rode Duivels werken hun voorbereiding op de interlands van juni af in de Ardennen.",
            "De bondscoach kiest bewust voor rust en een kleinere groep.",
        )
        body = [
            "De groep verblijft een week in een hotel in de buurt van Spa, met trainingen op een lokaal veld.",
            "Er staat ook een oefenwedstrijd tegen een selectie van beloften op het programma.",
            "Supporters zijn welkom op de open training van woensdag.",
        ]
    elif theme == "ranking":
        pos = c.num(3, 9)
        hl = (
            f"Rode Duivels zakken naar plaats {pos} op de wereldranglijst"
            if pos > 5
            else f"Rode Duivels stijgen naar plaats {pos} op de wereldranglijst"
        )
        lead = sentences(
            f"België staat op de nieuwe FIFA-ranking op de {pos}e plaats.",
            "Een positie die ook meespeelt bij de lottrekking voor het volgende toernooi.",
        )
        body = [
            "De ranking wordt berekend op basis van resultaten, het belang van de wedstrijd en de sterkte van "
            "de tegenstander.",
            f"De recente wedstrijd tegen {opp} woog zwaar door in de berekening.",
            "Bij de loting van de volgende kwalificatiecampagne is een plaats in de eerste pot belangrijk.",
        ]
    elif theme == "u21":
        hl = "Beloften plaatsen zich voor het EK: nieuwe lichting klopt op de deur"
        lead = sentences(
            "De Belgische beloften hebben zich geplaatst voor het EK.",
            "Verschillende spelers maken kans om door te stromen naar de Rode Duivels.",
        )
        body = [
            "De beloften wonnen hun laatste kwalificatiewedstrijd overtuigend.",
            "Vooral het middenveld maakte indruk, met spelers die in de Pro League al een vaste plaats hebben.",
            "Bondscoach " + RED_DEVILS_COACH.name + " zat in de tribune en sprak van een generatie met potentieel.",
        ]
    elif theme == "shirt":
        hl = "Nieuw shirt van de Rode Duivels verwijst naar de Belgische driekleur"
        lead = sentences(
            "De voetbalbond heeft het nieuwe thuisshirt van de Rode Duivels voorgesteld.",
            "Het ontwerp verwijst subtiel naar de driekleur en is gemaakt van gerecycleerd polyester.",
        )
        body = [
            "Het shirt wordt voor het eerst gedragen tijdens de interlands in juni.",
            "Op de mouwen staat een patroon dat geïnspireerd is op de Belgische kust en de Ardennen.",
            "Supporters reageren verdeeld: sommigen vinden het te sober, anderen juist tijdloos.",
        ]
    else:
        hl = "Ticketverkoop voor interland van de Rode Duivels loopt storm"
        lead = sentences(
            f"De tickets voor de interland tegen {opp} gaan vlot de deur uit.",
            "Binnen enkele uren waren de goedkoopste plaatsen uitverkocht.",
        )
        body = [
            "De bond verwacht een uitverkocht stadion.",
            "Leden van de supportersvereniging kregen voorrang bij de verkoop.",
            "Er blijven enkel nog plaatsen in de duurste categorie over.",
        ]
    p = [
        sentences(body[0], c.pick(["Meer details volgen later.", "Dat bevestigde de voetbalbond.", ""])),
        sentences(
            body[1],
            c.pick(
                [
                    "De spelers reageerden enthousiast.",
                    "Het is een bewuste keuze.",
                    "Daar wordt al lang naar uitgekeken.",
                ]
            ),
        ),
        sentences(
            body[2],
            c.pick(
                [
                    "De komende weken wordt meer duidelijk.",
                    "Het is alvast een interessante ontwikkeling voor de nationale ploeg.",
                    "De Rode Duivels blijven zo ook buiten de interlandperiodes in beeld.",
                ]
            ),
        ),
    ]
    return Draft(
        section="rode-duivels",
        kind="rd-news",
        headline=hl,
        lead=_long_lead(c, lead),
        chunks=[(None, [p[0]]), (c.pick(["Details", "Wat verandert er?"]), [p[1]]), ("Vooruitblik", [p[2]])],
        tags=[RED_DEVILS_COACH.slug, comp("Nations League")],
        question=c.pick(
            [
                "Wat vindt u ervan?",
                "Gaat u naar de volgende interland van de Rode Duivels?",
                "Leeft de nationale ploeg nog genoeg bij de supporters?",
            ]
        ),
        topic="rode-duivels",
    )


RODE_DUIVELS = [(5, rd_selection), (6, rd_match), (6, rd_player), (3, rd_analysis), (5, rd_news)]

# Data for the hand-written article's "Lees ook": the generator marks one football article.
__all__ = ["RODE_DUIVELS", "VOETBAL", "cap"]
