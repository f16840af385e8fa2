"""Place-name resolution against the national code table, shared by the register and report loaders.

``PlaceIndex`` holds every province, city, district, town and village of the gazetteer in memory,
keyed by normalised name forms; ``resolve`` turns a name plus whatever context a source gives
(town, district, city, province — names or codes) into a ``Resolution``: one place, an honest
``ambiguous`` with every surviving candidate, or ``unknown``. It never picks among namesakes.

Name forms, from surest to loosest (the ``method`` of a resolution says which one matched):

* ``exact``  — the official name or the short form people use (四滧村 for 四滧村村委会);
* ``stem``   — the name without its level word (凌云路 for 凌云路街道, 浦东 for 浦东新区);
* ``alias``  — a derived short form (凌云街 → 凌云路街道, whose stem drops the trailing 路);
* ``fuzzy``  — same pinyin with at most one differing character, searched only inside a known
  town or district (鲁屿村 vs 鲁玙村, 曹泾镇 vs 漕泾镇); flagged, with lower confidence.

Traditional characters are converted to simplified before matching (``to_simplified``).
"""

from __future__ import annotations

import gc
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from loaders import gazetteer

LEVELS = gazetteer.LEVELS
CODE_LENGTH = gazetteer.CODE_LENGTH
_LENGTH_LEVEL = {n: level for level, n in CODE_LENGTH.items()}

Status = Literal["resolved", "ambiguous", "unknown"]


@dataclass(frozen=True, slots=True)
class Place:
    """One administrative unit of the code table."""

    level: str
    code: str
    name: str  # the short form people use: 四滧村, 凌云路街道, 浦东新区
    full_name: str  # the official form: 四滧村村委会
    parent_code: str | None
    kind: str | None  # town: street/town/township/other; village: village/community


@dataclass(frozen=True)
class Resolution:
    """What a name resolved to.

    ``place`` is set only when ``status == 'resolved'``; ``candidates`` holds every surviving
    candidate (one when resolved, several when ambiguous, none when unknown).
    """

    status: Status
    place: Place | None
    candidates: tuple[Place, ...]
    method: str
    confidence: float
    reason: str

    @property
    def fuzzy(self) -> bool:
        return self.method.startswith("fuzzy")

    @property
    def candidate_codes(self) -> list[str]:
        return [c.code for c in self.candidates]


