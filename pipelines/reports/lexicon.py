"""Swedish words that say what a number in a report counts.

Every entry is a word stem matched at the start of a token (lower case, so
"avslutats" matches "avslut"). Nothing here names a förbund, an insats or a report.
"""

from __future__ import annotations

import re

# Nouns that make a number a count of people.
PEOPLE = ("deltagare", "deltagarna", "deltagaren", "personer", "person", "personerna",
          "individer", "individ", "individerna", "stycken", "st", "unika", "ungdomar",
          "inskrivningar", "inskrivningarna", "nya", "klienter", "brukare", "unga")
SEX_WORDS = {"kvinnor": "women", "kvinna": "women", "kvinnorna": "women", "tjejer": "women",
             "flickor": "women", "män": "men", "man": "men", "männen": "men", "killar": "men",
             "pojkar": "men"}
# Sex as a capital letter right beside a count: "(14 K / 9 M)", "K 33 / M 25".
SEX_LETTERS = {"K": "women", "M": "men"}
# Words right after a count that say what it counts: "23 aktiva", "6 avslut", "17 kvar".
COUNT_PREDICATES = ("avslutade", "pågående", "nya", "kvar", "inskrivna", "aktiva", "aktuella",
                    "avslut", "utskrivna", "nyinskrivna", "nytillkomna", "nyantagna")
# A label that counts a group of the participants, not all: "Deltagare under 25 år",
# "Deltagare med funktionsnedsättning", "Deltagare födda utanför EU".
SUBGROUP = r"\b(under|över|mellan) \d{1,2}\b|\b(med|utan) (?!avslut)\w+|\bfödda\b|\bålder|\bålders"
# A label naming another insats as where the ended went: "Vidare till annan insats".
# The title over a menu or list of the insatser on a web page or a cover ("Insatser",
# "Våra projekt"), its items indented under it.
LISTING_TITLES = ("insatser", "våra insatser", "pågående insatser", "aktuella insatser",
                  "finansierade insatser", "insatser och projekt", "projekt", "våra projekt",
                  "verksamheter", "vår verksamhet", "verksamhet")
OTHER_INSATS = r"\b(annan|andra|annat|övrig|övriga|nästa|ny)\s+(insats|projekt|verksamhet)"
# Where the ended went, most specific first: the first stem that matches a token decides.
OUTCOMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ended_job_seeking", ("arbetssökande", "arbetsökande")),
    ("ended_continued_rehab", ("arbetsträn", "arbetsprakt", "arbetsutredning", "arbetsförbered",
                               "arbetslivsinrikt", "rehab", "prerehab", "praktik", "samverkan",
                               "förberedande", "utegrupp", "remittent", "uppdragsgivare",
                               "handläggare", "handläggaren", "psykiatri", "behandling",
                               "aktivitetsträning")),
    ("ended_studies", ("studier", "studera", "utbildning", "studie")),
    ("ended_work", ("arbete", "arbeta", "anställning", "förvärvsarbete", "jobb", "lönearbete",
                    "anställd")),
    ("ended_illness", ("sjukdom", "sjuk", "sjksk", "hälsa", "hälsan", "hälsotillstånd",
                       "mående", "ohälsa")),
    ("ended_moved", ("flytt", "flyttat", "flyttade", "flyttar")),
    ("ended_other", ("övrigt", "pension", "ålderspension", "förtid", "oklart",
                     "föräldraledig", "personliga", "okänd", "okänt")),
)
# Short words that name an outcome only as whole words.
OUTCOME_WORDS = {"ame": "ended_continued_rehab", "lss": "ended_continued_rehab",
                 "insats": "ended_continued_rehab", "insatsen": "ended_continued_rehab",
                 "projekt": "ended_continued_rehab", "projektet": "ended_continued_rehab"}
OUTCOME_PHRASE_CATEGORIES = {"utan känd fortsättning": "ended_other",
                             "utan känd orsak": "ended_other", "okänd orsak": "ended_other",
                             "utan känd sysselsättning": "ended_other",
                             "annan orsak": "ended_other", "av hälsoskäl": "ended_illness",
                             "personliga skäl": "ended_other", "i förtid": "ended_other",
                             "andra skäl": "ended_other", "annan anledning": "ended_other",
                             "övriga skäl": "ended_other", "okänd anledning": "ended_other",
                             "egen begäran": "ended_other"}
