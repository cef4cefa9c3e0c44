"""Phone-number detector.

Catches a number written internationally in any country, and one written nationally in
any of the ruleset's regions (``Ruleset.regions``; :data:`REGION_NAMES` says how a moderator
reads each) or in a region the post points to by its places or its words for "call"
("0803 123 4567 in Lagos", "ligue para ... São Paulo"): "040-23733200", "+91 98480 12345",
"(212) 555-0142", numbers in other scripts' digits, spelled out or spaced (after
:mod:`.normalise`), each of several numbers side by side, and the number before a stray
digit or two ("020 7946 0321 4").  The numbering plans come from ``phonenumbers``; the
checks it repeats for every post are compiled here once.

Must not catch dates, years, lab values, doses, money, measurements, or trial, PubMed,
ISBN, order, page and room numbers (see :func:`find_phones`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException

# phonenumbers compiles its metadata patterns through ``re.compile``; with every configured
# region in play they overflow the ``re`` module's 512-entry cache, so each post recompiled
# dozens of them (and pushed this package's own patterns out too).  Newer phonenumbers can
# keep its compiled patterns itself (bounded by its metadata, not by what users write).
if hasattr(phonenumbers, "enable_pattern_cache"):
    phonenumbers.enable_pattern_cache()

from . import fastre
from .findings import RawFinding
from .types import CONTACT

REGION_NAMES = {
    "US": "US/Canada",
    "CA": "US/Canada",
    "GB": "UK",
    "IN": "India",
    "PK": "Pakistan",
    "AU": "Australia",
    "NZ": "New Zealand",
    "ZA": "South Africa",
    "DE": "Germany",
    "FR": "France",
    "IE": "Ireland",
    "AE": "UAE",
    "SG": "Singapore",
    "MY": "Malaysia",
    "NG": "Nigeria",
    "KE": "Kenya",
    "BD": "Bangladesh",
    "LK": "Sri Lanka",
    "NP": "Nepal",
    "PH": "Philippines",
    "IT": "Italy",
    "ES": "Spain",
    "NL": "Netherlands",
    "BE": "Belgium",
    "CH": "Switzerland",
    "AT": "Austria",
    "BR": "Brazil",
    "MX": "Mexico",
    "SA": "Saudi Arabia",
    "JE": "Jersey",
    "GG": "Guernsey",
    "IM": "Isle of Man",
    "PT": "Portugal",
    "PL": "Poland",
    "SE": "Sweden",
    "NO": "Norway",
    "DK": "Denmark",
    "FI": "Finland",
    "GR": "Greece",
    "TR": "Turkey",
    "IL": "Israel",
    "EG": "Egypt",
    "GH": "Ghana",
    "UG": "Uganda",
    "TZ": "Tanzania",
    "ET": "Ethiopia",
    "ZW": "Zimbabwe",
    "QA": "Qatar",
    "KW": "Kuwait",
    "OM": "Oman",
    "BH": "Bahrain",
    "IR": "Iran",
    "IQ": "Iraq",
    "AF": "Afghanistan",
    "CN": "China",
    "HK": "Hong Kong",
    "TW": "Taiwan",
    "JP": "Japan",
    "KR": "South Korea",
    "TH": "Thailand",
    "VN": "Vietnam",
    "ID": "Indonesia",
    "RU": "Russia",
    "UA": "Ukraine",
    "RO": "Romania",
    "HU": "Hungary",
    "CZ": "Czechia",
    "AR": "Argentina",
    "CL": "Chile",
    "CO": "Colombia",
    "PE": "Peru",
    "JM": "Jamaica",
    "TT": "Trinidad and Tobago",
}

# Place names that make one region more likely when a national number is valid in several,
# and the words for "call" of a language spoken there.  A region named so is plausible even
# when the ruleset does not list it: its national numbers are read too ("0803 123 4567" in a
# post about Lagos), the named regions first.  Words that are also English stay out ("nice"
# is the city only for France, which the default rules list anyway).
_SPANISH_CUES = r"ll[aá]me(?:nos)?\s+al|ll[aá]mame|llamar\s+al|tel[eé]fono|m[oó]vil\b"
_PORTUGUESE_CUES = (
    r"ligue\s+(?:para|pra)|ligar\s+para|liga\s+pra|telefone|contato|me\s+chama\s+no|\bzap\b"
)
_ARABIC_CUES = r"اتصل|تواصل|هاتف|جوال|واتساب|واتس\s?اب|رقم"
_REGION_HINTS = {
    "IN": r"india|hyderabad|mumbai|bombay|delhi|bangalore|bengaluru|chennai|madras|kolkata|"
    r"calcutta|pune|ahmedabad|jaipur|lucknow|kochi|cochin|kerala|telangana|andhra|"
    r"secunderabad|ameerpet|chandigarh|nagpur|indore|bhopal|patna|surat|vizag|coimbatore|"
    # Devanagari script: Hindi (Nepali too, but India is the region the rules list).
    r"[\x{0900}-\x{097F}]",
    "PK": r"pakistan|karachi|lahore|islamabad|rawalpindi|peshawar|faisalabad|multan|quetta|"
    # Letters of Urdu that Arabic and Persian do not use (ٹ ڈ ڑ ں ہ ے).
    r"[\x{0679}\x{0688}\x{0691}\x{06BA}\x{06C1}\x{06D2}]",
    "GB": r"\buk\b|england|britain|scotland|wales|london|manchester|birmingham|leeds|glasgow|"
    r"liverpool|bristol|edinburgh|nhs",
    "DE": r"germany|deutschland|berlin|hamburg|munich|m[uü]nchen|frankfurt|cologne|k[oö]ln|"
    r"stuttgart|d[uü]sseldorf",
    "FR": r"france|paris|lyon|marseille|toulouse|nice|bordeaux|lille|appelez|appeler\s+le|"
    r"t[ée]l[ée]phonez|t[ée]l[ée]phone\s*:|joignable",
    "AU": r"australia|sydney|melbourne|brisbane|perth|adelaide|canberra|hobart",
    "NZ": r"new zealand|auckland|wellington|christchurch",
    "ZA": r"south africa|johannesburg|cape town|durban|pretoria",
    "CA": r"canada|toronto|vancouver|montreal|ottawa|calgary|edmonton|winnipeg",
    "US": r"\busa\b|united states|america|new york|california|texas|florida|chicago|boston",
    "NG": r"nigeria|\blagos\b|abuja|ibadan|\bkano\b|port harcourt|enugu|benin city|kaduna|"
    r"abeokuta|\boyo\b|surulere|ikeja|lekki|onitsha|owerri|naija",
    "GH": r"ghana|accra|kumasi|\btema\b|takoradi|cape coast",
    "KE": r"kenya|nairobi|mombasa|kisumu|nakuru|eldoret",
    "AE": rf"\buae\b|emirates|dubai|abu dhabi|sharjah|ajman|دبي|الإمارات|الامارات|أبوظبي|"
    rf"ابوظبي|الشارقة|{_ARABIC_CUES}",
    "SA": rf"saudi|\bksa\b|riyadh|jeddah|jiddah|dammam|makkah|mecca|madinah|السعودية|الرياض|"
    rf"جدة|الدمام|مكة|{_ARABIC_CUES}",
    # "in Mexico", not "New Mexico".
    "MX": rf"méxico|\b(?:en|in|from|de)\s+mexico\b|cdmx|guadalajara|monterrey|"
    rf"puebla|tijuana|celular|{_SPANISH_CUES}",
    "BR": rf"brasil|brazil|s[aã]o paulo|rio de janeiro|belo horizonte|bras[ií]lia|curitiba|"
    rf"fortaleza|recife|porto alegre|manaus|celular|{_PORTUGUESE_CUES}",
    "ES": rf"españa|espana|\bspain\b|madrid|barcelona|sevilla|seville|m[aá]laga|bilbao|zaragoza|"
    rf"{_SPANISH_CUES}",
    "PT": rf"portugal|lisboa|lisbon|\bporto\b|coimbra|\bbraga\b|\bfaro\b|{_PORTUGUESE_CUES}",
}
_REGION_HINT_RES = {r: fastre.compile(p, True) for r, p in _REGION_HINTS.items()}

# Regions whose numbering plans accept so many digit strings that "valid" says little.
_PERMISSIVE_REGIONS = frozenset({"DE", "AT"})

# Digit clusters that could hold a phone number.  Newlines end a cluster, so an address's
# PIN code on one line does not merge with the phone number on the next.  There is no upper
# bound: a cluster cut short ends inside a digit run, and is then neither a number nor the
# start of the next one.  Several numbers side by side make one long cluster, which
# :func:`_side_by_side` cuts into numbers.
_PHONE_CANDIDATE = fastre.compile(r"(?:\+\s?)?\(?\d[\d \t().\-/]{4,}\d")
_SUBSPLIT = re.compile(r"\s*/\s*|\s{2,}|\s+\(?or\)?\s+")
_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = frozenset("0123456789")
_DELETE_ASCII_DIGITS = str.maketrans("", "", "0123456789")


def _count_digits(text: str) -> int:
    """How many characters of ``text`` the pattern ``\\d`` matches, without building a list
    of them when the text is ASCII (where that is 0-9 only)."""
    if text.isascii():
        return len(text) - len(text.translate(_DELETE_ASCII_DIGITS))
    return len(_DIGIT.findall(text))


# The words for "call", "phone" and "WhatsApp" in Hindi, Urdu and Arabic, and what joins them
# to the number ("करें", "پر", "على").  No word boundaries around them: Python's ``\b`` falls
# inside Devanagari words, at their vowel signs.
_NATIVE_CUE = (
    "संपर्क|फ\u093c?ोन|"  # the nukta is optional: "फ़ोन" or "फोन"
    r"कॉल|व्हाट्सए?ऐ?प|मोबाइल|नंबर|رابطہ|رابطه|فون|کال|موبائل|نمبر|"
    r"واٹس\s?ای?پ|اتصل|تواصل|هاتف|جوال|واتساب|واتس\s?اب|رقم"
)
_NATIVE_JOIN = r"करें|कीजिए|करे|पर|کریں|پر|على|علي|عبر|الرقم"
_PHONE_CONTEXT = fastre.PyCompatible(
    r"(?:\b(?:call|calls|ph|phn|phone|fone|tel|tele|telephone|mobile|mob|cell|cellphone|"
    r"whats\s?app|wa|viber|text|txt|sms|contact|number|num|ring|dial|fax|helpline|"
    r"landline|reach|"
    # Spanish, Portuguese and French.
    r"ll[aá]me(?:nos)?|ll[aá]mame|llamar|tel[eé]fono|celular|m[oó]vil|n[uú]mero|ligue|"
    r"ligar|liga|telefone|contato|contacto|chama|zap|appelez|appeler|appelle[rz]?|"
    r"t[ée]l[ée]phone|portable)\b)(?:[\s\-]+(?:me|him|her|us|them|moi|nous|nos))?[\s.:#\-)(]*"
    r"(?:no\.?|number|at|on|is|al|para|pra|le|au|:)?[\s.:#\-]*$"
    rf"|(?:{_NATIVE_CUE})(?:\s*(?:{_NATIVE_JOIN}|:))*[\s.:#\-]*$",
    True,
)
# In Hindi and Urdu the verb comes after the number: "९८४८० १२३४५ पर कॉल करें".
_PHONE_CONTEXT_AFTER = re.compile(rf"^[\s\-:)]*(?:पर|पे|پر|پہ)?\s*(?:{_NATIVE_CUE})")
_NOT_PHONE_BEFORE = fastre.PyCompatible(
    r"\b(?:pmid|pmcid|pubmed|isbn|issn|nct|doi|order|orders|invoice|ref|reference|case|"
    r"ticket|tracking|track|account|acct|policy|claim|page|pages|pp|p|room|ward|bed|serial|"
    r"batch|lot|id|member|mrn|nhs|medicare|medicaid|receipt|transaction|confirmation|"
    r"patient|trial|study|code|sku|model|part|item|version|ver|v|isrctn|euctr|"
    r"ctri|icd|cpt|npi|registration|reg|license|licence|zip|postcode|pin|pincode|article|"
    r"paper|review|abstract|citation|cited|volume|vol|issue|barcode|parcel)"
    r"(?:\W{0,3}(?:no|nos|num|number|numbers|id|ids|is|was|ref|reference|code|#)){0,3}\W{0,4}$",
    True,
)
_CURRENCY_BEFORE = fastre.PyCompatible(
    r"(?:[$£€¥₹]|\b(?:rs|inr|usd|eur|gbp|aud|cad|pkr)\.?)\s?$", True
)
_UNIT_AFTER = re.compile(
    r"^\s?(?:mg|mcg|µg|ug|g|gm|grams?|kg|ml|l|mm|cm|m|km|iu|units?|%|mmol|umol|µmol|"
    r"nmol|pmol|ng|pg|dl|lbs?|dollars|rupees|usd|inr|pounds|euros|steps|patients|people|"
    r"words|times|years?|yrs?|days?|months?|weeks?|hours?|hrs?|minutes?|mins?|cases|"
    r"participants|subjects|calories|kcal|copies|views|members)\b",
    re.IGNORECASE,
)
_DATE_LIKE = re.compile(
    r"^(?:\d{1,2}[./\-]\d{1,2}[./\-](?:19|20)?\d{2}|(?:19|20)\d{2}[./\-]\d{1,2}[./\-]\d{1,2}|"
    r"(?:19|20)\d{2}\s*[\-/]\s*(?:19|20)?\d{2}|(?:(?:19|20)\d{2}[\s,\-/]+){1,6}(?:19|20)\d{2}|"
    r"\d{1,2}\s*[\-/]\s*\d{1,2}\s*[\-/]\s*(?:19|20)\d{2}|"
    r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{2}|"
    r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))$"
)
_NANP_SHAPE = re.compile(r"^(?:\+?1[\s.\-]?)?\(?\d{3}\)?[\s.\-]?\d{3}[\s.\-]\d{4}$")
_INTL_SHAPE = re.compile(r"^\+\s?\d{1,3}[\s.\-]?\(?\d")
_ISBN_LIKE = re.compile(r"^97[89][\s\-]?\d")


_HINT_REGIONS = tuple(_REGION_HINT_RES)
_HINT_SET = fastre.compile_set([_REGION_HINT_RES[r].pattern for r in _HINT_REGIONS])


def _hinted(text: str, regions: tuple[str, ...]) -> tuple[list[str], frozenset[str]]:
    """The regions to read national numbers in, in order, and those of them the text names
    (one RE2 pass): the configured regions, and any region named by its places or its
    words for "call" (see :data:`_REGION_HINTS`), the named ones first."""
    named = {_HINT_REGIONS[i] for i in (_HINT_SET.Match(text) or ())}
    if not named:
        return list(regions), frozenset()
    first = [r for r in regions if r in named]
    first += [r for r in _HINT_REGIONS if r in named and r not in first]
    return first + [r for r in regions if r not in named], frozenset(first)


def _parse(candidate: str, region: str | None):
    try:
        return phonenumbers.parse(candidate, region)
    except NumberParseException:
        return None


@dataclass(frozen=True, slots=True)
class _RegionPlan:
    """What a national number must look like to be valid in one region (from the
    phonenumbers metadata), checked before paying for ``phonenumbers.parse``."""

    country_code: str
    national_prefix: re.Pattern[str] | None
    international_prefix: re.Pattern[str] | None
    general: re.Pattern[str]
    shared_code: bool  # other regions use the same country code (US/CA, GB/JE ...)


_NO_PLAN = object()
_PLANS: dict[str, object] = {}


def _plan(region: str):
    plan = _PLANS.get(region)
    if plan is None:
        plan = _NO_PLAN
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        if (
            meta is not None
            and meta.general_desc is not None
            and meta.general_desc.national_number_pattern
            and not meta.national_prefix_transform_rule
        ):
            code = meta.country_code
            plan = _RegionPlan(
                str(code),
                re.compile(meta.national_prefix_for_parsing)
                if meta.national_prefix_for_parsing
                else None,
                re.compile(meta.international_prefix) if meta.international_prefix else None,
                re.compile(f"(?:{meta.general_desc.national_number_pattern})"),
                len(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code, ())) > 1,
            )
        _PLANS[region] = plan
    return plan


# The number-type descriptions phonenumbers tries, in its order, for "is this number valid
# in that region": a number is valid when the general description and one type match.
_TYPE_DESCS = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
)


@dataclass(frozen=True, slots=True)
class _Validity:
    country_code: int
    general: tuple[frozenset[int], re.Pattern[str]] | None
    types: tuple[tuple[frozenset[int], re.Pattern[str]], ...]


_VALIDITY: dict[str, _Validity | None] = {}


def _desc(desc) -> tuple[frozenset[int], re.Pattern[str]] | None:
    if desc is None or not desc.national_number_pattern:
        return None
    return frozenset(desc.possible_length or ()), re.compile(desc.national_number_pattern)


def _validity(region: str) -> _Validity | None:
    if region not in _VALIDITY:
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
        validity = None
        if meta is not None:
            names = (*_TYPE_DESCS, "mobile")
            if meta.same_mobile_and_fixed_line_pattern:
                names = _TYPE_DESCS  # phonenumbers then checks "mobile" only as "fixed_line"
            descs = (_desc(getattr(meta, name)) for name in names)
            validity = _Validity(
                meta.country_code, _desc(meta.general_desc), tuple(d for d in descs if d)
            )
        _VALIDITY[region] = validity
    return _VALIDITY[region]


def _desc_matches(nsn: str, desc: tuple[frozenset[int], re.Pattern[str]]) -> bool:
    lengths, pattern = desc
    return (not lengths or len(nsn) in lengths) and pattern.fullmatch(nsn) is not None


def _valid_for_region(num, region: str) -> bool:
    """``phonenumbers.is_valid_number_for_region(num, region)`` for a geographic region,
    from the same metadata with the patterns compiled once: the library looks each
    pattern up again and walks the number types through several calls each, which made
    it a tenth of the time spent on a post.  Tested against the library."""
    validity = _validity(region.upper())
    if validity is None or num.country_code != validity.country_code:
        return False
    nsn = phonenumbers.national_significant_number(num)
    if validity.general is None or not _desc_matches(nsn, validity.general):
        return False
    return any(_desc_matches(nsn, desc) for desc in validity.types)


def _could_be_valid(digits: str, region: str) -> bool:
    """False only when no reading ``phonenumbers.parse`` could make of ``digits`` in
    ``region`` (as written, without a leading country code and/or the trunk prefix)
    matches the region's general number pattern, which every valid number must."""
    plan = _plan(region)
    if plan is _NO_PLAN:
        return True
    general = plan.general
    if general.fullmatch(digits):
        return True
    if plan.international_prefix is not None and plan.international_prefix.match(digits):
        return True
    readings = [digits]
    code = plan.country_code
    if digits.startswith(code):
        readings.append(digits[len(code) :])
    for reading in readings:
        if reading is not digits and general.fullmatch(reading):
            return True
        if plan.national_prefix is not None:
            m = plan.national_prefix.match(reading)
            if m:
                # The national number is stored as an integer, so further leading zeros go.
                rest = reading[m.end() :]
                if general.fullmatch(rest) or general.fullmatch(rest.lstrip("0")):
                    return True
    return False


