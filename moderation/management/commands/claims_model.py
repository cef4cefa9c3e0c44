"""Train the claims classifier once and save it where workers load it from.

    python manage.py claims_model            # var/claims-model.pickle, or $CLAIMS_MODEL_PATH
    python manage.py claims_model --check    # is the saved model current? (exit status 1 if not)

Workers load the saved model at start-up instead of training their own (about a second each);
a model saved from other training data or another scikit-learn version is not used. `make run`,
`make worker` and `make test` run this command when the training data has changed."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from moderation.detection import classifier


class Command(BaseCommand):
    help = "Train the claims classifier and save it for the workers (see CLAIMS_MODEL_PATH)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--path", type=Path, help=f"Where to save it (default: {classifier.model_path()})"
        )
        parser.add_argument(
            "--check", action="store_true", help="Only say whether the saved model is current."
        )

    def handle(self, *args, path: Path | None, check: bool, **options):
        path = path or classifier.model_path()
        if check:
            if classifier.load_model(path) is None:
                raise CommandError(
                    f"No current claims model at {path}; run manage.py claims_model."
                )
            self.stdout.write(f"The claims model at {path} is current.")
            return
        started = time.perf_counter()
        model, saved = classifier.build_model(path)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Trained the claims classifier on {model.n_examples} sentences and saved it to "
            f"{saved} in {seconds:.2f} s."
        )
