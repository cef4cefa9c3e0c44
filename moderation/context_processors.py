from forum.roles import is_moderator
from moderation import selectors


def queue(request) -> dict:
    """The number of open cases, for the moderators' link in the header."""
    if not is_moderator(request.user):
        return {}
    return {"open_case_count": selectors.open_case_count()}
