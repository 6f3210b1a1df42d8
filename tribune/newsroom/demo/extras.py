# ruff: noqa: E501 -- prose templates read better unbroken
"""Background paragraphs that give short articles more body.

Each section has a few paragraph builders. A builder looks at the draft (its
tags tell which club, rider or player it is about) and writes three or four
sentences of context from pools of alternatives, so that the same paragraph
rarely comes back word for word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from tribune.newsroom.demo.catalogue import FOOTBALL_CLUBS, all_clubs, all_people
from tribune.newsroom.demo.stories import Ctx, Draft

_PEOPLE = {p.slug: p for p in all_people()}
_CLUBS = dict(all_clubs())
_FOOTBALL = {c.slug: c for c in FOOTBALL_CLUBS}
_USE: Counter[str] = Counter()  # how often each padding sentence was used, site-wide


def _club_name(draft: Draft, fallback: str) -> str:
    for slug in draft.tags:
        if slug in _FOOTBALL:
            return _FOOTBALL[slug].short
        if slug in _CLUBS:
            return _CLUBS[slug]
    return fallback


def _person(draft: Draft) -> str | None:
    for slug in draft.tags:
        if slug in _PEOPLE and _PEOPLE[slug].role not in ("trainer", "bondscoach", "coach", "ploegleider"):
            return _PEOPLE[slug].name
    return None


# --------------------------------------------------------------------------
# Sentence pools per section, grouped by theme. A padding paragraph takes three
# or four sentences from one theme, never repeating a sentence in an article.
# {club} and {who} are only used when the draft is about a club or a person.
# --------------------------------------------------------------------------

POOLS: dict[str, dict[str, list[str]]] = {
    "voetbal": {
        "tactiek": [
            "Tactisch zat de ploeg de voorbije weken beter in elkaar.",
            "De trainer schakelde vaker over naar een systeem met drie centrale verdedigers.",
            "Vooral de afstand tussen de linies is kleiner geworden, waardoor de tegenstander minder ruimte krijgt.",
            "In balbezit zoekt de ploeg sneller de diepte dan in de herfst.",
            "De flankverdedigers schuiven geregeld mee op en zorgen zo voor extra breedte.",
            "Bij balverlies wordt er meteen druk gezet, met twee of drie spelers tegelijk.",
            "Op stilstaande fasen blijft de ploeg kwetsbaar, zeker bij tweede ballen.",
            "De wissels brachten de voorbije wedstrijden vaak meer energie op het middenveld.",
        ],
        "bestuur": [
            "Achter de schermen werkt de clubleiding aan de plannen voor volgend seizoen.",
            "De sportieve cel heeft al een lijst met transferdoelwitten klaar.",
            "Het budget voor volgend seizoen hangt mee af van de eindrangschikking.",
            "De club wil de komende jaren meer investeren in de eigen jeugdopleiding.",
            "Ook de infrastructuur staat hoog op de agenda van het bestuur.",
            "De voorzitter liet eerder al weten dat stabiliteit de belangrijkste doelstelling is.",
            "Contractgesprekken met enkele sterkhouders worden na het seizoen opgestart.",
        ],
        "jeugd": [
            "Enkele spelers uit de eigen opleiding kregen dit seizoen hun eerste minuten in het eerste elftal.",
            "De beloften draaien intussen mee in de top van hun reeks.",
            "Talentscouts van buitenlandse clubs komen geregeld kijken op de jeugdwedstrijden.",
            "De doorstroming van jeugdspelers is een bewuste keuze van de club.",
            "Op het jeugdcomplex trainen honderden kinderen en jongeren, van de duiveltjes tot de U21.",
            "Ouders en vrijwilligers vormen de ruggengraat van de jeugdwerking.",
        ],
        "supporters": [
            "Bij de supporters van {club} wordt er intussen volop gerekend.",
            "In de cafés rond het stadion van {club} was het de voorbije dagen het gespreksonderwerp.",
            "Op de supportersfora van {club} gaan de discussies alle kanten op.",
            "Sommige supporters zien het glas halfvol, anderen vrezen dat het seizoen op een sisser afloopt.",
            "Het geduld van de achterban is groot, maar niet oneindig.",
            "Vooral de jonge spelers kunnen op veel sympathie rekenen bij het eigen publiek.",
            "De clubleiding organiseert binnenkort een fanavond om de plannen toe te lichten.",
            "De abonnementenverkoop voor volgend seizoen loopt intussen beter dan verwacht.",
            "Een supportersvereniging kondigde aan dat ze met drie bussen naar de volgende uitwedstrijd trekt.",
        ],
        "kalender": [
            "Het programma oogt de komende weken stevig.",
            "Rotatie wordt onvermijdelijk, zeker op de flanken en in de spits.",
            "Met een smalle kern kan elke schorsing of blessure zwaar doorwegen.",
            "De medische staf houdt de belasting van elke speler nauwlettend in het oog.",
            "Na de volgende drie wedstrijden volgt een korte pauze, die meer dan welkom is.",
            "Wie in deze periode punten laat liggen, kan de ambities wellicht opbergen.",
            "Op training ligt de nadruk deze week vooral op herstel en stilstaande fasen.",
            "De wedstrijden volgen elkaar snel op, met telkens amper drie dagen rust.",
        ],
        "cijfers": [
            "De cijfers vertellen een opvallend verhaal.",
            "Dit seizoen hield de ploeg al tien keer de nul, een van de beste cijfers van de competitie.",
            "Van de laatste tien wedstrijden werden er slechts twee verloren.",
            "Opvallend is hoeveel doelpunten er in het laatste kwartier vallen.",
            "Tegen ploegen uit de top blijken de verschillen telkens klein.",
            "Thuis is de ploeg moeilijk te kloppen, op verplaatsing is er nog werk aan de winkel.",
            "De tweede helften zijn doorgaans beter dan de eerste.",
            "Geen enkele ploeg gaf dit seizoen minder schoten op doel toe binnen de zestien.",
        ],
        "context": [
            "De slotfase van het seizoen is traditioneel de periode waarin alles op scherp komt te staan.",
            "In de play-offs weegt elke wedstrijd dubbel, en dat merk je aan de spanning op en naast het veld.",
            "Het Belgische voetbal kent dit seizoen een opvallend evenwichtige competitie.",
            "Nooit eerder lagen zoveel ploegen zo dicht bij elkaar in deze fase van het seizoen.",
            "Kleine details, zoals een stilstaande fase of een wissel op het juiste moment, beslissen vaak.",
            "Voor trainers betekent het vooral slapeloze nachten.",
            "Ook de Europese tickets spelen daarbij een grote rol.",
            "De komende weken zullen uitwijzen wie het best met die druk omgaat.",
        ],
        "speler": [
            "{who} is intussen een van de opvallendste namen in de Pro League.",
            "Scouts van buitenlandse clubs zaten de voorbije weken geregeld in de tribune om {who} aan het werk te zien.",
            "Zijn ontwikkeling is de voorbije maanden in een stroomversnelling geraakt.",
            "Zijn trainer prijst vooral zijn professionele ingesteldheid.",
            "Hij blijft zelf met beide voeten op de grond.",
            "Wat de zomer brengt, is nog koffiedik kijken.",
        ],
    },
    "rode-duivels": {
        "tactiek": [
            "De bondscoach experimenteert geregeld met een verdediging met drie centrale verdedigers.",
            "Op het middenveld is de concurrentie het grootst.",
            "In balbezit zoekt de ploeg sneller de diepte dan vroeger.",
            "De flankspelers krijgen veel vrijheid om naar binnen te trekken.",
            "Stilstaande fasen worden tijdens de stages uitgebreid ingeoefend.",
            "De technische staf analyseert elke tegenstander tot in de details.",
            "Jonge spelers krijgen in oefenwedstrijden de kans om zich te tonen.",
        ],
        "context": [
            "De Rode Duivels zitten in een overgangsfase, met een nieuwe generatie die zich aandient.",
            "De concurrentie in de selectie is groter dan enkele jaren geleden.",
            "De bondscoach volgt wekelijks wedstrijden in binnen- en buitenland.",
            "Met het oog op het volgende eindtoernooi telt elke interland.",
            "De nationale ploeg blijft een van de weinige dingen die het hele land samenbrengt.",
            "Een goede reeks in de kwalificatie zou veel rust brengen.",
            "De technische staf werkt intussen aan een vaste ruggengraat in het elftal.",
            "In Tubeke wordt alles klaargezet om de groep in de beste omstandigheden te laten werken.",
        ],
        "supporters": [
            "Ook naar de uitwedstrijden reist telkens een grote groep Belgische supporters mee.",
            "De tickets voor de volgende thuisinterland gaan vlot de deur uit.",
            "In de fanzones wordt opnieuw een grote opkomst verwacht.",
            "Bij de supporters leeft vooral nieuwsgierigheid naar de jonge spelers.",
            "Oudere supporters vergelijken de nieuwe lichting graag met vroegere generaties.",
        ],
    },
    "wielrennen": {
        "ploeg": [
            "In de ploegbus wordt elke ochtend het plan van de dag overlopen.",
            "Knechten zijn onmisbaar: zij houden de kopman uit de wind en halen bidons.",
            "De mecaniciens werken tot laat in de avond om de fietsen klaar te maken.",
            "Ploegleiders bestuderen vooraf elke bocht en elke strook van het parcours.",
            "De verzorgers zorgen na de koers voor massages en herstel.",
            "Ploegen rekenen steeds meer op data, van wattages tot hartslag.",
            "Jonge renners leren het vak vaak naast een ervaren kopman.",
            "Tussen de koersen door wordt er gerecupereerd en licht getraind.",
        ],
        "koers": [
            "Het voorjaar is voor de Belgische renners het belangrijkste deel van het seizoen.",
            "In het peloton wordt er dit jaar opvallend vroeg en hard gekoerst.",
            "Ploegen verkennen de parcoursen tot in de kleinste details.",
            "De gemiddelde snelheid in de grote koersen ligt hoger dan ooit.",
            "Het materiaal speelt een steeds grotere rol, van bandenbreedte tot bandendruk op de kasseien.",
            "Voedingsstrategieën en hoogtestages zijn intussen standaard, ook bij de kleinere ploegen.",
            "Ploegleiders volgen de koers via radio, data en beelden vanuit de volgwagen.",
            "De jonge generatie durft al vroeg in de koers aan te vallen.",
            "Het maakt de koers onvoorspelbaarder, en dus mooier om naar te kijken.",
            "Wie hier slaagt, schrijft zich in de geschiedenis van de sport in.",
        ],
        "publiek": [
            "Langs het parcours was het opnieuw druk, met supporters uit heel Europa.",
            "In de cafés op de hellingen werd van 's ochtends vroeg naar de koers gekeken.",
            "Op de kasseistroken stonden de toeschouwers rijen dik.",
            "Veel fans kwamen met de fiets en reden een deel van het parcours zelf.",
            "Grote schermen en frietkramen zorgden voor een echte feestsfeer.",
            "De organisatie riep op om afval mee naar huis te nemen, en die oproep werd goed opgevolgd.",
            "Het bewijst opnieuw hoe diep de koers in Vlaanderen geworteld zit.",
            "Ook de renners spraken na afloop vol lof over de sfeer.",
        ],
        "renner": [
            "Voor {who} is dit een belangrijke periode in het seizoen.",
            "{who} werkte in de winter een lange stage af in Spanje.",
            "De ploeg bouwde het programma van {who} rond de belangrijkste doelen van het voorjaar.",
            "Wie {who} kent, weet dat de ambitie groot is.",
            "De komende weken zullen tonen hoe ver de vorm reikt.",
        ],
    },
    "tennis": {
        "circuit": [
            "Het gravelseizoen is voor veel spelers een lange en zware periode.",
            "De rally's zijn langer, de fysieke belasting groter en de marges kleiner dan op hardcourt.",
            "Wie tot op Roland Garros fit en in vorm blijft, heeft al een belangrijke stap gezet.",
            "Het circuit is de voorbije jaren breder geworden: verrassingen zijn eerder regel dan uitzondering.",
            "Reizen, hotels en trainingsbanen: het leven op het circuit is minder glamoureus dan het lijkt.",
            "Veel spelers reizen met een klein team van coach, fysiotherapeut en soms een ouder.",
            "De punten die nu verdedigd moeten worden, wegen zwaar op de ranking.",
        ],
        "belgen": [
            "Het Belgische tennis beleeft een interessante periode, met een nieuwe generatie die aan de deur klopt.",
            "De federatie investeerde de voorbije jaren in een betere begeleiding van jonge spelers.",
            "In de tennisclubs zijn de wachtlijsten voor de jeugdlessen nog nooit zo lang geweest.",
            "De Belgische spelers trainen vaak samen in het nationale trainingscentrum.",
            "Het succes van de ene motiveert de anderen, klinkt het bij de coaches.",
            "{who} is een van de blikvangers van die lichting.",
        ],
    },
    "darts": {
        "training": [
            "Een topspeler gooit op een gewone trainingsdag honderden pijlen.",
            "Veel spelers trainen op de dubbels, omdat daar de wedstrijden beslist worden.",
            "Het gewicht en de vorm van de pijlen worden tot op de gram afgesteld.",
            "Mentale coaches zijn in het darts geen uitzondering meer.",
            "Het verschil tussen winnen en verliezen zit vaak in één gemiste dubbel.",
            "Reizen en late avonden maken het ritme van een dartsspeler bijzonder zwaar.",
        ],
        "sport": [
            "Darts is de voorbije jaren uitgegroeid tot een publiekstrekker, ook in België.",
            "Het niveau in het internationale darts ligt hoger dan ooit.",
            "Gemiddelden boven de honderd zijn geen uitzondering meer.",
            "Spelers reizen van toernooi naar toernooi en trainen tussendoor in hotelkamers.",
            "De zalen zitten vol, de sfeer is uniek en de televisiecijfers stijgen.",
            "Wie de top wil halen, moet zowel mentaal als technisch sterk zijn.",
            "Een avond darts is intussen ook een avond entertainment, met walk-ons, muziek en verklede fans.",
            "Het prijzengeld is de voorbije jaren flink gestegen.",
        ],
        "belgen": [
            "De Belgische spelers doen intussen volop mee aan de top.",
            "In de Belgische dartscafés wordt elke speelavond massaal gekeken.",
            "Nieuwe clubs en competities schieten als paddenstoelen uit de grond.",
            "{who} is voor veel jonge spelers een voorbeeld.",
            "De Belgische federatie ziet het aantal aangesloten spelers elk jaar groeien.",
        ],
    },
    "basketbal": {
        "club": [
            "Bij de club wordt er hard gewerkt aan een stevige basis voor de komende jaren.",
            "De spelersgroep is een mix van ervaren krachten en jonge Belgen.",
            "Op training ligt de nadruk deze weken op verdediging en omschakeling.",
            "De sporthal is op wedstrijddagen een ontmoetingsplaats voor de hele regio.",
            "Vrijwilligers zorgen voor de bar, de tafel en de jeugdwerking.",
            "De club werkt nauw samen met de scholen in de buurt.",
            "Het budget is bescheiden in vergelijking met de topclubs, maar de ambitie is groot.",
            "Sponsors uit de regio blijven de club trouw, ook in moeilijkere periodes.",
        ],
        "competitie": [
            "De BNXT League, met Belgische en Nederlandse clubs, zit in haar beslissende fase.",
            "De niveauverschillen tussen de ploegen zijn kleiner dan vorig seizoen.",
            "Meer clubs investeren in jeugdwerking en in betere infrastructuur.",
            "De play-offs komen snel dichterbij, en daarmee ook de spanning.",
            "Een goede thuisvloer kan in de play-offs het verschil maken.",
            "Buitenlandse spelers brengen extra kwaliteit, maar Belgisch talent krijgt steeds vaker een kans.",
            "De gemiddelde opkomst in de sporthallen steeg dit seizoen opnieuw.",
        ],
        "nationaal": [
            "De Belgian Cats blijven het uithangbord van het Belgische basketbal.",
            "Het succes van de nationale ploegen trekt ook nieuwe jongeren naar de sport.",
            "Basketbal op straat, met drie tegen drie, is bij jongeren bijzonder populair.",
            "{who} wordt gezien als een van de grote talenten van de competitie.",
        ],
    },
    "hockey": {
        "clubleven": [
            "Hockeyclubs in België zijn vaak echte familieclubs, waar drie generaties op hetzelfde terrein staan.",
            "Op een gewone zaterdag worden er op een grote club tot veertig wedstrijden gespeeld.",
            "Vrijwilligers zorgen voor de bar, de scheidsrechters en het onderhoud van de velden.",
            "Het onderhoud van een kunstgrasveld met water kost de clubs veel geld.",
            "Meer clubs investeren daarom in velden die minder water nodig hebben.",
            "Ook het zaalhockey in de winter trekt elk jaar meer spelers.",
            "De stap van de jeugd naar het eerste elftal is voor veel talenten de moeilijkste.",
            "Internationale wedstrijden in België lokken steeds meer toeschouwers.",
        ],
        "sport": [
            "Hockey is in België uitgegroeid tot een van de snelst groeiende sporten.",
            "Clubs hebben wachtlijsten voor jeugdspelers.",
            "Het niveau van de Belgian Hockey League is de voorbije jaren fors gestegen.",
            "Veel internationals spelen in eigen land, wat de competitie sterker maakt.",
            "Strafcorners en shoot-outs beslissen steeds vaker de belangrijke wedstrijden.",
            "De Red Lions en Red Panthers plukken de vruchten van die sterke competitie.",
            "Op zondag is het clubhuis de ontmoetingsplaats voor spelers, ouders en supporters.",
            "De play-offs beloven dan ook spannend te worden.",
        ],
        "speler": [
            "{who} is een van de smaakmakers van het seizoen.",
            "Internationale clubs houden de Belgische talenten nauwlettend in het oog.",
            "De combinatie van studies en topsport blijft voor veel spelers een evenwichtsoefening.",
            "De bondscoach volgt de competitie van nabij.",
        ],
    },
    "atletiek": {
        "training": [
            "Een trainingsweek telt al snel tien sessies, van krachttraining tot intervallen op de piste.",
            "Herstel is minstens even belangrijk als de training zelf.",
            "Veel atleten werken samen met een sportpsycholoog.",
            "De combinatie met studies of een job blijft voor veel atleten een uitdaging.",
            "Stages in het buitenland bieden betere weersomstandigheden en rust.",
            "De technische details worden met videoanalyse tot in de puntjes bekeken.",
            "Voeding en slaap krijgen steeds meer aandacht in de begeleiding.",
            "De federatie ondersteunt de beste atleten met een topsportstatuut.",
        ],
        "seizoen": [
            "Het outdoorseizoen is voor de atleten het moment van de waarheid.",
            "Limieten voor grote kampioenschappen zijn scherp en de concurrentie is groot.",
            "Atleten combineren wedstrijden met trainingsstages in warmere oorden.",
            "Kleine details, zoals een goede start of een juiste tactiek, maken het verschil.",
            "De Belgische atletiek beleeft een sterke periode, met atleten in verschillende disciplines aan de top.",
            "Het grote doel blijft het kampioenschap in de zomer.",
            "Elke wedstrijd is ook een test van de vorm richting de belangrijkste afspraak.",
        ],
        "lopen": [
            "Recreatief lopen is populairder dan ooit, met volgeboekte stratenlopen in heel Vlaanderen.",
            "Marathons trekken elk jaar meer deelnemers, van elitelopers tot debutanten.",
            "Goede schoenen, een slim schema en voldoende rust zijn de basis van elke voorbereiding.",
            "Lopers trainen vaak in groep, in clubs of met vrienden, vroeg in de ochtend.",
            "Langs het parcours zorgen muziekgroepjes en supporters voor de nodige aanmoediging.",
        ],
        "atleet": [
            "Voor {who} is dit een belangrijk seizoen.",
            "Het vertrouwen is groot.",
            "De voorbereiding verliep zonder blessures, en dat is al een overwinning op zich.",
        ],
    },
    "formule-1": {
        "techniek": [
            "Een Formule 1-wagen bestaat uit duizenden onderdelen, die na elke race worden nagekeken.",
            "De aerodynamica blijft het terrein waar de meeste tijd te winnen valt.",
            "Teams mogen maar een beperkt aantal uren in de windtunnel werken.",
            "De motoren moeten meerdere raceweekends meegaan, wat betrouwbaarheid belangrijk maakt.",
            "Op de pitmuur wordt tijdens de race voortdurend gerekend aan scenario's.",
            "Een goede start kan in één bocht meer opleveren dan een volledige race inhalen.",
            "Het weer blijft de grote onbekende, zeker op circuits waar een bui snel kan opduiken.",
            "Coureurs verliezen tijdens een race in de hitte soms meerdere kilo's aan vocht.",
        ],
        "seizoen": [
            "Het Formule 1-seizoen is nog jong, maar de krachtsverhoudingen tekenen zich af.",
            "In de Formule 1 wordt het verschil steeds vaker in de fabriek gemaakt.",
            "Updates, bandenstrategie en betrouwbaarheid spelen een cruciale rol.",
            "De verschillen tussen de teams in het middenveld zijn soms maar enkele honderdsten.",
            "De kalender is lang, met races op vijf continenten.",
            "Elke race levert de ingenieurs een berg data op, die meteen wordt geanalyseerd.",
            "Het belooft een spannend seizoen te worden.",
        ],
        "belgen": [
            "De Belgische fans volgen met extra aandacht, met een landgenoot op de grid.",
            "Spa-Francorchamps wordt alvast met spanning tegemoet gezien.",
            "Belgische fans reizen massaal naar races in het buitenland.",
        ],
    },
    "media": {
        "kijker": [
            "Kijkers willen vooral gemak: alles op één plek, op elk scherm.",
            "Veel sportfans combineren een abonnement op televisie met een app voor samenvattingen.",
            "Jongeren kijken vaker naar korte fragmenten dan naar volledige wedstrijden.",
            "Samenvattingen op zondagavond blijven bijzonder populair.",
            "Sommige kijkers haken af door de prijs van de verschillende abonnementen.",
            "Gratis uitzendingen van de grote wedstrijden blijven voor veel mensen belangrijk.",
        ],
        "landschap": [
            "Het medialandschap rond sport verandert snel.",
            "Steeds meer kijkers volgen sport via streaming in plaats van via de klassieke televisie.",
            "Sportrechten behoren tot de duurste programma's voor zenders en platformen.",
            "Zenders zoeken naar nieuwe manieren om jongere kijkers te bereiken, met korte video's en podcasts.",
            "Live sport blijft een van de weinige programma's waarvoor mensen nog samen voor het scherm zitten.",
            "De prijs voor de kijker is een gevoelig punt.",
            "Het debat over betaalmuren en gratis sport is nog lang niet voorbij.",
            "Radio blijft voor veel sportliefhebbers het vertrouwde medium, zeker in de auto.",
        ],
        "makers": [
            "Achter elke uitzending zit een ploeg van regisseurs, cameramensen en technici.",
            "Commentatoren bereiden een wedstrijd soms dagenlang voor.",
            "{who} geldt als een van de herkenbaarste stemmen van de sport.",
            "Podcasts geven sportjournalisten meer ruimte voor achtergrond en verhalen.",
        ],
    },
}

# Sentences tied to one kind of story; used before the section pools.
KIND_POOLS: dict[str, dict[str, list[str]]] = {
    "f1": {
        "race": [
            "De bandenkeuze bleek opnieuw cruciaal: wie te lang op de zachte compound bleef, verloor veel tijd.",
            "Een virtuele safety car halfweg gooide de strategie van enkele teams overhoop.",
            "In de pitstraat ging het bij een van de topteams mis met een trage wissel van bijna zes seconden.",
            "De temperatuur van het asfalt lag hoger dan verwacht, wat de slijtage van de achterbanden versnelde.",
            "Na afloop onderzochten de stewards nog twee incidenten, maar er volgden geen straffen.",
            "De snelste ronde, goed voor een extra punt, ging naar een coureur die in de slotfase nog eens nieuwe banden haalde.",
        ],
        "team": [
            "Bij de teams wordt na elke race urenlang geanalyseerd, tot diep in de nacht.",
            "De ingenieurs in de fabriek volgen de sessies live en sturen meteen aanpassingen door.",
            "Het budgetplafond dwingt de teams om keuzes te maken in hun ontwikkelingsprogramma.",
            "Een nieuwe vloer en een aangepaste achtervleugel staan voor de volgende races op de planning.",
            "{who} werkt tussen de races veel in de simulator om de afstelling te verfijnen.",
        ],
    },
    "f1-news": {
        "achtergrond": [
            "In de paddock werd al een tijdje over het dossier gefluisterd.",
            "Het nieuws komt op een moment dat het team zich opmaakt voor een reeks Europese races.",
            "De concurrentie volgt de ontwikkelingen met argusogen.",
            "In de fabriek wordt intussen op volle toeren gewerkt aan de wagen van volgend seizoen.",
            "Sponsors en partners reageerden positief op de aankondiging.",
            "Het team wil de komende maanden vooral stabiliteit brengen, zowel op als naast de baan.",
        ],
    },
    "media": {
        "achtergrond": [
            "Het nieuws werd bekendgemaakt tijdens een persmoment in Brussel.",
            "De zender investeert de komende jaren ook in nieuwe studio's en meer livecamera's.",
            "Kijkers kunnen de uitzendingen voortaan ook op hun smartphone volgen.",
            "In de sector wordt al langer gespeculeerd over verschuivingen in de uitzendrechten.",
            "Adverteerders tonen veel interesse in sportprogramma's, omdat die live bekeken worden.",
            "Het kijkonderzoek meet tegenwoordig ook het uitgesteld kijken en het kijken via apps.",
            "Voor de sportclubs zijn de inkomsten uit uitzendrechten een belangrijke pijler van hun begroting.",
            "Ook de journalisten van de sportredactie krijgen er nieuwe opdrachten bij.",
        ],
    },
    "basket-match": {
        "wedstrijd": [
            "Onder de ring was de strijd om de rebounds bijzonder fel.",
            "De bank van de thuisploeg leverde samen meer dan twintig punten.",
            "Een technische fout na een discussie met de scheidsrechter bracht even onrust.",
            "De driepunters vielen in de tweede helft een stuk beter.",
            "Het publiek stond de laatste minuut recht en zorgde voor een oorverdovend lawaai.",
            "Met twee wedstrijden in vier dagen moest de coach zijn minuten goed verdelen.",
        ],
    },
    "basket-national": {
        "ploeg": [
            "De nationale ploeg verzamelt traditioneel in het nationale trainingscentrum.",
            "De technische staf volgde de voorbije maanden tientallen wedstrijden in binnen- en buitenland.",
            "Enkele speelsters en spelers komen uit buitenlandse competities, waar ze veel speelminuten krijgen.",
            "De voorbereiding bestaat uit trainingsblokken en oefenwedstrijden tegen sterke tegenstanders.",
            "De bondscoach benadrukt het belang van een hechte groep.",
            "De supporters trekken in groten getale mee naar de toernooien.",
            "Het succes van de nationale ploeg zorgt voor een boost in de jeugdwerking van de clubs.",
            "Ook de jongste spelers in de groep krijgen de kans om zich te tonen.",
        ],
    },
    "basket-news": {
        "achtergrond": [
            "Het nieuws werd bekendgemaakt via de kanalen van de club.",
            "De voorbije jaren groeide het aantal leden van de club gestaag.",
            "De jeugdwerking telt intussen meer dan tweehonderd spelers en speelsters.",
            "De ambitie is om volgend seizoen opnieuw een rol van betekenis te spelen.",
            "Ook de supporters werden bij de plannen betrokken via een bevraging.",
        ],
    },
    "hockey-match": {
        "wedstrijd": [
            "Het kunstgras werd voor de wedstrijd nog eens flink besproeid, wat het spel snel maakte.",
            "Beide doelmannen hielden hun ploeg met enkele knappe reddingen in de wedstrijd.",
            "Een groene kaart zorgde voor twee minuten met een man minder op een cruciaal moment.",
            "De video-umpire moest een keer tussenkomen voor een doelpunt dat na lang kijken geldig werd verklaard.",
            "Na afloop bleven veel supporters nog hangen in het clubhuis.",
        ],
    },
    "hockey-news": {
        "achtergrond": [
            "Het nieuws werd met veel enthousiasme onthaald in de hockeywereld.",
            "De Belgische clubs halen de voorbije jaren ook internationaal sterke resultaten.",
            "Trainers wijzen op het belang van een goede jeugdopleiding.",
            "De federatie ziet het aantal leden elk jaar groeien.",
            "Op de velden zie je steeds vaker ook ouders en grootouders die zelf een stick vastnemen.",
        ],
    },
    "darts-night": {
        "avond": [
            "De walk-ons zorgden opnieuw voor kippenvel in de zaal.",
            "Het publiek had zich zoals altijd uitgedost, met verkleedpakken en zelfgemaakte borden.",
            "Tussen de wedstrijden door werd er uit volle borst meegezongen met de muziek.",
            "De checkouts waren van hoog niveau, met meerdere finishes boven de honderd.",
            "Een speler klaagde na afloop over de lichten, die in zijn ogen te fel stonden.",
            "De volgende speelavond vindt volgende donderdag plaats.",
        ],
    },
    "darts-news": {
        "achtergrond": [
            "Het moment ging snel rond op sociale media.",
            "In zijn thuisbasis, een café in de Kempen, werd het nieuws gevierd.",
            "Zijn coach benadrukt dat het werk nog lang niet af is.",
            "De komende weken staan er verschillende toernooien in Duitsland en Nederland op het programma.",
            "Hij wil vooral zijn gemiddelde op de grote podia verder opkrikken.",
        ],
    },
    "tennis-match": {
        "wedstrijd": [
            "Het was warm op de baan, met temperaturen boven de vijfentwintig graden.",
            "De wind speelde een rol, vooral bij de opslag vanaf de ene kant van het terrein.",
            "In de tribune zaten opvallend veel Belgische supporters, met vlaggen en spandoeken.",
            "Een medische time-out in de tweede set brak even het ritme.",
            "De statistieken toonden een opvallend verschil in het aantal onafgedwongen fouten.",
            "Na afloop volgde een korte uitloopsessie en een ijsbad, zoals na elke wedstrijd.",
        ],
    },
    "tennis-news": {
        "achtergrond": [
            "Het nieuws werd bevestigd door de tennisfederatie.",
            "Het seizoen op gravel loopt nog enkele weken, daarna volgt de korte grasperiode.",
            "De ranking bepaalt mee wie als reekshoofd aan de grote toernooien begint.",
            "Het team rond de speler is de voorbije maanden uitgebreid met een fysieke coach.",
            "Er wordt gekeken naar een aangepast toernooischema om overbelasting te vermijden.",
        ],
    },
    "athletics": {
        "meeting": [
            "De meeting werd afgewerkt in een goed gevuld stadion.",
            "Verschillende wereldtoppers gebruikten de wedstrijd als eerste test van het seizoen.",
            "De pacemakers zorgden voor een gelijkmatig tempo in de eerste helft van de race.",
            "De weersomstandigheden waren ideaal voor snelle tijden.",
            "In het startveld stonden drie finalisten van het voorbije WK.",
            "Een valse start in een andere reeks zorgde voor enige vertraging in het programma.",
        ],
    },
    "road": {
        "loop": [
            "Aan de start stonden duizenden deelnemers, van elitelopers tot debutanten.",
            "Bevoorradingsposten om de vijf kilometer zorgden voor water en sportdrank.",
            "Muziekgroepjes langs het parcours zorgden voor de nodige ambiance.",
            "Het parcours was vlak en snel, met enkele lastige stukken met wind op kop.",
            "Na de finish wachtte een medaille en een welverdiende massage.",
            "De organisatie sprak van een geslaagde editie, met weinig medische incidenten.",
        ],
    },
    "athletics-news": {
        "achtergrond": [
            "De keuze werd gemaakt na overleg met de federatie en de persoonlijke coach.",
            "De eerste weken staan in het teken van volume en techniek.",
            "In de groep trainen ook enkele internationale toppers, wat de lat hoog legt.",
            "De federatie volgt het traject van nabij.",
            "De eerste wedstrijd in de nieuwe omgeving is over enkele weken gepland.",
        ],
    },
    "stage": {
        "rit": [
            "In de eerste uren werd er aan een gemiddelde van boven de vijfenveertig kilometer per uur gereden.",
            "De vroege vlucht kreeg nooit meer dan drie minuten voorsprong.",
            "In de afdaling van de laatste col werd er stevig doorgetrokken.",
            "Een lekke band op een ongelukkig moment kostte een van de favorieten bijna een minuut.",
            "Op de streep werd een fotofinish gebruikt om de tweede en derde plaats te bepalen.",
            "De renners klaagden na afloop over de kou en de regen op de hoogste toppen.",
        ],
    },
    "cycling-news": {
        "achtergrond": [
            "Het nieuws werd bekendgemaakt via de kanalen van de ploeg.",
            "In het peloton werd er meteen druk over gepraat.",
            "De ploeg bouwt haar voorjaarsploeg al jaren rond een sterke kern van Belgische renners.",
            "De ploegleiding benadrukt dat de gezondheid van de renner voorop staat.",
            "Het programma voor de rest van het seizoen wordt de komende dagen bekeken.",
        ],
    },
    "rd-news": {
        "achtergrond": [
            "De voetbalbond maakte het nieuws bekend via zijn eigen kanalen.",
            "In het nationale trainingscentrum in Tubeke wordt alles klaargemaakt voor de volgende stage.",
            "De spelers werden op voorhand ingelicht en reageerden enthousiast.",
            "De nationale ploeg wil ook buiten de interlandperiodes dichter bij de supporters staan.",
            "Voor de bond is de nationale ploeg ook commercieel een belangrijke pijler.",
        ],
    },
    "rd-player": {
        "achtergrond": [
            "In het buitenland groeide hij uit tot een vaste waarde in een veeleisende competitie.",
            "De lokale pers prijst vooral zijn werkkracht en zijn rust aan de bal.",
            "Met de bondscoach is er geregeld contact, ook buiten de interlandperiodes.",
            "Hij wordt binnen de groep gezien als een van de natuurlijke leiders.",
            "Zijn contract bij zijn club loopt nog enkele seizoenen.",
        ],
    },
    "rd-match": {
        "wedstrijd": [
            "Het stadion zat goed vol, met een opvallend aantal jonge supporters.",
            "Voor de aftrap werd een minuut stilte gehouden.",
            "De bondscoach koos voor een offensieve opstelling met twee spitsen.",
            "De wissels in het laatste halfuur brachten meer snelheid op de flanken.",
            "Na afloop namen de spelers nog uitgebreid de tijd voor de supporters.",
        ],
    },
}


EXTRAS: dict[str, list[Callable[[Ctx, Draft], str]]] = {}


NEEDS_PERSON = {"speler", "renner", "atleet"}
AFTER_THE_EVENT = {"publiek"}
ONLY_FOR_KINDS = {"lopen": {"road"}, "club": {"basket-match", "basket-news"}}
PREVIEW_KINDS = {"preview", "cycling-news", "column", "cycling-preview"}


def padding_sentences(c: Ctx, d: Draft, used: set[str], count: int) -> list[str]:
    """Up to ``count`` new sentences from one theme of the section's pool."""
    pools = {**KIND_POOLS.get(d.kind, {}), **POOLS[d.section]}
    who = _person(d)
    club = _club_name(d, "")
    themes = list(pools)
    c.rng.shuffle(themes)
    for theme in themes:
        if theme in NEEDS_PERSON and not who:
            continue
        if theme in AFTER_THE_EVENT and d.kind in PREVIEW_KINDS:
            continue
        if theme in ONLY_FOR_KINDS and d.kind not in ONLY_FOR_KINDS[theme]:
            continue
        options = []
        for sentence in pools[theme]:
            if "{who}" in sentence and not who:
                continue
            if "{club}" in sentence and not club:
                continue
            text = sentence.format(who=who or "", club=club)
            if text not in used:
                options.append(text)
        if len(options) >= 1:
            # least used sentences first (spread repetition over the site), then keep the pool order,
            # which is written to flow from general to specific
            ranked = sorted(range(len(options)), key=lambda i: (_USE[options[i]], c.rng.random()))
            picked = sorted(ranked[: min(count, len(options))])
            for i in picked:
                _USE[options[i]] += 1
            return [options[i] for i in picked]
    return []


