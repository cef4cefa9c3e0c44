"""A cheap test, run in the web request, of whether a post may hold contact details.

    from moderation.detection.precheck import may_hold_contact
    if may_hold_contact(body):
        ...  # let the post wait for its scan instead of publishing it at once

It answers "no" only when the full engine (:func:`moderation.detection.scan`) cannot find a
contact detail in the text: each contact detector is guarded here by a necessary condition
of its own, built from that detector's own compiled patterns, and the detector itself runs
only when its guard passes.  So the two cannot drift apart when a detector learns a new
form, and most clean posts are answered by a handful of RE2 passes.

What each guard is:

- phone: a digit cluster that :func:`.phone.find_phones` would go on to read as a number
  (seven or more digits after the engine's normalisation, which also turns "four zero two",
  spaced digits, full-width digits and "O" for zero into digits; not a date, a PMID, an
  order number or a dose).  The numbering plans are not asked: every such cluster counts.
- e-mail, website, messaging handle, postal address: one search with the detector's own
  patterns ("@", "at ... dot ...", "www.", bare domains, platform names, "@name", street
  and postcode shapes); when it matches, the detector runs and its findings are scored
  against the ruleset's thresholds, as :func:`scan` does.
- named practitioner: a titled name ("Dr", "Vaidya", "Mr") together with a solicitation
  aimed at someone ("call him", "see Dr ...", "... is the one you should see"), or an
  untitled one ("go and see Rekha at ..."); then the practitioner detector runs.  A
  practitioner named next to another contact detail needs no test of its own: that detail
  has already answered "yes".
- the site's own keyword and pattern rules of the contact category, when a ruleset has any.

It must never say "no" where :func:`scan` finds a contact detail (tests check this on the
labelled sets and with hypothesis); it may say "yes" to clean posts, which then only wait for
their scan.
"""

from __future__ import annotations

from . import address, email, fastre, handle, phone, practitioner, rules, website
from .normalise import normalise
from .scan import compiled, default_ruleset
from .types import CONTACT, Ruleset


def _any_of(*patterns) -> fastre.Regex:
    """One RE2 pattern that matches wherever any of ``patterns`` would."""
    return fastre.compile("|".join(f"(?:{p.pattern})" for p in patterns))


_EMAIL_GATE = _any_of(
    email._EMAIL_PLAIN,
    email._EMAIL_OBFUSCATED,
    email._EMAIL_PROVIDER_ONLY,
    email._PROVIDER_NAMED,
)
_URL_GATE = website._URL
# Every handle pattern but "@name", which is checked on its own: most "@" in posts are
# replies to other members, and the words around them settle it cheaply.
_HANDLE_GATE = _any_of(
    handle._MESSENGER_NUMBER,
    handle._PLATFORM_ME,
    handle._SEARCH_ON,
    handle._NAME_ON_SOCIAL,
    handle._HANDLE_LINK_FULL,
    handle._HANDLE_AFTER_PLATFORM,
)
# A titled name counts only with a solicitation aimed at someone ("call him", "see Dr X")
# or one after the name ("Dr X ... is the one you should see"); "Dr Patel was kind" is not
# enough.  An untitled practitioner needs "go and see Rekha"-like words.
_TITLED_NAME = practitioner._TITLED_NAME
_SOLICITED = _any_of(practitioner.SOLICIT_AIMED, practitioner._SOLICIT_AFTER)
_UNTITLED = practitioner._UNTITLED_SOLICIT

#: What :func:`contact_hint` returns, by detector.
REASONS = {
    "phone": "digits that may be a phone number",
    "email": "an e-mail address",
    "url": "a website address",
    "handle": "a messaging or social-media handle",
    "address": "a postal address",
    "practitioner": "a named practitioner offered for contact",
    "rules": "a site rule for contact details",
}


def _found(raws, cr, detector: str) -> bool:
    threshold = cr.thresholds.get(detector, 0.0)
    return any(r.score >= threshold for r in raws)


def _handles(norm: str):
    if _HANDLE_GATE.search(norm):
        return handle.find_handles(norm)
    return handle.at_handles(norm) if "@" in norm else []


def _practitioner_gate(norm: str) -> bool:
    return bool((_TITLED_NAME.search(norm) and _SOLICITED.search(norm)) or _UNTITLED.search(norm))


def _practitioners(norm: str):
    # Reached only when no other contact detail was found, so the engine has none to put a
    # name next to either: the detector runs as it does in scan(), with no contacts.
    return practitioner.find_practitioners(norm, ())


def _always(norm: str) -> bool:
    return True


# (detector, its guard, the detector), cheapest and commonest first.
_STEPS = (
    ("email", _EMAIL_GATE.search, email.find_emails),
    ("url", _URL_GATE.search, website.find_urls),
    ("handle", _always, _handles),
    ("address", address._ANCHOR_SET.Match, address.find_addresses),
    ("practitioner", _practitioner_gate, _practitioners),
)


def contact_hint(text: str, ruleset: Ruleset | None = None) -> str | None:
    """Why ``text`` may hold contact details (one of :data:`REASONS`' values), or None when
    the full scan with ``ruleset`` (the default rules when None) cannot find any."""
    if not isinstance(text, str) or not text:
        return None
    cr = compiled(ruleset if ruleset is not None else default_ruleset())
    enabled = cr.enabled
    norm = normalise(text).text
    if "phone" in enabled and next(phone.phone_candidates(norm), None) is not None:
        return REASONS["phone"]
    for name, guard, detector in _STEPS:
        if name in enabled and guard(norm) and _found(detector(norm), cr, name):
            return REASONS[name]
    if _contact_rules(text, cr):
        return REASONS["rules"]
    return None


def _contact_rules(text: str, cr) -> bool:
    compiled_rules = cr.rules
    ruleset = cr.ruleset
    if "keyword_rules" in cr.enabled and any(r.category == CONTACT for r in ruleset.keyword_rules):
        found = rules.run_keyword_rules(text, compiled_rules)
        if any(r.category == CONTACT for r in found):
            return True
    if "pattern_rules" in cr.enabled and any(r.category == CONTACT for r in ruleset.pattern_rules):
        found = rules.run_pattern_rules(text, compiled_rules)
        if any(r.category == CONTACT for r in found):
            return True
    return False


def may_hold_contact(text: str, ruleset: Ruleset | None = None) -> bool:
    """True when ``text`` may hold contact details: always when :func:`scan` would find one
    (with the same ruleset), and as seldom as it can otherwise.  Well under a millisecond
    for a 1 KB post (``make bench-precheck``)."""
    return contact_hint(text, ruleset) is not None
