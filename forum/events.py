"""Domain events the forum announces to whoever listens. The forum knows nothing of its listeners:
moderation subscribes in its AppConfig.ready(). Events are sent after the transaction commits, so a
listener (or a worker it enqueues) always finds the row."""

from django.dispatch import Signal

# Sent with post_id: int, revision: int, created: bool after a post is created or its text edited.
post_changed = Signal()
