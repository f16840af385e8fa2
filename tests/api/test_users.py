"""People, roles and the audit trail: personal keys from ``revkg users``, each write route's role,
who comes from the key, one audit entry per write, revoked and rotated keys refused, and reading
behind a key (and the console's sign-in page) when the API listens beyond loopback."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from openpyxl import load_workbook
from typer.testing import CliRunner

from api.cli import app as cli
from graph import audit, users
from graph.settings import Settings, get_settings
from tests.api.conftest import KeyMaker
from tests.conftest import REPO
from tests.factories import AS_OF, Chongming

pytestmark = pytest.mark.neo4j

K = Chongming()
DAY = AS_OF.isoformat()
runner = CliRunner()
KEY_RE = re.compile(r"rk_[0-9a-f]{12}_[A-Za-z0-9_-]{40,}")


def graph_size(driver: Driver) -> tuple[int, int]:
    """Nodes and relationships other than the audit trail's (so a refused write can be seen to change nothing)."""
    record = driver.execute_query(
        "CALL () { MATCH (n) WHERE NOT n:AuditEntry RETURN count(n) AS nodes } "
        "CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } "
        "RETURN nodes, relationships"
    ).records[0]
    return record["nodes"], record["relationships"]


def pairing(village: str = K.xinjian_xinhe, since: str = DAY) -> dict[str, str]:
    return {"helper_uid": K.bank, "village": village, "since": since, "note": "会议决定"}


def test_users_add_prints_a_key_once_and_stores_only_its_salted_hash(client: TestClient, graph: Driver) -> None:
    added = runner.invoke(cli, ["users", "add", "王规划", "--role", "planner"])
    assert added.exit_code == 0, added.output
    key = KEY_RE.search(added.output)
    assert key is not None
    stored = graph.execute_query("MATCH (u:ApiUser {name: '王规划'}) RETURN properties(u) AS p").records[0]["p"]
    assert stored["role"] == "planner" and stored["key_hash"].startswith("scrypt$")
    assert key.group(0) not in json.dumps(stored, ensure_ascii=False)  # the key itself is stored nowhere
    me = client.get("/users/me", headers={"X-API-Key": key.group(0)}).json()
    assert (me["name"], me["role"], me["role_words"]) == ("王规划", "planner", "规划")
    assert "结对" in me["may"]  # the role's rights in the planner's language
    me_en = client.get("/users/me", headers={"X-API-Key": key.group(0), "Accept-Language": "en"}).json()
    assert me_en["role_words"] == "planner" and "pairing decisions" in me_en["may"]

    listed = runner.invoke(cli, ["users", "list"])
    assert listed.exit_code == 0 and "王规划" in listed.output and "规划" in listed.output
    assert "有效" in listed.output and "active" not in listed.output
    assert KEY_RE.search(listed.output) is None

    taken = runner.invoke(cli, ["users", "add", "王规划", "--role", "viewer"])
    assert taken.exit_code == 1 and "已存在" in taken.output
    assert runner.invoke(cli, ["users", "add", "赵", "--role", "boss"]).exit_code == 1

    rotated = runner.invoke(cli, ["users", "rotate", "王规划"])
    new_key = KEY_RE.search(rotated.output)
    assert rotated.exit_code == 0 and new_key is not None and new_key.group(0) != key.group(0)
    assert client.get("/users/me", headers={"X-API-Key": key.group(0)}).status_code == 401
    assert client.get("/users/me", headers={"X-API-Key": new_key.group(0)}).status_code == 200

    revoked = runner.invoke(cli, ["users", "revoke", "王规划"])
    assert revoked.exit_code == 0
    assert client.get("/users/me", headers={"X-API-Key": new_key.group(0)}).status_code == 401
    assert "已吊销" in runner.invoke(cli, ["users", "list"]).output
    actions = [e["action"] for e in audit.entries(graph)]
    assert actions == ["users_revoke", "users_rotate", "users_add"]  # newest first; the refused add left none


