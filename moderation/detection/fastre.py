"""Compile the package's own fixed patterns with RE2, behind a lean matching wrapper.

RE2 runs large alternations as a DFA, which is 5-20x faster than Python ``re`` on the
lexicon and trigger patterns here and can never backtrack.  RE2 has no look-around, so
patterns that need "not preceded by" checks do them in Python after the match.

The google-re2 binding's own ``search``/``finditer`` re-encode the whole text to UTF-8 and
rebuild an offset table on every call, which costs more than the regex itself on a 1 KB
post.  :class:`Regex` calls the compiled program directly: the text is encoded once (the
last text is remembered, since a post is searched by dozens of patterns in a row) and, for
ASCII text, byte offsets are character offsets.  Only non-ASCII text pays for converting
offsets, and only for the offsets of actual matches.
"""

from __future__ import annotations

from collections.abc import Iterator

import re2

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_UNANCHORED = re2._Anchor.UNANCHORED
_ANCHOR_START = re2._Anchor.ANCHOR_START

# (text, its UTF-8 bytes, text.isascii()) of the last text matched.  One tuple, replaced
# whole, so concurrent threads at worst re-encode; they never see a mismatched pair.
_last: tuple[str, bytes, bool] = ("", b"", True)


def _encoded(text: str) -> tuple[bytes, bool]:
    global _last
    last = _last
    if last[0] is text:
        return last[1], last[2]
    ascii_only = text.isascii()
    data = text.encode("ascii") if ascii_only else text.encode("utf-8")
    _last = (text, data, ascii_only)
    return data, ascii_only


class Match:
    """The parts of ``re.Match`` the detectors use."""

    __slots__ = ("_spans", "re", "string")

    def __init__(self, regex: Regex, text: str, spans: list[tuple[int, int]]) -> None:
        self.re = regex
        self.string = text
        self._spans = spans

    def _span(self, group: int | str) -> tuple[int, int]:
        if isinstance(group, str):
            group = self.re.groupindex[group]
        return self._spans[group]

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._spans[group] if group.__class__ is int else self._span(group)

    def start(self, group: int | str = 0) -> int:
        return (self._spans[group] if group.__class__ is int else self._span(group))[0]

    def end(self, group: int | str = 0) -> int:
        return (self._spans[group] if group.__class__ is int else self._span(group))[1]

    def group(self, *groups: int | str):
        if len(groups) > 1:
            return tuple(self.group(g) for g in groups)
        start, end = self._span(groups[0]) if groups else self._spans[0]
        return None if start < 0 else self.string[start:end]

    __getitem__ = group

    def groups(self, default=None) -> tuple:
        return tuple(default if s < 0 else self.string[s:e] for s, e in self._spans[1:])

    def __repr__(self) -> str:
        return f"<fastre.Match span={self._spans[0]} match={self.group()!r}>"


