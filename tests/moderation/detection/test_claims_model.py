"""The claims model: sentence embeddings from the installed package, the pre-filter that
chooses what it reads, and the classifier path running with no network at all."""

import subprocess
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from moderation.detection import claim_prefilter, encoder
from moderation.detection.classifier import train_claims_classifier

ROOT = Path(__file__).resolve().parents[3]


def test_the_encoder_comes_from_the_installed_package():
    loaded = encoder.load_encoder()
    assert loaded is not None and loaded.name == encoder.NAME
    weights = resources.files(encoder.PACKAGE).joinpath(encoder.WEIGHTS)
    assert "site-packages" in str(weights) and weights.is_file()
    vectors = loaded.encode(
        [
            "this herbal tea cured my scleroderma",
            "my sister was healed by the herbalist's medicine",
            "the bus to the hospital was late again",
            "",
        ]
    )
    assert vectors.shape == (4, 256)
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-5)
    assert not vectors[3].any()  # nothing to read: a zero vector, not NaN
    cure, healed, bus = vectors[:3]
    assert cure @ healed > cure @ bus + 0.2


def test_shouting_reads_like_speaking():
    # The classifier lower-cases what it reads, so the encoder sees the same text.
    model = train_claims_classifier()
    assert model.predict_one("THIS TEA CURED MY LUPUS") == model.predict_one(
        "this tea cured my lupus"
    )


def test_a_brace_in_a_treatment_name_is_only_text():
    from moderation.detection import DEFAULT_TREATMENTS, Ruleset, TreatmentEntry, scan

    ruleset = Ruleset(
        treatments=(*DEFAULT_TREATMENTS, TreatmentEntry("Calci{X} balm", ("calcix",), "unproven"))
    )
    text = "The calcix balm I bought works. My lumps are gone since I used it, completely gone."
    assert [f for f in scan(text, ruleset) if f.category == "treatment_claim"]


def test_the_classifier_uses_the_embeddings_and_works_without_them():
    with_embeddings = train_claims_classifier()
    without = train_claims_classifier(encoder=None)
    assert with_embeddings.encoder_name == encoder.NAME
    assert without.encoder_name is None
    sentence = "The bitter leaf mixture made my uncle whole again."
    assert with_embeddings.predict_one(sentence) != without.predict_one(sentence)
    # Either one is a working model.
    assert 0.0 <= without.predict_one(sentence) <= 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "We are healed.",
        "Call him on WhatsApp.",
        "My HIV test came back negative.",
        "Mi madre se curó con hierbas.",
        "Fiquei curada em dois meses.",
        "Ma mère est guérie.",
        "इस दवा से ठीक हो गया।",
        "اس دوا سے شفا ملی",
        "شفيت تماما",
        "dawai band kar do",
    ],
)
def test_the_prefilter_selects_what_claims_are_made_of(sentence):
    assert claim_prefilter.selects(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thanks everyone, see you at the meeting on Tuesday.",
        "Lovely to hear from you.",
        "Happy birthday to your mum!",
        "Gracias a todos por escribir.",
    ],
)
def test_the_prefilter_leaves_small_talk_alone(sentence):
    assert not claim_prefilter.selects(sentence)


def test_selected_names_each_sentence_once():
    text = "Thanks all. We are healed, healed! See you soon. Call me."
    spans = [(0, 11), (12, 34), (35, 48), (49, 57)]
    assert claim_prefilter.selected(text, spans) == [1, 3]


# A process that cannot reach any other machine: every connection and name lookup fails.
_NO_NETWORK = """
import socket
def _refuse(*args, **kwargs):
    raise OSError("network access attempted")
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
"""


def test_the_model_path_runs_with_no_network(tmp_path):
    """From a cold start with no model file: train with the packaged embeddings, save, and
    score a claim with the classifier, with every socket refused."""
    code = _NO_NETWORK + (
        "from moderation import detection\n"
        "from moderation.detection.classifier import default_classifier\n"
        "detection.warm_up()\n"
        "print(default_classifier().encoder_name)\n"
        "text = 'We are all healed now, glory to God and to the herbal doctor.'\n"
        "print(sorted({(f.kind, f.rule) for f in detection.scan(text)}))\n"
    )
    env = {
        "CLAIMS_MODEL_PATH": str(tmp_path / "model.pickle"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    name, findings = result.stdout.strip().splitlines()[-2:]
    assert name == encoder.NAME
    # The classifier (with the embeddings) scored the claim: its rule says so.
    assert "('cure_claim', 'claims.pattern+classifier')" in findings
    assert "network access attempted" not in result.stderr
    assert (tmp_path / "model.pickle").is_file()


@pytest.mark.parametrize(
    "text",
    [
        "Homeopathic treatment succeeds against systemic sclerosis.",
        "Natural medicine beats the hospital drugs every time.",
    ],
)
def test_the_classifier_alone_finds_a_claim_no_pattern_knows(text):
    from moderation import detection

    claims = [f for f in detection.scan(text) if f.category == "treatment_claim"]
    assert [f.rule for f in claims] == ["claims.classifier"]
    assert "claims classifier" in claims[0].explanation or "claims model" in claims[0].explanation
    assert f"score {claims[0].score:.2f}" in claims[0].explanation


@pytest.mark.parametrize(
    "text",
    [
        "'Works better than western medicine' is what every seller says.",
        "None of the creams contained anything capable of dissolving calcium.",
        "Beware of anyone who says their herbs beat the hospital drugs.",
        "Does natural medicine beat the hospital drugs?",
    ],
)
def test_the_classifier_alone_leaves_quotes_denials_warnings_and_questions(text):
    from moderation import detection

    assert not [f for f in detection.scan(text) if f.rule == "claims.classifier"]