# --------------------------------------------------------------------------
# Quotes for drafts that have none: only ever from the fictional people tagged
# --------------------------------------------------------------------------

GENERIC_QUOTES: dict[str, list[str]] = {
    "voetbal": [
        "We kijken niet naar het klassement. We kijken naar de volgende wedstrijd, en dat is al moeilijk genoeg.",
        "In deze fase van het seizoen wint niet de beste ploeg, maar de ploeg die het minst fouten maakt.",
        "De groep leeft. Dat zie je op training, en dat zie je op zaterdag.",
        "Ik heb geen toverstokje. Wel een groep die wil werken.",
    ],
    "rode-duivels": [
        "Voor je land spelen blijft iets speciaals. Dat gevoel went nooit.",
        "We moeten durven voetballen, ook als het even tegenzit.",
    ],
    "wielrennen": [
        "Op de kasseien kan je je niet verstoppen. Daar zie je wie er echt goed is.",
        "We rijden elke koers om te winnen, maar we weten ook dat het peloton geen rekening houdt met plannen.",
        "De benen zijn goed. Nu moet het geluk nog een beetje meezitten.",
    ],
    "tennis": [
        "Op gravel moet je geduld hebben. Elk punt moet je twee keer winnen.",
        "Ik speel van match tot match. De ranking volgt vanzelf.",
    ],
    "darts": [
        "Darts is voor negentig procent tussen de oren. De rest is oefenen, oefenen en nog eens oefenen.",
        "Als de zaal begint te zingen, vergeet je alles. Dan is het enkel jij en het bord.",
    ],
    "basketbal": [
        "Verdediging wint kampioenschappen. Dat klinkt oud, maar het klopt nog altijd.",
        "We spelen als team of we spelen niet. Zo simpel is het.",
    ],
    "hockey": [
        "Strafcorners zijn geen toeval. Daar zitten uren training achter.",
        "De sfeer in de groep is uitstekend. Dat is onze grootste kracht.",
    ],
    "atletiek": [
        "Ik kijk niet naar de anderen. Ik loop tegen de klok en tegen mezelf.",
        "Elke honderdste telt. Daarvoor train je al die uren.",
    ],
    "formule-1": [
        "De wagen is sneller dan aan het begin van het seizoen. Nu moeten we alles samen laten vallen.",
        "In deze sport beslissen details. Een bandenwissel, een inhaalmanoeuvre, een safety car op het juiste moment.",
    ],
    "media": [
        "Sport is een van de laatste dingen waarvoor mensen samen naar het scherm kijken. Dat willen we koesteren.",
        "We willen de kijker dichter bij de sport brengen, niet verder weg.",
    ],
}