# First words of a label for the newly enrolled.
NEW_LABELS = ("nya", "nytillkomna", "nyinskrivna", "nyantagna", "tillkomna", "nystartade")
# Words that make a bare percentage after a goal the outcome against it: "utfallet blev 39 %".
RESULT_WORDS = ("utfall", "utfallet", "resultat", "resultatet", "uppnådde", "nådde", "landade",
                "andelen")
SURVEY_WORDS = ("känner", "upplever", "upplevt", "motiverad", "tror", "nöjd", "svarat", "svar",
                "anser", "uppger", "skattat", "trivs", "mår")
# Verbs of starting: "började studera", "påbörjade studier", "fick arbete" name an outcome
# when a work or study word follows.
START_VERBS = ("påbörjade", "påbörjat", "började", "börjat", "fick", "fått", "erhöll",
               "erhållit")
# Verbs after which the outcome of an ended participant is named ("gick vidare till …").
MOTION_VERBS = ("gick", "gått", "gå", "går", "återgått", "återgick", "övergått", "övergick",
                "slutade", "slutat",
                "fortsatt", "fortsätter", "fortsatte", "lämnade", "vidare", "tillbaka")
# Words between a count and the outcome it names: "3 annan insats", "2 fortsatt rehabilitering".
OUTCOME_MODIFIERS = ("annan", "andra", "annat", "övrig", "övriga", "fortsatt", "fortsatta")
# Words after "av" that give a reason for ending: "en av övriga skäl".
REASON_WORDS = ("övriga", "andra", "personliga", "okänd", "okända", "hälsoskäl", "sjukdomsskäl",
                "privata", "familjeskäl")
# Verbs of leaving: the insats or project after them is left, not gone to.
LEAVING_VERBS = ("lämnade", "lämnat", "lämnar", "slutade", "slutat", "avslutade", "avslutat")
CAUSE_PHRASES = ("på grund av", "p.g.a", "p g a", "pga", "avslutsanledning", "avslutningsanledning")
# Predicates of the participant counts, checked in this order.
# A number in a clause with one of these is about something else.
NOT_PARTICIPANTS = ("personal", "handledare", "medarbetare", "tjänst", "företag", "kommuner",
                    "kommun", "möten", "enkät", "svarat", "patienter", "grupper", "träffar",
                    "utbildningar", "timmar", "platser")
UNITS_TO_SKIP = ("år", "års", "åren", "årig", "timmar", "timme", "tim", "h", "veckor", "vecka",
                 "v", "dagar", "dag", "kr", "kronor", "tkr", "mkr", "miljoner", "miljon", "mnkr",
                 "sek", "promille", "minuter", "min", "gånger", "ggr", "sidor", "sid",
                 "km", "mil", "poäng", "månader", "månad", "mån")
MODALS = ("skulle", "kunde", "ska", "skall", "kan", "kommer", "planerat", "planeras", "beräknas",
          "tänkt", "förväntas")
NEGATIONS = ("inte", "ej", "icke", "aldrig")
GOAL_WORDS = ("mål", "målet", "målsättning", "målsättningen", "ska", "skall", "förväntade",
              "förväntat")
WORK_WORDS = ("arbete", "arbeta", "arbetar", "jobb", "anställning", "förvärvsarbete")
STUDY_WORDS = ("studier", "studera", "studerar", "utbildning", "studie")
OTHER_DESTINATIONS = ("arbetssökande", "arbetsökande", "rehabilitering", "arbetsträning",
                      "praktik", "arbetslinjen", "aktivitet", "sysselsättning", "insats",
                      "arbetsmarknaden", "prerehab")
AVERAGE_WORDS = ("snitt", "genomsnitt", "genomsnittlig", "genomsnittliga", "genomsnittstid",
                 "medel", "medeltid", "medelvärde", "i snitt", "tid i insats", "snittid",
                 "snitt tiden", "snittiden")
PLACES_CONTEXT = ("deltagare", "individer", "budget", "personer", "platser för", "dimensionerad",
                  "antalet platser", "antal platser",
                  "dimensionerat", "finansieras för", "budgeterade")
