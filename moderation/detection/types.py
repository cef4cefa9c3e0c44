"""Plain data types shared by every detector.

Nothing here imports Django: the Django side builds a :class:`Ruleset` from its database
rows and hands it to :func:`moderation.detection.scan`.  Everything is frozen and built
from tuples so a ruleset can be hashed and used as a cache key for its compiled form.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

CONTACT = "contact_details"
CLAIMS = "treatment_claim"

#: Names of the built-in detectors that a :class:`DetectorConfig` can switch or tune.
DETECTOR_NAMES: tuple[str, ...] = (
    "phone",
    "email",
    "address",
    "handle",
    "practitioner",
    "url",
    "claims",
    "claims_classifier",
    "keyword_rules",
    "pattern_rules",
)

#: Thresholds chosen on our own labelled examples; a finding scoring below its detector's
#: threshold is dropped.  The classifier-only path is stricter because it has no
#: hand-written pattern behind it.
DEFAULT_THRESHOLDS: Mapping[str, float] = {
    "phone": 0.5,
    "email": 0.5,
    "address": 0.5,
    "handle": 0.5,
    "practitioner": 0.5,
    "url": 0.5,
    "claims": 0.5,
    "claims_classifier": 0.75,
    "keyword_rules": 0.0,
    "pattern_rules": 0.0,
}

DEFAULT_REGIONS: tuple[str, ...] = ("US", "CA", "GB", "IN", "PK", "AU", "NZ", "ZA", "DE", "FR")

EvidenceStatus = Literal["established", "investigational", "unproven"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a moderator should look at, with offsets into the text the user wrote."""

    category: str
    kind: str
    start: int
    end: int
    text: str
    score: float
    rule: str
    explanation: str

    def to_dict(self) -> dict:
        return {
            "category": self.category,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": self.score,
            "rule": self.rule,
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class DetectorConfig:
    name: str
    enabled: bool = True
    threshold: float = 0.5


@dataclass(frozen=True, slots=True)
class KeywordRule:
    """Admin-defined phrases, matched case-insensitively (whole words unless told otherwise)."""

    name: str
    category: str
    kind: str
    phrases: tuple[str, ...]
    score: float = 0.9
    whole_word: bool = True
    explanation: str = ""

    @property
    def severity(self) -> float:
        return self.score


@dataclass(frozen=True, slots=True)
class PatternRule:
    """Admin-defined RE2 pattern.  Run only with google-re2, never with Python ``re``."""

    name: str
    category: str
    kind: str
    pattern: str
    score: float = 0.9
    case_insensitive: bool = True
    explanation: str = ""


@dataclass(frozen=True, slots=True)
class TreatmentEntry:
    name: str
    synonyms: tuple[str, ...] = ()
    status: EvidenceStatus = "unproven"


def _default_detectors() -> tuple[DetectorConfig, ...]:
    return tuple(DetectorConfig(n, True, DEFAULT_THRESHOLDS[n]) for n in DETECTOR_NAMES)


@dataclass(frozen=True)
class Ruleset:
    """Everything the detectors need, as immutable data.

    ``detectors`` may be a tuple of :class:`DetectorConfig` or a mapping of name to config;
    detectors that are not mentioned run with their default threshold.
    """

    version: int = 0
    regions: tuple[str, ...] = DEFAULT_REGIONS
    detectors: tuple[DetectorConfig, ...] | Mapping[str, DetectorConfig] = field(
        default_factory=_default_detectors
    )
    keyword_rules: tuple[KeywordRule, ...] = ()
    pattern_rules: tuple[PatternRule, ...] = ()
    treatments: tuple[TreatmentEntry, ...] = ()

    def __hash__(self) -> int:
        # A Mapping is not hashable; hash its items so either form can key a cache.
        detectors = self.detectors
        if isinstance(detectors, Mapping):
            detectors = tuple(sorted(detectors.items()))
        return hash(
            (
                self.version,
                self.regions,
                detectors,
                self.keyword_rules,
                self.pattern_rules,
                self.treatments,
            )
        )

    def detector(self, name: str) -> DetectorConfig:
        """The config for ``name``; an unmentioned detector is on with its default threshold."""
        detectors = self.detectors
        if isinstance(detectors, Mapping):
            config = detectors.get(name)
            if config is not None:
                return config
        else:
            for config in detectors:
                if config.name == name:
                    return config
        return DetectorConfig(name, True, DEFAULT_THRESHOLDS.get(name, 0.5))

    def enabled(self, name: str) -> bool:
        return self.detector(name).enabled

    def threshold(self, name: str) -> float:
        return self.detector(name).threshold
