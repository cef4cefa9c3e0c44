"""Website detector: "www.cure-calcinosis.com", "https://...", "cure-calcinosis dot com",
bare domains under shop and country endings.

Must not catch abbreviations ("e.g.", "Dr.P.Krishna"), reputable health sources cited for
information (:data:`_TRUSTED`), or messaging links, which :mod:`.handle` reports; see
:func:`find_urls`.
"""

from __future__ import annotations

import re

from . import fastre
from .findings import RawFinding, chain_before
from .types import CONTACT

_URL_TLDS = (
    r"com|net|org|info|biz|co\.uk|org\.uk|co\.in|co\.nz|com\.au|co\.za|in|uk|us|ca|au|nz|"
    r"za|de|fr|ie|pk|io|me|shop|store|online|site|health|clinic|care|xyz|club|life|live|"
    r"today|website|world|co|ng|ke|lk|gh|sg|ae|eu|ly|tz|ug|shop|health"
)
_URL = fastre.compile(
    r"\b(?:https?://|www\.)[^\s<>\"'`]{2,300}|"
    rf"(?:[a-z0-9](?:[a-z0-9\-]{{0,61}}[a-z0-9])?\.){{1,4}}(?:{_URL_TLDS})"
    r"\b(?:/[^\s<>\"'`]{0,200})?|"
    rf"[a-z0-9](?:[a-z0-9\-]{{0,61}}[a-z0-9])?\s*(?:\(dot\)|\[dot\]|\s+dot\s+)\s*"
    rf"(?:{_URL_TLDS})\b|"
    # "lumpfree . com": a spaced dot, only before the commonest shop endings.
    r"[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?[ \t]\.[ \t](?:com|net|org|co\.uk|com\.au|co\.za|"
    r"co\.in|shop|store|online)\b",
    True,
)
_TRAILING = ".,;:!?)]}'\""
# Reputable sources people cite for information; linking them is not advertising.
_TRUSTED = re.compile(
    r"(?:^|[./])(?:nih\.gov|ncbi\.nlm\.nih\.gov|pubmed|clinicaltrials\.gov|nhs\.uk|who\.int|"
    r"cdc\.gov|mayoclinic\.org|clevelandclinic\.org|hopkinsmedicine\.org|scleroderma\.org|"
    r"sclerodermauk\.org|sclero\.org|srfcure\.org|dermnetnz\.org|sruk\.co\.uk|versusarthritis\.org|arthritis\.org|rheumatology\.org|"
    r"aad\.org|dermnetnz\.org|medlineplus\.gov|cochranelibrary\.com|cochrane\.org|"
    r"wikipedia\.org|bmj\.com|nejm\.org|thelancet\.com|nature\.com|sciencedirect\.com|"
    r"doi\.org|rarediseases\.org|rarediseases\.info\.nih\.gov|gov|gov\.uk|nhs\.net|edu|"
    r"ac\.uk)(?:[/:?#]|$)",
    re.IGNORECASE,
)
_NOT_DOMAIN = re.compile(r"^(?:e\.g|i\.e|a\.m|p\.m|vs|etc|no|dr|mr|mrs|ms|st)\.", re.I)
_HANDLE_LINK = re.compile(
    r"(?:t\.me|telegram\.me|wa\.me|instagram\.com|facebook\.com|fb\.com|fb\.me|twitter\.com|"
    r"x\.com|tiktok\.com|youtube\.com/@|m\.me)/",
    re.IGNORECASE,
)


_FUNDRAISER = re.compile(
    r"\b(?:sponsor(?:ship)?\s+(?:page|me|link)|fundrais\w*|donat\w*|justgiving|gofundme|"
    r"charity\s+(?:page|site|run|walk)|appeal\s+page)",
    re.IGNORECASE,
)


