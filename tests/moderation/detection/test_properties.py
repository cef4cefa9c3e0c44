"""Property tests: scan never raises and its spans always fit the text."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.detection import scan

_alphabet = st.characters(blacklist_categories=("Cs",))
_tokens = list("0123456789 -+()./@:#\n") + list("abcdrDOolI") + ["at", "dot", "Dr. ", "call "]
_texty = st.lists(st.sampled_from(_tokens), max_size=120).map("".join)


def _check(text: str) -> None:
    for f in scan(text):
        assert 0 <= f.start <= f.end <= len(text)
        assert f.text == text[f.start : f.end]
        assert 0.0 <= f.score <= 1.0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_alphabet, max_size=400))
def test_arbitrary_unicode(text):
    _check(text)


@settings(max_examples=300, deadline=None)
@given(_texty)
def test_digit_and_symbol_soup(text):
    _check(text)


def test_empty():
    assert scan("") == []


def test_100kb_inputs_are_fast_and_safe():
    samples = [
        "call me 040-23733200 " * 5000,
        "a" * 100_000,
        "1 " * 50_000,
        "Dr. " * 25_000,
        ("Homeopathy cured me! " * 5000)[:100_000],
        "".join(chr(0x20 + (i * 7919) % 0x2FFF) for i in range(100_000)),
    ]
    for text in samples:
        start = time.perf_counter()
        _check(text)
        assert time.perf_counter() - start < 5.0
