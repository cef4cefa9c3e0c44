"""Postal-address detector.

Catches: a street number with a street name ("12 Oak Street", "221B Baker St"), French and
German street forms ("12 rue de la Paix", "Hauptstraße 5"), PO boxes, a city with a postcode
(US "Rochester, MN 55905", UK "SW1A 1AA", Canadian "M5V 2T6", Australian "Bondi NSW 2026",
Indian "hyderabad-500 073" or "PIN 500073"), Indian house numbers ("8-3-945/A/22",
"H.No. 1-2-34") and localities ("7 Nehru Nagar"), PO box forms used elsewhere ("Private Bag
X12", "Locked Bag 7", "Postnet Suite 123"), and a place with a 4- or 6-digit postcode
("Rondebosch 7701", "Tirupati 517501"; weak alone, it counts inside a block), and West
African compounds and directions ("Plot 22, Alhaji Compound, Oke-Ado, Ibadan, Oyo State",
"House No. 14, behind the Presby church, off Tema road, Accra").  Nearby pieces (a few lines
apart, as in a letterhead) are merged into one finding that covers the whole address block,
which also raises the score.  A landmark ("behind the ... church"), a West African city after
a comma or a Nigerian state only ever join such a block: they make no finding alone.

Must not catch: dates ("12-03-2021"), year ranges, ICD codes ("M34.1"), lab values,
dosages, measurements, "45 days", a street named without a number ("on Main Street"), or a
month or word with a year ("March 2020", "since 1998"), or a church, market or road in a
sentence ("we drove past the church off the main road in Accra").
Weak pieces on their own (a bare 6-digit number after a word, a 5-digit number before a
capitalised word) score below the default threshold and only count inside a block.
"""

from __future__ import annotations

import re

from . import fastre
from .findings import RawFinding
from .types import CONTACT