# --- text normalisation ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _t2s_table() -> dict[int, str]:
    """Character-level traditional → simplified map from OpenCC's bundled dictionary.

    Only one-to-one character entries are used, so converting never changes a text's length and
    character offsets stay valid for evidence.
    """
    import opencc

    table: dict[int, str] = {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 2:
                continue
            src, targets = parts
            options = targets.split(" ")
            target = options[0]
            # 乾 → "干 乾": a character that is also its own simplified form is left alone.
            if len(src) == 1 and len(target) == 1 and src != target and src not in options:
                table[ord(src)] = target
    table.update({ord(src): target for src, target in VARIANT_CHARACTERS.items()})
    return table


# Variant characters that OpenCC's table leaves as they are although the code table writes the
# standard simplified form (a page in traditional script may write 貍橋鎮 for 狸桥镇): one for one, so
# offsets stay valid.
VARIANT_CHARACTERS = {"貍": "狸", "衞": "卫", "敍": "叙", "堦": "阶", "遶": "绕", "廼": "乃", "麽": "么", "厛": "厅"}


def to_simplified(text: str) -> str:
    """Traditional to simplified characters, one for one (offsets are preserved).

    >>> to_simplified("崇明區堡鎮四滧村")
    '崇明区堡镇四滧村'
    """
    return text.translate(_t2s_table())


_SPACE_RE = re.compile(r"\s+")
_BRACKET_NOTE_RE = re.compile(r"[（(][^（）()]*[）)]")


def normalize(name: str) -> str:
    """NFKC, simplified characters, no white space.

    >>> normalize(" 崇明區 堡鎮 ")
    '崇明区堡镇'
    """
    return to_simplified(_SPACE_RE.sub("", unicodedata.normalize("NFKC", name)))


_UID_DROP_RE = re.compile(r"[\s()（）\"“”]")


def name_key(name: str) -> str:
    """The part of a uid that names a unit or party organization, shared by every loader so that a
    unit named by a register and by a report is one node: NFKC, simplified, no spaces, brackets or quotes.

    >>> name_key(" 崇明區 財政局 "), name_key("玫琳凯（中國）有限公司")
    ('崇明区财政局', '玫琳凯中国有限公司')
    """
    return _UID_DROP_RE.sub("", unicodedata.normalize("NFKC", to_simplified(name)))


# --- name forms ----------------------------------------------------------------------------------

_VILLAGE_SUFFIXES = (
    "社区居民委员会",
    "社区居委会",
    "村民委员会",
    "居民委员会",
    "村委会",
    "居委会",
    "牧民委员会",
    "牧委会",  # a pastoral village's committee (青海, 西藏): 某某牧委会 is said 某某村 too
    "委员会",
    "村委",
    "居委",
)
_TOWN_SUFFIXES = ("街道办事处", "地区办事处", "街道", "办事处", "镇", "乡", "苏木", "街")
_DISTRICT_SUFFIXES = ("自治县", "自治旗", "新区", "林区", "特区", "区", "县", "市", "旗")
_CITY_SUFFIXES = ("自治州", "地区", "市", "盟")
_PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")


def _strip_one(name: str, suffixes: Iterable[str], keep: int = 2) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= keep:
            return name[: -len(suffix)]
    return name


def stem(name: str, level: str) -> str:
    """The name without its level word: the form most likely shared by different spellings.

    >>> [stem(n, lv) for n, lv in [("四滧村村委会", "village"), ("梅陇三村", "village"), ("银闸社区", "village"),
    ...     ("凌云路街道", "town"), ("凌云街", "town"), ("漕泾镇", "town"), ("浦东新区", "district"),
    ...     ("崇明区", "district"), ("广西壮族自治区", "province"), ("上海市", "province")]]
    ['四滧', '梅陇三', '银闸', '凌云路', '凌云', '漕泾', '浦东', '崇明', '广西', '上海']
    """
    return _stem_normal(normalize(name), level)


def _stem_normal(name: str, level: str) -> str:
    if level == "village":
        name = _strip_one(name, _VILLAGE_SUFFIXES, keep=1)
        return _strip_one(name, ("社区", "村"), keep=1)
    if level == "town":
        return _strip_one(name, _TOWN_SUFFIXES)
    if level == "district":
        return _strip_one(name, _DISTRICT_SUFFIXES)
    if level == "city":
        return _strip_one(name, _CITY_SUFFIXES)
    return _strip_one(name, _PROVINCE_SUFFIXES)


# The nationalities of China as village names carry them (某某畲族村, 某某朝鲜族村, 某某满族村): the news often
# leaves the nationality out (某某村), so the name without it is indexed at the alias tier.
# fmt: off
ETHNIC_GROUPS = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族",
    "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族",
    "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族",
    "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族",
    "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
)
# fmt: on
ETHNIC_VILLAGE_RE = re.compile("^(.{2,}?)(?:" + "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True)) + ")村$")


# Committees the table writes with a clipped word for committee (某嘎查委会, 某村村民委会, 某社区居民委会,
# 某社区委会), which the short-name rules do not take off: the village is said by what comes before it.
_CLIPPED_COMMITTEE_RE = re.compile("^(.{2,}(?:嘎查|村|社区))(?:委会|村民委会|居民委会)$")


# A nationality as written inside a county's or township's name: with 族 (土家族) or, for the longer ones,
# without it (哈萨克自治县, 乌孜别克乡); longest first, so 蒙古族 is taken before 古族 could be.
_NATIONALITY_FORMS = tuple(
    sorted(set(ETHNIC_GROUPS) | {g[:-1] for g in ETHNIC_GROUPS if len(g) > 3}, key=len, reverse=True)
)


