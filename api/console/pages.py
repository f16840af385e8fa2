"""What each console page shows, gathered from ``graph/`` (the analyses the JSON API runs) and shaped
for its template. No Cypher here: every fact comes through ``graph.analyses``, ``graph.search``,
``graph.decisions`` and ``graph.review``.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import quote, urlencode

from neo4j import Driver

from api.console import maps, pictures
from graph import analyses, decisions, review
from graph.errors import NotFound
from graph.messages import date_text
from graph.search import search

Row = dict[str, Any]

# How much a page lists before it says "and N more" (the XLSX downloads hold every row).
UNCOVERED_SHOWN = 300
HELPERS_SHOWN = 50
CLUSTERS_DRAWN = 6
SUGGESTIONS_PER_VILLAGE = 5

# Planners read times as Beijing time (China keeps one zone and no daylight saving).
BEIJING = timezone(timedelta(hours=8), "北京时间")

LEVEL_OF_LENGTH = {2: "province", 4: "city", 6: "district"}
LABEL_ZH = {
    "Village": "村",
    "Town": "街镇",
    "District": "区县",
    "City": "市",
    "Province": "省",
    "Organization": "帮扶单位",
    "PartyOrganization": "党组织",
}
RELATIONSHIP_ZH = {
    "PAIRED_WITH": "结对",
    "DESIGNATED_AS": "认定",
    "BENEFITS": "受益项目",
    "HOLDS": "任职",
    "MENTIONS": "报告提及",
    "FUNDS": "出资",
    "BELONGS_TO": "隶属",
    "PROVIDES": "提供资源",
}


def query_string(**params: Any) -> str:
    """``?a=1&b=x`` for the parameters that are set (dates as ISO text), or ''.

    >>> query_string(as_of=date(2024, 6, 30), district="310151", format=None)
    '?as_of=2024-06-30&district=310151'
    """
    given = {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items() if v not in (None, "")}
    return "?" + urlencode(given) if given else ""


def href_for_hit(label: str, key: str) -> str:
    """The console page of a search hit.

    >>> href_for_hit("Town", "310151102"), href_for_hit("Organization", "org:崇明区民政局")
    ('/district/310151#town-310151102', '/helper/org%3A%E5%B4%87%E6%98%8E%E5%8C%BA%E6%B0%91%E6%94%BF%E5%B1%80')
    """
    if label == "Village":
        return f"/village/{quote(key, safe='')}"
    if label == "Town":
        return f"/district/{key[:6]}#town-{key}"
    if label == "District":
        return f"/district/{key}"
    if label in ("Province", "City"):
        return f"/area/{key}"
    return f"/helper/{quote(key, safe='')}"


def find(driver: Driver, q: str, database: str) -> list[Row]:
    """Search hits (as ``GET /search`` finds them), each with the page it opens."""
    hits = search(driver, q, 50, database)
    return [
        {**hit, "href": href_for_hit(hit["label"], hit["key"]), "label_zh": LABEL_ZH.get(hit["label"], hit["label"])}
        for hit in hits
    ]


def _total(rows: list[Row]) -> Row:
    """The rows' villages, weak villages and paired weak villages added up, with the ratio.

    >>> _total([{"villages": 2, "weak_villages": 2, "paired_weak_villages": 1},
    ...         {"villages": 1, "weak_villages": 0, "paired_weak_villages": 0}])
    {'villages': 3, 'weak_villages': 2, 'paired_weak_villages': 1, 'unresolved_villages': 0, 'coverage_ratio': 0.5}
    """
    total = {key: sum(r[key] for r in rows) for key in ("villages", "weak_villages", "paired_weak_villages")}
    total["unresolved_villages"] = sum(r.get("unresolved_villages", 0) for r in rows)
    weak = total["weak_villages"]
    return {**total, "coverage_ratio": round(total["paired_weak_villages"] / weak, 3) if weak else None}


# The national and provincial overviews add up every weak village of their scope (about a second
# nationally); they are kept this long per process (REVKG_OVERVIEW_KEPT_S) and say when they were
# worked out.
OVERVIEW_KEPT_S = 60.0
_overviews: dict[tuple[str | None, date | None], tuple[float, Row]] = {}


def forget_overviews() -> None:
    """Drop the kept overviews (tests that change the graph between pages)."""
    _overviews.clear()


def overview(
    driver: Driver, code: str | None, as_of: date | None, database: str, kept_s: float = OVERVIEW_KEPT_S
) -> Row:
    """Coverage of weak villages per province (全国), per city (省) or per district (市, or a
    province of one city such as 上海市), with the path back up.

    Raises:
        NotFound: no province or city has ``code``.
    """
    level = "country" if code is None else LEVEL_OF_LENGTH.get(len(code))
    if level not in ("country", "province", "city"):
        raise NotFound(code="console.not_an_area_code", area=code)
    kept = _overviews.get((code, as_of))
    if kept is not None and time.monotonic() - kept[0] < kept_s:
        return kept[1]
    names = analyses.area_names(driver, [code[:2], code[:4]] if code else [], database)
    if code is not None and code not in names:
        raise NotFound(code="console.area_not_found", area=code)
    rows: list[Row] = []
    child = "district"
    if level == "country":
        rows, child = analyses.coverage_by_area(driver, as_of, None, database), "province"
    # a municipality (上海市) lists its districts: its "cities" are only 市辖区 and 县
    elif code is not None and level == "province" and not names[code].endswith("市"):
        rows, child = analyses.coverage_by_area(driver, as_of, code, database), "city"
    if child == "district":
        _, rows = analyses.coverage_page(driver, as_of, "district", code, database)
    else:
        names.update(analyses.area_names(driver, [r["code"] for r in rows], database))
        for row in rows:
            row["name"] = names.get(row["code"], row["code"])
    for row in rows:
        row["href"] = (f"/district/{row['code']}" if child == "district" else f"/area/{row['code']}") + query_string(
            as_of=as_of
        )
        row["bar"] = pictures.bar_width(row["coverage_ratio"], 1.0)
    crumbs = [{"name": "全国", "href": "/" + query_string(as_of=as_of)}]
    if code is not None:
        crumbs.append({"name": names[code[:2]], "href": f"/area/{code[:2]}" + query_string(as_of=as_of)})
        if len(code) == 4:
            crumbs.append({"name": names.get(code, code), "href": f"/area/{code}" + query_string(as_of=as_of)})
    coverage_xlsx = "/analyses/coverage" + query_string(parent=code, as_of=as_of, format="xlsx")
    prefix = code or ""
    drawn = maps.coverage_map(
        prefix,
        analyses.weak_coverage_by_district(driver, as_of, prefix, database),
        lambda district: f"/district/{district}" + query_string(as_of=as_of),
        {row["code"] for row in rows},
    )
    data = {
        "level": level,
        "child": child,
        "code": code,
        "rows": rows,
        "crumbs": crumbs,
        "title": crumbs[-1]["name"],
        "totals": _total(rows) if rows else None,
        "coverage_xlsx": coverage_xlsx,
        "map": drawn,
        "computed_at": datetime.now(BEIJING).strftime("%H:%M:%S"),
        "kept_s": int(kept_s) if child != "district" else 0,
    }
    if child != "district":
        _overviews[(code, as_of)] = (time.monotonic(), data)
    return data


def district(driver: Driver, code: str, as_of: date | None, database: str, only_town: str | None = None) -> Row:
    """A district's figures, uncovered weak villages, coverage per town, helper load and clusters.

    Raises:
        NotFound: no district has ``code``.
    """
    names = analyses.area_names(driver, [code, code[:2], code[:4]], database)
    if len(code) != 6 or code not in names:
        raise NotFound(code="console.district_not_found", district=code)
    _, siblings = analyses.coverage_page(driver, as_of, "district", code[:4], database)
    figures = next((row for row in siblings if row["code"] == code), None)
    uncovered_total, uncovered = analyses.uncovered_weak_villages_page(
        driver, as_of, code, only_town or None, 3, database, limit=UNCOVERED_SHOWN
    )
    _, towns = analyses.coverage_page(driver, as_of, "town", code, database)
    helpers_total, helpers = analyses.helper_load_page(driver, as_of, code, database=database, limit=HELPERS_SHOWN)
    for village in uncovered:
        village["href"] = f"/village/{quote(village['code'] or village['village_uid'], safe='')}" + query_string(
            as_of=as_of
        )
    for town in towns:
        town["bar"] = pictures.bar_width(town["coverage_ratio"], 1.0)
    for helper in helpers:
        helper["href"] = f"/helper/{quote(helper['uid'], safe='')}" + query_string(as_of=as_of)
    scoped = {"district": code, "as_of": as_of, "format": "xlsx"}
    uncovered_scope = {"district": code, "town": only_town or None, "as_of": as_of, "format": "xlsx"}
    crumbs = [
        {"name": "全国", "href": "/" + query_string(as_of=as_of)},
        {"name": names.get(code[:2], code[:2]), "href": f"/area/{code[:2]}" + query_string(as_of=as_of)},
    ]
    if names.get(code[:4]) not in (None, "市辖区", "县"):
        crumbs.append({"name": names[code[:4]], "href": f"/area/{code[:4]}" + query_string(as_of=as_of)})
    return {
        "code": code,
        "name": names[code],
        "crumbs": crumbs,
        "figures": figures,
        "uncovered": uncovered,
        "uncovered_total": uncovered_total,
        "town": only_town or "",
        "towns": towns,
        "town_chart": pictures.town_chart(towns),
        "helpers": helpers,
        "helpers_total": helpers_total,
        # Community detection is the page's slowest part: the pictures come as a fragment once the page is shown
        "clusters_href": "/clusters" + query_string(district=code, as_of=as_of),
        "downloads": {
            "uncovered": "/analyses/uncovered-weak-villages" + query_string(**uncovered_scope),
            # as many candidates per village as the page shows
            "suggestions": "/analyses/pairing-suggestions"
            + query_string(**scoped, per_village=SUGGESTIONS_PER_VILLAGE),
            "towns": "/analyses/coverage" + query_string(level="town", parent=code, as_of=as_of, format="xlsx"),
            "helpers": "/analyses/helper-load" + query_string(**scoped),
            "clusters": "/analyses/shared-resource-clusters" + query_string(**scoped),
        },
    }


def clusters(driver: Driver, district: str, as_of: date | None, database: str) -> Row:
    """A district's shared-resource clusters as small network pictures (the biggest first)."""
    found = analyses.shared_resource_clusters(driver, as_of, district, database=database)
    return {"clusters": [pictures.cluster_picture(c) for c in found[:CLUSTERS_DRAWN]], "clusters_total": len(found)}