FORBUND_SUBJECT = ("samordningsförbundet", "förbundet", "totalt för förbundet", "för förbundet",
                   "samtliga insatser", "alla insatser", "totalt för samtliga", "totalt för alla")
# Headings about the förbund as a whole ("Sammanfattning för förbundet", "Samtliga insatser"):
# they end the insats section above them.
FORBUND_WIDE = (r"\b((för|av|inom) (hela )?förbundet|samtliga insatser|alla insatser"
                r"|förbundet (totalt|som helhet|i sin helhet)|förbundets (totala|samlade))\b")


def names_forbund_wide(text: str) -> bool:
    """Whether a heading or a table header speaks of the whole förbund ('Samtliga insatser')."""
    return re.search(FORBUND_WIDE, text, re.IGNORECASE) is not None


def stem_match(token: str, stems: tuple[str, ...]) -> bool:
    return any(token.startswith(stem) for stem in stems)


def stem_match_any(text: str, stems: tuple[str, ...]) -> bool:
    """Whether any word of `text` starts with one of `stems`."""
    return any(stem_match(word, stems) for word in re.findall(r"[a-zåäöé]+", text.lower()))


def names_work_and_studies(text: str) -> bool:
    """Whether `text` names both work and studies: 'Andel till arbete/studier'."""
    return stem_match_any(text, WORK_WORDS) and stem_match_any(text, STUDY_WORDS)


def outcome_of(token: str) -> str | None:
    """The outcome metric a token names, if any."""
    if token in OUTCOME_WORDS:
        return OUTCOME_WORDS[token]
    for metric, stems in OUTCOMES:
        if any(token.startswith(stem) for stem in stems):
            return metric
    return None

# Report headings that name a topic inside an insats (or a chapter of the report), never an
# insats: a heading whose first word is one of these, or any question, is a topic.
TOPIC_FIRST_WORDS = (
    "syfte", "syftet", "mål", "målet", "målen", "målsättning", "målsättningar", "målgrupp",
    "målgruppen", "målgruppsbeskrivning", "måluppfyllelse", "måluppfyllnad", "bakgrund",
    "resultat", "resultaten", "resultatredovisning", "aktiviteter", "aktivitet", "avslut",
    "avslutade", "avslutsorsak", "avslutsorsaker", "avslutsanledning", "avslutsanledningar",
    "kommentar", "kommentarer", "ekonomi", "ekonomisk", "uppföljning", "deltagare",
    "deltagarna", "deltagarflöde", "deltagarstatistik", "sammanfattning", "summering",
    "sammanställning", "inledning", "metod", "metoder", "arbetssätt", "genomförande",
    "samverkan", "analys", "organisation", "styrelse", "styrelsen", "innehåll",
    "innehållsförteckning", "bilaga", "bilagor", "tabell", "diagram", "figur", "nyckeltal",
    "budget", "kostnader", "kostnad", "personal", "bemanning", "utveckling", "statistik",
    "period", "rapportperiod", "framtid", "slutsats", "slutsatser", "lärdomar", "erfarenheter",
    "utmaningar", "förändringar", "insatser", "insatserna", "kontaktperson", "kontaktuppgifter",
    "uppdrag", "uppdraget", "ändamål", "tabellförteckning", "figurförteckning",
    "bakgrundsvariabler", "projektägare", "insatsägare", "huvudman",
    "uppgiftslämnare", "ansvarig", "projektledare", "anordnare", "fortsättning", "spridning",
    "implementering",
    "implementeringsplan", "horisontella", "övrigt", "noter", "beredningsgrupp", "kansli",
    "förbundet", "förbundets", "ordförande", "verksamhet", "verksamheten", "verksamhetens",
    "kvalitet", "jämställdhet", "tillgänglighet", "antal", "hur", "vart", "vilka", "vad",
    "beskriv", "redovisning", "rapport", "måluppfyllelsen", "målgrupper", "parter", "finansiering",
    "ledning", "styrgrupp", "medlemmar", "revision", "förvaltning", "slutord",
    "väsentliga", "händelser", "revisorernas", "revisionsberättelse", "förvaltningsberättelse",
    "resultaträkning", "balansräkning", "underskrifter", "ordförandens", "förbundschefen",
    "förbundschefens", "inflöde", "utflöde", "flöde", "sammandrag", "ålder",
    "kön", "bakgrundsdata", "upplevelse", "risker", "kartläggning", "lärande", "effekter",
    "allmänt", "förväntad", "förväntade", "förslag", "kansliets", "ekonomiska", "bedömning",
    "ärendet", "beslut", "del", "uppgifter", "tjänsteskrivelse", "kommentarer",
    "om", "grunduppgifter", "basuppgifter", "fakta", "faktaruta", "projektets", "insatsens",
    "insatsernas", "deltagarnas", "deltagarens", "övergripande", "allmänna", "förord",
    "begrepp", "definitioner", "ämne", "hälsning", "hej", "strukturinriktade",
    "strukturövergripande", "individinriktade", "året", "inför", "frågor", "utfall", "tid",
    "ordföranden", "revisorernas", "innehållsförteckning", "ärendebeskrivning", "konsekvenser",
    "yttrande", "sammanträde", "protokoll", "paragraf", "vår", "våra", "vårt",
    "samråd", "handläggare", "perspektiv", "ärende", "översikt", "överblick", "helhetsbild",
    "läget", "läge", "lägesbild",
    "jämförelse", "jämförelser", "kort", "status", "situation", "intäkter", "styrelsens",
    "balanskrav", "balanskravsutredning", "resultatanalys",
    # English headings in Swedish reports
    "highlights", "looking", "key", "outcomes", "outcome", "kpi", "kpier", "summary",
    "background", "results", "learnings", "lessons", "next", "about", "introduction",
)
# Topic words that open insats names too ("Kartläggning" over a part of an insats, but
# "Kartläggning Ny Start", "Samverkan (SAMS)"): a name when a capitalised word or an
# abbreviation in brackets follows.
NAME_OPENING_TOPICS = ("kartläggning", "samverkan", "utveckling", "implementering",
                       "lärande", "metod")
