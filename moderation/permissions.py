"""Who may do what in moderation, checked here for pages and API alike."""

from rest_framework.permissions import BasePermission

from forum.roles import is_admin, is_moderator

__all__ = ["IsAdmin", "IsModerator", "is_admin", "is_moderator"]


class IsModerator(BasePermission):
    message = "Only moderators can do this."

    def has_permission(self, request, view) -> bool:
        return is_moderator(request.user)


class IsAdmin(BasePermission):
    message = "Only administrators can do this."

    def has_permission(self, request, view) -> bool:
        return is_admin(request.user)
