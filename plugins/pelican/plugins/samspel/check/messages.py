"""What the content check says, in Swedish and Norwegian Bokmål, for communicators.

Each message says what is wrong, then what to write instead. The key is the rule
code CONTRIBUTING.md lists (``bad-date``); a ``code/variant`` key is a more
precise wording of the same rule (``bad-date/time-only``). Swedish is used for
``.sv.md`` files and data files, Norwegian for ``.nb.md`` files.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from .problems import Problem

if TYPE_CHECKING:
    from ..content.frontmatter import FrontMatterError

#: rules whose problems are likely mistakes, not errors: they never stop a build
WARNINGS: frozenset[str] = frozenset(
    {
        "unknown-key",
        "missing-translation",
        "empty-body",
        "feedback-missing",
        "after-project",
        "before-project",
        "tentative-over",
        "wrong-language",
        "same-as-pair",
    }
)

MESSAGES: dict[str, dict[str, str]] = {
    "not-utf8": {
        "sv": "Filen är inte sparad som UTF-8, så till exempel å, ä och ö går inte att läsa "
        "(första felet på rad {row}). Spara filen med teckenkodningen UTF-8 i din editor.",
        "nb": "Filen er ikke lagret som UTF-8, så for eksempel æ, ø og å kan ikke leses "
        "(første feil på linje {row}). Lagre filen med tegnkodingen UTF-8 i editoren din.",
    },
    "empty-file": {
        "sv": "Filen är tom. Skapa nya filer med make new, eller skriv fälten mellan två "
        "rader med bara --- överst i filen.",
        "nb": "Filen er tom. Lag nye filer med make new, eller skriv feltene mellom to "
        "linjer med bare --- øverst i filen.",
    },
    "no-front-matter": {
        "sv": "Filen börjar inte med en rad med bara ---. Första raden ska vara ---, sedan "
        "fälten (title: …), sedan en rad med --- och sist texten.",
        "nb": "Filen begynner ikke med en linje med bare ---. Første linje skal være ---, så "
        "feltene (title: …), så en linje med --- og til slutt teksten.",
    },
    "unclosed-front-matter": {
        "sv": "Fälten avslutas aldrig: det saknas en rad med bara --- efter dem. Skriv en rad "
        "med --- mellan fälten och texten.",
        "nb": "Feltene avsluttes aldri: det mangler en linje med bare --- etter dem. Skriv en "
        "linje med --- mellom feltene og teksten.",
    },
    "yaml-syntax": {
        "sv": "Raden går inte att läsa. Skriv varje fält som namn, kolon, mellanslag och värde, "
        "och sätt värdet inom citattecken om det innehåller kolon eller börjar med ett "
        'specialtecken: title: "Berättarkafé: våren 2025".',
        "nb": "Linjen kan ikke leses. Skriv hvert felt som navn, kolon, mellomrom og verdi, og "
        "sett verdien i anførselstegn hvis den inneholder kolon eller begynner med et "
        'spesialtegn: title: "Fortellerkafé: våren 2025".',
    },
    "yaml-syntax/tab": {
        "sv": "Raden har en tabb. Använd mellanslag i stället för tabb, också för att dra in "
        "raden.",
        "nb": "Linjen har en tabulator. Bruk mellomrom i stedet for tabulator, også for å rykke "
        "inn linjen.",
    },
    "yaml-syntax/control": {
        "sv": "Raden innehåller ett osynligt styrtecken som inte får finnas i filen. Skriv om "
        "raden för hand i stället för att klistra in den.",
        "nb": "Linjen inneholder et usynlig kontrolltegn som ikke kan være i filen. Skriv "
        "linjen på nytt for hånd i stedet for å lime den inn.",
    },
    "yaml-not-mapping": {
        "sv": "Fälten ska skrivas ett per rad, som namn, kolon och värde: title: Rubrik.",
        "nb": "Feltene skal skrives ett per linje, som navn, kolon og verdi: title: Tittel.",
    },
    "yaml-not-list": {
        "sv": "companies.yaml ska vara en lista med företag där varje företag börjar med en "
        "rad - id: …, som i exemplet i CONTRIBUTING.md.",
        "nb": "companies.yaml skal være en liste med bedrifter der hver bedrift begynner med "
        "en linje - id: …, som i eksempelet i CONTRIBUTING.md.",
    },
    "not-a-company": {
        "sv": "Posten är inget företag med fält. Skriv varje företag som - id: …, följt av "
        "name:, country:, region:, sector: och public: på egna rader.",
        "nb": "Posten er ingen bedrift med felt. Skriv hver bedrift som - id: …, fulgt av "
        "name:, country:, region:, sector: og public: på egne linjer.",
    },
    "duplicate-key": {
        "sv": "Fältet {field} står två gånger. Ta bort den ena raden.",
        "nb": "Feltet {field} står to ganger. Fjern den ene linjen.",
    },
    "missing-field": {
        "sv": "Fältet {field} saknas eller är tomt, men {kind} måste ha det. Skriv till "
        "exempel: {example}",
        "nb": "Feltet {field} mangler eller er tomt, men {kind} må ha det. Skriv for "
        "eksempel: {example}",
    },
    "reserved-key": {
        "sv": "Fältet {field} sköts av webbplatsen och kan inte användas här. Ta bort raden: "
        "adressen kommer från filnamnet och språket från slutet .sv.md eller .nb.md.",
        "nb": "Feltet {field} styres av nettstedet og kan ikke brukes her. Fjern linjen: "
        "adressen kommer fra filnavnet og språket fra slutten .sv.md eller .nb.md.",
    },
    "unknown-key": {
        "sv": "Fältet {field} finns inte för {kind} och används inte. Menade du {closest}?",
        "nb": "Feltet {field} finnes ikke for {kind} og brukes ikke. Mente du {closest}?",
    },
    "unknown-key/no-match": {
        "sv": "Fältet {field} finns inte för {kind} och används inte. Fälten som finns är: "
        "{known}.",
        "nb": "Feltet {field} finnes ikke for {kind} og brukes ikke. Feltene som finnes er: "
        "{known}.",
    },
    "not-text": {
        "sv": "Fältet {field} ska vara en enda text, inte en lista. Skriv allt på en rad: "
        "{field}: …",
        "nb": "Feltet {field} skal være én tekst, ikke en liste. Skriv alt på én linje: {field}: …",
    },
    "not-list": {
        "sv": "Fältet {field} ska vara en lista med företags-id: {field}: [anon-se-01, "
        "anon-se-02].",
        "nb": "Feltet {field} skal være en liste med bedrifts-id: {field}: [anon-se-01, "
        "anon-se-02].",
    },
    "unknown-type": {
        "sv": "{value} är ingen typ av aktivitet som webbplatsen känner till. Skriv en av: "
        "{allowed}.",
        "nb": "{value} er ingen aktivitetstype nettstedet kjenner til. Skriv en av: {allowed}.",
    },
    "unknown-country": {
        "sv": "{value} är inget land som webbplatsen känner till. Skriv SE för Sverige eller "
        "NO för Norge, med stora bokstäver, eller båda för en aktivitet i båda länderna: "
        "country: [SE, NO].",
        "nb": "{value} er ikke et land nettstedet kjenner til. Skriv SE for Sverige eller NO "
        "for Norge, med store bokstaver, eller begge for en aktivitet i begge landene: "
        "country: [SE, NO].",
    },
    "unknown-status": {
        "sv": "{value} är ingen status som webbplatsen känner till. Skriv scheduled (blir av "
        "som det står), tentative (preliminär: datum eller detaljer är inte bestämda), "
        "postponed (uppskjuten, inget nytt datum än) eller cancelled (inställd), eller ta "
        "bort raden.",
        "nb": "{value} er ingen status nettstedet kjenner til. Skriv scheduled (blir som det "
        "står), tentative (foreløpig: dato eller detaljer er ikke bestemt), postponed "
        "(utsatt, ingen ny dato ennå) eller cancelled (avlyst), eller fjern linjen.",
    },
    "bad-date": {
        "sv": "{value} är inget datum. Skriv ett år, en månad, en dag eller en dag med "
        "klockslag: 2024, 2023-09, 2024-03-14 eller 2024-03-14 18:00. Skriv bara så exakt som "
        "du vet: en månad om dagen inte är bestämd.",
        "nb": "{value} er ingen dato. Skriv et år, en måned, en dag eller en dag med "
        "klokkeslett: 2024, 2023-09, 2024-03-14 eller 2024-03-14 18:00. Skriv bare så "
        "nøyaktig som du vet: en måned hvis dagen ikke er bestemt.",
    },
    "bad-date/time-only": {
        "sv": "{value} är bara ett klockslag. Skriv dagen också: 2024-03-14 {time}.",
        "nb": "{value} er bare et klokkeslett. Skriv dagen også: 2024-03-14 {time}.",
    },
    "bad-date/impossible": {
        "sv": "{value} är inget riktigt datum eller klockslag: den månaden, dagen eller tiden "
        "finns inte. Kontrollera månad, dag och tid (till exempel 2023-09, 2024-02-29 eller "
        "2024-03-14 18:00).",
        "nb": "{value} er ingen gyldig dato eller klokkeslett: den måneden, dagen eller tiden "
        "finnes ikke. Kontroller måned, dag og tid (for eksempel 2023-09, 2024-02-29 eller "
        "2024-03-14 18:00).",
    },
    "bad-date/day-only": {
        "sv": "{value} passar inte här. Skriv dagen, som år-månad-dag: 2024-03-14, eller "
        "bara månaden om dagen inte är känd: 2024-03.",
        "nb": "{value} passer ikke her. Skriv dagen, som år-måned-dag: 2024-03-14, eller "
        "bare måneden hvis dagen ikke er kjent: 2024-03.",
    },
    "end-before-start": {
        "sv": "Slutet {value} kommer före starten {start}. Skriv ett slut som är samma som "
        "eller senare än start, eller ta bort end om aktiviteten bara är en dag.",
        "nb": "Slutten {value} kommer før starten {start}. Skriv en slutt som er lik eller "
        "senere enn start, eller fjern end hvis aktiviteten bare varer én dag.",
    },
    "unknown-company": {
        "sv": "{value} finns inte i content/data/companies.yaml. Skriv ett id som finns där "
        "({example}), eller lägg först till företaget i companies.yaml.",
        "nb": "{value} finnes ikke i content/data/companies.yaml. Skriv en id som finnes der "
        "({example}), eller legg først til bedriften i companies.yaml.",
    },
    "unknown-initiative": {
        "sv": "Det finns inget initiativ som heter {value}. Skriv filnamnet på ett initiativ i "
        "content/initiativ/ utan .sv.md ({example}), eller ta bort raden.",
        "nb": "Det finnes ikke noe initiativ som heter {value}. Skriv filnavnet til et "
        "initiativ i content/initiativ/ uten .nb.md ({example}), eller fjern linjen.",
    },
    "bad-registration": {
        "sv": "{value} är ingen webbadress. Skriv hela adressen till anmälan, som börjar med "
        "https://, till exempel https://exempel.se/anmalan, eller en e-postadress för anmälan "
        "med mailto: före, till exempel mailto:anmalan@exempel.se.",
        "nb": "{value} er ingen nettadresse. Skriv hele adressen til påmeldingen, som begynner "
        "med https://, for eksempel https://eksempel.no/pamelding, eller en e-postadresse for "
        "påmelding med mailto: foran, for eksempel mailto:pamelding@eksempel.no.",
    },
    "bad-slug": {
        "sv": "Filnamnet {value} får bara ha små bokstäver a–z, siffror och bindestreck (inga "
        "å, ä, ö, stora bokstäver eller mellanslag). Byt namn på filen till {suggestion}.",
        "nb": "Filnavnet {value} kan bare ha små bokstaver a–z, tall og bindestrek (ingen æ, "
        "ø, å, store bokstaver eller mellomrom). Gi filen nytt navn: {suggestion}.",
    },
    "bad-slug/company": {
        "sv": "Id:t {value} får bara ha små bokstäver a–z, siffror och bindestreck. Skriv till "
        "exempel {suggestion}.",
        "nb": "Id-en {value} kan bare ha små bokstaver a–z, tall og bindestrek. Skriv for "
        "eksempel {suggestion}.",
    },
    "unknown-language": {
        "sv": "Filnamnet {value} slutar inte med .sv.md (svenska) eller .nb.md (norska), så "
        "filen publiceras inte. Byt namn på filen till {suggestion}.",
        "nb": "Filnavnet {value} slutter ikke med .sv.md (svensk) eller .nb.md (norsk), så "
        "filen publiseres ikke. Gi filen nytt navn: {suggestion}.",
    },
    "unknown-section": {
        "sv": "Filen ligger i {value}, som inte publiceras. Lägg den direkt i en av mapparna "
        "content/aktiviteter, content/initiativ, content/nyheter eller content/sidor.",
        "nb": "Filen ligger i {value}, som ikke publiseres. Legg den rett i en av mappene "
        "content/aktiviteter, content/initiativ, content/nyheter eller content/sidor.",
    },
    "duplicate-slug": {
        "sv": "Namnet {value} används också av {other_path}. Två saker kan inte ha samma "
        "namn; byt namn på den ena filen (båda språkfilerna).",
        "nb": "Navnet {value} brukes også av {other_path}. To ting kan ikke ha samme navn; gi "
        "den ene filen nytt navn (begge språkfilene).",
    },
    "translations-differ": {
        "sv": "Fältet {field} gäller båda språken, men språkfilerna säger olika: i {this_path} "
        "står {value}, i {other_path} står {other_value}. {changed} Skriv det som stämmer i "
        "båda filerna, till exempel {example} i båda.",
        "nb": "Feltet {field} gjelder begge språk, men språkfilene sier forskjellige ting: i "
        "{this_path} står {value}, i {other_path} står {other_value}. {changed} Skriv det som "
        "stemmer i begge filene, for eksempel {example} i begge.",
    },
    "missing-translation": {
        "sv": "Det finns ingen norsk version ({other_path}), så detta visas bara på "
        "samspel63.se. Skapa filen om det ska visas på samspel63.no också.",
        "nb": "Det finnes ingen svensk versjon ({other_path}), så dette vises bare på "
        "samspel63.no. Lag filen hvis det skal vises på samspel63.se også.",
    },
    "empty-body": {
        "sv": "Filen har ingen text efter fälten, så sidan blir tom. Skriv texten under den "
        "andra raden med ---.",
        "nb": "Filen har ingen tekst etter feltene, så siden blir tom. Skriv teksten under den "
        "andre linjen med ---.",
    },
    "placeholder": {
        "sv": "Här står fortfarande platshållaren {value}. Skriv det riktiga värdet (se "
        "kommentaren ovanför), eller ta bort raden om fältet får saknas.",
        "nb": "Her står fortsatt plassholderen {value}. Skriv den riktige verdien (se "
        "kommentaren over), eller fjern linjen hvis feltet kan mangle.",
    },
    "placeholder/text": {
        "sv": "Texten innehåller fortfarande platshållaren {value}. Skriv den riktiga texten "
        "i stället.",
        "nb": "Teksten inneholder fortsatt plassholderen {value}. Skriv den riktige teksten "
        "i stedet.",
    },
    "duplicate-company": {
        "sv": "Id:t {value} används redan av företaget på rad {other_line}. Ge varje företag "
        "ett eget id.",
        "nb": "Id-en {value} brukes allerede av bedriften på linje {other_line}. Gi hver "
        "bedrift sin egen id.",
    },
    "bad-public": {
        "sv": "{value} går inte att förstå här. Skriv true om företaget får namnges på "
        "webbplatserna, annars false.",
        "nb": "{value} kan ikke forstås her. Skriv true hvis bedriften kan nevnes ved navn på "
        "nettstedene, ellers false.",
    },
    "too-complex/brackets": {
        "sv": "Texten har fler än {max_brackets} hakparenteser [ och blir för tung att läsa. "
        "Ta bort lösa [ eller dela upp texten på flera sidor.",
        "nb": "Teksten har flere enn {max_brackets} hakeparenteser [ og blir for tung å lese. "
        "Fjern løse [ eller del teksten opp på flere sider.",
    },
    "too-complex/angles": {
        "sv": "Texten har fler än {max_angles} tecken < och blir för tung att läsa. Skriv "
        "texten med Markdown i stället för HTML, eller dela upp den på flera sidor.",
        "nb": "Teksten har flere enn {max_angles} tegn < og blir for tung å lese. Skriv "
        "teksten med Markdown i stedet for HTML, eller del den opp på flere sider.",
    },
    "too-complex/depth": {
        "sv": "Texten har listor eller citat inuti varandra i mer än {max_depth} nivåer, eller "
        "en rad som är indragen mer än {max_indent} tecken. Skriv listan med högst ett par "
        "nivåer: - punkt, och under den   - underpunkt.",
        "nb": "Teksten har lister eller sitater inni hverandre i mer enn {max_depth} nivåer, "
        "eller en linje som er rykket inn mer enn {max_indent} tegn. Skriv listen med høyst et "
        "par nivåer: - punkt, og under den   - underpunkt.",
    },
    "html-script": {
        "sv": "{found} är ett skript, och skript kan inte vara en del av innehållet. Ta bort "
        "det: texten skrivs med Markdown, och webbplatsen lägger själv till det som behövs.",
        "nb": "{found} er et skript, og skript kan ikke være en del av innholdet. Fjern det: "
        "teksten skrives med Markdown, og nettstedet legger selv til det som trengs.",
    },
    "html-script/event": {
        "sv": "Attributet {found} kör ett skript, och skript kan inte vara en del av innehållet. "
        "Ta bort attributet.",
        "nb": "Attributtet {found} kjører et skript, og skript kan ikke være en del av "
        "innholdet. Fjern attributtet.",
    },
    "html-script/url": {
        "sv": "Länken {found} kör ett skript, och skript kan inte vara en del av innehållet. "
        "Länka till en webbsida: [Läs mer](https://www.exempel.se/sida).",
        "nb": "Lenken {found} kjører et skript, og skript kan ikke være en del av innholdet. "
        "Lenk til en nettside: [Les mer](https://www.eksempel.no/side).",
    },
    "html-embed": {
        "sv": "{found} bäddar in en film, ett ljud eller en annan webbplats, som då skulle "
        "hämtas därifrån till våra sidor. Länka till filmen i stället: "
        "[Se filmen](https://www.youtube.com/watch?v=…).",
        "nb": "{found} bygger inn en film, en lyd eller et annet nettsted, som da ville blitt "
        "hentet derfra til sidene våre. Lenk til filmen i stedet: "
        "[Se filmen](https://www.youtube.com/watch?v=…).",
    },
    "html-style": {
        "sv": "{found} ändrar utseendet, som kommer från webbplatsens egen stilmall. Ta bort det "
        "och skriv texten med Markdown: **fetstil**, ## Rubrik, - punktlista.",
        "nb": "{found} endrer utseendet, som kommer fra nettstedets eget stilark. Fjern det og "
        "skriv teksten med Markdown: **fet skrift**, ## Overskrift, - punktliste.",
    },
    "html-style/attribute": {
        "sv": "Attributet {found} ändrar utseendet, som kommer från webbplatsens egen stilmall. "
        "Ta bort attributet och skriv texten med Markdown: **fetstil**, ## Rubrik.",
        "nb": "Attributtet {found} endrer utseendet, som kommer fra nettstedets eget stilark. "
        "Fjern attributtet og skriv teksten med Markdown: **fet skrift**, ## Overskrift.",
    },
    "html-form": {
        "sv": "{found} är en del av ett formulär, och formulär kan inte vara en del av "
        "innehållet. Länka i stället till anmälan: registration: https://… i fälten, eller "
        "[Anmäl dig](https://…) i texten.",
        "nb": "{found} er en del av et skjema, og skjemaer kan ikke være en del av innholdet. "
        "Lenk i stedet til påmeldingen: registration: https://… i feltene, eller "
        "[Meld deg på](https://…) i teksten.",
    },
    "html-head": {
        "sv": "{found} hör till webbplatsens mall och kan inte stå i innehållet. Ta bort det.",
        "nb": "{found} hører til nettstedets mal og kan ikke stå i innholdet. Fjern det.",
    },
    "html-tag": {
        "sv": "{found} kan inte användas i texten. Skriv texten med Markdown i stället: "
        "## Rubrik, - punktlista, [länktext](https://…).",
        "nb": "{found} kan ikke brukes i teksten. Skriv teksten med Markdown i stedet: "
        "## Overskrift, - punktliste, [lenketekst](https://…).",
    },
    "html-attribute": {
        "sv": "Attributet {found} på {tag} kan inte användas (länkar öppnas alltid i samma "
        "fönster, och utseendet kommer från stilmallen). Ta bort attributet.",
        "nb": "Attributtet {found} på {tag} kan ikke brukes (lenker åpnes alltid i samme "
        "vindu, og utseendet kommer fra stilarket). Fjern attributtet.",
    },
    "html-url": {
        "sv": "Länken {found} kan inte användas. Länka till en webbsida (https://…), en "
        "e-postadress (mailto:namn@exempel.se) eller ett telefonnummer (tel:+46…).",
        "nb": "Lenken {found} kan ikke brukes. Lenk til en nettside (https://…), en "
        "e-postadresse (mailto:navn@eksempel.no) eller et telefonnummer (tel:+47…).",
    },
    "html-url/http": {
        "sv": "Länken {found} börjar med http://. Skriv adressen med https:// i stället: "
        "{suggestion}.",
        "nb": "Lenken {found} begynner med http://. Skriv adressen med https:// i stedet: "
        "{suggestion}.",
    },
    "html-url/other-host": {
        "sv": "Länken {found} saknar https: i början. Skriv hela adressen: {suggestion}.",
        "nb": "Lenken {found} mangler https: i begynnelsen. Skriv hele adressen: {suggestion}.",
    },
    "html-external": {
        "sv": "{found} skulle hämtas från en annan webbplats, och våra sidor hämtar ingenting "
        "därifrån. Spara bilden i content/bilder/ och skriv bilder/<filnamn>.",
        "nb": "{found} ville blitt hentet fra et annet nettsted, og sidene våre henter ingenting "
        "derfra. Lagre bildet i content/bilder/ og skriv bilder/<filnavn>.",
    },
    "check-failed": {
        "sv": "Kontrollen kunde inte läsa detta ({detail}). Det är ett fel i webbplatsens "
        "program, inte i texten: be en utvecklare titta på det.",
        "nb": "Kontrollen kunne ikke lese dette ({detail}). Det er en feil i nettstedets "
        "program, ikke i teksten: be en utvikler se på det.",
    },
    "address-taken": {
        "sv": "Filen skulle publiceras på adressen {address}, men där publiceras redan "
        "{other_path}. Bara en av dem kan ligga där: byt namn på den här filen (och på den "
        "norska versionen, om den finns), till exempel till {suggestion}.",
        "nb": "Filen ville blitt publisert på adressen {address}, men der publiseres allerede "
        "{other_path}. Bare én av dem kan ligge der: gi denne filen nytt navn (og den svenske "
        "versjonen, hvis den finnes), for eksempel {suggestion}.",
    },
    "address-taken/site": {
        "sv": "Filen skulle publiceras på adressen {address}, men den krockar med {part}. "
        "Byt namn på filen (och på den norska versionen, om den finns), till exempel till "
        "{suggestion}.",
        "nb": "Filen ville blitt publisert på adressen {address}, men den kolliderer med "
        "{part}. Gi filen nytt navn (og den svenske versjonen, hvis den finnes), for eksempel "
        "{suggestion}.",
    },
    "bad-registration/http": {
        "sv": "{value} börjar med http://, som inte är krypterat. Skriv adressen med https:// "
        "i stället: {suggestion}",
        "nb": "{value} begynner med http://, som ikke er kryptert. Skriv adressen med https:// "
        "i stedet: {suggestion}",
    },
    "bad-website": {
        "sv": "{value} är ingen webbadress. Skriv hela adressen till företagets webbplats, som "
        "börjar med https://, till exempel https://kulturforetaget.se, eller ta bort raden.",
        "nb": "{value} er ingen nettadresse. Skriv hele adressen til bedriftens nettsted, som "
        "begynner med https://, for eksempel https://kulturbedriften.no, eller fjern linjen.",
    },
    "bad-website/http": {
        "sv": "{value} börjar med http://, som inte är krypterat. Skriv adressen med https:// "
        "i stället: {suggestion}",
        "nb": "{value} begynner med http://, som ikke er kryptert. Skriv adressen med https:// "
        "i stedet: {suggestion}",
    },
    "symlink": {
        "sv": "Detta är en symbolisk länk (en genväg till en annan fil eller mapp), inte en "
        "riktig fil. Webbplatsen läser aldrig länkar, eftersom en länk kan leda till filer "
        "utanför innehållet. Ta bort länken och lägg själva filen eller mappen här i stället, "
        "till exempel en kopia av texten som content/aktiviteter/kafe.sv.md eller av bilden "
        "som content/bilder/konsert.jpg.",
        "nb": "Dette er en symbolsk lenke (en snarvei til en annen fil eller mappe), ikke en "
        "ekte fil. Nettstedet leser aldri lenker, fordi en lenke kan føre til filer utenfor "
        "innholdet. Fjern lenken og legg selve filen eller mappen her i stedet, for eksempel "
        "en kopi av teksten som content/aktiviteter/kafe.nb.md eller av bildet som "
        "content/bilder/konsert.jpg.",
    },
    "not-a-picture": {
        "sv": "Filen {value} är ingen bild som webbplatsen kan visa, och i content/bilder/ får "
        "bara bilder i JPEG, PNG, WebP eller AVIF ligga (inte SVG, HTML, skript, text eller andra "
        "filer). Ta bort filen, eller spara bilden som JPEG eller PNG med rätt ändelse, till "
        "exempel content/bilder/konsert.jpg.",
        "nb": "Filen {value} er ikke et bilde nettstedet kan vise, og i content/bilder/ kan det "
        "bare ligge bilder i JPEG, PNG, WebP eller AVIF (ikke SVG, HTML, skript, tekst eller andre "
        "filer). Fjern filen, eller lagre bildet som JPEG eller PNG med riktig endelse, for "
        "eksempel content/bilder/konsert.jpg.",
    },
    "feedback-missing": {
        "sv": "Tillgänglighetsredogörelsen saknar en e-postadress för synpunkter på "
        "tillgängligheten, och webbplatsen hittar aldrig på någon. Skriv adressen som tar emot "
        "synpunkterna: feedback_email: tillganglighet@example.se. Finns ingen sådan adress, "
        "låt fältet vara tomt och skriv i texten hur man annars lämnar synpunkter, till exempel "
        "via projektägarna.",
        "nb": "Tilgjengelighetserklæringen mangler en e-postadresse for tilbakemeldinger om "
        "tilgjengelighet, og nettstedet finner aldri på en. Skriv adressen som tar imot "
        "tilbakemeldingene: feedback_email: tilgjengelighet@example.no. Finnes det ingen slik "
        "adresse, la feltet stå tomt og skriv i teksten hvordan man ellers gir "
        "tilbakemelding, for eksempel via prosjekteierne.",
    },
    "bad-feedback-email": {
        "sv": "{value} är ingen e-postadress. Skriv bara adressen, utan mailto: och utan "
        "mellanslag: feedback_email: tillganglighet@example.se",
        "nb": "{value} er ingen e-postadresse. Skriv bare adressen, uten mailto: og uten "
        "mellomrom: feedback_email: tilgjengelighet@example.no",
    },
    "yaml-syntax/colon": {
        "sv": "Raden har ett kolon mitt i ett värde utan citattecken. Sätt hela värdet inom "
        'citattecken: title: "Berättarkafé: våren 2025".',
        "nb": "Linjen har et kolon midt i en verdi uten anførselstegn. Sett hele verdien i "
        'anførselstegn: title: "Fortellerkafé: våren 2025".',
    },
    "yaml-syntax/indent": {
        "sv": "Raden börjar på fel ställe: den är indragen med mellanslag, eller följer inte "
        "mönstret namn: värde. Börja varje fält längst till vänster, utan mellanslag före: "
        "place: Jamtli, Östersund. Skriv en lista på en rad: companies: [kulturforetaget-ab].",
        "nb": "Linjen begynner på feil sted: den er rykket inn med mellomrom, eller følger ikke "
        "mønsteret navn: verdi. Begynn hvert felt helt til venstre, uten mellomrom foran: "
        "place: Jamtli, Östersund. Skriv en liste på én linje: companies: [kulturbedriften-as].",
    },
    "yaml-syntax/missing-colon": {
        "sv": "Raden är inte skriven som namn, kolon, mellanslag och värde. Skriv till exempel "
        "place: Jamtli, Östersund, med ett mellanslag efter kolonet. Hör raden till texten på "
        "raden ovanför, skriv allt på samma rad.",
        "nb": "Linjen er ikke skrevet som navn, kolon, mellomrom og verdi. Skriv for eksempel "
        "place: Jamtli, Östersund, med et mellomrom etter kolonet. Hører linjen til teksten på "
        "linjen over, skriv alt på samme linje.",
    },
    "yaml-syntax/unclosed-quote": {
        "sv": "Citattecknet före värdet på den här raden avslutas aldrig. Sätt samma "
        'citattecken sist i värdet: title: "Berättarkafé i Östersund".',
        "nb": "Anførselstegnet foran verdien på denne linjen avsluttes aldri. Sett det samme "
        'anførselstegnet sist i verdien: title: "Fortellerkafé i Steinkjer".',
    },
    "yaml-syntax/after-quote": {
        "sv": "Värdet börjar med citattecken men fortsätter efter det avslutande "
        "citattecknet. Sätt hela värdet inom citattecken, och använd enkla citattecken för det "
        "som ska synas inom citattecken: title: \"Kafé 'Berättarkväll' i Östersund\".",
        "nb": "Verdien begynner med anførselstegn, men fortsetter etter det avsluttende "
        "anførselstegnet. Sett hele verdien i anførselstegn, og bruk enkle anførselstegn for "
        "det som skal vises i anførselstegn: title: \"Kafé 'Fortellerkveld' i Steinkjer\".",
    },
    "yaml-syntax/special": {
        "sv": "Värdet börjar med ett tecken som inte får stå först utan citattecken (till "
        "exempel @, `, %, &, * eller !). Sätt hela värdet inom citattecken: "
        'title: "@samspel63 på scen".',
        "nb": "Verdien begynner med et tegn som ikke kan stå først uten anførselstegn (for "
        "eksempel @, `, %, &, * eller !). Sett hele verdien i anførselstegn: "
        'title: "@samspel63 på scenen".',
    },
    "yaml-syntax/escape": {
        "sv": "Värdet inom dubbla citattecken har ett omvänt snedstreck \\ som inte går att "
        "läsa. Ta bort snedstrecket, eller sätt värdet inom enkla citattecken i stället: "
        "title: 'Kafé \\ Bar'.",
        "nb": "Verdien i doble anførselstegn har en omvendt skråstrek \\ som ikke kan leses. "
        "Fjern skråstreken, eller sett verdien i enkle anførselstegn i stedet: "
        "title: 'Kafé \\ Bar'.",
    },
    "yaml-syntax/bracket": {
        "sv": "Listan som börjar med [ (eller {{) på den här raden avslutas aldrig, eller har "
        "ett kolon i ett värde. Skriv hela listan på en rad och avsluta den: "
        "companies: [kulturforetaget-ab, kulturbedriften-as].",
        "nb": "Listen som begynner med [ (eller {{) på denne linjen avsluttes aldri, eller har "
        "et kolon i en verdi. Skriv hele listen på én linje og avslutt den: "
        "companies: [kulturforetaget-ab, kulturbedriften-as].",
    },
    "yaml-reference": {
        "sv": "Värdet börjar med &, som i YAML gör värdet till en hänvisning, och sådana läser "
        'webbplatsen inte. Sätt hela värdet inom citattecken: title: "&Co på scen".',
        "nb": "Verdien begynner med &, som i YAML gjør verdien til en henvisning, og nettstedet "
        'leser ikke slike. Sett hele verdien i anførselstegn: title: "&Co på scenen".',
    },
    "yaml-reference/alias": {
        "sv": "Värdet börjar med *, som i YAML hänvisar till ett annat värde, och sådana "
        "hänvisningar läser webbplatsen inte. Skriv ut värdet, inom citattecken om det ska "
        'börja med *: title: "*Nytt* program".',
        "nb": "Verdien begynner med *, som i YAML henviser til en annen verdi, og nettstedet "
        "leser ikke slike henvisninger. Skriv ut verdien, i anførselstegn hvis den skal "
        'begynne med *: title: "*Nytt* program".',
    },
    "yaml-reference/merge": {
        "sv": "<<: hämtar fält från ett annat ställe i filen, och det läser webbplatsen inte. "
        "Skriv varje fält för sig på en egen rad: place: Jamtli, Östersund.",
        "nb": "<<: henter felt fra et annet sted i filen, og det kan ikke nettstedet lese. Skriv "
        "hvert felt for seg på en egen linje: place: Jamtli, Östersund.",
    },
    "yaml-tag": {
        "sv": "Värdet börjar med !, som i YAML anger en typ (som !!str), och typer läser "
        "webbplatsen inte. Ta bort typen, eller sätt hela värdet inom citattecken om ! ska "
        'synas: title: "!Viktigt: ny tid".',
        "nb": "Verdien begynner med !, som i YAML angir en type (som !!str), og nettstedet "
        "leser ikke typer. Fjern typen, eller sett hele verdien i anførselstegn hvis ! skal "
        'vises: title: "!Viktig: ny tid".',
    },
    "yaml-too-deep": {
        "sv": "Här ligger listor eller fält inuti varandra i mer än {limit} nivåer, och så "
        "djupt behöver inget fält vara. Skriv varje fält som namn: värde och en lista på en "
        "rad: companies: [kulturforetaget-ab, kulturbedriften-as].",
        "nb": "Her ligger lister eller felt inni hverandre i mer enn {limit} nivåer, og så "
        "dypt trenger ikke noe felt å være. Skriv hvert felt som navn: verdi og en liste på én "
        "linje: companies: [kulturforetaget-ab, kulturbedriften-as].",
    },
    "too-large": {
        "sv": "Filen är större än {limit}, det största en textfil får vara. Dela upp texten på "
        "flera sidor, och lägg bilder i content/bilder/ i stället för att klistra in dem i "
        "texten.",
        "nb": "Filen er større enn {limit}, det største en tekstfil kan være. Del teksten opp på "
        "flere sider, og legg bilder i content/bilder/ i stedet for å lime dem inn i teksten.",
    },
    "too-large/front-matter": {
        "sv": "Fälten mellan raderna med --- är tillsammans större än {limit}. Fälten ska vara "
        "korta: skriv den långa texten under den andra raden med ---, inte i ett fält.",
        "nb": "Feltene mellom linjene med --- er til sammen større enn {limit}. Feltene skal "
        "være korte: skriv den lange teksten under den andre linjen med ---, ikke i et felt.",
    },
    "too-large/data": {
        "sv": "Filen är större än {limit}, det största en datafil får vara. Kontrollera att "
        "inget har klistrats in av misstag och ta bort det; varje företag behöver bara sina "
        "sex rader.",
        "nb": "Filen er større enn {limit}, det største en datafil kan være. Kontroller at "
        "ingenting er limt inn ved en feil, og fjern det; hver bedrift trenger bare sine seks "
        "linjer.",
    },
    "no-break-space": {
        "sv": "Raden har ett hårt mellanslag (ett osynligt tecken som ofta följer med när man "
        "klistrar in text) vid fältnamnet eller kolonet. Radera mellanrummen runt kolonet och "
        "skriv ett vanligt mellanslag efter det: title: Berättarkafé.",
        "nb": "Linjen har et hardt mellomrom (et usynlig tegn som ofte følger med når man limer "
        "inn tekst) ved feltnavnet eller kolonet. Slett mellomrommene rundt kolonet og skriv et "
        "vanlig mellomrom etter det: title: Fortellerkafé.",
    },
    "curly-quotes": {
        "sv": "Värdet står inom typografiska citattecken (som ”…” eller «…»), som inte räknas "
        "som citattecken här och syns på sidan. Använd raka citattecken: "
        'title: "Berättarkafé". Ska citattecknen synas, sätt hela värdet inom raka '
        'citattecken: title: "”Berättarkafé”".',
        "nb": "Verdien står i typografiske anførselstegn (som «…» eller ”…”), som ikke regnes "
        "som anførselstegn her og vises på siden. Bruk rette anførselstegn: "
        'title: "Fortellerkveld". Skal anførselstegnene vises, sett hele verdien i rette '
        'anførselstegn: title: "«Fortellerkveld»".',
    },
    "key-case": {
        "sv": "Fältnamnet {field} har stor bokstav, men fältnamn skrivs med små bokstäver, "
        "annars läses fältet inte. Skriv {lower} i stället, till exempel {example}",
        "nb": "Feltnavnet {field} har stor bokstav, men feltnavn skrives med små bokstaver, "
        "ellers leses ikke feltet. Skriv {lower} i stedet, for eksempel {example}",
    },
    "after-project": {
        "sv": "Aktiviteten börjar {value}, efter projektets sista dag {end}. Den visas på "
        "webbplatsen men räknas inte i resultaten. Stämmer inte datumet, skriv ett datum inom "
        "projektperioden, från {start} till {end}, till exempel start: {end}. Hör aktiviteten "
        "inte till projektet, ta bort filen.",
        "nb": "Aktiviteten begynner {value}, etter prosjektets siste dag {end}. Den vises på "
        "nettstedet, men telles ikke i resultatene. Hvis datoen ikke stemmer, skriv en dato "
        "innenfor prosjektperioden, fra {start} til {end}, for eksempel start: {end}. Hvis "
        "aktiviteten ikke hører til prosjektet, slett filen.",
    },
    "before-project": {
        "sv": "Aktiviteten börjar {value}, före projektets första dag {start}. Den visas på "
        "webbplatsen men räknas inte i resultaten. Stämmer inte datumet, skriv ett datum inom "
        "projektperioden, från {start} till {end}, till exempel start: {start}. Hör "
        "aktiviteten inte till projektet, ta bort filen.",
        "nb": "Aktiviteten begynner {value}, før prosjektets første dag {start}. Den vises på "
        "nettstedet, men telles ikke i resultatene. Hvis datoen ikke stemmer, skriv en dato "
        "innenfor prosjektperioden, fra {start} til {end}, for eksempel start: {start}. Hvis "
        "aktiviteten ikke hører til prosjektet, slett filen.",
    },
    "unknown-status/planned": {
        "sv": '{value} finns inte längre som status, eftersom det lätt läses som "inte bestämt '
        'än". Skriv status: scheduled om aktiviteten blir av som det står, eller status: '
        "tentative om datum eller detaljer inte är bestämda än.",
        "nb": '{value} finnes ikke lenger som status, fordi det lett leses som "ikke bestemt '
        'ennå". Skriv status: scheduled hvis aktiviteten blir som det står, eller status: '
        "tentative hvis dato eller detaljer ikke er bestemt ennå.",
    },
    "not-text/country": {
        "sv": "Fältet country ska vara ett land, SE eller NO, eller båda som en lista: "
        "country: [SE, NO].",
        "nb": "Feltet country skal være ett land, SE eller NO, eller begge som en liste: "
        "country: [SE, NO].",
    },
    "end-more-precise": {
        "sv": "Slutet {value} är {end_kind}, men starten {start} bara {start_kind}. Slutet kan "
        "inte vara mer exakt än starten: skriv slutet som {start_kind} ({example}), eller "
        "starten lika exakt som slutet om den är bestämd.",
        "nb": "Slutten {value} er {end_kind}, men starten {start} bare {start_kind}. Slutten "
        "kan ikke være mer nøyaktig enn starten: skriv slutten som {start_kind} ({example}), "
        "eller starten like nøyaktig som slutten hvis den er bestemt.",
    },
    "tentative-over": {
        "sv": "Aktiviteten är preliminär (status: tentative), men tiden den planerades till, "
        '{when}, har gått. Webbplatsen visar den som "Planerades till {when}". Skriv vad som '
        "hände: status: scheduled om den blev av, status: cancelled om den ställdes in, eller "
        "status: postponed om den sköts upp utan nytt datum.",
        "nb": "Aktiviteten er foreløpig (status: tentative), men tiden den var planlagt til, "
        '{when}, er over. Nettstedet viser den som "Var planlagt til {when}". Skriv hva som '
        "skjedde: status: scheduled hvis den ble gjennomført, status: cancelled hvis den ble "
        "avlyst, eller status: postponed hvis den ble utsatt uten ny dato.",
    },
    "bad-address": {
        "sv": "Adressen {value} kan inte bli en del av webbadressen: den får bara ha små "
        "bokstäver a–z, siffror och bindestreck (inga å, ä, ö, stora bokstäver eller "
        "mellanslag). Skriv till exempel address: {suggestion}",
        "nb": "Adressen {value} kan ikke bli en del av nettadressen: den kan bare ha små "
        "bokstaver a–z, tall og bindestrek (ingen æ, ø, å, store bokstaver eller mellomrom). "
        "Skriv for eksempel address: {suggestion}",
    },
    "address-taken/field": {
        "sv": "Adressen {address} krockar med {part}. Välj en annan adress, till exempel "
        "med ett ord till: address: om-oss, eller ta bort raden så används filnamnet.",
        "nb": "Adressen {address} kolliderer med {part}. Velg en annen adresse, for eksempel "
        "med ett ord til: address: om-oss, eller fjern linjen så brukes filnavnet.",
    },
    "wrong-language/title": {
        "sv": "Rubriken {value} ser ut att vara på {language}, men det här är den svenska "
        "filen. Översätt rubriken till svenska, till exempel title: Berättarkväll för "
        "kulturföretag. Är rubriken redan svensk kan du låta den vara: det här är bara en "
        "varning.",
        "nb": "Tittelen {value} ser ut til å være på {language}, men dette er den norske filen, "
        "og det norske nettstedet skrives på bokmål. Oversett tittelen til bokmål, for eksempel "
        "title: Fortellerkveld for kulturbedrifter. Er tittelen allerede på bokmål, kan du la "
        "den stå: dette er bare en advarsel.",
    },
    "wrong-language/summary": {
        "sv": "Sammanfattningen {value} ser ut att vara på {language}, men det här är den "
        "svenska filen. Översätt den till svenska, till exempel summary: En kväll om berättande "
        "för kulturföretag. Är den redan svensk kan du låta den vara: det här är bara en "
        "varning.",
        "nb": "Sammendraget {value} ser ut til å være på {language}, men dette er den norske "
        "filen, og det norske nettstedet skrives på bokmål. Oversett det til bokmål, for "
        "eksempel summary: En kveld om fortelling for kulturbedrifter. Er det allerede på "
        "bokmål, kan du la det stå: dette er bare en advarsel.",
    },
    "wrong-language": {
        "sv": "Stycket som börjar {value} ser ut att vara på {language}, men det här är den "
        "svenska filen. Översätt stycket till svenska (till exempel: Kvällen handlar om "
        "berättande för kulturföretag.) och läs igenom resten av texten också. Är stycket "
        "redan svenskt kan du låta det vara: det här är bara en varning.",
        "nb": "Avsnittet som begynner med {value} ser ut til å være på {language}, men dette er "
        "den norske filen, og det norske nettstedet skrives på bokmål. Oversett avsnittet til "
        "bokmål (for eksempel: Kvelden handler om fortelling for kulturbedrifter.) og les "
        "gjennom resten av teksten også. Er avsnittet allerede på bokmål, kan du la det stå: "
        "dette er bare en advarsel.",
    },
    "same-as-pair": {
        "sv": "Texten {value} står likadan i {other_path}, så den är troligen kopierad utan att "
        'ha översatts. Översätt den till svenska här, till exempel "En kväll om berättande" i '
        'stället för "En kveld om fortelling".',
        "nb": "Teksten {value} står likt i {other_path}, så den er trolig kopiert uten å være "
        'oversatt. Oversett den til bokmål her, for eksempel "En kveld om fortelling" i stedet '
        'for "En kväll om berättande".',
    },
    "same-as-pair/file": {
        "sv": "Filen har samma rubrik, sammanfattning och text som {other_path}, så den är "
        "troligen en kopia som inte har översatts. Översätt rubriken, sammanfattningen och "
        "texten till svenska, till exempel title: Berättarkafé i Östersund i stället för "
        "title: Fortellerkafé i Steinkjer.",
        "nb": "Filen har samme tittel, sammendrag og tekst som {other_path}, så den er trolig "
        "en kopi som ikke er oversatt. Oversett tittelen, sammendraget og teksten til bokmål, "
        "for eksempel title: Fortellerkafé i Steinkjer i stedet for title: Berättarkafé i "
        "Östersund.",
    },
    # issue 16: the check and the build agree on what is content
    "wrong-folder": {
        "sv": "Det här ser ut som {kind}: flytta filen till {folder}. Den ligger i {here}, men "
        "har {fields}, som bara {kind} har. Flytta den norska versionen också (om den finns), "
        "så att båda språkfilerna ligger i {folder}, till exempel {folder}{name}.",
        "nb": "Dette ser ut som {kind}: flytt filen til {folder}. Den ligger i {here}, men har "
        "{fields}, som bare {kind} har. Flytt den svenske versjonen også (hvis den finnes), "
        "slik at begge språkfilene ligger i {folder}, for eksempel {folder}{name}.",
    },
    "wrong-folder/unknown": {
        "sv": "Filen {name} är en text, men den ligger i {here}, där inga texter publiceras "
        "(content/bilder/ är för bilder och content/data/ för companies.yaml). Flytta filen "
        "till den mapp som passar: content/aktiviteter/, content/initiativ/, content/nyheter/ "
        "eller content/sidor/, till exempel content/sidor/{name}.",
        "nb": "Filen {name} er en tekst, men den ligger i {here}, der ingen tekster publiseres "
        "(content/bilder/ er for bilder og content/data/ for companies.yaml). Flytt filen til "
        "mappen som passer: content/aktiviteter/, content/initiativ/, content/nyheter/ eller "
        "content/sidor/, for eksempel content/sidor/{name}.",
    },
    "unknown-type/closest": {
        "sv": "{value} är ingen typ av aktivitet som webbplatsen känner till. Menade du "
        "{closest}? Skriv type: {closest}, eller en av: {allowed}.",
        "nb": "{value} er ingen aktivitetstype nettstedet kjenner til. Mente du {closest}? "
        "Skriv type: {closest}, eller en av: {allowed}.",
    },
    "unknown-country/closest": {
        "sv": "{value} är inget land som webbplatsen känner till. Menade du {closest}? Skriv "
        "country: {closest}, med stora bokstäver (SE för Sverige, NO för Norge, eller "
        "country: [SE, NO] för båda).",
        "nb": "{value} er ikke et land nettstedet kjenner til. Mente du {closest}? Skriv "
        "country: {closest}, med store bokstaver (SE for Sverige, NO for Norge, eller "
        "country: [SE, NO] for begge).",
    },
    "unknown-company/closest": {
        "sv": "{value} finns inte i content/data/companies.yaml. Menade du {closest}? Skriv "
        "id:t precis som det står där, till exempel companies: [{closest}], eller lägg först "
        "till företaget i companies.yaml.",
        "nb": "{value} finnes ikke i content/data/companies.yaml. Mente du {closest}? Skriv "
        "id-en nøyaktig slik den står der, for eksempel companies: [{closest}], eller legg "
        "først til bedriften i companies.yaml.",
    },
    "unknown-initiative/closest": {
        "sv": "Det finns inget initiativ som heter {value}. Menade du {closest}? Skriv "
        "initiative: {closest} (filnamnet i content/initiativ/ utan .sv.md), eller ta bort "
        "raden.",
        "nb": "Det finnes ikke noe initiativ som heter {value}. Mente du {closest}? Skriv "
        "initiative: {closest} (filnavnet i content/initiativ/ uten .nb.md), eller fjern "
        "linjen.",
    },
    "bad-slug/pair": {
        "sv": "Filnamnet {value} får bara ha små bokstäver a–z, siffror och bindestreck (inga "
        "å, ä, ö, stora bokstäver eller mellanslag). Byt namn på båda språkfilerna på samma "
        "sätt, så att de förblir ett par: {value} till {suggestion} och {other_name} till "
        "{other_suggestion}.",
        "nb": "Filnavnet {value} kan bare ha små bokstaver a–z, tall og bindestrek (ingen æ, "
        "ø, å, store bokstaver eller mellomrom). Gi begge språkfilene nytt navn på samme måte, "
        "slik at de forblir et par: {value} til {suggestion} og {other_name} til "
        "{other_suggestion}.",
    },
    "pair-renamed": {
        "sv": "Den här filen och {other_path} verkar vara samma sak på två språk, men "
        "filnamnen skiljer sig. Då kan webbplatsen inte jämföra fakta som ska vara samma i "
        "båda (som start, type eller date), och de två versionerna länkas inte till varandra. Ge "
        "filerna samma namn före .sv.md och .nb.md: byt namn på den här filen till "
        "{suggestion}.",
        "nb": "Denne filen og {other_path} ser ut til å være det samme på to språk, men "
        "filnavnene er forskjellige. Da kan ikke nettstedet sammenligne fakta som skal være "
        "like i begge (som start, type eller date), og de to versjonene lenkes ikke til "
        "hverandre. Gi filene samme navn foran .sv.md og .nb.md: gi denne filen nytt navn, "
        "{suggestion}.",
    },
    "yaml-syntax/block": {
        "sv": "Värdet börjar med | eller >, som gör det till ett textblock, och då får inget "
        'mer stå på raden. Sätt hela värdet inom citattecken: summary: "> 20 deltagare", '
        "eller skriv texten på raderna under, indragen med två mellanslag.",
        "nb": "Verdien begynner med | eller >, som gjør den til en tekstblokk, og da kan ikke "
        'noe mer stå på linjen. Sett hele verdien i anførselstegn: summary: "> 20 deltakere", '
        "eller skriv teksten på linjene under, rykket inn med to mellomrom.",
    },
    "yaml-syntax/separator": {
        "sv": "Här står en rad med bara --- eller ..., som avslutar fälten för tidigt. Ta bort "
        "raden, eller skriv texten efter den andra raden med --- i stället för i ett fält.",
        "nb": "Her står en linje med bare --- eller ..., som avslutter feltene for tidlig. Fjern "
        "linjen, eller skriv teksten etter den andre linjen med --- i stedet for i et felt.",
    },
}

#: which file of a pair changed last (``[translations-differ]``), from Git or the files' times
CHANGE_NOTES: dict[str, dict[str, str]] = {
    "committed": {
        "sv": "Senast ändrad är {path}, {day}.",
        "nb": "Sist endret er {path}, {day}.",
    },
    "uncommitted": {
        "sv": "Senast ändrad är {path}, som har ändringar som inte är sparade i git än.",
        "nb": "Sist endret er {path}, som har endringer som ikke er lagret i git ennå.",
    },
    "disk": {
        "sv": "Senast ändrad är {path}, {day}.",
        "nb": "Sist endret er {path}, {day}.",
    },
    "same": {
        "sv": "Båda filerna ändrades senast samtidigt, {day}.",
        "nb": "Begge filene ble sist endret samtidig, {day}.",
    },
}

#: how exactly a start or end is written, as a message names it ("… bara en månad")
PRECISION_NAMES: dict[str, dict[str, str]] = {
    "year": {"sv": "ett år", "nb": "et år"},
    "month": {"sv": "en månad", "nb": "en måned"},
    "day": {"sv": "en dag", "nb": "en dag"},
    "time": {"sv": "en dag med klockslag", "nb": "en dag med klokkeslett"},
}

#: rule codes, each listed in CONTRIBUTING.md
CODES: tuple[str, ...] = tuple(dict.fromkeys(key.split("/")[0] for key in MESSAGES))

#: what the kind of an item is called in a message ("… men en aktivitet måste ha det")
KIND_NAMES: dict[str, dict[str, str]] = {
    "activity": {"sv": "en aktivitet", "nb": "en aktivitet"},
    "initiative": {"sv": "ett initiativ", "nb": "et initiativ"},
    "news": {"sv": "en nyhet", "nb": "en nyhet"},
    "page": {"sv": "en sida", "nb": "en side"},
    "company": {"sv": "ett företag", "nb": "en bedrift"},
}

#: a right value for each required field, per language
EXAMPLES: dict[str, dict[str, str]] = {
    "title": {"sv": "title: Berättarkafé i Östersund", "nb": "title: Fortellerkafé i Steinkjer"},
    "type": {"sv": "type: workshop", "nb": "type: workshop"},
    "start": {"sv": "start: 2025-03-14", "nb": "start: 2025-03-14"},
    "place": {"sv": "place: Jamtli, Östersund", "nb": "place: Tindved Kulturhage, Steinkjer"},
    "country": {"sv": "country: SE", "nb": "country: NO"},
    "summary": {
        "sv": "summary: En kväll om berättande för kulturföretag.",
        "nb": "summary: En kveld om fortelling for kulturbedrifter.",
    },
    "date": {"sv": "date: 2025-03-14", "nb": "date: 2025-03-14"},
    "id": {"sv": "id: kulturforetaget-ab", "nb": "id: kulturbedriften-as"},
    "name": {"sv": "name: Kulturföretaget AB", "nb": "name: Kulturbedriften AS"},
    "region": {"sv": "region: Jämtland Härjedalen", "nb": "region: Trøndelag"},
    "sector": {"sv": "sector: Musik", "nb": "sector: Musikk"},
    "public": {"sv": "public: true", "nb": "public: true"},
}

#: the word used as ``field`` for a problem with the whole file
FILE_FIELD = "fil"


def language_of(lang: str) -> str:
    """The language a message is written in: Norwegian for nb files, otherwise Swedish."""
    return "nb" if lang == "nb" else "sv"


def quoted(value: object) -> str:
    """A value as the communicator wrote it, in straight quotes: ``"14 mars"``."""
    return f'"{value}"'


def make_problem(
    path: PurePosixPath,
    line: int,
    field: str,
    code: str,
    lang: str,
    variant: str | None = None,
    **params: object,
) -> Problem:
    """The Problem for rule ``code`` in the file's language."""
    template = MESSAGES[f"{code}/{variant}" if variant else code][language_of(lang)]
    params.setdefault("field", field)
    severity = "warning" if code in WARNINGS else "error"
    return Problem(path, max(line, 1), field, code, template.format(**params), severity)


