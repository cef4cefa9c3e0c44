from django.conf import settings

from forum import selectors
from forum.roles import is_moderator


def site(request) -> dict:
    user = request.user
    return {
        "site_name": settings.SITE_NAME,
        "post_max_length": settings.FORUM_POST_MAX_LENGTH,
        "user_is_moderator": is_moderator(user),
        "unread_notifications": selectors.unread_notification_count(user=user),
    }
