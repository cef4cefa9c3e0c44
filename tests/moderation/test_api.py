"""The moderation REST API under /api/moderation/: who may reach it, the queue and its filters,
a case with its flags, decisions, claims, bulk decisions, rules, the treatment lexicon, the audit
log and the schema that documents it all."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from forum import services as forum_services
from forum.models import ModerationState, Post
from forum.roles import Role, role_grant
from moderation import policy, services
from moderation.models import (
    AuditEntry,
    Case,
    CaseStatus,
    Decision,
    FlagRule,
    RulesetVersion,
    Treatment,
)
from tests.factories import UserFactory
from tests.moderation.conftest import COMMENT_1

pytestmark = pytest.mark.django_db

API = "/api/moderation"
PHONE = "040-23733200"


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def mod_api(moderator):
    return _client(moderator)


@pytest.fixture
def admin_api(admin_user):
    return _client(admin_user)


@pytest.fixture
def other_moderator(db):
    user = UserFactory(username="mod2")
    role_grant(user=user, role=Role.MODERATOR)
    return user


def _scanned(thread, author, body: str = COMMENT_1) -> Post:
    post = forum_services.post_create(thread=thread, author=author, body=body)
    services.post_scan(post_id=post.pk, revision=post.revision)
    post.refresh_from_db()
    return post


def _reported(thread, reason: str, body: str = "My fingers hurt in the cold.") -> Case:
    post = forum_services.post_create(thread=thread, author=UserFactory(), body=body)
    services.report_create(post=post, reporter=UserFactory(), reason=reason, note="see this")
    return Case.objects.get(post=post)


@pytest.fixture
def flagged_case(article, new_member) -> Case:
    """COMMENT_1 (a phone number, an address, a practitioner and a cure claim) by a new member:
    scanned, held, one case."""
    post = _scanned(article.thread, new_member)
    assert post.moderation_state == ModerationState.HELD
    return Case.objects.get(post=post)


@pytest.fixture
def report_case(article) -> Case:
    return _reported(article.thread, "spam")


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


# --- Who may reach what --------------------------------------------------------------------------

ENDPOINTS = [
    ("get", "/queue/"),
    ("get", "/queue/counts/"),
    ("get", "/cases/{case}/"),
    ("post", "/cases/{case}/decide/"),
    ("post", "/cases/{case}/claim/"),
    ("post", "/cases/{case}/unclaim/"),
    ("post", "/cases/bulk/"),
    ("get", "/rules/"),
    ("post", "/rules/"),
    ("get", "/rules/{rule}/"),
    ("put", "/rules/{rule}/"),
    ("patch", "/rules/{rule}/"),
    ("delete", "/rules/{rule}/"),
    ("get", "/treatments/"),
    ("post", "/treatments/"),
    ("get", "/treatments/{treatment}/"),
    ("put", "/treatments/{treatment}/"),
    ("patch", "/treatments/{treatment}/"),
    ("delete", "/treatments/{treatment}/"),
    ("get", "/audit/"),
]
ADMIN_WRITES = [(m, p) for m, p in ENDPOINTS if p.startswith(("/rules", "/treatments"))]
ADMIN_WRITES = [(m, p) for m, p in ADMIN_WRITES if m != "get"] + [("get", "/audit/")]


def _url(path: str, case: Case) -> str:
    rule = FlagRule.objects.get(name="phone-numbers")
    treatment = Treatment.objects.get(name="homeopathy")
    return API + path.format(case=case.pk, rule=rule.pk, treatment=treatment.pk)


BODIES = {
    "/cases/{case}/decide/": {"action": "approve", "reason": "fine"},
    "/cases/bulk/": {"ids": [], "action": "approve", "reason": "fine"},
    "/rules/": {"name": "x", "matcher": "keywords", "phrases": ["x"], "category": "spam"},
    "/treatments/": {"name": "x", "status": "unproven"},
    "/rules/{rule}/": {"enabled": False},
    "/treatments/{treatment}/": {"enabled": False},
}


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_anonymous_gets_401_with_a_challenge(api_client, report_case, method, path):
    body = BODIES.get(path) if method != "get" else None
    response = getattr(api_client, method)(_url(path, report_case), body, format="json")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_members_get_403_and_change_nothing(member_api, report_case, method, path):
    versions = RulesetVersion.objects.count()
    body = BODIES.get(path) if method != "get" else None
    response = getattr(member_api, method)(_url(path, report_case), body, format="json")

    assert response.status_code == 403
    report_case.refresh_from_db()
    assert report_case.status == CaseStatus.OPEN and report_case.assignee is None
    assert RulesetVersion.objects.count() == versions
    assert FlagRule.objects.get(name="phone-numbers").enabled


@pytest.mark.parametrize(("method", "path"), ADMIN_WRITES)
def test_moderators_cannot_change_rules_or_treatments_nor_read_the_audit_log(
    mod_api, report_case, method, path
):
    versions = RulesetVersion.objects.count()
    body = BODIES.get(path) if method != "get" else None
    response = getattr(mod_api, method)(_url(path, report_case), body, format="json")

    assert response.status_code == 403
    assert RulesetVersion.objects.count() == versions
    assert FlagRule.objects.get(name="phone-numbers").enabled
    assert Treatment.objects.get(name="homeopathy").enabled


@pytest.mark.parametrize(
    "path", ["/rules/", "/rules/{rule}/", "/treatments/", "/treatments/{treatment}/"]
)
def test_moderators_read_rules_and_treatments(mod_api, report_case, path):
    assert mod_api.get(_url(path, report_case)).status_code == 200


def test_the_audit_log_is_read_only_even_for_admins(admin_api):
    for method in ("post", "put", "patch", "delete"):
        assert getattr(admin_api, method)(f"{API}/audit/", {}, format="json").status_code == 405


# --- The queue -----------------------------------------------------------------------------------


def test_the_queue_lists_the_worst_first_with_a_summary_of_each(mod_api, article, flagged_case):
    spam = _reported(article.thread, "spam", body="Buy cheap pills")
    abuse = _reported(article.thread, "abuse", body="You are all fools")

    response = mod_api.get(f"{API}/queue/")
    items = response.json()["results"]

    assert _ids(response) == [flagged_case.pk, abuse.pk, spam.pk]
    worst = items[0]
    post = flagged_case.post
    assert (worst["severity"], worst["severity_label"], worst["status"]) == (3, "High", "open")
    assert worst["categories"] == ["contact_details", "treatment_claim"]
    assert (worst["has_flags"], worst["has_reports"], worst["reporter_count"]) == (True, False, 0)
    assert worst["assignee"] is None
    assert worst["post"] == {
        "id": post.pk,
        "number": post.number,
        "thread": {"id": article.thread_id, "title": article.thread.title},
        "author": "newbie",
        "moderation_state": "held",
        "excerpt": worst["post"]["excerpt"],
    }
    assert worst["post"]["excerpt"].startswith("Hi\n\nMy mother had scleroderma")
    assert len(worst["post"]["excerpt"]) <= 160
    explanations = set(flagged_case.flags.values_list("explanation", flat=True))
    assert worst["reason"] in explanations
    assert items[1]["reason"] == "Reported: it is abusive or unkind"
    assert (items[2]["severity_label"], items[2]["has_reports"]) == ("Low", True)


@pytest.fixture
def queue(article, new_member, moderator):
    """Five cases: F flagged by the detector today; S reported as spam 3 days ago; A reported as
    abuse 10 days ago and claimed by "mod"; E reported and escalated; D reported and decided."""
    f = Case.objects.get(post=_scanned(article.thread, new_member))
    s = _reported(article.thread, "spam", body="Cheap pills here")
    a = _reported(article.thread, "abuse", body="You are all fools")
    e = _reported(article.thread, "other", body="Is this allowed?")
    d = _reported(article.thread, "other", body="Another question")
    Case.objects.filter(pk=s.pk).update(opened_at=timezone.now() - timedelta(days=3))
    Case.objects.filter(pk=a.pk).update(opened_at=timezone.now() - timedelta(days=10))
    services.case_claim(case=a, moderator=moderator)
    services.case_decide(case=e, moderator=moderator, action="escalate", reason="unsure")
    services.case_decide(case=d, moderator=moderator, action="approve", reason="fine")
    return {"F": f.pk, "S": s.pk, "A": a.pk, "E": e.pk, "D": d.pk}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "FSAE"),
        ("status=open", "FSAE"),
        ("status=escalated", "E"),
        ("status=decided", "D"),
        ("status=all", "FSAED"),
        ("category=contact_details", "F"),
        ("category=spam", "S"),
        ("reason=abuse", "A"),
        ("source=detector", "F"),
        ("source=reader", "SAE"),
        ("age=24h", "FE"),
        ("age=7d", "FSE"),
        ("age=older", "A"),
        ("assignee=me", "A"),
        ("assignee=mod", "A"),
        ("assignee=unassigned", "FSE"),
        ("assignee=nobody-by-that-name", ""),
        ("status=all&source=reader&age=24h", "ED"),
    ],
)
def test_queue_filters(mod_api, queue, query, expected):
    ids = _ids(mod_api.get(f"{API}/queue/?{query}"))

    assert sorted(ids) == sorted(queue[key] for key in expected)


@pytest.mark.parametrize(
    ("param", "value"),
    [("status", "closed"), ("source", "robot"), ("age", "1y"), ("reason", "rude")],
)
def test_an_unknown_filter_value_is_a_400_naming_the_parameter(mod_api, queue, param, value):
    response = mod_api.get(f"{API}/queue/?{param}={value}")

    assert response.status_code == 400
    assert list(response.json()) == [param]
    assert value in response.json()[param][0]


def test_queue_counts_per_status(mod_api, queue):
    response = mod_api.get(f"{API}/queue/counts/")

    assert response.status_code == 200
    assert response.json() == {"open": 3, "escalated": 1, "decided": 1}


def test_the_queue_costs_the_same_number_of_queries_for_any_number_of_cases(
    mod_api, article, moderator, django_assert_max_num_queries
):
    def add_cases(n: int) -> None:
        for i in range(n):
            _scanned(article.thread, UserFactory(), body=f"Call me on {PHONE} ({i})")
            case = _reported(article.thread, "spam", body=f"Buy pills {i}")
            services.case_claim(case=case, moderator=moderator)

    add_cases(1)
    with CaptureQueriesContext(connection) as few:
        assert len(_ids(mod_api.get(f"{API}/queue/"))) == 2
    add_cases(8)

    with django_assert_max_num_queries(len(few)):
        response = mod_api.get(f"{API}/queue/")

    assert len(_ids(response)) == 18
    assert all(item["reason"] for item in response.json()["results"])


# --- One case ------------------------------------------------------------------------------------


def test_case_detail_has_flags_whose_spans_index_into_the_text_as_written(
    mod_api, flagged_case, other_member
):
    services.report_create(
        post=flagged_case.post, reporter=other_member, reason="contact_details", note="a phone"
    )

    response = mod_api.get(f"{API}/cases/{flagged_case.pk}/")

    assert response.status_code == 200
    data = response.json()
    body = data["post"]["body"]
    assert body == COMMENT_1
    assert data["post"]["moderation_state"] == "held"
    assert data["post"]["author"] == "newbie" and data["post"]["revision"] == 1
    assert data["flags"], "COMMENT_1 is flagged"
    for flag in data["flags"]:
        assert body[flag["start"] : flag["end"]] == flag["text"]
        assert flag["rule"] and flag["explanation"] and flag["severity_label"]
    kinds = {flag["kind"]: flag for flag in data["flags"]}
    assert kinds["phone"]["text"] == PHONE
    assert kinds["phone"]["category"] == "contact_details"
    assert kinds["phone"]["rule"] == "phone-numbers" and kinds["phone"]["action"] == "hold"
    assert kinds["cure_claim"]["category"] == "treatment_claim"
    assert data["reports"] == [
        {
            "id": data["reports"][0]["id"],
            "reason": "contact_details",
            "reason_label": "It shares contact details (phone, address, e-mail)",
            "note": "a phone",
            "reporter": "omar",
            "created_at": data["reports"][0]["created_at"],
        }
    ]
    assert data["decisions"] == []
    history = data["author_history"]
    assert (history["username"], history["post_count"]) == ("newbie", 1)
    assert history["cases"] == [] and history["suspended_until"] is None


def test_author_history_names_earlier_cases_and_their_decisions(
    mod_api, article, new_member, flagged_case, moderator
):
    services.case_decide(case=flagged_case, moderator=moderator, action="remove", reason="ad")
    later = Case.objects.get(
        post=_scanned(article.thread, new_member, body=f"Call {PHONE} for the cure")
    )

    history = mod_api.get(f"{API}/cases/{later.pk}/").json()["author_history"]

    assert history["post_count"] == 2
    assert [(c["id"], c["status"], c["last_decision"]) for c in history["cases"]] == [
        (flagged_case.pk, "decided", "remove")
    ]


def test_an_unknown_case_is_a_404(mod_api, db):
    decide = {"action": "approve", "reason": "x"}

    assert mod_api.get(f"{API}/cases/999999/").status_code == 404
    assert mod_api.post(f"{API}/cases/999999/decide/", decide).status_code == 404
    assert mod_api.post(f"{API}/cases/999999/claim/").status_code == 404


@pytest.mark.parametrize(
    ("action", "extra", "state", "case_status"),
    [
        ("approve", {}, "published", "decided"),
        ("redact", {}, "redacted", "decided"),
        ("edit", {"body": "Readers see this instead."}, "redacted", "decided"),
        ("remove", {}, "removed", "decided"),
        ("warn", {}, "removed", "decided"),
        ("suspend", {"days": 7}, "removed", "decided"),
        ("escalate", {}, "held", "escalated"),
    ],
)
def test_each_decision_gives_the_post_its_state(
    mod_api, flagged_case, action, extra, state, case_status
):
    response = mod_api.post(
        f"{API}/cases/{flagged_case.pk}/decide/",
        {"action": action, "reason": "Per the rules", **extra},
        format="json",
    )

    assert response.status_code == 200, response.content
    data = response.json()
    post = Post.objects.select_related("author").get(pk=flagged_case.post_id)
    assert post.moderation_state == state == data["post"]["moderation_state"]
    assert data["status"] == case_status and data["last_decision"] == action
    assert data["decisions"][0]["action"] == action
    assert data["decisions"][0]["moderator"] == "mod"
    assert data["decisions"][0]["reason"] == "Per the rules"
    assert post.body == COMMENT_1, "the original is always kept"
    if action == "redact":
        assert policy.REDACTION in post.public_body and PHONE not in post.public_body
        assert data["post"]["public_body"] == post.public_body
    if action == "edit":
        assert post.public_body == "Readers see this instead."
    if action == "suspend":
        until = post.author.suspended_until
        assert until and timedelta(days=6) < until - timezone.now() <= timedelta(days=7)
    else:
        assert post.author.suspended_until is None
    assert AuditEntry.objects.filter(action=f"case.{action}", target_id=str(flagged_case.pk))


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"action": "ban", "reason": "x"}, "action"),
        ({"reason": "x"}, "action"),
        ({"action": "approve"}, "reason"),
        ({"action": "approve", "reason": ""}, "reason"),
        ({"action": "approve", "reason": "   "}, "reason"),
        ({"action": "suspend", "reason": "x"}, "days"),
        ({"action": "suspend", "reason": "x", "days": 0}, "days"),
        ({"action": "suspend", "reason": "x", "days": 366}, "days"),
        ({"action": "suspend", "reason": "x", "days": "a week"}, "days"),
        ({"action": "edit", "reason": "x"}, "body"),
        ({"action": "edit", "reason": "x", "body": "  \n "}, "body"),
        ({"action": "edit", "reason": "x", "body": "x" * 20_001}, "body"),
    ],
)
def test_bad_decisions_are_a_400_naming_the_field_and_change_nothing(
    mod_api, flagged_case, body, field
):
    response = mod_api.post(f"{API}/cases/{flagged_case.pk}/decide/", body, format="json")

    assert response.status_code == 400
    assert field in response.json()
    flagged_case.refresh_from_db()
    assert flagged_case.status == CaseStatus.OPEN
    assert not Decision.objects.exists()
    assert Post.objects.get(pk=flagged_case.post_id).moderation_state == ModerationState.HELD
    assert Post.objects.get(pk=flagged_case.post_id).author.suspended_until is None


def test_a_decided_case_is_a_409_naming_case(mod_api, flagged_case):
    url = f"{API}/cases/{flagged_case.pk}/decide/"
    assert mod_api.post(url, {"action": "approve", "reason": "ok"}).status_code == 200

    response = mod_api.post(url, {"action": "remove", "reason": "changed my mind"})

    assert response.status_code == 409 and "Reopen it first" in response.json()["case"][0]
    assert Post.objects.get(pk=flagged_case.post_id).moderation_state == "published"


def test_redacting_a_post_without_flagged_contact_details_is_a_400_naming_action(
    mod_api, report_case
):
    response = mod_api.post(
        f"{API}/cases/{report_case.pk}/decide/", {"action": "redact", "reason": "x"}
    )

    assert response.status_code == 400 and "action" in response.json()


def test_a_body_that_is_not_an_object_is_a_400(mod_api, report_case):
    response = mod_api.post(f"{API}/cases/{report_case.pk}/decide/", ["approve"], format="json")

    assert response.status_code == 400


# --- Claims --------------------------------------------------------------------------------------


def test_claims_conflict_and_release(mod_api, admin_api, report_case, other_moderator):
    other_api = _client(other_moderator)
    claim, unclaim = (f"{API}/cases/{report_case.pk}/{verb}/" for verb in ("claim", "unclaim"))

    mine = mod_api.post(claim)
    again = mod_api.post(claim)
    taken = other_api.post(claim)
    not_theirs = other_api.post(unclaim)

    assert mine.status_code == 200 and mine.json()["assignee"] == "mod"
    assert again.status_code == 200 and again.json()["assignee"] == "mod"
    assert taken.status_code == 400 and "mod is working" in taken.json()["case"][0]
    assert not_theirs.status_code == 400 and "case" in not_theirs.json()
    assert Case.objects.get(pk=report_case.pk).assignee.username == "mod"

    released = admin_api.post(unclaim)
    assert released.status_code == 200 and released.json()["assignee"] is None
    assert other_api.post(claim).json()["assignee"] == "mod2"
    assert other_api.post(unclaim).json()["assignee"] is None


def test_a_stale_claim_can_be_taken_over(mod_api, report_case, other_moderator, settings):
    mod_api.post(f"{API}/cases/{report_case.pk}/claim/")
    Case.objects.filter(pk=report_case.pk).update(
        claimed_at=timezone.now() - timedelta(minutes=settings.MODERATION_CLAIM_MINUTES + 1)
    )

    response = _client(other_moderator).post(f"{API}/cases/{report_case.pk}/claim/")

    assert response.status_code == 200 and response.json()["assignee"] == "mod2"


# --- Bulk ----------------------------------------------------------------------------------------


def test_bulk_remove_decides_each_open_case_and_skips_decided_ones(mod_api, article, moderator):
    cases = [_reported(article.thread, "spam", body=f"Pills {n}") for n in range(3)]
    services.case_decide(case=cases[0], moderator=moderator, action="approve", reason="fine")

    response = mod_api.post(
        f"{API}/cases/bulk/",
        {"ids": [c.pk for c in cases], "action": "remove", "reason": "Spam"},
        format="json",
    )

    assert response.status_code == 200 and response.json() == {"decided": 2}
    states = dict(Post.objects.filter(case__in=cases).values_list("case", "moderation_state"))
    assert states == {cases[0].pk: "published", cases[1].pk: "removed", cases[2].pk: "removed"}
    assert set(Case.objects.values_list("status", flat=True)) == {"decided"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"action": "suspend", "reason": "x"}, "action"),
        ({"action": "approve", "reason": "x", "ids": []}, "ids"),
        ({"action": "approve", "reason": "x", "ids": [999999]}, "ids"),
        ({"action": "approve", "reason": "x", "ids": ["one"]}, "ids"),
        ({"action": "approve", "reason": ""}, "reason"),
        ({"action": "approve"}, "reason"),
    ],
)
def test_bad_bulk_input_is_a_400_and_decides_nothing(mod_api, article, body, field):
    cases = [_reported(article.thread, "spam", body=f"Pills {n}") for n in range(2)]
    body = {"ids": [c.pk for c in cases], **body}

    response = mod_api.post(f"{API}/cases/bulk/", body, format="json")

    assert response.status_code == 400 and field in response.json()
    assert not Decision.objects.exists()


# --- Rules ---------------------------------------------------------------------------------------


def test_admins_create_change_and_delete_rules_with_a_new_version_and_audit_each_time(
    admin_api, article
):
    versions = RulesetVersion.objects.count()

    created = admin_api.post(
        f"{API}/rules/",
        {
            "name": "spam-words",
            "matcher": "keywords",
            "phrases": ["crypto", " forex signals "],
            "category": "spam",
            "kind": "spam",
            "severity": 1,
            "scope_categories": ["caregivers", "living-with-calcinosis"],
        },
        format="json",
    )

    assert created.status_code == 201, created.content
    data = created.json()
    rule = FlagRule.objects.get(name="spam-words")
    assert rule.phrases == "crypto\nforex signals"
    assert data["phrases"] == ["crypto", "forex signals"]
    assert sorted(data["scope_categories"]) == ["caregivers", "living-with-calcinosis"]
    assert (data["action"], data["updated_by"], data["flagged_posts"]) == ("flag", "boss", 0)
    assert RulesetVersion.objects.count() == versions + 1
    assert AuditEntry.objects.filter(action="rule.create", target_id=str(rule.pk)).exists()

    url = f"{API}/rules/{rule.pk}/"
    changed = admin_api.patch(
        url, {"phrases": ["crypto", "bitcoin"], "threshold": 0.8}, format="json"
    )

    assert changed.status_code == 200, changed.content
    assert changed.json()["phrases"] == ["crypto", "bitcoin"]
    assert sorted(changed.json()["scope_categories"]) == ["caregivers", "living-with-calcinosis"]
    rule.refresh_from_db()
    assert (rule.phrases, rule.threshold) == ("crypto\nbitcoin", 0.8)
    assert RulesetVersion.objects.count() == versions + 2
    update = AuditEntry.objects.get(action="rule.update", target_id=str(rule.pk))
    assert update.before["phrases"] == "crypto\nforex signals"
    assert update.after["phrases"] == "crypto\nbitcoin"

    replaced = admin_api.put(
        url,
        {
            "name": "spam-words",
            "matcher": "pattern",
            "pattern": r"(?i)\bcrypto\w*",
            "category": "spam",
            "scope_categories": [],
        },
        format="json",
    )

    assert replaced.status_code == 200, replaced.content
    assert replaced.json()["matcher"] == "pattern" and replaced.json()["scope_categories"] == []
    assert RulesetVersion.objects.count() == versions + 3

    deleted = admin_api.delete(url)

    assert deleted.status_code == 204
    assert not FlagRule.objects.filter(pk=rule.pk).exists()
    assert RulesetVersion.objects.count() == versions + 4
    assert AuditEntry.objects.get(action="rule.delete", target_id=str(rule.pk)).actor.username == (
        "boss"
    )


@pytest.mark.parametrize(("pattern", "words"), [("(unclosed", "RE2"), ("a*", "empty string")])
def test_a_bad_pattern_is_a_400_naming_pattern(admin_api, pattern, words):
    versions = RulesetVersion.objects.count()

    response = admin_api.post(
        f"{API}/rules/",
        {"name": "bad", "matcher": "pattern", "pattern": pattern, "category": "spam"},
        format="json",
    )

    assert response.status_code == 400
    assert list(response.json()) == ["pattern"]
    assert words in response.json()["pattern"][0]
    assert RulesetVersion.objects.count() == versions
    assert not FlagRule.objects.filter(name="bad").exists()


def test_changing_a_rule_to_a_bad_pattern_is_a_400_and_keeps_the_old_one(admin_api):
    rule = services.rule_save(
        rule=FlagRule(name="good", matcher="pattern", pattern="crypto", category="spam"), user=None
    )
    versions = RulesetVersion.objects.count()

    response = admin_api.patch(f"{API}/rules/{rule.pk}/", {"pattern": "a*"}, format="json")

    assert response.status_code == 400 and "pattern" in response.json()
    rule.refresh_from_db()
    assert rule.pattern == "crypto"
    assert RulesetVersion.objects.count() == versions


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "phone-numbers"}, "name"),
        ({"scope_categories": ["no-such-category"]}, "scope_categories"),
        ({"phrases": ["two\nlines"]}, "phrases"),
        ({"phrases": "crypto"}, "phrases"),
        ({"action": "explode"}, "action"),
        ({"threshold": 2}, "threshold"),
        ({"matcher": "keywords", "phrases": []}, "phrases"),
    ],
)
def test_bad_rule_input_is_a_400_naming_the_field(admin_api, article, body, field):
    versions = RulesetVersion.objects.count()
    rule = {"name": "new-rule", "matcher": "keywords", "phrases": ["x"], "category": "spam"}

    response = admin_api.post(f"{API}/rules/", {**rule, **body}, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert RulesetVersion.objects.count() == versions


def test_rules_list_with_how_their_flags_fared(mod_api, admin_api, flagged_case, moderator):
    services.case_decide(case=flagged_case, moderator=moderator, action="approve", reason="ok")

    listing = mod_api.get(f"{API}/rules/")

    assert listing.status_code == 200
    assert listing.json()["count"] == FlagRule.objects.count()
    rules = {rule["name"]: rule for rule in listing.json()["results"]}
    phone = rules["phone-numbers"]
    assert (phone["flagged_posts"], phone["approved"], phone["acted_on"]) == (1, 1, 0)
    assert phone["matcher"] == "detector" and phone["detector"] == "phone"
    assert rules["email-addresses"]["flagged_posts"] == 0


def test_rules_list_is_paginated_and_its_query_count_is_flat(
    mod_api, admin_user, article, django_assert_max_num_queries
):
    def add_rules(n: int, start: int) -> None:
        for i in range(start, start + n):
            rule = FlagRule(name=f"words-{i}", matcher="keywords", phrases="x", category="spam")
            services.rule_save(rule=rule, user=admin_user, scope_categories=[])

    add_rules(1, 0)
    with CaptureQueriesContext(connection) as few:
        mod_api.get(f"{API}/rules/")
    add_rules(15, 1)

    with django_assert_max_num_queries(len(few)):
        response = mod_api.get(f"{API}/rules/")

    assert response.json()["count"] == FlagRule.objects.count() and response.json()["next"]


# --- Treatments ----------------------------------------------------------------------------------


def test_admins_manage_the_treatment_lexicon(admin_api):
    versions = RulesetVersion.objects.count()

    created = admin_api.post(
        f"{API}/treatments/",
        {"name": "turmeric paste", "synonyms": ["curcumin paste", "haldi"], "status": "unproven"},
        format="json",
    )

    assert created.status_code == 201, created.content
    treatment = Treatment.objects.get(name="turmeric paste")
    assert treatment.synonyms == "curcumin paste\nhaldi"
    assert created.json()["synonyms"] == ["curcumin paste", "haldi"]
    assert RulesetVersion.objects.count() == versions + 1
    assert AuditEntry.objects.filter(action="treatment.create", target_id=str(treatment.pk))

    url = f"{API}/treatments/{treatment.pk}/"
    listing = admin_api.get(f"{API}/treatments/")
    assert listing.json()["count"] == Treatment.objects.count()
    assert admin_api.get(url).json()["status"] == "unproven"

    changed = admin_api.patch(url, {"status": "investigational", "note": "a trial"})
    assert changed.status_code == 200
    assert changed.json()["status"] == "investigational"
    assert changed.json()["synonyms"] == ["curcumin paste", "haldi"]
    assert RulesetVersion.objects.count() == versions + 2
    assert AuditEntry.objects.filter(action="treatment.update", target_id=str(treatment.pk))

    replaced = admin_api.put(url, {"name": "haldi", "status": "unproven"}, format="json")
    assert replaced.status_code == 200, replaced.content
    assert replaced.json()["name"] == "haldi"
    assert RulesetVersion.objects.count() == versions + 3

    assert admin_api.delete(url).status_code == 204
    assert not Treatment.objects.filter(pk=treatment.pk).exists()
    assert RulesetVersion.objects.count() == versions + 4
    assert AuditEntry.objects.filter(action="treatment.delete", target_id=str(treatment.pk))


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "homeopathy", "status": "unproven"}, "name"),
        ({"name": "new", "status": "miraculous"}, "status"),
        ({"name": "new"}, "status"),
        ({"status": "unproven"}, "name"),
    ],
)
def test_bad_treatment_input_is_a_400_naming_the_field(admin_api, body, field):
    versions = RulesetVersion.objects.count()

    response = admin_api.post(f"{API}/treatments/", body, format="json")

    assert response.status_code == 400 and field in response.json()
    assert RulesetVersion.objects.count() == versions


# --- The audit log -------------------------------------------------------------------------------


def test_admins_read_the_audit_log_newest_first_and_filter_it(
    admin_api, report_case, moderator, admin_user
):
    services.case_claim(case=report_case, moderator=moderator)
    services.case_decide(case=report_case, moderator=moderator, action="approve", reason="fine")
    services.treatment_save(treatment=Treatment(name="x", status="unproven"), user=admin_user)

    everything = admin_api.get(f"{API}/audit/").json()
    rules = admin_api.get(f"{API}/audit/?action=treatment.").json()
    cases = admin_api.get(f"{API}/audit/?action=case.").json()

    assert everything["count"] == AuditEntry.objects.count()
    newest = everything["results"][0]
    assert (newest["action"], newest["actor"], newest["target_type"]) == (
        "treatment.create",
        "boss",
        "treatment",
    )
    assert newest["after"]["name"] == "x" and newest["before"] is None
    assert [e["action"] for e in rules["results"]] == ["treatment.create"]
    assert [e["action"] for e in cases["results"]] == ["case.approve", "case.claim"]
    approve = cases["results"][0]
    assert (approve["actor"], approve["reason"]) == ("mod", "fine")
    assert approve["target_id"] == str(report_case.pk)


def test_the_audit_log_is_paginated(admin_api, admin_user):
    for n in range(25):
        services.treatment_save(
            treatment=Treatment(name=f"t{n}", status="unproven"), user=admin_user
        )

    page = admin_api.get(f"{API}/audit/?action=treatment.").json()

    assert page["count"] == 25 and len(page["results"]) == 20 and page["next"]


# --- The report endpoint still works -------------------------------------------------------------


def test_readers_still_report_posts(member_api, article):
    comment = Post.objects.get(thread=article.thread, number=2)

    response = member_api.post(f"/api/posts/{comment.pk}/report/", {"reason": "abuse"})

    assert response.status_code == 201
    assert Case.objects.get(post=comment).reporter_count == 1


# --- The schema ----------------------------------------------------------------------------------


def test_the_schema_documents_every_moderation_path(api_client, db):
    response = api_client.get("/api/schema/?format=json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in [
        "/api/moderation/queue/",
        "/api/moderation/queue/counts/",
        "/api/moderation/cases/{id}/",
        "/api/moderation/cases/{id}/decide/",
        "/api/moderation/cases/{id}/claim/",
        "/api/moderation/cases/{id}/unclaim/",
        "/api/moderation/cases/bulk/",
        "/api/moderation/rules/",
        "/api/moderation/rules/{id}/",
        "/api/moderation/treatments/",
        "/api/moderation/treatments/{id}/",
        "/api/moderation/audit/",
    ]:
        assert path in paths
        for operation in paths[path].values():
            assert operation["tags"] == ["moderation"]
    queue_params = {p["name"] for p in paths["/api/moderation/queue/"]["get"]["parameters"]}
    assert {"status", "category", "reason", "source", "age", "assignee"} <= queue_params


def test_the_schema_is_valid_without_warnings(tmp_path):
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )

    assert "/api/moderation/queue/" in (tmp_path / "schema.yml").read_text()
