"""The cast of the demo newsroom: sections, authors and a fictional sports world.

Everything here is invented (clubs, players, riders, drivers, broadcasters),
except the names of real competitions, races and places, which only serve as
a backdrop. The one exception is the hand-written marathon article in
``stories.py``, which uses three real tags of its own.

Standard library only: the fixture builder must run without Django or Pillow.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


def slugify(text: str, max_length: int = 80) -> str:
    """Lowercase ASCII slug; cut at a word boundary when too long."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


# --------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------

SECTIONS = [
    {
        "slug": "voetbal",
        "name": "Voetbal",
        "colour": "#0a7c3e",
        "description": "Verslagen, transfers en analyses uit de Jupiler Pro League, de beker en de Europese bekers.",
        "show_on_home": True,
    },
    {
        "slug": "rode-duivels",
        "name": "Rode Duivels",
        "colour": "#c01227",
        "description": "De nationale ploeg van dichtbij: selecties, interlands en de weg naar het volgende "
        "eindtoernooi.",
        "show_on_home": True,
    },
    {
        "slug": "wielrennen",
        "name": "Wielrennen",
        "colour": "#8a5a00",
        "description": "Klassiekers, rondes en kasseien: de koers zoals ze in Vlaanderen beleefd wordt.",
        "show_on_home": True,
    },
    {
        "slug": "tennis",
        "name": "Tennis",
        "colour": "#0c6aa6",
        "description": "Van het gravel tot het gras: de Belgen op het circuit en de grote toernooien.",
        "show_on_home": True,
    },
    {
        "slug": "darts",
        "name": "Darts",
        "colour": "#7b2a8e",
        "description": "Premier League, Europese Tour en de Belgische pijlwerpers die de wereldtop uitdagen.",
        "show_on_home": True,
    },
    {
        "slug": "basketbal",
        "name": "Basketbal",
        "colour": "#b8420a",
        "description": "BNXT League, beker en de Belgian Lions en Cats.",
        "show_on_home": True,
    },
    {
        "slug": "hockey",
        "name": "Hockey",
        "colour": "#0b6e75",
        "description": "De Belgian Hockey League, Europese avonden en de Red Lions en Red Panthers.",
        "show_on_home": True,
    },
    {
        "slug": "atletiek",
        "name": "Atletiek",
        "colour": "#b0246a",
        "description": "Piste, weg en marathon: van de Diamond League tot de stratenloop om de hoek.",
        "show_on_home": True,
    },
    {
        "slug": "formule-1",
        "name": "Formule 1",
        "colour": "#3d434c",
        "description": "Raceweekends, strategie en het Belgische talent in de koningsklasse.",
        "show_on_home": True,
    },
    {
        "slug": "media",
        "name": "Media",
        "colour": "#3f3fb5",
        "description": "Uitzendrechten, kijkcijfers, podcasts en de gezichten achter de sportmicro.",
        "show_on_home": False,
    },
]

# Which illustration motif belongs to which section.
SECTION_MOTIF = {
    "voetbal": "voetbal",
    "rode-duivels": "voetbal",
    "wielrennen": "wielrennen",
    "tennis": "tennis",
    "darts": "darts",
    "basketbal": "basketbal",
    "hockey": "hockey",
    "atletiek": "atletiek",
    "formule-1": "formule1",
    "media": "media",
}


# --------------------------------------------------------------------------
# Authors (all fictional)
# --------------------------------------------------------------------------

