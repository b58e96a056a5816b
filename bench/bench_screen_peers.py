"""The peers and the API leg of bench_screen.py: Splink link-only, logic-v2, wrk on loopback."""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

import screen_data
from pursuit.resolve.naming import name_forms
from pursuit.screen import ScreenIndex

STOP = {"abu", "al", "el", "bin", "ibn", "bint", "umm"}


def _row(p: screen_data.Person) -> dict[str, Any]:
    folded = name_forms(p.name).folded
    words = [w for w in folded.split() if w not in STOP] or folded.split() or [""]
    return {
        "unique_id": p.id,
        "folded": " ".join(sorted(folded.split())),
        "first_tok": words[0],
        "last_tok": words[-1],
        "birth_year": p.birth_year,
    }


def _splink_child(listed: list[screen_data.Person], subset: list[screen_data.Person]) -> dict:
    import pyarrow as pa
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.duckdb import DuckDBAPI

    left = pa.Table.from_pylist([_row(p) for p in subset])
    right = pa.Table.from_pylist([_row(p) for p in listed])
    settings = SettingsCreator(
        link_type="link_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("folded", [0.95, 0.88]).configure(
                m_probabilities=[0.6, 0.2, 0.1, 0.1], u_probabilities=[1e-5, 1e-4, 1e-3, 0.99889]
            ),
            cl.ExactMatch("birth_year").configure(
                m_probabilities=[0.9, 0.1], u_probabilities=[0.03, 0.97]
            ),
        ],
        blocking_rules_to_generate_predictions=[block_on("first_tok"), block_on("last_tok")],
        probability_two_random_records_match=0.3 / len(listed),
    )
    started = time.perf_counter()
    db = DuckDBAPI()
    linker = Linker([db.register(left), db.register(right)], settings, log_level=None)
    found = linker.inference.predict(threshold_match_probability=0.5)
    links = found.as_duckdbpyrelation().select("unique_id_l, unique_id_r").fetchall()
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    source = {p.id: p.source for p in subset if p.source}
    found_ids = {(a, b) for a, b in links if source.get(a) == b}
    recall = round(len(found_ids) / max(1, len(source)), 4)
    return {
        "seconds": round(seconds, 2),
        "pairs_above_0_5": len(links),
        "peak_mb": peak,
        "variants_found": recall,
    }


def splink_link_only(
    listed: list[screen_data.Person], subset: list[screen_data.Person], total: int
) -> dict[str, Any]:
    """Splink 5 on DuckDB, link-only, on names folded by the names package with their words
    sorted (so "FAMILY, Given" meets "Given Family"); the folding is not timed."""
    with mp.get_context("fork").Pool(1) as pool:
        found = pool.apply(_splink_child, (listed, subset))
    note = "same records" if len(subset) == total else f"first {len(subset):,} of the records"
    return {
        "records": len(subset),
        "records_per_s": round(len(subset) / found["seconds"], 1),
        "note": f"{note}; Jaro-Winkler on sorted folded words, blocking on first and last word; "
        f"{found['pairs_above_0_5']:,} pairs at p >= 0.5; variants found "
        f"{found['variants_found']:.1%}",
        **found,
    }


def _ftm(entity_id: str, name: str, year: int | None) -> Any:
    from followthemoney import model

    entity = model.make_entity("Person")
    entity.id = entity_id
    entity.add("name", name)
    if year:
        entity.add("birthDate", str(year))
    return entity


def logic_v2_per_pair(index: ScreenIndex, sample: list[screen_data.Person]) -> dict[str, Any]:
    """logic-v2 on the pairs pursuit's index proposes (fresh ids each pair: its cache is by id)."""
    from nomenklatura.matching import LogicV2
    from nomenklatura.matching.types import ScoringConfig

    config = ScoringConfig.defaults()
    pairs = []
    for n, p in enumerate(sample):
        hits = index.prefilter(p.name, 1, 0.0)
        if hits:
            other = index.profiles[hits[0].profile]
            year = other.birth_years[0] if other.birth_years else None
            pairs.append((_ftm(f"q{n}", p.name, p.birth_year), _ftm(f"r{n}", other.name, year)))
    LogicV2.compare(_ftm("warm-a", "Abu Hafs", None), _ftm("warm-b", "Abou Hafs", None), config)
    started = time.perf_counter()
    for query, result in pairs:
        LogicV2.compare(query, result, config)
    seconds = time.perf_counter() - started
    return {
        "pairs": len(pairs),
        "seconds": round(seconds, 2),
        "pairs_per_s": round(len(pairs) / seconds, 1),
        "ms_per_pair": round(1000 * seconds / len(pairs), 3),
    }


