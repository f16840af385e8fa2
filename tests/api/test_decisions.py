"""Planners' decisions through the JSON API: record a pairing, end one, undo, and refuse without a
planner's key. Who decided is the key's user, whatever name the request types."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from tests.api.conftest import KeyMaker
from tests.factories import AS_OF, SOURCE_REGISTER, Chongming

pytestmark = pytest.mark.neo4j

K = Chongming()
DAY = AS_OF.isoformat()


@pytest.fixture
def key(key_for: KeyMaker) -> dict[str, str]:
    return key_for("张规划", "planner")


def uncovered_codes(client: TestClient) -> list[str]:
    body = client.get("/analyses/uncovered-weak-villages", params={"district": "310151", "as_of": DAY}).json()
    return [v["code"] for v in body["items"]]


def pairing_facts(client: TestClient, village: str) -> list[dict]:
    body = client.get(f"/villages/{village}", params={"as_of": DAY}).json()
    return [f for f in body["evidence"] if f["relationship"] == "PAIRED_WITH"]


def record(client: TestClient, key: dict[str, str], **overrides: str) -> dict:
    body = {
        "helper_uid": K.bank,
        "village": K.xinjian_xinhe,
        "since": "2024-06-01",
        "note": "区委组织部会议决定",
        "decided_by": "冒名者",  # ignored: who decided comes from the key
        **overrides,
    }
    response = client.post("/decisions/pairings", json=body, headers=key)
    assert response.status_code == 201, response.text
    return response.json()


def test_a_recorded_pairing_takes_the_village_off_the_uncovered_list_with_planner_provenance(
    client: TestClient,
    key: dict[str, str],
) -> None:
    assert K.xinjian_xinhe in uncovered_codes(client)
    decision = record(client, key)
    assert (
        decision["action"] == "pair"
        and decision["decided_by"] == "张规划"
        and decision["helper"] == "上海农商银行崇明支行"
    )
    assert K.xinjian_xinhe not in uncovered_codes(client)
    village = client.get(f"/villages/{K.xinjian_xinhe}", params={"as_of": DAY}).json()
    assert [(h["name"], h["source_id"], h["since"]) for h in village["helpers"]] == [
        ("上海农商银行崇明支行", "planner", "2024-06-01")
    ]
    fact = pairing_facts(client, K.xinjian_xinhe)[0]
    assert (fact["method"], fact["source_loc"], fact["evidence"]) == ("planner", decision["uid"], "区委组织部会议决定")
    listed = client.get("/decisions", params={"village": K.xinjian_xinhe}).json()
    assert [d["uid"] for d in listed] == [decision["uid"]]


def test_a_pairing_from_a_later_date_leaves_the_village_uncovered_on_an_earlier_day(
    client: TestClient,
    key: dict[str, str],
) -> None:
    record(client, key, since="2024-09-01")
    assert K.xinjian_xinhe in uncovered_codes(client)


def test_undoing_a_recorded_pairing_puts_the_village_back_and_keeps_the_record(
    client: TestClient,
    key: dict[str, str],
    key_for: KeyMaker,
) -> None:
    decision = record(client, key)
    other_planner = key_for("李规划", "planner")
    response = client.delete(f"/decisions/{decision['uid']}", params={"by": "冒名者"}, headers=other_planner)
    assert response.status_code == 200 and response.json()["undone_by"] == "李规划"
    assert K.xinjian_xinhe in uncovered_codes(client)
    assert pairing_facts(client, K.xinjian_xinhe) == []
    assert client.get("/decisions", params={"village": K.xinjian_xinhe}).json()[0]["undone_at"]
    again = client.delete(f"/decisions/{decision['uid']}", params={"by": "李复核"}, headers=key)
    assert again.status_code == 404


def test_ending_a_register_pairing_sets_until_and_undo_restores_it(client: TestClient, key: dict[str, str]) -> None:
    assert K.sixiao not in uncovered_codes(client)
    body = {
        "village": K.sixiao,
        "source_id": SOURCE_REGISTER,
        "source_loc": "sheet 结对!row 2",
        "until": "2024-03-31",
        "note": "期满",
        "decided_by": "张规划",
    }
    response = client.post("/decisions/pairings/end", json=body, headers=key)
    assert response.status_code == 201, response.text
    ended = response.json()
    assert ended["action"] == "end" and ended["previous_until"] is None
    assert K.sixiao in uncovered_codes(client)
    fact = next(f for f in pairing_facts(client, K.sixiao) if f["source_loc"] == "sheet 结对!row 2")
    assert fact["until"] == "2024-03-31" and fact["source_id"] == SOURCE_REGISTER  # the source stays the register's
    assert client.delete(f"/decisions/{ended['uid']}", params={"by": "张规划"}, headers=key).status_code == 200
    fact = next(f for f in pairing_facts(client, K.sixiao) if f["source_loc"] == "sheet 结对!row 2")
    assert fact["until"] is None
    assert K.sixiao not in uncovered_codes(client)


def test_ending_before_the_pairing_began_is_refused(client: TestClient, key: dict[str, str]) -> None:
    body = {
        "village": K.sixiao,
        "source_id": SOURCE_REGISTER,
        "source_loc": "sheet 结对!row 2",
        "until": "2020-01-01",
        "decided_by": "张规划",
    }
    response = client.post("/decisions/pairings/end", json=body, headers=key)
    assert response.status_code == 422 and "始于 2021-01-01" in response.json()["detail"]
    assert response.json()["code"] == "decision.ends_before_start"
    assert client.get("/decisions").json() == []


def test_recording_a_pairing_already_in_force_is_a_conflict(client: TestClient, key: dict[str, str]) -> None:
    # the bank pairs with 五滧 through its party committee: the unit itself is the same helper
    response = client.post(
        "/decisions/pairings",
        headers=key,
        json={"helper_uid": K.bank, "village": K.wuxiao, "since": DAY, "decided_by": "张规划"},
    )
    assert response.status_code == 409


def test_unknown_helper_or_village_answers_404_and_writes_nothing(client: TestClient, key: dict[str, str]) -> None:
    for helper, village in (("org:nobody", K.xinjian_xinhe), (K.bank, "310151999999")):
        response = client.post(
            "/decisions/pairings",
            headers=key,
            json={"helper_uid": helper, "village": village, "since": DAY, "decided_by": "张规划"},
        )
        assert response.status_code == 404, response.text
    assert client.get("/decisions").json() == []


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": ""}, {"X-API-Key": "wrong"}])
def test_decisions_without_the_key_are_refused_and_change_nothing(
    client: TestClient,
    graph: Driver,
    key: dict[str, str],
    headers: dict[str, str],
) -> None:
    before = graph.execute_query("MATCH ()-[r:PAIRED_WITH]->() RETURN count(r) AS n").records[0]["n"]
    refused = client.post(
        "/decisions/pairings",
        headers=headers,
        json={"helper_uid": K.bank, "village": K.xinjian_xinhe, "since": DAY, "decided_by": "张规划"},
    )
    assert refused.status_code == 401
    ended = client.post(
        "/decisions/pairings/end",
        headers=headers,
        json={
            "village": K.sixiao,
            "source_id": SOURCE_REGISTER,
            "source_loc": "sheet 结对!row 2",
            "until": DAY,
            "decided_by": "张规划",
        },
    )
    assert ended.status_code == 401
    decision = record(client, key)
    assert client.delete(f"/decisions/{decision['uid']}", params={"by": "x"}, headers=headers).status_code == 401
    after = graph.execute_query("MATCH ()-[r:PAIRED_WITH]->() RETURN count(r) AS n").records[0]["n"]
    assert after == before + 1  # only the keyed decision
    assert K.xinjian_xinhe not in uncovered_codes(client) and K.sixiao not in uncovered_codes(client)


def test_review_decisions_are_listed_with_the_queue_and_need_the_key(
    client: TestClient,
    graph: Driver,
    key: dict[str, str],
    key_for: KeyMaker,
) -> None:
    from tests.factories import review_mention

    review_mention(graph)
    items = client.get("/review/items").json()
    assert [(i["key"], i["decided_code"]) for i in items] == [("红星村@310151", None)]
    body = {"key": "红星村@310151", "code": "310151109203", "note": "中兴镇的红星村"}
    assert client.post("/review/decisions", json=body).status_code == 401
    assert client.post("/review/decisions", json=body, headers=key).status_code == 403  # a planner, not a reviewer
    reviewer = key_for("李复核", "reviewer")
    response = client.post("/review/decisions", json=body, headers=reviewer)
    assert response.status_code == 200 and response.json()["decided_code"] == "310151109203"
    assert response.json()["decided_by"] == "李复核"
    assert client.get("/review/items").json()[0]["decided_code"] == "310151109203"
    bad = client.post("/review/decisions", json={**body, "code": "12345"}, headers=reviewer)
    assert bad.status_code == 422