AUTHORS = [
    {
        "slug": "lotte-vanhaverbeke",
        "name": "Lotte Vanhaverbeke",
        "role": "Chef sport",
        "bio": "Leidt de sportredactie sinds de oprichting van Tribune. Volgde twaalf jaar lang de Pro League vanop de "
        "perstribune en weet nog altijd welke kantine de beste soep serveert.",
        "beats": ["voetbal", "rode-duivels", "media"],
    },
    {
        "slug": "jens-demeulemeester",
        "name": "Jens Demeulemeester",
        "role": "Voetbalredacteur",
        "bio": "Schrijft over de Pro League en de transfermarkt. Begon als correspondent in de provinciale reeksen en "
        "heeft sindsdien geen speeldag gemist.",
        "beats": ["voetbal"],
    },
    {
        "slug": "elke-van-acker",
        "name": "Elke Van Acker",
        "role": "Sportjournalist",
        "bio": "Volgt de Rode Duivels op verplaatsing en thuis. Houdt van tactiekborden, lange busritten en "
        "persconferenties die uitlopen.",
        "beats": ["rode-duivels", "voetbal"],
    },
    {
        "slug": "bram-callewaert",
        "name": "Bram Callewaert",
        "role": "Wielerjournalist",
        "bio": "Kent elke helling in de Vlaamse Ardennen bij naam. Reed zelf bij de beloften en verruilde de fiets "
        "voor een notitieboekje en een volgwagen.",
        "beats": ["wielrennen"],
    },
    {
        "slug": "sofie-wuyts",
        "name": "Sofie Wuyts",
        "role": "Tennisverslaggever",
        "bio": "Reist het circuit af van gravel tot gras. Speelde zelf interclub en is nog steeds overtuigd dat een "
        "tweehandige backhand de mooiste slag is.",
        "beats": ["tennis"],
    },
    {
        "slug": "thibault-verlinden",
        "name": "Thibault Verlinden",
        "role": "Dartsverslaggever",
        "bio": "Zat op de eerste rij toen darts in België uitgroeide tot een volkssport. Schrijft over pijlen, "
        "gemiddelden en de spanning van een beslissende leg.",
        "beats": ["darts", "media"],
    },
    {
        "slug": "nele-dhondt",
        "name": "Nele D'hondt",
        "role": "Basketbaljournalist",
        "bio": "Volgt de BNXT League en de Belgian Cats. Gelooft dat de mooiste minuten van een wedstrijd altijd de "
        "laatste twee zijn.",
        "beats": ["basketbal", "hockey"],
    },
    {
        "slug": "koen-verstraeten",
        "name": "Koen Verstraeten",
        "role": "Hockeyjournalist",
        "bio": "Schrijft al jaren over hockey, van de jeugdreeksen tot de Red Lions. Legt graag uit waarom een "
        "strafcorner geen toeval is.",
        "beats": ["hockey", "atletiek"],
    },
    {
        "slug": "hanne-cools",
        "name": "Hanne Cools",
        "role": "Atletiekjournalist",
        "bio": "Liep zelf de 800 meter en kijkt nog altijd eerst naar de tussentijden. Volgt de piste, de weg en "
        "alles wat met een startschot begint.",
        "beats": ["atletiek"],
    },
    {
        "slug": "dries-van-hoorebeke",
        "name": "Dries Van Hoorebeke",
        "role": "Motorsportjournalist",
        "bio": "Spendeerde meer weekends in een paddock dan thuis. Specialist in bandenstrategie, regen in de "
        "Ardennen en Belgisch talent in de autosport.",
        "beats": ["formule-1"],
    },
    {
        "slug": "ilse-moens",
        "name": "Ilse Moens",
        "role": "Mediaredacteur",
        "bio": "Schrijft over sport op televisie, radio en streaming: wie zendt wat uit, wie kijkt er en wat kost het "
        "de kijker.",
        "beats": ["media"],
    },
    {
        "slug": "arne-dewulf",
        "name": "Arne Dewulf",
        "role": "Eindredacteur",
        "bio": "Bewaakt de koppen, de cijfers en de komma's. Schrijft af en toe zelf een stuk, meestal over voetbal in "
        "de Westhoek of over wielrennen in de regen.",
        "beats": ["voetbal", "wielrennen", "formule-1"],
    },
    {
        "slug": "marieke-claeys",
        "name": "Marieke Claeys",
        "role": "Columnist",
        "bio": "Schrijft wekelijks een column over wat er naast het veld gebeurt: supporters, tradities en de kleine "
        "verhalen achter de grote uitslagen.",
        "beats": ["voetbal", "wielrennen", "atletiek", "media"],
    },
    {
        "slug": "ruben-lambrechts",
        "name": "Ruben Lambrechts",
        "role": "Data-analist",
        "bio": "Zet wedstrijden om in cijfers en cijfers om in verhalen. Verdedigt expected goals op elk "
        "verjaardagsfeest.",
        "beats": ["voetbal", "rode-duivels", "basketbal", "formule-1"],
    },
]


