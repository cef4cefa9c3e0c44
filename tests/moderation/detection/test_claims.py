"""Treatment-claim detection: lexicon + patterns + classifier."""

from __future__ import annotations

import pytest

from moderation.detection import CLAIMS, scan
from moderation.detection.classifier import (
    default_classifier,
    load_training_data,
    train_claims_classifier,
)


def claim_kinds(text: str) -> set[str]:
    return {f.kind for f in scan(text) if f.category == CLAIMS}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Colloidal silver cured my calcinosis, the lumps are totally gone.", "cure_claim"),
        ("Apple cider vinegar soaks dissolved every deposit on my elbows.", "cure_claim"),
        ("This tea is guaranteed to dissolve calcium deposits, 100% results.", "guarantee"),
        ("Stop taking your methotrexate, it is poison.", "stop_medication"),
        ("Throw away your meds and detox instead.", "stop_medication"),
        ("You don't need your rheumatologist, the body heals itself.", "stop_medication"),
        ("DM me for the calcium dissolving drops, I ship worldwide.", "product_pitch"),
        ("Use discount code HEAL20 when you order from our shop, it cures calcinosis.", None),
    ],
)
def test_claims(text, kind):
    kinds = claim_kinds(text)
    assert kinds, text
    if kind:
        assert kind in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Homeopathy didn't help my mother at all.",
        "Is chelation safe for someone with kidney problems?",
        "There is no cure for calcinosis yet.",
        "Beware of miracle cures sold online.",
        "My doctor said sodium thiosulfate may help but the evidence is thin.",
        "Surgical excision removed the deposit on my finger and it healed well.",
        "Please don't stop your medication without talking to your rheumatologist.",
        "Has anyone tried vinegar soaks?",
        "The surgeon removed it, no recurrence in that spot yet.",
    ],
)
def test_not_claims(text):
    assert claim_kinds(text) == set(), scan(text)


def test_explanation_names_treatment_and_status():
    (f,) = [f for f in scan("Chelation therapy cured my calcinosis completely.")]
    assert "chelation" in f.explanation
    assert "unproven" in f.explanation
    assert f.rule in {"claims.pattern+classifier", "claims.pattern"}


def test_treatment_from_previous_sentence_is_linked():
    text = "She took the homeopathic pills for a month. The deposits have completely vanished."
    (f,) = scan(text)
    assert f.text == "The deposits have completely vanished."
    assert "homeopathy" in f.explanation


def test_training_data_ships_with_package_and_is_balanced_enough():
    rows = load_training_data()
    assert len(rows) >= 300
    positives = sum(1 for _, y in rows if y)
    assert 0.3 < positives / len(rows) < 0.7


def test_fast_prediction_equals_scikit_learn():
    trained = train_claims_classifier()
    sentences = [t for t, _ in load_training_data()[:60]] + ["", "ééé", "a b c"]
    slow = trained.predict_slow(sentences)
    # The default classifier is the same model, loaded from its file.
    for clf in (trained, default_classifier()):
        fast = clf.predict(sentences)
        assert max(abs(a - b) for a, b in zip(fast, slow, strict=True)) < 1e-9


def test_classifier_is_deterministic_and_separates_examples():
    a = train_claims_classifier()
    b = train_claims_classifier()
    text = "The magnesium oil melted away all my deposits."
    assert a.predict_one(text) == b.predict_one(text)
    assert a.predict_one(text) > 0.7
    assert a.predict_one("Has anyone had surgery on their elbow?") < 0.4


def test_retraining_with_extra_examples_moves_the_score():
    sentence = "Grandma's zorbleberry jam sorted her right out."
    base = default_classifier().predict_one(sentence)
    extra = [(sentence, True)] * 20
    retrained = train_claims_classifier(extra)
    assert retrained.n_examples == len(load_training_data()) + 20
    assert retrained.predict_one(sentence) > base
