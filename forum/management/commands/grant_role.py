from django.core.management.base import BaseCommand, CommandError

from forum.models import User
from forum.roles import Role, role_grant


class Command(BaseCommand):
    help = "Give a member a role: member (no moderation rights), moderator or admin."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=[role.value for role in Role])

    def handle(self, *args, username: str, role: str, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No member with the username “{username}”.")
        role_grant(user=user, role=Role(role))
        self.stdout.write(f"{user.username} now has the {role} role.")
