"""Neo4j Browser in headless Chromium: connect, get the style and guide, run a catalogue query.

Needs Debian's ``chromium`` and Playwright for Python (``.ci/setup-browser.sh`` installs both).
The guide is served by the API on the port the test server's ``browser.post_connect_cmd`` names
(``REVKG_API_PORT``, picked free by ``tests/conftest.py``, never a running ``make up``'s 8000), so this
test runs the API there itself; the style comes inline in the same setting. The screenshots in
``tests/artifacts/`` show what a planner sees right after connecting and after running the query.
"""

from __future__ import annotations

import re
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from graph.server import LocalNeo4j
from graph.settings import Settings
from tests.conftest import reset_to_spine
from tests.factories import build_chongming

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium_context(sync_api: Any, viewport: dict[str, int], **options: Any) -> Iterator[Any]:
    """Debian's chromium, headless, on a throwaway profile (``sync_api``: ``playwright.sync_api``); closed on leaving."""
    with sync_api.sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="revkg-chromium-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, viewport=viewport, **options
        )
        try:
            yield context
        finally:
            context.close()


def post_connect_api_port(server: LocalNeo4j) -> int:
    conf = (server.conf_dir / "neo4j.conf").read_text(encoding="utf-8")
    match = re.search(r"^browser\.post_connect_cmd=.*play http://127\.0\.0\.1:(\d+)/", conf, re.MULTILINE)
    if match is None:
        pytest.fail(
            "the test server was configured without browser.post_connect_cmd (docs/browser/guide.html missing?)"
        )
    return int(match.group(1))


@pytest.fixture
def api_for_browser(neo4j_server: LocalNeo4j, driver: Driver, settings: Settings) -> Iterator[int]:
    """The API, serving /browser-assets on the port the server's post-connect commands point at."""
    import uvicorn

    from api.main import app

    port = post_connect_api_port(neo4j_server)
    # The test server points at the test's own API port (tests/conftest.py), never a `make up`'s 8000.
    assert port == settings.api_port != 8000
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            pytest.fail(f"port {port} is taken; the post-connect commands expect the revkg API there")
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.1)
    yield port
    server.should_exit = True
    thread.join(timeout=10)
    from neomodel import db as neomodel_db

    neomodel_db.set_connection(driver=driver)  # the app's lifespan closed the driver it gave neomodel


def test_browser_connects_applies_style_and_guide_and_runs_the_uncovered_query(
    graph: Driver,
    settings: Settings,
    api_for_browser: int,
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/setup-browser.sh)")
    reset_to_spine(graph)
    build_chongming(graph)
    ARTIFACTS.mkdir(exist_ok=True)
    fetched: list[str] = []
    with sync_api.sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="revkg-chromium-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1600, "height": 1000},
        )
        try:
            page = context.new_page()
            page.on(
                "response", lambda r: fetched.append(f"{r.status} {r.url}") if "/browser-assets/" in r.url else None
            )
            page.goto(f"{settings.browser_url}?dbms=bolt://127.0.0.1:{settings.bolt_port}", wait_until="networkidle")
            page.select_option("select[data-testid='authenticationMethod']", "NATIVE")
            page.fill("input[data-testid='username']", settings.neo4j_user)
            page.fill("input[data-testid='password']", settings.neo4j_password.get_secret_value())
            page.click("button[data-testid='connect']")

            # post_connect_cmd: the guide, fetched from the API, opens as the top frame (Browser puts the
            # newest on top); the style is applied inline, so its frame sits below the guide's
            page.get_by_text("revkg 结对帮扶图谱").first.wait_for(timeout=90_000)
            assert f"200 http://127.0.0.1:{api_for_browser}/browser-assets/guide.html" in fetched
            page.wait_for_timeout(2_000)  # room for any late frame to push in above the guide
            commands = [e.inner_text().strip() for e in page.query_selector_all("[data-testid='frameCommand']")]
            assert commands[0] == f":play http://127.0.0.1:{api_for_browser}/browser-assets/guide.html", commands
            assert commands[1].startswith(':style {"node":'), commands
            top = page.query_selector_all("[data-testid='frame']")[0].bounding_box()
            assert top is not None and top["y"] < 200  # the guide is what a planner sees first
            page.screenshot(path=str(ARTIFACTS / "browser_after_connect.png"))

            # slide 3: the uncovered-weak-villages query, one click for its :param block, one for the query
            page.click("[data-testid='nextSlide']")
            page.click("[data-testid='nextSlide']")
            page.get_by_text("未结对的薄弱村").first.wait_for(timeout=10_000)
            params_block, query_block = [e for e in page.query_selector_all("pre.runnable") if e.is_visible()]
            params_block.click()
            page.click("[data-testid='editor-Run']")
            page.wait_for_timeout(2_000)  # the multi-statement frame ticks each :param off
            query_block.click()
            page.click("[data-testid='editor-Run']")
            page.get_by_text("彷徨村").first.wait_for(timeout=30_000)  # no village is named in the guide itself
            text = page.inner_text("body")
            page.screenshot(path=str(ARTIFACTS / "browser_uncovered_weak_villages.png"))
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "browser_failure.png"))
            raise
        finally:
            context.close()
    # the three weak villages of 崇明区 without a pairing in force on 2024-06-30, and none of the paired ones
    assert "彷徨村" in text and "东新村" in text and "新建村" in text
    assert "四滧村" not in text and "五滧村" not in text