# --------------------------------------------------------------------------
# Fictional world
# --------------------------------------------------------------------------


@dataclass
class Person:
    name: str
    role: str  # doelman, spits, renner, ...
    team: str = ""  # key of a club or team
    nick: str = ""
    country: str = "België"
    slug: str = field(default="", init=False)

    def __post_init__(self) -> None:
        self.slug = slugify(self.name)

    @property
    def last(self) -> str:
        """Surname as used on its own in a sentence: "Van Hoecke", "Van Dijkhuizen"."""
        rest = self.name.split(" ", 1)[1] if " " in self.name else self.name
        return rest[0].upper() + rest[1:]

    @property
    def nickname_name(self) -> str:
        """Name with the nickname, as darts players are announced."""
        first, _, rest = self.name.partition(" ")
        return f"{first} '{self.nick}' {rest}" if self.nick else self.name


@dataclass
class Club:
    key: str
    name: str
    short: str
    city: str
    ground: str
    nickname: str
    coach: Person
    players: list[Person]
    slug: str = field(default="", init=False)

    def __post_init__(self) -> None:
        self.slug = slugify(self.name)
        for p in self.players:
            p.team = self.key
        self.coach.team = self.key


def _p(name: str, role: str, country: str = "België", nick: str = "") -> Person:
    return Person(name=name, role=role, country=country, nick=nick)


