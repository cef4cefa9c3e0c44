"""Undo the usual tricks for hiding contact details, keeping a map back to the original.

Catches: full-width and other compatibility forms (NFKC), the digits of other scripts
("٠٥٠", "۰۳۰۰", "९८४"), invisible characters and direction marks, Cyrillic or Greek letters
that look Latin, letters standing in for digits inside a digit run ("O4O-2373"), spelled-out
digits ("four zero two ... double five", "oh" for zero), digits spaced out one by one
("4 0 2 3 7 ...") and a cue word glued to what follows it ("at1500 S. Lake Park Avenue",
"on+44 20 ...", "visitwww.example.org"), which gets its space back.

Must not catch: ordinary words.  Letters are only turned into digits inside a token that
already holds a digit, and number words only when six or more of them run together, so "one
or two", "I" or "oh well" stay as they are.

Each step is a list of edits (original span -> replacement).  :class:`Normalised` chains the
steps, so any span found in the normalised text maps back to the exact characters the user
wrote; a span that starts or ends inside a replaced run widens to cover the whole run.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from . import fastre

# Latin look-alikes that NFKC leaves alone.
_CONFUSABLES = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "е": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "і": "i",
    "ј": "j",
    "ѕ": "s",
    "ԁ": "d",
    "ӏ": "l",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "Х": "X",
    "І": "I",
    "Ј": "J",
    "Ѕ": "S",
    "З": "3",
    # Greek
    "α": "a",
    "ο": "o",
    "ρ": "p",
    "ν": "v",
    "ι": "i",
    "κ": "k",
    "τ": "t",
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
    # punctuation people paste from word processors
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00a0": " ",
    "\u3002": ".",
    "\u30fc": "-",
    "\uff70": "-",
    "\uff0e": ".",
}

# Zero-width characters, the variation selector and keycap mark that turn "2" into the
# emoji "2️⃣" (dropping them leaves the digit), and the direction marks that right-to-left
# text puts around numbers ("٠٥٠\u200e١٢٣"): a number must read the same without them.
_INVISIBLE = frozenset(
    "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e\ufe0f\ufe0e\u20e3"
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

_NON_ASCII = re.compile(r"[^\x00-\x7f]")

_DIGIT_WORDS = {
    # German and French, for "null eins fünf ..." and "zéro six ..."
    "null": "0",
    "eins": "1",
    "zwei": "2",
    "drei": "3",
    "vier": "4",
    "fünf": "5",
    "funf": "5",
    "sechs": "6",
    "sieben": "7",
    "acht": "8",
    "neun": "9",
    "zéro": "0",
    "deux": "2",
    "trois": "3",
    "quatre": "4",
    "cinq": "5",
    "sept": "7",
    "huit": "8",
    "neuf": "9",
    "zero": "0",
    "oh": "0",
    "o": "0",
    "nil": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_WORD = (
    r"(?:zero|oh|nil|one|two|three|four|five|six|seven|eight|nine|double|triple|hundred|"
    r"thousand|null|eins|"
    r"zwei|drei|vier|fünf|funf|sechs|sieben|acht|neun|zéro|deux|trois|quatre|cinq|sept|huit|"
    r"neuf)"
)
_TOKEN = rf"(?:{_WORD}|o|\d{{1,6}})"
# Six or more tokens; the caller keeps only runs with at least three number words, so plain
# digit runs (which phonenumbers reads anyway) are left alone.
_NUMBER_WORDS = fastre.compile(
    rf"\b(?:{_WORD}|\d{{1,6}})(?:[\s,.\-]{{1,3}}{_TOKEN}){{5,24}}\b",
    True,
)
_ANY_NUMBER_WORD = fastre.compile(rf"\b{_WORD}\b", True)
# "plus nine one ...": the country code's plus, spelled out just before the run.
_PLUS_BEFORE = re.compile(r"\bplus[ \t]{1,2}$", re.IGNORECASE)
# "nine hundred" read out of a phone number is "900"; only after a digit.
_ZEROS = {"hundred": "00", "thousand": "000"}
_SPLIT_TOKENS = re.compile(rf"{_WORD}|o|\d+", re.IGNORECASE)

# A token of three or more characters, only digits and O/o/I/l, holding at least one real
# digit: "O4O", "2373332OO".  Words never qualify because they hold no digit.
_LOOKALIKE_TOKEN = fastre.compile(r"\b[0-9OolI]{3,40}\b")
# Cheap test first: a run of those characters holding both a digit and a letter.  Most
# posts have none, and the full pattern also stops at every year and plain number.
_LOOKALIKE_MIXED = fastre.compile(r"\b[0-9OolI]*(?:[0-9][0-9OolI]*[OolI]|[OolI][0-9OolI]*[0-9])")
_LOOKALIKE_MAP = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})

# Seven or more single digits each separated by one separator: "4 0 2 3 7 3 3".
_SPACED_DIGITS = fastre.compile(r"\d(?:[ .\-_]{1,2}\d){6,19}")
# Letters or digits typed one by one with spaces, "j o h n 5 4 at g m a i l": joined up.
_SPACED_LETTERS = fastre.compile(r"\b[A-Za-z0-9](?: [A-Za-z0-9]){3,60}\b")
_SEPARATORS = re.compile(r"[ .\-_]")

# A cue word glued to what it introduces: "located at1500 S. Lake Park Avenue", "call us
# on+44 20 7946 0958", "Tel.0803 123 4567", "visitwww.example.org".  A space after the word
# (group 1) lets the detectors read the street, number or website as if it had been typed.
_GLUED_CUE = fastre.compile(
    r"\b((?:at|on|call|ring|dial|whatsapp|contact|number|visit|"
    r"(?:tel|ph|phone|mob|mobile|cell|fax)\.?))(?:\+?\d|www\.)",
    True,
)
# What runs on after the cue word: an "@" after it makes it one e-mail address ("call4help@").
_RUNS_ON = re.compile(r"[\w.%+\-]*")


@dataclass(frozen=True, slots=True)
class _Edit:
    o_start: int
    o_end: int
    n_start: int
    n_end: int


class _Step:
    """One rewrite: positions in its output map to positions in its input."""

    __slots__ = ("_edits", "_n_starts")

    def __init__(self, edits: list[_Edit]) -> None:
        self._edits = edits
        self._n_starts = [e.n_start for e in edits]

    def start(self, p: int) -> int:
        i = bisect_right(self._n_starts, p) - 1
        if i < 0:
            return p
        e = self._edits[i]
        if p < e.n_end:
            return e.o_start
        return p + (e.o_end - e.n_end)

    def end(self, q: int) -> int:
        if q <= 0:
            return 0
        i = bisect_right(self._n_starts, q - 1) - 1
        if i < 0:
            end = q
        else:
            e = self._edits[i]
            end = e.o_end if q - 1 < e.n_end else q + (e.o_end - e.n_end)
        # Characters dropped right after the span (the keycap marks after "9" in "9️⃣") belong
        # to it: a redaction must not leave them dangling.
        j = i + 1
        edits = self._edits
        while j < len(edits) and edits[j].n_start == q == edits[j].n_end:
            if edits[j].o_start == end:
                end = edits[j].o_end
            j += 1
        return end


def _apply(text: str, replacements: list[tuple[int, int, str]]) -> tuple[str, _Step | None]:
    """Apply sorted, non-overlapping ``(start, end, new)`` replacements to ``text``."""
    if not replacements:
        return text, None
    parts: list[str] = []
    edits: list[_Edit] = []
    pos = 0
    n_pos = 0
    for start, end, new in replacements:
        parts.append(text[pos:start])
        n_pos += start - pos
        parts.append(new)
        edits.append(_Edit(start, end, n_pos, n_pos + len(new)))
        n_pos += len(new)
        pos = end
    parts.append(text[pos:])
    return "".join(parts), _Step(edits)


@lru_cache(maxsize=4096)
def _replacement(ch: str) -> str:
    """What one non-ASCII character becomes: itself when nothing applies.  Digits of other
    scripts, which NFKC leaves alone, become ASCII digits: Arabic-Indic "٠٥٠", Persian and
    Urdu "۰۳۰۰", Devanagari "९८४", Bengali and the rest of Unicode's decimal digits."""
    if ch in _INVISIBLE:
        return ""
    if ch in _CONFUSABLES:
        return _CONFUSABLES[ch]
    if ch.isdecimal():
        return str(unicodedata.decimal(ch))
    new = unicodedata.normalize("NFKC", ch)
    return "".join(_CONFUSABLES.get(c, c) for c in new)