# First words of the headings of a project's own parts, each reported as an insats.
SUB_PROJECT_WORDS = ("delprojekt", "delinsats", "spår", "delområde", "delprojektet")
# Words of a table header that make its numbers amounts of money, never counts of people.
MONEY_WORDS = ("kr", "kronor", "tkr", "mkr", "mnkr", "sek", "belopp", "kostnad", "kostnader",
               "intäkter", "medel", "budget", "budgeten", "förbrukat", "förbrukning")
# First header cells of a table that name its rows' kind, never an insats.
TABLE_HEADER_WORDS = ("matt", "indikator", "indikatorer", "kategori", "variabel", "uppgift",
                      "typ", "parameter", "beskrivning", "omrade", "avser", "siffror", "fraga",
                      "nyckeltal", "matetal", "utfall", "resultat", "orsak", "antal", "andel",
                      "avslutsorsak", "avslutsorsaker", "summa", "totalt", "insats", "insatser",
                      "insatsnamn", "projekt", "verksamhet", "namn")
# First header cells of a table that breaks one insats down by place or unit ("Kommun |
# Deltagare | Kvinnor …" with a row per kommun and a "Totalt" row): only its total counts.
BREAKDOWN_HEADERS = ("kommun", "kommuner", "ort", "orter", "stadsdel", "stadsdelar", "område",
                     "områden", "län", "enhet", "enheter", "kontor", "mottagning", "team",
                     "åldersgrupp", "ålder", "delområde", "geografi")
# Endings of compound topic words: "Jämställdhetsperspektiv", "Barnrättsperspektiv".
TOPIC_ENDINGS = ("perspektiv", "perspektivet", "analys", "konsekvenser")
# Words after a topic that introduce the insats it is about: "Uppföljning av Steget Vidare".
TOPIC_OF = ("av", "för", "inom", "i", "från")
# Words after a report's kind that name whom it is for, not an insats: "Lägesrapport till
# styrelsen", "Rapport inför beredningsgruppens möte".
ADDRESSED_TO = ("till", "inför")
# Line prefixes that only say what kind of line it is: "Fråga: Insatsens namn" / "Svar: Vägen
# In", "Nyckeltal: Nya: 7".
FORM_PREFIXES = ("fråga", "svar", "fråga/svar", "nyckeltal")
# A table header that only says the rows are a form's numbered questions and answers:
# "Nr | Fråga | Svar".
FORM_TABLE_HEADERS = ("nr", "nr.", "#", "fråga", "frågor", "svar", "uppgift", "värde")

