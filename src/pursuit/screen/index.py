"""The screening index: every name of every profile, reachable from its blocking keys.

Screening a million records against a hundred thousand profiles cannot compare every pair. Each
profile name is folded once (the names package's comparable form) and listed under its blocking
keys in an inverted index (key -> name entries). A query gathers the entries that share keys with
it — keys so common that they hold more than `STOP_SHARE` of all entries ("abu", "muhammad")
are used only when nothing rarer is there — keeps the `CANDIDATE_CAP` entries sharing the most
keys, and scores them in one vectorised call (rapidfuzz `cdist`). Only the best few profiles go on
to the full person comparison with its reasons.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from pursuit.resolve.naming import blocking_keys, name_forms
from pursuit.screen.profiles import Profile

__all__ = ["CANDIDATE_CAP", "STOP_SHARE", "Prefiltered", "ScreenIndex"]

CANDIDATE_CAP = 300
STOP_SHARE = 0.02
STOP_MIN = 2_000

IntArray = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class Prefiltered:
    """A profile that passed the prefilter, with its best-matching name and that name's score."""

    profile: int
    entry: int
    score: float


class ScreenIndex:
    """Profiles with their folded names and an inverted index of blocking keys."""

    def __init__(self, profiles: Sequence[Profile]) -> None:
        self.profiles = list(profiles)
        self.entry_profile: list[int] = []
        self.entry_name: list[str] = []
        self.entry_folded: list[str] = []
        self.entry_weak: list[bool] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for number, profile in enumerate(self.profiles):
            for name, weak in _names_of(profile):
                entry = len(self.entry_folded)
                self.entry_profile.append(number)
                self.entry_name.append(name)
                self.entry_folded.append(name_forms(name).folded)
                self.entry_weak.append(weak)
                for key in blocking_keys(name):
                    postings[key].append(entry)
        self.postings = {k: np.asarray(v, dtype=np.int32) for k, v in postings.items()}
        self.profile_of = np.asarray(self.entry_profile, dtype=np.int32)
        self.stop = max(STOP_MIN, int(len(self.entry_folded) * STOP_SHARE))
        # The index is millions of objects that live as long as the process. Left to the cyclic
        # collector, each full collection walks them all again while screening allocates
        # (a fifth of batch time with 100,000 profiles); frozen, they are skipped, and forked
        # workers do not copy the pages the collector would have touched.
        gc.collect()
        gc.freeze()

    def __len__(self) -> int:
        return len(self.profiles)

    def _entries(self, name: str) -> IntArray:
        lists = [self.postings[k] for k in blocking_keys(name) if k in self.postings]
        if not lists:
            return np.empty(0, dtype=np.int32)
        rare = [p for p in lists if len(p) <= self.stop]
        if not rare:
            return min(lists, key=len)[:CANDIDATE_CAP]
        joined = np.concatenate(rare)
        if len(rare) == 1 or len(joined) <= CANDIDATE_CAP:
            return np.unique(joined)
        entries, counts = np.unique(joined, return_counts=True)
        if len(entries) <= CANDIDATE_CAP:
            return entries
        keep = np.argpartition(-counts, CANDIDATE_CAP - 1)[:CANDIDATE_CAP]
        return entries[keep]

    def prefilter(self, name: str, limit: int, floor: float) -> list[Prefiltered]:
        """The `limit` profiles whose best name is most similar to `name`, above `floor`."""
        entries = self._entries(name)
        if len(entries) == 0:
            return []
        folded = name_forms(name).folded
        choices = [self.entry_folded[i] for i in entries]
        scores = process.cdist([folded], choices, scorer=fuzz.token_sort_ratio, dtype=np.uint8)[0]
        order = np.argsort(-scores, kind="stable")
        best: dict[int, Prefiltered] = {}
        for position in order:
            score = float(scores[position]) / 100.0
            if score < floor or len(best) >= limit:
                break
            entry = int(entries[position])
            profile = int(self.profile_of[entry])
            if profile not in best:
                best[profile] = Prefiltered(profile, entry, score)
        return list(best.values())


def _names_of(profile: Profile) -> list[tuple[str, bool]]:
    strong = [(n, False) for n in profile.names]
    return strong + [(n, True) for n in profile.weak]
