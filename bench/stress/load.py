"""A load test of the API on loopback against a served demo workspace.

Four routes: search, an entity through the API, an entity's web page, and screening (POST). wrk
drives them when installed (`load.lua` adds the p95 wrk does not print); else a small threaded
client with keep-alive connections does.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.stress.procs import Server, Target, run, token_for

__all__ = ["RouteLoad", "load_test"]

LUA = Path(__file__).with_name("load.lua")
WORDS = ["Raqqa", "Abu Omar", "Khasham", "convoy", "executions", "Mossoul", "Deir ez-Zor", "order"]
NAMES = [
    "Abu Omar al-Shishani",
    "أبو عمر الشيشاني",
    "Ahmad al-Khalil",
    "Abou Hamza",
    "Omar Batirashvili",
]


@dataclass(frozen=True, slots=True)
class RouteLoad:
    route: str
    requests: int
    seconds: float
    requests_per_s: float
    p50_ms: float
    p95_ms: float
    failed: int
    tool: str


@dataclass(frozen=True, slots=True)
class Route:
    label: str
    method: str
    paths: list[str]
    bodies: list[str]


def _routes(port: int, token: str) -> list[Route]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/api/v1/entities?limit=40", headers={"Authorization": f"Bearer {token}"})
    ids = [e["id"] for e in json.loads(conn.getresponse().read())["entities"]]
    conn.close()
    screen = [json.dumps({"name": n}, ensure_ascii=False) for n in NAMES]
    return [
        Route(
            "GET /api/v1/search?q=…",
            "GET",
            [f"/api/v1/search?q={w.replace(' ', '+')}" for w in WORDS],
            [],
        ),
        Route("GET /api/v1/entities/{id}", "GET", [f"/api/v1/entities/{i}" for i in ids], []),
        Route("GET /entities/{id} (web)", "GET", [f"/entities/{i}" for i in ids], []),
        Route("POST /api/v1/screen", "POST", ["/api/v1/screen"], screen),
    ]


def _wrk(port: int, token: str, route: Route, seconds: int, connections: int) -> RouteLoad:
    env = {
        **os.environ,
        "STRESS_TOKEN": token,
        "STRESS_METHOD": route.method,
        "STRESS_PATHS": "\n".join(route.paths),
        "STRESS_BODIES": "\n".join(route.bodies),
    }
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "-s", str(LUA)]
    done = subprocess.run(
        [*args, f"http://127.0.0.1:{port}"], env=env, capture_output=True, text=True, check=True
    )
    figures = json.loads([x for x in done.stdout.splitlines() if x.startswith("{")][-1])
    took = figures["duration_us"] / 1e6
    return RouteLoad(
        route.label,
        figures["requests"],
        round(took, 1),
        round(figures["requests"] / took, 1),
        round(figures["p50_us"] / 1000, 1),
        round(figures["p95_us"] / 1000, 1),
        figures["non_2xx"] + figures["socket_errors"],
        "wrk",
    )


def _client(
    port: int, token: str, route: Route, until: float, out: list[tuple[float, bool]]
) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    n = 0
    while time.monotonic() < until:
        n += 1
        body = route.bodies[n % len(route.bodies)].encode() if route.bodies else None
        start = time.monotonic()
        conn.request(route.method, route.paths[n % len(route.paths)], body=body, headers=headers)
        answer = conn.getresponse()
        answer.read()
        out.append((time.monotonic() - start, 200 <= answer.status < 300))
    conn.close()


def _python(port: int, token: str, route: Route, seconds: int, connections: int) -> RouteLoad:
    samples: list[tuple[float, bool]] = []
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_client, args=(port, token, route, until, samples))
        for _ in range(connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times = sorted(t for t, _ in samples)
    p95 = statistics.quantiles(times, n=100)[94] if len(times) > 1 else times[0]
    return RouteLoad(
        route.label,
        len(samples),
        float(seconds),
        round(len(samples) / seconds, 1),
        round(statistics.median(times) * 1000, 1),
        round(p95 * 1000, 1),
        sum(1 for _, good in samples if not good),
        "python client",
    )


def load_test(work: Path, seconds: int, connections: int = 8) -> list[RouteLoad]:
    """Build the demo workspace, serve it, and load each route for `seconds`."""
    target = Target(work / "demo")
    built = run(target, "demo", "--no-serve", "--home", str(target.home))
    if built.returncode != 0:
        raise RuntimeError(f"pursuit demo failed: {built.stderr[-500:]}")
    token = token_for(target)
    server = Server(target, work / "load-serve.out")
    try:
        server.wait_ready()
        drive = _wrk if shutil.which("wrk") else _python
        return [
            drive(server.port, token, r, seconds, connections) for r in _routes(server.port, token)
        ]
    finally:
        server.stop()
