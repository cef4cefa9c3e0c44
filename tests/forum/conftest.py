import pytest


@pytest.fixture(autouse=True)
def _forum_without_moderation_policy(settings):
    """The forum's own tests run it as it runs without moderation: posts publish at once. How
    moderation changes that is tested in tests/moderation/."""
    settings.FORUM_MODERATION_POLICY = ""