# Kinds of report, as named in titles ("Verksamhetsberättelse 2023"): a title line, never an
# insats, and the year beside one is the report's year.
REPORT_KINDS = ("verksamhetsberättelse", "verksamhetsberättelsen", "verksamhetsplan",
                "verksamhetsrapport", "verksamhetsår", "delårsrapport", "årsrapport",
                "årsredovisning", "kvartalsrapport", "slutrapport", "uppföljningsrapport",
                "uppföljning", "redovisning", "projektredovisning", "lägesrapport",
                "halvårsrapport", "tertialrapport", "rapport", "slututvärdering", "utvärdering",
                "halvårsuppföljning", "årsberättelse", "årsberättelsen")

# Form fields whose year is not the report's: case numbers, decisions, dates of writing.
NOT_PERIOD_FIELDS = ("diarienummer", "dnr", "arendenummer", "beslut", "faststalld", "org",
                     "organisationsnummer", "referens", "beslutad", "behandlad", "upprattad",
                     "version", "blankett", "mall", "publicerad", "senast uppdaterad",
                     "uppdaterad", "skapad", "utskriven")
# Title words that make the period on their line one the report compares with ("med
# jämförelse mot halvårsuppföljningen (januari–juni 2023)"), not the one it covers (folded).
COMPARISON_TITLE_WORDS = ("jamforelse", "jamfort", "jamforelsetal", "jamforelseperiod",
                          "motsvarande period", "foregaende ar")
# Ordinal words before a part of a year: "tredje kvartalet 2024", "andra tertialet".
ORDINALS = {"första": 1, "1:a": 1, "andra": 2, "2:a": 2, "tredje": 3, "3:e": 3, "fjärde": 4,
            "4:e": 4}
# Fields that state the day an insats started or is granted until.
START_FIELDS = ("startdatum", "insatsens startdatum", "projektstart", "startades", "start",
                "insatsen startade", "projektet startade")
# A report period given as two fields: "Fr.o.m.: 2024-01-01" and "T.o.m.: 2024-08-31".
PERIOD_FROM_FIELDS = ("fr.o.m.", "fr o m", "från", "från och med", "from", "period från",
                      "rapportperiod från", "startdatum för perioden")
PERIOD_TO_FIELDS = ("t.o.m.", "t o m", "tom", "till", "till och med", "period till",
                    "rapportperiod till", "slutdatum för perioden")
# Kinds of report that cover a project's whole period (its "Projektperiod" is the report's).
FINAL_REPORT_KINDS = ("slutrapport", "slutredovisning", "slutrapportering", "slututvärdering")
# Kinds of report whose title line names one project on the line under it ("SLUTRAPPORT" /
# "BRON").
PROJECT_REPORT_KINDS = ("slutrapport", "projektrapport", "projektredovisning", "utvärdering",
                        "slututvärdering")
# Form fields whose value is the period the report covers ("Rapportperiod: 240401–240630").
REPORT_PERIOD_FIELDS = ("rapportperiod", "redovisningsperiod", "uppföljningsperiod",
                        "rapporten avser perioden", "avser perioden", "tidsperiod för rapporten",
                        "period som rapporten avser", "period som avses")
# A title line that names the one insats a report is about ("Projekt Bryggan").
TITLE_INSATS_WORDS = ("projekt", "projektet", "insats", "insatsen")
# Form labels whose value names the insats. Those with `colon=False` may stand without a
# colon before the name ("Insatsens namn Vägen framåt"); the short ones need ":" or a cell.
NAME_FIELD_LABELS = ("insatsens namn", "insatsnamn", "namn på insatsen", "namn på insats",
                     "projektets namn", "projektnamn", "insatsens benämning", "projekt",
                     "insats")
NAME_FIELD_LABELS_NEED_COLON = ("projekt", "insats")


