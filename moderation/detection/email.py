"""E-mail detector: plain addresses and the ways people write them to dodge filters
("name [at] gmail [dot] com", "at the rate", "arobase", "my gmail is priya1980").

Must not catch prose with "at" and "dot" in it, forum "@mentions", or a provider named in
passing ("my gmail is full"); see :func:`find_emails`.  (The module is
``moderation.detection.email``: imports are absolute, so it never stands in for the
standard library's ``email``.)
"""

from __future__ import annotations

import re

from . import fastre
from .findings import RawFinding, chain_before
from .types import CONTACT

_TLDS = (
    r"com|net|org|info|biz|edu|gov|co|in|uk|us|ca|au|nz|za|de|fr|ie|pk|io|me|ru|cn|jp|"
    r"it|es|nl|be|ch|at|se|no|dk|fi|pl|br|mx|ae|sg|my|ph|ng|ke|online|site|shop|store|xyz|"
    r"pt|sa|gh"
)
_AT_WORD = (
    r"(?:\s*[\[\(\{<]\s*(?:at|@)\s*[\]\)\}>]\s*|\s+at\s+|\s+@\s+|\s*\(@\)\s*|"
    r"\s*-\s*at\s*-\s*|\s*_at_\s*|\s+at\s+the\s+rate(?:\s+of)?\s+|\s*@\s*the\s+rate\s+|"
    # French "arobase", Spanish and Portuguese "arroba".
    r"\s+arobase\s+|\s+arroba\s+|\s*[\[\(]\s*(?:arobase|arroba|at\s+the\s+rate)\s*[\]\)]\s*)"
)
_DOT_WORD = (
    r"(?:\s*[\[\(\{<]\s*(?:dot|\.|punt|punkt|point|punto|ponto)\s*[\]\)\}>]\s*|\s+dot\s+|"
    r"\s*\.\s*|\s*-\s*dot\s*-\s*|\s+(?:point|punto|ponto)\s+|"
    r"\s*_dot_\s*)"
)
_LOCAL = r"[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_PROVIDERS = (
    r"gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|rediffmail|rediff|protonmail|"
    r"proton|icloud|aol|gmx|mail|zoho|yandex"
)

_EMAIL_PLAIN = fastre.compile(rf"{_LOCAL}@{_LABEL}(?:\.{_LABEL}){{0,4}}\.[A-Za-z]{{2,24}}\b")
_EMAIL_OBFUSCATED = fastre.compile(
    rf"({_LOCAL}){_AT_WORD}({_LABEL}(?:{_DOT_WORD}{_LABEL}){{0,3}})"
    rf"{_DOT_WORD}(?:{_TLDS})\b",
    True,
)
_EMAIL_PROVIDER_ONLY = fastre.compile(
    rf"({_LOCAL})(?:\s*@\s*|{_AT_WORD})(?:{_PROVIDERS})\b",
    True,
)
_EMAIL_CONTEXT = re.compile(
    r"\b(?:e-?mail|mail|write|contact|reach|message|msg|address|id|correo|escr[ií]b\w*|escreva|"
    r"contacto|contato|courriel|[ée]crivez|ईमेल|ای\s?میل|إيميل|الإيميل|البريد)\b",
    re.IGNORECASE,
)
_BRACKETED = re.compile(
    r"[\[\(\{<]\s*(?:at|@|arobase|arroba)\s*[\]\)\}>]|\barobase\b|\barroba\b|"
    r"\bat\s+the\s+rate\b|@\s*the\s+rate",
    re.IGNORECASE,
)
_SPELLED_POINT = re.compile(r"\s(?:point|punto|ponto)\s")
_STOP_LOCAL = frozenset(
    [
        "i",
        "me",
        "we",
        "you",
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "us",
        "look",
        "looking",
        "be",
        "is",
        "was",
        "am",
        "are",
        "been",
        "and",
        "or",
        "but",
        "not",
        "the",
        "a",
        "an",
        "this",
        "that",
        "there",
        "here",
        "come",
        "came",
        "go",
        "went",
        "going",
        "get",
        "got",
        "arrive",
        "arrived",
        "stay",
        "stayed",
        "live",
        "lived",
        "work",
        "worked",
        "left",
        "born",
        "diagnosed",
        "seen",
        "treated",
        "good",
        "bad",
        "best",
        "worst",
        "well",
        "once",
        "only",
        "all",
        "one",
        "two",
        "three",
        "time",
        "home",
        "night",
        "first",
        "last",
    ]
)


