"""People who may use the API, each with a key of their own and a role.

A key looks like ``rk_<key id>_<secret>``. The graph keeps, per person (``ApiUser``), the name, the
role, the key's public id and a salted scrypt hash of the whole key (``hashlib.scrypt``, the
standard library's binding of OpenSSL's scrypt; never the key itself). Checking a key finds its
user by the key id (a unique constraint, so one index lookup), then checks the hash.

Checking the hash costs about 50 ms of CPU by design, too much per request: a key whose hash
matched once is remembered in this process's memory (``_VERIFIED``: key id → the stored hash and
the SHA-256 of the key that matched it). The user is still read from the graph on every request,
so a revoked or rotated key is refused at once, in every API process; only the scrypt step is
skipped while the stored hash is unchanged.

``REVKG_API_KEY`` stays the bootstrap administrator's key (``BOOTSTRAP_NAME``), compared in constant
time, so a fresh installation can add its first people.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, cast

from neo4j import Driver

from graph.errors import Conflict, InvalidInput, NotFound
from graph.records import read, write

Role = Literal["viewer", "planner", "reviewer", "admin"]
ROLES: tuple[Role, ...] = ("viewer", "planner", "reviewer", "admin")
BOOTSTRAP_NAME = "bootstrap-admin"

# scrypt's cost: n=2**14, r=8 (16 MiB, ~50 ms), the parameters Python's documentation and OWASP give.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
_KEY = re.compile(r"^rk_([0-9a-f]{12})_[A-Za-z0-9_-]{40,}$")
_NAME = re.compile(r"^[^\s\x00-\x1f][^\x00-\x1f]{0,99}$")


@dataclass(frozen=True)
class User:
    """Who is signed in: the name provenance records, and the role that decides what they may do."""

    name: str
    role: Role

    def may(self, needed: Role) -> bool:
        """Whether this user's role allows what ``needed`` guards (admin may do everything).

        >>> User("a", "planner").may("planner"), User("a", "planner").may("reviewer"), User("a", "admin").may("reviewer")
        (True, False, True)
        >>> User("a", "reviewer").may("viewer")
        True
        """
        return self.role == "admin" or needed == "viewer" or self.role == needed


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_key() -> tuple[str, str]:
    """A fresh key and its public id.

    >>> key_id, key = new_key()
    >>> key.startswith("rk_" + key_id + "_"), key_id_of(key) == key_id
    (True, True)
    """
    key_id = secrets.token_hex(6)
    return key_id, f"rk_{key_id}_{secrets.token_urlsafe(32)}"


def key_id_of(key: str) -> str | None:
    """The public id of a well-formed key, or None.

    >>> key_id_of("rk_0123456789ab_" + "x" * 43), key_id_of("revkg-local-api-key")
    ('0123456789ab', None)
    """
    match = _KEY.match(key)
    return match.group(1) if match else None


def hash_key(key: str) -> str:
    """A salted scrypt hash of ``key``, with its parameters: ``scrypt$n$r$p$salt$hash`` (base64)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(key.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def key_matches(key: str, stored: str) -> bool:
    """Whether ``key`` is the one ``stored`` was made from (constant-time comparison).

    >>> stored = hash_key("rk_0123456789ab_secret")
    >>> key_matches("rk_0123456789ab_secret", stored), key_matches("rk_0123456789ab_other", stored)
    (True, False)
    """
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            key.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# key id → (stored hash it matched, SHA-256 of the key that matched): the scrypt step, done once per process.
_VERIFIED: dict[str, tuple[str, bytes]] = {}


def user_for_key(driver: Driver, key: str | None, bootstrap_key: str, database: str = "neo4j") -> User | None:
    """The user ``key`` belongs to, or None (unknown, malformed, revoked, or replaced by a rotation)."""
    if not key:
        return None
    if hmac.compare_digest(key.encode(), bootstrap_key.encode()):
        return User(BOOTSTRAP_NAME, "admin")
    key_id = key_id_of(key)
    if key_id is None:
        return None
    rows = read(driver, "users/user_by_key_id", database, key_id=key_id)
    if not rows or rows[0]["revoked_at"] is not None:
        return None
    row = rows[0]
    fingerprint = hashlib.sha256(key.encode()).digest()
    known = _VERIFIED.get(key_id)
    if known is None or known[0] != row["key_hash"] or not hmac.compare_digest(known[1], fingerprint):
        if not key_matches(key, row["key_hash"]):
            return None
        _VERIFIED[key_id] = (row["key_hash"], fingerprint)
    return User(row["name"], cast(Role, row["role"]))


def _checked_name(name: str) -> str:
    clean = name.strip()
    if not _NAME.match(clean) or clean == BOOTSTRAP_NAME:
        raise InvalidInput(code="users.bad_name", name=name)
    return clean


def add_user(driver: Driver, name: str, role: str, database: str = "neo4j") -> tuple[dict[str, Any], str]:
    """Add ``name`` with ``role``; returns the user and the new key (shown once, never stored).

    Raises:
        InvalidInput: the role is not one of ``ROLES``, or the name is empty or reserved.
        Conflict: the name is taken.
    """
    if role not in ROLES:
        raise InvalidInput(code="users.bad_role", role=role, roles=", ".join(ROLES))
    clean = _checked_name(name)
    rows, key = _write_new_key(driver, "users/create_user", database, user_name=clean, role=role, created_at=_now())
    if not rows:
        raise Conflict(code="users.exists", name=clean)
    return rows[0], key


def list_users(driver: Driver, database: str = "neo4j") -> list[dict[str, Any]]:
    """Every user, oldest first, with role and key state (never the hash)."""
    return read(driver, "users/list_users", database)


def revoke_user(driver: Driver, name: str, database: str = "neo4j") -> dict[str, Any]:
    """Withdraw ``name``'s key at once.

    Raises:
        NotFound: no user has that name.
    """
    rows = write(driver, "users/revoke_user", database, user_name=name.strip(), revoked_at=_now())
    if not rows:
        raise NotFound(code="users.not_found", name=name)
    return rows[0]


def rotate_user(driver: Driver, name: str, database: str = "neo4j") -> tuple[dict[str, Any], str]:
    """Give ``name`` a new key (the old one is refused from now on); returns the user and the key.

    Raises:
        NotFound: no user has that name.
    """
    rows, key = _write_new_key(driver, "users/set_user_key", database, user_name=name.strip(), rotated_at=_now())
    if not rows:
        raise NotFound(code="users.not_found", name=name)
    return rows[0], key


def _write_new_key(driver: Driver, query: str, database: str, **params: Any) -> tuple[list[dict[str, Any]], str]:
    """Run ``query`` with a fresh key's id and hash besides ``params``; the rows and the key."""
    key_id, key = new_key()
    return write(driver, query, database, key_id=key_id, key_hash=hash_key(key), **params), key