def _classify_number(
    candidate: str,
    regions: list[str],
    hinted: frozenset[str] = frozenset(),
    possible: bool = True,
    parsed: dict[str, object] | None = None,
) -> tuple[str, bool, bool] | None:
    """Return (region, valid, permissive_only) for the best reading of ``candidate``.

    The first configured region (in the given order) where the number is valid wins; a
    region that names a place in the post wins outright.  Regions whose general number
    pattern cannot fit the digits are not parsed at all, which is most of them.  With
    ``possible=False`` only a valid reading outside the permissive plans is looked for (the
    same one, when there is one): nothing is parsed to find a merely possible one.
    ``parsed``, when given, is filled with the national readings made, by region.
    """
    stripped = candidate.strip()
    if stripped.startswith("+") or stripped.startswith("00"):
        num = _parse("+" + stripped.lstrip("+0 ") if stripped.startswith("00") else stripped, None)
        if num is None:
            return None
        # An international number names its country by its code even when the digits fit
        # no range in use there ("+44 7700 900123" is UK drama-reserved, still "UK").
        region = phonenumbers.region_code_for_number(num)
        if not region or region == "ZZ":
            region = phonenumbers.region_code_for_country_code(num.country_code)
        if not region or region in ("ZZ", "001"):
            region = f"+{num.country_code}"
        if phonenumbers.is_valid_number(num):
            return region, True, False
        if phonenumbers.is_possible_number(num):
            return region, False, False
        return None
    digits = "".join(_DIGIT.findall(stripped))
    valid: list[str] = []
    parsed = {} if parsed is None else parsed
    for region in regions:
        if not possible and region in _PERMISSIVE_REGIONS and region not in hinted:
            continue  # valid there would not be enough
        if not _could_be_valid(digits, region):
            continue
        num = _parse(stripped, region)
        parsed[region] = num
        if num is None:
            continue
        if _valid_for_region(num, region):
            if region in hinted:
                # A place in the post names this region: trust it even if permissive.
                return region, True, False
            valid.append(region)
            if region not in _PERMISSIVE_REGIONS:
                break
    strict = [r for r in valid if r not in _PERMISSIVE_REGIONS]
    if strict:
        return strict[0], True, False
    if valid:
        return valid[0], True, True
    # Valid in a region that shares the country code (a Canadian number read as US, a
    # Jersey number read as UK): count it for the configured region, as before.
    for region in regions:
        num = parsed.get(region)
        plan = _plan(region)
        shared = plan is not _NO_PLAN and plan.shared_code
        if num is not None and shared and phonenumbers.is_valid_number(num):
            return region, True, region in _PERMISSIVE_REGIONS
    if not possible:
        return None
    for region in regions:
        num = parsed[region] if region in parsed else _parse(stripped, region)
        if num is not None and phonenumbers.is_possible_number(num):
            return region, False, False
    return None


