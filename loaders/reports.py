"""Chinese reports (news articles, work summaries) into facts, resolved against the gazetteer.

Shaped read → validate → extract (pure: mentions, resolution, relations) → write → load.

``extract`` is pure: given a ``ReportDoc`` and a ``PlaceIndex`` it returns ``Fact`` values, each
with its evidence (document uid and sha256, character span verified against the text, sentence,
rule name, confidence). Places are resolved with the most precise context the text gives: an
explicit chain (区 + 镇 + 村) first, then a town or district named earlier in the sentence, then
the document's region (the districts it names most). A village the code table lacks, or one with
several candidates, is kept as an unresolved village with its candidates — never given a code.

No rule names a place, unit or article: the mechanisms are the gazetteer, suffix patterns for
units and party organizations, role words for persons, and relation keywords.
"""

from __future__ import annotations

import hashlib
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from loaders.personal import mask_personal
from loaders.places import CODE_LENGTH, Place, PlaceIndex, Resolution, name_key, resolve, to_simplified

# --- read / validate --------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportDoc:
    uid: str  # report:<file stem>
    path: str
    text: str  # as read (offsets refer to this text)
    sha256: str
    title: str


class ReportError(ValueError):
    """A report file cannot be read as text."""


def _plausible_chinese(text: str) -> bool:
    """Whether GB18030-decoded text reads as Chinese: real reports use the common characters
    (GB2312) almost only, while binary junk decodes to rare ones.

    >>> _plausible_chinese("崇明区堡镇四滧村"), _plausible_chinese(bytes(range(129, 255)).decode("gb18030", "ignore"))
    (True, False)
    """
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return True
    common = 0
    for c in wide:
        try:
            c.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= 0.8 * len(wide)


def read(path: Path) -> ReportDoc:
    """Read one report (UTF-16 with a BOM, UTF-8, or GB18030 when it is not UTF-8).

    Raises:
        ReportError: the bytes are none of these (binary junk, another encoding).
    """
    raw = path.read_bytes()
    encodings = ("utf-16", "utf-8-sig", "gb18030") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "gb18030" or _plausible_chinese(text):
            break
    else:
        raise ReportError(f"{path}: not text in UTF-8, UTF-16 or GB18030; save the report as UTF-8")
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]
    return ReportDoc(f"report:{path.stem}", str(path), text, hashlib.sha256(raw).hexdigest(), title)


# Extraction time grows faster than linearly with the number of mentions (see RELIABILITY.md): a
# 120 KB text dense with places takes ~6 s, 5 MB would take hours. Reports run to a few thousand
# characters; a longer text is refused with a message instead of tying up the loader.
MAX_CHARS = 100_000


def validate(doc: ReportDoc) -> str | None:
    """Why a document cannot be extracted, or None."""
    if not doc.text.strip():
        return f"{doc.path}: empty"
    if len(doc.text) > MAX_CHARS:
        return (f"{doc.path}: too long ({len(doc.text):,} characters; the limit is {MAX_CHARS:,}); "
                "split it into several files")
    if not _CJK_RE.search(doc.text):
        return f"{doc.path}: no Chinese text"
    return None


# --- facts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    source_id: str
    sha256: str
    start: int
    end: int
    surface: str
    sentence: str
    method: str
    confidence: float

    @property
    def source_loc(self) -> str:
        return f"chars {self.start}-{self.end}"


@dataclass
class Fact:
    """One extracted fact: ``kind`` ∈ place, organization, party_org, person, pairing, project, claim."""

    kind: str
    data: dict[str, Any]
    evidence: Evidence

    def as_json(self) -> dict[str, Any]:
        ev = asdict(self.evidence)
        ev["source_loc"] = self.evidence.source_loc
        return {"kind": self.kind, **self.data, "evidence": ev}


class EvidenceError(ValueError):
    """A fact's offsets do not point at its surface string."""


# --- text helpers -------------------------------------------------------------------------------

_CJK = "\u4e00-\u9fff\u3400-\u4dbf"
_CJK_RE = re.compile(f"[{_CJK}]")
_SENTENCE_END = re.compile(r"[。！？!?\n]+")


@lru_cache(maxsize=None)
def _fold_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def matching_text(text: str) -> str:
    """The text as matched: simplified characters, full-width forms folded, same length.

    >>> matching_text("崇明區（中國）１２")
    '崇明区(中国)12'
    """
    simplified = to_simplified(text)
    return "".join(_fold_char(c) for c in simplified) if not simplified.isascii() else simplified


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > pos:
            out.append(Sentence(pos, m.start() + (1 if text[m.start()] in "。！？!?" else 0)))
        pos = m.end()
    if pos < len(text):
        out.append(Sentence(pos, len(text)))
    return [s for s in out if text[s.start:s.end].strip()]


# --- mentions -----------------------------------------------------------------------------------


@dataclass
class Mention:
    kind: str  # province/city/district/town/village, organization, party_org
    start: int
    end: int
    surface: str
    method: str
    confidence: float
    place: Place | None = None
    resolution: Resolution | None = None
    uid: str | None = None  # for organizations, party orgs and unresolved villages
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_place(self) -> bool:
        return self.kind in CODE_LENGTH


@dataclass
class Matcher:
    """Aho-Corasick automaton over the names of provinces, cities, districts and towns.

    Villages are not in the automaton (600k short names would match everywhere); they are found
    from their suffixes and checked against the index inside the context the text gives.
    """

    index: PlaceIndex
    automaton: Any
    seconds: float

    @classmethod
    def build(cls, index: PlaceIndex) -> Matcher:
        import ahocorasick

        started = time.perf_counter()
        auto = ahocorasick.Automaton()
        forms: dict[str, set[tuple[str, str]]] = {}
        for level in ("province", "city", "district", "town"):
            keys = index._keys[level]  # noqa: SLF001 - the matcher is the index's companion
            for key in keys["exact"]:
                if len(key) >= 2:
                    forms.setdefault(key, set()).add((level, "exact"))
            for key in keys["alias"]:
                # A street's short form is written with 街 (凌云路街道 → 凌云街); bare it matches anything.
                form = key + "街" if level == "town" else key
                if len(key) >= 2:
                    forms.setdefault(form, set()).add((level, "alias"))
            if level in ("province", "district"):
                for key in keys["stem"]:
                    if len(key) >= 2:
                        forms.setdefault(key, set()).add((level, "stem"))
        for key, tags in forms.items():
            auto.add_word(key, (key, tuple(sorted(tags))))
        auto.make_automaton()
        return cls(index, auto, time.perf_counter() - started)

    def scan(self, text: str) -> list[tuple[int, int, str, tuple[tuple[str, str], ...]]]:
        """Leftmost-longest, non-overlapping matches: (start, end, key, ((level, tier), …))."""
        found = [(end + 1 - len(key), end + 1, key, tags) for end, (key, tags) in self.automaton.iter(text)]
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        out: list[tuple[int, int, str, tuple[tuple[str, str], ...]]] = []
        last_end = -1
        for m in found:
            if m[0] >= last_end:
                out.append(m)
                last_end = m[1]
            elif out and m[0] == out[-1][0] and m[1] > out[-1][1]:
                out[-1] = m
                last_end = m[1]
        return out


_LEVEL_SUFFIX_RE = re.compile(r"(省|市|区|县|镇|乡|街道|街|旗)$")
# Characters that cannot be inside a name: punctuation and the commonest function words.
_BOUNDARY_CHARS = set("，,。、；;：:！!？?“”\"'‘’《》()（）[]【】 \t\n和与及同跟向对为在从到由把将被让给以之的了是等也都并或分别于")
_GENERIC_VILLAGE_RE = re.compile(
    r"^(?:[各每全本该此两三四五六七八九十百千\d个多余个]|结对|帮扶|薄弱|贫困|示范|试点|行政|中心|农|乡|邻|进|驻|下|包|联|"
    r"相关|重点|周边|所在|村村|自然|美丽|文明|先进|软弱涣散|经济|集体)+村$"
)
_VILLAGE_END_RE = re.compile(r"村(?!民|委会|民委员会|级|庄|里|容|貌|集体|务|干部|两委|书记|组|落|镇|口)|社区|居委会|村委会|村民委员会")
_NUMERAL = "一二三四五六七八九十0123456789"


# Two-character verbs a name never starts after (帮助萍湖村, 深入水库村): the name begins after them.
_LEFT_VERBS = {
    "帮助", "支持", "对接", "深入", "用于", "走访", "慰问", "前往", "来到", "资助", "帮扶", "结对", "推动", "协调",
    "联系", "邀请", "组织", "依托", "利用", "聚焦", "做实", "参加", "参与", "举办", "开展", "建设", "成立", "打造",
    "发挥", "带动", "位于", "地处", "探索", "推广", "复制", "指导", "加强", "完善", "发起", "包括", "其中", "引导",
    "制定", "建立", "组建", "列席", "落实", "实施", "率先", "全面",
}


