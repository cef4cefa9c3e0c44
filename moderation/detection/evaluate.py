"""Post-level precision/recall on a labelled JSONL corpus, and a throughput measurement.

    python -m moderation.detection.evaluate tests/data/corpus.jsonl [--errors] [--speed]

Each line: {"id": ..., "text": ..., "categories": [...], "kinds": [...]}.  A post counts as
predicted for a category (or kind) if ``scan`` returns at least one finding of it.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter

from . import scan
from .types import CLAIMS, CONTACT


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(rows: list[dict], show_errors: bool = False) -> dict[str, tuple[float, float, float]]:
    counts: Counter[tuple[str, str]] = Counter()
    labels = set()
    for row in rows:
        findings = scan(row["text"])
        predicted = {f.category for f in findings} | {f.kind for f in findings}
        gold = set(row.get("categories", [])) | set(row.get("kinds", []))
        labels |= gold | predicted
        for label in gold | predicted:
            if label in gold and label in predicted:
                counts[label, "tp"] += 1
            elif label in predicted:
                counts[label, "fp"] += 1
            else:
                counts[label, "fn"] += 1
        if show_errors:
            for category in (CONTACT, CLAIMS):
                if (category in gold) != (category in predicted):
                    what = "FP" if category in predicted else "FN"
                    print(f"--- {what} {category} {row['id']} gold={sorted(gold)}")
                    print(row["text"][:600])
                    for f in findings:
                        print(f"    > {f.kind} {f.score:.2f} {f.rule} {f.text[:80]!r}")
    return {
        label: _prf(counts[label, "tp"], counts[label, "fp"], counts[label, "fn"])
        for label in sorted(labels)
    }


def throughput(texts: list[str], seconds: float = 3.0) -> float:
    """Posts per second of ``scan`` over ``texts`` (after one warm-up pass)."""
    for t in texts:
        scan(t)
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for t in texts:
            scan(t)
        n += len(texts)
    return n / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--speed", action="store_true")
    args = parser.parse_args()
    with open(args.corpus, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    for label, (p, r, f) in evaluate(rows, args.errors).items():
        print(f"{label:20s} P={p:.3f} R={r:.3f} F1={f:.3f}")
    if args.speed:
        # ~1 KB posts: concatenate corpus posts until each is about 1,000 characters.
        posts, current = [], ""
        for row in rows:
            current = f"{current}\n\n{row['text']}" if current else row["text"]
            if len(current) >= 1000:
                posts.append(current[:1100])
                current = ""
        rate = throughput(posts)
        print(f"throughput: {rate:.0f} posts/s on {len(posts)} posts of ~1 KB")


if __name__ == "__main__":
    main()