def phone_explanation(region: str | None, valid: bool, international: bool) -> str:
    """What a moderator reads: "phone number, UK format"; never a region code.

    A number written with its country code names that country even when its digits fit no
    range in use ("+44 7700 900123" is a UK number to any reader); a country we have no name
    for is given by its code ("country code +254").  A national number is named by the
    region where it is valid; one that merely has the right length is "possibly a phone
    number", without a region, because which region it was read in is only our guess.
    """
    name = REGION_NAMES.get(region or "")
    if valid or international:
        if name:
            return f"phone number, {name} format"
        if region and region.startswith("+"):
            return f"phone number, international (country code {region})"
        return "phone number"
    return "possibly a phone number (the right length, but not a number range in use)"


def _phone_score(candidate: str, has_context: bool, region_valid: tuple[str, bool, bool]):
    _, valid, permissive_only = region_valid
    digits = _count_digits(candidate)
    shaped = bool(_NANP_SHAPE.match(candidate.strip()) or _INTL_SHAPE.match(candidate))
    if valid and not permissive_only:
        score = 0.88 if digits >= 8 or shaped else 0.6
    elif shaped:
        score = 0.6
    else:
        # Only "possible", or valid only in a permissive plan (Germany accepts most digit
        # strings): a bare number like this is more often an id than a phone.
        score = 0.45 if valid else 0.3
    if has_context:
        score += 0.35 if score < 0.6 else 0.2
    if digits < 7:
        score -= 0.3
    return max(0.0, min(score, 0.99))


