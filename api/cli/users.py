"""``revkg users add|list|revoke|rotate``: people who may use the API, each with a key and a role.

A new key is printed once and stored nowhere (only its salted hash is in the graph). Each change is
in the audit trail, made by ``命令行:<shell user>``.
"""

from __future__ import annotations

import typer

from api.cli.common import cli_user, console, driver, err_console, settings
from graph import audit, users
from graph.errors import RevkgError
from graph.messages import say

app = typer.Typer(help="People who may use the API: their keys and roles.", no_args_is_help=True)

ROLE_HELP = "viewer (read), planner (decisions, plans), reviewer (review queue), admin (uploads, users, audit)"


def _fail(exc: RevkgError) -> typer.Exit:
    err_console.print(f"[red]{exc.message('zh')}[/red]")
    return typer.Exit(1)


def _show_key(name: str, role: str, key: str) -> None:
    console.print(say("users.cli.key_once", name=name, role=say(f"role.{role}")))
    console.print(key, markup=False, highlight=False)


@app.command("add")
def add(
    name: str = typer.Argument(..., help="The person's name, as decisions and the audit trail will show it."),
    role: str = typer.Option(..., "--role", help=ROLE_HELP),
) -> None:
    """Add a person with a role and print their new key once."""
    s = settings()
    with driver() as drv:
        try:
            added, key = users.add_user(drv, name, role, s.neo4j_database)
        except RevkgError as exc:
            raise _fail(exc) from exc
        audit.record(drv, cli_user(), "revkg users add", "users_add", added["name"], added, s.neo4j_database)
    _show_key(added["name"], added["role"], key)


@app.command("list")
def list_() -> None:
    """List the users, their roles and whether their key is active (never a key)."""
    s = settings()
    with driver() as drv:
        rows = users.list_users(drv, s.neo4j_database)
    if not rows:
        console.print(say("users.cli.none"), markup=False)
    for row in rows:
        state = say("users.cli.revoked", at=row["revoked_at"]) if row["revoked_at"] else say("users.cli.active")
        since = say("users.cli.key_since", key=f"rk_{row['key_id']}_…", since=row["rotated_at"] or row["created_at"])
        role = f"{row['role']}（{say('role.' + row['role'])}）"
        console.print(f"{row['name']}\t{role}\t{state}\t{since}", markup=False)


@app.command("revoke")
def revoke(name: str = typer.Argument(..., help="The user whose key is withdrawn.")) -> None:
    """Withdraw a person's key at once (the name stays in the audit trail)."""
    s = settings()
    with driver() as drv:
        try:
            revoked = users.revoke_user(drv, name, s.neo4j_database)
        except RevkgError as exc:
            raise _fail(exc) from exc
        audit.record(drv, cli_user(), "revkg users revoke", "users_revoke", revoked["name"], revoked, s.neo4j_database)
    console.print(say("users.cli.revoked_done", name=revoked["name"]))


@app.command("rotate")
def rotate(name: str = typer.Argument(..., help="The user who gets a new key.")) -> None:
    """Give a person a new key (the old one is refused from now on) and print it once."""
    s = settings()
    with driver() as drv:
        try:
            rotated, key = users.rotate_user(drv, name, s.neo4j_database)
        except RevkgError as exc:
            raise _fail(exc) from exc
        audit.record(drv, cli_user(), "revkg users rotate", "users_rotate", rotated["name"], rotated, s.neo4j_database)
    _show_key(rotated["name"], rotated["role"], key)
