"""Sentence classifier for treatment claims (scikit-learn, trained from package data).

It scores one sentence at a time: "claim" means the sentence asserts that a treatment cures
or reverses the disease, vouches for one as a testimonial, guarantees results, pitches a
product, or tells readers to stop their medical care.  Questions, warnings, negated or
hedged statements, ordinary reports of specialist care and support messages are "not
claim".  The classifier alone never makes a finding on an untriggered sentence: the claims
detector only asks it about sentences that mention a treatment or match a claim pattern.

Training is deterministic (fixed data order, liblinear solver) and takes about a second
with scikit-learn's import, too long for every worker process to pay at start-up.  So the
trained model is built once and saved to a file (:func:`save_model`, run by ``manage.py
claims_model`` and by ``make run``/``worker``/``test``), and :func:`default_classifier` loads
it (:func:`load_or_train`), which needs neither scikit-learn nor numpy.  The file records a
key made of a hash of the training data and of this module's training code, and the
scikit-learn version; a file with another key, or one that cannot be read, is replaced by a
freshly trained model, once.

Where the file lives: ``$CLAIMS_MODEL_PATH`` if set, else ``var/claims-model.pickle`` in the
project directory (:func:`model_path`).

:func:`train_claims_classifier` retrains with extra labelled sentences, e.g. from moderators'
decisions.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import math
import os
import pickle
import re
import tempfile
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from importlib import metadata, resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from . import encoder as encoders
from .encoder import SentenceEncoder, default_encoder

if TYPE_CHECKING:  # imported where a model is trained: loading one needs neither
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion

logger = logging.getLogger(__name__)

_DIGITS = re.compile(r"\d")
_SPACES = re.compile(r"\s+")


_ASCII_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")


def _prepare(text: str) -> str:
    # Digits carry no signal about claims but would split n-grams ("45 days" vs "30 days").
    low = text.lower()
    if low.isascii():
        # Same result as the regular expressions below, several times faster: for ASCII
        # text \d is 0-9, and str.split() splits on exactly what \s+ matches.
        return " ".join(low.translate(_ASCII_DIGITS_TO_ZERO).split())
    return _SPACES.sub(" ", _DIGITS.sub("0", low)).strip()


_TOKEN_PATTERN = r"(?u)\b\w[\w']*\b"
# Every ASCII character that cannot be part of a token, mapped to a space.
_NOT_TOKEN = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) in "_'")}
)


def _ratio(dot: float, norm: float) -> float:
    return dot / math.sqrt(norm) if norm > 0 else 0.0


# Written by hand, and exported from moderators' decisions (`manage.py claims_examples`).
TRAINING_FILES = (
    "data/claims_training.jsonl",
    "data/claims_training_realworld.jsonl",
    "data/claims_from_moderators.jsonl",
)
# Sentence embeddings join the tf-idf features at this weight (both are unit vectors; the
# n-grams spread over thousands of columns, the embedding over 256). Chosen by 5-fold
# cross-validation on the training sentences (`make bench-encoders` measures it): at 2.0 the
# embeddings cost F1 there, at 1.0 much less, with the same post-level results on the
# development sets.
EMBEDDING_SCALE = 1.0


def load_training_data() -> list[tuple[str, bool]]:
    """The labelled sentences shipped in ``data/``: one JSON object a line,
    ``{"text": "...", "claim": true|false}``. The moderators' file may be absent."""
    rows = []
    for name in TRAINING_FILES:
        path = resources.files(__package__).joinpath(name)
        if not path.is_file():
            continue
        for line in path.read_text("utf-8").splitlines():
            line = line.strip()
            if line:
                row = json.loads(line)
                rows.append((str(row["text"]), bool(row["claim"])))
    return rows