def _left_limit(text: str, end: int, floor: int, max_len: int) -> int:
    """The earliest start a name ending at ``end`` may have: no boundary character or verb inside it.

    A bracketed part of up to six characters (玫琳凯(中国)有限公司) is kept inside the name.
    """
    start = end
    while start > floor and end - start < max_len:
        ch = text[start - 1]
        if ch in ")）":
            opening = max(text.rfind("(", floor, start), text.rfind("（", floor, start))
            if opening >= 0 and 1 <= start - opening - 2 <= 6 and opening > floor:
                start = opening
                continue
            break
        if ch in _BOUNDARY_CHARS or not _CJK_RE.match(ch):
            break
        if start - 2 >= floor and text[start - 2:start] in _LEFT_VERBS and end - start >= 2:
            break
        start -= 1
    return start


# --- organizations ------------------------------------------------------------------------------

_ORG_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "街道", "局", "中心", "党校", "组织部", "宣传部",
    "统战部", "委员会", "银行", "医院", "学校", "大学", "学院", "中学", "小学", "研究院", "研究所", "合作社",
    "协会", "商会", "办公室", "管理处", "事务所", "基金会", "支行", "分行", "厂",
)
# Words that end like a unit but are not one (格局 ends in 局).
_NOT_UNIT_ENDINGS = ("格局", "布局", "大局", "全局", "结局", "开局", "当局", "服务中心", "活动中心", "邻里中心",
                     "党建中心", "中心村", "工厂化")
_PARTY_SUFFIXES = (("党总支", "general_branch"), ("党支部", "branch"), ("联合支部", "branch"), ("支部", "branch"),
                   ("党委", "committee"), ("党组", "committee"), ("党小组", "group"), ("党工委", "committee"))
_ORG_RE = re.compile(
    r"(?:[" + _CJK + r"A-Za-z0-9]|[(（][" + _CJK + r"]{1,6}[)）])+?(?:"
    + "|".join(_ORG_SUFFIXES) + r")(?:(?:" + "|".join(p for p, _ in _PARTY_SUFFIXES) + r")(?![织员建务]))?"
)
_PARTY_ONLY_RE = re.compile(
    r"[" + _CJK + r"A-Za-z0-9]{2,12}?(?:" + "|".join(p for p, _ in _PARTY_SUFFIXES) + r")(?![织员建务])"
)
# Leading words that introduce a unit but are not part of its name.
_ORG_LEAD_RE = re.compile(
    r"^(?:\d{4}年|\d{1,2}月|\d{1,2}日|今年|去年|明年|目前|同时|其中|其次|此外|另外|如|例如|比如|会上|近年来|截至目前|"
    r"结对单位|帮扶单位|共建单位|挂钩单位|单位|结对的|帮扶的|由|经|通过|组织|协调|推动|邀请|依托|联合|包括|特别是|"
    r"[一二三四五六七八九十]是)+"
)
_GENERIC_ORG = {
    "公司", "集团", "街道", "中心", "党校", "委员会", "局", "该公司", "本公司", "企业", "单位", "结对单位",
    "社区党校", "党建服务中心", "邻里中心", "社区党建中心", "党群服务中心", "服务中心", "区委党校", "镇社区党校",
    "合作社", "专业合作社", "农民专业合作社", "理论学习中心",
}
_ORG_KIND = (
    ("街道", "street_office"), ("公司", "enterprise"), ("集团", "enterprise"), ("银行", "enterprise"),
    ("厂", "enterprise"), ("合作社", "enterprise"), ("学校", "school"), ("大学", "school"), ("学院", "school"),
    ("中学", "school"), ("小学", "school"), ("党校", "school"), ("局", "government"), ("部", "government"),
    ("委员会", "government"), ("办公室", "government"), ("医院", "institution"), ("中心", "institution"),
    ("研究院", "institution"), ("研究所", "institution"),
)


def org_kind(name: str) -> str:
    """government, street_office, enterprise, school, institution or other, from the suffix.

    >>> org_kind("静安寺街道"), org_kind("鼎捷软件股份有限公司"), org_kind("区绿化管理中心"), org_kind("盒马")
    ('street_office', 'enterprise', 'institution', 'other')
    """
    for suffix, kind in _ORG_KIND:
        if name.endswith(suffix):
            return kind
    return "other"


def party_level(name: str) -> str | None:
    for suffix, level in _PARTY_SUFFIXES:
        if name.endswith(suffix):
            return level
    return None


normal_key = name_key  # the uid key of units and party organizations, one rule for every loader


# --- persons --------------------------------------------------------------------------------------

_ROLES = (
    "第一书记", "党委副书记", "党委书记", "党总支书记", "党支部书记", "副书记", "书记", "副主任", "主任", "副部长",
    "部长", "副局长", "局长", "副镇长", "镇长", "副乡长", "乡长", "副区长", "区长", "副县长", "县长", "村长", "主席",
    "董事长", "总经理", "副总经理", "经理", "校长", "院长", "站长", "社长", "组长", "队长", "负责人",
)
_NOT_LEADER_ROLES = ("记者", "责任编辑", "编辑", "作者", "通讯员", "摄影", "撰稿", "校对", "审核", "编审", "实习生")
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安"
    "齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛"
    "靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_PERSON_RE = re.compile(
    "(" + "|".join(_ROLES + _NOT_LEADER_ROLES) + r")[:：\s]?([" + _CJK + r"]{2,3}?)"
    r"(?=表示|说|指出|介绍|认为|强调|同志|带领|告诉|坦言|感慨|一行|等|报道|摄|[，,。、；;:：\s(（]|\d|$)"
)
_NON_NAME_START = set("们的在和与及是也都对为将把被从到向就还又这那其该各每全本一二三四五六七八九十")

# --- relations ------------------------------------------------------------------------------------

_PAIR_WORDS = (
    "结对帮扶", "结对共建", "结对", "共建", "帮扶", "挂钩", "对接", "联建", "帮助", "慰问", "资助", "捐赠", "赠送",
    "援建", "合作", "签约", "联组", "包村", "配套", "助力", "支持",
)
_PAIR_RE = re.compile("|".join(_PAIR_WORDS))
_STRONG_PAIR = {"结对帮扶", "结对共建", "结对", "共建", "挂钩", "对接", "联建", "签约", "包村", "联组", "合作", "配套"}

_AMOUNT_UNITS = (
    "亿元", "万元", "元", "公里", "千米", "平方米", "㎡", "m2", "立方米", "吨", "万斤", "斤", "公斤", "千克", "亩",
    "户", "人次", "人", "名", "台", "套", "所", "间", "处", "单", "株", "棵", "米",
)
_NUM = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)"
_AMOUNT_RE = re.compile(
    r"(近|约|超过|超|逾|共计|合计|共|计)?(" + _NUM + r")(多|余)?(万|亿)?(" + "|".join(_AMOUNT_UNITS) + r")(多|余|左右)?"
)
_MONEY_FACTOR = {"亿元": 1e8, "万元": 1e4, "元": 1.0}
# Reports drop 元 after a money noun ("慰问金5万左右", "资金约3万"): the noun says it is money.
_BARE_MONEY_RE = re.compile(
    r"(?:金|款|资金|经费|金额)(近|约|超过|超|逾|共计|合计|共|计)?(" + _NUM + r")(多|余)?(万|亿)(?!元)(左右)?(?![" + "\u4e00-\u9fff" + r"])"
)
_MONEY_UNITS = ("亿元", "万元", "元")
# Units worth a fact even when no recipient is named: money, goods sold or given, orders, households.
_LOOSE_UNITS = _MONEY_UNITS + ("吨", "万斤", "斤", "公斤", "千克", "单")
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def parse_number(s: str) -> float | None:
    """Arabic or simple Chinese numerals.

    >>> parse_number("6.9"), parse_number("二十六"), parse_number("十"), parse_number("两")
    (6.9, 26.0, 10.0, 2.0)
    """
    try:
        return float(s)
    except ValueError:
        pass
    total, current = 0, 0
    for ch in s:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            return None
    return float(total + current)


_CLAIM_RE = re.compile(
    r"(?<![每第])(" + _NUM + r")(?:余|多)?(家|个|名|所|支)((?:[" + _CJK + r"()（）“”\"、]){0,10})"
    r"(单位|企业|党组织|行政村|经济薄弱村|薄弱村|贫困村|软弱涣散村|村|社区|结对单位|项目|公益项目|党员|第一书记|农户|贫困户)"
)
# The count after its noun: "选派第一书记27人", "结对村达64个". The number must end the phrase, or
# "第一书记3人小组" would read as a count of secretaries.
_CLAIM_NOUN_FIRST_RE = re.compile(
    r"(第一书记|驻村干部|结对单位|帮扶单位|经济薄弱村|薄弱村|贫困村|结对村|贫困户)(?:共|累计|总计|合计|达|达到)?(" + _NUM
    + r")(?:余|多)?(人|名|个|家|户)(?![" + _CJK + r"])"
)
_CLAIM_METRIC = {
    "单位": "helpers", "企业": "helpers", "党组织": "helpers", "结对单位": "helpers",
    "行政村": "villages", "村": "villages", "社区": "villages",
    "经济薄弱村": "weak_villages", "薄弱村": "weak_villages", "贫困村": "poor_villages",
    "软弱涣散村": "weak_party_villages", "项目": "projects", "公益项目": "projects", "党员": "party_members",
    "第一书记": "first_secretaries", "驻村干部": "first_secretaries", "农户": "households", "贫困户": "poor_households",
    "帮扶单位": "helpers", "结对村": "villages",
}


