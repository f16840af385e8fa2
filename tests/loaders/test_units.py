"""One unit, one kind and one uid through both loaders; one rule for a party organization's level."""

from __future__ import annotations

import pytest
from neo4j import Driver

from graph import queries
from loaders.register.write import _org, _party  # the register's own row shaping
from loaders.reports.organizations import org_from_surface
from loaders.reports.reading import matching_text
from loaders.units import org_uid, party_level, party_uid, unit_kind

UNITS = [
    ("上海浦江实业集团有限公司", "enterprise"),
    ("玫琳凯（中國）有限公司", "enterprise"),
    ("莫干山支行", "enterprise"),
    ("崇明区财政局", "government"),
    ("区委组织部", "government"),
    ("区人民医院", "institution"),
    ("区绿化管理中心", "institution"),
    ("上海师范大学", "school"),
    ("中共崇明区委党校", "school"),
    ("静安寺街道", "street_office"),
    ("某水稻专业合作社", "other"),
    ("盒马鲜生", "other"),
]


def _report_mentions(name: str) -> dict[str, dict[str, object]]:
    """The unit and party organization the report extractor makes of ``name`` ending a sentence."""
    surface = matching_text(name)
    out: dict[str, dict[str, object]] = {}
    for m in org_from_surface(surface + "。", 0, len(surface), surface, {}):
        out[m.kind] = {"uid": m.uid, "kind": m.extra.get("org_kind"), "level": m.extra.get("party_level")}
    return out


@pytest.mark.parametrize(("name", "kind"), UNITS)
def test_a_unit_has_one_kind_and_one_uid_in_both_loaders(name: str, kind: str) -> None:
    from_register = _org(name)
    from_report = _report_mentions(name)["organization"]
    assert from_register["org_kind"] == from_report["kind"] == unit_kind(name) == kind
    assert from_register["org_uid"] == from_report["uid"] == org_uid(name)


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("上海浦江实业集团有限公司党委", "committee"),
        ("区财政局党组", "committee"),
        ("某某集团党工委", "committee"),
        ("区卫健委机关党总支", "general_branch"),
        ("区农业农村委机关党支部", "branch"),
        ("某公司联合支部", "branch"),
        ("某公司第一党小组", "group"),
    ],
)
def test_a_party_organization_has_one_level_and_one_uid_in_both_loaders(name: str, level: str) -> None:
    from_register = _party(name)
    from_report = _report_mentions(name)["party_org"]
    assert from_register["party_level"] == from_report["level"] == party_level(name) == level
    assert from_register["party_uid"] == from_report["uid"] == party_uid(name)


def test_a_name_without_a_party_ending_has_no_level_and_the_register_calls_it_other() -> None:
    assert party_level("两新组织") is None
    assert _party("两新组织")["party_level"] == "other"


def test_the_longest_ending_decides_the_kind() -> None:
    # 院 alone is an institution; 学院 a school, 法院 a government organ; 办 is government, 街道办 a street office.
    assert [unit_kind(n) for n in ("某某研究院", "某某学院", "区人民法院", "区政府办", "某某街道办")] == [
        "institution",
        "school",
        "government",
        "government",
        "street_office",
    ]


LEVEL_QUERIES = ("load/merge_register_party_organizations", "load/merge_report_party_orgs")


def _level_clause(query: str) -> str:
    text = queries.get(query).text
    return text[text.index("SET p.level") :].split("\n\n")[0].split("WITH")[0].strip()


def test_both_loaders_write_a_party_level_by_the_same_rule() -> None:
    register_rule, report_rule = (_level_clause(q) for q in LEVEL_QUERIES)
    assert register_rule == report_rule
    assert "'other'" in register_rule


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("committee", "other", "committee"),  # a specific level is never replaced by other
        ("other", "branch", "branch"),  # otherwise the latest wins
        ("branch", "committee", "committee"),
        (None, "other", "other"),
    ],
)
def test_a_specific_level_is_never_replaced_by_other(
    empty_graph: Driver, first: str | None, then: str, expected: str
) -> None:
    uid = "party:测试单位党委"
    empty_graph.execute_query(
        queries.get("load/merge_register_party_organizations").text,
        rows=[{"uid": uid, "name": "测试单位党委", "level": first}],
    )
    for query in LEVEL_QUERIES:  # the register re-loads, and a report names it too: both keep the rule
        row = {
            "uid": uid,
            "name": "测试单位党委",
            "level": then,
            "owner_uid": None,
            "owner_code": None,
            "source_id": "report:t",
            "source_loc": "chars 0-6",
            "evidence": "…",
            "method": "t",
            "confidence": 1.0,
        }
        keys = ("uid", "name", "level") if "register" in query else row.keys()
        empty_graph.execute_query(queries.get(query).text, rows=[{k: row[k] for k in keys}])
        level = empty_graph.execute_query(
            "MATCH (p:PartyOrganization {uid: $uid}) RETURN p.level AS level", uid=uid
        ).records[0]["level"]
        assert level == expected