#: how a field that one language file lacks is shown next to the other's value
ABSENT: dict[str, str] = {"sv": "ingenting (fältet saknas)", "nb": "ingenting (feltet mangler)"}


#: what of the site's own an address belongs to (``contract.site_names``), for
#: ``[address-taken]``; ``{section}`` is a section's folder
SITE_PARTS: dict[str, dict[str, str]] = {
    "home": {"sv": "webbplatsens startsida", "nb": "nettstedets forside"},
    "not-found": {
        "sv": "sidan som visas när en adress inte finns",
        "nb": "siden som vises når en adresse ikke finnes",
    },
    "search": {"sv": "webbplatsens sökning", "nb": "nettstedets søk"},
    "feeds": {
        "sv": "webbplatsens nyhetsflöden",
        "nb": "nettstedets nyhetsstrømmer",
    },
    "theme": {
        "sv": "webbplatsens utseende, dess stilmallar och skript",
        "nb": "nettstedets utseende, stilark og skript",
    },
    "results": {
        "sv": "webbplatsens resultatsida",
        "nb": "nettstedets resultatside",
    },
    "data": {
        "sv": "resultatsidans öppna data",
        "nb": "resultatsidens åpne data",
    },
    "pictures": {"sv": "webbplatsens bilder", "nb": "nettstedets bilder"},
    "editor": {
        "sv": "webbplatsens kommande redigeringsverktyg",
        "nb": "nettstedets kommende redigeringsverktøy",
    },
    "calendar": {"sv": "webbplatsens kalender", "nb": "nettstedets kalender"},
    "search-engines": {
        "sv": "webbplatsens fil för sökmotorer",
        "nb": "nettstedets fil for søkemotorer",
    },
    "section": {
        "sv": "webbplatsens lista över alla {section}",
        "nb": "nettstedets liste over alle {section}",
    },
    "pagination": {
        "sv": "sidorna 2, 3 … av webbplatsens lista över alla {section}",
        "nb": "sidene 2, 3 … av nettstedets liste over alle {section}",
    },
}


def site_part(what: str, name: str, lang: str, address: str) -> str:
    """How a message names the site's own ``name`` (``kalender``, ``404.html``) in ``lang``.

    A file the page would sit beside is named too (``404.html`` for ``/404/``), so the
    communicator sees which of the site's files is meant; a folder is the address itself.
    """
    section = name.split("/", 1)[0]
    text = SITE_PARTS[what][language_of(lang)].format(section=section)
    return text if address == f"/{name}/" else f"{text} ({name})"


def frontmatter_problem(path: PurePosixPath, error: FrontMatterError, lang: str) -> Problem:
    """The Problem for a file that cannot be read (too large, not YAML, a refused feature).

    Shown at the field the error names (a key written twice, a value in curly
    quotes), else at the whole file; with the precise wording of the error's
    variant when there is one. PyYAML's English ``detail`` is in no message.
    """
    variant = error.variant if f"{error.code}/{error.variant}" in MESSAGES else None
    field = error.field or FILE_FIELD
    return make_problem(
        path, error.line, field, error.code, lang, variant, detail=error.detail, **error.params
    )
