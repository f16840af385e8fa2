"""Registers into Neo4j: counts, rejects, idempotency, replacement of a changed file, provenance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from neo4j.time import Date

from loaders import register
from loaders.places import PlaceIndex
from tests.conftest import REPO, TEST_PROVINCES, reset_to_spine
from tests.loaders.register_files import PAIRINGS_HEADER, WEAK_HEADER, pairing_row, weak_row, write_csv, write_xlsx
from tests.reliability.graphsum import graph_sum

pytestmark = pytest.mark.neo4j
EXAMPLES = REPO / "data" / "examples"


@pytest.fixture(scope="module")
def index(gazetteer_dir: Path) -> PlaceIndex:
    return PlaceIndex.from_gazetteer(gazetteer_dir, TEST_PROVINCES)


def load(graph: Driver, index: PlaceIndex, *paths: Path, **kw: Any) -> register.LoadReport:
    return register.load(graph, list(paths), index, **kw)


def scalar(graph: Driver, cypher: str, **params: Any) -> Any:
    return graph.execute_query(cypher, **params).records[0][0]


def snapshot(graph: Driver) -> tuple[list[Any], list[Any]]:
    """Everything the registers can touch, as comparable values (spine and plain villages left out)."""
    nodes = graph.execute_query(
        "MATCH (n) WHERE NOT (n:Province OR n:City OR n:District OR n:Town) "
        "AND (NOT n:Village OR n.weak OR EXISTS { (n)-[r]-() WHERE type(r) <> 'PART_OF' }) "
        "RETURN labels(n) AS labels, properties(n) AS props"
    ).records
    rels = graph.execute_query(
        "MATCH (a)-[r]->(b) WHERE type(r) <> 'PART_OF' "
        "RETURN type(r) AS type, coalesce(a.uid, a.code) AS a, coalesce(b.uid, b.code) AS b, properties(r) AS props"
    ).records
    norm = lambda d: sorted((k, str(v)) for k, v in d.items())
    return (
        sorted(str((r["labels"], norm(r["props"]))) for r in nodes),
        sorted(str((r["type"], r["a"], r["b"], norm(r["props"]))) for r in rels),
    )


def test_example_registers_load_every_good_row(graph: Driver, index: PlaceIndex) -> None:
    report = load(graph, index, *register.expand([EXAMPLES]))
    assert (report.loaded("pairings"), report.loaded("weak"), report.loaded("projects"), report.loaded("leaders")) == (
        13,
        16,
        6,
        6,
    )
    assert len(report.rejected) == 9
    assert scalar(graph, "MATCH ()-[r:PAIRED_WITH]->() RETURN count(r)") == 13
    assert scalar(graph, "MATCH (v:Village) WHERE v.weak RETURN count(v)") == 15  # 16 rows, 胜利村 twice
    assert scalar(graph, "MATCH (v:Village {code: '310151109207'}) RETURN v.weak_categories") == [
        "经济薄弱村",
        "软弱涣散村",
    ]
    assert scalar(graph, "MATCH (:Organization)-[:FUNDS]->(p:Project)-[:BENEFITS]->(:Village) RETURN count(p)") == 6
    assert scalar(graph, "MATCH (:Person)-[h:HOLDS]->() RETURN count(h)") == 6
    # The leader the example dates 2022-03 holds the post from 1 March 2022, a month-precise date.
    assert graph.execute_query(
        "MATCH (:Person {name: '郑文'})-[h:HOLDS]->() RETURN h.since AS since, h.since_precision AS precision"
    ).records[0].data() == {"since": Date(2022, 3, 1), "precision": "month"}


def test_namesake_villages_in_two_towns_are_separate_nodes_with_their_own_helpers(
    graph: Driver, index: PlaceIndex
) -> None:
    load(graph, index, EXAMPLES / "pairings.csv")
    rows = graph.execute_query(
        "MATCH (h)-[r:PAIRED_WITH]->(v:Village {name: '红星村'}) RETURN v.code AS code, h.name AS helper, "
        "labels(h)[0] AS label, r.until AS until ORDER BY code"
    ).records
    assert [(r["code"], r["label"]) for r in rows] == [
        ("310151109203", "PartyOrganization"),
        ("310151116216", "Organization"),
    ]
    assert rows[1]["until"].iso_format() == "2020-12-31"


def test_party_organization_belongs_to_its_unit_and_pairs_when_the_register_says_so(
    graph: Driver, index: PlaceIndex
) -> None:
    load(graph, index, EXAMPLES / "pairings.csv")
    row = graph.execute_query(
        "MATCH (p:PartyOrganization {uid: 'party:上海申能电力设计院第一党支部'})-[b:BELONGS_TO]->(o:Organization) "
        "MATCH (p)-[r:PAIRED_WITH]->(v:Village) RETURN o.uid AS org, o.kind AS kind, p.level AS level, "
        "v.code AS code, b.source_loc AS loc"
    ).records
    assert [(r["org"], r["kind"], r["level"], r["code"], r["loc"]) for r in row] == [
        ("org:上海申能电力设计院", "institution", "branch", "310151109203", "sheet pairings!row 4")
    ]
    # A unit with a party branch column but no 结对主体: the unit pairs, the branch only belongs to it.
    assert (
        scalar(
            graph,
            "MATCH (p:PartyOrganization {uid: 'party:崇明区机关事务管理局机关党支部'})-[:PAIRED_WITH]->() "
            "RETURN count(*)",
        )
        == 0
    )


def test_every_register_fact_carries_its_provenance(graph: Driver, index: PlaceIndex) -> None:
    load(graph, index, *register.expand([EXAMPLES]))
    missing = scalar(
        graph,
        """
        MATCH ()-[r:PAIRED_WITH|DESIGNATED_AS|HOLDS|FUNDS|BENEFITS|BELONGS_TO]->()
        WHERE r.source_id IS NULL OR r.source_loc IS NULL OR r.evidence IS NULL OR r.method IS NULL
           OR r.confidence IS NULL
        RETURN count(r)""",
    )
    assert missing == 0
    rel = graph.execute_query(
        "MATCH (:Organization {uid: 'org:上海浦江实业集团有限公司'})-[r:PAIRED_WITH]->(:Village {code: '310151102216'}) "
        "RETURN r"
    ).records[0]["r"]
    assert rel["source_id"] == "register:pairings.csv" and rel["source_loc"] == "sheet pairings!row 2"
    assert rel["evidence"].startswith("序号=1; 帮扶单位=上海浦江实业集团有限公司;")
    assert rel["method"] == "register:village_code" and rel["confidence"] == 1.0
    assert rel["since"].iso_format() == "2021-03-01" and rel["until"] is None
    document = graph.execute_query("MATCH (d:Document {uid: 'register:pairings.csv'}) RETURN d").records[0]["d"]
    assert document["kind"] == "register" and len(document["sha256"]) == 64
    project = graph.execute_query("MATCH (p:Project {name: '村级农产品冷库建设'}) RETURN p").records[0]["p"]
    assert (
        project["source_id"] == "register:projects_and_leaders.xlsx" and project["source_loc"] == "sheet 帮扶项目!row 3"
    )


def test_loading_the_same_files_twice_leaves_the_same_graph(graph: Driver, index: PlaceIndex) -> None:
    paths = register.expand([EXAMPLES])
    load(graph, index, *paths)
    first = snapshot(graph)
    again = load(graph, index, *paths)
    assert snapshot(graph) == first
    assert again.writes.nodes_created == 0 and again.writes.relationships_created == 0
    assert all(not f["changed"] for f in again.files.values())


def test_changed_file_replaces_its_old_facts_and_leaves_other_sources_alone(
    graph: Driver, index: PlaceIndex, tmp_path: Path
) -> None:
    path = tmp_path / "结对.csv"
    write_csv(path, PAIRINGS_HEADER, [pairing_row(), pairing_row(helper="崇明区机关事务管理局", village="彷徨村")])
    load(graph, index, path)
    other = write_csv(
        tmp_path / "other.csv", PAIRINGS_HEADER, [pairing_row(helper="崇明区机关事务管理局", village="彷徨村")]
    )
    load(graph, index, other)
    write_csv(path, PAIRINGS_HEADER, [pairing_row(village="堡渔村", since="2024-01-01")])
    report = load(graph, index, path)
    assert report.files["结对.csv"]["changed"]
    rows = graph.execute_query(
        "MATCH (h)-[r:PAIRED_WITH]->(v) RETURN r.source_id AS src, h.name AS helper, v.name AS village, "
        "toString(r.since) AS since ORDER BY src"
    ).records
    assert [tuple(r.values()) for r in rows] == [
        ("register:other.csv", "崇明区机关事务管理局", "彷徨村", "2021-03-01"),
        ("register:结对.csv", "上海浦江实业集团有限公司", "堡渔村", "2024-01-01"),
    ]


def test_helper_left_without_facts_after_a_change_is_removed(graph: Driver, index: PlaceIndex, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", PAIRINGS_HEADER, [pairing_row(helper="某临时单位")])
    load(graph, index, path)
    assert scalar(graph, "MATCH (o:Organization {uid: 'org:某临时单位'}) RETURN count(o)") == 1
    write_csv(path, PAIRINGS_HEADER, [pairing_row(helper="上海浦江实业集团有限公司")])
    load(graph, index, path)
    assert scalar(graph, "MATCH (o:Organization {uid: 'org:某临时单位'}) RETURN count(o)") == 0


def test_removing_a_designation_clears_the_weak_flag(graph: Driver, index: PlaceIndex, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "weak.csv", WEAK_HEADER, [weak_row("四滧村", "堡镇"), weak_row("彷徨村", "堡镇")])
    load(graph, index, path)
    flags = "MATCH (v:Village) WHERE v.code IN ['310151102216', '310151102217'] RETURN v.code, v.weak ORDER BY v.code"
    assert [tuple(r.values()) for r in graph.execute_query(flags).records] == [
        ("310151102216", True),
        ("310151102217", True),
    ]
    write_csv(path, WEAK_HEADER, [weak_row("四滧村", "堡镇")])
    load(graph, index, path)
    assert [tuple(r.values()) for r in graph.execute_query(flags).records] == [
        ("310151102216", True),
        ("310151102217", False),
    ]
    assert scalar(graph, "MATCH (v:Village {code: '310151102217'}) RETURN v.weak_categories") == []


def test_unreadable_file_keeps_its_previous_facts(graph: Driver, index: PlaceIndex, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", PAIRINGS_HEADER, [pairing_row()])
    load(graph, index, path)
    path.write_bytes(b"\x00\x01garbage")
    report = load(graph, index, path)
    assert report.issues[0].code == "register.file.not_read" and report.issues[0].reason.startswith("文件未读取")
    assert scalar(graph, "MATCH ()-[r:PAIRED_WITH {source_id: 'register:p.csv'}]->() RETURN count(r)") == 1


def test_rejected_rows_are_reported_with_location_while_the_rest_load(
    graph: Driver, index: PlaceIndex, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "台账.xlsx",
        {
            "结对": [
                PAIRINGS_HEADER,
                pairing_row(),
                pairing_row(village="红星村", town=""),
                pairing_row(since="2021-13-01"),
            ],
            "薄弱村": [WEAK_HEADER, weak_row("四滧村", "堡镇", code="3.10151102216E+11"), weak_row("彷徨村", "堡镇")],
        },
    )
    report = load(graph, index, path)
    assert [(i.sheet, i.row, i.column) for i in report.rejected] == [
        ("结对", 3, "村"),
        ("结对", 4, "开始日期"),
        ("薄弱村", 2, "村代码"),
    ]
    assert scalar(graph, "MATCH ()-[r:PAIRED_WITH {source_id: 'register:台账.xlsx'}]->() RETURN count(r)") == 1
    assert (
        scalar(graph, "MATCH ()-[r:DESIGNATED_AS {source_id: 'register:台账.xlsx'}]->() RETURN r.source_loc")
        == "sheet 薄弱村!row 3"
    )


def test_leaders_hold_posts_in_villages_party_organizations_and_units(graph: Driver, index: PlaceIndex) -> None:
    load(graph, index, EXAMPLES / "projects_and_leaders.xlsx")
    rows = graph.execute_query(
        "MATCH (p:Person)-[h:HOLDS]->(post) RETURN p.uid AS uid, h.role AS role, labels(post)[0] AS label, "
        "coalesce(post.code, post.uid) AS post ORDER BY uid"
    ).records
    got = {r["uid"]: (r["role"], r["label"], r["post"]) for r in rows}
    assert got["person:王海峰@org:上海浦江实业集团有限公司"] == ("第一书记", "Village", "310151102216")
    assert got["person:陈晓燕@party:四滧村党总支"] == ("书记", "PartyOrganization", "party:四滧村党总支")
    assert (
        scalar(graph, "MATCH (:PartyOrganization {uid: 'party:四滧村党总支'})-[:BELONGS_TO]->(v:Village) RETURN v.code")
        == "310151102216"
    )


def test_row_whose_place_is_not_in_the_graph_is_rejected_not_lost(
    graph: Driver, gazetteer_dir: Path, tmp_path: Path
) -> None:
    beijing = PlaceIndex.from_gazetteer(gazetteer_dir, ["11"])  # the graph fixture loads only 上海 and 福建
    path = write_csv(
        tmp_path / "p.csv", PAIRINGS_HEADER, [pairing_row(village="", district="", town="", code="110101001001")]
    )
    report = load(graph, beijing, path)
    assert [i.reason for i in report.rejected] == [
        "110101001001 在代码表中，但图谱里还没有；请先加载该省的区划（revkg load gazetteer --provinces 11）"
    ]
    assert report.rejected[0].code == "register.place.not_in_graph"
    assert report.sheets[0].loaded == 0 and report.sheets[0].rejected == 1


def test_demo_loads_the_example_registers_and_the_corpus_and_says_what_it_did(graph: Driver, settings) -> None:
    from loaders.demo import CORPUS, load_demo

    summary = load_demo(graph, settings)
    assert "加载 结对 13 行，薄弱村认定 16 行，项目 6 行，干部任职 6 行，拒绝 9 行" in summary
    from_registers = scalar(
        graph, "MATCH ()-[r:PAIRED_WITH]->() WHERE r.source_id STARTS WITH 'register:' RETURN count(r)"
    )
    assert from_registers == 13
    reports = sorted(CORPUS.glob("*.txt"))
    assert f"报告：写入 {len(reports)} 篇" in summary
    documents = scalar(graph, "MATCH (d:Document {kind: 'report'}) RETURN count(d)")
    assert documents == len(reports)


def test_interrupted_load_is_redone_in_full_and_drops_stale_rows(
    graph: Driver, index: PlaceIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "p.csv", PAIRINGS_HEADER, [pairing_row(), pairing_row(village="彷徨村")])
    load(graph, index, path)
    write_csv(path, PAIRINGS_HEADER, [pairing_row(village="堡渔村")])
    from graph import queries

    real_get = queries.get

    def crash_before_delete(name: str) -> Any:
        if name == "load/delete_register_facts":
            raise RuntimeError("connection lost")
        return real_get(name)

    monkeypatch.setattr(queries, "get", crash_before_delete)
    with pytest.raises(RuntimeError):
        load(graph, index, path)
    monkeypatch.undo()
    load(graph, index, path)
    villages = graph.execute_query(
        "MATCH ()-[r:PAIRED_WITH {source_id: 'register:p.csv'}]->(v) RETURN collect(v.name) AS names"
    ).records[0]["names"]
    assert villages == ["堡渔村"]


def test_replacing_a_file_leaves_unrelated_bare_nodes_alone(graph: Driver, index: PlaceIndex, tmp_path: Path) -> None:
    graph.execute_query("CREATE (:Organization {uid: 'org:另一来源的单位', name: '另一来源的单位'})")
    path = write_csv(tmp_path / "p.csv", PAIRINGS_HEADER, [pairing_row(helper="某临时单位")])
    load(graph, index, path)
    write_csv(path, PAIRINGS_HEADER, [pairing_row(helper="上海浦江实业集团有限公司")])
    load(graph, index, path)
    assert scalar(
        graph, "MATCH (o:Organization) WHERE o.uid IN ['org:另一来源的单位', 'org:某临时单位'] RETURN collect(o.uid)"
    ) == ["org:另一来源的单位"]


def test_party_organization_on_many_rows_belongs_to_its_unit_once_per_file(
    graph: Driver, index: PlaceIndex, tmp_path: Path
) -> None:
    rows = [pairing_row(party="某集团党委", village=v, town="堡镇") for v in ("四滧村", "彷徨村", "堡渔村")]
    load(graph, index, write_csv(tmp_path / "p.csv", PAIRINGS_HEADER, rows))
    edges = graph.execute_query(
        "MATCH (:PartyOrganization {uid: 'party:某集团党委'})-[b:BELONGS_TO]->(o:Organization) "
        "RETURN o.uid AS org, b.source_loc AS loc"
    ).records
    assert [(r["org"], r["loc"]) for r in edges] == [("org:上海浦江实业集团有限公司", "sheet p!row 2")]
    assert (
        scalar(graph, "MATCH (:Organization {uid: 'org:上海浦江实业集团有限公司'})-[r:PAIRED_WITH]->() RETURN count(r)")
        == 3
    )


def test_changed_file_written_again_gives_the_graph_a_first_load_gives(
    graph: Driver, index: PlaceIndex, tmp_path: Path
) -> None:
    # A new or changed file is written with CREATE, an unchanged one with MERGE: both give one graph.
    paths = register.expand([EXAMPLES])
    load(graph, index, *paths)
    first = snapshot(graph)
    graph.execute_query("MATCH (d:Document {kind: 'register'}) SET d.sha256 = 'stale'")
    again = load(graph, index, *paths)
    assert all(f["changed"] for f in again.files.values())
    assert snapshot(graph) == first


def test_load_of_several_files_reports_each_as_loading_them_one_by_one(
    graph: Driver, index: PlaceIndex, tmp_path: Path
) -> None:
    # Files are prepared one ahead in a second thread; the report must not depend on it.
    paths = register.expand([EXAMPLES])
    together = load(graph, index, *paths)
    graph.execute_query("MATCH (d:Document {kind: 'register'}) SET d.sha256 = 'stale'")
    apart = [load(graph, index, p) for p in paths]
    assert [s.__dict__ for s in together.sheets] == [s.__dict__ for r in apart for s in r.sheets]
    assert together.issues == [i for r in apart for i in r.issues]


def test_registers_written_in_chunks_of_three_rows_give_the_graph_written_in_one(
    graph: Driver, index: PlaceIndex
) -> None:
    # Units, party organizations, persons and memberships are written once per file across chunks:
    # a second chunk naming the same unit must neither duplicate an edge nor overwrite the first row's name.
    paths = register.expand([EXAMPLES])
    load(graph, index, *paths)
    whole = graph_sum(graph, facts_only=True)
    reset_to_spine(graph)
    chunked = load(graph, index, *paths, chunk_rows=3)
    assert graph_sum(graph, facts_only=True) == whole
    assert chunked.loaded() == sum(s.loaded for s in chunked.sheets) > 3


def test_pairings_written_by_concurrent_transactions_give_the_graph_one_writer_gives(
    graph: Driver, index: PlaceIndex
) -> None:
    # Two transactions at once over groups that share no helper and no recipient (batches of two rows,
    # so each group is several transactions): the same edges, properties and counts as one writer.
    paths = register.expand([EXAMPLES])
    one = load(graph, index, *paths, writers=1, batch_size=2)
    whole = graph_sum(graph, facts_only=True)
    reset_to_spine(graph)
    two = load(graph, index, *paths, writers=2, batch_size=2)
    assert graph_sum(graph, facts_only=True) == whole
    assert two.writes.relationships_created == one.writes.relationships_created > 0
    assert two.writes.rows == one.writes.rows


def test_disjoint_groups_share_no_node_and_keep_every_row() -> None:
    from loaders.register.write import disjoint_groups

    rows = [
        {"helper_uid": f"org:{h}", "village_uid": f"v{v}", "town_code": None}
        for h, v in [(1, 1), (2, 2), (1, 3), (3, 3), (4, 4), (5, 5), (6, 5), (7, 7), (8, 8)]
    ]
    groups = disjoint_groups(rows, ("helper_uid", "village_uid", "town_code"), 2)
    assert sorted(map(id, (r for g in groups for r in g))) == sorted(map(id, rows))
    keys = [{v for r in g for v in (r["helper_uid"], r["village_uid"])} for g in groups]
    assert len(groups) == 2 and not keys[0] & keys[1]
    assert abs(len(groups[0]) - len(groups[1])) <= 3  # the largest component has three rows
    assert disjoint_groups(rows, ("helper_uid", "village_uid"), 1) == [rows]


# --- registers as planners write them ------------------------------------------------------------------


def test_month_and_year_dated_pairings_load_with_their_precision_and_count_from_the_first_day(
    graph: Driver, index: PlaceIndex, tmp_path: Path
) -> None:
    from graph import analyses

    path = write_csv(
        tmp_path / "月份.csv",
        PAIRINGS_HEADER,
        [
            pairing_row(village="四滧村", since="2023年3月"),
            pairing_row(village="彷徨村", since="2023.3", until="2024年"),
            pairing_row(village="堡渔村", since="2023-03"),
        ],
    )
    report = load(graph, index, path)
    assert not report.issues and report.loaded("pairings") == 3
    rows = graph.execute_query(
        "MATCH ()-[r:PAIRED_WITH {source_id: 'register:月份.csv'}]->(v) "
        "RETURN v.name AS village, toString(r.since) AS since, r.since_precision AS since_precision, "
        "toString(r.until) AS until, r.until_precision AS until_precision ORDER BY village"
    ).records
    assert [tuple(r.values()) for r in rows] == [
        ("四滧村", "2023-03-01", "month", None, None),
        ("堡渔村", "2023-03-01", "month", None, None),
        ("彷徨村", "2023-03-01", "month", "2024-12-31", "year"),
    ]
    code = scalar(graph, "MATCH (v:Village {name: '四滧村'})-[:PART_OF]->(:Town {name: '堡镇'}) RETURN v.code")
    helpers = lambda day: analyses.village_profile(graph, code, dt.date.fromisoformat(day))["helpers"]  # noqa: E731
    assert helpers("2023-02-28") == [] and len(helpers("2023-03-01")) == 1
    # The console shows the date as the register wrote it.
    from api.console import pages

    [pairing] = [
        p for p in pages.village(graph, code, None, "neo4j")["pairings"] if p["source_id"].endswith("月份.csv")
    ]
    assert pairing["since_text"] == "2023年3月"


def test_the_same_row_twice_in_a_file_loads_once_with_a_warning_naming_both_rows(
    graph: Driver, index: PlaceIndex, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "重复.xlsx",
        {
            "结对": [PAIRINGS_HEADER, pairing_row(), pairing_row(village="彷徨村"), pairing_row()],
            "补充": [PAIRINGS_HEADER, pairing_row()],
        },
    )
    report = load(graph, index, path)
    duplicates = [i for i in report.issues if i.code == "register.row.duplicate"]
    assert [(i.sheet, i.row, i.severity) for i in duplicates] == [("结对", 4, "warning"), ("补充", 2, "warning")]
    assert duplicates[0].reason == "与结对第 2 行是同一条记录，只加载一次（第 4 行未另行加载）"
    assert not report.rejected and report.loaded("pairings") == 4  # every row's fact is in the graph, once
    assert scalar(graph, "MATCH ()-[r:PAIRED_WITH {source_id: 'register:重复.xlsx'}]->() RETURN count(r)") == 2


def test_excel_error_cells_are_read_as_empty_with_a_warning(graph: Driver, index: PlaceIndex, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "结对"
    sheet.append(list(PAIRINGS_HEADER))
    sheet.append(list(pairing_row()))
    sheet.append(list(pairing_row(village="彷徨村")))
    sheet["I2"] = "=NA()"  # 结束日期 of row 2: a failed lookup, cached as #N/A below
    sheet["G3"] = "=1/0"  # 村代码 of row 3
    book.save(tmp_path / "公式.xlsx")
    _cache_errors(tmp_path / "公式.xlsx", {"I2": "#N/A", "G3": "#DIV/0!"})
    csv_path = write_csv(tmp_path / "错误值.csv", PAIRINGS_HEADER, [pairing_row(village="堡渔村", until="#REF!")])
    report = load(graph, index, tmp_path / "公式.xlsx", csv_path)
    warnings = [(i.file, i.row, i.column, i.value) for i in report.issues if i.code == "register.cell.excel_error"]
    assert warnings == [
        ("公式.xlsx", 2, "结束日期", "#N/A"),
        ("公式.xlsx", 3, "村代码", "#DIV/0!"),
        ("错误值.csv", 2, "结束日期", "#REF!"),
    ]
    assert not report.rejected and report.loaded("pairings") == 3
    evidence = graph.execute_query("MATCH ()-[r:PAIRED_WITH]->() RETURN collect(r.evidence) AS e").records[0]["e"]
    assert not any("#N/A" in e or "nan" in e for e in evidence)


def _cache_errors(path: Path, errors: dict[str, str]) -> None:
    """Give formula cells the cached error value Excel stores (openpyxl writes formulas without one)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, error in errors.items():
        sheet = re.sub(
            rf'<c r="{ref}"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?</c>',
            rf'<c r="{ref}" t="e"><f>\2</f><v>{error}</v></c>',
            sheet,
        )
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_an_excel_serial_number_date_shows_as_a_date_in_the_evidence(
    graph: Driver, index: PlaceIndex, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "序列号.csv", PAIRINGS_HEADER, [pairing_row(since="43101")])
    load(graph, index, path)
    evidence = scalar(graph, "MATCH ()-[r:PAIRED_WITH {source_id: 'register:序列号.csv'}]->() RETURN r.evidence")
    assert "开始日期=2018-01-01" in evidence and "43101" not in evidence