# --- extraction -----------------------------------------------------------------------------------


@dataclass
class Extraction:
    doc: ReportDoc
    facts: list[Fact]
    region: list[str]  # district codes the document is about
    seconds: float = 0.0


class Extractor:
    """Holds the index and matcher (built once); ``extract`` is then pure and fast."""

    def __init__(self, index: PlaceIndex, matcher: Matcher | None = None,
                 decisions: dict[str, str | None] | None = None) -> None:
        self.index = index
        self.matcher = matcher or Matcher.build(index)
        self.decisions = decisions or {}

    # -- places ----------------------------------------------------------------------------------

    def _admin_mentions(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        for start, end, key, tags in self.matcher.scan(text):
            levels = {lv for lv, _ in tags}
            tiers = {t for _, t in tags}
            level = min(levels, key=lambda lv: -CODE_LENGTH[lv]) if len(levels) > 1 else next(iter(levels))
            # A name that is also a town and a district (or city) is read as the broader unit
            # unless it carries the town's own suffix.
            if "district" in levels and level == "town" and not key.endswith(("镇", "乡", "街道")):
                level = "district"
            method = "gazetteer_" + ("exact" if "exact" in tiers else "alias" if "alias" in tiers else "stem")
            out.append(Mention(level, start, end, key, method, 0.0, extra={"levels": sorted(levels)}))
        return out

    def _region(self, text: str, admin: list[Mention]) -> list[str]:
        """The districts a document is about: the ones its place names point to most."""
        votes: Counter[str] = Counter()
        title_end = text.find("\n", 1) if "\n" in text[1:] else min(len(text), 80)
        for m in admin:
            weight = 3 if m.start < max(title_end, 80) else 1
            if m.kind == "district":
                if m.method == "gazetteer_stem":
                    continue
                cands = self.index.lookup(m.surface, "district")
                if len(cands) == 1:
                    votes[cands[0].code] += weight
                elif 1 < len(cands) <= 3:
                    for c in cands:
                        votes[c.code] += weight / len(cands)
            elif m.kind == "town":
                cands = self.index.lookup(m.surface, "town")
                if len(cands) == 1:
                    votes[cands[0].code[:6]] += weight * 0.5
        if not votes:
            return []
        top = votes.most_common()
        best = top[0][1]
        return [code for code, v in top if v >= max(1.0, best / 3)][:4]

    def _resolve_admin(self, m: Mention, prev: Mention | None, sentence_places: list[Mention],
                       region: list[str]) -> None:
        """Resolve a district or town mention: chain, then nearby, then region; drop namesakes."""
        if m.kind not in ("district", "town"):
            lvl_cands = self.index.lookup(m.surface, m.kind)
            if len(lvl_cands) == 1:
                m.place, m.confidence = lvl_cands[0], 0.9
            return
        contexts: list[tuple[str, dict[str, str]]] = []
        if prev is not None and prev.end == m.start and prev.place is not None:
            contexts.append(("chain", {prev.kind: prev.place.code}))
        for p in reversed(sentence_places):
            if p.place is not None and CODE_LENGTH[p.kind] < CODE_LENGTH[m.kind] and p is not prev:
                contexts.append(("nearby", {p.kind: p.place.code}))
                break
        for code in region:
            contexts.append(("region", {"district": code} if m.kind == "town" else {"city": code[:4]}))
        if m.kind == "district":
            contexts.append(("national", {}))
        for how, ctx in contexts:
            res = resolve(self.index, m.surface, m.kind, **ctx)  # type: ignore[arg-type]
            if res.status == "resolved" and res.place is not None:
                if m.method == "gazetteer_stem" and how == "national":
                    continue
                m.place, m.resolution = res.place, res
                m.confidence = res.confidence
                m.method = f"{m.method}+{how}"
                return

    def _town_misspellings(self, text: str, admin: list[Mention], region: list[str]) -> list[Mention]:
        """Town names not in the code table but sounding like a town of the region (曹/漕)."""
        taken = [(m.start, m.end) for m in admin]
        out: list[Mention] = []
        for match in re.finditer(r"镇|乡|街道", text):
            end = match.end()
            for length in (3, 4):
                start = end - length
                if start < 0 or any(s < end and start < e for s, e in taken):
                    continue
                surface = text[start:end]
                if not all(_CJK_RE.match(c) for c in surface) or any(c in _BOUNDARY_CHARS for c in surface):
                    continue
                for code in region:
                    res = resolve(self.index, surface, "town", district=code)
                    if res.status == "resolved" and res.fuzzy and res.place is not None:
                        out.append(Mention("town", start, end, surface, "gazetteer_fuzzy_pinyin+region",
                                           res.confidence, place=res.place, resolution=res))
                        taken.append((start, end))
                        break
                else:
                    continue
                break
        # The bare stem of a region town (来漕泾开展, 曹泾区域) when its full name is used elsewhere.
        named = {m.place.code for m in admin + out if m.place is not None and m.kind == "town"}
        for code in named:
            place = self.index.get(code)
            if place is None:
                continue
            from loaders.places import _stem_normal, sounds_alike_one_off  # noqa: PLC0415

            stem_ = _stem_normal(place.name, "town")
            if len(stem_) < 2 or stem_ == place.name:
                continue
            for start in range(0, len(text) - len(stem_) + 1):
                surface = text[start:start + len(stem_)]
                if surface != stem_ and not sounds_alike_one_off(surface, stem_):
                    continue
                end = start + len(stem_)
                if any(s < end and start < e for s, e in taken):
                    continue
                fuzzy = surface != stem_
                out.append(Mention("town", start, end, surface,
                                   "town_stem_fuzzy_pinyin" if fuzzy else "town_stem", 0.6 if fuzzy else 0.8,
                                   place=place))
                taken.append((start, end))
        return out

    def _village_candidates(self, text: str, admin_ends: dict[int, Mention]) -> Iterator[tuple[int, int]]:
        for match in _VILLAGE_END_RE.finditer(text):
            end = match.end()
            if match.group() in ("村委会", "村民委员会", "居委会"):
                pass
            yield match.start(), end

    def _resolve_village(self, surface: str, contexts: list[tuple[str, dict[str, str], bool]],
                         fuzzy: bool = True) -> tuple[Resolution | None, str, dict[str, str]]:
        """Try contexts in order; a strict context (a chain) is not left for a broader one."""
        last: tuple[Resolution | None, str, dict[str, str]] = (None, "", {})
        for how, ctx, strict in contexts:
            res = resolve(self.index, surface, "village", fuzzy=fuzzy, **ctx)  # type: ignore[arg-type]
            if res.status != "unknown":
                return res, how, ctx
            if last[0] is None:
                last = (res, how, ctx)
            if strict:
                return res, how, ctx
        return last

    def _village_mentions(self, text: str, sents: list[Sentence], admin: list[Mention],
                          region: list[str]) -> list[Mention]:
        admin_by_end = {m.end: m for m in admin if m.place is not None}
        admin_spans = [(m.start, m.end) for m in admin]
        out: list[Mention] = []
        sent_idx = 0
        for _vend_start, end in self._village_candidates(text, admin_by_end):
            while sent_idx < len(sents) - 1 and sents[sent_idx].end <= _vend_start:
                sent_idx += 1
            sent = sents[sent_idx] if sents else Sentence(0, len(text))
            if any(s < end and _vend_start < e for s, e in admin_spans):
                continue
            floor = max([e for s, e in admin_spans if e <= _vend_start] + [sent.start])
            left = _left_limit(text, end, floor, 9)
            # Context: chain (a town ending right where the name may start), nearby, region.
            best: Mention | None = None
            for start in range(left, end - 2):
                surface = text[start:end]
                if _GENERIC_VILLAGE_RE.match(surface):
                    continue
                contexts = self._village_contexts(start, sent, admin, region)
                if start != left:
                    # Only a name whose left edge is clear may be looked up beyond the district.
                    contexts = [c for c in contexts if c[0] != "region_all"]
                # Same-sound matching only for the name with a clear left edge: trying it on every
                # substring would be slow and would find look-alikes inside ordinary words.
                res, how, ctx = self._resolve_village(surface, contexts, fuzzy=start == left)
                if res is None or res.status == "unknown":
                    continue
                best = self._village_mention(surface, start, end, res, how, ctx)
                break
            if best is None:
                best = self._unknown_village(text, left, end, sent, admin, admin_by_end, region)
            if best is not None:
                out.append(best)
                admin_spans.append((best.start, best.end))
        return out

    def _village_contexts(self, start: int, sent: Sentence, admin: list[Mention],
                          region: list[str]) -> list[tuple[str, dict[str, str], bool]]:
        contexts: list[tuple[str, dict[str, str], bool]] = []
        chain = next((m for m in admin if m.end == start and m.place is not None), None)
        if chain is not None:
            contexts.append(("chain", {chain.kind: chain.place.code}, True))  # type: ignore[union-attr]
            return contexts
        nearby = [m for m in admin if sent.start <= m.end <= start and m.place is not None
                  and m.kind in ("town", "district")]
        if nearby:
            m = nearby[-1]
            contexts.append(("nearby", {m.kind: m.place.code}, False))  # type: ignore[union-attr]
        if region:
            contexts.extend(("region", {"district": code}, False) for code in region[:1])
            contexts.append(("region_all", {"city": region[0][:4]}, False))
        return contexts

    def _village_mention(self, surface: str, start: int, end: int, res: Resolution, how: str,
                         ctx: dict[str, str]) -> Mention:
        scope = next(iter(ctx.values()), "")
        key = f"{surface}@{scope}"
        if key in self.decisions:
            decided = self.decisions[key]
            place = self.index.get(decided) if decided else None
            res = Resolution("resolved" if place else "unknown", place, (place,) if place else (),
                             "review_decision", 1.0, "decided by a person")
        m = Mention("village", start, end, surface, f"village_{res.method}+{how}", res.confidence,
                    place=res.place, resolution=res, extra={"review_key": key, "scope": scope})
        if res.status == "resolved" and res.place is not None:
            m.uid = res.place.code
            if how == "region_all" and m.confidence > 0.65:
                m.confidence = 0.65  # only the city was known: worth a look
        else:
            m.uid = f"village:{scope}:{normal_key(surface)}"
            m.confidence = 0.5 if res.status == "ambiguous" else 0.4
        return m

    def _unknown_village(self, text: str, left: int, end: int, sent: Sentence, admin: list[Mention],
                         admin_by_end: dict[int, Mention], region: list[str]) -> Mention | None:
        """A village name the code table lacks: only taken when its boundaries are clear."""
        suffix_len = 1 if text[end - 1] == "村" else 2 if text[end - 2:end] == "社区" else 3
        name_start = left
        if end - suffix_len - name_start < 2 or end - suffix_len - name_start > 4:
            return None
        surface = text[name_start:end]
        if _GENERIC_VILLAGE_RE.match(surface) or surface.endswith(("村委会", "居委会")) and len(surface) < 4:
            return None
        # Names in quotes are slogans (“结对百镇千村”); admin words inside are not a village name.
        if text[name_start - 1:name_start] in "“\"‘" or re.search("[镇乡区县市省]", surface[:-suffix_len]):
            return None
        chain = admin_by_end.get(name_start)
        followed = text[end:end + 3]
        clear_left = chain is not None or name_start == sent.start or text[name_start - 1] in _BOUNDARY_CHARS
        after_verb = text[name_start - 2:name_start] in _LEFT_VERBS
        clear_right = followed.startswith(("党支部", "党总支", "党委", "村委", "居委", "两委")) or (
            after_verb and followed[:1] in ("的", "、", "，", ",", "。"))
        if not (chain is not None or (clear_left and clear_right)):
            return None
        contexts = self._village_contexts(name_start, sent, admin, region)
        if not contexts:
            return None
        res, how, ctx = self._resolve_village(surface, contexts[:1] if chain else contexts)
        if res is None:
            return None
        if res.status == "unknown":
            res = Resolution("unknown", None, (), res.method, 0.0, res.reason)
        return self._village_mention(surface, name_start, end, res, how, ctx)

    def _town_stems_before_villages(self, text: str, villages: list[Mention], admin: list[Mention]) -> list[Mention]:
        """航头长达村: a resolved village preceded by its own town's stem names that town too."""
        from loaders.places import _stem_normal  # noqa: PLC0415

        out: list[Mention] = []
        ends = {m.end for m in admin}
        for v in villages:
            if v.place is None or v.start in ends:
                continue
            town = self.index.get(v.place.parent_code or "")
            if town is None:
                continue
            stem_ = _stem_normal(town.name, "town")
            if len(stem_) >= 2 and text[v.start - len(stem_):v.start] == stem_:
                out.append(Mention("town", v.start - len(stem_), v.start, stem_, "town_stem_before_its_village",
                                   0.9, place=town))
        return out

    def _ellipses(self, text: str, villages: list[Mention], admin: list[Mention],
                  sents: list[Sentence], region: list[str]) -> list[Mention]:
        """``梅陇三村、六村`` and ``梅陇三、六村``: a numbered village whose prefix is left out."""
        out: list[Mention] = []
        taken = {(m.start, m.end) for m in villages}
        for m in villages:
            if m.place is None:
                continue
            name = m.place.name
            num = re.match(f"^(.+?)([{_NUMERAL}]+)(村|社区)$", name)
            if not num:
                continue
            prefix, suffix = num.group(1), num.group(3)
            # Following items: 、六村 / 、六村党支部
            pos = m.end
            while True:
                nxt = re.match(f"[、和及与]([{_NUMERAL}]+){suffix}", text[pos:])
                if not nxt:
                    break
                start, end = pos + 1, pos + nxt.end()
                surface = text[start:end]
                res = resolve(self.index, prefix + surface, "village", town=m.place.parent_code)
                if (start, end) not in taken:
                    mention = self._village_mention(surface, start, end, res, "ellipsis",
                                                    {"town": m.place.parent_code or ""})
                    mention.method = f"village_ellipsis_{res.method}"
                    mention.extra["expanded"] = prefix + surface
                    out.append(mention)
                    taken.add((start, end))
                pos = end
        # 梅陇三、六村: a prefix+number, a list of numbers, then the suffix once.
        for match in re.finditer(f"([{_CJK}]{{1,4}}?)([{_NUMERAL}]+)((?:、[{_NUMERAL}]+)+)(村|社区)", text):
            prefix = match.group(1)
            first_start = match.start(1)
            numbers = [match.group(2)] + match.group(3).strip("、").split("、")
            pos = match.start(2)
            for n in numbers:
                start = text.index(n, pos)
                end = start + len(n)
                pos = end
                surface_start = first_start if n == numbers[0] else start
                full = prefix + n + match.group(4)
                sent = next((s for s in sents if s.start <= start < s.end), Sentence(0, len(text)))
                contexts = self._village_contexts(first_start, sent, admin, region)
                res, how, ctx = self._resolve_village(full, contexts)
                if res is None or res.status == "unknown":
                    break
                span_end = match.end() if n == numbers[-1] else end
                if any(s < span_end and surface_start < e for s, e in taken):
                    continue
                mention = self._village_mention(text[surface_start:span_end], surface_start, span_end, res,
                                                how, ctx)
                mention.method = f"village_ellipsis_{res.method}+{how}"
                mention.extra["expanded"] = full
                out.append(mention)
                taken.add((surface_start, span_end))
        return out

    def _list_villages(self, text: str, sents: list[Sentence], admin: list[Mention], region: list[str],
                       taken: list[tuple[int, int]]) -> list[Mention]:
        """``A、B两个村``: names listed without 村, counted after."""
        out: list[Mention] = []
        pattern = re.compile(f"((?:[{_CJK}]{{2,4}}、)+[{_CJK}]{{2,4}})(?:两|二|三|四|五|六|七|八|九|十|\\d+)个(?:行政)?村")
        for match in pattern.finditer(text):
            pos = match.start(1)
            for name in match.group(1).split("、"):
                start = text.index(name, pos)
                end = start + len(name)
                pos = end + 1
                if any(s < end and start < e for s, e in taken):
                    continue
                sent = next((s for s in sents if s.start <= start < s.end), Sentence(0, len(text)))
                res, how, ctx = self._resolve_village(name + "村", self._village_contexts(start, sent, admin, region))
                if res is None or res.status == "unknown":
                    continue
                mention = self._village_mention(name, start, end, res, how, ctx)
                mention.method = f"village_list_{res.method}+{how}"
                out.append(mention)
        return out

    # -- organizations and persons ------------------------------------------------------------------

    def _org_mentions(self, text: str, sents: list[Sentence], places: list[Mention]) -> list[Mention]:
        out: list[Mention] = []
        place_by_end = {m.end: m for m in places}
        for sent in sents:
            chunk = text[sent.start:sent.end]
            for match in _ORG_RE.finditer(chunk):
                start, end = sent.start + match.start(), sent.start + match.end()
                left = _left_limit(text, end, max(start, sent.start), 30)
                # Brackets inside a name (玫琳凯(中国)有限公司) are kept: re-extend over them.
                while left > sent.start and text[left - 1] in "()（）" and re.search(
                        r"[(（][^()（）]{1,6}[)）]$", text[max(sent.start, left - 8):end]):
                    inner = re.search(r"[(（][^()（）]{1,6}[)）]" , text[max(sent.start, left - 8):end])
                    if not inner:
                        break
                    left = _left_limit(text, max(sent.start, left - 8) + inner.start(), sent.start, 20)
                surface = text[left:end]
                lead = _ORG_LEAD_RE.match(surface)
                if lead:
                    left += lead.end()
                    surface = text[left:end]
                out.extend(self._org_from_surface(text, left, end, surface, place_by_end))
        # Units named without a suffix whose role is plain: ``X与<place>…对接``, ``X等公司``.
        for match in re.finditer(f"([{_CJK}]{{2,4}})与(?=[{_CJK}]{{2,12}}?(?:村|镇|街道|社区))", text):
            start, end = match.start(1), match.end(1)
            surface = text[start:end]
            if any(m.start < end and start < m.end for m in places + out):
                continue
            sent = next((s for s in sents if s.start <= start < s.end), None)
            if sent is None or not _PAIR_RE.search(text[start:sent.end]):
                continue
            if surface[:2] in _LEFT_VERBS or surface[:2] in ("推动", "促进"):
                start += 2
                surface = text[start:end]
            elif start > sent.start and text[start - 1] not in _BOUNDARY_CHARS and text[start - 2:start] not in _LEFT_VERBS:
                continue
            if len(surface) < 2:
                continue
            out.append(Mention("organization", start, end, surface, "unit_named_by_role_pairing", 0.6,
                               uid=f"org:{normal_key(surface)}", extra={"org_kind": "other"}))
        for match in re.finditer(f"([{_CJK}]{{2,6}})等(?:企业|公司|单位)", text):
            start, end = match.start(1), match.end(1)
            if any(m.start < end and start < m.end for m in places + out):
                continue
            left = _left_limit(text, end, start, 6)
            surface = text[left:end]
            out.append(Mention("organization", left, end, surface, "unit_named_by_role_list", 0.6,
                               uid=f"org:{normal_key(surface)}", extra={"org_kind": "enterprise"}))
        for sent in sents:
            for match in _PARTY_ONLY_RE.finditer(text, sent.start, sent.end):
                start, end = match.start(), match.end()
                if any(m.start < end and start < m.end for m in out):
                    continue
                left = _left_limit(text, end, max(sent.start, start - 4), 14)
                surface = text[left:end]
                lead = _ORG_LEAD_RE.match(surface)
                if lead:
                    left += lead.end()
                    surface = text[left:end]
                out.extend(self._org_from_surface(text, left, end, surface, place_by_end, party_only=True))
        return out

    def _org_from_surface(self, text: str, start: int, end: int, surface: str, place_by_end: dict[int, Mention],
                          party_only: bool = False) -> list[Mention]:
        level = party_level(surface)
        unit_end = end
        if level:
            for suffix, _ in _PARTY_SUFFIXES:
                if surface.endswith(suffix):
                    unit_end = end - len(suffix)
                    break
        unit_surface = text[start:unit_end]
        out: list[Mention] = []
        owner = place_by_end.get(unit_end)
        if owner is not None and owner.start >= start:
            # 四滧村党支部 / 新河镇党委: a place's own party organization.
            if level and owner.kind in ("village", "town"):
                out.append(Mention("party_org", start, end, surface, "party_org_of_place", owner.confidence,
                                   uid=f"party:{owner.uid or (owner.place.code if owner.place else '')}:{surface[len(unit_surface):]}",
                                   extra={"party_level": level, "owner": owner}))
            return out
        if len(unit_surface) < 2 or unit_surface in _GENERIC_ORG or normal_key(unit_surface) in _GENERIC_ORG:
            return out
        if unit_surface.endswith(_NOT_UNIT_ENDINGS) or unit_surface[:1] in _NON_NAME_START:
            return out
        # 局面, 中心村, 中心组: the suffix is the start of another word.
        if not level and text[unit_end:unit_end + 1] in "面势村组点站":
            return out
        if start > 0 and text[start - 1].isdigit() and unit_surface[:1] in "家个名所支":
            return out
        if party_only and (not level or len(unit_surface) < 3):
            return out
        if unit_surface.endswith(("村", "社区")):
            return out
        if any(ch in unit_surface for ch in "，。；"):
            return out
        unit_uid = f"org:{normal_key(unit_surface)}"
        if len(unit_surface) >= 2 and (not party_only or len(unit_surface) >= 2):
            out.append(Mention("organization", start, unit_end, unit_surface, "unit_suffix_pattern" if not party_only else "unit_before_party_org",
                               0.85 if not party_only else 0.6, uid=unit_uid, extra={"org_kind": org_kind(unit_surface)}))
        if level:
            out.append(Mention("party_org", start, end, surface, "party_org_suffix_pattern", 0.85,
                               uid=f"party:{normal_key(surface)}", extra={"party_level": level, "unit_uid": unit_uid}))
        return out

    def _persons(self, text: str, orgs: list[Mention], places: list[Mention]) -> list[tuple[Mention, str, Mention | None, bool]]:
        """(person mention, role, affiliation mention, is_leader)."""
        out: list[tuple[Mention, str, Mention | None, bool]] = []
        for match in _PERSON_RE.finditer(text):
            role, name = match.group(1), match.group(2)
            start, end = match.start(2), match.end(2)
            if name[0] not in _SURNAMES or name[0] in _NON_NAME_START:
                continue
            if role in _NOT_LEADER_ROLES:
                out.append((Mention("person", start, end, name, "byline_role", 0.8), role, None, False))
                continue
            # Affiliation: the organization or place that ends where the role starts.
            role_start = match.start(1)
            affiliation = None
            for m in orgs + places:
                if m.end == role_start or (m.end <= role_start and role_start - m.end <= 2
                                           and text[m.end:role_start] in ("党委", "党支部", "党总支", "")):
                    affiliation = m
            if affiliation is None:
                prefix = text[max(0, role_start - 6):role_start]
                if any(c in prefix[-1:] for c in "，。,") or not prefix:
                    pass
            out.append((Mention("person", start, end, name, "role_then_name", 0.85 if affiliation else 0.65),
                        role, affiliation, True))
        return out

    # -- main -------------------------------------------------------------------------------------

    def extract(self, doc: ReportDoc) -> Extraction:
        """Every fact the report states, with evidence. Pure: no files, no database."""
        started = time.perf_counter()
        text = matching_text(doc.text)
        sents = sentences(text)
        admin = self._admin_mentions(text)
        region = self._region(text, admin)
        sent_of = _sentence_lookup(sents, len(text))
        resolved_admin: list[Mention] = []
        prev: Mention | None = None
        for m in admin:
            sent = sent_of(m.start)
            sentence_places = [p for p in resolved_admin if p.start >= sent.start]
            self._resolve_admin(m, prev, sentence_places, region)
            if m.place is not None:
                resolved_admin.append(m)
            prev = m
        admin = [m for m in resolved_admin if m.place is not None]
        admin += self._town_misspellings(text, admin, region)
        admin.sort(key=lambda m: m.start)
        villages = self._village_mentions(text, sents, admin, region)
        admin += self._town_stems_before_villages(text, villages, admin)
        villages += self._ellipses(text, villages, admin, sents, region)
        villages += self._list_villages(text, sents, admin, region, [(m.start, m.end) for m in villages + admin])
        places = sorted(admin + villages, key=lambda m: m.start)
        orgs = self._org_mentions(text, sents, places)
        orgs = _drop_overlaps(orgs, places)
        persons = self._persons(text, orgs, places)
        facts = self._facts(doc, text, sents, sent_of, places, orgs, persons, region)
        check_evidence(doc, facts)
        return Extraction(doc, facts, region, time.perf_counter() - started)

    def _facts(self, doc: ReportDoc, text: str, sents: list[Sentence], sent_of: Callable[[int], Sentence],
               places: list[Mention], orgs: list[Mention],
               persons: list[tuple[Mention, str, Mention | None, bool]], region: list[str]) -> list[Fact]:
        facts: list[Fact] = []

        def ev(m_start: int, m_end: int, method: str, confidence: float) -> Evidence:
            s = sent_of(m_start)
            return Evidence(doc.uid, doc.sha256, m_start, m_end, doc.text[m_start:m_end],
                            doc.text[s.start:s.end].strip(), method, round(confidence, 3))

        for m in places:
            data = _place_data(m)
            facts.append(Fact("place", data, ev(m.start, m.end, m.method, m.confidence)))
        for m in places:
            if _is_street_office(m, places) and _acts(text, m):
                office = _street_office(m)
                facts.append(Fact("organization", {"uid": office.uid, "name": office.surface,
                                                   "org_kind": "street_office",
                                                   "district_code": office.extra["district_code"]},
                                  ev(m.start, m.end, "street_office_as_subject", 0.8)))
        for m in orgs:
            if m.kind == "organization":
                data = {"uid": m.uid, "name": doc.text[m.start:m.end], "org_kind": m.extra.get("org_kind"),
                        "district_code": _district_near(m, places)}
                facts.append(Fact("organization", data, ev(m.start, m.end, m.method, m.confidence)))
            else:
                owner: Mention | None = m.extra.get("owner")
                data = {"uid": m.uid, "name": doc.text[m.start:m.end], "level": m.extra.get("party_level"),
                        "belongs_to": (owner.uid if owner is not None else m.extra.get("unit_uid")),
                        "belongs_to_kind": (owner.kind if owner is not None else "organization")}
                facts.append(Fact("party_org", data, ev(m.start, m.end, m.method, m.confidence)))
        for person, role, aff, leader in persons:
            if not leader:
                facts.append(Fact("byline", {"name": person.surface, "role": role},
                                  ev(person.start, person.end, person.method, person.confidence)))
                continue
            aff_uid = _entity_uid(aff) if aff is not None else None
            data = {"uid": f"person:{person.surface}@{aff_uid or doc.uid}", "name": person.surface, "role": role,
                    "affiliation_uid": aff_uid, "affiliation_kind": aff.kind if aff else None,
                    "affiliation_name": aff.surface if aff else None}
            facts.append(Fact("person", data, ev(person.start, person.end, person.method, person.confidence)))
        facts.extend(self._relations(doc, text, sents, places, orgs, ev))
        facts.extend(self._claims(doc, text, sents, region, ev))
        return facts

    def _relations(self, doc: ReportDoc, text: str, sents: list[Sentence], places: list[Mention],
                   orgs: list[Mention], ev: Callable[[int, int, str, float], Evidence]) -> list[Fact]:
        facts: list[Fact] = []
        last_helper: Mention | None = None
        for sent in sents:
            chunk = text[sent.start:sent.end]
            helpers_in = [m for m in orgs if sent.start <= m.start < sent.end and _is_helper(m)]
            helpers_in += [_street_office(m) for m in places if sent.start <= m.start < sent.end
                           and _is_street_office(m, places)]
            helpers_in.sort(key=lambda m: m.start)
            recips_in = [m for m in places if sent.start <= m.start < sent.end and m.kind in ("village", "town")
                         and not _is_chain_prefix(m, places) and not _is_street_office(m, places)]
            # A village's party organization stands for the village.
            for m in orgs:
                owner = m.extra.get("owner")
                if sent.start <= m.start < sent.end and owner is not None and owner not in recips_in:
                    recips_in.append(owner)
            keywords = list(_PAIR_RE.finditer(chunk))
            # Who gave an amount the sentence names without a pair: its own helper, or the last one
            # when the sentence goes on without a subject.
            sentence_helper = helpers_in[0] if helpers_in else (
                last_helper if _clause_subjectless(text, sent) else None)
            if not keywords or not recips_in:
                if keywords or helpers_in:
                    facts.extend(self._loose_amounts(doc, text, sent, sentence_helper, recips_in, ev))
                if helpers_in:
                    last_helper = helpers_in[-1]
                continue
            # Clauses split at ; / ，: each clause's helper is its own or the one before it.
            pairs = _pair_helpers_recipients(text, sent, helpers_in, recips_in, last_helper, orgs)
            if not pairs and not helpers_in and any(k.group() in _STRONG_PAIR for k in keywords):
                pairs = _place_to_place_pairs(text, sent, recips_in, orgs)
            done: set[tuple[str | None, str | None]] = set()
            for helper, recipient, method, conf in pairs:
                kw = _PAIR_RE.search(text, min(helper.start, recipient.start) if helper.start >= sent.start else sent.start, sent.end)
                kind = kw.group() if kw else keywords[0].group()
                if (helper.uid, rec_key := _entity_uid(recipient)) in done:
                    continue
                done.add((helper.uid, rec_key))
                if kind not in _STRONG_PAIR and conf > 0.7:
                    conf = 0.7
                rec_uid = _entity_uid(recipient)
                owner = helper.extra.get("owner")
                helper_name = helper.surface
                if owner is not None and "expanded" in owner.extra:
                    helper_name = owner.extra["expanded"] + helper.surface[len(owner.surface):]
                data = {"helper_uid": helper.uid, "helper_name": helper_name, "helper_kind": helper.kind,
                        "helper_org_kind": helper.extra.get("org_kind"),
                        "helper_district_code": helper.extra.get("district_code"),
                        "recipient_uid": rec_uid, "recipient_name": recipient.surface,
                        "recipient_full_name": recipient.extra.get(
                            "expanded", recipient.place.name if recipient.place else recipient.surface),
                        "recipient_level": recipient.kind,
                        "recipient_code": recipient.place.code if recipient.place else None,
                        "relation": kind}
                start = min(helper.start, recipient.start) if helper.start >= sent.start else recipient.start
                end = max(helper.end, recipient.end) if helper.start >= sent.start else recipient.end
                facts.append(Fact("pairing", data, ev(start, end, method, conf * min(1.0, recipient.confidence + 0.1))))
            paired_amounts = self._amounts(doc, text, sent, pairs, ev)
            if not paired_amounts:
                paired_amounts = self._loose_amounts(doc, text, sent, sentence_helper, recips_in, ev)
            facts.extend(paired_amounts)
            if helpers_in:
                last_helper = helpers_in[-1]
        return _dedupe_amounts(facts)

    def _amounts(self, doc: ReportDoc, text: str, sent: Sentence,
                 pairs: list[tuple[Mention, Mention, str, float]],
                 ev: Callable[[int, int, str, float], Evidence]) -> list[Fact]:
        """Amounts after a group of recipients (万北村、启瀛村…), up to the next group or the sentence end.

        A group is recipients of one helper separated only by 、/和/及; its project benefits all.
        """
        facts: list[Fact] = []
        groups: list[tuple[Mention, list[Mention]]] = []
        for helper, recipient, _, _ in sorted(pairs, key=lambda p: p[1].start):
            if groups and groups[-1][0] is helper and re.fullmatch(r"[、和及与,，]?", text[groups[-1][1][-1].end:recipient.start]):
                groups[-1][1].append(recipient)
            else:
                groups.append((helper, [recipient]))
        for i, (helper, recipients) in enumerate(groups):
            begin = recipients[-1].end
            stop = groups[i + 1][1][0].start if i + 1 < len(groups) else sent.end
            for match in _AMOUNT_RE.finditer(text, begin, stop):
                value = parse_number(match.group(2))
                if value is None:
                    continue
                unit = _amount_unit(match)
                if unit in ("人", "名", "户") and text[match.end():match.end() + 1] == "次":
                    continue
                data = _project_data(doc, text, match.start(2), match.end(5), value, unit, begin, stop, helper,
                                     recipients, bool(match.group(1) or match.group(3) or match.group(6)))
                facts.append(Fact("project", data, ev(match.start(2), match.end(5), "amount_after_recipients", 0.75)))
        return facts

    def _loose_amounts(self, doc: ReportDoc, text: str, sent: Sentence, helper: Mention | None,
                       recipients: list[Mention], ev: Callable[[int, int, str, float], Evidence]) -> list[Fact]:
        """Money and goods in a sentence about assistance that names no helper–recipient pair.

        "慰问金共计10000元" after a list of branches, "资金约196万元" after "结对单位共开展…": the amount is
        real and worth keeping, but who gave it to whom is only as certain as the sentence makes it, so
        these facts carry a lower confidence and land in review.
        """
        if not re.search(_PAIR_RE.pattern + "|协助|捐|销售|营销|征订|认购|收益|投入|慰问金|帮困", text[sent.start:sent.end]):
            return []
        found: list[tuple[int, int, float, str, bool]] = []
        for match in _AMOUNT_RE.finditer(text, sent.start, sent.end):
            unit = _amount_unit(match)
            value = parse_number(match.group(2))
            if value is None or unit not in _LOOSE_UNITS:
                continue
            found.append((match.start(2), match.end(5), value, unit,
                          bool(match.group(1) or match.group(3) or match.group(6))))
        for match in _BARE_MONEY_RE.finditer(text, sent.start, sent.end):
            value = parse_number(match.group(2))
            if value is None or any(a <= match.start(2) < b for a, b, *_ in found):
                continue
            found.append((match.start(2), match.end(4), value, match.group(4) + "元",
                          bool(match.group(1) or match.group(3) or match.group(5))))
        facts: list[Fact] = []
        for start, end, value, unit, approximate in sorted(found):
            data = _project_data(doc, text, start, end, value, unit, sent.start, sent.end, helper, recipients,
                                 approximate)
            facts.append(Fact("project", data, ev(start, end, "amount_in_assistance_sentence",
                                                  0.6 if helper else 0.45)))
        return facts

    def _claims(self, doc: ReportDoc, text: str, sents: list[Sentence], region: list[str],
                ev: Callable[[int, int, str, float], Evidence]) -> list[Fact]:
        facts: list[Fact] = []
        for sent in sents:
            chunk = text[sent.start:sent.end]
            if not re.search("结对|帮扶|挂钩|共建|联建|对接|选派|公益项目", chunk):
                continue
            for match in _CLAIM_RE.finditer(text, sent.start, sent.end):
                value = parse_number(match.group(1))
                # "两个村", "一个贫困户" point back at entities the sentence or the one before named;
                # an aggregate worth comparing with the graph counts more than that.
                if value is None or value <= 2:
                    continue
                said = match.group(3) + match.group(4)
                noun = next((n for n in sorted(_CLAIM_METRIC, key=len, reverse=True) if said.endswith(n)),
                            match.group(4))
                metric = _CLAIM_METRIC.get(noun, "count")
                start, end = match.start(1), match.end(4)
                data = {"uid": f"claim:{doc.uid}:{start}-{end}", "metric": metric, "value": value,
                        "unit": match.group(2) + noun, "scope_code": region[0] if region else None}
                facts.append(Fact("claim", data, ev(start, end, "count_noun_pattern", 0.7)))
            for match in _CLAIM_NOUN_FIRST_RE.finditer(text, sent.start, sent.end):
                value = parse_number(match.group(2))
                if value is None or value <= 2:
                    continue
                noun = match.group(1)
                start, end = match.start(1), match.end(3)
                data = {"uid": f"claim:{doc.uid}:{start}-{end}", "metric": _CLAIM_METRIC.get(noun, "count"),
                        "value": value, "unit": match.group(3) + noun, "scope_code": region[0] if region else None}
                facts.append(Fact("claim", data, ev(start, end, "noun_count_pattern", 0.65)))
        return facts


def _sentence_lookup(sents: list[Sentence], n: int) -> Callable[[int], Sentence]:
    import bisect

    starts = [s.start for s in sents]

    def find(pos: int) -> Sentence:
        i = bisect.bisect_right(starts, pos) - 1
        return sents[i] if i >= 0 else Sentence(0, n)

    return find


def _drop_overlaps(orgs: list[Mention], places: list[Mention]) -> list[Mention]:
    orgs = sorted(orgs, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()
    for m in orgs:
        key = (m.start, m.end, m.kind)
        if key in seen:
            continue
        if m.kind == "organization" and any(p.start <= m.start and m.end <= p.end for p in places):
            continue
        if m.kind == "organization" and any(o.kind == "organization" and o.start <= m.start and m.end <= o.end
                                            and (o.start, o.end) != (m.start, m.end) for o in out):
            continue
        seen.add(key)
        out.append(m)
    return out


def _is_helper(m: Mention) -> bool:
    if m.kind == "organization":
        return True
    return m.kind == "party_org" and m.extra.get("owner") is None


def _is_street_office(m: Mention, places: list[Mention]) -> bool:
    """A 街道 named on its own acts as its office (街道办事处), the usual urban helper."""
    return (m.kind == "town" and m.place is not None and m.place.kind == "street"
            and m.surface.endswith("街道") and not _is_chain_prefix(m, places))


def _acts(text: str, m: Mention) -> bool:
    """The street is the subject of a clause (starts it, or is followed by a verb-like word)."""
    before = text[m.start - 1:m.start]
    return not before or before in _BOUNDARY_CHARS or text[m.start - 2:m.start] in _LEFT_VERBS


def _street_office(m: Mention) -> Mention:
    assert m.place is not None
    return Mention("organization", m.start, m.end, m.surface, m.method, m.confidence, place=None,
                   uid=f"org:{normal_key(m.place.name)}",
                   extra={"org_kind": "street_office", "district_code": m.place.code[:6], "town_code": m.place.code})


def _is_chain_prefix(m: Mention, places: list[Mention]) -> bool:
    """崇明区堡镇四滧村: the town is only the village's address here."""
    return any(p.start == m.end and p.kind == "village" for p in places)


def _entity_uid(m: Mention) -> str | None:
    if m.kind == "village":
        return m.uid
    if m.place is not None:
        return m.place.code
    return m.uid


def _district_near(m: Mention, places: list[Mention]) -> str | None:
    for p in places:
        if p.end == m.start and p.place is not None and p.kind in ("district", "town"):
            return p.place.code[:6]
    return None


def _pair_helpers_recipients(text: str, sent: Sentence, helpers: list[Mention], recips: list[Mention],
                             last_helper: Mention | None, orgs: list[Mention]
                             ) -> list[tuple[Mention, Mention, str, float]]:
    """Pair every recipient with the helper that governs it."""
    out: list[tuple[Mention, Mention, str, float]] = []
    recips = sorted({id(r): r for r in recips}.values(), key=lambda m: m.start)
    for r in recips:
        # X与Y / X和Y: the helper right before a 与/和 that precedes the recipient.
        before = [h for h in helpers if h.end <= r.start]
        helper: Mention | None = None
        method = "pairing_subject_before_recipient"
        conf = 0.8
        if before:
            helper = before[-1]
            between = text[helper.end:r.start]
            if _PAIR_RE.search(between) or re.search(r"^[与和同]", between) or "与" in between:
                conf = 0.85
            elif len(between) > 40:
                conf = 0.6
        else:
            after = [h for h in helpers if h.start >= r.end]
            if after and re.search(r"^[和与同]", text[r.end:after[0].start]) is None and "与" in text[sent.start:r.start]:
                helper, method, conf = after[0], "pairing_recipient_before_helper", 0.6
            elif last_helper is not None and not helpers and _clause_subjectless(text, sent):
                helper, method, conf = last_helper, "pairing_helper_from_previous_sentence", 0.55
        if helper is None:
            continue
        out.append((helper, r, method, conf))
    return out


def _place_to_place_pairs(text: str, sent: Sentence, recips: list[Mention], orgs: list[Mention]
                          ) -> list[tuple[Mention, Mention, str, float]]:
    """``A村党支部和B社区党支部共建``: two places joined by 和/与; the urban one (a community) helps."""
    recips = sorted({id(r): r for r in recips}.values(), key=lambda m: m.start)
    if len(recips) < 2:
        return []
    urban = [r for r in recips if r.place is not None and r.place.kind == "community"]
    rural = [r for r in recips if r not in urban]
    if not urban or not rural or not re.search("[和与同]", text[recips[0].end:recips[-1].start]):
        return []
    party_of = {id(m.extra.get("owner")): m for m in orgs if m.extra.get("owner") is not None}
    out = []
    for u in urban:
        helper = party_of.get(id(u))
        if helper is None:
            helper = Mention("party_org", u.start, u.end, u.surface, u.method, u.confidence, place=u.place,
                             uid=f"party:{_entity_uid(u)}:党组织", extra={"owner": u})
        for r in rural:
            out.append((helper, r, "pairing_urban_place_with_rural_place", 0.7))
    return out


def _clause_subjectless(text: str, sent: Sentence) -> bool:
    head = text[sent.start:sent.start + 8]
    return bool(re.match(r"^\s*(公司|集团|该公司|该集团|同时|此外|另外|还|并|通过|特别是)", head))


def _place_data(m: Mention) -> dict[str, Any]:
    res = m.resolution
    data: dict[str, Any] = {"level": m.kind, "surface": m.surface, "name": m.extra.get("expanded", m.surface)}
    if m.place is not None and (res is None or res.status == "resolved"):
        data.update({"status": "resolved", "code": m.place.code, "official_name": m.place.name,
                     "uid": m.place.code if m.kind == "village" else None})
    else:
        data.update({"status": res.status if res else "unknown", "code": None, "uid": m.uid,
                     "candidate_codes": res.candidate_codes if res else [],
                     "part_of": m.extra.get("scope") or None})
    if res is not None:
        data["reason"] = res.reason
        data["fuzzy"] = res.fuzzy
    if "review_key" in m.extra:
        data["review_key"] = m.extra["review_key"]
    return data


_CATEGORY_WORDS = (
    ("道路|路基|河道|水泥|设施|修缮|翻修|工程|建设|新建|办公", "infrastructure"),
    ("慰问|帮困|困难", "relief"), ("助学|学生|教育|培训", "education"), ("医疗|卫生|药品", "medical"),
    ("销售|订单|营销|电商|认购|征订|收购|稻谷|大米", "market"), ("花种|种子|物资|设备", "goods"),
)


def _amount_unit(match: re.Match[str]) -> str:
    """The unit of an ``_AMOUNT_RE`` match, with its 万/亿 folded in (万 + 元 → 万元) and ㎡ spelled out."""
    unit = match.group(5)
    if match.group(4):
        unit = match.group(4) + unit if unit != "元" else match.group(4) + "元"
    return "平方米" if unit in ("㎡", "m2") else unit


def _project_data(doc: ReportDoc, text: str, start: int, end: int, value: float, unit: str, begin: int, stop: int,
                  helper: Mention | None, recipients: list[Mention], approximate: bool) -> dict[str, Any]:
    """A project fact's data; its name is the clause around the amount, within ``begin``–``stop``."""
    clause_start = max(begin, *(text.rfind(c, begin, start) + 1 for c in "，,；;"))
    clause_end = min([i for i in (text.find(c, end, stop) for c in "，,；;。") if i >= 0] + [stop])
    name = text[clause_start:clause_end].strip()[:40] or unit
    factor = _MONEY_FACTOR.get(unit)
    return {"uid": f"project:{doc.uid}:{start}-{end}", "name": name, "amount": value,
            "amount_unit": unit, "amount_yuan": value * factor if factor else None,
            "helper_uid": helper.uid if helper else None, "helper_name": helper.surface if helper else None,
            "recipient_uids": [_entity_uid(r) for r in recipients],
            "recipient_codes": [r.place.code if r.place else None for r in recipients],
            "approximate": approximate, "category": _project_category(name)}


def _project_category(s: str) -> str:
    for pattern, category in _CATEGORY_WORDS:
        if re.search(pattern, s):
            return category
    return "other"


def _dedupe_amounts(facts: list[Fact]) -> list[Fact]:
    seen: set[str] = set()
    out: list[Fact] = []
    for f in facts:
        if f.kind == "project":
            if f.data["uid"] in seen:
                continue
            seen.add(f.data["uid"])
        out.append(f)
    return out


def check_evidence(doc: ReportDoc, facts: Sequence[Fact]) -> None:
    """Raise EvidenceError when a fact's offsets do not give back its surface string."""
    for f in facts:
        e = f.evidence
        if doc.text[e.start:e.end] != e.surface or not e.surface:
            raise EvidenceError(f"{doc.uid}: {f.kind} chars {e.start}-{e.end} give "
                                f"{doc.text[e.start:e.end]!r}, not {e.surface!r}")


# --- public pure API --------------------------------------------------------------------------------


def extract(doc: ReportDoc, index: PlaceIndex, decisions: dict[str, str | None] | None = None) -> list[Fact]:
    """Facts of one document (builds a matcher; reuse an ``Extractor`` for many documents)."""
    return Extractor(index, decisions=decisions).extract(doc).facts


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.is_file() and q.suffix in (".txt", ".md", ".text"))
        else:
            yield p


# --- write / load -----------------------------------------------------------------------------------


@dataclass
class ReportLoad:
    """What ``load`` did: documents written, skipped as unchanged, rejected; facts by kind; writes."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    facts: Counter[str] = field(default_factory=Counter)
    review_items: int = 0
    writes: Any = None
    seconds: float = 0.0

    def summary(self) -> str:
        facts = ", ".join(f"{n} {kind}" for kind, n in sorted(self.facts.items())) or "no facts"
        return (
            f"{len(self.written)} written, {len(self.unchanged)} unchanged, {len(self.rejected)} rejected "
            f"({facts}; {self.review_items} for review)"
        )


def _prov(f: Fact) -> dict[str, Any]:
    e = f.evidence
    # The sentence is shown by every read endpoint; a phone or ID number in it is masked (loaders/personal.py).
    return {"source_id": e.source_id, "source_loc": e.source_loc, "evidence": mask_personal(e.sentence), "method": e.method,
            "confidence": e.confidence}


def rows_for_write(doc: ReportDoc, facts: Sequence[Fact]) -> dict[str, list[dict[str, Any]]]:
    """The rows each ``cypher/load/merge_report_*`` query takes (pure)."""
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in (
        "document", "villages", "organizations", "party_orgs", "persons", "pairings", "projects", "claims",
        "mentions")}
    rows["document"].append({"uid": doc.uid, "title": mask_personal(doc.title), "path": doc.path, "sha256": doc.sha256})
    seen_villages: set[str] = set()
    seen_orgs: set[str] = set()
    for f in facts:
        d = f.data
        mention = {**_prov(f), "uid": None, "code": None, "start": f.evidence.start, "end": f.evidence.end,
                   "surface": f.evidence.surface, "review_key": d.get("review_key")}
        if f.kind == "place":
            if d["status"] == "resolved":
                if d["level"] == "village":
                    mention["uid"] = d["code"]
                else:
                    mention["code"] = d["code"]
            else:
                mention["uid"] = d["uid"]
                if d["uid"] not in seen_villages:
                    seen_villages.add(d["uid"])
                    rows["villages"].append({"uid": d["uid"], "name": d["name"], "status": d["status"],
                                             "candidate_codes": d.get("candidate_codes") or [],
                                             "part_of": d.get("part_of")})
            rows["mentions"].append(mention)
        elif f.kind == "organization":
            if d["uid"] not in seen_orgs:
                seen_orgs.add(d["uid"])
                rows["organizations"].append({"uid": d["uid"], "name": d["name"], "kind": d["org_kind"],
                                              "district_code": d.get("district_code")})
            rows["mentions"].append({**mention, "uid": d["uid"]})
        elif f.kind == "party_org":
            owner = d.get("belongs_to")
            owner_is_code = d.get("belongs_to_kind") == "town"
            rows["party_orgs"].append({**_prov(f), "uid": d["uid"], "name": d["name"], "level": d["level"],
                                       "owner_uid": None if owner_is_code else owner,
                                       "owner_code": owner if owner_is_code else None})
            rows["mentions"].append({**mention, "uid": d["uid"]})
        elif f.kind == "person":
            aff = d.get("affiliation_uid")
            by_code = d.get("affiliation_kind") in ("town", "district")
            rows["persons"].append({**_prov(f), "uid": d["uid"], "name": d["name"], "role": d["role"],
                                    "aff_uid": None if by_code else aff, "aff_code": aff if by_code else None})
            rows["mentions"].append({**mention, "uid": d["uid"]})
        elif f.kind == "pairing":
            if d["helper_kind"] == "organization" and d["helper_uid"] not in seen_orgs:
                seen_orgs.add(d["helper_uid"])
                rows["organizations"].append({"uid": d["helper_uid"], "name": d["helper_name"],
                                              "kind": d.get("helper_org_kind"),
                                              "district_code": d.get("helper_district_code")})
            if d["helper_kind"] == "party_org":
                rows["party_orgs"].append({**_prov(f), "uid": d["helper_uid"], "name": d["helper_name"],
                                           "level": "other", "owner_uid": None, "owner_code": None})
            rec_uid = d["recipient_uid"] if d["recipient_level"] == "village" else None
            rec_code = d["recipient_code"] if d["recipient_level"] != "village" else None
            rows["pairings"].append({**_prov(f), "helper_uid": d["helper_uid"], "recipient_uid": rec_uid,
                                     "recipient_code": rec_code, "kind": d.get("relation")})
        elif f.kind == "project":
            uids = [u for u in d["recipient_uids"] if u and not (u.isdigit() and len(u) < 12)]
            codes = [u for u in d["recipient_uids"] if u and u.isdigit() and len(u) < 12]
            rows["projects"].append({**_prov(f), "uid": d["uid"], "name": d["name"], "category": d["category"],
                                     "amount": d["amount"], "amount_unit": d["amount_unit"],
                                     "amount_yuan": d["amount_yuan"], "helper_uid": d["helper_uid"],
                                     "recipient_uids": uids, "recipient_codes": codes})
        elif f.kind == "claim":
            rows["claims"].append({**_prov(f), "uid": d["uid"], "metric": d["metric"], "value": d["value"],
                                   "unit": d["unit"], "scope_code": d.get("scope_code")})
    return rows


# Order matters: nodes before the relationships that MATCH them.
_WRITE_ORDER = (
    ("document", "load/merge_report_document"), ("villages", "load/merge_report_villages"),
    ("organizations", "load/merge_report_organizations"), ("party_orgs", "load/merge_report_party_orgs"),
    ("persons", "load/merge_report_persons"), ("pairings", "load/merge_report_pairings"),
    ("projects", "load/merge_report_projects"), ("claims", "load/merge_report_claims"),
    ("mentions", "load/merge_report_mentions"),
)


def write(driver: Any, doc: ReportDoc, facts: Sequence[Fact], *, database: str = "neo4j",
          batch_size: int = 2000) -> Any:
    """Replace the document's facts in the graph: delete what it said before, then write (batched)."""
    from graph import queries
    from graph.db import BatchWriter, WriteCounts

    counts = WriteCounts()
    # The stored hash makes a re-load skip the document: it is cleared before the old facts go and
    # set only once every batch is in, so a load killed half-way is redone in full.
    mark = queries.get("load/mark_report_loaded").text
    driver.execute_query(mark, uid=doc.uid, sha256=None, database_=database)
    summary = driver.execute_query(queries.get("load/delete_report_facts").text, source_id=doc.uid,
                                   database_=database).summary.counters
    counts.nodes_deleted += summary.nodes_deleted
    counts.relationships_deleted += summary.relationships_deleted
    writer = BatchWriter(driver, database=database, batch_size=batch_size)
    rows = rows_for_write(doc, facts)
    rows["document"] = [{**row, "sha256": None} for row in rows["document"]]
    for key, query in _WRITE_ORDER:
        if rows[key]:
            counts.add(writer.write(queries.get(query).text, rows[key]))
    driver.execute_query(mark, uid=doc.uid, sha256=doc.sha256, database_=database)
    return counts


def stored_hash(driver: Any, uid: str, database: str = "neo4j") -> str | None:
    from graph import queries

    records = driver.execute_query(queries.get("load/get_report_document_hash").text, uid=uid,
                                   database_=database).records
    return records[0]["sha256"] if records else None


def review_decisions(driver: Any, database: str = "neo4j") -> dict[str, str | None]:
    """Every recorded decision: mention key → decided code (None: confirmed not in the code table)."""
    from graph import queries

    records = driver.execute_query(queries.get("review/list_review_decisions").text, database_=database).records
    return {r["uid"]: r["decided_code"] for r in records}


def load(driver: Any, paths: Iterable[Path], index: PlaceIndex, *, database: str = "neo4j",
         force: bool = False, on_document: Callable[[str], None] | None = None) -> ReportLoad:
    """Read, validate, extract and write each report; unchanged documents (same sha256) are skipped.

    Review decisions recorded in the graph are applied to the extraction, so re-loads keep them.
    """
    from graph.db import WriteCounts

    started = time.perf_counter()
    report = ReportLoad(writes=WriteCounts())
    extractor = Extractor(index, decisions=review_decisions(driver, database))
    for path in iter_paths(paths):
        try:
            doc = read(path)
        except (ReportError, OSError) as exc:
            report.rejected.append(str(exc))
            continue
        problem = validate(doc)
        if problem:
            report.rejected.append(problem)
        elif not force and stored_hash(driver, doc.uid, database) == doc.sha256:
            report.unchanged.append(doc.uid)
        else:
            facts = extractor.extract(doc).facts
            report.writes.add(write(driver, doc, facts, database=database))
            report.written.append(doc.uid)
            report.facts.update(f.kind for f in facts)
            report.review_items += sum(1 for f in facts if needs_review(f))
        if on_document is not None:
            on_document(doc.uid)
    report.seconds = time.perf_counter() - started
    return report


def needs_review(f: Fact, threshold: float = 0.7) -> bool:
    """Ambiguous or unknown places, fuzzy matches and low-confidence facts."""
    if f.kind == "place":
        return f.data["status"] != "resolved" or bool(f.data.get("fuzzy")) or f.evidence.confidence <= threshold
    return f.kind in ("pairing", "person") and f.evidence.confidence < 0.5