FOOTBALL_CLUBS = [
    Club(
        "scheldeboorden",
        "KV Scheldeboorden",
        "Scheldeboorden",
        "Temse",
        "het Scheldeboordstadion",
        "de Schippers",
        _p("Dirk Vangheluwe", "trainer"),
        [_p("Jarne Verstuyft", "spits"), _p("Ruben Van Hoecke", "doelman"), _p("Ilias Bouzarhoun", "middenvelder")],
    ),
    Club(
        "lierse-vallei",
        "Sporting Lierse Vallei",
        "Lierse Vallei",
        "Lier",
        "het Valleipark",
        "de Pallieters",
        _p("Patrick Dierickx", "trainer"),
        [
            _p("Senne Moorkens", "middenvelder"),
            _p("Yannick Peeraer", "verdediger"),
            _p("Nathan Okafor-Willems", "spits"),
        ],
    ),
    Club(
        "dender-oost",
        "Racing Dender-Oost",
        "Dender-Oost",
        "Ninove",
        "het stadion aan de Dender",
        "de Denderzonen",
        _p("Frank Meulebrouck", "trainer"),
        [
            _p("Lowie Vandevoorde", "flankaanvaller"),
            _p("Kwame Asante-Dubois", "verdediger"),
            _p("Tibo Meersman", "doelman"),
        ],
    ),
    Club(
        "kempenland",
        "FC Kempenland",
        "Kempenland",
        "Geel",
        "het Heidepark",
        "de Heikneuters",
        _p("Hilde Van Loock", "trainer"),
        [_p("Stijn Haesendonckx", "spits"), _p("Milan Goris", "middenvelder"), _p("Jelle Verbist", "verdediger")],
    ),
    Club(
        "maasdal",
        "Royal Maasdal",
        "Maasdal",
        "Maaseik",
        "het Maasoeverstadion",
        "de Maasridders",
        _p("Roel Ceulemans", "trainer"),
        [_p("Rune Claesen", "spits"), _p("Sami El Ouarzazi", "middenvelder"), _p("Bram Vandersmissen", "doelman")],
    ),
    Club(
        "leiezonen",
        "SK Leiezonen",
        "Leiezonen",
        "Menen",
        "het Vlasveld",
        "de Vlasboeren",
        _p("Geert Ollevier", "trainer"),
        [
            _p("Ferre Declercq", "middenvelder"),
            _p("Tuur Vanryckeghem", "verdediger"),
            _p("Jonathan Mbemba-Lutete", "spits"),
        ],
    ),
    Club(
        "polderstad",
        "KSV Polderstad",
        "Polderstad",
        "Diksmuide",
        "het Polderpark",
        "de Polderleeuwen",
        _p("Wim Desodt", "trainer"),
        [_p("Arno Ghekiere", "doelman"), _p("Lukas Vyncke", "flankaanvaller"), _p("Moussa Tiendrebeogo", "verdediger")],
    ),
    Club(
        "zennevallei",
        "Union Zennevallei",
        "Zennevallei",
        "Halle",
        "het Zennebroekstadion",
        "de Zennekoppen",
        _p("Karim Benhaddou", "trainer"),
        [_p("Victor Lambotte", "middenvelder"), _p("Emre Yildirimoglu", "spits"), _p("Siebe Wauters", "verdediger")],
    ),
    Club(
        "haspengouw",
        "Olympic Haspengouw",
        "Haspengouw",
        "Tongeren",
        "het Fruitstreekstadion",
        "de Fruitboeren",
        _p("Luc Partoens", "trainer"),
        [_p("Jorne Vanlommel", "spits"), _p("Daan Stulens", "doelman"), _p("Aleksander Novakovic", "middenvelder")],
    ),
    Club(
        "netevallei",
        "KFC Netevallei",
        "Netevallei",
        "Herentals",
        "het Netestadion",
        "de Netegeuzen",
        _p("Sven Van Dingenen", "trainer"),
        [_p("Kobe Smolderen", "verdediger"), _p("Mathis Verhulst", "middenvelder"), _p("Ayoub Lahlali", "spits")],
    ),
    Club(
        "brabant-zuid",
        "Daring Brabant-Zuid",
        "Brabant-Zuid",
        "Waver",
        "de Dijle Arena",
        "de Dijleberen",
        _p("Olivier Dumonceau", "trainer"),
        [
            _p("Hugo Lemaire", "doelman"),
            _p("Thomas Vanderhasselt", "middenvelder"),
            _p("Isaac Mensah-Boateng", "spits"),
        ],
    ),
    Club(
        "vesdre",
        "RFC Vesdre",
        "Vesdre",
        "Verviers",
        "het Stade de la Vesdre",
        "de Lainiers",
        _p("Jean-Marc Collignon", "trainer"),
        [_p("Loïc Dethier", "spits"), _p("Bastien Horion", "verdediger"), _p("Malik Ndiaye-Fontaine", "middenvelder")],
    ),
    Club(
        "ijzerstreek",
        "KRC IJzerstreek",
        "IJzerstreek",
        "Nieuwpoort",
        "het IJzerpark",
        "de Zeebonken",
        _p("Bart Vandecasteele", "trainer"),
        [
            _p("Wannes Ghyselinck", "middenvelder"),
            _p("Pieter-Jan Vermote", "doelman"),
            _p("Oscar Lindqvist", "spits", "Zweden"),
        ],
    ),
    Club(
        "meetjesland",
        "Eendracht Meetjesland",
        "Meetjesland",
        "Eeklo",
        "het Meetjeslandstadion",
        "de Meetjes",
        _p("Stefaan De Paepe", "trainer"),
        [_p("Cas Van Lancker", "flankaanvaller"), _p("Robin Mortier", "verdediger"), _p("Yusuf Karaduman", "spits")],
    ),
    Club(
        "rupelstreek",
        "VC Rupelstreek",
        "Rupelstreek",
        "Boom",
        "het Steenbakkerijstadion",
        "de Steenbakkers",
        _p("Kristof Bosmans", "trainer"),
        [
            _p("Jasper Van Haute", "spits"),
            _p("Matteo Ruggiero", "middenvelder", "Italië"),
            _p("Warre Leysen", "doelman"),
        ],
    ),
    Club(
        "famenne",
        "AS Famenne",
        "Famenne",
        "Marche-en-Famenne",
        "het Stade du Fond des Vaulx",
        "de Famennois",
        _p("Philippe Gérardy", "trainer"),
        [_p("Quentin Hubinon", "middenvelder"), _p("Axel Grandjean", "verdediger"), _p("Samuel Kabongo", "spits")],
    ),
]