def test_each_role_may_do_what_it_is_for_and_nothing_else(client: TestClient, graph: Driver, key_for: KeyMaker) -> None:
    from tests.factories import review_mention

    review_mention(graph)
    viewer, planner = key_for("看", "viewer"), key_for("规", "planner")
    reviewer, admin = key_for("审", "reviewer"), key_for("管", "admin")
    review = {"key": "红星村@310151", "code": "310151109203", "note": ""}
    upload = {"files": ("x.csv", b"a,b\n1,2\n", "text/csv")}
    for key in (viewer, reviewer):
        response = client.post("/decisions/pairings", json=pairing(), headers=key)
        assert response.status_code == 403 and response.json()["code"] == "auth.role_needed.planner"
    for key in (viewer, planner):
        assert client.post("/review/decisions", json=review, headers=key).status_code == 403
    for key in (viewer, planner, reviewer):
        assert client.post("/uploads/registers", files=upload, headers=key).status_code == 403
        assert client.get("/audit", headers=key).status_code == 403
        assert client.post("/users", json={"name": "新人", "role": "viewer"}, headers=key).status_code == 403
    assert client.post("/decisions/pairings", json=pairing(), headers=planner).status_code == 201
    assert client.post("/review/decisions", json=review, headers=reviewer).status_code == 200
    assert client.post("/decisions/pairings", json=pairing(K.sixiao), headers=admin).status_code == 201
    english = client.post("/decisions/pairings", json=pairing(), headers={**viewer, "Accept-Language": "en"})
    assert english.json()["detail"] == "看 may not do this: it needs the planner role (or admin)"
    assert "规划" in client.post("/decisions/pairings", json=pairing(), headers=viewer).json()["detail"]


def test_each_write_leaves_exactly_one_audit_entry_and_a_revoked_key_writes_nothing(
    client: TestClient, graph: Driver, key_for: KeyMaker, settings: Settings
) -> None:
    planner, admin = key_for("张规划", "planner"), key_for("管理员甲", "admin")
    before = audit.count(graph)

    recorded = client.post("/decisions/pairings", json=pairing(), headers=planner)
    assert recorded.status_code == 201 and recorded.json()["decided_by"] == "张规划"
    assert audit.count(graph) == before + 1
    conflict = client.post("/decisions/pairings", json=pairing(), headers=planner)
    assert conflict.status_code == 409 and audit.count(graph) == before + 1  # refused: no entry
    assert client.delete(f"/decisions/{recorded.json()['uid']}", headers=planner).status_code == 200
    assert audit.count(graph) == before + 2
    example = (REPO / "data" / "examples" / "pairings.csv").read_bytes()
    uploaded = client.post("/uploads/registers", files={"files": ("pairings.csv", example, "text/csv")}, headers=admin)
    assert uploaded.status_code == 200, uploaded.text
    assert audit.count(graph) == before + 3

    entries = audit.entries(graph)
    upload_entry, undo_entry, record_entry = entries[0], entries[1], entries[2]
    unnamed = [e["action"] for e in entries if audit.in_words(e)["action_words"] == e["action"]]
    assert unnamed == []  # every kind of write has its words for the console's audit page
    assert (record_entry["who"], record_entry["role"], record_entry["route"]) == (
        "张规划",
        "planner",
        "POST /decisions/pairings",
    )
    assert record_entry["target"] == recorded.json()["uid"] and undo_entry["action"] == "undo_decision"
    details = json.loads(upload_entry["details"])
    upload_id = uploaded.json()["upload_id"]
    assert upload_entry["who"] == "管理员甲" and details["upload_id"] == upload_id
    assert details["files"] == ["pairings.csv"] and details["writes"]["relationships_created"] > 0
    # The graph records the upload by its id and the file's name, not the temporary folder it was read from.
    paths = graph.execute_query("MATCH (d:Document {uid: 'register:pairings.csv'}) RETURN d.path AS path").records
    assert [r["path"] for r in paths] == [f"{upload_id}/pairings.csv"]

    revoked = runner.invoke(cli, ["users", "revoke", "张规划"])
    assert revoked.exit_code == 0
    size, entries_before = graph_size(graph), audit.count(graph)
    refused = [
        client.post("/decisions/pairings", json=pairing(K.sixiao), headers=planner),
        client.post("/decisions/pairings/end", json={**pairing(), "source_id": "x", "source_loc": "y", "until": DAY}, headers=planner),
        client.delete(f"/decisions/{recorded.json()['uid']}", headers=planner),
    ]  # fmt: skip
    assert [r.status_code for r in refused] == [401, 401, 401]
    assert graph_size(graph) == size and audit.count(graph) == entries_before


