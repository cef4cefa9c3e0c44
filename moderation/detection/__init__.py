"""Pure-Python detection engine for the forum's moderation queue (no Django here).

    from moderation.detection import scan
    for finding in scan(post_text):
        print(finding.category, finding.kind, finding.text, finding.explanation)

It finds contact details (phone, email, address, messaging handle, website, a named
practitioner offered for contact) and unverified treatment claims, plus whatever the
admins add as keyword or RE2 pattern rules.  All offsets point into the text as written.
"""

from typing import TYPE_CHECKING

from .language import detect as language_of
from .lexicon import DEFAULT_TREATMENTS
from .normalise import Normalised, normalise
from .rules import PatternError, validate_pattern
from .scan import compiled, default_ruleset, scan, warm_up
from .types import (
    CLAIMS,
    CONTACT,
    DEFAULT_THRESHOLDS,
    DETECTOR_NAMES,
    DetectorConfig,
    Finding,
    KeywordRule,
    PatternRule,
    Ruleset,
    TreatmentEntry,
)

if TYPE_CHECKING:
    from .classifier import ClaimsClassifier, load_training_data, train_claims_classifier

_LAZY = {"ClaimsClassifier", "load_training_data", "train_claims_classifier"}


def __getattr__(name: str):
    # scikit-learn takes about a second to import; only pay for it when it is used.
    if name in _LAZY:
        from . import classifier

        return getattr(classifier, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CLAIMS",
    "CONTACT",
    "DEFAULT_THRESHOLDS",
    "DEFAULT_TREATMENTS",
    "DETECTOR_NAMES",
    "ClaimsClassifier",
    "DetectorConfig",
    "Finding",
    "KeywordRule",
    "Normalised",
    "PatternError",
    "PatternRule",
    "Ruleset",
    "TreatmentEntry",
    "compiled",
    "default_ruleset",
    "language_of",
    "load_training_data",
    "normalise",
    "scan",
    "train_claims_classifier",
    "validate_pattern",
    "warm_up",
]