def _iter_restarting(regex, text: str):
    """Like ``finditer``, but after each match resume just past its first word, so that
    "reach me at rita-AT-example-DOT-in" is not hidden by the rejected reading "me at ..."."""
    pos = 0
    while pos < len(text):
        m = regex.search(text, pos)
        if m is None:
            return
        yield m
        nxt = m.end(1) if m.end(1) > m.start() else m.end()
        pos = max(nxt, m.start() + 1)


_DOT_SPACE = re.compile(r"\.\s")
_SPELLED_DOT = re.compile(r"dot|point|[\[\(\{<]", re.IGNORECASE)
_CODE_BEFORE = re.compile(r"\b(?:code|coupon|voucher|promo)\W*$", re.IGNORECASE)
_PROVIDER_RE = re.compile(rf"^(?:{_PROVIDERS})$", re.IGNORECASE)
_MAILBOX_CONTEXT = re.compile(
    r"\b(?:e-?mail(?:ed|ing)?|mail|inbox|write\s+to|address)\b[^.!?\n]{0,25}$", re.IGNORECASE
)


def _looks_like_spelled_email(m, text: str) -> bool:
    """ "name at host.tld" is also how people write "order at www.shop.com" or "passed away in
    2019 at 81. In ...": with "at" spelled out and the domain written with real dots, keep it
    only if the domain is a mail provider, the name looks like a mailbox ("rita_k", "j.b",
    "mary54") or the words just before speak of e-mail.  "name at host dot tld" is kept."""
    if _SPELLED_DOT.search(text[m.end(1) : m.end()]):
        return True
    if _DOT_SPACE.search(text[m.start(2) : m.end()]):
        return False  # "81. In": a sentence end, not a domain
    local = m.group(1)
    if local.isdigit() or _CODE_BEFORE.search(text[max(0, m.start() - 25) : m.start()]):
        return False  # "in 2019 at 81", "use code SAVE10 at shop.com"
    if _PROVIDER_RE.match(m.group(2).split(".", 1)[0]):
        return True
    if any(c.isdigit() or c in "._-+" for c in local):
        return True
    return bool(_MAILBOX_CONTEXT.search(text[max(0, m.start() - 40) : m.start()]))


# "my gmail is priyasharma1980", "yahoo id: rama_k": the provider named, then the mailbox.
_NAMED_PROVIDERS = _PROVIDERS.replace("|live|", "|")
_PROVIDER_NAMED = fastre.compile(
    rf"\b(?:{_NAMED_PROVIDERS})(?:\s+(?:id|address|account))?\s*(?:is|:|-)\s*"
    r"([A-Za-z][A-Za-z0-9._]{3,40})\b",
    True,
)