def _phone_clusters(text: str):
    """Digit clusters that may hold a phone number (with at least seven digits), with the
    look-around RE2 cannot do done by hand: no letter or digit run glued to either end, so
    "NCT01234567" and "12345678mg" are not candidates (a "+" may follow a digit: it starts
    the next number)."""
    for m in _PHONE_CANDIDATE.finditer(text):
        cluster = m.group()
        if fastre.followed_by(text, m.end()):
            continue
        if cluster.startswith("+"):
            # A digit before the "+" ends the number before it: "+91 98480 12345+91 ...".
            before = text[m.start() - 1] if m.start() else ""
            if before == "+" or (fastre.is_word_char(before) and before not in _ASCII_DIGITS):
                continue
        elif fastre.preceded_by(text, m.start(), ".,/-+"):
            continue
        if _count_digits(cluster) >= 7:
            yield m.start(), cluster


def _split_cluster(start: int, cluster: str) -> list[tuple[int, str]]:
    """The numbers a cluster holds when it is several ("089 1234 / 089 5678", "... or ...")."""
    pieces = []
    pos = 0
    for sep in _SUBSPLIT.finditer(cluster):
        pieces.append((start + pos, cluster[pos : sep.start()]))
        pos = sep.end()
    pieces.append((start + pos, cluster[pos:]))
    return pieces