# ---------------------------------------------------------------- sentence grammar
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = ("p.g.a.", "t.ex.", "bl.a.", "s.k.", "ca.", "m.m.", "dvs.", "osv.", "inkl.",
                 "fr.o.m.", "t.o.m.", "resp.", "ev.", "pga.", "jmf.", "mfl.", "st.", "kl.",
                 "delt.", "avsl.", "arb.", "stud.", "pers.", "inskr.", "sjukskr.", "ack.")
# Words before a number that make it a reference: "Tabell 2 Avslutade deltagare …".
REFERENCE_WORDS = ("tabell", "figur", "bilaga", "diagram", "sida", "sid", "kapitel", "avsnitt",
                   "punkt", "fråga", "§", "bild", "ärende", "paragraf", "rad", "kolumn")
# Words that make a count of people after them a rough one ("cirka 30 personer"), never a
# figure; a share or a time keeps them ("drygt 55 procent", "ca 8 mån").
APPROXIMATE_WORDS = ("cirka", "ca", "ungefär", "drygt", "omkring", "knappt", "närmare", "runt",
                     "uppemot", "nästan")
# Words shortened in terse notes, read as the word: "3 avsl.", "arb. 2", "17 pers. inskr.".
SHORT_FORMS = {"delt": "deltagare", "avsl": "avslutade", "arb": "arbete", "stud": "studier",
               "pers": "personer", "inskr": "inskrivna", "sjukskr": "sjukskrivning",
               "utskr": "utskrivna", "akt": "aktuella",
               # English labels in Swedish reports ("Participants: 38", "Exits: 12"), read as
               # the Swedish word
               "participants": "deltagare", "exits": "avslutade", "exited": "avslutade",
               "exitat": "avslutat", "employment": "arbete", "work": "arbete",
               "studies": "studier", "target": "målet", "average": "genomsnittlig",
               "active": "aktiva", "still": "fortfarande", "enrolled": "inskrivna",
               "new": "nya", "moved": "flytt", "rehab": "rehabilitering"}
# Words no sentence ends with: a wrapped line ending in one goes on with the next even when
# that starts with a number ("… 79 kvinnor och" / "54 män.").
UNFINISHED_WORDS = ("och", "eller", "samt", "av", "till", "med", "på", "för", "varav", "än",
                    "om", "var", "är", "blev", "har", "hade", "totalt", "sammanlagt")
# Tokens that end the clause of a count.
CLAUSE_BREAKS = {",", ";", "och", "samt", "varav", "(", ")", ":", "men", "medan", "vilket", "–",
                 "•", "·", "▪", "-", "*"}
