"""Helpers of `bench/stress.py`, the suite that tries to break pursuit.

Each module holds one kind of attack (kills, a full disk, concurrent writers, fuzzing, load) or
what they share (the corpus of real files, child processes, the checks, the report).
"""

__all__: list[str] = []
