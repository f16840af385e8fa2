"""The API against the real test server: routes, errors, downloads, read-only Cypher, uploads."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from graph.settings import Settings
from tests.factories import AS_OF, Chongming

pytestmark = pytest.mark.neo4j

K = Chongming()
DAY = AS_OF.isoformat()


def node_count(driver: Driver) -> int:
    return driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]


def test_uncovered_weak_villages_answers_the_planners_question_for_chongming(client: TestClient) -> None:
    body = client.get("/analyses/uncovered-weak-villages", params={"district": "崇明区", "as_of": DAY}).json()
    assert body["total"] == 3
    assert [v["village"] for v in body["items"]] == ["彷徨村", "新建村", "东新村"]
    assert body["items"][0]["nearest_helpers"][0]["name"] == "崇明区民政局"


def test_pagination_slices_and_reports_the_total(client: TestClient) -> None:
    body = client.get(
        "/analyses/uncovered-weak-villages", params={"district": "310151", "as_of": DAY, "limit": 1, "offset": 1}
    ).json()
    assert (body["total"], body["limit"], body["offset"]) == (3, 1, 1)
    assert [v["code"] for v in body["items"]] == [K.xinjian_xinhe]


def test_coverage_downloads_as_csv_with_chinese_headers_and_intact_text(client: TestClient) -> None:
    response = client.get("/analyses/coverage", params={"parent": "31", "as_of": DAY, "format": "csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("区县代码,区县,村数,薄弱村数,已结对薄弱村数,覆盖率")
    assert "310151,崇明区,268,7,4,0.571,8,7,3" in text


def test_downloads_keep_the_english_keys_with_headers_en(client: TestClient) -> None:
    response = client.get("/analyses/coverage", params={"parent": "31", "as_of": DAY, "format": "csv", "headers": "en"})
    assert response.content.decode("utf-8-sig").splitlines()[0].startswith("code,name,villages,weak_villages")


def test_helper_load_downloads_as_an_excel_workbook(client: TestClient) -> None:
    from openpyxl import load_workbook

    response = client.get("/analyses/helper-load", params={"as_of": DAY, "format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("标识", "帮扶单位", "类型")
    assert rows[1][1] == "崇明区民政局" and rows[1][3] == 5


def test_uncovered_download_is_named_for_what_where_and_when_with_codes_as_text(client: TestClient) -> None:
    from urllib.parse import unquote

    from openpyxl import load_workbook

    response = client.get(
        "/analyses/uncovered-weak-villages", params={"district": "崇明区", "as_of": DAY, "format": "xlsx"}
    )
    disposition = response.headers["content-disposition"]
    assert 'filename="uncovered_weak_villages_2024-06-30.xlsx"' in disposition  # ASCII fallback
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == "未结对薄弱村_崇明区_2024-06-30.xlsx"
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    assert header == ["区县代码", "区县", "街镇代码", "街镇", "村代码", "村名", "薄弱类别", "最近的帮扶单位"]
    codes = [row[4] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in codes] == [K.panghuang, K.xinjian_xinhe, K.dongxin]
    # text cells, all twelve digits: Excel shows 310151102216, not 3.10151E+11
    assert all(c.data_type == "s" and len(c.value) == 12 for c in codes)
    assert all(row[0].data_type == "s" and row[0].value == "310151" for row in sheet.iter_rows(min_row=2))
    widths = sheet.column_dimensions
    assert widths["H"].width > widths["A"].width >= 8  # the helpers' names need more room than a district code


def test_clusters_suggestions_and_paths_answer(client: TestClient) -> None:
    clusters = client.get("/analyses/shared-resource-clusters", params={"as_of": DAY, "district": "崇明区"}).json()
    assert clusters["total"] >= 2 and all(c["size"] >= 2 for c in clusters["items"])
    suggestions = client.get("/analyses/pairing-suggestions", params={"as_of": DAY, "village": K.xinjian_xinhe}).json()
    assert suggestions["items"][0]["helper"] == "上海农商银行崇明支行" and suggestions["items"][0]["reasons"]
    connections = client.get("/analyses/paths", params={"source": K.civil_affairs, "target": K.bank}).json()
    assert connections and connections[0]["hops"] == 2


def test_uncovered_and_clusters_take_a_province(client: TestClient) -> None:
    body = client.get(
        "/analyses/uncovered-weak-villages", params={"province": "上海市", "as_of": DAY, "limit": 2}
    ).json()
    assert (body["total"], [v["code"] for v in body["items"]]) == (3, [K.panghuang, K.xinjian_xinhe])
    assert client.get("/analyses/uncovered-weak-villages", params={"province": "35", "as_of": DAY}).json()["total"] == 0
    assert client.get("/analyses/uncovered-weak-villages", params={"province": "火星"}).status_code == 404
    clusters = client.get("/analyses/shared-resource-clusters", params={"as_of": DAY, "province": "31"}).json()
    assert clusters["total"] >= 2


def test_a_question_over_the_database_memory_limit_answers_503_with_what_to_do(
    client: TestClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from neo4j.exceptions import TransientError

    from graph import analyses

    def too_big(*args: object, **kwargs: object) -> None:
        raise TransientError._hydrate_neo4j(
            code="Neo.TransientError.General.MemoryPoolOutOfMemoryError",
            message="over dbms.memory.transaction.total.max",
        )

    monkeypatch.setattr(analyses, "shared_resource_clusters", too_big)
    response = client.get("/analyses/shared-resource-clusters")
    assert response.status_code == 503 and response.json()["code"] == "database.too_big"
    assert "Retry-After" in response.headers


def test_village_and_organization_pages_carry_evidence(client: TestClient) -> None:
    village = client.get(f"/villages/{K.mihang}", params={"as_of": DAY}).json()
    assert village["name"] == "米行村" and village["town"] == "堡镇"
    assert sorted(h["name"] for h in village["helpers"]) == [
        "上海农商银行崇明支行",
        "上海农商银行崇明支行",
        "崇明区民政局",
        "崇明区民政局",
    ]
    assert any(f["evidence"] for f in village["evidence"] if f["relationship"] == "PAIRED_WITH")
    org = client.get(f"/organizations/{K.bank}", params={"as_of": DAY}).json()
    assert org["party_organizations"][0]["name"] == "上海农商银行崇明支行党委"
    assert sorted(p["key"] for p in org["pairings"]) == sorted([K.mihang, K.mihang, K.wuxiao])


def test_a_village_lookup_on_loopback_hands_no_work_to_a_thread(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hottest lookup stays on the event loop: no sync dependency or route sends it to the
    thread pool (each hop cost the worker about as much CPU as the query; bench/NOTES.md)."""
    import anyio.to_thread

    hops: list[str] = []
    run_sync = anyio.to_thread.run_sync

    async def counted(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        hops.append(getattr(func, "__name__", repr(func)))
        return await run_sync(func, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counted)
    found = client.get(f"/villages/{K.mihang}", params={"as_of": DAY})
    missing = client.get("/villages/310151999999", headers={"Accept-Language": "zh-CN"})
    assert found.status_code == 200 and found.json()["name"] == "米行村"
    assert missing.status_code == 404 and missing.json()["code"] == "village.not_found"
    assert hops == []
    # The same counter sees a sync route's hop, so an empty list means none happened.
    client.get("/health")
    assert hops


def test_search_returns_paths_that_tell_namesakes_apart(client: TestClient) -> None:
    hits = client.get("/search", params={"q": "新建村", "limit": 50}).json()
    chongming = {h["key"]: h["path"] for h in hits if h["path"][:2] == ["上海市", "崇明区"]}
    assert chongming == {
        K.xinjian_xinhe: ["上海市", "崇明区", "新河镇"],
        K.xinjian_changxing: ["上海市", "崇明区", "长兴镇"],
    }


def test_unknown_entities_answer_404_and_bad_input_422(client: TestClient) -> None:
    missing = client.get("/villages/310151999999")
    assert missing.status_code == 404 and missing.json()["code"] == "village.not_found"
    assert client.get("/organizations/org:nobody").status_code == 404
    assert client.get("/analyses/paths", params={"source": K.bank, "target": "org:nobody"}).status_code == 404
    assert client.get("/analyses/uncovered-weak-villages", params={"district": "不存在区"}).status_code == 404
    bad_level = client.get("/analyses/coverage", params={"level": "village"})
    assert bad_level.status_code == 422
    no_parent = client.get("/analyses/coverage", params={"level": "town"})
    assert no_parent.status_code == 422 and no_parent.json()["code"] == "coverage.town_needs_district"
    assert client.get("/analyses/uncovered-weak-villages", params={"as_of": "2024-13-40"}).status_code == 422


def test_database_outage_answers_503_with_retry_after(client: TestClient) -> None:
    from api.deps import get_driver
    from api.main import app
    from graph.errors import DatabaseUnavailable

    def down() -> Driver:
        raise DatabaseUnavailable("Neo4j is not reachable; retry shortly")

    app.dependency_overrides[get_driver] = down
    try:
        response = client.get("/analyses/helper-load")
    finally:
        app.dependency_overrides.clear()
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"


# --- POST /cypher ---------------------------------------------------------------------------------


def test_cypher_runs_a_read_and_caps_rows(client: TestClient, settings: Settings) -> None:
    response = client.post(
        "/cypher", json={"query": "MATCH (v:Village {weak: true}) RETURN v.name AS name ORDER BY name"}
    )
    body = response.json()
    assert response.status_code == 200 and body["columns"] == ["name"] and len(body["rows"]) == 7
    capped = client.post(
        "/cypher", json={"query": "UNWIND range(1, $n) AS i RETURN i", "params": {"n": settings.cypher_row_cap + 10}}
    ).json()
    assert capped["truncated"] and len(capped["rows"]) == settings.cypher_row_cap


@pytest.mark.parametrize(
    "statement",
    [
        "CREATE (n:Intruder {name: 'x'})",
        "MERGE (n:Intruder {name: 'x'})",
        "MATCH (v:Village {code: '310151102216'}) SET v.name = 'hacked'",
        "MATCH (v:Village {code: '310151102216'}) DETACH DELETE v",
        "CREATE INDEX intruder IF NOT EXISTS FOR (n:Intruder) ON (n.name)",
        "DROP CONSTRAINT Village_uid_unique",
        "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
        "CALL apoc.create.node(['Intruder'], {name: 'x'}) YIELD node RETURN node",
        "CALL apoc.cypher.runWrite('CREATE (:Intruder)', {}) YIELD value RETURN value",
        "CALL apoc.periodic.iterate('MATCH (v:Village) RETURN v', 'SET v.name = 1', {})",
        "MATCH (v:Village) CALL (v) { SET v.x = 1 } IN TRANSACTIONS RETURN count(*)",
        "CREATE USER intruder SET PASSWORD 'intruder-pass'",
        "match (v:Village {code: '310151102216'}) /* read? */ set v.name = 'hacked'",
    ],
)
def test_cypher_refuses_writes_schema_changes_and_load_csv_leaving_the_db_unchanged(
    client: TestClient,
    graph: Driver,
    statement: str,
) -> None:
    before = node_count(graph)
    response = client.post("/cypher", json={"query": statement})
    assert response.status_code == 422, response.text
    assert node_count(graph) == before
    name = graph.execute_query("MATCH (v:Village {code: '310151102216'}) RETURN v.name AS n").records[0]["n"]
    assert name == "四滧村"
    assert not graph.execute_query("MATCH (n:Intruder) RETURN n LIMIT 1").records


def test_cypher_allows_listed_procedures_and_refuses_others(client: TestClient) -> None:
    assert client.post("/cypher", json={"query": "CALL db.labels() YIELD label RETURN label"}).status_code == 200
    # a read-mode procedure that fetches URLs and files: refused by the allow-list, not by access mode
    refused = client.post(
        "/cypher", json={"query": "CALL apoc.load.json('http://127.0.0.1:1/x') YIELD value RETURN value"}
    )
    assert (
        refused.status_code == 422
        and "apoc.load.json" in refused.json()["detail"]
        and refused.json()["code"] == "cypher.procedure_forbidden"
    )
    assert client.post("/cypher", json={"query": "CALL dbms.listConfig()"}).status_code == 422


def test_cypher_stops_a_statement_that_runs_too_long(client: TestClient) -> None:
    from api.main import app

    app.state.settings = app.state.settings.model_copy(update={"cypher_timeout_s": 1.0})
    slow = "UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 99 RETURN count(i)"
    response = client.post("/cypher", json={"query": slow})
    assert response.status_code == 422 and response.json()["code"] == "cypher.timed_out"


# --- uploads ----------------------------------------------------------------------------------------


def test_uploads_need_the_api_key(client: TestClient) -> None:
    files = {"files": ("pairings.csv", b"a,b\n1,2\n", "text/csv")}
    assert client.post("/uploads/registers", files=files).status_code == 401
    assert client.post("/uploads/registers", files=files, headers={"X-API-Key": "wrong"}).status_code == 401
    assert client.post("/uploads/reports", files=files).status_code == 401


def test_uploads_refuse_files_of_the_wrong_kind(client: TestClient, settings: Settings) -> None:
    headers = {"X-API-Key": settings.api_key.get_secret_value()}
    response = client.post(
        "/uploads/registers", files={"files": ("notes.pdf", b"%PDF", "application/pdf")}, headers=headers
    )
    assert response.status_code == 422 and ".xlsx" in response.json()["detail"]


def test_browser_assets_are_served_to_the_browser_origin(client: TestClient, settings: Settings) -> None:
    origin = f"http://127.0.0.1:{settings.http_port}"
    style = client.get("/browser-assets/style.grass", headers={"Origin": origin})
    assert style.status_code == 200 and "node.Village" in style.text
    assert style.headers["access-control-allow-origin"] == origin
    assert client.get("/browser-assets/guide.html").status_code == 200


def test_uploading_the_example_register_runs_the_register_loader(client: TestClient, settings: Settings) -> None:
    from tests.conftest import REPO

    example = REPO / "data" / "examples" / "pairings.csv"
    response = client.post(
        "/uploads/registers",
        files={"files": ("pairings.csv", example.read_bytes(), "text/csv")},
        headers={"X-API-Key": settings.api_key.get_secret_value()},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["files"] == ["pairings.csv"] and body["summary"].startswith("1 个台账文件：加载 结对")
    assert body["report"]["sheets"][0]["loaded"] > 0 and body["report"]["sheets"][0]["kind_text"] == "结对"
    rejected = [i for i in body["report"]["issues"] if i["severity"] == "rejected"]
    assert rejected and all(i["code"].startswith("register.") and i["reason"] for i in rejected)
    english = client.post(
        "/uploads/registers",
        files={"files": ("pairings.csv", example.read_bytes(), "text/csv")},
        headers={"X-API-Key": settings.api_key.get_secret_value(), "Accept-Language": "en"},
    ).json()
    assert re.match(r"1 register file\(s\): \d+ pairings loaded, \d+ rows rejected", english["summary"])
    assert {i["code"] for i in english["report"]["issues"]} == {i["code"] for i in body["report"]["issues"]}


def test_an_upload_of_many_bad_rows_answers_with_the_first_issues_and_their_total(
    client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from loaders.register import IssueSpool
    from tests.loaders.register_files import PAIRINGS_HEADER

    monkeypatch.setattr(IssueSpool, "KEEP", 30)  # the rest of the issues go to the spool's file
    bad = ["测试单位", "", "", "崇明区", "堡镇", "四滧村", "31015110221", "2021-03-01", "", "第三轮"]  # a lost digit
    text = "\n".join(",".join(row) for row in [PAIRINGS_HEADER, *[bad] * 100]) + "\n"
    response = client.post(
        "/uploads/registers",
        files={"files": ("bad.csv", text.encode("utf-8"), "text/csv")},
        headers={"X-API-Key": settings.api_key.get_secret_value()},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["report"]["issues_total"] == 100 and [i["row"] for i in body["report"]["issues"]] == list(range(2, 32))
    assert body["summary"] == "1 个台账文件：没有加载任何行，拒绝 100 行，警告 0 条"


def test_uploads_take_every_register_file_the_cli_reads(client: TestClient, settings: Settings, tmp_path) -> None:
    from loaders.register import EXTENSIONS
    from tests.loaders.register_files import PAIRINGS_HEADER, pairing_row, write_xlsx

    book = write_xlsx(tmp_path / "结对.xlsx", {"结对": [PAIRINGS_HEADER, pairing_row()]})
    response = client.post(
        "/uploads/registers",
        files={"files": ("结对台账.xlsm", book.read_bytes(), "application/vnd.ms-excel.sheet.macroEnabled.12")},
        headers={"X-API-Key": settings.api_key.get_secret_value()},
    )
    assert response.status_code == 200, response.text
    assert response.json()["report"]["sheets"][0]["loaded"] == 1
    from api.routes.uploads import REGISTER_SUFFIXES

    assert REGISTER_SUFFIXES == set(EXTENSIONS)


def test_uploading_a_report_runs_the_report_loader(client: TestClient, settings: Settings) -> None:
    from tests.conftest import CORPUS

    report = max(CORPUS.glob("*.txt"))
    response = client.post(
        "/uploads/reports",
        files={"files": (report.name, report.read_bytes(), "text/plain")},
        headers={"X-API-Key": settings.api_key.get_secret_value()},
    )
    assert response.status_code == 200, response.text
    assert response.json()["report"]["written"] == [f"report:{report.stem}"]
