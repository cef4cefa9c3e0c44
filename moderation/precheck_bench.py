"""`make bench-precheck`: how many clean posts the web request's pre-check delays, whether it
ever misses a contact detail, and how long it takes.

    python -m moderation.precheck_bench [--corpus tests/data/corpus.jsonl]
                                        [--holdout tests/data/holdout.jsonl]
                                        [--seconds 2] [--write docs/benchmarks.md]

For each labelled set: the posts without contact details and how many of them the pre-check
would hold back until their scan; its recall against the posts labelled with contact details and
against the posts where the full engine finds one (which must be 1.0: a post the engine would
redact must never be published before its scan); and its time on 1 KB posts (posts of the set
joined and cut at 1,024 characters), all posts and clean posts only (where every guard runs),
with the full scan beside it. Times are process CPU time in one process pinned to one core, the
median of repeated passes. Nothing here imports Django.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from moderation import benchmarks, detection
from moderation.detection.precheck import may_hold_contact

CONTACT = detection.CONTACT
COMMAND = "python -m moderation.precheck_bench --write docs/benchmarks.md"


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.1%})" if whole else "none"


def _microseconds(run, texts: list[str], seconds: float) -> benchmarks.Speed:
    return benchmarks.throughput(run, texts, seconds)


def _per_post(speed: benchmarks.Speed) -> str:
    return (
        f"{1e6 / speed.median:,.1f} µs (median of {speed.passes} passes; "
        f"{1e6 / speed.fastest:,.1f}–{1e6 / speed.slowest:,.1f})"
    )


def measure(name: str, path: Path, seconds: float) -> tuple[list[str], bool]:
    """The section's lines for one labelled set, and whether no engine finding was missed."""
    rows = benchmarks.load_corpus(path)
    ruleset = detection.default_ruleset()
    clean = delayed = labelled = labelled_passed = found = found_passed = 0
    for row in rows:
        text = row["text"]
        passes = may_hold_contact(text)
        if CONTACT in row.get("categories", []):
            labelled += 1
            labelled_passed += passes
        else:
            clean += 1
            delayed += passes
        if any(f.category == CONTACT for f in detection.scan(text, ruleset)):
            found += 1
            found_passed += passes
    posts = benchmarks.one_kilobyte_posts(rows)
    clean_posts = benchmarks.one_kilobyte_posts(
        [r for r in rows if CONTACT not in r.get("categories", [])]
    )
    all_speed = _microseconds(may_hold_contact, posts, seconds)
    clean_speed = _microseconds(may_hold_contact, clean_posts, seconds)
    scan_speed = _microseconds(lambda t: detection.scan(t, ruleset), posts, seconds)
    complete = found_passed == found
    lines = [
        f"### {name}: `{path}` ({len(rows)} posts)",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| posts without contact details (labels) | {clean} |",
        f"| of those, delayed by the pre-check | {_share(delayed, clean)} |",
        f"| recall, posts labelled with contact details | "
        f"{labelled_passed / labelled if labelled else 1:.3f} ({labelled_passed} of {labelled}) |",
        f"| recall, posts where the full scan finds contact details | "
        f"{found_passed / found if found else 1:.3f} ({found_passed} of {found})"
        f"{'' if complete else ' **MISSED SOME**'} |",
        f"| time per 1 KB post, all posts ({len(posts)}) | {_per_post(all_speed)} |",
        f"| time per 1 KB post, clean posts only ({len(clean_posts)}) | {_per_post(clean_speed)} |",
        f"| full scan, same 1 KB posts, for comparison | {_per_post(scan_speed)} |",
        "",
    ]
    return lines, complete


def report(corpus: Path, holdout: Path | None, seconds: float) -> tuple[str, bool]:
    detection.warm_up()
    cores = os.cpu_count() or 0
    pinned = benchmarks._pin_to_one_core()
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `make bench-precheck` "
        f"(`{COMMAND}`), Python {platform.python_version()}, {benchmarks._cpu_model()}, "
        f"nproc {cores}, {pinned}.",
        "",
    ]
    sections, complete = measure("Development corpus", corpus, seconds)
    lines += sections
    if holdout is not None and holdout.exists():
        sections, held_complete = measure("Held-out set", holdout, seconds)
        lines += sections
        complete &= held_complete
    lines += [
        "Recall against the labels is below 1.0 only where the full scan misses the post too: "
        "the pre-check only decides whether a post waits for its scan, and a post the scan "
        "finds nothing in is published by the scan anyway.",
        "",
    ]
    return "\n".join(lines), complete


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("tests/data/corpus.jsonl"))
    parser.add_argument("--holdout", type=Path, default=Path("tests/data/holdout.jsonl"))
    parser.add_argument("--seconds", type=float, default=2.0, help="CPU seconds per speed run")
    parser.add_argument("--write", type=Path, help="Also write the results into this Markdown file")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"No corpus at {args.corpus}", file=sys.stderr)
        return 2
    body, complete = report(args.corpus, args.holdout, args.seconds)
    print(body)
    if args.write:
        benchmarks.write_section(
            args.write,
            body,
            name="bench-precheck",
            heading="Pre-check in the web request (`make bench-precheck`)",
        )
        print(f"Written to {args.write}")
    if not complete:
        print("The pre-check missed posts the full scan flags (see above).", file=sys.stderr)
    return 0 if complete else 1


if __name__ == "__main__":
    sys.exit(main())
