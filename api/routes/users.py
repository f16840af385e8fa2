"""``/users`` and ``/audit``: people and their roles (admin), who is signed in, and the audit trail (admin).

A new or rotated key is in the answer once and stored nowhere (only its salted hash is kept).
Every change of users leaves one audit entry, as every other write does.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.console.pages import BEIJING
from api.deps import AdminDep, DriverDep, SettingsDep, SignedInDep
from api.tabular import EXPORTS, FORMAT_QUERY, HEADERS_QUERY, Format, Headers, download
from graph import audit, users
from graph.messages import language, say
from graph.users import Role

router = APIRouter(tags=["users 用户与审计"])


class Me(BaseModel):
    name: str = Field(description="登录的用户 · the signed-in user")
    role: Role = Field(description="角色 · role")
    role_words: str = Field(description="角色的名称 · the role in the client's language")
    may: str = Field(description="该角色可做的事 · what the role may do")


class UserOut(BaseModel):
    name: str
    role: str
    key_id: str | None = None
    created_at: str | None = None
    rotated_at: str | None = None
    revoked_at: str | None = None


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=100, description="姓名 · the person's name")
    role: Role = Field(description="viewer | planner | reviewer | admin")


class UserWithKey(UserOut):
    key: str = Field(description="新密钥，只显示这一次 · the new key, shown this once and stored nowhere")


class AuditEntry(BaseModel):
    uid: str
    at: str
    who: str
    role: str
    route: str
    action: str
    target: str
    role_words: str
    action_words: str
    details_words: str
    details: str


@router.get("/users/me", response_model=Me)
def me(request: Request, user: SignedInDep) -> Me:
    """当前登录的用户 · Who the key belongs to, and the role's rights."""
    lang = language(request.headers.get("accept-language"))
    return Me(
        name=user.name,
        role=user.role,
        role_words=say(f"role.{user.role}", lang),
        may=say(f"role.may.{user.role}", lang),
    )


@router.get("/users", response_model=list[UserOut])
def list_users(driver: DriverDep, settings: SettingsDep, user: AdminDep) -> list[dict[str, Any]]:
    """用户列表（管理员）· Every user with role and key state (never a key or its hash)."""
    return users.list_users(driver, settings.neo4j_database)


def _audit(request: Request, driver: DriverDep, settings: SettingsDep, user: AdminDep, action: str, who: Any) -> None:
    route = f"{request.method} {request.url.path}"
    details = {k: who.get(k) for k in ("name", "role", "key_id", "revoked_at") if k in who}
    audit.record(driver, user, route, action, str(who["name"]), details, settings.neo4j_database)


@router.post("/users", response_model=UserWithKey, status_code=201)
def add_user(
    request: Request, body: NewUser, driver: DriverDep, settings: SettingsDep, user: AdminDep
) -> dict[str, Any]:
    """添加用户并生成密钥（管理员）· Add a person with a role; the answer holds their key, once."""
    added, key = users.add_user(driver, body.name, body.role, settings.neo4j_database)
    _audit(request, driver, settings, user, "users_add", added)
    return {**added, "key": key}


@router.post("/users/{name}/revoke", response_model=UserOut)
def revoke_user(
    request: Request, driver: DriverDep, settings: SettingsDep, user: AdminDep, name: str = Path(..., max_length=100)
) -> dict[str, Any]:
    """吊销密钥（管理员）· Withdraw a person's key at once."""
    revoked = users.revoke_user(driver, name, settings.neo4j_database)
    _audit(request, driver, settings, user, "users_revoke", revoked)
    return revoked


@router.post("/users/{name}/rotate", response_model=UserWithKey)
def rotate_user(
    request: Request, driver: DriverDep, settings: SettingsDep, user: AdminDep, name: str = Path(..., max_length=100)
) -> dict[str, Any]:
    """更换密钥（管理员）· Give a person a new key; the old one is refused from now on."""
    rotated, key = users.rotate_user(driver, name, settings.neo4j_database)
    _audit(request, driver, settings, user, "users_rotate", rotated)
    return {**rotated, "key": key}


@router.get("/audit", response_model=list[AuditEntry])
def audit_trail(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    user: AdminDep,
    who: str | None = Query(None, max_length=100, description="只看此人 · one person's entries"),
    limit: int = Query(1000, ge=1, le=100_000, description="最多条数 · most entries"),
    format: Format = FORMAT_QUERY,
    headers: Headers = HEADERS_QUERY,
) -> Any:
    """审计记录（管理员，新的在前）· The audit trail, newest first; format=csv|xlsx downloads it with Chinese headers."""
    lang = language(request.headers.get("accept-language"))
    rows = audit.entries(driver, who, limit, settings.neo4j_database)
    if format == "json":
        # scripts get the moment as stored (ISO, UTC) and the codes beside the words
        return [audit.in_words(row, lang) for row in rows]
    # a download is read by a person: Beijing time, the role and the action in the headers' language
    rows = [audit.in_words(row, "en" if headers == "en" else "zh") for row in rows]
    rows = [
        {
            **row,
            "at": datetime.fromisoformat(row["at"]).astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S"),
            "role": row["role_words"],
            "action": row["action_words"],
            "details": row["details_words"],
        }
        for row in rows
    ]
    response: Response = download(rows, EXPORTS["audit"], format, headers, scope=who)
    return response