def _without_nationalities(stem_: str) -> str:
    """木垒哈萨克 → 木垒, 双江拉祜族佤族布朗族傣族 → 双江: the nationalities at the end taken off."""
    while True:
        shorter = next((stem_[: -len(n)] for n in _NATIONALITY_FORMS if stem_.endswith(n)), stem_)
        if shorter == stem_ or len(shorter) < 2:
            return stem_
        stem_ = shorter


def _aliases(place: Place) -> set[str]:
    """Derived short forms beyond the stem (indexed at the ``alias`` tier)."""
    out: set[str] = set()
    s = _stem_normal(place.name, place.level)
    if place.level == "town" and place.kind == "street" and s.endswith("路") and len(s) >= 3:
        out.add(s[:-1])  # 凌云路街道 is said 凌云街
    if place.level == "district" and place.name.endswith("新区") and len(s) >= 2:
        out.add(s + "区")  # 浦东新区 is also written 浦东区
    if place.level == "district" and place.name.endswith(("自治县", "自治旗")):
        # 木垒哈萨克自治县 is said 木垒县: the news leaves the nationalities out. (Not bare 木垒: a bare short
        # name would be read inside village names such as 木垒村.)
        bare = _without_nationalities(place.name[:-3])
        if bare != place.name[:-3]:
            out.add(bare + place.name[-1])
    if place.level == "town" and place.name.endswith(("乡", "镇", "苏木")):
        # 大南沟乌孜别克乡 is also written 大南沟乌孜别克族乡 or 大南沟乡.
        word = "苏木" if place.name.endswith("苏木") else place.name[-1]
        body = place.name[: -len(word)]
        bare = _without_nationalities(body.removesuffix("民族"))
        if bare != body:
            out.add(bare + word)
            nationality = body[len(bare) :]
            if not nationality.endswith("族"):
                out.add(body + "族" + word)
            elif len(nationality) > 3:
                out.add(body[:-1] + word)
    return out - {s}


# The 兵团 (新疆生产建设兵团): its regiments are towns named 兵团某团 / 兵团第某师某团 in the code table and
# written 某团 or with digits (一五二团, 152团) in text; its companies are villages named 某连生活区 / 某连队
# in the table and written 某连 (三连, 3连) after their regiment.
_REGIMENT_RE = re.compile(r"^兵团(?:[^团]*?师)?([一二三四五六七八九十百零〇]{2,5})团$")
_COMPANY_RE = re.compile(r"^([一二三四五六七八九十百零〇]{1,4})连(?:生活区|队)$")
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _numeral_digits(numeral: str) -> str | None:
    """一五二 → 152 (digit by digit), 七十 → 70, 十一 → 11, 一百零四 → 104; None if it is not a number."""
    if all(c in _CN_DIGIT for c in numeral):
        return "".join(str(_CN_DIGIT[c]) for c in numeral)
    total, current = 0, 0
    for c in numeral:
        if c in _CN_DIGIT:
            current = _CN_DIGIT[c]
        elif c in "十百":
            total += (current or 1) * (10 if c == "十" else 100)
            current = 0
        else:
            return None
    return str(total + current)


def regiment_forms(name: str) -> list[str]:
    """The forms a regiment's town is written in: 兵团第九师一六二团 → 一六二团, 162团.

    >>> regiment_forms("兵团第九师一六二团"), regiment_forms("兵团七十团"), regiment_forms("兵团七十团中心团场")
    (['一六二团', '162团'], ['七十团', '70团'], [])
    """
    match = _REGIMENT_RE.match(name)
    if match is None:
        return []
    digits = _numeral_digits(match.group(1))
    return [match.group(1) + "团"] + ([digits + "团"] if digits else [])


def company_forms(name: str) -> list[str]:
    """The forms a company's village is written in: 三连生活区 → 三连, 3连; 十一连队 → 十一连, 11连.

    >>> company_forms("三连生活区"), company_forms("十一连队"), company_forms("畜牧连生活区")
    (['三连', '3连'], ['十一连', '11连'], [])
    """
    match = _COMPANY_RE.match(name)
    if match is None:
        return []
    digits = _numeral_digits(match.group(1))
    return [match.group(1) + "连"] + ([digits + "连"] if digits else [])


