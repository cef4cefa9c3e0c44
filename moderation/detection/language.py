"""Which language a post is written in, recorded on its scan.

py3langid (a naive Bayes model over byte n-grams, shipped in its wheel) chooses among the
languages the detectors know; romanised Hindi ("Hinglish"), which it reads as English, is
told apart by its everyday words.  A post too short or too mixed to tell is ``"und"``.
"""

from __future__ import annotations

import re
import threading

# What the claim patterns and contact cues cover.  "hi-Latn" is Hindi written in Latin letters.
LANGUAGES = ("en", "es", "pt", "fr", "hi", "ur", "ar")
HINGLISH = "hi-Latn"
UNDETERMINED = "und"
NAMES = {
    "en": "English",
    "es": "Spanish",
    "pt": "Portuguese",
    "fr": "French",
    "hi": "Hindi",
    HINGLISH: "Hindi (Latin script)",
    "ur": "Urdu",
    "ar": "Arabic",
    UNDETERMINED: "undetermined",
}

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
# Function words and everyday verbs of romanised Hindi that English never uses as words.
_HINGLISH_WORDS = re.compile(
    r"\b(?:hai|hain|nahi|nahin|nhi|kya|kyun|mera|meri|mere|hum|humein|aap|aapka|apne|"
    r"bhai|behen|ji|yeh|ye|woh|wo|ka|ki|ke|ko|se|mein|bahut|bhi|ho|gaya|gayi|gaye|"
    r"tha|thi|raha|rahi|karo|karein|kare|kijiye|theek|thik|ilaj|dawai|dawa|bimari|"
    r"sirf|abhi|pehle|baad|lekin|aur|ek|din|saal)\b",
    re.IGNORECASE,
)
_MIN_LETTERS = 12

_LOCK = threading.Lock()
_IDENTIFIER = None


def _identifier():
    global _IDENTIFIER
    if _IDENTIFIER is None:
        with _LOCK:
            if _IDENTIFIER is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                identifier.set_languages(list(LANGUAGES))
                _IDENTIFIER = identifier
    return _IDENTIFIER


def warm_up() -> None:
    """Load the model now (about a second and a half) rather than in the first scan."""
    _identifier()


# (text, its language) of the last call: a post's scan asks about the same body twice (the
# claims detector, then the scan record). One tuple, replaced whole, so threads never see a
# mismatched pair.
_last: tuple[str, str] = ("", UNDETERMINED)


def detect(text: str) -> str:
    """The language code of ``text``: one of :data:`LANGUAGES`, ``"hi-Latn"`` or ``"und"``."""
    global _last
    last_text, last_language = _last
    if text == last_text:
        return last_language
    language = _detect(text)
    _last = (text, language)
    return language


def _detect(text: str) -> str:
    letters = len(_LETTERS.findall(text))
    if letters < _MIN_LETTERS:
        return UNDETERMINED
    language, confidence = _identifier().classify(text)
    if language == "en" or confidence < 0.5:
        words = len(text.split())
        found = {w.lower() for w in _HINGLISH_WORDS.findall(text)}
        if words and len(found) >= 3 and len(found) >= words // 8:
            return HINGLISH
    if confidence < 0.5:
        return UNDETERMINED
    return language
