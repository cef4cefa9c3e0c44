"""Messaging-handle detector: WhatsApp, Telegram, Instagram and other accounts offered for
contact ("WhatsApp: cure_lady", "t.me/healer", "follow me @joy.herbs", a messenger named
next to a phone number, a Facebook name to look up).

Must not catch forum "@Liz" replies or prose about a platform ("there is a Facebook group
for us"); see :func:`find_handles`.
"""

from __future__ import annotations

import re

from . import fastre
from .findings import RawFinding
from .types import CONTACT


def _handle_finding(start: int, end: int, score: float, explanation: str) -> RawFinding:
    return RawFinding(CONTACT, "handle", start, end, score, "contact.handle", explanation)


_PLATFORM = (
    r"whats\s?app|telegram|signal|skype|instagram|insta|ig|facebook|fb|messenger|twitter|"
    r"tiktok|tik\s?tok|snapchat|snap|wechat|viber|kik|discord|threads|youtube|tg"
)
_HANDLE_TOKEN = r"[A-Za-z_][A-Za-z0-9_.]{2,29}"
_HANDLE_AFTER_PLATFORM = fastre.compile(
    rf"\b(?P<platform>{_PLATFORM})\s*(?:,\s*)?(?:id|handle|user\s?name|username|name|account|acc|"
    r"page|profile)?\s*(?:is|:|-|=|@|at|as|on)?\s*"
    rf"(?P<handle>@[A-Za-z0-9_][A-Za-z0-9_.]{{1,29}}|live:[A-Za-z0-9_.\-]{{2,40}}|"
    rf"{_HANDLE_TOKEN})",
    True,
)
_AT_HANDLE = fastre.compile(r"@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}")
_AT_HANDLE_CONTEXT_BEFORE = re.compile(
    rf"\b(?:follow|dm|pm|message|msg|find|add|contact|reach|ping|text|chat|{_PLATFORM})\b"
    r"[^.!?\n]{0,30}$",
    re.IGNORECASE,
)
_AT_HANDLE_CONTEXT_AFTER = re.compile(rf"^\s*(?:on|at|via)\s+(?:{_PLATFORM})\b", re.IGNORECASE)
_HANDLE_LINK_FULL = fastre.compile(
    r"(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|wa\.me|instagram\.com|facebook\.com|"
    r"fb\.com|fb\.me|m\.me|twitter\.com|x\.com|tiktok\.com)/@?[A-Za-z0-9_.+]{2,50}",
    True,
)
_LINK_HOSTS = (
    "t.me/",
    "telegram.me/",
    "wa.me/",
    "instagram.com/",
    "facebook.com/",
    "fb.com/",
    "fb.me/",
    "m.me/",
    "twitter.com/",
    "x.com/",
    "tiktok.com/",
)
_HANDLE_STOP = frozenset(
    [
        "group",
        "groups",
        "page",
        "pages",
        "and",
        "or",
        "the",
        "a",
        "an",
        "to",
        "for",
        "me",
        "us",
        "him",
        "her",
        "them",
        "you",
        "i",
        "is",
        "was",
        "it",
        "with",
        "about",
        "too",
        "also",
        "chat",
        "chats",
        "video",
        "call",
        "calls",
        "message",
        "messages",
        "support",
        "community",
        "forum",
        "people",
        "someone",
        "anyone",
        "everyone",
        "there",
        "here",
        "this",
        "that",
        "my",
        "your",
        "our",
        "his",
        "their",
        "app",
        "account",
        "status",
        "story",
        "stories",
        "post",
        "posts",
        "photo",
        "photos",
    ]
)


