"""The rules and treatment lexicon a new installation starts with (loaded by a migration), so that
it moderates from its first post. Admins change them afterwards in the admin or the API."""

from moderation.detection import DEFAULT_THRESHOLDS, DEFAULT_TREATMENTS
from moderation.detection.types import DEFAULT_REGIONS

CONTACT = "contact_details"
CLAIMS = "treatment_claim"

HIGH, MEDIUM, LOW = 3, 2, 1

# Contact details are masked for established members and held for new ones; claims are flagged
# for established members and held for new ones. Admins change all of it.
DETECTOR_RULES = (
    # name, detector, category, kind, severity, action, new-member action, description
    ("phone-numbers", "phone", CONTACT, "phone", HIGH, "redact", "hold",
     "Phone numbers in the listed regions' formats."),
    ("email-addresses", "email", CONTACT, "email", HIGH, "redact", "hold",
     "E-mail addresses, plain or spelled out."),
    ("postal-addresses", "address", CONTACT, "address", HIGH, "redact", "hold",
     "Street addresses, postcodes, PO boxes."),
    ("messaging-handles", "handle", CONTACT, "handle", HIGH, "redact", "hold",
     "WhatsApp, Telegram, Signal, @handles…"),
    ("practitioner-contact", "practitioner", CONTACT, "practitioner", MEDIUM, "flag", "hold",
     "A named practitioner offered for contact (“call Dr X”)."),
    ("contact-websites", "url", CONTACT, "url", MEDIUM, "redact", "hold",
     "Websites given to contact or buy from."),
    ("treatment-claims", "claims", CLAIMS, "", HIGH, "flag", "hold",
     "Cure claims, guarantees, stop-your-medication advice, sales pitches."),
    ("treatment-claims-classifier", "claims_classifier", CLAIMS, "", LOW, "flag", "",
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
            "severity": severity,
            "action": action,
            "new_member_action": new_member_action,
            "threshold": DEFAULT_THRESHOLDS[detector],
            "regions": ", ".join(DEFAULT_REGIONS) if detector == "phone" else "",
        }
        for name, detector, category, kind, severity, action, new_member_action, description in (
            DETECTOR_RULES
        )
    ]


def treatment_defaults() -> list[dict]:
    return [
        {"name": t.name, "synonyms": "\n".join(t.synonyms), "status": t.status}
        for t in DEFAULT_TREATMENTS
    ]


def defaults_load(*, flag_rule_model, treatment_model, ruleset_version_model) -> bool:
    """Create the default rules and lexicon entries that are missing, with a ruleset version.
    Takes the model classes so that a migration can pass its historical models. Returns whether
    anything was created."""
    created = False
    for rule in detector_rule_defaults():
        created |= flag_rule_model.objects.get_or_create(name=rule["name"], defaults=rule)[1]
    for treatment in treatment_defaults():
        created |= treatment_model.objects.get_or_create(
            name=treatment["name"], defaults=treatment
        )[1]
    if created:
        ruleset_version_model.objects.create(reason="Default rules and treatment lexicon")
    return created
