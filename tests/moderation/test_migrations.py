"""Upgrading an installation with decided cases: a decision stands only where its post still
shows what it made of it; a disagreement the old re-scan left behind goes back to the queue."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("forum", "0004_outgoing_email"), ("moderation", "0004_default_rules")]
AFTER = [
    ("forum", "0006_post_state_set_by_moderator"),
    ("moderation", "0005_moderation_decisions_stand"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_decisions_stand_only_where_their_post_agrees():
    old = _migrate(BEFORE)
    User = old.get_model("forum", "User")
    Thread = old.get_model("forum", "Thread")
    Post = old.get_model("forum", "Post")
    Case = old.get_model("moderation", "Case")
    Decision = old.get_model("moderation", "Decision")
    author = User.objects.create(username="old-author")
    thread = Thread.objects.create(title="Old topic")

    def decided(number, state, action):
        post = Post.objects.create(
            thread=thread, number=number, author=author, body="text", moderation_state=state
        )
        case = Case.objects.create(post=post, status="decided")
        Decision.objects.create(case=case, action=action, reason="r", details={"revision": 1})
        return case.pk

    agrees = decided(1, "removed", "remove")
    undone = decided(2, "held", "remove")  # the old re-scan held a removed post again
    redacted = decided(3, "redacted", "redact")  # a moderator's redaction
    escalated = Case.objects.create(
        post=Post.objects.create(thread=thread, number=4, author=author, body="x"),
        status="escalated",
    ).pk

    try:
        new = _migrate(AFTER)
        Case = new.get_model("moderation", "Case")
        Post = new.get_model("forum", "Post")
        assert Case.objects.get(pk=agrees).decided_revision == 1
        assert Case.objects.get(pk=agrees).status == "decided"
        back = Case.objects.get(pk=undone)
        assert (back.status, back.decided_revision) == ("open", None)
        assert Case.objects.get(pk=redacted).decided_revision == 1
        assert Post.objects.get(number=3, thread_id=thread.pk).state_set_by_moderator
        assert Case.objects.get(pk=escalated).escalated
    finally:
        _migrate(
            [(app, name) for app, name in MigrationExecutor(connection).loader.graph.leaf_nodes()]
        )
