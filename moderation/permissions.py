"""Who may do what in moderation, checked here for pages and API alike."""

from rest_framework.permissions import BasePermission

from forum.roles import is_admin, is_moderator

__all__ = ["IsAdmin", "IsModerator", "case_refusal", "is_admin", "is_moderator"]


def case_refusal(*, case, user) -> str:
    """Why `user` may not decide or reopen `case` ("" when they may): escalated cases and cases
    about one's own post are for administrators (and, for one's own post, other moderators)."""
    if not is_moderator(user):
        return "Only moderators decide cases."
    if is_admin(user):
        return ""
    if case.escalated:
        return "This case is escalated: only administrators decide it."
    if case.post.author_id == user.pk:
        return "This case is about your own post: another moderator or an administrator decides it."
    return ""


class IsModerator(BasePermission):
    message = "Only moderators can do this."

    def has_permission(self, request, view) -> bool:
        return is_moderator(request.user)


class IsAdmin(BasePermission):
    message = "Only administrators can do this."

    def has_permission(self, request, view) -> bool:
        return is_admin(request.user)
