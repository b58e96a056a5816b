"""A real Chromium driving the served app: home, search, an item, an entity and its dossier.

The app runs under uvicorn in a background thread on a free loopback port, over a workspace built
by real intake. Debian's Chromium is used as installed (nothing is downloaded); without it these
tests fail under CI=true and are skipped elsewhere.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from pursuit.app import create_app
from pursuit.cases.package import verify_package
from pursuit.security.roles import Role
from pursuit.security.users import add_user
from pursuit.store.workspace import create_workspace

from .conftest import Corpus, build_corpus

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI expects Chromium at {CHROMIUM} for the browser tests")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


PASSWORD = "a long passphrase for the browser"


@pytest.fixture
def served(sqlite_settings, tmp_path: Path) -> Iterator[tuple[str, Corpus]]:
    keys = tmp_path / "keys" / "vault.key"  # outside the workspace, as in use
    ws = create_workspace(sqlite_settings.model_copy(update={"vault_key_file": keys}))
    corpus = build_corpus(ws, tmp_path / "files")
    with ws.write() as conn:
        add_user(conn, "ana", Role.ADMINISTRATOR, "test-setup", password=PASSWORD)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(ws), log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        threading.Event().wait(0.02)
    try:
        yield f"http://127.0.0.1:{port}", corpus
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        ws.dispose()


def sign_in(browser, base: str):  # type: ignore[no-untyped-def]
    """A new page whose user signed in through the sign-in form, as a person would."""
    page = browser.new_page()
    page.goto(base + "/")
    page.wait_for_url("**/signin**")
    page.fill("input[name=name]", "ana")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(base + "/")
    return page


def test_search_item_entity_and_dossier(browser, served) -> None:
    base, corpus = served
    page = sign_in(browser, base)
    assert page.locator("h1").inner_text() == "Workspace"
    assert "3 items in 1 case(s)" in page.locator("main").inner_text()

    page.fill("header input[name=q]", "الجزراوي")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("#result-count").inner_text().startswith("3 result(s)")
    assert page.locator("#results mark").first.inner_text() == "الجزراوي"
    assert "transliteration" in page.locator("#expansions").inner_text()

    page.click("#results a >> text=شهادة.txt")
    arabic = page.locator("#item-text p").first
    assert "أَبُو حَفْصٍ" in arabic.inner_text()
    assert arabic.evaluate("el => getComputedStyle(el).direction") == "rtl"
    history = page.locator("#custody").inner_text()
    assert "acquired" in history and "ingested" in history and "viewed" in history

    page.goto(f"{base}/entities?type=person")
    page.click(f"a[href='/entities/{corpus.person_id}']")
    assert page.locator("h1").inner_text() == "Abu Hafs al-Jazrawi"
    page.click("text=Open the dossier")
    assert page.locator("h1").inner_text() == "Dossier: Abu Hafs al-Jazrawi"
    assert corpus.ids["statement-en.txt"] in page.locator("main").inner_text()
    page.close()


def test_verify_button(browser, served) -> None:
    base, _corpus = served
    page = sign_in(browser, base)
    page.goto(base + "/verify")
    page.click("#run-verify")
    assert "all sound" in page.locator("#verify-result").inner_text()
    page.goto(base + "/")
    assert "no problems" in page.locator("#last-verification").inner_text()
    page.close()


def test_signing_out_ends_the_session(browser, served) -> None:
    base, _corpus = served
    page = sign_in(browser, base)
    assert "ana" in page.locator("header").inner_text()
    page.click("header button >> text=Sign out")
    page.wait_for_url("**/signin")
    page.goto(base + "/items")
    assert "/signin" in page.url
    page.close()


def test_the_dossier_page_downloads_a_court_package_that_checks_out(
    browser, served, tmp_path: Path
) -> None:
    base, corpus = served
    page = sign_in(browser, base)
    page.goto(f"{base}/entities/{corpus.person_id}/dossier")
    with page.expect_download() as waiting:
        page.click("#package-form button[type=submit]")
    saved = tmp_path / "package.zip"
    waiting.value.save_as(saved)
    checked = verify_package(saved)
    assert checked.ok, checked.problems
    assert checked.files >= 5 and checked.events >= 3
    page.close()
