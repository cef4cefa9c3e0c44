"""Scan texts with the rules in force, as the workers do.

python manage.py scan < posts.jsonl > findings.jsonl
python manage.py scan --text "call Dr Rao on 040-23733200"
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from moderation import detection, selectors


class Command(BaseCommand):
    help = (
        'Read JSON lines {"id": …, "text": …} on standard input and write one line '
        '{"id": …, "findings": […]} per input, in order, using the rules active in the database. '
        "A malformed line gets an error object and the command exits with status 1 at the end."
    )

    def add_arguments(self, parser):
        parser.add_argument("--text", help="Scan this one text and print the findings readably.")

    def handle(self, *args, text: str | None, **options):
        try:
            ruleset = selectors.active_ruleset()
        except DatabaseError as error:
            raise CommandError(
                f"Cannot read the rules from the database ({error}). "
                "Run `python manage.py migrate` first."
            ) from error
        if text is not None:
            self._print_readably(text, ruleset)
            return
        failures = 0
        for number, raw in enumerate(sys.stdin.buffer, start=1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                failures += 1
                error = {"id": None, "line": number, "error": "not valid UTF-8"}
                self.stdout.write(json.dumps(error))
                continue
            result, ok = self._scan_line(line, number, ruleset)
            failures += not ok
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        if failures:
            raise CommandError(f"{failures} input line(s) could not be scanned; see their errors.")

    def _scan_line(self, line: str, number: int, ruleset) -> tuple[dict, bool]:
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            return {"id": None, "line": number, "error": f"not valid JSON: {error.msg}"}, False
        if not isinstance(item, dict):
            return {"id": None, "line": number, "error": "expected a JSON object"}, False
        if not isinstance(item.get("text"), str):
            return (
                {"id": item.get("id"), "line": number, "error": '"text" must be a string'},
                False,
            )
        findings = detection.scan(item["text"], ruleset)
        return {"id": item.get("id"), "findings": [f.to_dict() for f in findings]}, True

    def _print_readably(self, text: str, ruleset) -> None:
        findings = detection.scan(text, ruleset)
        if not findings:
            self.stdout.write("No findings.")
            return
        for f in findings:
            self.stdout.write(
                f"{f.category} / {f.kind}  [{f.start}:{f.end}]  score {f.score:.2f}  ({f.rule})\n"
                f"    {f.text!r}\n"
                f"    {f.explanation}"
            )
