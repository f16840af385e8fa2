"""Units and party organizations, classified from their names: one rule for every loader.

The register loader (``loaders/register/``) and the report loader (``loaders/reports/``) both
name units (单位) and party organizations (党组织). A unit named by both must become one node with
one kind, so the kind, the party-organization level and the uid all come from here.

- ``unit_kind``: government, street_office, enterprise, school, institution or other, from the
  longest suffix of ``UNIT_KIND_SUFFIXES`` the name ends with.
- ``party_level``: committee, general_branch, branch or group from ``PARTY_SUFFIXES``; None when
  the name has no party-organization ending (the register, whose column says it is a party
  organization, reads that as "other").
- ``org_uid`` / ``party_uid``: ``org:`` / ``party:`` + ``name_key`` (NFKC, simplified, no spaces,
  brackets or quotes), so ``玫琳凯（中國）有限公司`` and ``玫琳凯(中国)有限公司`` are one unit.

Re-loading a party organization follows one rule in both loaders' Cypher
(``cypher/load/merge_*party_org*.cypher``): a specific level is never replaced by "other";
otherwise the latest load's level wins.
"""

from __future__ import annotations

from loaders.places import name_key

__all__ = ["PARTY_SUFFIXES", "UNIT_KIND_SUFFIXES", "name_key", "org_uid", "party_level", "party_uid", "unit_kind"]

# Name endings → unit kind. The longest ending a name has decides (学院 is a school although 院 alone
# is an institution; 街道办 is a street office although 办 alone is government), so the order
# here does not matter. The union of the two loaders' former tables; where they disagreed:
#   合作社 (a farmers' cooperative): "other" — a body of the village's own farmers under the
#     cooperatives law, not a firm; the register loader and its tests already said so.
#   党校 (party school): "school", as the report loader had it.
#   支行 / 分行 (bank branches): "enterprise", like 银行.
UNIT_KIND_SUFFIXES: dict[str, str] = {
    # street offices (街道办事处): the usual urban helper
    "街道": "street_office",
    "街道办事处": "street_office",
    "街道办": "street_office",
    # enterprises
    "公司": "enterprise",
    "集团": "enterprise",
    "厂": "enterprise",
    "银行": "enterprise",
    "支行": "enterprise",
    "分行": "enterprise",
    # schools
    "学校": "school",
    "中学": "school",
    "小学": "school",
    "大学": "school",
    "学院": "school",
    "幼儿园": "school",
    "党校": "school",
    # government organs
    "局": "government",
    "委": "government",
    "委员会": "government",
    "办": "government",
    "办公室": "government",
    "部": "government",
    "政府": "government",
    "人大": "government",
    "政协": "government",
    "法院": "government",
    "检察院": "government",
    "厅": "government",
    # public institutions (事业单位)
    "中心": "institution",
    "医院": "institution",
    "所": "institution",
    "院": "institution",
    "站": "institution",
    "馆": "institution",
    "研究院": "institution",
    "研究所": "institution",
}
_LONGEST_SUFFIX_FIRST = sorted(UNIT_KIND_SUFFIXES, key=len, reverse=True)

# Party-organization endings → level, in the order the report extractor tries them when it cuts
# the ending off a name (联合支部 before 支部). Endings never overlap with a different level.
# 党组 (the leading party group of a state organ, 区财政局党组) is "committee": it is the organ's top
# party body, as a 党委 is a town's or a company's — not a branch, and more than "other".
PARTY_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("党总支", "general_branch"),
    ("党支部", "branch"),
    ("联合支部", "branch"),
    ("支部", "branch"),
    ("党委", "committee"),
    ("党组", "committee"),
    ("党小组", "group"),
    ("党工委", "committee"),
)


def unit_kind(name: str) -> str:
    """government, street_office, enterprise, school, institution or other, from the name's ending.

    >>> [unit_kind(n) for n in ("静安寺街道", "鼎捷软件股份有限公司", "区绿化管理中心", "盒马", "某某学院",
    ...                         "区人民医院", "区人民法院", "某农民专业合作社", "区委党校")]
    ['street_office', 'enterprise', 'institution', 'other', 'school', 'institution', 'government', 'other', 'school']
    """
    key = name_key(name)
    for suffix in _LONGEST_SUFFIX_FIRST:
        if key.endswith(suffix):
            return UNIT_KIND_SUFFIXES[suffix]
    return "other"


def party_level(name: str) -> str | None:
    """committee, general_branch, branch or group from the name's ending; None if it has none.

    >>> party_level("崇明区农业农村委机关党支部"), party_level("堡镇党委"), party_level("区财政局党组")
    ('branch', 'committee', 'committee')
    >>> party_level("某公司党总支"), party_level("某联合支部"), party_level("两新组织") is None
    ('general_branch', 'branch', True)
    """
    key = name_key(name)
    for suffix, level in PARTY_SUFFIXES:
        if key.endswith(suffix):
            return level
    return None


def org_uid(name: str) -> str:
    """The uid of a unit: ``org:`` + its name key.

    >>> org_uid("玫琳凯（中國）有限公司")
    'org:玫琳凯中国有限公司'
    """
    return "org:" + name_key(name)


def party_uid(name: str) -> str:
    """The uid of a party organization named in full: ``party:`` + its name key."""
    return "party:" + name_key(name)
