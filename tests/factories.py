"""Test data in one place: helpers, pairings, weak designations, projects, resources and claims.

Every factory writes through parameters onto the real gazetteer codes the ``graph`` fixture loads
(Shanghai 31, Fujian 35). ``build_chongming`` lays down the small demo graph that the analysis
tests compute their expectations from by hand; its docstring is the picture those tests rely on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from neo4j import Driver

from graph.analyses import RESOURCE_NAMES_ZH

AS_OF = date(2024, 6, 30)
SOURCE_REGISTER = "register:chongming-pairings.xlsx"
SOURCE_REPORT = "report:003_9de6edaabdfc1f7f"


def organization(driver: Driver, uid: str, name: str, kind: str, district_code: str | None = None) -> str:
    driver.execute_query(
        "MERGE (o:Organization {uid: $uid}) SET o.name = $name, o.kind = $kind, o.district_code = $district",
        uid=uid,
        name=name,
        kind=kind,
        district=district_code,
    )
    return uid


def party_organization(driver: Driver, uid: str, name: str, belongs_to: str, level: str = "committee") -> str:
    driver.execute_query(
        "MATCH (o:Organization {uid: $org}) MERGE (p:PartyOrganization {uid: $uid}) "
        "SET p.name = $name, p.level = $level MERGE (p)-[:BELONGS_TO]->(o)",
        uid=uid,
        name=name,
        org=belongs_to,
        level=level,
    )
    return uid


def weak(driver: Driver, code: str, category: str = "经济薄弱村", year: int = 2023, flag: bool = True) -> None:
    """Designate a village weak; ``flag=False`` writes only the DESIGNATED_AS fact, not ``v.weak``."""
    driver.execute_query(
        "MATCH (v:Village {code: $code}) MERGE (w:WeakCategory {name: $category}) "
        "MERGE (v)-[d:DESIGNATED_AS {source_id: $source}]->(w) "
        "SET d.year = $year, d.source_loc = 'sheet 薄弱村!row 2', d.evidence = $evidence, "
        "    d.method = 'factory', d.confidence = 1.0 "
        "FOREACH (_ IN CASE WHEN $flag THEN [1] ELSE [] END | "
        "  SET v.weak = true, v.weak_categories = [c IN coalesce(v.weak_categories, []) WHERE c <> $category] + $category)",
        code=code,
        category=category,
        year=year,
        source=SOURCE_REGISTER,
        flag=flag,
        evidence=f"村代码={code}; 类别={category}",
    )


def pairing(
    driver: Driver,
    helper_uid: str,
    recipient_code: str,
    since: date | None = None,
    until: date | None = None,
    source_id: str = SOURCE_REGISTER,
    source_loc: str = "sheet 结对!row 2",
    recipient_label: str = "Village",
) -> None:
    """``(helper)-[:PAIRED_WITH]->(village or town)``; the helper may be an Organization or a PartyOrganization."""
    label = {"Village": "Village", "Town": "Town"}[recipient_label]
    driver.execute_query(
        f"MATCH (h {{uid: $helper}}) WHERE h:Organization OR h:PartyOrganization "
        f"MATCH (r:{label} {{code: $code}}) "
        "MERGE (h)-[p:PAIRED_WITH {source_id: $source, source_loc: $loc}]->(r) "
        "SET p.since = $since, p.until = $until, p.kind = '结对帮扶', p.evidence = $evidence, "
        "    p.method = 'factory', p.confidence = 1.0",
        helper=helper_uid,
        code=recipient_code,
        since=since,
        until=until,
        source=source_id,
        loc=source_loc,
        # as a register row reads: the unit's name, not its uid
        evidence=f"帮扶单位={helper_uid.split(':', 1)[-1]}; 结对村={recipient_code}",
    )


def project(
    driver: Driver,
    uid: str,
    name: str,
    funders: list[str],
    beneficiaries: list[str],
    uses: list[str],
    amount_wan: float | None = None,
    year: int = 2023,
    beneficiary_label: str = "Village",
) -> str:
    label = {"Village": "Village", "Town": "Town"}[beneficiary_label]
    driver.execute_query(
        "MERGE (p:Project {uid: $uid}) SET p.name = $name, p.year = $year, p.source_id = $source, "
        "  p.amount = $amount, p.amount_unit = CASE WHEN $amount IS NULL THEN null ELSE '万元' END, "
        "  p.amount_yuan = $amount * 10000 "
        "WITH p UNWIND $funders AS f MATCH (h {uid: f}) WHERE h:Organization OR h:PartyOrganization "
        "MERGE (h)-[r:FUNDS {source_id: $source}]->(p) SET r.evidence = $name, r.source_loc = 'chars 10-20'",
        uid=uid,
        name=name,
        year=year,
        amount=amount_wan,
        funders=funders,
        source=SOURCE_REPORT,
    )
    driver.execute_query(
        f"MATCH (p:Project {{uid: $uid}}) UNWIND $codes AS c MATCH (r:{label} {{code: c}}) "
        "MERGE (p)-[b:BENEFITS {source_id: $source}]->(r) SET b.evidence = p.name",
        uid=uid,
        codes=beneficiaries,
        source=SOURCE_REPORT,
    )
    for category in uses:
        driver.execute_query(
            "MATCH (p:Project {uid: $uid}) MERGE (r:Resource {uid: 'resource:' + $c}) "
            "SET r.name = $c, r.category = $c MERGE (p)-[:USES {source_id: $source}]->(r)",
            uid=uid,
            c=category,
            source=SOURCE_REPORT,
        )
    return uid


def provides(driver: Driver, helper_uid: str, category: str) -> None:
    driver.execute_query(
        "MATCH (h {uid: $helper}) WHERE h:Organization OR h:PartyOrganization "
        "MERGE (r:Resource {uid: 'resource:' + $c}) SET r.name = $c, r.category = $c "
        "MERGE (h)-[p:PROVIDES {source_id: $source}]->(r) SET p.evidence = $evidence",
        helper=helper_uid,
        c=category,
        source=SOURCE_REPORT,
        evidence=f"{helper_uid.split(':', 1)[-1]}提供{RESOURCE_NAMES_ZH.get(category, category)}",  # a report's sentence
    )


def claim(driver: Driver, uid: str, metric: str, value: float, scope_code: str, evidence: str) -> None:
    driver.execute_query(
        "MERGE (d:Document {uid: $source}) SET d.kind = 'report' "
        "MERGE (c:Claim {uid: $uid}) SET c.metric = $metric, c.value = $value, c.scope_code = $scope, "
        "  c.source_id = $source, c.source_loc = 'chars 300-340', c.evidence = $evidence "
        "MERGE (d)-[:CLAIMS]->(c)",
        uid=uid,
        metric=metric,
        value=value,
        scope=scope_code,
        source=SOURCE_REPORT,
        evidence=evidence,
    )


@dataclass(frozen=True)
class Chongming:
    """Keys of the demo graph, so tests name things rather than repeat codes."""

    # helpers
    civil_affairs: str = "org:崇明区民政局"
    bank: str = "org:上海农商银行崇明支行"
    bank_party: str = "party:上海农商银行崇明支行党委"
    street: str = "org:静安区南京西路街道"
    hospital: str = "org:上海市第一人民医院"
    education: str = "org:崇明区教育局"
    # villages (堡镇 310151102, 新河镇 103, 竖新镇 105, 长兴镇 116; 金山区漕泾镇 310116112)
    sixiao: str = "310151102216"  # 四滧村 weak, civil affairs
    wuxiao: str = "310151102218"  # 五滧村 weak, bank through its party committee
    panghuang: str = "310151102217"  # 彷徨村 weak, education bureau's pairing ended 2023-12-31
    mihang: str = "310151102214"  # 米行村 weak, civil affairs (twice) + bank + bank party
    yonghe: str = "310151102201"  # 永和村 civil affairs
    huayuan: str = "310151102202"  # 花园村 civil affairs
    taoyuan: str = "310151102203"  # 桃源村 civil affairs
    xinjian_xinhe: str = "310151103212"  # 新建村 (新河镇) weak, nobody
    xinjian_changxing: str = "310151116202"  # 新建村 (长兴镇) not weak, street office
    baoxi: str = "310151105201"  # 堡西村 weak, street office since 2024-01-01
    dongxin: str = "310151105202"  # 东新村 weak (designation only), hospital from 2024-09-01
    zengfeng: str = "310116112201"  # 增丰村 (金山区) weak, street office
    district: str = "310151"
    district_without_weak: str = "310112"  # 闵行区


def build_chongming(driver: Driver) -> Chongming:
    """The demo graph the analysis tests are computed from, on 2024-06-30 (``AS_OF``).

    Helpers in force: 民政局 on 四滧, 米行 (twice: register + report), 永和, 花园, 桃源 (5 villages, 1 town);
    农商银行 on 米行 directly and on 五滧 and 米行 through its 党委 (2 villages); 南京西路街道 on
    新建村/长兴, 堡西 (竖新) and 增丰 (金山区) — 3 villages, 3 towns, 2 districts. Not in force:
    教育局 → 彷徨 (ended 2023-12-31), 第一人民医院 → 东新 (starts 2024-09-01).
    Weak: 四滧, 五滧, 彷徨, 米行, 新建村/新河, 堡西, 东新 (崇明, 7) and 增丰 (金山). 闵行区 has none.
    Projects: 光伏 (民政局 → 四滧, funds, 50 万元); 医疗站 (银行党委 + 医院 → 米行, medical, 20 万元);
    助学 (教育局 → 新河镇 as a town, education). Provides: 民政局 funds, 银行 funds, 银行党委 market,
    街道 culture, 医院 medical, 教育局 education. One report claims 64 villages paired in 崇明区.
    """
    k = Chongming()
    organization(driver, k.civil_affairs, "崇明区民政局", "government", "310151")
    organization(driver, k.bank, "上海农商银行崇明支行", "enterprise", "310151")
    party_organization(driver, k.bank_party, "上海农商银行崇明支行党委", k.bank)
    organization(driver, k.street, "静安区南京西路街道", "street_office", "310106")
    organization(driver, k.hospital, "上海市第一人民医院", "institution", "310106")
    organization(driver, k.education, "崇明区教育局", "government", "310151")

    for code in (k.sixiao, k.wuxiao, k.panghuang, k.mihang, k.xinjian_xinhe, k.baoxi, k.zengfeng):
        weak(driver, code)
    weak(driver, k.dongxin, flag=False)

    since = date(2021, 1, 1)
    for row, code in enumerate((k.sixiao, k.mihang, k.yonghe, k.huayuan, k.taoyuan), start=2):
        pairing(driver, k.civil_affairs, code, since=since, source_loc=f"sheet 结对!row {row}")
    pairing(driver, k.civil_affairs, k.mihang, since=None, source_id=SOURCE_REPORT, source_loc="chars 120-126")
    pairing(driver, k.bank, k.mihang, since=date(2022, 3, 1), source_loc="sheet 结对!row 7")
    pairing(driver, k.bank_party, k.mihang, since=date(2022, 3, 1), source_loc="sheet 结对!row 8")
    pairing(driver, k.bank_party, k.wuxiao, since=date(2022, 3, 1), source_loc="sheet 结对!row 9")
    pairing(driver, k.street, k.xinjian_changxing, since=date(2023, 1, 1), source_loc="sheet 结对!row 10")
    pairing(driver, k.street, k.baoxi, since=date(2024, 1, 1), until=date(2026, 12, 31), source_loc="sheet 结对!row 11")
    pairing(driver, k.street, k.zengfeng, since=date(2023, 5, 1), source_loc="sheet 结对!row 12")
    pairing(
        driver,
        k.education,
        k.panghuang,
        since=date(2019, 1, 1),
        until=date(2023, 12, 31),
        source_loc="sheet 结对!row 13",
    )
    pairing(driver, k.hospital, k.dongxin, since=date(2024, 9, 1), source_loc="sheet 结对!row 14")

    project(driver, "project:四滧村光伏", "四滧村光伏发电项目", [k.civil_affairs], [k.sixiao], ["funds"], 50)
    project(driver, "project:米行村医疗站", "米行村医疗服务站", [k.bank_party, k.hospital], [k.mihang], ["medical"], 20)
    project(
        driver,
        "project:新河镇助学",
        "新河镇助学计划",
        [k.education],
        ["310151103"],
        ["education"],
        beneficiary_label="Town",
    )
    for helper, category in (
        (k.civil_affairs, "funds"),
        (k.bank, "funds"),
        (k.bank_party, "market"),
        (k.street, "culture"),
        (k.hospital, "medical"),
        (k.education, "education"),
    ):
        provides(driver, helper, category)
    claim(driver, "claim:chongming-villages-paired", "villages_paired", 64, "310151", "报告所称崇明区结对村数：64")
    return k


def review_mention(driver: Driver) -> str:
    """A report that names 红星村 in 崇明区, which has two (中兴镇 310151109203, 长兴镇 310151116216):
    an ambiguous, unresolved village that the review queue lists under the key '红星村@310151'."""
    key = "红星村@310151"
    driver.execute_query(
        "MERGE (d:Document {uid: $source}) SET d.kind = 'report' "
        "MERGE (v:Village {uid: 'unresolved:' + $key}) "
        "SET v.name = '红星村', v.resolved = false, v.status = 'ambiguous', "
        "    v.candidate_codes = ['310151109203', '310151116216'] "
        "MERGE (d)-[m:MENTIONS {source_id: $source, source_loc: 'chars 40-43'}]->(v) "
        "SET m.start = 40, m.end = 43, m.surface = '红星村', m.review_key = $key, m.method = 'gazetteer_ambiguous', "
        "    m.confidence = 0.5, m.evidence = '区农业农村委与红星村签订结对协议。'",
        source=SOURCE_REPORT,
        key=key,
    )
    return key


# A short report in the words the extractor reads: a unit in 崇明区 pairs with 红星村, sends it a first
# secretary and funds a project; 崇明区 has two 红星村 (中兴镇, 长兴镇), so the village stays ambiguous
# until a person decides. Invented text, not a corpus report.
AMBIGUOUS_REPORT = (
    "上海市崇明区乡村振兴工作简报\n"
    "崇明区农业农村委与红星村签订结对协议，选派张伟担任红星村第一书记，投入50万元建设红星村光伏路灯项目。\n"
)


def ambiguous_report(driver: Driver, folder: Path, gazetteer_dir: Path) -> Path:
    """Load ``AMBIGUOUS_REPORT`` through the report loader, as ``revkg load reports`` would; returns its file."""
    from loaders import reports
    from loaders.places import PlaceIndex

    path = folder / "简报_红星村.txt"
    path.write_text(AMBIGUOUS_REPORT, encoding="utf-8")
    reports.load(driver, [path], PlaceIndex.from_gazetteer(gazetteer_dir, ["31"]))
    return path
