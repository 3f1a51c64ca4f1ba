"""Which language a listing is written in: a small offline guess from common function words."""

from __future__ import annotations

import re

# Frequent short words that are distinctive for each language (and rare in the others).
_WORDS_BY_LANGUAGE = {
    "en": "the and you with for our are will your this that have from which who",
    "de": "und der die das mit für wir sie ist ein eine nicht auf bei unsere oder auch",
    "da": "og det er til på med som vi har af ikke at en den du jeg eller hos også",
    "nl": "het een van en voor wij zijn niet ook bij naar dat deze jouw",
    "fr": "le la les et des pour une vous nous est dans avec sur pas qui",
    "es": "el la los las y para una con por que del somos tu nuestro está",
}
_FUNCTION_WORDS = {code: frozenset(words.split()) for code, words in _WORDS_BY_LANGUAGE.items()}
_WORD = re.compile(r"[^\W\d_]+")
MIN_HITS = 3
SAMPLE_CHARS = 5_000


def detect_language(text: str) -> str:
    """ISO 639-1 code of the most likely language of `text`, or `und` when it cannot tell."""
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    hits = {code: sum(word in vocabulary for word in words) for code, vocabulary in _FUNCTION_WORDS.items()}
    best = max(hits, key=hits.__getitem__)
    return best if hits[best] >= MIN_HITS else "und"