def suggestions(driver: Driver, village: str, as_of: date | None, database: str) -> list[Row]:
    """Ranked candidate helpers for one village, with reasons (``GET /analyses/pairing-suggestions``)."""
    rows = analyses.pairing_suggestions(
        driver, as_of, village, None, analyses.CAPACITY, SUGGESTIONS_PER_VILLAGE, database
    )
    for row in rows:
        row["href"] = f"/helper/{quote(row['helper_uid'], safe='')}"
    return rows


def _dated(value: Any, unknown: date = date.max) -> date:
    """``value`` when it is a date, else ``unknown`` (an open end).

    >>> _dated(date(2024, 1, 1)), _dated(None), _dated("2023年", date.min)
    (datetime.date(2024, 1, 1), datetime.date(9999, 12, 31), datetime.date(1, 1, 1))
    """
    return value if isinstance(value, date) else unknown


def village(driver: Driver, code: str, as_of: date | None, database: str) -> Row:
    """A village: path, weak categories, pairings over time, projects, leaders, evidence, decisions."""
    profile = analyses.village_profile(driver, code, as_of, database)
    key = profile["code"] or profile["uid"]
    recorded = {d["uid"]: d for d in decisions.decisions(driver, key, 200, database)}
    in_force = {(h["source_id"], h["source_loc"]) for h in profile["helpers"]}
    pairings = []
    for fact in profile["evidence"]:
        if fact["relationship"] != "PAIRED_WITH" or fact["direction"] != "in":
            continue
        decision = recorded.get(fact["source_loc"]) if fact["source_id"] == decisions.PLANNER_SOURCE else None
        pairings.append(
            {
                "helper": fact["other_name"],
                "helper_uid": fact["other_key"],
                "since": fact["since"],
                "until": fact["until"],
                # As the register wrote it: a pairing dated 2023年3月 shows so, not as 2023-03-01.
                "since_text": date_text(fact["since"], fact.get("since_precision")),
                "until_text": date_text(fact["until"], fact.get("until_precision")),
                "source_id": fact["source_id"],
                "source_loc": fact["source_loc"],
                "evidence": fact["evidence"],
                "method": fact["method"],
                "in_force": (fact["source_id"], fact["source_loc"]) in in_force,
                "planner": fact["source_id"] == decisions.PLANNER_SOURCE,
                "decision": decision,
                "href": f"/helper/{quote(fact['other_key'] or '', safe='')}",
            }
        )
    pairings.sort(key=lambda p: (p["since"] or date.min, p["helper"] or ""))
    day = as_of or date.today()
    # a post that ended (until before the day) is not shown as current; current ones first
    leaders = [
        {**f, "ended": _dated(f["until"]) < day, "not_yet": _dated(f["since"], date.min) > day}
        for f in profile["evidence"]
        if f["relationship"] == "HOLDS"
    ]
    leaders.sort(key=lambda f: (f["ended"] or f["not_yet"], f["other_name"] or ""))
    uncovered = profile["weak"] and not profile["helpers"]
    return {
        "profile": profile,
        "key": key,
        "pairings": pairings,
        "leaders": leaders,
        "timeline": pictures.timeline(pairings, day) if pairings else None,
        "decisions": list(recorded.values()),
        "uncovered": uncovered,
        "suggestions": suggestions(driver, key, as_of, database) if profile["weak"] else [],
        "evidence": profile["evidence"],
        "day": day,
        "district_href": f"/district/{profile['district_code']}" + query_string(as_of=as_of)
        if profile["district_code"]
        else None,
    }


