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
)
