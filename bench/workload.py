"""A deterministic national workload over the real code table, written as planners' registers.

``generate(data_dir, out_dir, scale, seed, provinces)`` writes one register file per kind and
province (``pairings_31.csv``, ``weak_31.csv``, ``projects_31.csv``, ``leaders_31.csv``), with
the Chinese headers of ``docs/registers.md``, UTF-8, every value as text. At ``scale = 1.0``:

- weak designations for ~20% of all village-level units, only 村委会 (communities are not
  designated), skewed by region (west > centre > east);
- ~1,000,000 pairings from ~150,000 helper units: most pair 1–5 villages, a long tail dozens; ~30%
  name their party organization and half of those pair *as* the party organization (结对主体 =
  党组织); ~15% of pairings ended; ~2% pair a town rather than a village; ~10% of village rows give
  no code (name, town and district only), as many real registers do; weak villages are favoured;
- ~300,000 projects by helpers for villages they pair with, amounts in 万元;
- ~200,000 first secretaries (第一书记) sent by a helper to a village it pairs with, with terms.

The same seed, scale and code table give byte-identical files.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from loaders import gazetteer

NATIONAL = {"pairings": 1_000_000, "helpers": 150_000, "projects": 300_000, "leaders": 200_000}
WEAK_SHARE = 0.20

# The columns each register is written with (docs/registers.md; a real 台账 has 序号 and 备注 too).
COLUMNS = {
    "pairings": [
        "序号",
        "帮扶单位",
        "党组织",
        "结对主体",
        "区",
        "镇",
        "村",
        "村代码",
        "开始日期",
        "结束日期",
        "轮次",
        "结对形式",
        "备注",
    ],
    "weak": ["序号", "区", "镇", "村", "村代码", "类别", "年度"],
    "projects": ["序号", "帮扶单位", "区", "镇", "村", "村代码", "项目名称", "项目类别", "金额（万元）", "年度"],
    "leaders": ["序号", "姓名", "职务", "派出单位", "区", "镇", "村", "村代码", "任职日期", "离任日期"],
}

# Relative likelihood that a 村 is designated weak, by province (western, central, eastern China).
_WEST = {"45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "15"}
_EAST = {"11", "12", "31", "32", "33", "35", "37", "44", "46", "21"}
_REGION_WEIGHT = {"west": 3.0, "centre": 1.8, "east": 0.7}
# Helpers from the east pair across regions (东西部协作) as well as at home.
_ORG_SUFFIXES = (
    "农业农村委",
    "教育局",
    "卫生健康委",
    "财政局",
    "商务委",
    "发展和改革委",
    "人力资源和社会保障局",
    "民政局",
    "交通委",
    "住房和城乡建设管理委",
    "规划和自然资源局",
    "生态环境局",
    "文化和旅游局",
    "市场监督管理局",
    "统计局",
    "税务局",
    "机关事务管理局",
    "总工会",
    "团委",
    "妇联",
    "科学技术委员会",
    "司法局",
)
_ENTERPRISE_WORDS = (
    "华",
    "申",
    "浦",
    "江",
    "海",
    "远",
    "恒",
    "泰",
    "鑫",
    "盛",
    "达",
    "通",
    "光",
    "明",
    "宏",
    "兴",
    "瑞",
    "丰",
    "安",
    "康",
    "新",
    "城",
    "建",
    "投",
    "科",
    "电",
    "能",
    "信",
    "银",
    "联",
)
_ENTERPRISE_TYPES = (
    "实业集团有限公司",
    "建设集团有限公司",
    "投资有限公司",
    "科技股份有限公司",
    "电力有限公司",
    "农业发展有限公司",
    "物流有限公司",
    "医药有限公司",
    "支行",
    "供电公司",
)
_SCHOOL_TYPES = ("中学", "小学", "职业技术学院", "人民医院", "中心医院", "卫生服务中心", "疾病预防控制中心")
_PARTY_SUFFIXES = ("机关党委", "党委", "党总支", "第一党支部", "机关党支部", "党支部")
_PAIRING_KINDS = ("结对帮扶", "结对帮扶", "结对帮扶", "结对共建", "联建", "挂钩帮扶")
_ROUNDS = (
    (dt.date(2018, 1, 1), dt.date(2020, 12, 31), "第一轮"),
    (dt.date(2021, 1, 1), dt.date(2023, 12, 31), "第二轮"),
    (dt.date(2024, 1, 1), dt.date(2026, 12, 31), "第三轮"),
)
_PROJECTS = (
    ("村道硬化", "基础设施"),
    ("桥梁修缮", "基础设施"),
    ("农田水利改造", "基础设施"),
    ("自来水管网", "基础设施"),
    ("光伏发电", "产业发展"),
    ("特色种植基地", "产业发展"),
    ("农产品冷库", "产业发展"),
    ("电商服务站", "产业发展"),
    ("民宿改造", "产业发展"),
    ("养殖合作社", "产业发展"),
    ("校舍修缮", "教育"),
    ("助学金", "教育"),
    ("村卫生室", "医疗"),
    ("义诊", "医疗"),
    ("文化活动室", "文化"),
    ("农家书屋", "文化"),
    ("消费帮扶", "消费帮扶"),
    ("就业培训", "就业"),
    ("人居环境整治", "人居环境"),
    ("党群服务中心", "党建"),
)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲丹鹏辉建国志文斌宇浩凯健俊帆帅旭宁"


@dataclass
class Gazetteer:
    """What the generator needs of the code table, in file order."""

    villages: list[tuple[str, str, str]] = field(default_factory=list)  # code, short name, kind
    towns: dict[str, str] = field(default_factory=dict)  # code → name
    districts: dict[str, str] = field(default_factory=dict)  # code → name
    villages_by_town: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def read(cls, data_dir: Path, provinces: Iterable[str] | None = None) -> Gazetteer:
        g = cls()
        for r in gazetteer.read(data_dir, provinces):
            if r.level == "village":
                g.villages_by_town[r.code[:9]].append(len(g.villages))
                g.villages.append((r.code, r.name, r.kind or "village"))
            elif r.level == "town":
                g.towns[r.code] = r.name
            elif r.level == "district":
                g.districts[r.code] = r.name
        return g


def _region(province: str) -> str:
    return "west" if province in _WEST else "east" if province in _EAST else "centre"


@dataclass
class Helper:
    name: str
    party: str | None
    via_party: bool
    home: str  # province code


def _helper_names(rng: random.Random, g: Gazetteer, n: int) -> list[tuple[str, str]]:
    """``n`` distinct unit names, each with the province it sits in (weighted towards the east)."""
    districts = sorted(g.districts.items())
    weights = [4.0 if c[:2] in _EAST else 1.0 for c, _ in districts]
    cum = list(accumulate(weights))
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    while len(out) < n:
        code, dname = districts[bisect_left(cum, rng.random() * cum[-1])]
        roll = rng.random()
        if roll < 0.45:
            name = dname + rng.choice(_ORG_SUFFIXES)
        elif roll < 0.8:
            name = dname.rstrip("区县市") + "".join(rng.sample(_ENTERPRISE_WORDS, 2)) + rng.choice(_ENTERPRISE_TYPES)
        else:
            name = dname.rstrip("区县市") + rng.choice("第一二三四五六七八九十") + rng.choice(_SCHOOL_TYPES)
        if name in seen:  # many districts share suffixes; a branch number keeps names distinct
            name = f"{name[:-2]}第{len(out) % 997 + 1}分部{name[-2:]}" if name in seen else name
        if name in seen:
            continue
        seen.add(name)
        out.append((name, code[:2]))
    return out


def _pairing_count(rng: random.Random) -> int:
    """Villages one helper pairs with: mostly 1–5, a quarter 6–20, a long tail of dozens."""
    roll = rng.random()
    if roll < 0.70:
        return rng.randint(1, 5)
    if roll < 0.95:
        return rng.randint(6, 20)
    return int(min(120, 20 + rng.paretovariate(1.6) * 12))


def _date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))


class _Writer:
    """One CSV file per kind and province, opened on first use."""

    def __init__(self, out_dir: Path, kind: str):
        self.out_dir, self.kind = out_dir, kind
        self.files: dict[str, tuple[object, csv.writer, list[int]]] = {}  # type: ignore[valid-type]

    def row(self, province: str, values: list[str]) -> None:
        entry = self.files.get(province)
        if entry is None:
            handle = open(self.out_dir / f"{self.kind}_{province}.csv", "w", encoding="utf-8", newline="")
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(COLUMNS[self.kind])
            entry = (handle, writer, [0])
            self.files[province] = entry
        entry[2][0] += 1
        entry[1].writerow([str(entry[2][0]), *values])

    def close(self) -> dict[str, int]:
        counts = {}
        for province, (handle, _, n) in sorted(self.files.items()):
            handle.close()  # type: ignore[attr-defined]
            counts[province] = n[0]
        return counts


def generate(
    data_dir: Path, out_dir: Path, *, scale: float = 1.0, seed: int = 20231, provinces: Iterable[str] | None = None
) -> dict[str, Any]:
    """Write the registers; returns counts per kind and per province, and the helper count."""
    rng = random.Random(seed)
    g = Gazetteer.read(data_dir, provinces)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.csv"):
        old.unlink()
    n_villages = len(g.villages)

    def place(i: int) -> tuple[str, str, str, str]:
        code, name, _ = g.villages[i]
        return code, name, g.towns[code[:9]], g.districts[code[:6]]

    # Weak designations: only 村, probability by region, normalised to WEAK_SHARE of all units.
    rural = [i for i, v in enumerate(g.villages) if v[2] == "village"]
    total_weight = sum(_REGION_WEIGHT[_region(g.villages[i][0][:2])] for i in rural) or 1.0
    factor = WEAK_SHARE * n_villages / total_weight
    weak: list[int] = []
    weak_writer = _Writer(out_dir, "weak")
    for i in rural:
        if rng.random() < min(0.95, factor * _REGION_WEIGHT[_region(g.villages[i][0][:2])]):
            weak.append(i)
            code, name, town, district = place(i)
            category = "经济薄弱村" if rng.random() < 0.85 else rng.choice(("软弱涣散村", "脱贫村", "重点帮扶村"))
            weak_writer.row(code[:2], [district, town, name, code, category, str(rng.choice((2022, 2023, 2023, 2024)))])
    weak_counts = weak_writer.close()

    # Helpers and their pairings, until the pairing target is reached.
    target = max(1, round(NATIONAL["pairings"] * scale))
    n_helpers = max(1, round(NATIONAL["helpers"] * scale))
    names = _helper_names(rng, g, n_helpers)
    by_province: dict[str, list[int]] = defaultdict(list)
    for i in range(n_villages):
        by_province[g.villages[i][0][:2]].append(i)
    weak_by_province: dict[str, list[int]] = defaultdict(list)
    for i in weak:
        weak_by_province[g.villages[i][0][:2]].append(i)
    west = sorted(p for p in by_province if _region(p) == "west") or sorted(by_province)
    helpers: list[Helper] = []
    paired: list[list[int]] = []  # village indexes each helper pairs with
    pair_writer = _Writer(out_dir, "pairings")
    made = 0
    h = 0
    while made < target:
        name, home = names[h % len(names)]
        if h >= len(names):  # more pairings than the helper names planned for: reuse helpers
            name = f"{name}（{h // len(names) + 1}）"
        h += 1
        party = None
        if rng.random() < 0.3:
            party = name + rng.choice(_PARTY_SUFFIXES)
        helper = Helper(name, party, party is not None and rng.random() < 0.5, home)
        helpers.append(helper)
        count = min(_pairing_count(rng), target - made)
        own = home if home in by_province else rng.choice(sorted(by_province))
        far = own if _region(own) == "west" or rng.random() < 0.5 else rng.choice(west)
        region = far if far in by_province else own
        villages: list[int] = []
        for _ in range(count):
            pool = weak_by_province[region] if weak_by_province[region] and rng.random() < 0.5 else by_province[region]
            villages.append(rng.choice(pool))
        villages = sorted(set(villages))
        paired.append(villages)
        for i in villages:
            code, vname, town, district = place(i)
            start, end, programme = rng.choice(_ROUNDS)
            since = _date(rng, start, start + dt.timedelta(days=180))
            ended = programme != "第三轮" and rng.random() < 0.4
            until = end.isoformat() if ended else ""
            side = "党组织" if helper.via_party else ""
            note = "已期满" if ended else ""
            roll = rng.random()
            if roll < 0.02:  # a town pairing
                row = [
                    name,
                    party or "",
                    side,
                    district,
                    town,
                    "",
                    "",
                    since.isoformat(),
                    until,
                    programme,
                    rng.choice(_PAIRING_KINDS),
                    note,
                ]
            elif roll < 0.12:  # named, no code
                row = [
                    name,
                    party or "",
                    side,
                    district,
                    town,
                    vname,
                    "",
                    since.isoformat(),
                    until,
                    programme,
                    rng.choice(_PAIRING_KINDS),
                    note,
                ]
            else:
                row = [
                    name,
                    party or "",
                    side,
                    district,
                    town,
                    vname,
                    code,
                    since.isoformat(),
                    until,
                    programme,
                    rng.choice(_PAIRING_KINDS),
                    note,
                ]
            pair_writer.row(code[:2], row)
            made += 1
    pair_counts = pair_writer.close()

    # Projects: a helper funds something in a village it pairs with.
    project_writer = _Writer(out_dir, "projects")
    n_projects = round(NATIONAL["projects"] * scale)
    for _ in range(n_projects):
        k = rng.randrange(len(helpers))
        i = rng.choice(paired[k])
        code, vname, town, district = place(i)
        title, category = rng.choice(_PROJECTS)
        amount = round(min(2000.0, rng.lognormvariate(3.0, 1.1)), 1)
        year = rng.randint(2019, 2025)
        project_writer.row(
            code[:2],
            [helpers[k].name, district, town, vname, code, f"{vname}{title}", category, f"{amount:g}", str(year)],
        )
    project_counts = project_writer.close()

    # First secretaries: sent by a helper to a village it pairs with, three-year terms.
    leader_writer = _Writer(out_dir, "leaders")
    n_leaders = round(NATIONAL["leaders"] * scale)
    for _ in range(n_leaders):
        k = rng.randrange(len(helpers))
        i = rng.choice(paired[k])
        code, vname, town, district = place(i)
        since = _date(rng, dt.date(2017, 1, 1), dt.date(2024, 6, 30))
        end = since + dt.timedelta(days=3 * 365)
        term_end = end if end < dt.date(2025, 1, 1) else None
        leader_writer.row(
            code[:2],
            [
                _person(rng),
                "第一书记",
                helpers[k].name,
                district,
                town,
                vname,
                code,
                since.isoformat(),
                term_end.isoformat() if term_end else "",
            ],
        )
    leader_counts = leader_writer.close()

    return {
        "scale": scale,
        "seed": seed,
        "villages": n_villages,
        "weak_villages": len(weak),
        "helpers": len(helpers),
        "party_organizations": sum(1 for x in helpers if x.party),
        "pairing_helpers_via_party": sum(1 for x in helpers if x.via_party),
        "files": {"weak": weak_counts, "pairings": pair_counts, "projects": project_counts, "leaders": leader_counts},
        "rows": {
            "weak": sum(weak_counts.values()),
            "pairings": sum(pair_counts.values()),
            "projects": sum(project_counts.values()),
            "leaders": sum(leader_counts.values()),
        },
    }