def test_admins_read_and_download_the_audit_trail_with_chinese_headers(client: TestClient, key_for: KeyMaker) -> None:
    planner, admin = key_for("张规划", "planner"), key_for("管理员甲", "admin")
    assert client.post("/decisions/pairings", json=pairing(), headers=planner).status_code == 201
    rows = client.get("/audit", headers=admin).json()
    assert rows[0]["who"] == "张规划" and rows[0]["action"] == "record_pairing"
    assert (rows[0]["role_words"], rows[0]["action_words"]) == ("规划", "记录结对")  # the console shows these
    workbook = client.get("/audit", params={"format": "xlsx"}, headers=admin)
    assert workbook.status_code == 200
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert header == ["时间（北京时间）", "操作人", "角色", "接口", "操作", "对象", "变更内容"]
    first = [c.value for c in list(sheet.iter_rows(min_row=2, max_row=2))[0]]
    assert first[1:5] == ["张规划", "规划", "POST /decisions/pairings", "记录结对"]  # the route stays as an address
    assert "结对，自" in first[6] and "{" not in first[6]  # what changed, in a sentence, not the stored JSON
    # The trail keeps UTC (the JSON gives it as stored); the download shows the same moment in Beijing time.
    stored = datetime.fromisoformat(rows[0]["at"])
    assert stored.utcoffset() == timedelta(0)
    assert str(first[0]) == (stored + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S")
    csv = client.get("/audit", params={"format": "csv"}, headers=admin)
    assert "操作人" in csv.content.decode("utf-8-sig").splitlines()[0]
    page = client.get("/audit-trail")
    assert page.status_code == 200 and "审计记录" in page.text


def test_a_verified_key_is_remembered_but_its_user_is_read_each_time(graph: Driver, key_for: KeyMaker) -> None:
    """The scrypt check runs once per key and process; revoking still takes effect on the next request."""
    key = key_for("缓存者", "planner")["X-API-Key"]
    user = users.user_for_key(graph, key, "bootstrap")
    assert user == users.User("缓存者", "planner") and users.key_id_of(key) in users._VERIFIED
    users.revoke_user(graph, "缓存者")
    assert users.user_for_key(graph, key, "bootstrap") is None
    assert users.user_for_key(graph, key[:-1] + ("A" if key[-1] != "A" else "B"), "bootstrap") is None


@pytest.fixture
def remote_client(graph: Driver, client: TestClient, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """The API as ``revkg serve --host 0.0.0.0`` runs it: listening beyond loopback."""
    from neomodel import db as neomodel_db

    from api.main import app

    monkeypatch.setenv("REVKG_API_HOST", "0.0.0.0")
    get_settings.cache_clear()
    try:
        with TestClient(app, follow_redirects=False) as remote:
            yield remote
    finally:
        monkeypatch.delenv("REVKG_API_HOST")
        get_settings.cache_clear()
        neomodel_db.set_connection(driver=graph)


def test_beyond_loopback_reading_needs_a_key_and_the_console_asks_for_it(
    remote_client: TestClient, key_for: KeyMaker
) -> None:
    viewer = key_for("看", "viewer")
    assert remote_client.get("/health").status_code == 200  # monitoring stays open
    assert remote_client.get("/villages/" + K.sixiao).status_code == 401
    assert (
        remote_client.get("/villages/" + K.sixiao, headers={"X-API-Key": "rk_0123456789ab_" + "x" * 43}).status_code
        == 401
    )
    assert remote_client.get("/villages/" + K.sixiao, headers=viewer).status_code == 200
    # A browser is sent to the sign-in page, in Chinese, and comes back once signed in.
    page = remote_client.get("/district/310151", headers={"Accept": "text/html"})
    assert page.status_code == 303 and page.headers["location"] == "/signin?next=/district/310151"
    signin = remote_client.get(page.headers["location"])
    assert signin.status_code == 200 and "查看数据也需要个人密钥" in signin.text
    wrong = remote_client.post("/signin", data={"key": "nope", "next": "/district/310151"})
    assert wrong.status_code == 401 and "密钥无效" in wrong.text
    signed = remote_client.post("/signin", data={"key": viewer["X-API-Key"], "next": "/district/310151"})
    assert signed.status_code == 303 and signed.headers["location"] == "/district/310151"
    assert (
        "httponly" in signed.headers["set-cookie"].lower() and "samesite=strict" in signed.headers["set-cookie"].lower()
    )
    assert remote_client.get("/district/310151").status_code == 200  # the cookie reads ...
    written = remote_client.post("/decisions/pairings", json=pairing())
    assert written.status_code == 401  # ... but never writes: a write takes the key from its header only