# Foreign clubs, all fictional, for players abroad and European nights.
FOREIGN_CLUBS = [
    ("Rotherfield United", "Engeland"),
    ("Olympique Calanques", "Frankrijk"),
    ("AC Lagunare", "Italië"),
    ("Borussia Rheintal", "Duitsland"),
    ("Atlético Costa Blanca", "Spanje"),
    ("Sporting Ribeira", "Portugal"),
    ("FC Zuiderzee", "Nederland"),
    ("Dinamo Carpați", "Roemenië"),
]

RED_DEVILS_COACH = _p("Geert Vanoppen", "bondscoach")
RED_DEVILS_ABROAD = [
    _p("Kasper Deroover", "middenvelder"),
    _p("Maxime Lambotte", "verdediger"),
    _p("Elias Van Wynsberghe", "spits"),
    _p("Noah Dewaele", "flankaanvaller"),
    _p("Lenny Mpasi", "doelman"),
    _p("Timon Vercammen", "verdediger"),
]
for _player, (_club, _land) in zip(RED_DEVILS_ABROAD, FOREIGN_CLUBS, strict=False):
    _player.team = _club

# Cycling
CYCLING_TEAMS = [
    "Kasseikracht Pro Cycling",
    "Team Ardennenstaal",
    "Velo Brabant-Noordzee",
    "Equipo Sierra Azul",
    "Nordfjord Racing",
    "Groupe Lumière-Provence",
]
RIDERS = [
    _p("Lander Goeminne", "renner"),
    _p("Yentl Decraene", "renner"),
    _p("Matisse Vanwalleghem", "renner"),
    _p("Kobe Demuynck", "renner"),
    _p("Tuur Heyvaert", "renner"),
    _p("Arthur Delobel", "renner"),
    _p("Jonas Kjeldgaard", "renner", "Denemarken"),
    _p("Théo Lavergne", "renner", "Frankrijk"),
    _p("Luca Bernasconi", "renner", "Italië"),
    _p("Pablo Etxegarai", "renner", "Spanje"),
    _p("Sem Hoogerwerf", "renner", "Nederland"),
    _p("Fien Vandeputte", "renster"),
    _p("Amber Coussement", "renster"),
    _p("Lisa Verhaeghe", "renster"),
]
for _i, _rider in enumerate(RIDERS):
    _rider.team = CYCLING_TEAMS[_i % len(CYCLING_TEAMS)]
CYCLING_DS = [_p("Eddy Van Craenenbroeck", "ploegleider"), _p("Nadia Verschueren", "ploegleider")]

# Tennis
TENNIS_PLAYERS = [
    _p("Lotte Verbruggen", "tennisster"),
    _p("Zoë Claessens", "tennisster"),
    _p("Jorre Decoster", "tennisser"),
    _p("Maxime Delvaux", "tennisser"),
    _p("Alessio Ferrante", "tennisser", "Italië"),
    _p("Nikolai Petrovsky", "tennisser", "Kazachstan"),
    _p("Camila Rojas Vidal", "tennisster", "Chili"),
    _p("Hannah Lindqvist", "tennisster", "Zweden"),
    _p("Tomás Ribeiro", "tennisser", "Portugal"),
    _p("Kenji Morikawa", "tennisser", "Japan"),
    _p("Ines Oberholzer", "tennisster", "Zwitserland"),
]
TENNIS_COACH = _p("Filip Wuytack", "coach")