def _unicode_replacements(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _NON_ASCII.finditer(text):
        ch = m.group()
        new = _replacement(ch)
        if new != ch:
            out.append((m.start(), m.end(), new))
    return out


def _number_word_replacements(text: str) -> list[tuple[int, int, str]]:
    if not _ANY_NUMBER_WORD.search(text):
        return []
    out = []
    for m in _NUMBER_WORDS.finditer(text):
        tokens = _SPLIT_TOKENS.findall(m.group())
        words = sum(1 for t in tokens if not t.isdigit() and t.lower() not in _ZEROS)
        if words < 3:
            continue
        digits: list[str] = []
        repeat = 1
        for tok in tokens:
            low = tok.lower()
            if low in _ZEROS:
                if digits and repeat == 1:
                    digits.append(_ZEROS[low])
                continue
            if low == "double":
                repeat = 2
            elif low == "triple":
                repeat = 3
            elif low.isdigit():
                digits.append(low[0] * (repeat - 1) + low)
                repeat = 1
            else:
                digits.append(_DIGIT_WORDS[low] * repeat)
                repeat = 1
        value = "".join(digits)
        if len(value) >= 6:
            start = m.start()
            plus = _PLUS_BEFORE.search(text, max(0, start - 8), start)
            if plus is not None:
                start, value = plus.start(), "+" + value
            out.append((start, m.end(), value))
    return out


def _lookalike_replacements(text: str) -> list[tuple[int, int, str]]:
    if _LOOKALIKE_MIXED.search(text) is None:
        return []
    out = []
    for m in _LOOKALIKE_TOKEN.finditer(text):
        token = m.group()
        if token.isdigit() or not any(c.isdigit() for c in token):
            continue
        new = token.translate(_LOOKALIKE_MAP)
        if new != m.group():
            out.append((m.start(), m.end(), new))
    return out


def _glued_cue_replacements(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _GLUED_CUE.finditer(text):
        start, end = m.span(1)
        # Inside an e-mail address, a handle or a web address the word is not a cue.
        if fastre.preceded_by(text, start, "@./_-", word=False):
            continue
        # (At most 64 characters on: an e-mail's local part is no longer, and an unbounded
        # look on every cue would cost a hostile "at1+at1+..." post quadratic time.)
        tail = _RUNS_ON.match(text, end, min(len(text), end + 64)).end()
        if tail < len(text) and text[tail] == "@":
            continue
        out.append((start, end, text[start:end] + " "))
    return out


def _spaced_letter_replacements(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _SPACED_LETTERS.finditer(text):
        run = m.group()
        if sum(c.isalpha() for c in run) >= 3:
            out.append((m.start(), m.end(), run.replace(" ", "")))
    return out


def _spaced_digit_replacements(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _SPACED_DIGITS.finditer(text):
        run = m.group()
        if m.start() > 0 and (text[m.start() - 1].isdigit() or text[m.start() - 1] == "."):
            continue
        if m.end() < len(text) and text[m.end()].isdigit():
            continue
        # "1.2.3" style version numbers and single-separator dates are not phone numbers in
        # disguise; only collapse runs whose separators are all the same character.
        seps = set(_SEPARATORS.findall(run))
        if len(seps) == 1:
            out.append((m.start(), m.end(), _SEPARATORS.sub("", run)))
    return out


class Normalised:
    """The normalised text plus the chain of steps that produced it."""

    __slots__ = ("_steps", "original", "text")

    def __init__(self, original: str, text: str, steps: list[_Step]) -> None:
        self.original = original
        self.text = text
        self._steps = steps

    @property
    def changed(self) -> bool:
        return bool(self._steps)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of :attr:`text` to a span of :attr:`original`."""
        s, e = start, end
        for step in reversed(self._steps):
            s, e = step.start(s), step.end(e)
        n = len(self.original)
        s = min(max(s, 0), n)
        e = min(max(e, s), n)
        return s, e


def normalise(text: str) -> Normalised:
    """Normalise ``text`` for contact-detail detection.  Cheap when nothing needs doing."""
    steps: list[_Step] = []
    current = text
    producers = (
        _unicode_replacements if not text.isascii() else None,
        _glued_cue_replacements,
        _number_word_replacements,
        _lookalike_replacements,
        _spaced_digit_replacements,
        _spaced_letter_replacements,
    )
    for produce in producers:
        if produce is None:
            continue
        current, step = _apply(current, produce(current))
        if step is not None:
            steps.append(step)
    return Normalised(text, current, steps)