def _phone_piece(text: str, start: int, piece: str) -> tuple[int, int, str] | None:
    """Trim stray punctuation so the span covers only the number; None when the piece is
    too short, dated, an ISBN, or named as something else by the words around it (PMID,
    order no., a price, a unit after it)."""
    trimmed = piece.lstrip(" \t.-/)")
    lead = len(piece) - len(trimmed)
    piece = trimmed.rstrip(" \t.-/(")
    if piece.endswith(")") and "(" not in piece:
        piece = piece[:-1]
    start += lead
    end = start + len(piece)
    if _count_digits(piece) < 7:
        return None
    core = piece.strip("()")  # "(21/02/2023)", "(2006-2009)": a date in brackets
    if _DATE_LIKE.match(core) or _ISBN_LIKE.match(core):
        return None
    before = text[max(0, start - 40) : start]
    if _NOT_PHONE_BEFORE.search(before) or _CURRENCY_BEFORE.search(before):
        return None
    if _UNIT_AFTER.match(text[end : end + 15]):
        return None
    return start, end, piece


# Numbers side by side: "0113 496 0321 0113 496 0322", "ph 9848012345 9848012346", with a
# tab or " - " between them, or nothing at all.  Each number of such a run must be valid in a
# configured region (not merely possible, nor valid only in a plan that accepts most digit
# strings) and hold at least nine digits: every national number of the default regions does
# with its trunk prefix or area code, while shorter "valid" readings are mostly accidents
# (half of all eight-digit strings are valid somewhere, a card number's "4111 1111" too).
_RUN_MIN_DIGITS = 9
# How many digits a number of a run may have, the commonest first (up to 15, E.164's longest,
# after "00" or a trunk prefix): a run of numbers is then read with one reading a number.
_RUN_LENGTHS = (10, 11, 12, 9, 13, 14, 15, 16, 17)
# How many numbers back the search may go to mend a wrong cut in a long cluster: a run of
# numbers seldom needs more, and digit soup would otherwise be tried every way it can be
# cut.  A cluster of a few numbers is searched through.
_RUN_BACKTRACK = 4
_RUN_SEARCHED_THROUGH_DIGITS = 100
# How many digit groups that no number takes may stand between two runs of numbers.
_RUN_SKIP_GROUPS = 4
# Digits a run may leave outside its numbers, in a stretch too short to be one ("... 24").
_RUN_LEFTOVER_DIGITS = 6
# A digit run of this many digits or more may be cut inside, where a number glued to the
# next one ends: "0113 496 03210113 496 0322" cuts "03210113", "0412 555 0191-800-555-0199"
# cuts "0191".
_GLUED_RUN_DIGITS = 4
# A date in a cluster makes it a list of dates or readings, whatever else it holds: cut into
# pieces, "01.10.2008 23.09.2004" would make numbers of the French kind ("01 10 20 08 23").
_DATE_INSIDE = re.compile(
    r"(?<!\d)(?:\d{1,2}([./\-])\d{1,2}\1(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}([./\-])\d{1,2}\2\d{1,2})(?!\d)"
)