def _put(keys: dict[str, str | list[str]], key: str, code: str) -> None:
    current = keys.get(key)
    if current is None:
        keys[key] = code
    elif isinstance(current, str):
        if current != code:
            keys[key] = [current, code]
    elif code not in current:
        current.append(code)


def _codes(value: str | list[str] | None) -> tuple[str, ...] | list[str]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else value


# --- pinyin ---------------------------------------------------------------------------------------


@cache
def char_readings(char: str) -> frozenset[str]:
    """Toneless pinyin readings of one character (all of them, for characters with several).

    >>> sorted(char_readings("屿")), sorted(char_readings("玙"))
    (['yu'], ['yu'])
    """
    from pypinyin import Style, pinyin

    readings = pinyin(char, style=Style.NORMAL, heteronym=True, errors="default")
    found = {r for group in readings for r in group if r}
    return frozenset(found) or frozenset({char})


def sounds_alike_one_off(a: str, b: str) -> bool:
    """Same length, every character sharing a reading, at most one character differing.

    >>> sounds_alike_one_off("鲁屿", "鲁玙"), sounds_alike_one_off("曹泾", "漕泾"), sounds_alike_one_off("曹泾", "漕河")
    (True, True, False)
    """
    if len(a) != len(b) or a == b:
        return False
    differing = 0
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        differing += 1
        if differing > 1 or not (char_readings(x) & char_readings(y)):
            return False
    return differing == 1


# --- the index -----------------------------------------------------------------------------------

_TIERS = ("exact", "stem", "alias")


