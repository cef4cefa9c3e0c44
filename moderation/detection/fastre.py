"""Compile the package's own fixed patterns with RE2.

RE2 runs large alternations as a DFA, which is 5-20x faster than Python ``re`` on the
lexicon and trigger patterns here and can never backtrack.  RE2 has no look-around, so
patterns that need "not preceded by" checks do them in Python after the match.
"""

from __future__ import annotations

import re2

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def compile(pattern: str, ignore_case: bool = False):  # noqa: A001 - mirrors re.compile
    options = re2.Options()
    options.log_errors = False
    options.max_mem = 64 << 20
    options.case_sensitive = not ignore_case
    return re2.compile(pattern, options)


def compile_set(patterns: list[str]):
    """An unanchored ``re2.Set``: ``Match(text)`` lists the indices of matching patterns."""
    options = re2.Options()
    options.log_errors = False
    options.max_mem = 64 << 20
    regex_set = re2.Set.SearchSet(options)
    for pattern in patterns:
        regex_set.Add(pattern)
    regex_set.Compile()
    return regex_set


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