# What a clause with a count ("#") says it counts, tried in this order.
PREDICATES = {
    "still_enrolled": r"(fortfarande|fortsatt) (inskriv|aktuell|aktiv)",
    "participants_new": (
        r"(^| )(# )?nya (#|deltagare|personer|individer)|# nya|nyinskriv|nyantag|nytillkom"
        r"|skrivits in|skrevs in|skrivit in|skrivs in|skrevs # (\w+ )?in\b|inskrivningar"
        r"|\bstartat\b|\btillkommit\b|\btillkom\b|\bantagits\b"
        r"|# (\w+ )?(på)?började (under|i (insatsen|projektet|gruppen)|insatsen|projektet)\b"
        r"|(på)?börja(t|de) (i )?(insatsen|projektet)"),
    "participants_ended": (
        r"\bavslut(at|ats|ade|ades)\b|(är|var|blivit) avslutad\b|\bslutat\b"
        r"|\bavbrutit\b|\bavbröt\b|\blämna(de|t) (insatsen|projektet|verksamheten)"
        r"|\b(har|hade) lämnat\b(?! (in|över|synpunkter|förslag|uppgifter)\b)"
        r"|skrivits ut|skrevs ut|skrivit ut|utskrivna|utskrivits|# avslut\b"),
    "participants_ongoing": (
        r"pågående|# pågår\b|\bkvar\b|\bkvarst(år|od)\b|oavslutad"
        r"|(fortfarande|fortsatt) (inskriv|aktuell|aktiv)"
        r"|(inskrivna|aktuella|aktiva) (\w+ )?vid|(inskrivna|aktuella|aktiva) (\w+ )?(per|den) \d"
        r"|(inskrivna|aktuella|aktiva) \d{1,2}(/\d{1,2}\b| [a-z]{3})"
        r"|vid (periodens|årets|kvartalets|månadens|projektets) (slut|utgång)"
        r"|vid (\w*års|kvartals|månads)skiftet|vid utgången av"
        r"|\bär (det )?(?:[#\w]+ )*?inskrivna"),
    "participants": (
        r"inskriv|deltagit|\bdeltar\b|\bdeltog\b|\b(haft|hade) (\w+ ){0,4}#|registrer|fått ta del"
        r"|\bmedverka(t|de|r)\b"
        r"|\bantal(et)? (\w+ )?(deltagare|personer|individer|unga) ((var|är|blev) )?#"
        r"|\baktuella\b|\baktiva\b|tagit del|haft kontakt med|fått stöd"
        r"|könsfördelning|\bunika\b|omfattats|# aktiva\b|^ ?av (våra )?# \w+ (var|har)"
        r"|# (deltagare|personer) totalt\s*(,|$|varav|enligt|\(|\.)"
        r"|# (deltagare|personer|individer) under (året|perioden|kvartalet|tertialet|halvåret)"
        r"|\bomfatta(t|de|r) (\w+ ){0,3}#|\b(mött|mötte|träffat|träffade) (\w+ ){0,3}# "),
}
# Words that open a new clause after a comma.
CLAUSE_CONJUNCTIONS = ("vilket", "men", "medan", "där", "då", "eftersom", "som")
# Verbs (and a few particles) that may follow a count as its predicate.
VERBS = {"har", "hade", "gick", "gått", "är", "var", "blev", "blivit", "fick", "fått", "skrevs",
         "skrivits", "avslutades", "avslutats", "avslutat", "slutade", "slutat", "till", "av",
         "varit", "ligger", "deltog", "deltar", "började", "kom", "lämnade", "flyttade",
         "flyttat", "återgick", "påbörjade", "fortsatt", "fortsatte", "valde", "avbröt"}
# Sub-headings under which a percentage is a goal.
GOAL_HEADINGS = ("mål", "målet", "mål och syfte", "syfte och mål", "målsättning", "mål:",
                 "förväntade resultat", "projektets mål", "delmål", "effektmål")
# A sentence about participants who ended: a start verb there names where they went.
ENDED_PATTERN = r"avslut|utskriv|\bslutat|\bslutade|\blämna|\bvart (tog|gick|har)"
# Words around a list of outcomes without verbs ("Avslutsorsaker: Arbete 6, Studier 3").
OUTCOME_LIST_CONTEXT = r"avslut|orsak|utfall|utskriv|gått vidare|gick vidare|fördela|lämna"
# Tokens that end one item of an inline list.
ITEM_BREAKS = (",", ":", ";", "-", "•", "·", "–", "och")
# Words that say what a count is of on their own ("Nyinskrivna under 2023 var 11").
COUNTED_WORDS = ("nyinskrivna", "inskrivna", "avslutade", "aktuella", "utskrivna", "deltagarna")
# Words that open an ordinary sentence, never a name: "Det här är …", "Under året har …".
SENTENCE_STARTERS = frozenset((
    "det", "den", "de", "detta", "dessa", "vi", "jag", "man", "han", "hon", "under", "av", "i",
    "efter", "for", "fran", "sedan", "sammanlagt", "totalt", "forbundet", "styrelsen",
    "samordningsforbundet", "malet", "budgeten", "insatsen", "insatserna", "projektet",
    "varen", "hosten", "aret", "alla", "flera", "manga", "nagra", "inom", "genom", "nar",
    "som", "har", "ar", "antalet", "andelen", "deltagarna", "verksamheten", "kansliet"))
# Fields that open a box of facts under an insats' name ("Steg In" / "Huvudman: …").
FACT_BOX_LABELS = ("huvudman", "syfte", "målgrupp", "insatsägare", "projektägare", "ägare",
                   "kontaktperson", "ansvarig", "projektperiod", "insatsperiod", "bemanning",
                   "utförare", "anordnare", "startår", "startdatum", "start")