class PlaceIndex:
    """Every unit of the code table (all of China or some provinces), in memory, by name form."""

    def __init__(self) -> None:
        self._places: dict[str, Place] = {}
        self._children: dict[str, list[str]] = {}
        # (scope code, level) -> stem length -> [(stem, place)], filled on first fuzzy lookup there
        self._stem_cache: dict[tuple[str, str], dict[str, list[tuple[int, str, Place]]]] = {}
        # (town, district, city, province as written) -> what ``_scopes_for_context`` made of them:
        # a register names the same few towns and districts on thousands of rows.
        self._scope_memo: dict[tuple[str | None, ...], tuple[list[str], str | None, list[str]]] = {}
        # level -> tier -> key -> one code, or a list when several places share the key (saves memory)
        self._keys: dict[str, dict[str, dict[str, str | list[str]]]] = {
            level: {tier: {} for tier in _TIERS} for level in LEVELS
        }

    @classmethod
    def for_home(cls, home: Path, provinces: Iterable[str] | None = None) -> PlaceIndex:
        """The index over ``provinces`` (``None``: all of China) of the code table cached under ``home``
        (``Settings.home``), fetched once if it is not there yet: what every command and the API build."""
        return cls.from_gazetteer(gazetteer.ensure_downloaded(home / "gazetteer"), provinces)

    @classmethod
    def from_gazetteer(cls, data_dir: Path, provinces: Iterable[str] | None = None) -> PlaceIndex:
        """Build the index from the code table's CSVs (``loaders.gazetteer.read``)."""
        index = cls()
        # The index is hundreds of thousands of small objects that all live on: the cyclic garbage
        # collector would rescan them again and again while they are built (3× slower), so it
        # waits until the build is done.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            index.add_all(
                Place(
                    r.level,
                    sys.intern(r.code),
                    r.name,
                    r.full_name,
                    sys.intern(r.parent_code) if r.parent_code else None,
                    r.kind,
                )
                for r in gazetteer.read(data_dir, provinces)
            )
        finally:
            if was_enabled:
                gc.enable()
        return index

    @classmethod
    def from_places(cls, places: Iterable[Place]) -> PlaceIndex:
        """Build an index from ``Place`` values (tests, small fixtures)."""
        index = cls()
        index.add_all(places)
        return index

    def add_all(self, places: Iterable[Place]) -> None:
        for place in places:
            self.add(place)

    def add(self, place: Place) -> None:
        """Index one place under the same normal form queries get (the code table keeps a few
        characters, such as 崑 or 湧, that the traditional→simplified map would change)."""
        code = place.code
        if self._scope_memo:
            self._scope_memo.clear()  # a new place may change what a context name resolves to
        self._places[code] = place
        if place.parent_code:
            siblings = self._children.get(place.parent_code)
            if siblings is None:
                self._children[place.parent_code] = [code]
            else:
                siblings.append(code)
        level = place.level
        keys = self._keys[level]
        name = normalize(place.name)
        if level == "village":
            # Hot path (600k villages). Full names are not indexed: lookups shorten the query
            # the same way (四滧村村委会 → 四滧村) before looking it up.
            _put(keys["exact"], name, code)
            if "（" in name or "(" in name:
                # a note in brackets (某村民委员会（农村社区）, 某村（一村）委会) is no part of the name people use
                bare = gazetteer.short_village_name(_BRACKET_NOTE_RE.sub("", name))
                if bare != name and bare:
                    _put(keys["exact"], bare, code)
                    name = bare
            for form in company_forms(name):
                _put(keys["exact"], form, code)
            clipped = _CLIPPED_COMMITTEE_RE.match(name)
            if clipped is not None:
                _put(keys["exact"], clipped.group(1), code)  # 某嘎查委会 in the table is 某嘎查 in the news
            if len(name) > 3 and name.endswith(("村村", "社区村")):
                _put(keys["exact"], name[:-1], code)  # 横村村 (横村村村委会) is said 横村, 某社区村 某社区
            if len(name) > 2 and name[-1] == "村":
                _put(keys["stem"], name[:-1], code)
                ethnic = ETHNIC_VILLAGE_RE.match(name)
                if ethnic is not None:
                    # 某某畲族村 is said 某某村 too; a tier below the stems, so a 某某社区 or 某某村 of the same
                    # stem keeps its own name
                    _put(keys["alias"], ethnic.group(1), code)
            elif len(name) > 3 and name.endswith("社区"):
                _put(keys["stem"], name[:-2], code)
            elif len(name) >= 2 and place.full_name.endswith(("居委会", "居民委员会")) and name != place.full_name:
                _put(keys["stem"], name, code)  # 烟多居委会 is written 烟多社区 or 烟多村
            return
        if level == "city" and name in {"市辖区", "县"}:
            return  # a municipality's placeholder city is found through its province
        _put(keys["exact"], name, code)
        if level == "town" and name.startswith("兵团"):
            for form in regiment_forms(name):
                _put(keys["exact"], form, code)
        full_name = normalize(place.full_name)
        if full_name != name:
            _put(keys["exact"], full_name, code)
        s = _stem_normal(name, level)
        if s != name and s != full_name:
            _put(keys["stem"], s, code)
        for alias in _aliases(place):
            _put(keys["alias"], alias, code)

    def __len__(self) -> int:
        return len(self._places)

    def __contains__(self, code: object) -> bool:
        return code in self._places

    def get(self, code: str) -> Place | None:
        return self._places.get(code)

    def path(self, code: str) -> list[Place]:
        """Province … the place itself (empty when the code is unknown)."""
        out: list[Place] = []
        place = self._places.get(code)
        while place is not None:
            out.append(place)
            place = self._places.get(place.parent_code) if place.parent_code else None
        return out[::-1]

    def children(self, code: str) -> list[Place]:
        return [self._places[c] for c in self._children.get(code, ())]

    def descendants(self, code: str, level: str) -> Iterator[Place]:
        """Every place of ``level`` under ``code`` (walks the tree, so cheap for a town or district)."""
        want = CODE_LENGTH[level]
        stack = [code]
        while stack:
            current = stack.pop()
            for child in self._children.get(current, ()):
                if len(child) == want:
                    yield self._places[child]
                elif len(child) < want:
                    stack.append(child)

    def lookup_tiered(self, name: str, level: str | None = None, within: str | None = None) -> list[tuple[str, Place]]:
        """``(tier, place)`` for every place whose name form matches, best tier first, no duplicates."""
        levels = [level] if level else list(LEVELS)
        seen: set[str] = set()
        out: list[tuple[str, Place]] = []
        norm = normalize(name)
        for tier in _TIERS:
            for lv in levels:
                if tier == "exact":
                    key = gazetteer.short_village_name(norm) if lv == "village" else norm
                else:
                    key = _stem_normal(norm, lv)
                found = self._keys[lv][tier].get(key)
                if found is None and tier == "alias" and lv != "village":
                    found = self._keys[lv][tier].get(norm)  # an alias kept whole, level word and all (某某县)
                for code in _codes(found):
                    if code in seen or (within and not code.startswith(within)):
                        continue
                    seen.add(code)
                    out.append((tier, self._places[code]))
        return out

    def lookup(self, name: str, level: str | None = None, within: str | None = None) -> list[Place]:
        """Places whose name (full, short, stem or alias form) matches ``name``.

        Args:
            name: as written (traditional characters and spaces are fine).
            level: ``province`` … ``village``, or None for any.
            within: a code prefix the place must start with (a province, district or town code).
        """
        return [p for _, p in self.lookup_tiered(name, level, within)]

    def fuzzy_lookup(self, name: str, level: str, within: str) -> list[Place]:
        """Places under ``within`` whose stem sounds the same as ``name``'s with one character off."""
        target = stem(name, level)
        if len(target) < 2:
            return []
        key = (within, level)
        stems = self._stem_cache.get(key)
        if stems is None:
            # Each stem under every form with one character blanked (漕泾 as ?泾 and 漕?): a name one character
            # off shares one of them, so only those few are compared, not every stem of the county.
            stems = {}
            for i, p in enumerate(self.descendants(within, level)):
                s = _stem_normal(p.name, level)
                for k in range(len(s)):
                    stems.setdefault(s[:k] + "\0" + s[k + 1 :], []).append((i, s, p))
            self._stem_cache[key] = stems
        near = {(i, s): p for k in range(len(target)) for i, s, p in stems.get(target[:k] + "\0" + target[k + 1 :], ())}
        return [near[i, s] for i, s in sorted(near) if sounds_alike_one_off(target, s)]


