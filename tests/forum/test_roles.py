import pytest
from django.core.management import CommandError, call_command

from forum.models import User
from forum.roles import is_admin, is_moderator


def _fresh(user):
    return User.objects.get(pk=user.pk)  # a new object, as the next request would load


def test_grant_role_command_moves_a_member_between_roles(member):
    call_command("grant_role", "mary", "moderator")
    assert is_moderator(_fresh(member)) and not is_admin(_fresh(member))

    call_command("grant_role", "mary", "admin")
    assert is_admin(_fresh(member)) and _fresh(member).is_staff

    call_command("grant_role", "mary", "member")
    assert not is_moderator(_fresh(member)) and not _fresh(member).is_staff


def test_grant_role_names_an_unknown_member(db):
    with pytest.raises(CommandError, match="nobody"):
        call_command("grant_role", "nobody", "moderator")


def test_anonymous_and_inactive_users_have_no_role(db, moderator):
    from django.contrib.auth.models import AnonymousUser

    moderator.is_active = False
    assert not is_moderator(AnonymousUser())
    assert not is_moderator(moderator)
