"""FastAPI's validation errors (a bad date, a missing parameter) as sentences of the message table."""

from __future__ import annotations

from typing import Any

from graph.messages import Language, say

# The parameters a planner meets, by what they mean; Accept-Language: en keeps the parameter's name.
FIELD_ZH = {
    "as_of": "日期",
    "since": "起始日期",
    "until": "结束日期",
    "district": "区县",
    "province": "省",
    "town": "街镇",
    "parent": "上级区划",
    "level": "层级",
    "village": "村",
    "code": "代码",
    "uid": "编号",
    "q": "搜索词",
    "limit": "条数",
    "offset": "起始位置",
    "format": "格式",
    "headers": "表头",
    "capacity": "承接上限",
    "per_village": "每村推荐数",
    "source": "起点",
    "target": "终点",
    "helper_uid": "帮扶单位",
    "decided_by": "操作人",
    "by": "操作人",
    "note": "备注",
    "files": "文件",
    "kind": "登记表类型",
    "query": "语句",
}

# pydantic's error types, by the message that says what is wrong.
PROBLEM_OF_TYPE = {
    "missing": "field.missing",
    "date_parsing": "field.not_a_date",
    "date_from_datetime_parsing": "field.not_a_date",
    "date_from_datetime_inexact": "field.not_a_date",
    "date_type": "field.not_a_date",
    "int_parsing": "field.not_a_number",
    "int_type": "field.not_a_number",
    "float_parsing": "field.not_a_number",
    "string_too_long": "field.too_long",
    "too_long": "field.too_long",
    "greater_than": "field.out_of_range",
    "greater_than_equal": "field.out_of_range",
    "less_than": "field.out_of_range",
    "less_than_equal": "field.out_of_range",
    "literal_error": "field.not_allowed",
    "enum": "field.not_allowed",
}


def field_problem(error: dict[str, Any], lang: Language) -> str:
    """One validation error of FastAPI as a sentence: which parameter, what is wrong with it.

    >>> field_problem({"type": "date_from_datetime_parsing", "loc": ("query", "as_of"), "input": "2024-13-40"}, "zh")
    '日期须是日期（如 2024-06-30），收到的是“2024-13-40”'
    >>> field_problem({"type": "missing", "loc": ("query", "village"), "input": None}, "en")
    'village is missing'
    """
    loc = [str(part) for part in error.get("loc", ()) if not isinstance(part, int)]
    name = loc[-1] if len(loc) > 1 else (loc[0] if loc else "?")
    field = FIELD_ZH.get(name, name) if lang == "zh" else name
    value = error.get("input")
    shown = "" if isinstance(value, (dict, list)) or value is None else str(value)[:60]
    return say(PROBLEM_OF_TYPE.get(str(error.get("type")), "field.invalid"), lang, field=field, value=shown)
