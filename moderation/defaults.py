"""The rules and treatment lexicon a new installation starts with (loaded by a migration), so that
it moderates from its first post. Admins change them afterwards in the admin or the API."""

from moderation.detection import DEFAULT_THRESHOLDS, DEFAULT_TREATMENTS
from moderation.detection.types import DEFAULT_REGIONS

CONTACT = "contact_details"
CLAIMS = "treatment_claim"

DETECTOR_RULES = (
    # name, detector, category, kind, description
    ("phone-numbers", "phone", CONTACT, "phone", "Phone numbers in the listed regions' formats."),
    ("email-addresses", "email", CONTACT, "email", "E-mail addresses, plain or spelled out."),
    ("postal-addresses", "address", CONTACT, "address", "Street addresses, postcodes, PO boxes."),
    ("messaging-handles", "handle", CONTACT, "handle", "WhatsApp, Telegram, Signal, @handles…"),
    ("practitioner-contact", "practitioner", CONTACT, "practitioner",
     "A named practitioner offered for contact (“call Dr X”)."),
    ("contact-websites", "url", CONTACT, "url", "Websites given to contact or buy from."),
    ("treatment-claims", "claims", CLAIMS, "",
     "Cure claims, guarantees, stop-your-medication advice, sales pitches."),
    ("treatment-claims-classifier", "claims_classifier", CLAIMS, "",
     "The trained classifier's view of claim-like sentences."),
)  # fmt: skip


def detector_rule_defaults() -> list[dict]:
    return [
        {
            "name": name,
            "matcher": "detector",
            "detector": detector,
            "category": category,
            "kind": kind,
            "description": description,
            "threshold": DEFAULT_THRESHOLDS[detector],
            "regions": ", ".join(DEFAULT_REGIONS) if detector == "phone" else "",
        }
        for name, detector, category, kind, description in DETECTOR_RULES
    ]


def treatment_defaults() -> list[dict]:
    return [
        {"name": t.name, "synonyms": "\n".join(t.synonyms), "status": t.status}
        for t in DEFAULT_TREATMENTS
    ]
