"""What every contact detector returns, and the one helper two of them share.

The detectors (:mod:`.phone`, :mod:`.email`, :mod:`.website`, :mod:`.handle`,
:mod:`.address`, :mod:`.practitioner`) run on the normalised text (see :mod:`.normalise`)
and return :class:`RawFinding` spans in that text; :func:`moderation.detection.scan` maps
them back to what the user wrote.  The claims and rules detectors return them too.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class RawFinding(NamedTuple):
    """A finding in normalised-text coordinates, before mapping and thresholds.

    A named tuple rather than a frozen dataclass: detectors make many of these per post and
    a frozen dataclass costs several times as much to build."""

    category: str
    kind: str
    start: int
    end: int
    score: float
    rule: str
    explanation: str


def chain_before(text: str, start: int, separator: re.Pattern, token: re.Pattern) -> int:
    """Step back from ``start`` over "token separator" pairs ("rosa dot ", "k dot patel dot "),
    one bounded search at a time: a single pattern for the whole chain would backtrack
    exponentially on a long run of "a-dot-a-dot-a" that ends in something else."""
    for _ in range(8):
        sep = separator.search(text, max(0, start - 24), start)
        if sep is None:
            break
        tok = token.search(text, max(0, sep.start() - 64), sep.start())
        if tok is None:
            break
        start = tok.start()
    return start
