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
    # Users and audit
    "auth.read_key_needed": (
        "此服务不在本机回环地址上，查看需要密钥；请先登录（密钥无效、已吊销或已更换时也须重新登录）",
        "this API listens beyond loopback, so reading needs a key; sign in (a revoked or rotated key is refused)",
    ),
    "auth.write_key_needed": (
        "写入需要有效的个人密钥；密钥无效、已吊销或已更换时写入会被拒绝",
        "a valid personal key (X-API-Key) is needed to write; a revoked or rotated key is refused",
    ),
    "auth.role_needed.planner": (
        "{name} 无权进行此操作：需要“规划”角色（或管理员）",
        "{name} may not do this: it needs the planner role (or admin)",
    ),
    "auth.role_needed.reviewer": (
        "{name} 无权进行此操作：需要“复核”角色（或管理员）",
        "{name} may not do this: it needs the reviewer role (or admin)",
    ),
    "auth.role_needed.admin": (
        "{name} 无权进行此操作：需要管理员角色",
        "{name} may not do this: it needs the admin role",
    ),
    "users.bad_role": ("角色 {role} 不存在，可选：{roles}", "there is no role {role}; choose one of {roles}"),
    "users.bad_name": (
        "用户名“{name}”不可用（为空、过长或为保留名）",
        "the name {name!r} cannot be used (empty, too long or reserved)",
    ),
    "users.exists": (
        "用户“{name}”已存在；换密钥请用 revkg users rotate",
        "{name} is a user already; revkg users rotate gives a new key",
    ),
    "users.not_found": ("没有名为“{name}”的用户", "no user is named {name!r}"),
    # Server
    "server.wrong_instance": (
        "端口 {port} 上应答的不是实例 {instance} 的 Neo4j（{found}）；请停止那台服务器或改用 {instance} 自己的端口（REVKG_BOLT_PORT）",
        "port {port} answers a Neo4j that is not instance {instance} ({found}); stop that server or give "
        "{instance} its own port (REVKG_BOLT_PORT)",
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
