"""Grow the claims classifier's training data from moderators' decisions.

    python manage.py claims_examples    # writes data/claims_from_moderators.jsonl

Every treatment-claim flag on a decided case becomes a labelled sentence: a claim if the moderator
acted on the post (redacted, edited, removed, warned, suspended), not a claim if they approved it
(a false alarm). The file is reviewed and committed like code; workers train on it when they
start."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from moderation import selectors
from moderation.detection import classifier

DEFAULT_OUT = Path(classifier.__file__).parent / classifier.TRAINING_FILES[1]


class Command(BaseCommand):
    help = "Export decided treatment-claim flags as labelled sentences for the claims classifier."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be written; write nothing."
        )

    def handle(self, *args, out: Path, dry_run: bool, **options):
        examples = {}
        if out.exists():
            for line in out.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    examples[row["text"]] = bool(row["claim"])
        before = dict(examples)
        for text, is_claim in selectors.claim_examples_from_decisions():
            examples[text] = is_claim  # the latest decision about the same words wins
        added = sum(1 for text in examples if text not in before)
        changed = sum(1 for text in before if examples[text] != before[text])
        if not dry_run:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(
                "".join(
                    json.dumps({"text": text, "claim": claim}, ensure_ascii=False) + "\n"
                    for text, claim in sorted(examples.items())
                ),
                encoding="utf-8",
            )
        verb = "Would write" if dry_run else "Wrote"
        self.stdout.write(
            f"{verb} {len(examples)} examples to {out} ({added} new, {changed} relabelled)."
        )
