"""Blocking keys: cheap keys that true variants of a name share, so screening compares a record
only with the profiles that share a key instead of with all 100,000.

Keys are consonant skeletons of the distinctive words (vowels are where spellings disagree most);
words every third name shares (Abu, Muhammad, bin) make no key, or every profile would be a
candidate. A name made only of such words keys on its whole folded form.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pursuit.names.tokens import name_tokens

__all__ = ["blocking_keys", "skeleton"]

_VOWELS = re.compile(r"[aeiouwy]")
_MIN_SKELETON = 2


def skeleton(word: str) -> str:
    """First letter, then the consonants: "jazrawi" → "jzr", "jasrawi" → "jsr"."""
    return word[:1] + _VOWELS.sub("", word[1:])


@lru_cache(maxsize=500_000)
def blocking_keys(name: str) -> frozenset[str]:
    """Keys of a name; two names that may match share at least one."""
    tokens = name_tokens(name)
    keys: set[str] = set()
    for token in tokens.tokens:
        if token.weight < 1.0:
            continue
        for option in token.options:
            bone = skeleton(option)
            keys.add(bone if len(bone) >= _MIN_SKELETON else option)
    if not keys and tokens.tokens:
        keys.add(" ".join(t.text for t in tokens.tokens))
    return frozenset(keys)
