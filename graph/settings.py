"""All of revkg's configuration, read once from the environment (prefix ``REVKG_``) or ``.env``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_PASSWORD = "revkg-local-dev"
DEVELOPMENT_API_KEY = "revkg-local-api-key"


def _default_home() -> Path:
    return Path.home() / ".cache" / "revkg"


class Settings(BaseSettings):
    """revkg settings.

    ``neo4j_uri`` left unset means "the server revkg manages itself": it is installed under
    ``home`` and started by ``revkg neo4j start``. Set it (``REVKG_NEO4J_URI=neo4j://…``) to use
    any other server — Docker, Aura, a cluster — and revkg starts nothing.
    """

    model_config = SettingsConfigDict(env_prefix="REVKG_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"

    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr(DEVELOPMENT_PASSWORD)
    neo4j_database: str = "neo4j"

    # The managed local server.
    home: Path = _default_home()
    instance: str = "default"
    bolt_port: int = 7687
    http_port: int = 7474
    heap_size: str = "4g"
    pagecache_size: str = "6g"
    java_home: Path | None = None
    start_timeout_s: float = 180.0
    # How long a write waits for a lock another transaction holds before Neo4j gives up with a
    # transient error (which the driver retries): without it a write behind a stuck one waits forever.
    lock_timeout_s: int = 60

    # The API's port. The managed server's Browser fetches its style and guide from the API
    # (browser.post_connect_cmd), so the server's configuration names this port too.
    api_port: int = 8000
    # The address the API listens on (``--host`` of ``revkg up`` / ``revkg serve`` sets it). Beyond
    # loopback, reading needs a key too (api/deps.py).
    api_host: str = "127.0.0.1"

    api_key: SecretStr = SecretStr(DEVELOPMENT_API_KEY)
    # Run what the first requests need (query plans, caches, the place index) before serving; the
    # test suite turns it off for the app it starts per test (tests/api/test_cli_up.py keeps it on).
    warm_on_start: bool = True
    cypher_timeout_s: float = 15.0
    cypher_row_cap: int = 5000
    # How long the console keeps a national or provincial overview (0: worked out on every request).
    overview_kept_s: float = 60.0

    @model_validator(mode="after")
    def _refuse_development_secrets_outside_development(self) -> Settings:
        if self.environment == "production":
            if self.neo4j_password.get_secret_value() in {DEVELOPMENT_PASSWORD, "neo4j"}:
                raise ValueError("REVKG_NEO4J_PASSWORD must be set to a non-default value in production")
            if self.api_key.get_secret_value() == DEVELOPMENT_API_KEY:
                raise ValueError("REVKG_API_KEY must be set to a non-default value in production")
        if self.neo4j_password.get_secret_value() == "neo4j":
            raise ValueError("the Neo4j default password 'neo4j' is not accepted; choose another")
        return self

    @property
    def managed(self) -> bool:
        """True when revkg runs the Neo4j server itself (no external URI configured)."""
        return self.neo4j_uri is None

    @property
    def bolt_uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"

    @property
    def password_hint(self) -> str:
        """Where the Neo4j password comes from, for a person about to log in (never the secret itself)."""
        if self.neo4j_password.get_secret_value() == DEVELOPMENT_PASSWORD:
            return f"password {DEVELOPMENT_PASSWORD}, the development default; REVKG_NEO4J_PASSWORD sets another"
        return "password from REVKG_NEO4J_PASSWORD"


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine only (then the API's reads are open, as on a laptop).

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, True, False)
    """
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@lru_cache
def get_settings() -> Settings:
    return Settings()
