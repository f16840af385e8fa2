"""The console's pages, rendered by the app against the real test server (the browser walk is in
test_console_browser.py): what each page shows, that it escapes what it shows, and its assets."""

from __future__ import annotations

import doctest
import re

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from graph.settings import Settings
from tests.factories import AS_OF, Chongming, organization

K = Chongming()
DAY = AS_OF.isoformat()


@pytest.mark.parametrize("module", ["api.console.pictures", "api.console.pages", "api.console.routes"])
def test_console_helpers_do_what_their_examples_say(module: str) -> None:
    import importlib

    failures, tried = doctest.testmod(importlib.import_module(module))
    assert tried > 0 and failures == 0


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.neo4j
def test_overview_drills_from_the_country_to_shanghais_districts(client: TestClient) -> None:
    country = client.get("/", params={"as_of": DAY})
    assert country.status_code == 200 and "text/html" in country.headers["content-type"]
    assert 'href="/area/31?as_of=2024-06-30"' in country.text and "上海市" in country.text
    shanghai = client.get("/area/31", params={"as_of": DAY}).text
    # a municipality lists its districts straight away; 崇明区: 4 of 7 weak villages paired
    assert 'href="/district/310151?as_of=2024-06-30"' in shanghai
    row = re.search(r"崇明区</a></td>(.*?)</tr>", shanghai, re.DOTALL)
    assert row and re.findall(r">(\d+|[\d.]+%)<", row.group(1))[:4] == ["268", "7", "4", "57.1%"]
    assert client.get("/area/99").status_code == 404


@pytest.mark.neo4j
def test_district_page_lists_uncovered_villages_towns_helpers_and_clusters(client: TestClient) -> None:
    page = client.get("/district/310151", params={"as_of": DAY})
    assert page.status_code == 200
    uncovered = page.text.split('id="uncovered-table"')[1].split("</table>")[0]
    assert [m for m in re.findall(r'data-village="(\d+)"', uncovered)] == [K.panghuang, K.xinjian_xinhe, K.dongxin]
    assert "/analyses/uncovered-weak-villages?district=310151&amp;as_of=2024-06-30&amp;format=xlsx" in page.text
    assert 'id="town-310151102"' in page.text  # 堡镇's bar in the per-town chart
    helpers = page.text.split('id="helpers-table"')[1].split("</table>")[0]
    assert "崇明区民政局" in helpers and "负担较重" in helpers
    assert 'data-autoload="/clusters?district=310151&amp;as_of=2024-06-30"' in page.text
    clusters = client.get("/clusters", params={"district": "310151", "as_of": DAY}).text
    assert clusters.count('class="cluster"') >= 2 and "<line" in clusters and "<html" not in clusters
    assert client.get("/district/999999").status_code == 404


@pytest.mark.neo4j
def test_suggestions_fragment_ranks_helpers_with_reasons_and_a_record_form(client: TestClient) -> None:
    fragment = client.get("/suggestions", params={"village": K.xinjian_xinhe, "as_of": DAY}).text
    assert fragment.lstrip().startswith("<ol") and "<html" not in fragment
    assert "上海农商银行崇明支行" in fragment and "尚可承接" in fragment
    assert 'data-action="record-pairing"' in fragment and f'value="{K.xinjian_xinhe}"' in fragment


@pytest.mark.neo4j
def test_village_page_shows_path_timeline_evidence_with_the_mention_highlighted(client: TestClient) -> None:
    page = client.get(f"/village/{K.mihang}", params={"as_of": DAY}).text
    assert "堡镇" in page and "经济薄弱村" in page and 'class="chart timeline"' in page
    assert "<mark>米行村</mark>医疗服务站" in page  # the project fact names the village
    assert "米行村医疗服务站" in page  # projects
    assert 'data-action="end-pairing"' in page  # a pairing in force can be ended
    uncovered = client.get(f"/village/{K.xinjian_xinhe}", params={"as_of": DAY}).text
    assert 'id="uncovered-flag"' in uncovered and 'data-action="record-pairing"' in uncovered


