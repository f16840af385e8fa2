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
    # Pairing plan
    "plan.scope_unknown": (
        "没有代码或名称为“{value}”的区县、地市或省份，可先用搜索框查找",
        "no district, city or province has the code or name {value!r}; find it with the search box",
    ),
    "plan.scope_ambiguous": (
        "“{value}”对应多个地区：{options}，请改填代码",
        "{value!r} names several areas: {options}; give the code instead",
    ),
    "plan.scope_missing": (
        "请给出区县、地市或省份（district / city / province）",
        "give a district, city or province (district / city / province)",
    ),
    "plan.capacity_too_small": ("每个单位的结对上限至少为 1 个村", "capacity must be at least 1 village"),
    "plan.per_village_too_small": ("每村所需帮扶单位数至少为 1", "helpers per village must be at least 1"),
    "plan.candidates_too_small": ("每村候选单位数至少为 1", "candidates per village must be at least 1"),
    "plan.capacity_csv_columns": (
        "上限表需要“帮扶单位标识”（helper_uid）和“上限”（capacity）两列",
        "the capacity CSV needs a helper_uid (帮扶单位标识) and a capacity (上限) column",
    ),
    "plan.capacity_csv_value": (
        "上限表第 {row} 行的上限“{value}”不是非负整数",
        "row {row} of the capacity CSV: {value!r} is not a whole number from 0 up",
    ),
    "plan.capacity_by_kind": (
        "按类型的上限应写成 类型=数字（如 enterprise=3），而不是“{value}”",
        "a capacity per kind is kind=number (enterprise=3), not {value!r}",
    ),
    "plan.fixed_form": (
        "指定的结对应写成 村标识:单位标识，而不是“{value}”",
        "a fixed pair is village:helper, not {value!r}",
    ),
    "plan.fixed_not_candidate": (
        "{helper} 不是村 {village} 的候选帮扶单位（或已无余量）",
        "{helper} is not a candidate of village {village} (or has no room left)",
    ),
    "plan.fixed_twice": ("村 {village} 与 {helper} 的结对被指定了两次", "{village} is fixed to {helper} twice"),
    "plan.fixed_full": ("{helper} 已满额，不能再指定给村 {village}", "{helper} is full; it cannot take {village}"),
    "plan.fixed_too_many": (
        "村 {village} 指定的帮扶单位多于所需的 {most} 个",
        "{village} has more fixed helpers than the {most} it needs",
    ),
    "plan.no_candidate": (
        "本地区及其对口地区没有可结对的帮扶单位",
        "no helper of the area or its paired regions is a candidate",
    ),
    "plan.candidates_full": ("候选帮扶单位均已满额", "every candidate helper is at its maximum"),
    "plan.capacity_taken": (
        "候选帮扶单位的余量已全部分给其他村（覆盖村数已最多）",
        "the candidates' room went to other villages (the plan already covers the most villages it can)",
    ),
    "plan.reason_same_city": ("已在本市结对帮扶", "already paired in the same city"),
    "plan.accept_empty": ("没有勾选任何结对，未记录", "no pairing was ticked; nothing recorded"),
    "plan.accept_conflict": (
        "{helper} 在 {day} 已与村 {village} 结对，本方案未记录，请重新生成方案",
        "{helper} is paired with {village} on {day} already; nothing was recorded, make the plan again",
    ),
    "plan.accept_missing": (
        "找不到帮扶单位 {helper} 或村 {village}，本方案未记录",
        "no helper {helper} or no village {village}; nothing was recorded",
    ),
    "plan.accept_who": ("请填写决定人（decided_by）", "say who decides (decided_by)"),
    "plan.accept_note": (
        "结对方案（{scope}，判断日期 {as_of}，上限 {capacity}，每村 {per_village} 个单位，成本 {cost}）",
        "pairing plan ({scope}, as of {as_of}, capacity {capacity}, {per_village} per village, cost {cost})",
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