_COACH_ROLES = {"trainer", "bondscoach", "coach", "ploegleider", "teambaas"}


def generic_quote(c: Ctx, d: Draft) -> tuple[str, str] | None:
    """A quote from a fictional person tagged in the draft, or None."""
    people = [_PEOPLE[s] for s in d.tags if s in _PEOPLE]
    if not people:
        return None
    who = people[0]
    for p in people:
        if p.role in _COACH_ROLES:
            who = p
            break
    attribution = f"{who.name}, {who.role}" if who.role in _COACH_ROLES else who.name
    return c.pick(GENERIC_QUOTES[d.section]), attribution


# --------------------------------------------------------------------------
# Second sentences for leads that came out too short (a lead needs 140 characters)
# --------------------------------------------------------------------------

LEAD_TAILS: dict[str, list[str]] = {
    "voetbal": [
        "Wij zetten de belangrijkste feiten en reacties op een rij.",
        "Lees hieronder wat dit betekent voor de rest van het seizoen.",
        "Een overzicht van de achtergrond en de gevolgen.",
    ],
    "rode-duivels": [
        "De volgende interlands staan in juni op het programma.",
        "Bij de nationale ploeg wordt er al vooruitgekeken naar het volgende eindtoernooi.",
    ],
    "wielrennen": [
        "Wij zetten de belangrijkste feiten op een rij.",
        "Een overzicht van wat er gebeurde en wat er nu volgt.",
        "Het voorjaar is nog lang niet voorbij.",
    ],
    "tennis": [
        "Wij zetten de belangrijkste feiten op een rij.",
        "Een overzicht van wat dit betekent voor de rest van het gravelseizoen.",
    ],
    "darts": [
        "Wij zetten de belangrijkste feiten op een rij.",
        "Het Belgische darts blijft zo volop in de belangstelling.",
    ],
    "basketbal": [
        "Wij zetten de belangrijkste feiten op een rij.",
        "Een overzicht van wat dit betekent voor de rest van het seizoen.",
    ],
    "hockey": [
        "Wij zetten de belangrijkste feiten op een rij.",
        "Een overzicht van wat dit betekent voor de ontknoping van het seizoen.",
    ],
    "atletiek": [
        "Wij zetten de belangrijkste feiten op een rij.",
        "Een overzicht van wat dit betekent voor de rest van het seizoen.",
    ],
    "formule-1": [
        "Wij zetten de belangrijkste feiten op een rij.",
        "Een overzicht van wat dit betekent voor de rest van het seizoen.",
    ],
    "media": [
        "Wij zetten de belangrijkste feiten op een rij.",
        "Een overzicht van wat er verandert voor de kijker en de luisteraar.",
    ],
}
COLUMN_TAIL = "Lees de volledige column hieronder."


def lengthen_lead(c: Ctx, d: Draft, minimum: int = 140) -> str:
    """The draft's lead, with one closing sentence added when it is shorter than ``minimum``."""
    if len(d.lead) >= minimum:
        return d.lead
    tails = [COLUMN_TAIL] if d.kind == "column" else [t for t in LEAD_TAILS[d.section] if t not in d.lead]
    enough = [t for t in tails if len(d.lead) + 1 + len(t) >= minimum]
    tail = c.pick(enough) if enough else max(tails, key=len)
    return f"{d.lead} {tail}"
