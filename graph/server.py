"""The Neo4j Community server that revkg installs and runs itself.

No Docker and no tarball download: the server's jars come from Maven Central through
``mvn dependency:copy-dependencies`` on the two POMs in ``graph/neo4j_dist/``, into a cache folder
outside git (``~/.cache/revkg/neo4j-<version>``). Each *instance* (``default`` for work, ``test``
for the test suite) has its own conf/, data/, logs/ and run/ beside that shared lib/, so the test
suite never touches a planner's graph.

The server is started the way Neo4j's own launcher does it: ``java <flags> -cp plugins:conf:lib
org.neo4j.server.CommunityEntryPoint --home-dir=… --config-dir=…``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, LiteralString, cast

from graph.assets import browser_dir
from graph.settings import Settings

if TYPE_CHECKING:
    from neo4j import Record

NEO4J_VERSION = "5.26.19"
DIST_DIR = Path(__file__).parent / "neo4j_dist"
BROWSER_DIR = browser_dir()

# The JVM flags of Neo4j 5's own launcher (bin/neo4j), less the ones that only matter for
# production tuning or need a debugger.
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
]


class ServerError(RuntimeError):
    """The local Neo4j server could not be installed, started or stopped."""


class PortTaken(ServerError):
    """A port the server needs is held by another program; the message names the setting that moves it."""


class WrongServer(ServerError):
    """The server answering the instance's Bolt port is not that instance (another instance, or a Neo4j
    revkg did not start): one line naming the port and the instance, in Chinese (``server.wrong_instance``)."""

    def __init__(self, port: int, instance: str, found: str):
        from graph.messages import say

        self.port, self.instance, self.found = port, instance, found
        self.english = say("server.wrong_instance", "en", port=port, instance=instance, found=found)
        super().__init__(say("server.wrong_instance", "zh", port=port, instance=instance, found=found))


def port_taken(port: int, host: str = "127.0.0.1") -> bool:
    """True when another program listens on ``host:port`` (so binding it fails).

    Binding, not connecting: a listener on 0.0.0.0 or one that refuses connections still blocks us.
    SO_REUSEADDR as servers set it, so a port lingering in TIME_WAIT counts as free.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    bolt_uri: str
    browser_url: str
    home: Path
    answers_queries: bool

    def describe(self) -> str:
        if not self.running:
            return f"Neo4j {NEO4J_VERSION} is stopped (instance home {self.home})"
        health = "answers queries" if self.answers_queries else "is not answering yet"
        return (
            f"Neo4j {NEO4J_VERSION} is running (pid {self.pid}) and {health}\n"
            f"  Bolt:    {self.bolt_uri}\n  Browser: {self.browser_url}\n  Home:    {self.home}"
        )