def _cuts_from_right(written: str) -> list[int]:
    """Where the digit groups of ``written`` meet, in digits from its end ("0113 496 0321":
    4 and 7)."""
    cuts = []
    count = 0
    gap = False
    for ch in reversed(written):
        if ch in _ASCII_DIGITS:
            if gap and count:
                cuts.append(count)
            gap = False
            count += 1
        else:
            gap = True
    return cuts


def _written_region(
    number: str, reading: tuple[str, bool, bool], regions: list[str], parsed: dict[str, object]
):
    """The region (``reading``'s, or another configured one where ``number`` is valid too)
    whose way of writing numbers ``number`` follows: solid, or each gap between its digit
    groups where the region's national or international format has one, or inside a long
    group of that format with three digits or more on either side ("01904 960 123" for
    "01904 960123").  None when there is none: lab values, dates and other digit soup cut
    into valid numbers seldom are grouped so ("120 80 72 118" is no US number).  ``parsed``
    holds the readings already made, by region."""
    written = _cuts_from_right(number)
    if not written:
        return reading[0]
    if number.startswith(("+", "00")):
        intl = "+" + number.lstrip("+0 ") if number.startswith("00") else number
        return reading[0] if _follows_format(written, _parse(intl, None)) else None
    digits = "".join(_DIGIT.findall(number))
    for region in (reading[0], *(r for r in regions if r != reading[0])):
        if region != reading[0] and (
            region in _PERMISSIVE_REGIONS or not _could_be_valid(digits, region)
        ):
            continue
        num = parsed[region] if region in parsed else _parse(number, region)
        if num is None or (region != reading[0] and not _valid_for_region(num, region)):
            continue
        if _follows_format(written, num):
            return region
    return None


def _follows_format(written: list[int], num) -> bool:
    if num is None:
        return False
    nsn = len(phonenumbers.national_significant_number(num))
    for style in (
        phonenumbers.PhoneNumberFormat.NATIONAL,
        phonenumbers.PhoneNumberFormat.INTERNATIONAL,
    ):
        formatted = _cuts_from_right(phonenumbers.format_number(num, style))
        gaps = sorted({0, nsn, *(c for c in formatted if c < nsn)})
        # A gap at or before the national number sets off a trunk prefix or country code.
        if all(c >= nsn or _fits(c, gaps) for c in written):
            return True
    return False


def _fits(cut: int, gaps: list[int]) -> bool:
    i = bisect_left(gaps, cut)
    return gaps[i] == cut or (cut - gaps[i - 1] >= 3 and gaps[i] - cut >= 3)


def _side_by_side(text: str, start: int, piece: str, reading_of):
    """The numbers a cluster holds when it is several side by side, as (start, end, number,
    reading) in reading order; None when it cannot be read so.

    The cluster is cut into two or more numbers that ``reading_of`` accepts, with no digit
    left over.  Cuts go where its digit groups meet; failing that, inside digit runs too,
    for numbers written with nothing between them ("0113 496 03210113 496 0322",
    "98480123459848012346"); failing that, where digit groups meet with a few digits left
    between or around the numbers, in stretches too short to be a number ("... 24"): so
    whatever could be a number is in one.  Failing all of these, digits that are no
    number stand among the numbers, and each run of two or more on either side is read.

    Numbers ending where digit groups meet are tried first, then those cutting a digit run
    before a 0, each the commonest length first, so a run of numbers costs about one
    reading a number; in a long cluster the search does not go back far, so digit soup
    costs a few readings a digit group.  A list of dates is not cut at all.
    """
    digit_ends = [i + 1 for i, ch in enumerate(piece) if ch in _ASCII_DIGITS]
    total = len(digit_ends)
    if total < 2 * _RUN_MIN_DIGITS or _DATE_INSIDE.search(piece):
        return None
    # A cut is named by the number of digits before it; digit groups meet where the next
    # digit does not follow at once.
    group_cuts = [
        d for d in range(1, total + 1) if d == total or digit_ends[d] != digit_ends[d - 1] + 1
    ]
    inside: list[int] = []
    run_start = 0
    for d in group_cuts:
        if d - run_start >= _GLUED_RUN_DIGITS:
            inside += range(run_start + 1, d)
        run_start = d
    readings: dict[tuple[int, int], tuple | None] = {}

    def number(a: int, b: int):
        if (a, b) not in readings:
            offset = digit_ends[a - 1] if a else 0
            found = _phone_piece(text, start + offset, piece[offset : digit_ends[b - 1]])
            reading = None if found is None else reading_of(found[2])
            readings[a, b] = None if reading is None else (*found, reading)
        return readings[a, b]

    grouped = [0, *group_cuts]
    searches = [(grouped, 0)]
    if inside:
        searches.append((sorted({*grouped, *inside}), 0))
    searches.append((grouped, _RUN_LEFTOVER_DIGITS))
    search = {
        "total": total,
        "group_cuts": group_cuts,
        "number": number,
        "before_zero": frozenset(d for d in inside if piece[digit_ends[d] - 1] == "0"),
        "backtrack": total if total <= _RUN_SEARCHED_THROUGH_DIGITS else _RUN_BACKTRACK,
    }
    for cuts, leftover in searches:
        cover = _Cover(cuts=cuts, leftover=leftover, **search)
        found = cover.run(0)
        if found:
            return found
    # Digits that are no number stand among the numbers ("... 1234567"): each stretch of
    # two numbers or more on either side of them is a run.
    out: list = []
    a, skipped = 0, 0
    while True:
        numbers, reached = cover.best
        if len(numbers) >= 2:
            out += numbers
            a, skipped = reached, 0
        g = bisect_right(group_cuts, a)
        if g == len(group_cuts) or skipped == _RUN_SKIP_GROUPS:
            return out or None
        a, skipped = group_cuts[g], skipped + 1
        # A new search: what the last one could not finish from, this one may get past.
        cover = _Cover(cuts=grouped, leftover=_RUN_LEFTOVER_DIGITS, **search)
        found = cover.run(a)
        if found:
            return out + found