def find_emails(text: str) -> list[RawFinding]:
    """Email addresses, plain or obfuscated ("name [at] gmail [dot] com", "name at gmail"),
    including other conventions for the symbols: Indian "at the rate", French "arobase ...
    point fr", Dutch/German "[punt]"/"[punkt]", and "my gmail is priya1980".

    Must not catch: "look at this dot" prose; a spelled-out "at" needs a known provider,
    a TLD after "dot", and a local part that is not an ordinary word like "me" or "look".
    Forum "@mentions" are not emails (no domain); "my gmail is full" is not a mailbox (a
    mailbox named after the provider must hold a digit, "." or "_").
    """
    low = text.lower()
    provider = _PROVIDER_WORD.search(text) is not None
    if (
        "@" not in text
        and "at" not in low
        and "arobase" not in low
        and "arroba" not in low
        and not provider
    ):
        return []
    out: list[RawFinding] = []
    taken: list[tuple[int, int]] = []
    for m in _EMAIL_PLAIN.finditer(text) if "@" in text else ():
        if fastre.preceded_by(text, m.start(), ".@+-"):
            continue
        out.append(
            RawFinding(CONTACT, "email", m.start(), m.end(), 0.97, "contact.email", "email address")
        )
        taken.append(m.span())
    for regex, base in ((_EMAIL_OBFUSCATED, 0.92), (_EMAIL_PROVIDER_ONLY, 0.85)):
        for m in _iter_restarting(regex, text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if fastre.preceded_by(text, m.start(), ".@+-"):
                continue
            # "name at gmail" with no TLD must not be the start of "gmail.com" we missed.
            if regex is _EMAIL_PROVIDER_ONLY and fastre.followed_by(text, m.end(), "."):
                continue
            local = m.group(1)
            spelled = "@" not in m.group() and not _BRACKETED.search(m.group())
            if spelled and local.lower() in _STOP_LOCAL:
                continue
            if spelled and regex is _EMAIL_OBFUSCATED and not _looks_like_spelled_email(m, text):
                continue
            # "calcium at 2 point 4": French "point" (Spanish "punto", Portuguese "ponto") for
            # a dot only with "arobase" or "arroba", or words about e-mail before it.
            found = m.group().lower()
            if (
                _SPELLED_POINT.search(found)
                and "arobase" not in found
                and "arroba" not in found
                and not _EMAIL_CONTEXT.search(text[max(0, m.start() - 40) : m.start()])
            ):
                continue
            score = base
            if spelled and not _EMAIL_CONTEXT.search(text[max(0, m.start() - 40) : m.start()]):
                score -= 0.1
            out.append(
                RawFinding(
                    CONTACT,
                    "email",
                    m.start(),
                    m.end(),
                    score,
                    "contact.email",
                    "email address, written to dodge filters",
                )
            )
            taken.append(m.span())
    for m in _PROVIDER_NAMED.finditer(text) if provider else ():
        local = m.group(1).rstrip(".")
        if any(s < m.end() and m.start() < e for s, e in taken) or not any(
            c.isdigit() or c in "._" for c in local
        ):
            continue  # "my gmail is full": a mailbox name holds a digit, "." or "_"
        out.append(
            RawFinding(
                CONTACT,
                "email",
                m.start(),
                m.start(1) + len(local),
                0.8,
                "contact.email",
                "email address, given as a mailbox at a named provider",
            )
        )
    return [_widen_email(text, f) for f in out]


# The parts of an address on either side of what the patterns above anchor on, so that a
# redaction covers all of it: "rosa dot maria at gmail dot com" is anchored on "maria at
# gmail dot com", "h e l e n at gmail dot c o m" ends its TLD in spaced letters, and "name at
# gmail" may be followed by a spelled-out ending.
_SPELLED_SEP = (
    r"(?:\s*[\[\(\{<]\s*(?:dot|underscore|under\s?score|dash|hyphen|\.|_|-)\s*[\]\)\}>]\s*|"
    r"\s+(?:dot|underscore|under\s?score|dash|hyphen|point|punkt|punt|punto|ponto)\s+|"
    r"\s*-\s*(?:dot|underscore|dash)\s*-\s*|\s*_(?:dot|underscore|dash)_\s*|"
    r"[ \t]\.[ \t])"
)
_SEP_BEFORE = re.compile(rf"{_SPELLED_SEP}$", re.IGNORECASE)
_LOCAL_TOKEN_BEFORE = re.compile(r"(?<![\w.@+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}$")


# A dot before the ending: a real one with nothing around it, or one spelled out.
_TAIL_DOT = (
    r"(?:\.|\s*[\[\(\{<]\s*(?:dot|\.|punt|punkt|point|punto|ponto)\s*[\]\)\}>]\s*|\s+dot\s+|"
    r"\s*-\s*dot\s*-\s*|\s*_dot_\s*|[ \t]\.[ \t])"
)
# The ending: a word ("com") or letters typed one by one ("c o m").
_EMAIL_TAIL = re.compile(rf"{_TAIL_DOT}(?:([a-z]{{2,6}})\b|([a-z](?:[ \t][a-z]){{1,5}})\b)", re.I)
_TLD_SET = frozenset(_TLDS.split("|"))


def _ending_end(tail: re.Match) -> int | None:
    """Where the ending matched by ``_EMAIL_TAIL`` stops, if it is one ("c o m a friend"
    stops after the "m"); None when it is no known ending."""
    if tail.group(1):
        return tail.end() if tail.group(1).lower() in _TLD_SET else None
    letters = tail.group(2)
    for size in range(len(letters), 1, -2):
        if letters[:size].replace(" ", "").replace("\t", "").lower() in _TLD_SET:
            return tail.start(2) + size
    return None


def _widen_email(text: str, f: RawFinding) -> RawFinding:
    start, end = f.start, f.end
    before = chain_before(text, start, _SEP_BEFORE, _LOCAL_TOKEN_BEFORE)
    if before < start:
        first = text[before:start].split(None, 1)[0].lower()
        if first.strip("([{<") not in _STOP_LOCAL:
            start = before
    while True:
        tail = _EMAIL_TAIL.match(text, end)
        if tail is None:
            break
        ending_end = _ending_end(tail)
        if ending_end is None:
            break
        # A real dot then a space is a sentence end ("...@gmail.com. In June"), not an ending.
        if tail.group().startswith(".") and text[end + 1 : end + 2].isspace():
            break
        end = ending_end
    if (start, end) == (f.start, f.end):
        return f
    return f._replace(start=start, end=end)


_PROVIDER_WORD = fastre.compile(rf"\b(?:{_NAMED_PROVIDERS})\b")
