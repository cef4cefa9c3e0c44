"""Sentence classifier for treatment claims (scikit-learn, trained from package data).

It scores one sentence at a time: "claim" means the sentence asserts that a treatment cures
or reverses the disease, vouches for one as a testimonial, guarantees results, pitches a
product, or tells readers to stop their medical care.  Questions, warnings, negated or
hedged statements, ordinary reports of specialist care and support messages are "not
claim".  The classifier alone never makes a finding on an untriggered sentence: the claims
detector only asks it about sentences that mention a treatment or match a claim pattern.

Training is deterministic (fixed data order, liblinear solver) and takes a fraction of a
second, so it happens lazily once per process.  :func:`train_claims_classifier` retrains
with extra labelled sentences, e.g. from moderators' decisions.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Iterable, Sequence
from importlib import resources

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

_DIGITS = re.compile(r"\d")
_SPACES = re.compile(r"\s+")


def _prepare(text: str) -> str:
    # Digits carry no signal about claims but would split n-grams ("45 days" vs "30 days").
    return _SPACES.sub(" ", _DIGITS.sub("0", text.lower())).strip()


def load_training_data() -> list[tuple[str, bool]]:
    """The labelled sentences shipped in ``data/claims_training.jsonl``."""
    raw = resources.files(__package__).joinpath("data/claims_training.jsonl").read_text("utf-8")
    rows = []
    for line in raw.splitlines():
        line = line.strip()
        if line:
            row = json.loads(line)
            rows.append((str(row["text"]), bool(row["claim"])))
    return rows


class _LinearTfidf:
    """The prediction half of one fitted TfidfVectorizer, folded into the model's weights.

    scikit-learn's ``transform`` costs milliseconds per call in validation overhead; doing
    the same arithmetic over a dict of term -> (idf * weight, idf) costs microseconds.  The
    result equals the pipeline's (tested in ``test_classifier.py``).
    """

    __slots__ = ("_analyzer", "_terms", "_word_re", "kind", "ngram_range")

    def __init__(self, vectoriser: TfidfVectorizer, weights: np.ndarray) -> None:
        self.kind = vectoriser.analyzer
        self.ngram_range = vectoriser.ngram_range
        self._word_re = re.compile(vectoriser.token_pattern) if self.kind == "word" else None
        idf = vectoriser.idf_
        self._terms = {
            term: (float(idf[i]), float(weights[i])) for term, i in vectoriser.vocabulary_.items()
        }

    def _ngrams(self, text: str) -> list[str]:
        lo, hi = self.ngram_range
        grams: list[str] = []
        if self.kind == "word":
            assert self._word_re is not None
            tokens = self._word_re.findall(text)
            for n in range(lo, hi + 1):
                grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
            return grams
        # Same windows as scikit-learn's char_wb analyzer.
        for word in text.split():
            padded = f" {word} "
            length = len(padded)
            for n in range(lo, hi + 1):
                if length <= n:
                    grams.append(padded)
                    break
                grams.extend(padded[i : i + n] for i in range(length - n + 1))
        return grams

    def score(self, text: str) -> float:
        counts: dict[str, int] = {}
        terms = self._terms
        for gram in self._ngrams(text):
            if gram in terms:
                counts[gram] = counts.get(gram, 0) + 1
        if not counts:
            return 0.0
        dot = 0.0
        norm = 0.0
        for gram, count in counts.items():
            idf, weight = terms[gram]
            value = (1.0 + math.log(count)) * idf
            dot += value * weight
            norm += value * value
        return dot / math.sqrt(norm)


class ClaimsClassifier:
    """A fitted model; :meth:`predict` returns P(claim) for each sentence."""

    __slots__ = ("_intercept", "_parts", "n_examples", "pipeline")

    def __init__(self, vectoriser: FeatureUnion, model: LogisticRegression, n_examples: int):
        self.pipeline = (vectoriser, model)
        coef = np.asarray(model.coef_[0], dtype=np.float64)
        parts = []
        offset = 0
        for _, part in vectoriser.transformer_list:
            size = len(part.vocabulary_)
            parts.append(_LinearTfidf(part, coef[offset : offset + size]))
            offset += size
        self._parts = tuple(parts)
        self._intercept = float(model.intercept_[0])
        self.n_examples = n_examples

    def predict(self, sentences: Sequence[str]) -> list[float]:
        return [self.predict_one(s) for s in sentences]

    def predict_one(self, sentence: str) -> float:
        text = _prepare(sentence)
        logit = self._intercept + sum(part.score(text) for part in self._parts)
        if logit < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-logit))

    def predict_slow(self, sentences: Sequence[str]) -> list[float]:
        """Reference path through scikit-learn, for tests."""
        vectoriser, model = self.pipeline
        features = vectoriser.transform([_prepare(s) for s in sentences])
        return [float(p) for p in model.predict_proba(features)[:, 1]]


def train_claims_classifier(extra: Iterable[tuple[str, bool]] = ()) -> ClaimsClassifier:
    """Train on the shipped sentences plus ``extra`` ``(sentence, is_claim)`` pairs."""
    rows = load_training_data() + [(str(t), bool(y)) for t, y in extra]
    texts = [_prepare(t) for t, _ in rows]
    labels = [int(y) for _, y in rows]
    vectoriser = FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                    token_pattern=r"(?u)\b\w[\w']*\b",
                    dtype=np.float64,
                ),
            ),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(4, 4),
                    sublinear_tf=True,
                    min_df=2,
                    dtype=np.float64,
                ),
            ),
        ]
    )
    features = vectoriser.fit_transform(texts)
    model = LogisticRegression(
        C=4.0, class_weight="balanced", solver="liblinear", random_state=0, max_iter=1000
    )
    model.fit(features, labels)
    return ClaimsClassifier(vectoriser, model, len(rows))


_LOCK = threading.Lock()
_DEFAULT: ClaimsClassifier | None = None


def default_classifier() -> ClaimsClassifier:
    """The classifier trained on the shipped data, built once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        with _LOCK:
            if _DEFAULT is None:
                _DEFAULT = train_claims_classifier()
    return _DEFAULT


def set_default_classifier(classifier: ClaimsClassifier | None) -> None:
    """Swap the process-wide classifier (after retraining); ``None`` reverts to the default."""
    global _DEFAULT
    with _LOCK:
        _DEFAULT = classifier
