"""The claims classifier is trained once, saved to a file, and loaded from it by workers."""

from __future__ import annotations

import io
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from moderation.detection import classifier
from moderation.detection.classifier import (
    build_model,
    load_model,
    load_or_train,
    model_key,
    model_path,
    save_model,
    train_claims_classifier,
)

SENTENCES = [
    "The magnesium oil melted away all my deposits, you must try it.",
    "My rheumatologist started me on diltiazem last spring.",
    "Throw away your tablets, the clay cures everything.",
    "Has anyone had the lumps removed surgically?",
    "",
    "ééé 123",
]
ROOT = Path(__file__).parents[3]


@pytest.fixture(scope="module")
def trained():
    return train_claims_classifier()


@pytest.fixture
def saved(trained, tmp_path):
    return save_model(trained, tmp_path / "model.pickle")


def _key_of(path: Path) -> str:
    return pickle.loads(path.read_bytes())["key"]


def test_saved_and_loaded_models_predict_the_same(trained, saved):
    loaded = load_model(saved)
    assert loaded is not None
    assert loaded.predict(SENTENCES) == trained.predict(SENTENCES)
    assert loaded.n_examples == trained.n_examples
    assert _key_of(saved) == model_key()


def test_saving_leaves_no_temporary_file(saved):
    assert [p.name for p in saved.parent.iterdir()] == ["model.pickle"]


def test_a_file_with_a_stale_key_is_rebuilt(trained, tmp_path):
    path = tmp_path / "model.pickle"
    path.write_bytes(pickle.dumps({"key": "trained on last year's sentences", "state": {}}))
    assert load_model(path) is None
    rebuilt = load_or_train(path)
    assert rebuilt.predict(SENTENCES) == trained.predict(SENTENCES)
    assert _key_of(path) == model_key()


def test_another_scikit_learn_version_makes_the_key_stale(saved, monkeypatch):
    monkeypatch.setattr(classifier, "_sklearn_version", lambda: "0.0-other")
    assert load_model(saved) is None


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle at all", b"\x80\x05\x95", pickle.dumps(["a", "list"])],
    ids=["empty", "text", "truncated", "wrong shape"],
)
def test_a_corrupt_file_is_rebuilt_not_a_crash(trained, tmp_path, content):
    path = tmp_path / "model.pickle"
    path.write_bytes(content)
    assert load_model(path) is None
    assert load_or_train(path).predict(SENTENCES) == trained.predict(SENTENCES)
    assert load_model(path) is not None


def test_a_file_that_names_code_is_refused_not_run(tmp_path):
    class Boom:
        def __reduce__(self):
            return (print, ("this must never run",))

    path = tmp_path / "model.pickle"
    path.write_bytes(pickle.dumps({"key": model_key(), "state": Boom()}))
    assert load_model(path) is None


def test_a_directory_that_cannot_be_written_still_gives_a_model(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    model = load_or_train(blocker / "model.pickle")
    assert model.predict_one(SENTENCES[0]) > 0.5


def test_the_path_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMS_MODEL_PATH", str(tmp_path / "elsewhere.pickle"))
    assert model_path() == tmp_path / "elsewhere.pickle"
    monkeypatch.delenv("CLAIMS_MODEL_PATH")
    assert model_path() == ROOT / "var" / "claims-model.pickle"


def test_build_model_trains_and_saves(tmp_path):
    model, path = build_model(tmp_path / "sub" / "model.pickle")
    assert path.is_file()
    assert load_model(path).predict(SENTENCES) == model.predict(SENTENCES)


def test_a_new_process_loads_the_file_without_scikit_learn(saved):
    # numpy is there for the sentence encoder; scikit-learn and scipy only train.
    code = (
        "import sys\n"
        "from moderation import detection\n"
        "detection.warm_up()\n"
        "print(sorted(m for m in ('sklearn', 'scipy') if m in sys.modules))\n"
    )
    env = {"CLAIMS_MODEL_PATH": str(saved), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_command_builds_and_checks_the_file(tmp_path):
    path = tmp_path / "model.pickle"
    out = io.StringIO()
    with pytest.raises(CommandError, match="No current claims model"):
        call_command("claims_model", "--check", "--path", str(path), stdout=out)
    call_command("claims_model", "--path", str(path), stdout=out)
    assert f"saved it to {path} in" in out.getvalue()
    call_command("claims_model", "--check", "--path", str(path), stdout=out)
    assert "is current" in out.getvalue()