def find_urls(text: str) -> list[RawFinding]:
    """Websites: "www.cure-calcinosis.com", "https://...", "cure-calcinosis dot com", bare
    domains under country endings ("cure4you.ng", "ayurheal.lk") and a spaced dot before a
    common shop ending ("lumpfree . com").

    Must not catch: abbreviations ("e.g.", "Dr.P.Krishna"), reputable health sources
    (NIH, NHS, PubMed, .gov, .edu, charities), or messaging links (reported as handles).
    """
    if "." not in text and "dot" not in text.lower():
        return []
    out: list[RawFinding] = []
    for m in _URL.finditer(text):
        start, end = m.start(), m.end()
        if fastre.preceded_by(text, start, "@.-"):
            continue
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        url = text[start:end]
        if len(url) < 4 or _NOT_DOMAIN.match(url):
            continue
        bare = url.split("://", 1)[-1]
        host = bare.split("/", 1)[0]
        if _TRUSTED.search(host) or _HANDLE_LINK.match(bare.removeprefix("www.")):
            continue
        if _FUNDRAISER.search(text[max(0, start - 60) : start]) or _FUNDRAISER.search(host):
            continue  # a sponsor or fundraising page: giving, not selling
        explicit = url.lower().startswith(("http", "www."))
        score = 0.93 if explicit else 0.8
        start, end = _widen_url(text, start, end)
        out.append(
            RawFinding(
                CONTACT,
                "url",
                start,
                end,
                score,
                "contact.url",
                f"website address ({host.lower()})",
            )
        )
    return out


# What the pattern leaves on either side of a disguised address: "http colon slash slash",
# "www dot" and spelled-dot labels before it; more spelled-dot endings ("dot co dot uk") and
# a path ("slash order", "/shop") after it.  A redaction must cover them too.
_URL_SPELLED_DOT = r"(?:\s+dot\s+|\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*|\s*-dot-\s*|[ \t]\.[ \t])"
_URL_SEP_BEFORE = re.compile(rf"{_URL_SPELLED_DOT}$", re.IGNORECASE)
_LABEL_BEFORE = re.compile(r"(?<![\w.@\-])[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$", re.I)
_SCHEME_BEFORE = re.compile(
    r"(?<![\w.@\-])(?:h[ \t]?t[ \t]?t[ \t]?p[ \t]?s?\s*(?::|colon)\s*"
    r"(?:/\s*/|(?:forward\s+)?slash\s+(?:forward\s+)?slash)\s*)?"
    # After an explicit "www", words split by a space belong to the name: "w w w . herb cure".
    rf"w[ \t]?w[ \t]?w(?:\.|{_URL_SPELLED_DOT})(?:[a-z0-9\-]{{1,30}}[ \t]+){{0,2}}$|"
    r"(?<![\w.@\-])h[ \t]?t[ \t]?t[ \t]?p[ \t]?s?\s*(?::|colon)\s*"
    r"(?:/\s*/|(?:forward\s+)?slash\s+(?:forward\s+)?slash)\s*$",
    re.IGNORECASE,
)
_URL_TAIL = re.compile(
    rf"(?:(?:\.|{_URL_SPELLED_DOT})(?:{_URL_TLDS})\b(?!\.\w))?"
    r"(?:/[^\s<>\"'`]{1,200}|\s+slash\s+[\w\-.~%]{1,60}(?:\s+slash\s+[\w\-.~%]{1,60}){0,4})?",
    re.IGNORECASE,
)


def _widen_url(text: str, start: int, end: int) -> tuple[int, int]:
    start = chain_before(text, start, _URL_SEP_BEFORE, _LABEL_BEFORE)
    scheme = _SCHEME_BEFORE.search(text, max(0, start - 80), start)
    if scheme is not None:
        start = scheme.start()
    for _ in range(8):
        tail = _URL_TAIL.match(text, end)
        if tail is None:
            break
        new_end = tail.end()
        while new_end > end and text[new_end - 1] in _TRAILING:
            new_end -= 1
        if new_end <= end:
            break
        end = new_end
    return start, end
