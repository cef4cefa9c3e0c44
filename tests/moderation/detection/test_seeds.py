"""The two seed comments from the article: #1 must be caught in full, #2 must be clean."""

from __future__ import annotations

from moderation.detection import CLAIMS, CONTACT, scan


def _by_kind(findings):
    out = {}
    for f in findings:
        out.setdefault(f.kind, []).append(f)
    return out


def test_seed_1_phone(seed_comment_1):
    phones = _by_kind(scan(seed_comment_1))["phone"]
    assert [f.text for f in phones] == ["040-23733200"]
    assert phones[0].category == CONTACT
    assert "India" in phones[0].explanation


def test_seed_1_address_covers_house_number_to_pin(seed_comment_1):
    (address,) = _by_kind(scan(seed_comment_1))["address"]
    assert address.text.startswith("8-3-945/A/22")
    assert address.text.endswith("hyderabad-500 073")


def test_seed_1_named_practitioner_with_solicitation(seed_comment_1):
    (practitioner,) = _by_kind(scan(seed_comment_1))["practitioner"]
    assert "call him" in practitioner.text
    assert practitioner.text.endswith("Dr.P.Krishna Choudary")


def test_seed_1_homeopathy_testimonial(seed_comment_1):
    claims = [f for f in scan(seed_comment_1) if f.category == CLAIMS]
    assert len(claims) == 1
    claim = claims[0]
    assert "completely stopped" in claim.text
    assert "homeopathy" in claim.explanation
    assert "unproven" in claim.explanation


def test_seed_1_does_not_flag_the_first_doctor_mention(seed_comment_1):
    # "i consulted Dr.Chaudry of hyderabad" is a report, not a solicitation.
    findings = scan(seed_comment_1)
    assert not any("consulted" in f.text for f in findings)


def test_seed_2_is_clean(seed_comment_2):
    assert scan(seed_comment_2) == []


def test_findings_are_sorted_and_point_into_the_text(seed_comment_1):
    findings = scan(seed_comment_1)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for f in findings:
        assert seed_comment_1[f.start : f.end] == f.text
        assert 0.0 <= f.score <= 1.0


def test_seed_2_is_the_real_comment(seed_comment_2):
    # The real text, not a paraphrase: it names hospice, ages and years of illness.
    assert "contact hospice" in seed_comment_2
    assert "CREST syndrome - 10 years ago" in seed_comment_2
    assert "pain management" in seed_comment_2
