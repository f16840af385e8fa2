"""The review queue over a report the loader read: one item per mention, candidates named, decisions
that take effect in the same request (the report is read again from the text the graph keeps)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from graph.settings import Settings
from tests.factories import ambiguous_report

pytestmark = pytest.mark.neo4j


@pytest.fixture
def key(settings: Settings) -> dict[str, str]:
    return {"X-API-Key": settings.api_key.get_secret_value()}


LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def test_queue_lists_each_mention_once_with_candidates_named_by_town_and_district(
    client: TestClient, graph: Driver, gazetteer_dir: Path, tmp_path: Path
) -> None:
    ambiguous_report(graph, tmp_path, gazetteer_dir)
    items = client.get("/review/items").json()
    keys = [i["key"] for i in items]
    assert len(keys) == len(set(keys)) and all(keys)  # each mention once, and every item can be decided
    [item] = [i for i in items if i["surface"] == "红星村"]
    assert item["occurrences"] == 3 and item["status"] == "ambiguous"
    assert {(c["code"], c["town"], c["district"]) for c in item["candidates"]} == {
        ("310151109203", "中兴镇", "崇明区"),
        ("310151116216", "长兴镇", "崇明区"),
    }
    for text in (item["status_text"], item["method_text"], *(c["text"] for c in item["candidates"])):
        assert not LATIN_WORD.search(text), text
    page = client.get("/queue").text
    assert "中兴镇" in page and "长兴镇" in page and "无提及键" not in page
    # the source is the report's title (its first line), not the file it was loaded from
    assert "报告 上海市崇明区乡村振兴工作简报" in page and "报告 简报_红星村" not in page


def test_a_decision_writes_the_reports_facts_at_once_and_says_what_changed(
    client: TestClient, graph: Driver, gazetteer_dir: Path, tmp_path: Path, key: dict[str, str]
) -> None:
    ambiguous_report(graph, tmp_path, gazetteer_dir)
    before = client.get("/review/items").json()
    [item] = [i for i in before if i["surface"] == "红星村"]
    response = client.post("/review/decisions", json={"key": item["key"], "code": "310151109203"}, headers=key)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["documents"] == ["report:简报_红星村"] and not answer["not_applied"]
    assert "崇明区农业农村委" in answer["message"] and "中兴镇" in answer["message"]
    [effect] = answer["effects"]
    assert effect["node"] == "310151109203" and effect["helpers"] == ["崇明区农业农村委"]
    assert effect["leaders"] == ["张伟 第一书记"] and len(effect["projects"]) == 1
    # the graph holds the facts now, without a reload: the village page shows its helper
    helpers = client.get("/villages/310151109203").json()["helpers"]
    assert [h["name"] for h in helpers] == ["崇明区农业农村委"]
    village_page = client.get("/village/310151109203").text
    assert "报告 上海市崇明区乡村振兴工作简报" in village_page and "报告 简报_红星村" not in village_page
    assert (
        graph.execute_query(
            "MATCH (v:Village) WHERE v.uid STARTS WITH 'village:310151:红星村' RETURN count(v) AS n"
        ).records[0]["n"]
        == 0
    )  # the unresolved stand-in went with the old facts
    after = client.get("/review/items").json()
    assert len(after) == len(before) - 1 and item["key"] not in [i["key"] for i in after]
    english = client.post(
        "/review/decisions",
        json={"key": item["key"], "code": "310151109203"},
        headers={**key, "Accept-Language": "en"},
    ).json()
    assert english["message"].startswith("1 report(s) read again")