def helper(driver: Driver, uid: str, as_of: date | None, database: str) -> Row:
    """A helper: its villages, projects, money, spread, party organizations and evidence."""
    profile = analyses.organization_profile(driver, uid, as_of, database)
    profile["evidence"] = analyses.evidence(driver, uid, database)
    for pairing in profile["pairings"]:
        pairing["href"] = (
            f"/village/{quote(pairing['key'] or '', safe='')}"
            if pairing["label"] == "Village"
            else f"/district/{(pairing['key'] or '')[:6]}#town-{pairing['key']}"
        )
    money = sum(p["amount_yuan"] or 0 for p in profile["projects"])
    towns = {p["town"] for p in profile["pairings"] if p["town"]}
    crumbs = [{"name": "全国", "href": "/" + query_string(as_of=as_of)}]
    home = profile.get("district_code")
    if home:  # where the unit is based: its province and district
        names = analyses.area_names(driver, [home[:2], home], database)
        if home[:2] in names:
            crumbs.append({"name": names[home[:2]], "href": f"/area/{home[:2]}" + query_string(as_of=as_of)})
        if home in names:
            crumbs.append({"name": names[home], "href": f"/district/{home}" + query_string(as_of=as_of)})
    return {
        "crumbs": crumbs,
        "name": profile["name"],
        "profile": profile,
        "money_yuan": money,
        "towns": sorted(towns),
        "villages": sum(1 for p in profile["pairings"] if p["label"] == "Village"),
        "weak_villages": sum(1 for p in profile["pairings"] if p["label"] == "Village" and p["weak"]),
    }


