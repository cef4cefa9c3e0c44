import io
import json

import pytest
from django.core.management import call_command

from forum import services as forum_services
from moderation import services
from moderation.models import Case

pytestmark = pytest.mark.django_db

CLAIM = "My aunt's calcinosis was completely cured by colloidal silver drops, buy them now."
FALSE_ALARM = "Homeopathy completely stopped the deposits, or so the seller told us; it did not."


def _decided_case(article, author, moderator, body, action):
    post = forum_services.post_create(thread=article.thread, author=author, body=body)
    services.post_scan(post_id=post.pk, revision=post.revision)
    case = Case.objects.get(post=post)
    services.case_decide(case=case, moderator=moderator, action=action, reason="checked")
    return case


def test_decisions_become_labelled_sentences(article, established_member, moderator, tmp_path):
    removed = _decided_case(article, established_member, moderator, CLAIM, "remove")
    approved = _decided_case(article, established_member, moderator, FALSE_ALARM, "approve")
    out = tmp_path / "examples.jsonl"

    call_command("claims_examples", "--out", str(out), stdout=io.StringIO())
    call_command("claims_examples", "--out", str(out), stdout=io.StringIO())  # idempotent

    rows = [json.loads(line) for line in out.read_text().splitlines()]
    claim_texts = {f.text for f in removed.flags.filter(category="treatment_claim")}
    alarm_texts = {f.text for f in approved.flags.filter(category="treatment_claim")}
    assert claim_texts and alarm_texts
    assert {r["text"] for r in rows if r["claim"]} == claim_texts
    assert {r["text"] for r in rows if not r["claim"]} == alarm_texts
    assert len(rows) == len(claim_texts | alarm_texts)


def test_dry_run_writes_nothing(tmp_path, db):
    out = tmp_path / "examples.jsonl"
    stdout = io.StringIO()

    call_command("claims_examples", "--out", str(out), "--dry-run", stdout=stdout)

    assert not out.exists() and "Would write 0 examples" in stdout.getvalue()


def test_a_reopened_decision_labels_nothing(article, established_member, moderator, tmp_path):
    approved = _decided_case(article, established_member, moderator, FALSE_ALARM, "approve")
    services.case_reopen(case=approved, moderator=moderator, reason="Second look")
    out = tmp_path / "examples.jsonl"

    call_command("claims_examples", "--out", str(out), stdout=io.StringIO())

    rows = [json.loads(line) for line in out.read_text().splitlines()] if out.exists() else []
    assert all(not row["claim"] for row in rows), "a reopen is not a judgement that it is a claim"
