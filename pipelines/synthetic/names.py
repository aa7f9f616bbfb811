"""Built-in förbund and insats names for synthetic registers.

Used for the extra förbund (`finsam generate --forbund N`) and whenever
`../shared/gold` is not there to lend the names of real reports.
"""

from __future__ import annotations

FORBUND_NAMES: tuple[str, ...] = (
    "Samordningsförbundet Centrala Östergötland",
    "Samordningsförbundet Göteborg Hisingen",
    "Finsam Lund",
    "Samordningsförbundet Västra Mälardalen",
    "Samordningsförbundet Norra Bohuslän",
    "Samordningsförbundet Uppsala län",
    "Samordningsförbundet Södra Vätterbygden",
    "Finsam Gotland",
    "Samordningsförbundet Haninge, Nynäshamn och Tyresö",
    "Samordningsförbundet Umeå",
)

# Places for composed names once the built-in ones run out (--preset national needs ~80).
PLACES: tuple[str, ...] = (
    "Alingsås", "Arvika", "Borås", "Eskilstuna", "Falun", "Gävle", "Halmstad", "Hudiksvall",
    "Härnösand", "Jönköping", "Kalmar", "Karlskrona", "Karlstad", "Kiruna", "Kristianstad",
    "Kungsbacka", "Köping", "Landskrona", "Lidköping", "Linköping", "Luleå", "Malmö",
    "Mora", "Motala", "Norrköping", "Norrtälje", "Nyköping", "Piteå", "Sandviken",
    "Skellefteå", "Skövde", "Sollefteå", "Sundsvall", "Södertälje", "Trelleborg",
    "Uddevalla", "Varberg", "Visby", "Vänersborg", "Västervik", "Västerås", "Växjö",
    "Ystad", "Ängelholm", "Örebro", "Örnsköldsvik", "Östersund", "Enköping", "Kumla", "Ludvika",
)


def forbund_names(count: int, taken: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """`count` distinct förbund names not in `taken`: the built-in ones, then composed ones.

    Composed names are `Samordningsförbundet <place>`, then `… <place> och <place>`; a count
    beyond what these can make is refused with a clear message.
    """
    singles = [f"Samordningsförbundet {p}" for p in PLACES]
    pairs = [f"Samordningsförbundet {a} och {b}" for i, a in enumerate(PLACES)
             for b in PLACES[i + 1:]]
    names = [n for n in (*FORBUND_NAMES, *singles, *pairs) if n not in taken]
    if count > len(names):
        raise ValueError(f"cannot name {count} förbund: at most {len(names)} names can be "
                         "composed from the built-in places")
    return names[:count]


INSATS_NAMES: tuple[str, ...] = (
    "Steg till arbete",
    "Unga vuxna i fokus",
    "Arbetsträning Väst",
    "Hälsosteget",
    "Vägen vidare",
    "Individuellt stöd IPS",
    "Språk och praktik",
    "Trappan",
    "Aktivitetshuset",
    "Nya möjligheter",
    "Samverkansteam",
    "Kompassen",
    "Jobbverkstaden",
    "Motivationslotsen",
    "Hälsa och arbete",
    "Brobyggarna",
    "Framtidsspåret",
    "Arbetslivsintroduktion",
)