# Darts
DARTS_PLAYERS = [
    _p("Kenny Van Roosbroeck", "dartsspeler", nick="De Kapitein"),
    _p("Gert Smolders", "dartsspeler", nick="Goldfinger"),
    _p("Nathan Deprez", "dartsspeler", nick="The Wolf"),
    _p("Liam Fairbairn", "dartsspeler", "Schotland", "The Hammer"),
    _p("Ruud van Dijkhuizen", "dartsspeler", "Nederland", "De Molenaar"),
    _p("Callum Reidford", "dartsspeler", "Engeland", "Cannonball"),
    _p("Jake Pennington", "dartsspeler", "Engeland", "The Postman"),
    _p("Sander Wijckmans", "dartsspeler", nick="Het Kanon"),
]

# Basketball
BASKET_CLUBS = [
    ("scheldestad-sharks", "Scheldestad Sharks", "Antwerpen"),
    ("limburg-lynx", "Limburg Lynx", "Hasselt"),
    ("brabant-bisons", "Brabant Bisons", "Leuven"),
    ("westkust-wolves", "Westkust Wolves", "Oostduinkerke"),
    ("meetjesland-mustangs", "Meetjesland Mustangs", "Eeklo"),
    ("kempen-comets", "Kempen Comets", "Turnhout"),
    ("dijleland-dragons", "Dijleland Dragons", "Mechelen"),
    ("ardennes-eagles", "Ardennes Eagles", "Luik"),
]
BASKET_PLAYERS = [
    _p("Ward Bogaerts", "guard"),
    _p("Joppe Struyven", "forward"),
    _p("Marcus Whitfield", "center", "Verenigde Staten"),
    _p("Darnell Ashby", "guard", "Verenigde Staten"),
    _p("Jérémy Lallemand", "forward"),
    _p("Emma Vanhove", "guard"),
    _p("Kaat Verhelst", "center"),
    _p("Teodor Marinov", "center", "Bulgarije"),
]
for _i, _pl in enumerate(BASKET_PLAYERS):
    _pl.team = BASKET_CLUBS[_i % len(BASKET_CLUBS)][1]
BASKET_COACH = _p("Rudi Van Mechelaere", "coach")

# Hockey
HOCKEY_CLUBS = [
    ("hc-dijlevallei", "HC Dijlevallei", "Leuven"),
    ("royal-zonienbos", "Royal Zoniënbos HC", "Overijse"),
    ("khc-kempenheide", "KHC Kempenheide", "Mol"),
    ("scheldestad-hc", "Scheldestad HC", "Antwerpen"),
    ("mosane-hc", "Mosane HC", "Namen"),
    ("brugse-vaart-hc", "Brugse Vaart HC", "Brugge"),
]
HOCKEY_PLAYERS = [
    _p("Victor Delhaise", "aanvaller"),
    _p("Floris Van Nieuwenborgh", "middenvelder"),
    _p("Cédric Lamberty", "verdediger"),
    _p("Lou Vanderstraeten", "aanvaller"),
    _p("Emma Puttevils", "middenvelder"),
    _p("Jules Hennebert", "doelman"),
    _p("Marie-Lou Coppens", "aanvaller"),
]
for _i, _pl in enumerate(HOCKEY_PLAYERS):
    _pl.team = HOCKEY_CLUBS[_i % len(HOCKEY_CLUBS)][1]
HOCKEY_COACH = _p("Tom Verhelle", "bondscoach")

# Athletics
ATHLETES = [
    _p("Nore Vandenbussche", "400 meter"),
    _p("Jens Schepers", "100 meter"),
    _p("Sarah Van Laethem", "100 meter horden"),
    _p("Ibrahim Tahiri", "1500 meter"),
    _p("Lore Hendrikx", "zevenkamp"),
    _p("Manon Delbecque", "marathon"),
    _p("Karel Rombaut", "marathon"),
    _p("Jolien Vervaet", "hoogspringen"),
    _p("Seppe Wouters-Nys", "tienkamp"),
]
ATHLETICS_COACH = _p("Jef Van Ransbeeck", "trainer")

