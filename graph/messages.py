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