# --- resolution ----------------------------------------------------------------------------------

_CONFIDENCE = {"exact": 0.95, "stem": 0.9, "alias": 0.85}
_SCOPE_BONUS = {"town": 0.0, "district": -0.03, "city": -0.08, "province": -0.1, None: -0.2}
_CONTEXT_ORDER = ("province", "city", "district", "town")
SCOPE_MEMO_LIMIT = 100_000  # contexts remembered per index; emptied when full (a memo, not a record)


def _scopes_or_everywhere(scopes: list[str]) -> list[str | None]:
    """The scope codes to look a name up within; ``[None]`` (the whole index) when there are none."""
    return [*scopes] if scopes else [None]


def _scopes_for_context(index: PlaceIndex, context: dict[str, str | None]) -> tuple[list[str], str | None, list[str]]:
    """Code prefixes the context narrows to, the level of the most precise one, and notes.

    Each context value is a name or a code; names are resolved inside the context above them.
    A context name that is ambiguous narrows to all its candidates; one that is unknown is noted
    and ignored (the broader context still holds).
    """
    scopes: list[str] = []
    scope_level: str | None = None
    notes: list[str] = []
    for level in _CONTEXT_ORDER:
        value = context.get(level)
        if not value:
            continue
        value = normalize(value)
        if value.isdigit():
            if value in index:
                place = index.get(value)
                assert place is not None
                if not scopes or any(value.startswith(s) for s in scopes):
                    scopes, scope_level = [value], place.level
                else:
                    notes.append(f"{level} code {value} lies outside the rest of the context")
            continue
        found: list[Place] = []
        for within in _scopes_or_everywhere(scopes):
            tiered = index.lookup_tiered(value, level, within)
            if not tiered and level == "city":
                tiered = index.lookup_tiered(value, "province", within)  # 上海市 as a city
            if tiered:
                best = tiered[0][0]
                found.extend(p for t, p in tiered if t == best)
        if not found and level in ("town", "district"):
            for within in scopes:
                if len(within) >= 4:
                    found.extend(index.fuzzy_lookup(value, level, within))
        if found:
            scopes = sorted({p.code for p in found})
            scope_level = found[0].level
            if len(scopes) > 1:
                notes.append(f"{level} {value!r} is ambiguous ({len(scopes)} candidates)")
        else:
            notes.append(f"{level} {value!r} not found in the context")
    return scopes, scope_level, notes