@pytest.mark.neo4j
def test_a_recorded_pairing_shows_on_the_village_page_with_planner_provenance(
    client: TestClient,
    settings: Settings,
) -> None:
    key = {"X-API-Key": settings.api_key.get_secret_value()}
    decision = client.post(
        "/decisions/pairings",
        headers=key,
        json={
            "helper_uid": K.bank,
            "village": K.xinjian_xinhe,
            "since": "2024-06-01",
            "note": "常委会决定",
            "decided_by": "张规划",
        },
    ).json()
    page = client.get(f"/village/{K.xinjian_xinhe}", params={"as_of": DAY}).text
    assert 'id="uncovered-flag"' not in page
    pairings = text_of(page.split('id="pairings-table"')[1].split("</table>")[0])
    assert (
        "上海农商银行崇明支行" in pairings
        and "规划人员" in pairings
        and "张规划" in pairings
        and "常委会决定" in pairings
    )
    assert f'data-decision="{decision["uid"]}"' in page  # it can be undone from the page
    district = client.get("/district/310151", params={"as_of": DAY}).text
    assert f'data-village="{K.xinjian_xinhe}"' not in district


@pytest.mark.neo4j
def test_helper_page_shows_villages_projects_money_and_party_organizations(client: TestClient) -> None:
    page = client.get(f"/helper/{K.bank}", params={"as_of": DAY}).text
    assert "上海农商银行崇明支行党委" in page and "五滧村" in page and "米行村" in page
    assert "米行村医疗服务站" in page and "20.0 万元" in page


@pytest.mark.neo4j
def test_search_lists_hits_and_jumps_on_a_single_exact_one(client: TestClient) -> None:
    listed = client.get("/find", params={"q": "崇明"})
    assert listed.status_code == 200 and 'href="/district/310151"' in listed.text
    jump = client.get("/find", params={"q": "310151"}, follow_redirects=False)
    assert jump.status_code == 303 and jump.headers["location"] == "/district/310151"
    assert (
        client.get("/find", params={"q": "chongmingqu"}, follow_redirects=False).headers["location"]
        == "/district/310151"
    )


@pytest.mark.neo4j
def test_pages_escape_what_the_graph_holds(client: TestClient, graph: Driver) -> None:
    organization(graph, "org:<script>", "<script>alert(1)</script>单位", "enterprise", "310151")
    page = client.get("/helper/org:<script>").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;单位" in page


@pytest.mark.neo4j
def test_review_queue_page_lists_mentions_with_accept_pick_and_reject(client: TestClient, graph: Driver) -> None:
    from tests.factories import review_mention

    review_mention(graph)
    page = client.get("/queue").text
    assert "红星村@310151" in page and "<mark>红星村</mark>" in page
    assert 'value="310151109203"' in page and 'value="310151116216"' in page and "不在代码表" in page


@pytest.mark.neo4j
def test_rejects_download_as_xlsx_and_assets_are_small_and_local(client: TestClient) -> None:
    import io

    from openpyxl import load_workbook

    issues = [
        {
            "file": "bad.csv",
            "sheet": "bad",
            "row": 3,
            "column": "开始日期",
            "value": "2021-13-45",
            "severity": "rejected",
            "reason": "not a date",
        }
    ]
    response = client.post("/upload/rejects.xlsx", json=issues)
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("文件", "工作表", "行号", "列")
    assert rows[1][:4] == ("bad.csv", "bad", 3, "开始日期")
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    page = client.get("/upload").text
    assert "http://" not in page and "https://" not in page  # nothing fetched from elsewhere
    size = sum(len(client.get(f"/console-static/{name}").content) for name in ("console.css", "console.js"))
    assert size < 50_000
    assert client.get("/console-static/..%2Fpages.py").status_code == 404


@pytest.mark.neo4j
def test_a_fragment_for_something_unknown_answers_a_short_error_not_a_page(client: TestClient) -> None:
    response = client.get("/clusters", params={"district": "999999"})
    assert (
        response.status_code == 404 and response.text.startswith('<p class="error">') and "<html" not in response.text
    )
    assert client.get("/suggestions", params={"village": "310151999999"}).status_code == 404
