"""The managed Neo4j server: start, status, idempotent start, stop, and its configuration."""

from __future__ import annotations

import os
import re

import pytest

from graph.server import LocalNeo4j, find_java
from graph.settings import Settings

pytestmark = pytest.mark.neo4j


def test_started_server_answers_queries_and_reports_running(neo4j_server: LocalNeo4j) -> None:
    status = neo4j_server.status()
    assert status.running and status.answers_queries
    assert status.pid is not None and status.pid > 0
    assert "answers queries" in status.describe()


def test_second_start_is_a_no_op_keeping_the_same_process(neo4j_server: LocalNeo4j) -> None:
    before = neo4j_server.pid()
    neo4j_server.start()
    assert neo4j_server.pid() == before


def test_server_listens_on_loopback_only_with_usage_reporting_off(neo4j_server: LocalNeo4j) -> None:
    conf = (neo4j_server.conf_dir / "neo4j.conf").read_text(encoding="utf-8")
    listen = [line for line in conf.splitlines() if "listen_address" in line]
    assert listen and all("=127.0.0.1" in line for line in listen)
    assert "dbms.usage_report.enabled=false" in conf


def test_default_password_neo4j_is_refused_by_settings() -> None:
    with pytest.raises(ValueError, match="default password"):
        Settings(neo4j_password="neo4j")


def test_production_refuses_the_development_password() -> None:
    with pytest.raises(ValueError, match="non-default"):
        Settings(environment="production")


def test_server_rejects_the_neo4j_default_credentials(neo4j_server: LocalNeo4j, settings: Settings) -> None:
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError

    with GraphDatabase.driver(settings.bolt_uri, auth=("neo4j", "neo4j")) as drv:
        with pytest.raises(AuthError):
            drv.verify_connectivity()


def test_browser_is_served_over_http(neo4j_server: LocalNeo4j, settings: Settings) -> None:
    import urllib.request

    with urllib.request.urlopen(settings.browser_url, timeout=10) as response:
        body = response.read().decode("utf-8", errors="replace")
    assert response.status == 200 and "Neo4j Browser" in body


def test_apoc_core_procedures_are_available(driver) -> None:
    records, _, _ = driver.execute_query("RETURN apoc.version() AS version, apoc.text.join(['a', 'b'], '-') AS joined")
    assert records[0]["version"].startswith("5.26")
    assert records[0]["joined"] == "a-b"


def test_stop_leaves_no_process_and_start_brings_it_back(tmp_path, settings: Settings) -> None:
    """A throw-away instance on its own ports, so the session's server is not disturbed."""
    bolt = settings.bolt_port + 1000
    http = settings.http_port + 1000
    own = settings.model_copy(
        update={"instance": f"{settings.instance}-lifecycle", "bolt_port": bolt, "http_port": http}
    )
    server = LocalNeo4j(own)
    try:
        server.start()
        pid = server.pid()
        assert pid is not None and server.status().answers_queries
    finally:
        server.stop()
    assert server.pid() is None
    assert not server.pid_file.exists()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert not server.status().running


def test_find_java_picks_a_jdk_neo4j_supports() -> None:
    from graph.server import _java_major

    assert _java_major(find_java()) in {17, 21}


def test_config_is_stale_once_the_api_port_the_browser_guide_points_at_changes(tmp_path) -> None:
    settings = Settings(home=tmp_path, instance="conf-only", api_port=18123)
    server = LocalNeo4j(settings)
    assert not server.config_is_current()  # nothing written yet
    server.write_config()
    assert server.config_is_current()
    assert "play http://127.0.0.1:18123/browser-assets/guide.html" in (server.conf_dir / "neo4j.conf").read_text()
    assert not LocalNeo4j(settings.model_copy(update={"api_port": 18124})).config_is_current()


def test_post_connect_commands_apply_the_style_inline_then_open_the_guide() -> None:
    import json

    from graph.server import post_connect_commands

    style, guide = post_connect_commands(Settings(api_port=18123))
    assert guide == "play http://127.0.0.1:18123/browser-assets/guide.html"
    rules = json.loads(style.removeprefix("style "))  # Browser's :style reads JSON as it reads grass
    assert rules["node.Village"]["caption"] == "{name}" and len(rules) >= 20
    # Browser splits this setting on ';' except inside quotes: JSON has none outside its strings
    assert ";" not in re.sub(r'"[^"]*"', "", style)


def test_taken_ports_are_refused_before_anything_starts_naming_the_setting(tmp_path) -> None:
    import socket

    from graph.server import PortTaken
    from tests.conftest import free_port

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken = holder.getsockname()[1]
        # the Bolt port free, so the refusal is the HTTP port's (the session's server holds the default one)
        server = LocalNeo4j(Settings(home=tmp_path, instance="taken", http_port=taken, bolt_port=free_port()))
        with pytest.raises(PortTaken, match=f"Port {taken} .*REVKG_HTTP_PORT"):
            server.start()
    assert not (tmp_path / "instances" / "taken").exists()