class _Cover:
    """The depth-first search of :func:`_side_by_side`: from a cut to cut ``total`` by
    numbers (``number(a, b)`` between two of ``cuts``, or None) and stretches of at most
    ``leftover`` digits that no number takes, from one of ``group_cuts`` to the next.  A
    state it cannot finish from is not tried again, and it gives up rather than go back
    more than ``backtrack`` numbers; ``best`` is then the numbers of the furthest it got,
    and the cut where the last of them ends."""

    def __init__(self, *, total, cuts, group_cuts, number, leftover, before_zero, backtrack):
        self.total = total
        self.cuts = frozenset(cuts)
        self.inside = self.cuts.difference(group_cuts)
        self.before_zero = before_zero
        self.group_cuts = group_cuts
        self.number = number
        self.leftover = leftover
        self.backtrack = backtrack
        # A state is (cut, digits left over since the last number, numbers so far up to 2).
        self.dead: set[tuple[int, int, int]] = set()
        self.best: tuple[list, int] = ([], 0)

    def _steps(self, a: int, left: int, length_before: int):
        ends = [a + length for length in _RUN_LENGTHS if a + length in self.cuts]
        # Numbers that end where digit groups meet first, then those that cut a digit run
        # before a 0 (the next number's trunk prefix, most often), then the others; in
        # each, one as long as the number before it first (a list repeats its format).
        inside, before_zero = self.inside, self.before_zero
        ends.sort(
            key=lambda b: (
                0 if b not in inside else 1 if b in before_zero else 2,
                b - a != length_before,
            )
        )
        for b in ends:
            yield b, 0
        g = bisect_right(self.group_cuts, a)
        if g < len(self.group_cuts) and left + self.group_cuts[g] - a <= self.leftover:
            yield self.group_cuts[g], left + self.group_cuts[g] - a

    def run(self, start: int) -> list | None:
        dead = self.dead
        frames = [((start, 0, 0), self._steps(start, 0, 0))]
        chosen: list = []
        deepest, best_depth = 1, 0
        self.best = ([], start)
        while frames:
            (a, _, count), steps = frames[-1]
            for b, left in steps:
                found = self.number(a, b) if left == 0 else None
                if left == 0 and found is None:
                    continue
                state = (b, left, min(count + (left == 0), 2))
                if state in dead:
                    continue
                if b == self.total:
                    if state[2] == 2:
                        return [f for _, f in (*chosen, (b, found)) if f is not None]
                    continue
                chosen.append((b, found))
                frames.append((state, self._steps(b, left, b - a if left == 0 else 0)))
                deepest = max(deepest, len(frames))
                break
            else:
                if len(frames) > best_depth:
                    # The furthest yet, up to where its last number ends.
                    best_depth = len(frames)
                    ends = [(b, f) for b, f in chosen if f is not None]
                    self.best = ([f for _, f in ends], ends[-1][0] if ends else start)
                dead.add(frames.pop()[0])
                if chosen:
                    chosen.pop()
                if len(frames) < deepest - self.backtrack:
                    return None
        return None


# A stray digit or two typed after a number ("020 3893 5998 1"): at most this many digits, in
# groups of their own at the end of the cluster.
_STRAY_DIGITS = 3
_LAST_GROUP = re.compile(r"[ \t]+\d+$")


def _stray_prefixes(piece: str):
    """``piece`` without the last digit group, the last two ..., while they hold at most
    :data:`_STRAY_DIGITS` digits and what is left :data:`_RUN_MIN_DIGITS` or more."""
    number = piece
    stray = 0
    while True:
        last = _LAST_GROUP.search(number)
        if last is None:
            return
        stray += len(last.group().strip())
        number = number[: last.start()]
        if stray > _STRAY_DIGITS or _count_digits(number) < _RUN_MIN_DIGITS:
            return
        yield number


def _before_stray_digits(text: str, start: int, piece: str, reading_of) -> list:
    """The number before a few stray digits at the end of ``piece`` ("020 3893 5998 1"), as
    :func:`_side_by_side` gives numbers; empty when there is none.  As in a run of numbers,
    ``reading_of`` accepts only a number valid in a region (not merely possible) and, with
    no phone word before it, grouped as that region writes it; it must hold
    :data:`_RUN_MIN_DIGITS` digits.  Cutting digits off is how digit soup could be made to
    look like a number."""
    for number in _stray_prefixes(piece):
        found = _phone_piece(text, start, number)
        reading = None if found is None else reading_of(found[2])
        if reading is not None:
            return [(*found, reading)]
    return []