class ClaimsClassifier:
    """A fitted model; :meth:`predict` returns P(claim) for each sentence.

    scikit-learn's ``transform`` costs milliseconds per call in validation overhead, so
    prediction does the same arithmetic itself: each feature (word uni/bigram, char_wb
    4-gram) becomes a column id, and with a = idf * weight and b = idf ** 2 per column the
    score of each part is sum(a * tf) / sqrt(sum(b * tf ** 2)), summed in C over the ids.
    A word's 4-gram ids are remembered (a bounded dict), since the same words recur in every
    post.  The result equals :meth:`predict_slow` to rounding (tested).
    """

    __slots__ = (
        "_a",
        "_b",
        "_char_ids",
        "_char_range",
        "_embedding_weights",
        "_encoder",
        "_intercept",
        "_word_cache",
        "_word_ids",
        "_word_range",
        "_word_re",
        "n_examples",
        "pipeline",
    )

    _WORD_CACHE_SIZE = 50_000

    def __init__(
        self,
        vectoriser: FeatureUnion,
        model: LogisticRegression,
        n_examples: int,
        encoder: SentenceEncoder | None = None,
    ):
        import numpy as np

        self.pipeline = (vectoriser, model)
        (_, words), (_, chars) = vectoriser.transformer_list
        assert words.analyzer == "word" and chars.analyzer == "char_wb"
        n_words = len(words.vocabulary_)
        n_sparse = n_words + len(chars.vocabulary_)
        coef = np.asarray(model.coef_[0], dtype=np.float64)
        self._encoder = encoder
        # The embedding columns come last; their weights fold in EMBEDDING_SCALE.
        self._embedding_weights = coef[n_sparse:] * EMBEDDING_SCALE if encoder is not None else None
        coef = coef[:n_sparse]
        self._word_ids = dict(words.vocabulary_)
        self._char_ids = {term: n_words + i for term, i in chars.vocabulary_.items()}
        self._word_range = words.ngram_range
        self._char_range = chars.ngram_range
        self._word_re = re.compile(words.token_pattern)
        idf = np.concatenate([words.idf_, chars.idf_]).astype(np.float64)
        # Python lists: indexing them from Python is faster than indexing numpy arrays.
        self._a = (idf * coef).tolist()
        self._b = (idf * idf).tolist()
        self._intercept = float(model.intercept_[0])
        self._word_cache: dict[str, tuple[int, ...]] = {}
        self.n_examples = n_examples

    _STATE = (
        "_a",
        "_b",
        "_char_ids",
        "_char_range",
        "_embedding_weights",
        "_intercept",
        "_word_ids",
        "_word_range",
        "n_examples",
    )

    def state(self) -> dict:
        """What :meth:`predict` needs, as plain Python data (no scikit-learn objects)."""
        state = {name: getattr(self, name) for name in self._STATE}
        if self._embedding_weights is not None:
            state["_embedding_weights"] = [float(w) for w in self._embedding_weights]
        state["encoder"] = self._encoder.name if self._encoder is not None else None
        state["token_pattern"] = self._word_re.pattern
        return state

    @property
    def encoder_name(self) -> str | None:
        """The sentence encoder this model was trained with (None: tf-idf only)."""
        return self._encoder.name if self._encoder is not None else None

    @classmethod
    def from_state(cls, state: dict) -> ClaimsClassifier:
        """A classifier from :meth:`state`; it predicts the same, but has no scikit-learn
        pipeline for :meth:`predict_slow`."""
        self = cls.__new__(cls)
        for name in cls._STATE:
            setattr(self, name, state[name])
        self._word_range = tuple(self._word_range)
        self._char_range = tuple(self._char_range)
        self._word_re = re.compile(state["token_pattern"])
        self._word_cache = {}
        self.pipeline = None
        self._encoder = None
        if state.get("encoder") is not None:
            import numpy as np

            encoder = default_encoder()
            if encoder is None or encoder.name != state["encoder"]:
                raise ValueError(f"the model needs the sentence encoder {state['encoder']}")
            self._encoder = encoder
            self._embedding_weights = np.asarray(state["_embedding_weights"], dtype=np.float64)
        return self

    def _char_grams(self, word: str) -> tuple[int, ...]:
        """Column ids of the char_wb n-grams of one word (scikit-learn's windows)."""
        ids = self._word_cache.get(word)
        if ids is None:
            vocabulary = self._char_ids
            padded = f" {word} "
            length = len(padded)
            found: list[int] = []
            lo, hi = self._char_range
            for n in range(lo, hi + 1):
                if length <= n:
                    i = vocabulary.get(padded)
                    if i is not None:
                        found.append(i)
                    break
                for k in range(length - n + 1):
                    i = vocabulary.get(padded[k : k + n])
                    if i is not None:
                        found.append(i)
            ids = tuple(found)
            cache = self._word_cache
            if len(cache) >= self._WORD_CACHE_SIZE:
                cache.clear()
            cache[word] = ids
        return ids

    def _features(self, text: str) -> tuple[list[int], list[int]]:
        """Column ids of the word n-grams and of the char_wb n-grams in ``text``."""
        get = self._word_ids.get
        if text.isascii() and self._word_re.pattern == _TOKEN_PATTERN:
            # The token pattern \b\w[\w']*\b on ASCII text: runs of letters, digits, "_"
            # and apostrophes, without the apostrophes at either end.
            tokens = [t for t in (r.strip("'") for r in text.translate(_NOT_TOKEN).split()) if t]
        else:
            tokens = self._word_re.findall(text)
        lo, hi = self._word_range
        if lo == 1 and hi == 2:
            # The usual configuration, in the same order as the general loop below.
            grams = tokens + [f"{a} {b}" for a, b in pairwise(tokens)]
        else:
            grams = []
            for n in range(lo, hi + 1):
                if n == 1:
                    grams.extend(tokens)
                else:
                    grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
        words = [i for i in map(get, grams) if i is not None]
        cached = self._word_cache.get
        char_grams = self._char_grams
        chars: list[int] = []
        for word in text.split():
            found = cached(word)
            chars += char_grams(word) if found is None else found
        return words, chars

    def _part_score(self, ids: list[int]) -> float:
        """Dot product of one part's L2-normalised sublinear tf-idf vector with the
        weights.  With a = idf * weight and b = idf ** 2 per column and tf = 1 + log(count),
        dot = sum(a * tf) and norm ** 2 = sum(b * tf ** 2); most counts are 1."""
        if not ids:
            return 0.0
        a, b = self._a, self._b
        if len(set(ids)) == len(ids):
            # No repeats (the usual case): Counter would list the same columns in the same
            # order, so the sums below are the very same floating-point additions.
            return _ratio(sum(map(a.__getitem__, ids)), sum(map(b.__getitem__, ids)))
        counted = Counter(ids)
        dot = sum(map(a.__getitem__, counted))
        norm = sum(map(b.__getitem__, counted))
        if len(counted) != len(ids):
            for column, count in counted.items():
                if count > 1:
                    tf = 1.0 + math.log(count)
                    dot += a[column] * (tf - 1.0)
                    norm += b[column] * (tf * tf - 1.0)
        return _ratio(dot, norm)

    def predict(self, sentences: Sequence[str]) -> list[float]:
        prepared = [_prepare(sentence) for sentence in sentences]
        if self._encoder is not None and prepared:
            # Row by row, so a sentence scores the same alone or in a batch (a matrix
            # product may sum in another order).
            weights = self._embedding_weights
            vectors = self._encoder.encode(prepared).astype("float64")
            semantic = [float(row @ weights) for row in vectors]
        else:
            semantic = [0.0] * len(prepared)
        out = []
        for text, extra in zip(prepared, semantic, strict=True):
            words, chars = self._features(text)
            logit = self._intercept + self._part_score(words) + self._part_score(chars) + extra
            out.append(0.0 if logit < -30 else 1.0 / (1.0 + math.exp(-logit)))
        return out

    def predict_one(self, sentence: str) -> float:
        return self.predict([sentence])[0]

    def predict_slow(self, sentences: Sequence[str]) -> list[float]:
        """Reference path through scikit-learn, for tests (of a freshly trained model)."""
        if self.pipeline is None:
            raise RuntimeError("a model loaded from its file has no scikit-learn pipeline")
        vectoriser, model = self.pipeline
        features = _with_embeddings(
            vectoriser.transform([_prepare(s) for s in sentences]),
            [_prepare(s) for s in sentences],
            self._encoder,
        )
        return [float(p) for p in model.predict_proba(features)[:, 1]]