def review_queue(driver: Driver, database: str) -> list[Row]:
    """What ``revkg review`` lists, with the decision already taken on each."""
    return review.review_items(driver, review.REVIEW_CONFIDENCE, database)


PLAN_LEVELS = {6: "district", 4: "city", 2: "province"}


def plan(
    driver: Driver,
    code: str,
    as_of: date | None,
    capacity: int,
    fixed: list[str],
    skipped: list[str],
    database: str,
) -> Row:
    """The pairing plan of a district or city (or province): the rows with reasons, the helpers'
    loads before and after as a chart, the comparison with greedy, and the links that re-solve it
    with a row set aside (``skip``) or a helper swapped in (``fix``).

    Raises:
        NotFound: no district, city or province has ``code``.
    """
    made = analyses.pairing_plan(
        driver,
        code,
        as_of,
        capacity,
        fixed=analyses.parse_pairs(fixed),
        skipped=skipped,
        database=database,
    )

    def again(**change: list[str]) -> str:
        """This page re-solved with one more village set aside or one more pair fixed."""
        params = {"as_of": as_of, "capacity": capacity, "fix": fixed, "skip": skipped}
        for key, more in change.items():
            params[key] = [*params[key], *more]  # type: ignore[misc]  # the two list-valued params
        given = {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items() if v not in (None, "", [])}
        return f"/plan/{code}?" + urlencode(given, doseq=True)

    for row in made.rows:
        village = row["village_code"] or row["village_uid"]
        row["href"] = f"/village/{quote(village, safe='')}" + query_string(as_of=as_of)
        row["helper_href"] = f"/helper/{quote(row['helper_uid'], safe='')}" + query_string(as_of=as_of)
        row["untick_href"] = again(skip=[row["village_uid"]])
        row["swaps"] = [
            {**c, "href": again(fix=[f"{row['village_uid']}:{c['helper_uid']}"])}
            for c in made.candidates.get(row["village_uid"], [])
            if c["helper_uid"] != row["helper_uid"]
        ]
    for short in made.infeasible:
        short["href"] = f"/village/{quote(short['village_code'] or short['village_uid'], safe='')}"
    scope = made.scope
    back = (f"/district/{scope['code']}" if scope["level"] == "district" else f"/area/{scope['code']}") + query_string(
        as_of=as_of
    )
    return {
        "plan": made,
        "code": code,
        "capacity": capacity,
        "back": back,
        "chart": pictures.load_chart(made.helpers),
        "reset_href": f"/plan/{code}" + query_string(as_of=as_of, capacity=capacity),
        "xlsx": "/analyses/pairing-plan"
        + "?"
        + urlencode(
            {
                PLAN_LEVELS.get(len(code), "district"): code,
                "capacity": capacity,
                "format": "xlsx",
                **({"as_of": as_of.isoformat()} if as_of else {}),
            }
        )
        + "".join(f"&fix={quote(f, safe='')}" for f in fixed)
        + "".join(f"&skip={quote(s, safe='')}" for s in skipped),
        "day": (as_of or date.today()).isoformat(),
    }
