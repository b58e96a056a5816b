"""The guard in a real `pursuit serve` process, spoken to with raw HTTP as a rebound page would."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PURSUIT = str(Path(sys.executable).parent / "pursuit")
TOKENS: dict[str, str] = {}  # workspace -> an administrator's API token


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(port: int, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    server.kill()
    pytest.fail(f"pursuit serve did not start: {server.communicate()[1]}")


@contextmanager
def serving(home: Path, *flags: str, **env: str) -> Iterator[int]:
    """A `pursuit serve` process on a free port, stopped afterwards."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PURSUIT_")}
    clean.update(PURSUIT_HOME=str(home), PURSUIT_ACTOR="tester", **env)
    if not home.exists():
        subprocess.run([PURSUIT, "init"], env=clean, check=True, capture_output=True, timeout=120)
        add = [PURSUIT, "user", "add", "tester", "--role", "administrator"]
        subprocess.run(add, env=clean, check=True, capture_output=True, timeout=120)
        made = subprocess.run(
            [PURSUIT, "user", "token", "tester"],
            env=clean,
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
        TOKENS[str(home)] = made.stdout.strip()
    number = free_port()
    args = [PURSUIT, "serve", "--port", str(number), *flags]
    server = subprocess.Popen(args, env=clean, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(number, server)
        yield number
    finally:
        server.terminate()
        server.communicate(timeout=30)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("served") / "ws"


@pytest.fixture(scope="module")
def port(home: Path) -> Iterator[int]:
    hosts = "case.example.org, bench.example.org:7000"
    with serving(home, PURSUIT_ALLOWED_HOSTS=hosts) as number:
        yield number


def ask(
    port: int, method: str, path: str, headers: dict[str, str], signed: bool = True
) -> tuple[int, str]:
    """One request with exactly these headers (and the test administrator's token unless
    `signed` is false); http.client sends the Host we give it."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    if signed:
        headers = {**headers, "Authorization": f"Bearer {next(iter(TOKENS.values()))}"}
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            conn.putheader(name, value)
        conn.putheader("Content-Length", "0")
        conn.endheaders()
        answer = conn.getresponse()
        return answer.status, answer.read().decode("utf-8")
    finally:
        conn.close()


def test_a_rebound_host_name_gets_no_answer(port: int) -> None:
    status, body = ask(port, "GET", "/api/v1/items", {"Host": f"attacker.example:{port}"})
    assert status == 400 and "attacker.example" in body and "items" not in body
    assert ask(port, "GET", "/", {"Host": f"attacker.example:{port}"})[0] == 400


def test_own_and_configured_names_are_answered(port: int) -> None:
    assert ask(port, "GET", "/api/v1/items", {"Host": f"127.0.0.1:{port}"})[0] == 200
    assert ask(port, "GET", "/", {"Host": f"localhost:{port}"})[0] == 200
    assert ask(port, "GET", "/", {"Host": "case.example.org"})[0] == 200  # PURSUIT_ALLOWED_HOSTS
    assert ask(port, "GET", "/", {"Host": "bench.example.org:7000"})[0] == 200
    assert ask(port, "GET", "/", {"Host": "bench.example.org:7001"})[0] == 400


def test_a_cross_site_write_is_refused_and_a_script_passes(port: int) -> None:
    own = {"Host": f"127.0.0.1:{port}"}
    hostile = {**own, "Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}
    status, body = ask(port, "POST", "/api/v1/verify", hostile)
    assert status == 403 and "CrossSiteRefused" in body
    assert ask(port, "POST", "/api/v1/verify", own)[0] == 200


def test_allowed_host_options_replace_the_environment(home: Path) -> None:
    flags = ("--allowed-host", "one.example.org", "--allowed-host", "two.example.org:9000")
    with serving(home, *flags, PURSUIT_ALLOWED_HOSTS="case.example.org") as port:
        assert ask(port, "GET", "/", {"Host": "one.example.org:1234"})[0] == 200
        assert ask(port, "GET", "/", {"Host": "two.example.org:9000"})[0] == 200
        assert ask(port, "GET", "/", {"Host": "case.example.org"})[0] == 400


def test_anonymous_requests_get_nothing(port: int) -> None:
    own = {"Host": f"127.0.0.1:{port}"}
    assert ask(port, "GET", "/api/v1/items", own, signed=False)[0] == 401
    assert ask(port, "GET", "/", own, signed=False)[0] == 303
    assert ask(port, "GET", "/openapi.json", own, signed=False)[0] == 401
    assert ask(port, "GET", "/signin", own, signed=False)[0] == 200


def test_first_start_prints_a_one_time_link_that_signs_the_administrator_in(
    tmp_path: Path,
) -> None:
    """The README's path: `pursuit serve`, open the printed link, and you are in."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PURSUIT_")}
    clean.update(PURSUIT_HOME=str(tmp_path / "fresh"), PURSUIT_ACTOR="owner")
    subprocess.run([PURSUIT, "init"], env=clean, check=True, capture_output=True, timeout=120)
    number = free_port()
    server = subprocess.Popen(
        [PURSUIT, "serve", "--port", str(number)], env=clean, stderr=subprocess.PIPE, text=True
    )
    try:
        assert server.stderr is not None
        line = ""
        while "/signin/link/" not in line:
            line = server.stderr.readline()
            assert line, "serve printed no sign-in link"
        link = line[line.index("http://") :].strip()
        wait_for(number, server)
        path = link.split(str(number), 1)[1]
        own = {"Host": f"127.0.0.1:{number}"}
        conn = http.client.HTTPConnection("127.0.0.1", number, timeout=30)
        conn.request("GET", path, headers=own)
        answer = conn.getresponse()
        answer.read()
        cookie = answer.getheader("set-cookie", "")
        assert answer.status == 303 and "HttpOnly" in cookie and "pursuit_session=" in cookie
        session = cookie.split(";", 1)[0]
        conn.request("GET", "/", headers={**own, "Cookie": session})
        home_page = conn.getresponse()
        assert home_page.status == 200 and "admin" in home_page.read().decode()
        conn.request("GET", path, headers=own)  # the link works once only
        again = conn.getresponse()
        again.read()
        assert again.status in (401, 303) and "pursuit_session=" not in (
            again.getheader("set-cookie") or ""
        )
        conn.close()
    finally:
        server.terminate()
        server.communicate(timeout=30)