def build_workspace(home: Path, listed: list[screen_data.Person]) -> None:
    """A workspace holding each profile as a person entity named once in one register item."""
    from pursuit.evidence.cases import ensure_case
    from pursuit.evidence.items import Acquisition, Item, insert_item
    from pursuit.settings import Settings
    from pursuit.store.schema import derivatives, entities, mentions
    from pursuit.store.workspace import create_workspace

    ws = create_workspace(Settings(home=home, actor="bench"))
    now = datetime.now(UTC)
    text = "\n".join(p.name for p in listed)
    digest = hashlib.sha256(text.encode()).hexdigest()
    with ws.write() as conn:
        case = ensure_case(conn, "bench", "bench")
        acq = Acquisition(acquired_by="bench", acquired_at=now)
        item = Item(
            "it-bench",
            case.id,
            digest,
            len(text),
            "register.txt",
            "text/plain",
            acq,
            None,
            now,
            "bench",
        )
        insert_item(conn, item)
        conn.execute(
            derivatives.insert().values(
                id=1,
                item_id=item.id,
                kind="text",
                tool="bench",
                tool_version="1",
                parent_sha256=digest,
                text=text,
                text_sha256=digest,
                language=None,
                meta={},
                created_at=now,
            )
        )
        conn.execute(
            entities.insert(),
            [
                {
                    "id": f"en-{p.id}",
                    "case_id": case.id,
                    "type": "person",
                    "name": p.name,
                    "key": p.id,
                    "created_at": now,
                }
                for p in listed
            ],
        )
        offset, rows = 0, []
        for p in listed:
            rows.append(
                {
                    "item_id": item.id,
                    "derivative_id": 1,
                    "start": offset,
                    "end": offset + len(p.name),
                    "text": p.name,
                    "type": "person",
                    "label": p.name,
                    "extractor": "bench",
                    "confidence": 1.0,
                    "attributes": {},
                    "entity_id": f"en-{p.id}",
                }
            )
            offset += len(p.name) + 1
        conn.execute(mentions.insert(), rows)
    ws.dispose()


def serve(home: str, port: str) -> None:
    import uvicorn
    from fastapi import APIRouter

    from pursuit.api import identity
    from pursuit.app import API_PREFIX, create_app
    from pursuit.settings import Settings
    from pursuit.store.workspace import open_workspace

    app = create_app(open_workspace(Settings(home=Path(home), actor="bench")))
    if f"{API_PREFIX}/screen" not in {getattr(r, "path", "") for r in app.routes}:
        api = APIRouter(prefix=API_PREFIX)
        api.include_router(identity.router)
        app.include_router(api)
    uvicorn.run(app, host="127.0.0.1", port=int(port), log_level="warning", access_log=False)


LUA = """
local names = {%s}
local i = 0
request = function()
  i = i + 1
  local body = '{"name": "' .. names[(i %% #names) + 1] .. '"}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("P50 %%f\\nP95 %%f\\nP99 %%f\\nREQ %%d\\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests))
end
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, body: dict[str, str], limit: float = 900) -> None:
    deadline = time.time() + limit
    while time.time() < deadline:
        try:
            if httpx.post(url, json=body, timeout=limit).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.5)
    raise RuntimeError("the server did not answer")


def api_latency(listed: list[screen_data.Person], seconds: int) -> dict[str, Any]:
    """wrk, one thread and one connection: the latency of single queries, not of a queue."""
    folder = Path(tempfile.mkdtemp(prefix="pursuit-bench-"))
    build_workspace(folder / "ws", listed)
    port = _free_port()
    server = subprocess.Popen([sys.executable, __file__, "serve", str(folder / "ws"), str(port)])
    url = f"http://127.0.0.1:{port}/api/v1/screen"
    try:
        started = time.perf_counter()
        _wait(url, {"name": listed[0].name})
        warm = round(time.perf_counter() - started, 1)
        names = [re.sub(r"[\"\\\\]", "", p.name) for p in listed[:: max(1, len(listed) // 500)]]
        script = folder / "post.lua"
        script.write_text(LUA % ", ".join(f'"{n}"' for n in names), encoding="utf-8")
        out = subprocess.run(
            ["wrk", "-t1", "-c1", f"-d{seconds}s", "-s", str(script), url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        found = dict(re.findall(r"^(P50|P95|P99|REQ) ([\d.]+)$", out, re.M))
    finally:
        server.terminate()
        server.wait(30)
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "tool": "wrk -t1 -c1 (Lua POST script)",
        "profiles": len(listed),
        "first_query_s": warm,
        "requests": int(float(found["REQ"])),
        "p50_ms": round(float(found["P50"]), 2),
        "p95_ms": round(float(found["P95"]), 2),
        "p99_ms": round(float(found["P99"]), 2),
    }


if __name__ == "__main__" and sys.argv[1:2] == ["serve"]:
    serve(sys.argv[2], sys.argv[3])
