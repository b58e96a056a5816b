"""Screening benchmark: a register of generated records against generated profiles.

Measures, on the same data (see screen_data.py):

* pursuit's batch screening (index build, then records/s on `--workers` processes, peak memory),
  with how many variants of listed people it found and how many new people it flagged;
* Splink's DuckDB link-only run of the same records against the same profiles (on a subset when
  the full register would take too long; the table says which);
* nomenklatura's logic-v2, per pair, on pairs pursuit's index proposed;
* the REST API: one /api/v1/screen query at a time against a workspace of the same profiles,
  latency p50/p95 measured with wrk (one connection, loopback).

    python bench/bench_screen.py            # 1,000,000 records against 100,000 profiles
    python bench/bench_screen.py --quick    # 20,000 records against 10,000 profiles
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import screen_data  # noqa: E402
from bench_screen_peers import api_latency, logic_v2_per_pair, splink_link_only  # noqa: E402
from pursuit.names.fields import BirthYear  # noqa: E402
from pursuit.screen import ScreenIndex, ScreenOptions, ScreenRecord, screen_records  # noqa: E402
from pursuit.screen.profiles import Profile  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
_INDEX: ScreenIndex | None = None


def to_profile(p: screen_data.Person) -> Profile:
    return Profile(
        p.id,
        p.name,
        (p.name,),
        birth_years=(p.birth_year,) if p.birth_year else (),
        countries=(p.country,) if p.country else (),
    )


def to_record(p: screen_data.Person) -> ScreenRecord:
    birth = BirthYear(p.birth_year) if p.birth_year else None
    return ScreenRecord(p.id, p.name, birth, (p.country,) if p.country else ())


def _screen_chunk(chunk: list[screen_data.Person]) -> list[tuple[str, str | None, str | None]]:
    """(record id, source profile, best matching profile or None) per record."""
    assert _INDEX is not None
    options = ScreenOptions()
    found = []
    results = screen_records(_INDEX, (to_record(p) for p in chunk), options)
    for person, result in zip(chunk, results, strict=True):
        best = next((c.entity_id for c in result.candidates if c.match), None)
        found.append((person.id, person.source, best))
    return found


def batch(index: ScreenIndex, register: list[screen_data.Person], workers: int) -> dict[str, Any]:
    global _INDEX
    _INDEX = index
    chunks = [register[i : i + 2000] for i in range(0, len(register), 2000)]
    started = time.perf_counter()
    with mp.get_context("fork").Pool(workers) as pool:
        rows = [r for part in pool.imap(_screen_chunk, chunks) for r in part]
    seconds = time.perf_counter() - started
    listed = [r for r in rows if r[1] is not None]
    fresh = [r for r in rows if r[1] is None]
    return {
        "records": len(rows),
        "seconds": round(seconds, 2),
        "records_per_s": round(len(rows) / seconds, 1),
        "variants_found": round(sum(r[2] == r[1] for r in listed) / max(1, len(listed)), 4),
        "new_people_flagged": round(sum(r[2] is not None for r in fresh) / max(1, len(fresh)), 4),
        "peak_mb_parent": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "peak_mb_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
    }


def _table(results: dict[str, Any]) -> str:
    b, s, lv, api = results["pursuit"], results["splink"], results["logic_v2"], results["api"]
    lines = [
        f"Screening: {b['records']:,} records against {results['profiles']:,} profiles "
        f"({results['workers']} workers; names module {results['names_module']})",
        "",
        "| tool | records | seconds | records/s | peak MB | note |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
        f"| pursuit screen (batch) | {b['records']:,} | {b['seconds']} | {b['records_per_s']:,} "
        f"| {b['peak_mb_parent']} + {b['peak_mb_worker']}/worker | index built in "
        f"{results['index_seconds']} s; variants found {b['variants_found']:.1%}, new people "
        f"flagged {b['new_people_flagged']:.1%} |",
        f"| Splink 5 DuckDB link-only | {s['records']:,} | {s['seconds']} | "
        f"{s['records_per_s']:,} | {s['peak_mb']} | {s['note']} |",
        f"| nomenklatura logic-v2 | {lv['pairs']:,} pairs | {lv['seconds']} | "
        f"{lv['pairs_per_s']:,} pairs/s | | {lv['ms_per_pair']} ms per pair |",
        "",
        f"API: one /api/v1/screen query at a time, {api['profiles']:,} profiles, "
        f"{api['tool']}: p50 {api['p50_ms']} ms, p95 {api['p95_ms']} ms, p99 {api['p99_ms']} ms "
        f"({api['requests']:,} requests)",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20,000 records, 10,000 profiles")
    parser.add_argument("--records", type=int)
    parser.add_argument("--profiles", type=int)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--splink-records", type=int, help="subset for Splink (default: all)")
    parser.add_argument("--api-seconds", type=int, default=20)
    args = parser.parse_args()
    n_records = args.records or (20_000 if args.quick else 1_000_000)
    n_profiles = args.profiles or (10_000 if args.quick else 100_000)
    parts = screen_data.load_parts()
    listed = screen_data.profiles(n_profiles, parts)
    register = screen_data.records(n_records, listed, parts)
    started = time.perf_counter()
    index = ScreenIndex([to_profile(p) for p in listed])
    index_seconds = round(time.perf_counter() - started, 2)
    print(f"index of {n_profiles:,} profiles built in {index_seconds} s", file=sys.stderr)
    import pursuit.names

    results: dict[str, Any] = {
        "names_module": getattr(pursuit.names, "__name__", "?"),
        "profiles": n_profiles,
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "index_seconds": index_seconds,
        "pursuit": batch(index, register, args.workers),
    }
    print(json.dumps(results["pursuit"]), file=sys.stderr)
    subset = register[: args.splink_records or (n_records if args.quick else 200_000)]
    results["splink"] = splink_link_only(listed, subset, n_records)
    results["logic_v2"] = logic_v2_per_pair(index, register[:2000])
    results["api"] = api_latency(listed, args.api_seconds)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "screen.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    table = _table(results)
    (RESULTS / "screen.md").write_text(table + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