def _with_embeddings(features, texts: list[str], encoder: SentenceEncoder | None):
    """The tf-idf matrix with the scaled sentence embeddings as extra columns."""
    if encoder is None:
        return features
    from scipy.sparse import csr_matrix, hstack

    return hstack([features, csr_matrix(encoder.encode(texts) * EMBEDDING_SCALE)], format="csr")


_DEFAULT_ENCODER = object()  # "use the installed encoder, if there is one"


def train_claims_classifier(
    extra: Iterable[tuple[str, bool]] = (), encoder=_DEFAULT_ENCODER
) -> ClaimsClassifier:
    """Train on the shipped sentences plus ``extra`` ``(sentence, is_claim)`` pairs, with the
    sentence embeddings of ``encoder`` (default: :func:`.encoder.default_encoder`; None for
    tf-idf only) beside the n-grams."""
    if encoder is _DEFAULT_ENCODER:
        encoder = default_encoder()
    from sklearn.linear_model import LogisticRegression

    rows = load_training_data() + [(str(t), bool(y)) for t, y in extra]
    texts = [_prepare(t) for t, _ in rows]
    labels = [int(y) for _, y in rows]
    vectoriser = ngram_vectoriser()
    features = _with_embeddings(vectoriser.fit_transform(texts), texts, encoder)
    model = LogisticRegression(
        C=4.0, class_weight="balanced", solver="liblinear", random_state=0, max_iter=1000
    )
    model.fit(features, labels)
    return ClaimsClassifier(vectoriser, model, len(rows), encoder)


