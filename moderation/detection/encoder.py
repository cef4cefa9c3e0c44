"""Sentence embeddings for the claims model, from weights shipped inside an installed package.

The weights are WordLlama's ``l2_supercat`` static token embeddings (32,000 tokens x 256
dimensions, 16 MB of float16 in the ``wordllama`` wheel) with their tokenizer (the Llama 2
SentencePiece vocabulary, a JSON file in the same wheel).  A sentence's vector is the mean of
its tokens' vectors, L2-normalised: what WordLlama itself computes, done here in a few lines
of numpy so that nothing reaches for the network.  (WordLlama's own ``load()`` looks for the
tokenizer outside the package and then tries to download it.)

The vectors carry meaning across phrasings ("we are healed", "my uncle got his cure there")
in English and, more weakly, in the other Latin-script languages; Devanagari and Arabic
script break into byte tokens and carry little, which is why the classifier beside them keeps
its character n-grams.

Everything here is optional: :func:`default_encoder` returns None when the package is not
installed, and the classifier is then trained and used without embeddings.
"""

from __future__ import annotations

import logging
import os
import threading
from importlib import resources
from importlib.util import find_spec
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

logger = logging.getLogger(__name__)
# Celery workers load the encoder and then fork; the tokenizer's own thread pool must not be
# running by then. One sentence batch per post gains nothing from it anyway.
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

PACKAGE = "wordllama"
WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
TENSOR = "embedding.weight"
NAME = f"{PACKAGE}/l2_supercat_256"
# Tokens past this many say nothing more about a sentence and only cost time.
MAX_TOKENS = 128


class SentenceEncoder:
    """Turns sentences into unit vectors (float32, ``dimensions`` wide)."""

    __slots__ = ("_table", "_tokenizer", "dimensions", "name")

    def __init__(self, tokenizer, table: np.ndarray, name: str):
        self._tokenizer = tokenizer
        self._table = table
        self.dimensions = int(table.shape[1])
        self.name = name

    def encode(self, sentences: list[str]) -> np.ndarray:
        import numpy as np

        out = np.zeros((len(sentences), self.dimensions), dtype=np.float32)
        if not sentences:
            return out
        # (The classifier hands over lower-cased text: shouting means the same as speaking.)
        texts = list(sentences)
        for row, encoding in enumerate(self._tokenizer.encode_batch(texts)):
            ids = encoding.ids[:MAX_TOKENS]
            if ids and texts[row].strip():  # (the tokenizer gives "<s>" even for nothing)
                out[row] = self._table[ids].mean(axis=0, dtype=np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


def available() -> bool:
    """Whether the package holding the weights is installed (without importing it)."""
    return find_spec(PACKAGE) is not None


def load_encoder() -> SentenceEncoder | None:
    """The encoder from the installed package's files, or None if it is not installed."""
    if not available():
        return None
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    files = resources.files(PACKAGE)
    tokenizer = Tokenizer.from_str(files.joinpath(TOKENIZER).read_text("utf-8"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    with resources.as_file(files.joinpath(WEIGHTS)) as path:
        table = load_file(str(path))[TENSOR].astype("float32")
    return SentenceEncoder(tokenizer, table, NAME)


_LOCK = threading.Lock()
_LOADED = False
_DEFAULT: SentenceEncoder | None = None


def default_encoder() -> SentenceEncoder | None:
    """The process-wide encoder, loaded on first use; None without the package."""
    global _DEFAULT, _LOADED
    if not _LOADED:
        with _LOCK:
            if not _LOADED:
                _DEFAULT = load_encoder()
                _LOADED = True
                if _DEFAULT is None:
                    logger.info(
                        "%s is not installed: claims model runs without embeddings", PACKAGE
                    )
    return _DEFAULT