class Regex:
    """A compiled RE2 pattern with ``search``/``match``/``finditer``/``findall``."""

    __slots__ = ("_match", "groupindex", "groups", "pattern")

    def __init__(self, pattern: str, options: re2.Options) -> None:
        compiled = re2.compile(pattern, options)
        self.pattern = pattern
        self.groups = compiled.groups
        self.groupindex = dict(compiled.groupindex)
        self._match = compiled._regexp.Match

    def _iter_ascii(self, text: str, data: bytes) -> Iterator[Match]:
        """``finditer`` over a whole ASCII text: the common case, with nothing to clamp or
        convert (byte offsets are character offsets)."""
        match = self._match
        end = len(data)
        pos = 0
        while True:
            spans = match(_UNANCHORED, data, pos, end)
            whole_start, whole_end = spans[0]
            if whole_start < 0:
                return
            yield Match(self, text, spans)
            if pos == end:
                return
            pos = whole_end + 1 if whole_end == pos else whole_end
            if pos > end:
                return

    def _iter(self, anchor, text: str, pos: int, endpos: int | None) -> Iterator[Match]:
        n = len(text)
        pos = max(0, min(pos, n))
        endpos = n if endpos is None else max(0, min(endpos, n))
        if pos > endpos:
            return
        data, ascii_only = _encoded(text)
        match = self._match
        if ascii_only:
            while True:
                spans = match(anchor, data, pos, endpos)
                whole = spans[0]
                if whole[0] < 0:
                    return
                yield Match(self, text, spans)
                if anchor is not _UNANCHORED or pos == endpos:
                    return
                pos = whole[1] + 1 if whole[1] == pos else whole[1]
                if pos > endpos:
                    return
        # Non-ASCII: search in bytes, convert only the offsets of matches, moving forward.
        b_pos = len(text[:pos].encode("utf-8"))
        b_end = len(data) if endpos == n else b_pos + len(text[pos:endpos].encode("utf-8"))
        last_b, last_c = b_pos, pos
        while True:
            spans = match(anchor, data, b_pos, b_end)
            whole = spans[0]
            if whole[0] < 0:
                return
            table = {}
            for offset in sorted({o for span in spans for o in span if o >= 0}):
                if offset != last_b:
                    last_c += len(data[last_b:offset].decode("utf-8"))
                    last_b = offset
                table[offset] = last_c
            yield Match(
                self,
                text,
                [(table[s], table[e]) if s >= 0 else (-1, -1) for s, e in spans],
            )
            if anchor is not _UNANCHORED or b_pos == b_end:
                return
            if whole[1] == b_pos:
                # Empty match: step over one whole character.
                step = 1
                while b_pos + step < b_end and (data[b_pos + step] & 0xC0) == 0x80:
                    step += 1
                b_pos += step
            else:
                b_pos = whole[1]
            if b_pos > b_end:
                return

    def _first(self, anchor, text: str, pos: int, endpos: int | None) -> Match | None:
        data, ascii_only = _encoded(text)
        if ascii_only:
            # ASCII (the common case), without the generator: what _iter would yield first.
            n = len(data)
            if pos != 0 or endpos is not None:
                pos = max(0, min(pos, n))
                endpos = n if endpos is None else max(0, min(endpos, n))
                if pos > endpos:
                    return None
            else:
                endpos = n
            spans = self._match(anchor, data, pos, endpos)
            return None if spans[0][0] < 0 else Match(self, text, spans)
        return next(self._iter(anchor, text, pos, endpos), None)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        return self._first(_UNANCHORED, text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        return self._first(_ANCHOR_START, text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Match]:
        if pos == 0 and endpos is None:
            data, ascii_only = _encoded(text)
            if ascii_only:
                return self._iter_ascii(text, data)
        return self._iter(_UNANCHORED, text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list:
        out = []
        for m in self._iter(_UNANCHORED, text, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m.groups("")[0])
            else:
                out.append(m.groups(""))
        return out

    def __repr__(self) -> str:
        return f"fastre.Regex({self.pattern!r})"


class RegexSet:
    """An unanchored ``re2.Set``: ``Match(text)`` lists the indices of matching patterns."""

    __slots__ = ("_match",)

    def __init__(self, patterns: list[str], options: re2.Options) -> None:
        regex_set = re2.Set.SearchSet(options)
        for pattern in patterns:
            regex_set.Add(pattern)
        regex_set.Compile()
        self._match = regex_set._set.Match

    def Match(self, text: str) -> list[int] | None:
        return self._match(_encoded(text)[0]) or None


def _options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    options.max_mem = 64 << 20
    return options


def compile(pattern: str, ignore_case: bool = False) -> Regex:
    # The flag goes into the pattern text so the same source can join an ``re2.Set``.
    return Regex(f"(?i:{pattern})" if ignore_case else pattern, _options())


def compile_set(patterns: list[str]) -> RegexSet:
    """An unanchored ``re2.Set``: ``Match(text)`` lists the indices of matching patterns."""
    return RegexSet(patterns, _options())


def is_word_char(ch: str) -> bool:
    return ch in _WORD_CHARS or (not ch.isascii() and ch.isalnum())


def preceded_by(text: str, pos: int, chars: str = "", word: bool = True) -> bool:
    """True if the character before ``pos`` is a word character (when ``word``) or in
    ``chars``."""
    if pos <= 0:
        return False
    ch = text[pos - 1]
    return (word and is_word_char(ch)) or ch in chars


def followed_by(text: str, pos: int, chars: str = "", word: bool = True) -> bool:
    if pos >= len(text):
        return False
    ch = text[pos]
    return (word and is_word_char(ch)) or ch in chars


# ASCII characters that Python's ``\s`` matches and RE2's does not.
_PY_ONLY_SPACE = ("\x0b", "\x1c", "\x1d", "\x1e", "\x1f")


class PyCompatible:
    """A Python ``re`` pattern with an RE2 twin that is used where the two must agree.

    Python's ``re`` cannot skip ahead to a case-insensitive alternation, so searching a short
    window for "one of these 80 words, then the end" tries every start position; RE2 does it
    in one pass.  On ASCII text without the rare control characters Python counts as
    whitespace, ``\\b``, ``\\w``, ``\\s``, ``\\d`` and case-insensitivity mean the same in both
    engines, so the RE2 twin gives the same answer; other text uses the Python pattern.
    Python's ``$`` also matches before a final newline; the twin's trailing ``$`` is
    rewritten to allow that.  Only ``search`` is offered, for truth tests and spans.
    """

    __slots__ = ("_fast", "python")

    def __init__(self, pattern: str, ignore_case: bool = False) -> None:
        import re

        self.python = re.compile(pattern, re.IGNORECASE if ignore_case else 0)
        twin = (
            pattern[:-1] + r"\n?$"
            if pattern.endswith("$") and not pattern.endswith("\\$")
            else pattern
        )
        self._fast = compile(twin, ignore_case)

    def search(self, text: str):
        if text.isascii() and not any(c in text for c in _PY_ONLY_SPACE):
            return self._fast.search(text)
        return self.python.search(text)
