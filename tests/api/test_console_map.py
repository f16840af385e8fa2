"""The coverage map and the console's smaller items (§6 of issue 20), on the real test server."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from openpyxl import load_workbook

from api.console import maps
from tests.factories import AS_OF, Chongming

K = Chongming()
DAY = AS_OF.isoformat()


def test_outlines_are_checked_against_the_2023_code_table(gazetteer_dir: Path) -> None:
    with (gazetteer_dir / "areas.csv").open(encoding="utf-8") as f:
        table = {row["code"] for row in csv.DictReader(f)}
    data = maps.outlines()
    marked = {code for code, county in data["counties"].items() if county["in_table"]}
    assert marked == set(data["counties"]) & table
    assert set(data["table_codes_without_outline"]) == table - set(data["counties"])
    assert len(marked) > 2800  # nearly every district and county of the table has its outline


def test_map_of_a_province_has_every_district_coloured_by_its_coverage() -> None:
    drawn = maps.coverage_map(
        "31", {"310151": {"weak_villages": 7, "paired_weak_villages": 4}}, lambda code: f"/district/{code}"
    )
    assert drawn is not None
    shapes = {s["code"]: s for s in drawn["shapes"]}
    assert len(shapes) == 16 and all(s["matched"] and s["path"].startswith("M") for s in shapes.values())
    assert shapes["310151"]["fill"] == maps.fill_of(7, 4) != maps.NO_WEAK
    assert shapes["310151"]["href"] == "/district/310151" and "崇明区" in shapes["310151"]["title"]
    assert shapes["310101"]["fill"] == maps.NO_WEAK
    assert 0 < drawn["height"] <= 560


def test_map_shows_codes_the_table_lacks_as_unmatched_without_a_link() -> None:
    drawn = maps.coverage_map("23", {}, lambda code: f"/district/{code}")
    assert drawn is not None
    unmatched = {s["code"]: s for s in drawn["unmatched"]}
    assert unmatched and all(s["href"] is None and s["fill"] == "url(#unmatched)" for s in unmatched.values())
    assert all("代码表" in s["title"] for s in unmatched.values())


@pytest.mark.neo4j
def test_overview_and_province_pages_draw_the_map_with_links_to_districts(client: TestClient) -> None:
    for url in ("/", "/area/31"):
        page = client.get(url, params={"as_of": DAY}).text
        block = page.split('id="coverage-map"')[1].split("</section>")[0]
        assert 'href="/district/310151?as_of=2024-06-30"' in block
        chongming = re.search(r'data-code="310151"><path d="M[^"]+" fill="([^"]+)"', block)
        assert chongming and chongming.group(1) == maps.fill_of(7, 4)
        assert "https://" not in block and "<image" not in block
    fujian = client.get("/area/35").text
    assert "coverage-map" in fujian and 'data-code="350304"' in fujian


def test_print_view_hides_the_controls_and_keeps_the_map_in_colour() -> None:
    css = (Path(__file__).resolve().parents[2] / "api" / "console" / "static" / "console.css").read_text()
    printed = css.split("@media print")[1]
    assert ".top" in printed and "display: none" in printed and "print-color-adjust: exact" in printed


def test_undo_asks_before_it_undoes() -> None:
    script = (Path(__file__).resolve().parents[2] / "api" / "console" / "static" / "console.js").read_text()
    undo = script.split("data-action='undo'")[1].split("});")[0]
    assert undo.index("window.confirm(") < undo.index('send("DELETE"')


@pytest.mark.neo4j
def test_an_ended_first_secretary_is_not_shown_as_current(client: TestClient, graph: Driver) -> None:
    graph.execute_query(
        "MATCH (v:Village {code: $village}) "
        "MERGE (old:Person {uid: 'person:测试旧书记'}) SET old.name = '王旧' "
        "MERGE (new:Person {uid: 'person:测试新书记'}) SET new.name = '李新' "
        "MERGE (old)-[a:HOLDS {role: '第一书记'}]->(v) SET a.since = date('2021-01-01'), a.until = date('2023-12-31'), "
        "  a.source_id = 'register:测试.xlsx', a.source_loc = 'row 2' "
        "MERGE (new)-[b:HOLDS {role: '第一书记'}]->(v) SET b.since = date('2024-01-01'), "
        "  b.source_id = 'register:测试.xlsx', b.source_loc = 'row 3'",
        village=K.sixiao,
    )
    page = client.get(f"/village/{K.sixiao}", params={"as_of": DAY}).text
    leaders = page.split('id="leaders"')[1].split("</section>")[0]
    old = re.search(r"<li class=\"(\w+)\">王旧(.*?)</li>", leaders, re.DOTALL)
    new = re.search(r"<li class=\"(\w+)\">李新(.*?)</li>", leaders, re.DOTALL)
    assert old and old.group(1) == "ended" and "离任" in old.group(2) and "现任" not in old.group(2)
    assert new and new.group(1) == "current" and "现任" in new.group(2)
    assert leaders.index("李新") < leaders.index("王旧")  # the current one first


@pytest.mark.neo4j
def test_suggestions_xlsx_lists_what_the_page_shows_with_the_day_and_filters(client: TestClient) -> None:
    page = client.get(f"/district/{K.district}", params={"as_of": DAY}).text
    link = re.search(r'href="(/analyses/pairing-suggestions[^"]+)"', page)
    assert link and "per_village=5" in link.group(1)
    book = load_workbook(io.BytesIO(client.get(link.group(1).replace("&amp;", "&")).content))
    sheet = book.worksheets[0]
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    about = {row[0]: row[1] for row in book["说明"].iter_rows(values_only=True)}
    assert about["判断日期"] == DAY
    rows = list(sheet.iter_rows(values_only=True))
    code_column = rows[0].index("村代码")
    shown = client.get("/suggestions", params={"village": K.xinjian_xinhe, "as_of": DAY}).text
    on_page = len(re.findall(r'href="/helper/', shown))
    assert on_page > 3
    assert sum(1 for r in rows[1:] if r[code_column] == K.xinjian_xinhe) == on_page


@pytest.mark.neo4j
def test_uncovered_list_filters_by_town(client: TestClient) -> None:
    page = client.get(f"/district/{K.district}", params={"as_of": DAY, "town": "310151103"}).text
    uncovered = page.split('id="uncovered-table"')[1].split("</table>")[0]
    assert re.findall(r'data-village="(\d+)"', uncovered) == [K.xinjian_xinhe]
    assert '<option value="310151103" selected>' in page
    assert "town=310151103" in page.split('id="uncovered"')[1].split("</h2>")[0]


@pytest.mark.neo4j
def test_helper_page_has_a_breadcrumb_to_its_district(client: TestClient) -> None:
    page = client.get(f"/helper/{K.civil_affairs}", params={"as_of": DAY}).text
    crumbs = page.split('class="crumbs"')[1].split("</nav>")[0]
    assert 'href="/area/31?as_of=2024-06-30"' in crumbs and 'href="/district/310151?as_of=2024-06-30"' in crumbs
    assert "崇明区民政局" in crumbs
