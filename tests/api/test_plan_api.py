"""The pairing plan through the JSON API and the CLI, on the Chongming fixture graph: the plan as
JSON and as a download with Chinese headers, its acceptance as decisions (key required, one
transaction), and ``revkg analyze plan`` as the README gives it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from openpyxl import load_workbook
from typer.testing import CliRunner

from api.cli import app
from graph.settings import Settings
from tests.factories import AS_OF, Chongming

pytestmark = pytest.mark.neo4j

K = Chongming()
DAY = AS_OF.isoformat()
PLAN = {"district": "崇明区", "as_of": DAY, "capacity": 3}


def test_the_plan_answers_as_json_with_the_objective_and_greedy_side_by_side(client: TestClient) -> None:
    body = client.get("/analyses/pairing-plan", params=PLAN).json()
    assert {r["village_code"]: r["helper_uid"] for r in body["rows"]} == {
        K.panghuang: K.education,
        K.xinjian_xinhe: K.education,
        K.dongxin: K.hospital,
    }
    assert body["objective"]["total_cost"] == 25.167 and body["objective"]["villages_covered"] == 3
    assert body["greedy"]["villages_covered"] == 3
    assert body["objective"]["total_cost"] <= body["greedy"]["total_cost"]
    assert body["scope"]["name"] == "崇明区"


def test_fix_skip_and_per_kind_capacity_are_query_parameters(client: TestClient) -> None:
    body = client.get(
        "/analyses/pairing-plan",
        params={**PLAN, "fix": f"{K.dongxin}:{K.bank}", "skip": K.panghuang, "kind_capacity": "government=1"},
    ).json()
    assert {r["village_code"]: r["helper_uid"] for r in body["rows"]} == {
        K.dongxin: K.bank,
        K.xinjian_xinhe: K.education,
    }
    assert [s["village_code"] for s in body["skipped"]] == [K.panghuang]


def test_the_plan_downloads_as_xlsx_with_chinese_headers_and_the_short_villages_with_their_reason(
    client: TestClient,
) -> None:
    response = client.get("/analyses/pairing-plan", params={**PLAN, "capacity": 1, "format": "xlsx"})
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    header = rows[0]
    assert header[:4] == ("区县", "街镇", "村代码", "村名") and "成本" in header and "结对后村数" in header
    by_village = {r[header.index("村代码")]: r for r in rows[1:]}
    assert set(by_village) == {K.panghuang, K.xinjian_xinhe, K.dongxin}
    short = by_village[K.xinjian_xinhe]
    assert short[header.index("帮扶单位")] is None
    assert "余量已全部分给其他村" in short[header.index("理由（未能安排的原因）")]


def test_a_plan_without_an_area_or_with_an_unknown_one_is_refused_in_chinese(client: TestClient) -> None:
    missing = client.get("/analyses/pairing-plan")
    assert missing.status_code == 422 and missing.json()["code"] == "plan.scope_missing"
    unknown = client.get("/analyses/pairing-plan", params={"district": "不存在区"})
    assert unknown.status_code == 404 and "不存在区" in unknown.json()["detail"]


def test_accepting_needs_the_key_records_every_row_and_refuses_all_on_a_conflict(
    client: TestClient, settings: Settings
) -> None:
    key = {"X-API-Key": settings.api_key.get_secret_value()}
    rows = [{"helper_uid": K.education, "village": K.panghuang}, {"helper_uid": K.hospital, "village": K.dongxin}]
    body = {"rows": rows, "since": DAY, "decided_by": "张规划", "plan": {"scope": "崇明区", "capacity": 3}}
    assert client.post("/decisions/plan", json=body).status_code == 401
    clash = {**body, "rows": [*rows, {"helper_uid": K.civil_affairs, "village": K.sixiao}]}
    refused = client.post("/decisions/plan", json=clash, headers=key)
    assert refused.status_code == 409 and refused.json()["code"] == "plan.accept_conflict"
    assert client.get("/decisions", params={"village": K.panghuang}).json() == []
    accepted = client.post("/decisions/plan", json=body, headers=key)
    assert accepted.status_code == 201, accepted.text
    assert {d["village_code"] for d in accepted.json()} == {K.panghuang, K.dongxin}
    assert "结对方案（崇明区" in accepted.json()[0]["note"]
    left = client.get("/analyses/uncovered-weak-villages", params={"district": "310151", "as_of": DAY}).json()
    assert [v["code"] for v in left["items"]] == [K.xinjian_xinhe]


def test_revkg_analyze_plan_writes_the_plan_as_the_readme_shows(
    client: TestClient, graph: Driver, tmp_path: Path
) -> None:
    from neomodel import db as neomodel_db

    out = tmp_path / "plan.xlsx"
    try:
        result = CliRunner().invoke(
            app, ["analyze", "plan", "崇明区", "--capacity", "3", "--as-of", DAY, "--out", str(out)]
        )
    finally:
        neomodel_db.set_connection(driver=graph)
    assert result.exit_code == 0, result.output
    assert "3 / 3" in result.output and "25.167" in result.output
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[1]][:4] == ["区县", "街镇", "村代码", "村名"]
    assert sheet.max_row == 4


def test_the_console_reaches_the_plan_from_the_district_and_the_city_page(client: TestClient) -> None:
    district = client.get("/district/310151", params={"as_of": DAY}).text
    assert f'href="/plan/310151?as_of={DAY}"' in district
    city = client.get("/area/3101", params={"as_of": DAY}).text
    assert f'href="/plan/3101?as_of={DAY}"' in city
    page = client.get("/plan/3101", params={"as_of": DAY, "capacity": 3})
    assert page.status_code == 200 and "结对方案 · 市辖区" in page.text and "东新村" in page.text
    unknown = client.get("/plan/999999")
    assert unknown.status_code == 404 and "没有代码或名称为" in unknown.text
