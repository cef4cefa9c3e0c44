import io
import json

import pytest
from django.core.management import CommandError, call_command

from forum import seeding
from moderation.models import FlagRule

pytestmark = pytest.mark.django_db

SEED = json.loads(seeding.SEED_FILE.read_text(encoding="utf-8"))
COMMENT_1 = SEED["comments"][0]["body"]
COMMENT_2 = SEED["comments"][1]["body"]


def _scan_lines(monkeypatch, lines: list[str]) -> tuple[list[dict], Exception | None]:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("\n".join(lines).encode())))
    out = io.StringIO()
    error = None
    try:
        call_command("scan", stdout=out)
    except CommandError as raised:
        error = raised
    return [json.loads(line) for line in out.getvalue().splitlines()], error


def test_the_seed_comments(monkeypatch):
    results, error = _scan_lines(
        monkeypatch,
        [json.dumps({"id": 1, "text": COMMENT_1}), json.dumps({"id": 2, "text": COMMENT_2})],
    )

    assert error is None
    first, second = results
    assert first["id"] == 1 and second == {"id": 2, "findings": []}
    found = {(f["category"], f["kind"]): f for f in first["findings"]}
    assert found["contact_details", "phone"]["text"] == "040-23733200"
    assert "8-3-945/A/22" in found["contact_details", "address"]["text"]
    assert "hyderabad-500 073" in found["contact_details", "address"]["text"]
    assert "Krishna Choudary" in found["contact_details", "practitioner"]["text"]
    claims = [f for f in first["findings"] if f["category"] == "treatment_claim"]
    assert any("completely stopped" in f["text"] for f in claims)
    for finding in first["findings"]:
        assert COMMENT_1[finding["start"] : finding["end"]] == finding["text"]
        assert set(finding) == {
            "category",
            "kind",
            "start",
            "end",
            "text",
            "score",
            "rule",
            "explanation",
        }


def test_malformed_lines_get_an_error_each_in_order_and_a_non_zero_exit(monkeypatch):
    results, error = _scan_lines(
        monkeypatch,
        ["{not json", '{"id": "a", "text": 5}', "[1, 2]", '{"id": "b", "text": "hello"}'],
    )

    assert isinstance(error, CommandError) and "3 input line(s)" in str(error)
    assert [r.get("line") for r in results] == [1, 2, 3, None]
    assert "not valid JSON" in results[0]["error"]
    assert results[1] == {"id": "a", "line": 2, "error": '"text" must be a string'}
    assert results[3] == {"id": "b", "findings": []}


def test_text_option_prints_findings_readably():
    out = io.StringIO()

    call_command("scan", text="write to maryjones at gmail dot com", stdout=out)

    assert "contact_details / email" in out.getvalue()
    assert "maryjones at gmail dot com" in out.getvalue()


def test_a_rule_added_in_the_database_is_used_by_the_next_scan(admin_user):
    from moderation import services

    services.rule_save(
        rule=FlagRule(
            name="miracle-words",
            matcher=FlagRule.Matcher.KEYWORDS,
            phrases="miracle salve\nwonder balm",
            category="treatment_claim",
            kind="product_pitch",
            threshold=0.8,
        ),
        user=admin_user,
    )
    out = io.StringIO()

    call_command("scan", text="Try the Wonder Balm, it is lovely", stdout=out)

    assert "treatment_claim / product_pitch" in out.getvalue()
    assert "miracle-words" in out.getvalue()


def test_a_disabled_detector_stops_finding(admin_user):
    from moderation import services

    rule = FlagRule.objects.get(detector="phone")
    rule.enabled = False
    services.rule_save(rule=rule, user=admin_user)
    out = io.StringIO()

    call_command("scan", text="ring 040-23733200", stdout=out)

    assert "No findings." in out.getvalue()