def phone_candidates(text: str):
    """Spans :func:`find_phones` would go on to read as phone numbers, before it asks the
    numbering plans: every reading of every cluster (whole and split), so it is a superset
    of what :func:`find_phones` can find (numbers side by side are found inside one of
    these).  Cheap, the whole cluster first; the pre-check uses it."""
    for start, cluster in _phone_clusters(text):
        yield from _piece_candidates(text, start, cluster)
        if _SUBSPLIT.search(cluster):
            for piece_start, piece in _split_cluster(start, cluster):
                yield from _piece_candidates(text, piece_start, piece)


def _piece_candidates(text: str, start: int, piece: str):
    found = _phone_piece(text, start, piece)
    if found is not None:
        yield found
        return
    # What find_phones reads when the whole is no candidate: the number before stray digits.
    for number in _stray_prefixes(piece):
        found = _phone_piece(text, start, number)
        if found is not None:
            yield found


def find_phones(text: str, regions: tuple[str, ...]) -> list[RawFinding]:
    """Phone numbers in national or international format, in any configured region.

    Catches: "040-23733200", "+91 98480 12345", "(212) 555-0142", "020 7946 0958",
    numbers spelled out, spaced or in Arabic-Indic or Devanagari digits (after
    normalisation), numbers after "ph#", "call", "tel", "llame al", "اتصل على" (or before
    "पर कॉल करें"), each of several numbers side by side ("0113 496 0321 0113 496 0322"),
    and the valid number before a stray digit group ("020 7946 0321 4").
    Must not catch: dates, years and year ranges, lab values, dosages, money, measurements,
    trial/PubMed/ISBN/order/page/room numbers: those are filtered by shape (dates), by the
    words just before the digits (PMID, order no., page, room ...) and by units just after.
    """
    if _count_digits(text) < 7:
        return []
    ascii_text = text.isascii()
    out: list[RawFinding] = []
    ordered: list[str] | None = None
    hinted: frozenset[str] = frozenset()
    # Readings of the numbers of runs side by side, each number once (a run often repeats one).
    strict: dict[str, tuple[str, bool, bool] | None] = {}
    written: dict[str, tuple[str, bool, bool] | None] = {}

    def strict_reading(number: str, parsed: dict | None = None):
        if number not in strict:
            reading = _classify_number(number, ordered, hinted, possible=False, parsed=parsed)
            strict[number] = reading if reading and reading[1] and not reading[2] else None
        return strict[number]

    def written_reading(number: str):
        if number not in written:
            parsed: dict[str, object] = {}
            reading = strict_reading(number, parsed)
            if reading is not None:
                reading = _written_region(number, reading, ordered, parsed)
            written[number] = None if reading is None else (reading, True, False)
        return written[number]

    for cluster_start, cluster in _phone_clusters(text):
        pieces = [(cluster_start, cluster)]
        whole_valid = False
        if _SUBSPLIT.search(cluster) and _count_digits(cluster) <= 13:
            # "089 / 1234568" is one number written with a slash; try it whole first.
            if ordered is None:
                ordered, hinted = _hinted(text, regions)
            reading = _classify_number(cluster.strip(), ordered, hinted)
            whole_valid = reading is not None and reading[1] and not reading[2]
        if not whole_valid and (_count_digits(cluster) > 13 or _SUBSPLIT.search(cluster)):
            pieces = _split_cluster(cluster_start, cluster)
        for piece_start, raw_piece in pieces:
            found = _phone_piece(text, piece_start, raw_piece)
            if ordered is None and (found is not None or _LAST_GROUP.search(raw_piece)):
                ordered, hinted = _hinted(text, regions)
            if found is None:
                # "0161 496 0734 2 times a day": the count after the number is no part of it.
                reader = _run_reader(text, piece_start, strict_reading, written_reading)
                for number in _before_stray_digits(text, piece_start, raw_piece, reader):
                    out.append(_phone_finding(text, *number, ascii_text))
                continue
            start, end, piece = found
            reading = _classify_number(piece, ordered, hinted)
            numbers = [(start, end, piece, reading)] if reading is not None else []
            strictly_valid = reading is not None and reading[1] and not reading[2]
            if not strictly_valid and _count_digits(piece) >= 2 * _RUN_MIN_DIGITS:
                reader = _run_reader(text, start, strict_reading, written_reading)
                numbers = _side_by_side(text, start, piece, reader) or numbers
            elif not strictly_valid:
                reader = _run_reader(text, start, strict_reading, written_reading)
                numbers = _before_stray_digits(text, start, piece, reader) or numbers
            for number in numbers:
                out.append(_phone_finding(text, *number, ascii_text))
    return out


def _run_reader(text: str, start: int, strict_reading, written_reading):
    """How the numbers cut out of the digits at ``start`` are read: after "call", "ph" and
    the like they are phone numbers however they are grouped; without, each must be grouped
    as its region writes it."""
    context = _PHONE_CONTEXT.search(text[max(0, start - 40) : start])
    return strict_reading if context else written_reading


def _phone_finding(
    text: str, start: int, end: int, number: str, reading: tuple[str, bool, bool], ascii_text: bool
) -> RawFinding:
    has_context = _PHONE_CONTEXT.search(text[max(0, start - 40) : start]) is not None or (
        not ascii_text and _PHONE_CONTEXT_AFTER.match(text[end : end + 30]) is not None
    )
    score = _phone_score(number, has_context, reading)
    explanation = phone_explanation(reading[0], reading[1], number.startswith("+"))
    return RawFinding(CONTACT, "phone", start, end, score, "contact.phone", explanation)