_STREET_SUFFIX = (
    r"Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Court|Ct|Way|Place|Pl|"
    r"Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Square|Sq|Crescent|Cres|Close|Grove|"
    r"Gardens|Row|Mews|Walk|Trail|Plaza|Marg|Path|Pike|Alley|Expressway|Freeway|"
    # Indian localities written like streets: "7 Nehru Nagar", "12 Gandhi Colony".
    r"Nagar|Colony|Layout|Vihar|Enclave|Peth|"
    # West African compounds and estates: "22, Alhaji Compound", "14 Sunrise Estate".
    r"Compound|Estate"
)
_NAME_WORD = r"[A-Z][A-Za-z'\-]{1,20}|\d{1,3}(?:st|nd|rd|th)"
_STREET = fastre.compile(
    r"\b\d{1,6}[A-Za-z]?(?:[\-/]\d{1,4}[A-Za-z]?)?,?\s{1,3}"
    r"(?:(?:[NSEW]|North|South|East|West)\.?\s{1,3})?"
    rf"(?:(?:{_NAME_WORD})\s{{1,3}}){{1,3}}"
    rf"(?:{_STREET_SUFFIX}|Dr(?:\s{0, 3},|\s{0, 3}\n|$))\.?"
    r"(?:,?\s{1,3}(?:Suite|Ste|Apt|Apartment|Unit|Flat|Floor|#)\.?\s{0,3}#?\s{0,2}[0-9A-Z]{1,5}\b)?"
)
_STREET_LOWER = fastre.compile(
    r"\b\d{1,5}[a-z]?,?\s{1,3}(?:[a-z]{3,15}\s{1,3}){1,2}"
    r"(?:street|avenue|road|boulevard|lane|drive)\b",
    True,
)
_FR_STREET = fastre.compile(
    r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s{1,3}(?i:rue|avenue|av\.|boulevard|bd|place|chemin|"
    r"all[ée]e|impasse|quai|route|cours)\s{1,3}(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+)?"
    r"[A-Z][\w'\-]{1,30}(?:\s[A-Z][\w'\-]{1,30}){0,3}",
)
_DE_STREET = fastre.compile(
    r"\b[A-ZÄÖÜ][a-zäöüß]{2,30}(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|"
    r"straat|laan|gracht|plein|kade|singel)"
    r"\s{1,3}\d{1,4}[a-z]?\b"
)
# Spanish and Portuguese streets, name first: "Calle Hidalgo 214", "Rua das Palmeiras, 318",
# "Av. Paulista, nº 1000".
_IBERIAN_STREET = fastre.compile(
    r"(?i:\b(?:calle|avenida|avda|av|paseo|carrera|rua|travessa|estrada|alameda|pra[cç]a)\b)\.?"
    r"\s{1,3}(?i:(?:de\s+la|del|de|da|do|das|dos)\s+)?[A-ZÀ-Ý][\pL'\-]{1,30}"
    r"(?:\s(?i:(?:de\s+la|del|de|da|do|das|dos)\s)?[A-ZÀ-Ý][\pL'\-]{1,30}){0,3},?\s{1,3}"
    r"(?:(?i:n[º°o]|num|número)\.?\s{0,2})?\d{1,5}\b"
)
# A count or a dose straight after the number or the street word: not an address.
_UNIT_AFTER = re.compile(
    r"\s{0,2}(?:years?|yrs?|times|days?|weeks?|months?|hours?|minutes?|mg|ml|tablets?|pills?|"
    r"capsules?|doses?|veces|años|días|dias|semanas|meses|vezes|anos|horas|jours|fois|ans)\b",
    re.IGNORECASE,
)
_BR_CEP = fastre.compile(r"\bCEP:?\s{0,2}\d{5}-?\d{3}\b")
# Numbered houses, shops and lanes in Hindi and Urdu: "मकान नं. 12", "گلی نمبر 4".
_SOUTH_ASIAN_NUMBERED = fastre.compile(
    r"(?:मकान|दुकान|गली|प्लॉट|फ्लैट)\s{0,2}(?:नं\.?|नंबर|संख्या)\s{0,2}[0-9०-९]{1,4}|"
    r"(?:مکان|دکان|گلی|پلاٹ|فلیٹ)\s{0,2}(?:نمبر|نمبر:)\s{0,2}[0-9۰-۹٠-٩]{1,4}"
)
_PO_BOX = fastre.compile(
    r"\b(?:P\.?\s?O\.?\s?Box|Post\s+Office\s+Box|GPO\s+Box|PMB|Locked\s+Bag|Private\s+Bag|"
    r"Postnet\s+Suite|Post\s+Net\s+Suite)\s*(?:No\.?\s*)?#?\s*[A-Z]?\d{1,7}\b",
    True,
)
_US_STATES = (
    r"AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|"
    r"NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_US_STATE_NAMES = (
    r"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|"
    r"Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|"
    r"Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    r"New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|"
    r"Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|"
    r"Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
_US_CITY_ZIP = fastre.compile(
    r"\b[A-Z][A-Za-z.'\-]{1,20}(?:\s[A-Z][A-Za-z.'\-]{1,20}){0,2},\s{0,2}"
    rf"(?:{_US_STATES}|{_US_STATE_NAMES})\.?,?\s{{1,2}}\d{{5}}(?:-\d{{4}})?\b"
)
_US_STATE_ZIP = fastre.compile(rf"\b(?:{_US_STATES})\s{{1,2}}\d{{5}}(?:-\d{{4}})?\b")
_UK_POSTCODE = fastre.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b")
_CA_POSTCODE = fastre.compile(
    r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \-]?\d[ABCEGHJ-NPRSTV-Z]\d\b"
)
_AU_POSTCODE = fastre.compile(
    r"\b[A-Z][A-Za-z]{2,20}(?:\s[A-Z][A-Za-z]{2,20}){0,2},?\s{1,2}"
    r"(?:NSW|VIC|QLD|SA|WA|TAS|ACT|NT)\s{1,2}\d{4}\b"
)
_IN_CITIES = (
    r"hyderabad|secunderabad|mumbai|bombay|delhi|new delhi|bangalore|bengaluru|chennai|"
    r"madras|kolkata|calcutta|pune|ahmedabad|jaipur|lucknow|kochi|cochin|chandigarh|nagpur|"
    r"indore|bhopal|patna|surat|visakhapatnam|vizag|coimbatore|mysore|mysuru|vijayawada|"
    r"trivandrum|thiruvananthapuram|noida|gurgaon|gurugram|ghaziabad|kanpur|agra|varanasi|"
    r"amritsar|ludhiana|madurai|guntur|warangal|nashik|thane|navi mumbai|karachi|lahore|"
    r"islamabad|rawalpindi|dhaka|colombo"
)
_IN_CITY_PIN = fastre.compile(rf"\b(?:{_IN_CITIES})\s*[\-,:]?\s*[1-9]\d{{2}}\s?\d{{3}}\b", True)
_IN_PIN_WORD = fastre.compile(
    r"\b(?:pin|pincode|pin\s?code|postal\s+code)\s*[:\-]?\s*[1-9]\d{2}\s?\d{3}\b", True
)
_WORD_PIN = fastre.compile(r"\b[A-Za-z]{4,20}\s?-\s?[1-9]\d{2}\s?\d{3}\b")
# "Tirupati 517501", "Rondebosch 7701": a capitalised place then a 4- or 6-digit code.  Weak
# alone (a name and a number are often something else); it counts inside an address block.
_PLACE_CODE = fastre.compile(r"\b[A-Z][a-z]{3,20},?[ \t](?:[1-9]\d{2}\s?\d{3}|\d{4})\b")
_IN_HOUSE = fastre.compile(
    r"\b\d{1,4}-\d{1,4}(?:-\d{1,4}){0,2}/[A-Za-z0-9]{1,4}(?:/[A-Za-z0-9]{1,4}){0,3}\b"
)
_IN_HOUSE_WORD = fastre.compile(
    r"\b(?:H\.?\s?No|D\.?\s?No|Door\s+No|House\s+No|Plot\s+No|Flat\s+No|Shop\s+No)\.?\s*"
    r"[:\-]?\s*\d[\w/\-]{0,20}",
    True,
)
# Dutch "1015 CJ Amsterdam".
_NL_POSTCODE = fastre.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\s[A-Z][a-z]{2,30}\b")
_EU_POSTCODE_CITY = fastre.compile(r"\b\d{5}\s[A-Z][a-zäöüßéèêàç\-]{2,30}\b")
# Directions people give in West Africa instead of (or as well as) a street: a landmark
# ("behind the Presby church", "opposite Total filling station", "off Tema road"), the city
# after a comma (", Accra") and the Nigerian state ("Oyo State").  Each only goes with an
# address anchor of its own: "past the church off the main road in Accra" is no address.
_LANDMARK_NOUN = (
    r"church|chapel|mosque|masjid|market|school|junction|roundabout|(?:filling|petrol|police|"
    r"bus|railway|fire)\s+station|station|hospital|clinic|bank|stadium|hotel|post\s+office|"
    r"bus\s+stop|park|road|rd|street|st|way|expressway|highway"
)
_LANDMARK = fastre.compile(
    r"\b(?i:behind|opposite|opp\.|beside|near|adjacent\s+to|next\s+to|off|after|close\s+to|"
    r"along)\s+(?:(?i:the)\s+)?(?:[A-Z][\w'\-]{1,20}\s+){1,3}"
    rf"(?i:{_LANDMARK_NOUN})\b"
)
_WEST_AFRICAN_CITY = fastre.compile(
    r",\s{0,2}(?:Accra|Kumasi|Tema|Takoradi|Tamale|Cape\s+Coast|Lagos|Ibadan|Abuja|Kano|Ilorin|"
    r"Port\s+Harcourt|Enugu|Benin\s+City|Kaduna|Abeokuta|Onitsha|Owerri|Jos|Ogbomoso|Osogbo|"
    r"Akure|Calabar|Uyo|Warri|Zaria|Freetown|Monrovia|Dakar|Lom[eé]|Cotonou)\b"
)
_NIGERIAN_STATE = fastre.compile(
    r"\b(?:Oyo|Lagos|Ogun|Ondo|Osun|Ekiti|Kwara|Kano|Kaduna|Rivers|Delta|Edo|Enugu|Anambra|"
    r"Imo|Abia|Plateau|Benue|Kogi|Niger|Cross\s+River|Akwa\s+Ibom|Bayelsa|Borno|Bauchi|Gombe|"
    r"Adamawa|Taraba|Sokoto|Kebbi|Zamfara|Katsina|Jigawa|Yobe|Nasarawa|Ebonyi)\s+State\b"
)
_ADDRESS_WORD = re.compile(
    r"\b(?:address|located|location|clinic|hospital|centre|center|office|situated|visit|"
    r"come\s+to|find\s+(?:him|her|us|them)|at)\b[^.\n]{0,30}$",
    re.IGNORECASE,
)

# Strength of the pieces that only go with an anchor of 0.5 or more in their block: they add
# to its score and span, never make a finding alone.
_COMPANION = 0.0
# (regex, strength alone, description)
_ANCHORS: tuple[tuple[object, float, str], ...] = (
    (_STREET, 0.72, "street address"),
    (_STREET_LOWER, 0.6, "street address"),
    (_FR_STREET, 0.72, "street address"),
    (_DE_STREET, 0.72, "street address"),
    (_IBERIAN_STREET, 0.72, "street address"),
    (_BR_CEP, 0.8, "Brazilian postcode"),
    (_SOUTH_ASIAN_NUMBERED, 0.6, "house or shop number"),
    (_PO_BOX, 0.9, "PO box"),
    (_US_CITY_ZIP, 0.85, "city, state and ZIP code"),
    (_US_STATE_ZIP, 0.6, "state and ZIP code"),
    (_UK_POSTCODE, 0.8, "UK postcode"),
    (_CA_POSTCODE, 0.8, "Canadian postal code"),
    (_AU_POSTCODE, 0.85, "Australian suburb and postcode"),
    (_IN_CITY_PIN, 0.85, "city and PIN code"),
    (_IN_PIN_WORD, 0.8, "PIN code"),
    (_WORD_PIN, 0.45, "place and PIN code"),
    (_PLACE_CODE, 0.35, "place and postcode"),
    (_IN_HOUSE, 0.5, "house number"),
    (_IN_HOUSE_WORD, 0.6, "house number"),
    (_EU_POSTCODE_CITY, 0.4, "postcode and town"),
    (_NL_POSTCODE, 0.6, "postcode and town"),
)
# Looked for only when an anchor of 0.5 or more was found: most posts have none.
_COMPANIONS: tuple[tuple[object, float, str], ...] = (
    (_LANDMARK, _COMPANION, "landmark"),
    (_WEST_AFRICAN_CITY, _COMPANION, "city"),
    (_NIGERIAN_STATE, _COMPANION, "state"),
)

_NOT_PLACE_CODE = re.compile(
    r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|since|from|until|till|"
    r"year|since|about|around|over|under|only|page|room|ward|item|code|total)\b|"
    r"^\w+,?\s(?:19\d\d|20[0-3]\d)$",
    re.IGNORECASE,
)
_ANCHOR_SET = fastre.compile_set([a[0].pattern for a in _ANCHORS])
_COMPANION_SET = fastre.compile_set([a[0].pattern for a in _COMPANIONS])
_ANY_DIGIT = re.compile(r"\d")
_DATE_ISH = re.compile(r"^\d{1,2}[\-/]\d{1,2}[\-/](?:19|20)?\d{2}$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]|\n\s*\n")
_MAX_GAP = 90
_UNIT_BEFORE = re.compile(
    r"\b(?:flat|apartment|apt|unit|suite|ste|room|floor|house|door|plot|shop)\.?\s{0,2}"
    r"(?:no\.?\s{0,2})?#?\s{0,2}[0-9][0-9A-Za-z/\-]{0,5},?\s{1,3}$",
    re.IGNORECASE,
)
_MAX_GAP_LINES = 4
# "No 5 Ogunlana Drive", "Plot 22, Alhaji Compound": the word for the number is part of it.
_NUMBER_WORD_BEFORE = re.compile(
    r"\b(?:(?:house|plot|block|shop)\s{1,2}(?:no\.?\s{0,2})?|no\.?\s{0,2})$", re.IGNORECASE
)


def find_addresses(text: str) -> list[RawFinding]:
    """Postal addresses; see the module docstring for what is and is not caught."""
    if _ANY_DIGIT.search(text) is None:
        return []
    anchors: list[tuple[int, int, float, str]] = []
    # One RE2 pass says which anchor patterns occur; only those are run for their spans.
    present = _ANCHOR_SET.Match(text) or ()
    for index in present:
        regex, strength, what = _ANCHORS[index]
        for m in regex.finditer(text):
            if _DATE_ISH.match(m.group()):
                continue
            if regex is _EU_POSTCODE_CITY and fastre.preceded_by(text, m.start(), "-/."):
                continue
            if regex is _PLACE_CODE and _NOT_PLACE_CODE.match(m.group()):
                continue  # "March 2020", "Since 1998": a date, not a place and postcode
            if regex is _UK_POSTCODE and text[m.end() : m.end() + 1] in ("/", "-"):
                continue  # "C57BL/6 mice": a code, not a postcode
            if regex in (_STREET, _IBERIAN_STREET) and _UNIT_AFTER.match(text, m.end()):
                continue  # "Alameda County 2 years ago", "2 Vitamin Compound tablets": a count
            anchors.append((m.start(), m.end(), strength, what))
    if not anchors:
        return []
    if any(a[2] >= 0.5 for a in anchors):
        for index in _COMPANION_SET.Match(text) or ():
            regex, strength, what = _COMPANIONS[index]
            anchors += [(m.start(), m.end(), strength, what) for m in regex.finditer(text)]
    anchors.sort()
    out: list[RawFinding] = []
    block = [anchors[0]]

    def flush() -> None:
        best = max(block, key=lambda a: a[2])
        if best[2] < 0.5:
            # Landmarks, cities and states only go with an anchor that counts.
            block[:] = [a for a in block if a[2] > _COMPANION]
            if not block:
                return
        start = block[0][0]
        # "Flat 2, 14 Mill Lane": the flat or unit before the street is part of it.
        unit = _UNIT_BEFORE.search(text, max(0, start - 30), start)
        if unit is None:
            unit = _NUMBER_WORD_BEFORE.search(text, max(0, start - 16), start)
        if unit is not None:
            start = unit.start()
        end = max(a[1] for a in block)
        kinds = {a[3] for a in block}
        score = best[2]
        if len(kinds) >= 2:
            score = min(0.98, score + 0.15 * (len(kinds) - 1) + (0.1 if score < 0.6 else 0.0))
        if _ADDRESS_WORD.search(text[max(0, start - 50) : start]) and score >= 0.4:
            score = min(0.98, score + 0.1)
        parts = ", ".join(sorted(kinds))
        out.append(
            RawFinding(
                CONTACT,
                "address",
                start,
                end,
                score,
                "contact.address",
                f"postal address ({parts})",
            )
        )

    for anchor in anchors[1:]:
        block_end = max(a[1] for a in block)
        gap = text[block_end : anchor[0]] if anchor[0] > block_end else ""
        if anchor[0] <= block_end or (
            len(gap) <= _MAX_GAP
            and gap.count("\n") <= _MAX_GAP_LINES
            and not _SENTENCE_BREAK.search(gap)
        ):
            block.append(anchor)
        else:
            flush()
            block = [anchor]
    flush()
    return out
