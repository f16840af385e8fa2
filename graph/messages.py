"""Every message a planner can see, by a stable code: Chinese text first, English for ``Accept-Language: en``.

Scripts read the ``code``; people read the text. A message is one entry of ``MESSAGES``, its text a
``str.format`` template over named parameters (``{name}``). Areas keep their entries together under a
comment naming the area, so the table reads as a catalogue of what the product says.
"""

from __future__ import annotations

from typing import Any, Literal

Language = Literal["zh", "en"]

MESSAGES: dict[str, tuple[str, str]] = {
    # General
    "database.unavailable": ("数据库暂时无法连接，请稍后重试", "Neo4j is not reachable; retry shortly"),
    # API
    "database.too_big": (
        "这个问题超出了数据库对单个请求允许的内存或时间；请缩小范围（区县、省）或分页（每页条数）",
        "this question needs more memory or time than the database allows one request; "
        "narrow it (district=…, province=…) or page it (limit=…)",
    ),
    "database.failed": ("数据库未能回答这个请求", "the database could not answer this request"),
    "auth.key_needed": ("写入需要有效的写入密钥", "a valid X-API-Key header is needed to write"),
    "request.not_found": ("没有这个地址：“{path}”", "nothing is served at {path}"),
    "request.method_not_allowed": ("地址“{path}”不接受这种请求方式", "{path} does not answer this method"),
    "request.invalid": ("请求有误：{problems}", "the request is not valid: {problems}"),
    "request.failed": ("请求未能完成（{status}）", "the request failed ({status})"),
    "field.missing": ("缺少{field}", "{field} is missing"),
    "field.not_a_date": (
        "{field}须是日期（如 2024-06-30），收到的是“{value}”",
        "{field} is not a date (write 2024-06-30): {value}",
    ),
    "field.not_a_number": ("{field}须是数字，收到的是“{value}”", "{field} is not a number: {value}"),
    "field.too_long": ("{field}过长", "{field} is too long"),
    "field.out_of_range": ("{field}超出允许范围：“{value}”", "{field} is out of range: {value}"),
    "field.not_allowed": ("{field}不能取“{value}”", "{field} is not one of the allowed values: {value}"),
    "field.invalid": ("{field}的值无效：“{value}”", "{field} is not valid: {value}"),
    "place.province_not_found": (
        "没有代码或名称为“{value}”的省（自治区、直辖市）；可在搜索框中查找",
        "no province (省/自治区/直辖市) has the code or name {value!r}; try /search?q={value}",
    ),
    "place.district_not_found": (
        "没有代码或名称为“{value}”的区县；可在搜索框中查找",
        "no district (区/县) has the code or name {value!r}; try /search?q={value}",
    ),
    "place.town_not_found": (
        "没有代码或名称为“{value}”的街镇；可在搜索框中查找",
        "no town (街道/镇/乡) has the code or name {value!r}; try /search?q={value}",
    ),
    "place.ambiguous": (
        "“{value}”同时是 {count} 个地方的名称：{options}；请改用代码",
        "{value!r} names {count} places: {options}; give the code instead",
    ),
    "coverage.town_needs_district": (
        "按街镇统计覆盖率需要指定上级区县（名称如崇明区，或代码如 310151）",
        "coverage per town needs the district (parent=崇明区 or parent=310151)",
    ),
    "entity.not_found": (
        "没有代码或编号为 {keys} 的对象；可在搜索框中按名称查找",
        "nothing has the code or uid {keys}; find it with /search?q=<name>",
    ),
    "village.not_found": (
        "没有代码为“{village}”的村；可在搜索框中按名称查找",
        "no village has the code {village!r}; find it with /search?q=<name>",
    ),
    "organization.not_found": (
        "没有编号为“{uid}”的帮扶单位；可在搜索框中按名称查找",
        "no organization has the uid {uid!r}; find it with /search?q=<name>",
    ),
    "search.empty": ("请输入名称的一部分、代码或拼音再查找", "type part of a name, a code or pinyin to search for"),
    "suggestions.capacity_too_small": ("承接上限至少为 1 个村", "capacity must be at least 1 village"),
    "suggestions.needs_place": (
        "请指定村（代码）或区县（代码或名称）再推荐帮扶单位",
        "give a village (code) or a district (code or name) to suggest helpers for",
    ),
    "decision.who_missing": (
        "请填写操作人：决定要连同姓名一起记录",
        "say who decides (decided_by): the decision is recorded with a name",
    ),
    "decision.paired_already": (
        "帮扶单位“{helper}”在 {day} 已与村“{village}”结对；请先结束那次结对，或另选帮扶单位",
        "{helper} is paired with {village} on {day} already; end that pairing first or pick another helper",
    ),
    "decision.helper_or_village_not_found": (
        "找不到编号为“{helper}”的帮扶单位或代码为“{village}”的村；可在搜索框中按名称查找",
        "no helper has the uid {helper!r} or no village the code {village!r}; find them with /search?q=<name>",
    ),
    "decision.no_such_pairing": (
        "村“{village}”没有来自“{source_id} {source_loc}”的结对",
        "village {village!r} has no pairing from {source_id} {source_loc}",
    ),
    "decision.ends_before_start": (
        "这次结对始于 {since}，不能在此之前（{until}）结束",
        "the pairing began on {since}; it cannot end before that ({until})",
    ),
    "decision.not_in_force": (
        "没有生效中的决定“{uid}”（不存在，或已撤销）",
        "no decision {uid!r} is in force (unknown, or undone already)",
    ),
    "cypher.empty": ("请在 query 中给出一条 Cypher 语句", "send a Cypher statement in 'query'"),
    "cypher.bad_parameter": ("有参数无法发送给数据库：{error}", "a parameter cannot be sent to Neo4j: {error}"),
    "cypher.does_not_compile": ("语句无法编译：{error}", "the statement does not compile: {error}"),
    "cypher.not_a_read": (
        "该语句会写入数据或修改结构；此接口只读",
        "the statement writes or changes the schema; this endpoint only reads",
    ),
    "cypher.operator_forbidden": ("此只读接口不允许 {operator}", "{operator} is not allowed on the read-only endpoint"),
    "cypher.procedure_forbidden": (
        "过程 {procedure} 不在只读允许清单上",
        "procedure {procedure} is not on the read-only allow-list",
    ),
    "cypher.timed_out": (
        "语句运行超过 {seconds} 秒，已停止",
        "the statement ran longer than {seconds} s and was stopped",
    ),
    "cypher.refused": ("数据库拒绝了该语句：{error}", "Neo4j refused the statement: {error}"),
    "upload.bad_suffix": ("{name}：只接受 {suffixes} 文件", "{name}: expected one of {suffixes}"),
    "upload.too_large": ("{name} 超过 {megabytes} MB", "{name} is larger than {megabytes} MB"),
    "upload.bad_kind": ("登记表类型只能是 {kinds} 之一", "kind must be one of {kinds}"),
    "upload.reports_unavailable": (
        "此版本不含报告加载器",
        "the report loader (load in loaders/reports/loading.py) is not available in this build",
    ),
    "suggestion.same_town": ("已在本镇（{town}）结对帮扶", "already paired in the same town ({town})"),
    "suggestion.same_district": ("已在本区（{district}）结对帮扶", "already paired in the same district ({district})"),
    "suggestion.resources": (
        "能提供村里项目所用的资源：{resources}",
        "provides what the village's projects use: {resources}",
    ),
    "suggestion.capacity_left": (
        "尚可承接 {left} 个村（上限 {capacity}）",
        "capacity left: {left} of {capacity} villages",
    ),
    "suggestion.paired_before": ("曾与该村结对", "paired with this village before"),
    "suggestion.hops": ("图中相距 {hops} 步", "{hops} steps away in the graph"),
    # Console
    "console.not_an_area_code": (
        "“{area}”不是省（2 位）或市（4 位）代码",
        "{area!r} is not a province (2 digits) or city (4 digits) code",
    ),
    "console.area_not_found": ("没有代码为“{area}”的省或市", "no province or city has the code {area!r}"),
    "console.district_not_found": (
        "没有代码为“{district}”的区县；可在搜索框中查找",
        "no district has the code {district!r}; find it with the search box",
    ),
}


def say(code: str, lang: Language = "zh", **params: Any) -> str:
    """The text of message ``code`` in ``lang``, its ``{name}`` parameters filled in.

    >>> say("database.unavailable")
    '数据库暂时无法连接，请稍后重试'
    >>> say("database.unavailable", "en")
    'Neo4j is not reachable; retry shortly'
    """
    zh, en = MESSAGES[code]
    return (en if lang == "en" else zh).format(**params)


def language(accept_language: str | None) -> Language:
    """``en`` when the client's ``Accept-Language`` puts English before Chinese, else ``zh``.

    >>> language(None), language("en-US,en;q=0.9"), language("zh-CN,zh;q=0.9,en;q=0.8")
    ('zh', 'en', 'zh')
    """
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh"
        if tag.startswith("en"):
            return "en"
    return "zh"