class LocalNeo4j:
    """Install, configure, start, stop and inspect one managed Neo4j instance."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.dist = settings.home / f"neo4j-{NEO4J_VERSION}"
        self.home = settings.home / "instances" / settings.instance
        self._process: subprocess.Popen[bytes] | None = None  # set when this process started it

    # -- paths -------------------------------------------------------------------------------
    @property
    def lib_dir(self) -> Path:
        return self.dist / "lib"

    @property
    def plugins_dir(self) -> Path:
        return self.dist / "plugins"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def conf_dir(self) -> Path:
        return self.home / "conf"

    @property
    def import_dir(self) -> Path:
        return self.home / "import"

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    # -- identity --------------------------------------------------------------------------------
    @property
    def identity_file(self) -> Path:
        return self.home / "instance.json"

    def identity(self) -> dict[str, str]:
        """The instance's identity (id, name, data folder), written into its home at first start."""
        try:
            return dict(json.loads(self.identity_file.read_text(encoding="utf-8")))
        except (FileNotFoundError, ValueError):
            pass
        import uuid

        ident = {"id": str(uuid.uuid4()), "name": self.settings.instance, "data": str(self.data_dir)}
        self.home.mkdir(parents=True, exist_ok=True)
        self.identity_file.write_text(json.dumps(ident, ensure_ascii=False), encoding="utf-8")
        return ident

    def answering_data_dir(self) -> str | None:
        """The data folder of the server answering the instance's Bolt port (None: nothing answers)."""
        from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

        try:
            record = self._run_once("lookup/server_data_directory")
        except (ServiceUnavailable, SessionExpired, OSError):
            return None
        except Neo4jError as exc:  # another password: not this instance's server
            return f"? ({exc.code})"
        return None if record is None else str(record["data_directory"])

    def verify_identity(self) -> None:
        """Refuse (``WrongServer``) unless the server on the Bolt port reads this instance's data folder.

        The data folder is the server's own account of which home it runs from, so the check holds
        after the graph is wiped or restored from another instance's dump, and writes nothing into it.
        """
        found = self.answering_data_dir()
        if found is None:  # nothing answers (yet): nothing to refuse
            return
        if not found.startswith("?") and Path(found).resolve() == self.data_dir.resolve():
            return
        raise WrongServer(self.settings.bolt_port, self.settings.instance, describe_server(found))

    # -- install -----------------------------------------------------------------------------
    def installed(self) -> bool:
        return (self.dist / ".complete").exists()

    def install(self) -> None:
        """Fetch the server's jars and APOC Core from Maven Central (once; later calls are no-ops)."""
        if self.installed():
            return
        mvn = shutil.which("mvn")
        if mvn is None:
            raise ServerError("Maven (mvn) is needed to fetch Neo4j from Maven Central; install it first")
        self.settings.home.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="neo4j-install-", dir=self.settings.home))
        try:
            for pom, target in (("pom.xml", "lib"), ("plugins-pom.xml", "plugins")):
                _run(
                    [
                        mvn,
                        "-q",
                        "-B",
                        "-f",
                        str(DIST_DIR / pom),
                        "dependency:copy-dependencies",
                        "-DincludeScope=runtime",
                        f"-DoutputDirectory={staging / target}",
                    ],
                    what=f"fetching {target} from Maven Central",
                )
            # APOC's libraries that the server already ships must not be loaded twice.
            server_artifacts = {_artifact_name(p.name) for p in (staging / "lib").glob("*.jar")}
            for jar in (staging / "plugins").glob("*.jar"):
                if _artifact_name(jar.name) in server_artifacts:
                    jar.unlink()
            (staging / ".complete").write_text(NEO4J_VERSION)
            if self.dist.exists():
                shutil.rmtree(self.dist)
            staging.rename(self.dist)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)

    # -- configure ---------------------------------------------------------------------------
    def write_config(self) -> None:
        for sub in ("conf", "data", "logs", "run", "import"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        (self.conf_dir / "neo4j.conf").write_text(self.config_text(), encoding="utf-8")

    def config_is_current(self) -> bool:
        """True when the configuration on disk is what these settings would write (a running server
        read it at start, so a changed setting, e.g. another API port for Browser's guide, needs a restart)."""
        conf = self.conf_dir / "neo4j.conf"
        return conf.exists() and conf.read_text(encoding="utf-8") == self.config_text()

    def config_text(self) -> str:
        s = self.settings
        lines = [
            "# Written by revkg (graph/server.py) at every start; edit the settings, not this file.",
            "server.default_listen_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{s.bolt_port}",
            f"server.bolt.advertised_address=127.0.0.1:{s.bolt_port}",
            f"server.http.listen_address=127.0.0.1:{s.http_port}",
            f"server.http.advertised_address=127.0.0.1:{s.http_port}",
            "server.https.enabled=false",
            "dbms.usage_report.enabled=false",
            "client.allow_telemetry=false",  # Browser's own product-usage reporting
            f"server.memory.heap.initial_size={s.heap_size}",
            f"server.memory.heap.max_size={s.heap_size}",
            f"server.memory.pagecache.size={s.pagecache_size}",
            f"server.directories.data={self.home / 'data'}",
            f"server.directories.logs={self.home / 'logs'}",
            f"server.directories.run={self.home / 'run'}",
            f"server.directories.import={self.import_dir}",
            f"server.directories.plugins={self.plugins_dir}",
            f"server.directories.lib={self.lib_dir}",
            "server.directories.transaction.logs.root=data/transactions",
            "dbms.security.procedures.unrestricted=apoc.*",
            "dbms.security.procedures.allowlist=apoc.*",
            # Guards every transaction, including the read-only /cypher endpoint's.
            "db.transaction.timeout=10m",
            f"db.lock.acquisition.timeout={s.lock_timeout_s}s",
            "dbms.cypher.forbid_exhaustive_shortestpath=false",
        ]
        if (BROWSER_DIR / "guide.html").exists():
            # Browser fetches guides over HTTP from an allow-listed host; the server's own
            # static folder is not configurable in Community, so the style and guide are applied
            # with the commands Browser runs right after connecting.
            # Only the API on this machine serves them; '*' would let a guide pull from anywhere.
            lines.append("browser.remote_content_hostname_whitelist=127.0.0.1,localhost")
            lines.append("browser.post_connect_cmd=" + "; ".join(post_connect_commands(s)))
        return "\n".join(lines) + "\n"

    def _set_initial_password(self, java: Path) -> None:
        if (self.home / "data" / "dbms" / "auth.ini").exists():
            return
        env = self._env()
        _run(
            [
                str(java),
                "-cp",
                str(self.lib_dir / "*"),
                "org.neo4j.cli.AdminTool",
                "dbms",
                "set-initial-password",
                self.settings.neo4j_password.get_secret_value(),
            ],
            what="setting the initial Neo4j password",
            env=env,
            secret=self.settings.neo4j_password.get_secret_value(),
        )

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["NEO4J_HOME"] = str(self.home)
        env["NEO4J_CONF"] = str(self.conf_dir)
        return env

    # -- lifecycle -----------------------------------------------------------------------------
    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if _alive(pid) else None

    def status(self) -> ServerStatus:
        pid = self.pid()
        return ServerStatus(
            running=pid is not None,
            pid=pid,
            bolt_uri=self.settings.bolt_uri,
            browser_url=self.settings.browser_url,
            home=self.home,
            answers_queries=pid is not None and self._answers_queries(),
        )

    def start(self) -> ServerStatus:
        """Start the server and wait until ``RETURN 1`` succeeds. A running server is left as is.

        Raises:
            WrongServer: the server answering the Bolt port is not this instance.
            PortTaken: a port is held by a program that is not a Neo4j.
        """
        if self.pid() is not None:
            self.identity()  # a home made before instances had one gets it now
            if port_taken(self.settings.bolt_port):
                self.verify_identity()  # before waiting: a foreign server would answer "ready"
            self._wait_until_ready(time.monotonic() + self.settings.start_timeout_s)
            self.verify_identity()
            return self.status()
        if port_taken(self.settings.bolt_port):
            self.verify_identity()
        self._refuse_taken_ports()
        # Only now, once nothing refuses the start: a refused start leaves no instance folder behind.
        self.identity()
        self.install()
        java = find_java(self.settings.java_home)
        self.write_config()
        self._set_initial_password(java)
        log = open(self.home / "logs" / "console.log", "ab")
        classpath = os.pathsep.join([str(self.plugins_dir / "*"), str(self.conf_dir), str(self.lib_dir / "*")])
        cmd = [
            str(java),
            f"-Xms{self.settings.heap_size}",
            f"-Xmx{self.settings.heap_size}",
            *JVM_FLAGS,
            "-cp",
            classpath,
            "org.neo4j.server.CommunityEntryPoint",
            f"--home-dir={self.home}",
            f"--config-dir={self.conf_dir}",
        ]
        process = subprocess.Popen(
            cmd,
            cwd=self.home,
            env=self._env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        self._process = process
        self.pid_file.write_text(str(process.pid))
        deadline = time.monotonic() + self.settings.start_timeout_s
        try:
            self._wait_until_ready(deadline, process)
        except ServerError:
            self.stop()
            raise
        self.verify_identity()
        return self.status()

    def _refuse_taken_ports(self) -> None:
        # Neo4j would start, fail to bind and leave a stack trace in its log; say it in one line instead.
        for port, what, setting in (
            (self.settings.bolt_port, "Neo4j Bolt", "REVKG_BOLT_PORT"),
            (self.settings.http_port, "Neo4j HTTP/Browser", "REVKG_HTTP_PORT"),
        ):
            if port_taken(port):
                raise PortTaken(f"Port {port} ({what}) is taken by another program; set {setting} to a free one.")

    def stop(self, timeout_s: float = 60.0) -> None:
        """Stop the server; after this no process of this instance is left."""
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.1)
        if self._process is not None and self._process.pid == pid:
            self._process.wait()  # reap our own child so not even a zombie entry remains
            self._process = None
        self.pid_file.unlink(missing_ok=True)

    def remove_database_store(self) -> None:
        """Delete the ``neo4j`` database's store and transaction logs (the server must be stopped).

        ``system`` and the password stay; the next start creates an empty ``neo4j`` database.
        """
        data = self.home / "data"
        # server.directories.transaction.logs.root is relative to the data folder (data/data/transactions).
        for path in [
            data / "databases" / self.settings.neo4j_database,
            *data.glob(f"**/transactions/{self.settings.neo4j_database}"),
        ]:
            if path.exists():
                shutil.rmtree(path)

    def import_full(self, args: list[str], log: Path) -> float:
        """Stop the server and build the database anew with ``neo4j-admin database import full``.

        The store is removed first (the caller has made sure it held nothing worth keeping); the
        server is left stopped. Returns the importer's wall time in seconds, JVM start-up included.
        Raises ``ServerError`` when the importer fails (its output is in ``log``).
        """
        self.stop()
        self.install()
        self.write_config()
        self.remove_database_store()
        java = find_java(self.settings.java_home)
        cmd = [
            str(java),
            "-cp",
            str(self.lib_dir / "*"),
            "org.neo4j.cli.AdminTool",
            "database",
            "import",
            "full",
            self.settings.neo4j_database,
            "--overwrite-destination=true",
            *args,
        ]
        started = time.monotonic()
        with open(log, "w", encoding="utf-8") as out:
            result = subprocess.run(cmd, env=self._env(), stdout=out, stderr=subprocess.STDOUT, cwd=self.home)
        if result.returncode != 0:
            raise ServerError(f"neo4j-admin database import failed (exit {result.returncode}); see {log}")
        return time.monotonic() - started

    def _run_once(self, name: str) -> Record | None:
        """The one record of the catalogue's query ``name``, on a short-lived driver of its own.

        A plain session, not execute_query: its retries with back-off would slow start-up.
        """
        from neo4j import GraphDatabase

        from graph import queries

        query = queries.get(name)
        with GraphDatabase.driver(
            self.settings.bolt_uri,
            auth=(self.settings.neo4j_user, self.settings.neo4j_password.get_secret_value()),
            connection_timeout=3,
        ) as driver:
            with driver.session(database=self.settings.neo4j_database) as session:
                return session.run(cast(LiteralString, query.text)).single()

    def _answers_queries(self) -> bool:
        from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

        try:
            record = self._run_once("lookup/ping")
        except (ServiceUnavailable, SessionExpired, Neo4jError, OSError):
            return False
        return record is not None and record["ok"] == 1

    def _wait_until_ready(self, deadline: float, process: subprocess.Popen[bytes] | None = None) -> None:
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise ServerError(
                    f"Neo4j exited with code {process.returncode} during start-up; see "
                    f"{self.home / 'logs' / 'neo4j.log'}\n{self.log_tail()}"
                )
            if self._answers_queries():
                return
            time.sleep(0.5)
        raise ServerError(f"Neo4j did not answer within {self.settings.start_timeout_s:.0f}s\n{self.log_tail()}")

    def log_tail(self, lines: int = 15) -> str:
        log = self.home / "logs" / "neo4j.log"
        if not log.exists():
            return ""
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def describe_server(data_dir: str) -> str:
    """Which server a data folder belongs to: a managed instance by its name, else the folder.

    >>> describe_server("/root/.cache/revkg/instances/i22-a/data")
    '实例 i22-a，数据 /root/.cache/revkg/instances/i22-a/data'
    >>> describe_server("? (Neo.ClientError.Security.Unauthorized)")
    '另一台 Neo4j，密码不同'
    """
    if data_dir.startswith("?"):
        return "另一台 Neo4j，密码不同"
    folder = Path(data_dir)
    if folder.name == "data" and folder.parent.parent.name == "instances":
        return f"实例 {folder.parent.name}，数据 {data_dir}"
    return f"数据 {data_dir}"


def post_connect_commands(settings: Settings) -> list[str]:
    """What Browser runs after connecting: apply revkg's style, then open the guide.

    Browser puts the newest frame on top. A ``:style <url>`` and a ``:play <url>`` each add their
    frame when their fetch returns, so whichever came back last (often the style, a screenful of
    text) used to push the guide below the fold. The style is therefore given inline, as the JSON
    Browser also accepts: it applies at once, before the guide's fetch returns, so the guide's
    frame always lands on top. JSON carries its semicolons only inside quotes, which Browser keeps
    when it splits this setting on ``;``.
    """
    commands = []
    style = BROWSER_DIR / "style.grass"
    if style.exists():
        commands.append("style " + grass_as_json(style.read_text(encoding="utf-8")))
    commands.append(f"play {_browser_asset_url(settings, 'guide.html')}")
    return commands


_GRASS_RULE = re.compile(r"([^{}\s][^{}]*?)\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}", re.DOTALL)


def grass_as_json(grass: str) -> str:
    r"""A Browser style sheet (``.grass``, CSS-like) as the one-line JSON Browser's ``:style`` also reads.

    >>> grass_as_json("node.Village {\n  color: #68BC00;\n  caption: '{name}';\n}")
    '{"node.Village":{"color":"#68BC00","caption":"{name}"}}'
    """
    rules: dict[str, dict[str, str]] = {}
    for selector, body in _GRASS_RULE.findall(grass):
        props: dict[str, str] = {}
        for declaration in re.split(r";(?=(?:[^'\"]*['\"][^'\"]*['\"])*[^'\"]*$)", body):
            key, sep, value = declaration.partition(":")
            if sep and key.strip():
                props[key.strip()] = value.strip().strip("'\"")
        rules[selector.strip()] = props
    return json.dumps(rules, ensure_ascii=False, separators=(",", ":"))


def _browser_asset_url(settings: Settings, name: str) -> str:
    # Served by the API (api/main.py mounts BROWSER_DIR at /browser-assets).
    return f"http://127.0.0.1:{settings.api_port}/browser-assets/{name}"


def find_java(preferred: Path | None = None) -> Path:
    """Return a ``java`` binary that Neo4j 5.26 runs on (Java 17 or 21).

    Raises:
        ServerError: when no such JDK is installed.
    """
    candidates: list[Path] = []
    if preferred is not None:
        candidates.append(preferred / "bin" / "java")
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
    jvm_root = Path("/usr/lib/jvm")
    if jvm_root.is_dir():
        candidates.extend(sorted(jvm_root.glob("*/bin/java"), reverse=True))
    on_path = shutil.which("java")
    if on_path:
        candidates.append(Path(on_path))
    for java in candidates:
        if java.exists() and _java_major(java) in {17, 21}:
            return java
    raise ServerError("Neo4j 5.26 needs Java 17 or 21; none was found (set REVKG_JAVA_HOME)")


def _java_major(java: Path) -> int | None:
    try:
        out = subprocess.run([str(java), "-version"], capture_output=True, text=True, timeout=30).stderr
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(\d+)', out)
    return int(match.group(1)) if match else None


def _artifact_name(jar_name: str) -> str:
    """``commons-lang3-3.12.0.jar`` → ``commons-lang3``.

    >>> _artifact_name("apoc-core-5.26.19.jar")
    'apoc-core'
    """
    return re.sub(r"-\d[\w.\-]*\.jar$", "", jar_name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child counts as gone
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def _run(cmd: list[str], *, what: str, env: dict[str, str] | None = None, secret: str | None = None) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        output = (result.stdout + result.stderr)[-3000:]
        if secret:
            output = output.replace(secret, "***")
        raise ServerError(f"{what} failed (exit {result.returncode}):\n{output}")