def ngram_vectoriser() -> FeatureUnion:
    """The word uni/bigram and char_wb 4-gram tf-idf features, unfitted."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                    token_pattern=_TOKEN_PATTERN,
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


# --------------------------------------------------------------------------------------
# The model file
# --------------------------------------------------------------------------------------

MODEL_PATH_ENV = "CLAIMS_MODEL_PATH"
# moderation/detection/classifier.py -> the project directory, whose var/ holds runtime files.
DEFAULT_MODEL_PATH = Path(__file__).resolve().parents[2] / "var" / "claims-model.pickle"
_FORMAT = 2  # of the saved state; bump when ClaimsClassifier.state() changes


def model_path() -> Path:
    """Where the trained model is kept: ``$CLAIMS_MODEL_PATH``, else ``var/`` in the project."""
    configured = os.environ.get(MODEL_PATH_ENV, "").strip()
    return Path(configured).expanduser() if configured else DEFAULT_MODEL_PATH


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)  # without importing it
    except metadata.PackageNotFoundError:
        return "absent"


def _sklearn_version() -> str:
    return _package_version("scikit-learn")


def _source(function) -> bytes:
    try:
        return inspect.getsource(function).encode()
    except (OSError, TypeError):  # no source shipped (bytecode only): its code, then
        code = function.__code__
        return code.co_code + repr(code.co_consts).encode()


def model_key() -> str:
    """What a saved model must have been built from to be used: the training sentences, the
    training code (features and settings) and the scikit-learn version."""
    digest = hashlib.sha256()
    for name in TRAINING_FILES:
        path = resources.files(__package__).joinpath(name)
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"(absent)")
    for function in (
        train_claims_classifier,
        ngram_vectoriser,
        _prepare,
        ClaimsClassifier.__init__,
        ClaimsClassifier.state,
    ):
        digest.update(_source(function))
    digest.update(_source(_with_embeddings) + f"scale {EMBEDDING_SCALE}".encode())
    if encoders.available():
        # The vectors depend on the encoder's code, its limits and the weights' package.
        version = _package_version(encoders.PACKAGE)
        digest.update(f"encoder {encoders.NAME} {encoders.MAX_TOKENS} {version}".encode())
        digest.update(_source(encoders.SentenceEncoder.encode))
    else:
        digest.update(b"encoder None")
    digest.update(f"format {_FORMAT} scikit-learn {_sklearn_version()}".encode())
    return digest.hexdigest()


class _PlainUnpickler(pickle.Unpickler):
    """Only plain data (dicts, lists, strings, numbers): a file that names any class or
    function is refused instead of being run."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"the model file names {module}.{name}")


def save_model(classifier: ClaimsClassifier, path: Path | None = None) -> Path:
    """Write ``classifier`` to ``path`` (default :func:`model_path`) with the current key,
    atomically: a reader sees the old file or the new one, never half of one."""
    path = Path(path) if path is not None else model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"key": model_key(), "state": classifier.state()}
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(payload, out, protocol=pickle.HIGHEST_PROTOCOL)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)  # mkstemp makes it private; workers may run as others
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def load_model(path: Path | None = None) -> ClaimsClassifier | None:
    """The model saved at ``path`` if it is readable and built from what we train on now;
    None otherwise (missing, stale or corrupt)."""
    path = Path(path) if path is not None else model_path()
    try:
        with open(path, "rb") as source:
            payload = _PlainUnpickler(source).load()
        if not isinstance(payload, dict) or payload.get("key") != model_key():
            return None
        return ClaimsClassifier.from_state(payload["state"])
    except FileNotFoundError:
        return None
    except Exception:
        logger.warning("claims model at %s cannot be read; it will be rebuilt", path)
        return None


def build_model(path: Path | None = None) -> tuple[ClaimsClassifier, Path]:
    """Train on the shipped data and save the model: what ``manage.py claims_model`` runs."""
    classifier = train_claims_classifier()
    return classifier, save_model(classifier, path)


def load_or_train(path: Path | None = None) -> ClaimsClassifier:
    """The saved model when its key matches; otherwise train once, save, and return it.  A
    directory that cannot be written is not an error: the model is then kept in memory."""
    classifier = load_model(path)
    if classifier is not None:
        return classifier
    classifier = train_claims_classifier()
    try:
        save_model(classifier, path)
    except OSError as error:
        logger.warning("claims model not saved (%s); this process trained its own", error)
    return classifier


_LOCK = threading.Lock()
_DEFAULT: ClaimsClassifier | None = None


def default_classifier() -> ClaimsClassifier:
    """The classifier of the shipped data: loaded from its file (see :func:`load_or_train`),
    once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        with _LOCK:
            if _DEFAULT is None:
                _DEFAULT = load_or_train()
    return _DEFAULT


def set_default_classifier(classifier: ClaimsClassifier | None) -> None:
    """Swap the process-wide classifier (after retraining); ``None`` reverts to the default."""
    global _DEFAULT
    with _LOCK:
        _DEFAULT = classifier
