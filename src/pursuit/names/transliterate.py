"""Arabic script to Latin: ranked real-world spellings, word by word.

ICU's transliteration gives consonant skeletons ("abw hfs aljzrawy"); arabic-name-romanizer
ranks the spellings people actually use ("Abou Hafs Al-Jazrawi", "Abu Hafs…"), learnt from
name lists, so it is used here and its alternatives are kept for comparison.
"""

from __future__ import annotations

from functools import lru_cache

import arabic_name_romanizer

from pursuit.names.fold import latin_tokens

__all__ = ["arabic_letters", "arabic_token_options", "transliterate"]

_TOP = 3

# Persian and Urdu letters with an Arabic twin. Lists write Afghan and Iranian names with Persian
# yeh and keheh ("عیسی", "البکر"); the romanizer learnt Arabic spellings, so without this it
# leaves the article on or drops letters.
_PERSIAN = str.maketrans(
    {
        "\u06a9": "\u0643",  # keheh -> kaf
        "\u06aa": "\u0643",  # swash kaf -> kaf
        "\u06cc": "\u064a",  # farsi yeh -> yeh
        "\u06d2": "\u064a",  # yeh barree -> yeh
        "\u06c1": "\u0647",  # heh goal -> heh
        "\u06be": "\u0647",  # heh doachashmee -> heh
        "\u06d5": "\u0647",  # ae -> heh
        "\u06c0": "\u0629",  # heh with yeh above -> taa marbuta
        "\u06c3": "\u0629",  # taa marbuta goal -> taa marbuta
    }
)


def arabic_letters(text: str) -> str:
    """Persian and Urdu letter forms as their Arabic twins, so one romanizer serves all three."""
    return text.translate(_PERSIAN)


@lru_cache(maxsize=100_000)
def _candidates(arabic: str) -> tuple[arabic_name_romanizer.Candidate, ...]:
    found = arabic_name_romanizer.transliterate(arabic_letters(arabic.strip()), top_k=_TOP)
    return tuple(found) if isinstance(found, list) else ()


def transliterate(arabic: str) -> list[str]:
    """Latin spellings of an Arabic-script name, most common first."""
    if not arabic.strip():
        return []
    return [c.text for c in _candidates(arabic)]


@lru_cache(maxsize=100_000)
def arabic_token_options(arabic: str) -> tuple[frozenset[str], ...]:
    """For each word of the best spelling, the folded forms any ranked spelling gives it.

    Words whose spellings disagree in count (an article written apart) fall back to the best
    spelling's folded words.
    """
    candidates = _candidates(arabic)
    if not candidates:
        return ()
    best = latin_tokens(candidates[0].text)
    options = [set([token]) for token in best]
    for candidate in candidates[1:]:
        tokens = latin_tokens(candidate.text)
        if len(tokens) == len(best):
            for slot, token in zip(options, tokens, strict=True):
                slot.add(token)
    return tuple(frozenset(slot) for slot in options)
