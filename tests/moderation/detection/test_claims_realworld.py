"""The kinds of claim, and of harmless text, that real public writing showed the engine
getting wrong (written here in our own words)."""

import pytest

from moderation import detection


def claims_in(text: str) -> list:
    return [f for f in detection.scan(text) if f.category == detection.CLAIMS]


@pytest.mark.parametrize(
    "text",
    [
        # Plain first-person cure assertions in everyday words.
        "We are healed, my whole family, after the bush medicine.",
        "My uncle got his cure there after two visits.",
        "They have the cure for this, I promise you.",
        # Healers' adverts.
        "Mama Ngozi heals long-term diseases with roots and spiritual powers, call her today.",
        # Superiority.
        "This tea works better than western medicine for calcinosis.",
        "The balm is as effective as the drugs, with none of the side effects.",
        # Incurable? A myth, they say.
        "It is a myth that scleroderma cannot be cured.",
        # Headlines.
        "Homeopathic remedy succeeds against systemic sclerosis, clinic reports.",
        # Other diseases, in the same genre.
        "Dr Musa's herbs cured my HIV and my sister's diabetes.",
        "His herbal medicine cures herpes, COVID-19, psoriasis and lupus.",
    ],
)
def test_claims_real_people_make(text):
    assert claims_in(text), detection.scan(text)


@pytest.mark.parametrize(
    "text",
    [
        # Warnings that use the words of the advice they warn against.
        "You can NEVER just stop taking prednisone, it has to be tapered.",
        "As a nurse I worry about people who tell patients to stop their medication.",
        "If you ever see 'stop your meds' in a comment here, please report it.",
        "Someone at church told me their paste removes calcium 100%. Don't fall for it.",
        # Prescribed hospital care reported as experience.
        "The IVIG my rheumatologist arranged cleared most of the lumps.",
        "The dermatologist's laser removed the deposit on my thumb.",
        "Signal me if you want the name of the podiatrist who sorted my heel deposits.",
        # Studies and sceptics.
        "A kinase inhibitor reverses fibrosis in a mouse model of scleroderma.",
        "This article looks at purported cures for calcinosis and finds no evidence for any.",
        "None of the five creams contained anything capable of dissolving calcium.",
        "'Works better than western medicine' is what every seller says.",
        # Headings and shop boilerplate.
        "Natural cures:",
        "Free delivery of medicine on orders over £20.",
        "All proceeds from the cards that we sell go to the charity.",
        # A question, and an address that happens to contain a word.
        "Has anyone tried turmeric for the lumps?",
        "Write to me at sam.help@example.com, I have had CREST for eight years.",
    ],
)
def test_what_real_people_write_without_making_a_claim(text):
    assert not claims_in(text), claims_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Beware of anyone who posts 'I am cured' with a link.",
        "Scam warning: the seller says we are healed by his tea.",
    ],
)
def test_plain_cure_words_in_a_warning_or_a_quote(text):
    assert not claims_in(text)


def test_a_claim_is_not_erased_by_a_careful_word_after_it():
    text = (
        "Someone asked what worked for me: the herbal paste from Baba cured my calcinosis "
        "completely. Careful, the paste sells out fast."
    )
    assert claims_in(text)
