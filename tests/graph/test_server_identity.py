"""The right server: two managed instances, and one's settings pointed at the other's port.

``revkg neo4j start``, ``revkg load gazetteer`` and ``revkg serve`` must refuse in one line naming the
port and the instance, and nothing may be written into the other instance's graph.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import pytest
from neo4j import GraphDatabase

from graph.server import LocalNeo4j, WrongServer
from graph.settings import Settings
from tests.conftest import REPO, free_port

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

# Ports of the two throw-away instances: the session server's + 113 and + 123 (inside the range the
# session's ports leave to this run), never another run's.
OFFSETS = {"a": 113, "b": 123}


def instance(settings: Settings, name: str) -> Settings:
    offset = OFFSETS[name]
    return settings.model_copy(
        update={
            "instance": f"{settings.instance}-identity-{name}",
            "bolt_port": settings.bolt_port + offset,
            "http_port": settings.http_port + offset,
            "heap_size": "512m",
            "pagecache_size": "128m",
        }
    )


@pytest.fixture(scope="module")
def two_instances(settings: Settings) -> Iterator[tuple[LocalNeo4j, LocalNeo4j]]:
    a, b = LocalNeo4j(instance(settings, "a")), LocalNeo4j(instance(settings, "b"))
    try:
        a.start()
        b.start()
        yield a, b
    finally:
        a.stop()
        b.stop()


def provinces_in(server: LocalNeo4j) -> int:
    s = server.settings
    with GraphDatabase.driver(s.bolt_uri, auth=(s.neo4j_user, s.neo4j_password.get_secret_value())) as driver:
        return int(driver.execute_query("MATCH (p:Province) RETURN count(p) AS n").records[0]["n"])


def revkg(env_settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "REVKG_INSTANCE": env_settings.instance,
        "REVKG_BOLT_PORT": str(env_settings.bolt_port),
        "REVKG_HTTP_PORT": str(env_settings.http_port),
        "REVKG_HEAP_SIZE": env_settings.heap_size,
        "REVKG_PAGECACHE_SIZE": env_settings.pagecache_size,
        "COLUMNS": "400",  # one line stays one line
    }
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=300
    )


def test_each_instance_has_an_identity_in_its_home(two_instances: tuple[LocalNeo4j, LocalNeo4j]) -> None:
    a, b = two_instances
    ids = a.identity(), b.identity()
    assert ids[0]["id"] != ids[1]["id"] and ids[0]["name"].endswith("identity-a")
    assert a.identity() == ids[0]  # written once, at the first start, and kept
    a.verify_identity()
    b.verify_identity()


def test_settings_pointed_at_the_other_instances_port_are_refused_in_one_line(
    two_instances: tuple[LocalNeo4j, LocalNeo4j],
) -> None:
    a, b = two_instances
    port = a.settings.bolt_port
    wrong = b.settings.model_copy(update={"bolt_port": port})  # b's home and pid, a's port
    with pytest.raises(WrongServer) as refused:
        LocalNeo4j(wrong).start()
    assert refused.value.port == port and refused.value.instance == b.settings.instance
    assert a.settings.instance in refused.value.found
    before = provinces_in(a)
    for command in (
        ["neo4j", "start"],
        ["load", "gazetteer", "--provinces", "31"],
        ["serve", "--port", str(free_port())],
    ):
        result = revkg(wrong, *command)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert len(lines) == 1, (command, result.stderr)
        assert str(port) in lines[0] and b.settings.instance in lines[0], lines[0]
    assert provinces_in(a) == before  # nothing was loaded into the other instance's graph


def test_a_stopped_instance_whose_port_another_answers_is_refused_too(
    two_instances: tuple[LocalNeo4j, LocalNeo4j], settings: Settings
) -> None:
    a, _ = two_instances
    never_started = settings.model_copy(
        update={
            "instance": f"{settings.instance}-identity-c",
            "bolt_port": a.settings.bolt_port,
            "http_port": free_port(),
        }
    )
    server = LocalNeo4j(never_started)
    try:
        with pytest.raises(WrongServer, match=str(a.settings.bolt_port)):
            server.start()
    finally:
        shutil.rmtree(server.home, ignore_errors=True)