# "zap" is what Brazilians call WhatsApp.
_MESSENGER = r"whats\s?app|signal|viber|telegram|wechat|imo|zap(?:zap)?"
# WhatsApp written in Arabic, Urdu and Hindi ("واتساب", "واٹس ایپ", "व्हाट्सएप"), and the words
# that join it to the number there ("नंबर", "کریں", "على").  Without word boundaries: RE2's
# ``\b`` knows only ASCII letters.
_MESSENGER_NATIVE = r"واتساب|واتس\s?[اآ]ب|واٹس\s?ای?پ|व्हाट्सए?ऐ?प|व्हॉट्सएप"
_NATIVE_JOIN = r"नंबर|करें|कीजिए|पर|کریں|پر|نمبر|على|علي|رقم|الرقم|عبر"
_NUMBER = r"\+?\(?\d[\d \-().]{5,22}\d"
# "WhatsApp me on 0412 555 019", "my viber is +61 412 555 019", "0412 555 019 (WhatsApp)",
# "WhatsApp karein +91 ...", "Zap: (38) 9 ...", "واتساب: ...": a messenger account is a phone
# number, so the pair is a handle.
_MESSENGER_NUMBER = fastre.compile(
    rf"(?:\b(?i:{_MESSENGER})\b|{_MESSENGER_NATIVE})(?:\s*(?i:me|us|him|her|only|number|no|"
    rf"num|is|on|at|via|or\s+call|/\s*call|&\s*call|and\s+call|karein|karen|karo|kare|"
    rf"kijiye|pe|par|para|pra|al|n[uú]mero)\b|\s*(?:{_NATIVE_JOIN})|\s*[:.#\-]){{0,4}}"
    rf"\s*({_NUMBER})"
    rf"|({_NUMBER})\s*[(\[,\-]?\s*(?i:on\s+|via\s+|pe\s+|par\s+|पर\s+|پر\s+)?"
    rf"(?:(?i:{_MESSENGER})\b|{_MESSENGER_NATIVE})"
)
# "Skype me at 'nana.june.58'", "telegram me at jo_b22" (quoted or handle-shaped).
_PLATFORM_ME = fastre.compile(
    r"\b(?i:skype|telegram|signal|instagram|insta|snapchat|snap|discord|kik|wechat|tiktok)"
    r"\s+(?i:me)\s+(?i:at|on|@)?\s*([\"'\x{201c}]?)([A-Za-z0-9_][A-Za-z0-9_.\-]{2,40})"
    r"([\"'\x{201d}]?)"
)
_NAME = r"[A-Z][\w'\-]{1,25}(?:[ \t][A-Z][\w'\-]{1,25}){1,2}"
_SOCIAL = r"facebook|fb|instagram|insta|linkedin"
_SOCIAL_AS = rf"(?:{_SOCIAL})(?:\s+messenger)?"
# "message me on Facebook, Jo Bloggs", "find me on FB as Jo Bloggs", "I'm Jo Bloggs on FB".
_NAME_ON_SOCIAL = fastre.compile(
    rf"\b(?i:find|add|message|msg|contact|follow|search\s+for|dm|pm|friend|inbox)\s+(?i:me)\s+"
    rf"(?i:on|at)\s+(?i:{_SOCIAL_AS})\b\s*(?:,|:|-|(?i:as|under))?\s*"
    r"(?:(?i:my\s+name\s+(?:there\s+|on\s+(?:there|it)\s+)?is|i'?m|i\s+am)\s+)?"
    rf"({_NAME})"
    rf"|\b(?i:on)\s+(?i:{_SOCIAL})\s+(?i:as|under)\s+({_NAME})"
    rf"|\b(?:I'?m|I\s+am|[Mm]y\s+name\s+is)\s+({_NAME})\s+(?i:on)\s+(?i:{_SOCIAL})\b"
)


# "search for healing_with_asha on instagram", "look up @joy.herbs on tiktok".
_SEARCH_ON = fastre.compile(
    r"\b(?:search|look)\s+(?:for\s+|up\s+)?(@?[A-Za-z0-9_][A-Za-z0-9_.]{2,29})\s+on\s+"
    r"(?:instagram|insta|ig|tiktok|telegram|youtube|twitter|snapchat)\b",
    True,
)

MESSENGER_NUMBER = "messaging account given by phone number"
_SPACES = re.compile(r"\s+")
_EXPLICIT_HANDLE = re.compile(r"\b(?:id|handle|user\s?name|username)\b|[:=]")

# How a platform is named to a moderator ("ig" and "fb" are what users type, not names).
_PLATFORM_NAMES = {
    "whatsapp": "WhatsApp",
    "telegram": "Telegram",
    "signal": "Signal",
    "skype": "Skype",
    "instagram": "Instagram",
    "insta": "Instagram",
    "ig": "Instagram",
    "facebook": "Facebook",
    "fb": "Facebook",
    "messenger": "Messenger",
    "twitter": "Twitter/X",
    "tiktok": "TikTok",
    "snapchat": "Snapchat",
    "snap": "Snapchat",
    "wechat": "WeChat",
    "viber": "Viber",
    "kik": "Kik",
    "discord": "Discord",
    "threads": "Threads",
    "youtube": "YouTube",
    "tg": "Telegram",
}


_MESSENGER_WORDS = (
    *("whats", "signal", "viber", "telegram", "wechat", "imo", "zap"),
    *("واتس", "واٹس", "व्हाट्स", "व्हॉट्स"),
)
_PLATFORM_ME_WORDS = ("skype", "telegram", "signal", "insta", "snap", "discord", "kik", "wechat")
_SOCIAL_WORDS = ("facebook", "fb", "insta", "linkedin")