# Formula 1
F1_TEAMS = ["Helix GP", "Aurora Racing", "Albion Racing", "Stella Rossa F1", "Vortex Motorsport"]
DRIVERS = [
    _p("Lars Wijnants", "coureur"),
    _p("Maxime Dubreuil", "coureur", "Frankrijk"),
    _p("Oliver Ashcombe", "coureur", "Verenigd Koninkrijk"),
    _p("Matteo Santarelli", "coureur", "Italië"),
    _p("Kai Lindholm", "coureur", "Zweden"),
    _p("Hiro Takayama", "coureur", "Japan"),
    _p("Diego Valdés Ortega", "coureur", "Mexico"),
    _p("Nils Achterberg", "coureur", "Nederland"),
    _p("Robin Castermans", "testrijder"),
]
for _i, _driver in enumerate(DRIVERS):
    _driver.team = F1_TEAMS[_i % len(F1_TEAMS)]
F1_BOSS = _p("Gianni Moretto", "teambaas")

# Media
BROADCASTERS = ["Kanaal Arena", "Stadion+", "Radio Tribune Sport", "Koersradio", "Sportline TV"]
MEDIA_PEOPLE = [
    _p("Ann Vercruyssen", "presentatrice"),
    _p("Bart Denève", "commentator"),
    _p("Griet Willaert", "podcastmaakster"),
    _p("Tom Lemmerling", "analist"),
    _p("Sven Van Hulle", "commentator"),
]

# Real competition and race names used as a backdrop (no real people attached).
COMPETITIONS = [
    "Jupiler Pro League",
    "Beker van België",
    "Champions League",
    "Europa League",
    "Conference League",
    "Nations League",
    "WK-kwalificatie",
    "Omloop Het Nieuwsblad",
    "Gent-Wevelgem",
    "Ronde van Vlaanderen",
    "Parijs-Roubaix",
    "Amstel Gold Race",
    "Luik-Bastenaken-Luik",
    "Tour de France",
    "Giro d'Italia",
    "Australian Open",
    "Roland Garros",
    "Wimbledon",
    "Billie Jean King Cup",
    "Premier League Darts",
    "Belgian Darts Open",
    "BNXT League",
    "EuroCup",
    "Belgian Hockey League",
    "EuroHockey League",
    "Diamond League",
    "EK atletiek",
    "Marathon van Rotterdam",
    "Antwerp 10 Miles",
    "Formule 1-wereldkampioenschap",
    "Grote Prijs van België",
]

# The three real tags, used only by the hand-written marathon article.
REAL_TAGS = [
    {"slug": "steven-defour", "name": "Steven Defour", "kind": "person"},
    {"slug": "kv-mechelen", "name": "KV Mechelen", "kind": "club"},
    {"slug": "marathon-van-londen", "name": "Marathon van Londen", "kind": "competition"},
]


def all_people() -> list[Person]:
    people: list[Person] = []
    for club in FOOTBALL_CLUBS:
        people.append(club.coach)
        people.extend(club.players)
    people += [RED_DEVILS_COACH, *RED_DEVILS_ABROAD, *RIDERS, *CYCLING_DS, *TENNIS_PLAYERS, TENNIS_COACH]
    people += [*DARTS_PLAYERS, *BASKET_PLAYERS, BASKET_COACH, *HOCKEY_PLAYERS, HOCKEY_COACH]
    people += [*ATHLETES, ATHLETICS_COACH, *DRIVERS, F1_BOSS, *MEDIA_PEOPLE]
    return people


def all_clubs() -> list[tuple[str, str]]:
    """(slug, name) of every fictional club or team that can be tagged."""
    clubs = [(c.slug, c.name) for c in FOOTBALL_CLUBS]
    clubs += [(slugify(name), name) for name, _ in FOREIGN_CLUBS]
    clubs += [(slugify(name), name) for name in CYCLING_TEAMS]
    clubs += [(slugify(name), name) for _, name, _ in BASKET_CLUBS]
    clubs += [(slugify(name), name) for _, name, _ in HOCKEY_CLUBS]
    clubs += [(slugify(name), name) for name in F1_TEAMS]
    return clubs
