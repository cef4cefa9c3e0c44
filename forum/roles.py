"""Roles are Django groups. Members are every active account; "Moderators" triage the queue;
"Admins" (or superusers) configure moderation rules. This is the one place that knows the names."""

from enum import StrEnum

from django.contrib.auth.models import Group


class Role(StrEnum):
    MEMBER = "member"
    MODERATOR = "moderator"
    ADMIN = "admin"


MODERATORS_GROUP = "Moderators"
ADMINS_GROUP = "Admins"
GROUP_FOR_ROLE = {Role.MODERATOR: MODERATORS_GROUP, Role.ADMIN: ADMINS_GROUP}


def _group_names(user) -> set[str]:
    # Cached on the user object: templates ask several times per page.
    if not hasattr(user, "_role_group_names"):
        user._role_group_names = set(user.groups.values_list("name", flat=True))
    return user._role_group_names


def is_admin(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or ADMINS_GROUP in _group_names(user)


def is_moderator(user) -> bool:
    """Moderators and admins both triage."""
    if not user.is_authenticated or not user.is_active:
        return False
    return is_admin(user) or MODERATORS_GROUP in _group_names(user)


def role_grant(*, user, role: Role) -> None:
    """Give `user` exactly `role`: a member loses the moderator and admin groups, a moderator is not
    an admin, an admin is also staff so that Django's admin site opens for them."""
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUP_FOR_ROLE.values()}
    user.groups.remove(*groups.values())
    if role in GROUP_FOR_ROLE:
        user.groups.add(groups[GROUP_FOR_ROLE[role]])
    user.is_staff = role == Role.ADMIN or user.is_superuser
    user.save(update_fields=["is_staff"])
    if hasattr(user, "_role_group_names"):
        del user._role_group_names