def _messenger_handles(text: str) -> list[RawFinding]:
    out: list[RawFinding] = []
    low = text.lower()
    # Each pattern runs only when its platform words occur at all (a substring test is far
    # cheaper than a regex scan of the whole post).
    messenger = any(w in low for w in _MESSENGER_WORDS)
    for m in _MESSENGER_NUMBER.finditer(text) if messenger else ():
        number = m.group(1) or m.group(2)
        if sum(c.isdigit() for c in number) < 7:
            continue
        out.append(_handle_finding(m.start(), m.end(), 0.9, MESSENGER_NUMBER))
    platform_me = " me" in low and any(w in low for w in _PLATFORM_ME_WORDS)
    for m in _PLATFORM_ME.finditer(text) if platform_me else ():
        handle = m.group(2)
        quoted = bool(m.group(1)) and bool(m.group(3))
        if handle.lower() in _HANDLE_STOP:
            continue
        if not (quoted or any(c.isdigit() or c in "_." for c in handle.rstrip("."))):
            continue
        out.append(
            _handle_finding(m.start(), m.end(), 0.85, "messaging handle offered for contact")
        )
    for m in _SEARCH_ON.finditer(text) if ("search" in low or "look" in low) else ():
        handle = m.group(1).rstrip(".")
        if handle.startswith("@") or any(c.isdigit() or c in "_." for c in handle):
            out.append(
                _handle_finding(m.start(), m.end(), 0.85, "social-media handle offered for contact")
            )
    social = any(w in low for w in _SOCIAL_WORDS)
    for m in _NAME_ON_SOCIAL.finditer(text) if social else ():
        out.append(
            _handle_finding(
                m.start(), m.end(), 0.8, "social-media profile name offered for contact"
            )
        )
    return out


def find_handles(text: str) -> list[RawFinding]:
    """Messaging handles with context: "WhatsApp: cure_lady", "Telegram @healer",
    "follow me @calcinosis_cure", "skype id live:abc", "t.me/healer", "wa.me/919848012345",
    "tg: @healer", "telegram, username calcifree", "search for joy_herbs on instagram",
    "inbox me on fb messenger, Grace Okafor".

    Must not catch: forum "@Liz" replies with no messaging context, or prose such as
    "there is a Facebook group for us" (a plain word after the platform name needs an
    explicit "id:"/":"/"is" and must look like a handle, e.g. hold a digit, "_" or "."), nor
    "search for calcinosis on instagram" (a searched word must look like a handle).
    """
    low = text.lower()
    if "@" not in text and not any(
        p in low
        for p in (
            "whats",
            "telegram",
            "signal",
            "skype",
            "insta",
            "ig",
            "facebook",
            "fb",
            "messenger",
            "twitter",
            "tik",
            "snap",
            "wechat",
            "viber",
            "kik",
            "discord",
            "threads",
            "youtube",
            "wa.me",
            "t.me",
            "tg",
            "zap",
            "واتس",
            "واٹس",
            "व्हाट्स",
            "व्हॉट्स",
        )
    ):
        return []
    out: list[RawFinding] = _messenger_handles(text)
    # The link and "@name" patterns need their literal parts ("t.me/", "@"): test for those
    # before scanning the whole post with the patterns.
    links = any(h in low for h in _LINK_HOSTS)
    for m in _HANDLE_LINK_FULL.finditer(text) if links else ():
        out.append(_handle_finding(m.start(), m.end(), 0.92, "messaging or social-media link"))
    for m in _HANDLE_AFTER_PLATFORM.finditer(text):
        handle = m.group(2)
        platform = _SPACES.sub("", m.group(1).lower())
        joiner = text[m.end(1) : m.start(2)].lower()
        if handle.startswith("@") or handle.lower().startswith("live:"):
            score = 0.92
        else:
            if handle.lower() in _HANDLE_STOP or handle.lower().rstrip(".") in _HANDLE_STOP:
                continue
            looks_like_handle = any(c.isdigit() or c in "_." for c in handle.rstrip("."))
            explicit = bool(_EXPLICIT_HANDLE.search(joiner))
            if not (looks_like_handle or explicit):
                continue
            if platform in {"signal", "snap", "ig", "fb", "threads", "tg"} and not explicit:
                continue
            score = 0.88 if explicit else 0.75
        end = m.end(2)
        while end > m.start(2) and text[end - 1] in ".":
            end -= 1
        out.append(
            _handle_finding(
                m.start(), end, score, f"{_PLATFORM_NAMES.get(platform, 'messaging')} handle"
            )
        )
    return out + at_handles(text)


def at_handles(text: str) -> list[RawFinding]:
    """ "@name" with words around it that offer it for contact ("follow me @joy.herbs",
    "@healer on telegram"); a forum reply to "@Liz" has none."""
    out = []
    for m in _AT_HANDLE.finditer(text) if "@" in text else ():
        if fastre.preceded_by(text, m.start(), ".@"):
            continue
        before = text[max(0, m.start() - 45) : m.start()]
        after = text[m.end() : m.end() + 25]
        if _AT_HANDLE_CONTEXT_BEFORE.search(before) or _AT_HANDLE_CONTEXT_AFTER.match(after):
            out.append(
                _handle_finding(m.start(), m.end(), 0.85, "social-media handle offered for contact")
            )
    return out