def resolve(
    index: PlaceIndex,
    name: str,
    level: str,
    *,
    town: str | None = None,
    district: str | None = None,
    city: str | None = None,
    province: str | None = None,
    fuzzy: bool = True,
) -> Resolution:
    """Resolve ``name`` (a place of ``level``) using whatever context is given (names or codes).

    Within the context, exact name forms beat stems and aliases; if several places survive at the
    best tier the result is ``ambiguous`` with all of them. Only when nothing matches inside a
    known town or district are same-sounding names with one differing character tried (``fuzzy``).
    A name with no candidate in the context is ``unknown`` — a namesake elsewhere is never taken.
    ``fuzzy=False`` skips the same-sound search (for callers trying many substrings of a text).
    """
    norm = normalize(name)
    memo_key = (town, district, city, province)
    memo = index._scope_memo.get(memo_key)
    if memo is None:
        if len(index._scope_memo) >= SCOPE_MEMO_LIMIT:
            index._scope_memo.clear()
        context = {"town": town, "district": district, "city": city, "province": province}
        memo = index._scope_memo[memo_key] = _scopes_for_context(index, context)
    scopes, scope_level, notes = memo
    # Context at or below the asked level says nothing finer than its parent about where it lies.
    while scopes and len(scopes[0]) >= CODE_LENGTH[level]:
        parents = {p.parent_code for s in scopes if (p := index.get(s)) is not None and p.parent_code}
        scopes = sorted(parents)
    scope_level = _LENGTH_LEVEL.get(len(scopes[0])) if scopes else None
    note = ("; " + "; ".join(notes)) if notes else ""
    where = f"in {','.join(scopes)}" if scopes else "nationally"

    tiered: list[tuple[str, Place]] = []
    for within in _scopes_or_everywhere(scopes):
        tiered.extend(index.lookup_tiered(norm, level, within))
    if tiered:
        order = {t: i for i, t in enumerate(_TIERS)}
        best_tier = min((t for t, _ in tiered), key=order.__getitem__)
        best = tuple(sorted({p for t, p in tiered if t == best_tier}, key=lambda p: p.code))
        if len(best) == 1:
            confidence = round(_CONFIDENCE[best_tier] + _SCOPE_BONUS[scope_level], 3)
            return Resolution("resolved", best[0], best, best_tier, confidence, f"{best_tier} name match {where}{note}")
        return Resolution("ambiguous", None, best, best_tier, 0.0, f"{len(best)} places named {norm!r} {where}{note}")

    fuzzy_scopes = [s for s in scopes if len(s) >= CODE_LENGTH["district"]] if fuzzy else []
    if fuzzy_scopes:
        found = sorted({p for s in fuzzy_scopes for p in index.fuzzy_lookup(norm, level, s)}, key=lambda p: p.code)
        if len(found) == 1:
            return Resolution(
                "resolved",
                found[0],
                (found[0],),
                "fuzzy_pinyin",
                0.6,
                f"no exact match {where}; {found[0].name} sounds the same with one character differing{note}",
            )
        if found:
            return Resolution(
                "ambiguous", None, tuple(found), "fuzzy_pinyin", 0.0, f"{len(found)} same-sounding places {where}{note}"
            )
    return Resolution("unknown", None, (), "none", 0.0, f"no place named {norm!r} {where}{note}")
