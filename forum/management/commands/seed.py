from django.core.management.base import BaseCommand

from forum import seeding


class Command(BaseCommand):
    help = (
        "Load the calcinosis article, its two reader comments and the forum categories "
        "(idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-accounts",
            action="store_true",
            help="Also create demo logins (member, moderator, admin) with known passwords.",
        )

    def handle(self, *args, demo_accounts: bool, **options):
        article = seeding.seed_article()
        categories = seeding.seed_categories()
        self.stdout.write(
            f"Article “{article.title}” with {article.thread.posts.count()} comments, "
            f"{len(categories)} forum categories."
        )
        if demo_accounts:
            self.stdout.write("Demo logins (for this local installation only):")
            for login in seeding.seed_demo_accounts():
                self.stdout.write(
                    f"  {login.role.value:<10} username: {login.username:<10} "
                    f"password: {login.password}"
                )
