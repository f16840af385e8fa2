"""Planners read Chinese: every console page, every link it shows, and every error a planner can
meet (a console page, an unknown address, the JSON API's errors) is walked in the app against the
real test server, and a Latin-script word outside codes, numbers and names fails the test.

Codes are what ``<code>`` shows (a village code, a mention key) and the ``code`` of an API error;
names are those of the short list below (the product and a file format) and the names of the files
the graph's facts came from (a register's or a report's file name, as whoever loaded it named it;
read from the graph, so a word of ours cannot hide behind them). Everything else a planner can read
counts: text, and the title, placeholder, aria-label and alt a browser shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from tests.factories import AS_OF, Chongming, review_mention

K = Chongming()
DAY = AS_OF.isoformat()
NAMES = {"revkg", "Excel"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
SHOWN_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}
BROWSER = {"Accept": "text/html,application/xhtml+xml"}


class ShownText(HTMLParser):
    """What a person reads on a page: text outside scripts, styles and ``<code>``, and the
    attributes a browser shows."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "code", "template"):
            self._hidden.append(tag)
        self.parts.extend(value or "" for name, value in attrs if name in SHOWN_ATTRIBUTES)
        if tag == "a":
            self.links.extend(value for name, value in attrs if name == "href" and value)

    def handle_endtag(self, tag: str) -> None:
        if self._hidden and self._hidden[-1] == tag:
            self._hidden.pop()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


# What a person typed, echoed back in quotes (“yesterday” is not a date), is theirs, not ours.
ECHOED = re.compile(r"“[^”]*”")


def latin_words(text: str, file_names: Iterable[str] = ()) -> list[str]:
    """Latin-script words of ``text`` that are neither names, nor part of a code or number, nor the
    person's own input quoted back, nor part of the name of a file facts came from.

    >>> latin_words("崇明区 310151 · revkg · 下载 Excel 表 · planner · org:崇明区民政局 · “yesterday” 不是日期")
    ['planner', 'org']
    >>> latin_words("台账 chongming-pairings.xlsx · 工作表 结对 第 3 行 · register", ["chongming-pairings.xlsx"])
    ['register']
    """
    text = ECHOED.sub(" ", text)
    for name in sorted(file_names, key=len, reverse=True):
        text = text.replace(name, " ")
    return [w for w in LATIN_WORD.findall(text) if w not in NAMES]


def source_file_names(driver: Driver) -> set[str]:
    """The names of the files the graph's facts came from (their ``source_id`` or Document):
    ``register:<file name>``, ``report:<file stem>``."""
    records = driver.execute_query(
        "MATCH ()-[r]->() WHERE r.source_id IS NOT NULL RETURN DISTINCT r.source_id AS uid "
        "UNION MATCH (d:Document) RETURN d.uid AS uid"
    ).records
    return {r["uid"].split(":", 1)[1] for r in records if r["uid"].startswith(("register:", "report:"))}


def read_page(client: TestClient, url: str, status: int = 200) -> ShownText:
    response = client.get(url, headers=BROWSER)
    assert response.status_code == status, (url, response.status_code, response.text[:300])
    assert "text/html" in response.headers["content-type"], (url, response.headers["content-type"])
    shown = ShownText()
    shown.feed(response.text)
    return shown


def pages_to_walk() -> list[str]:
    return [
        "/",
        f"/?as_of={DAY}",
        "/area/31",
        f"/district/{K.district}?as_of={DAY}",
        f"/district/{K.district_without_weak}",
        f"/village/{K.mihang}?as_of={DAY}",
        f"/village/{K.xinjian_xinhe}?as_of={DAY}",
        f"/helper/{K.civil_affairs}?as_of={DAY}",
        f"/suggestions?village={K.xinjian_xinhe}&as_of={DAY}",
        f"/clusters?district={K.district}&as_of={DAY}",
        "/find",
        "/find?q=新建村",
        "/find?q=无此村名",
        "/upload",
        "/queue",
    ]


# Console addresses that go wrong, with the status each answers: all are pages (or fragments).
CONSOLE_ERRORS = [
    ("/area/99", 404),
    ("/area/31?as_of=2024-13-40", 422),
    ("/district/999999", 404),
    ("/district/310151?as_of=yesterday", 422),
    (f"/district/{'9' * 7}", 422),
    ("/village/310151999999", 404),
    ("/helper/org:nobody", 404),
    ("/suggestions", 422),
    ("/suggestions?village=310151999999", 404),
    ("/clusters", 422),
    ("/no/such/page", 404),
    ("/analyses/no-such-analysis", 404),
]

# The JSON API's errors: a code for scripts, a Chinese detail for people.
API_ERRORS = [
    ("get", "/analyses/uncovered-weak-villages?as_of=2024-13-40", 422, "request.invalid"),
    ("get", "/analyses/uncovered-weak-villages?district=不存在区", 404, "place.district_not_found"),
    ("get", "/analyses/coverage?level=town", 422, "coverage.town_needs_district"),
    ("get", "/analyses/pairing-suggestions", 422, "suggestions.needs_place"),
    ("get", "/villages/310151999999", 404, "village.not_found"),
    ("get", "/organizations/org:nobody", 404, "organization.not_found"),
    ("get", "/search?q=%20", 422, "search.empty"),
    ("get", "/no/such/path", 404, "request.not_found"),
    ("post", "/uploads/registers", 401, "auth.write_key_needed"),
    ("delete", "/decisions/decision:none", 401, "auth.write_key_needed"),
    ("post", "/cypher", 422, "request.invalid"),
]


@pytest.mark.neo4j
def test_every_console_page_and_the_pages_it_links_to_are_in_chinese(client: TestClient, graph: Driver) -> None:
    review_mention(graph)
    files = source_file_names(graph)
    assert files  # the pages show where facts came from
    found: dict[str, list[str]] = {}
    links: set[str] = set()
    for url in pages_to_walk():
        shown = read_page(client, url)
        found[url] = latin_words(" ".join(shown.parts), files)
        links.update(
            link
            for link in shown.links
            if not urlsplit(link).netloc and link.startswith("/") and not link.startswith(("/docs", "/analyses"))
        )
    for link in sorted(links - set(pages_to_walk()))[:60]:  # the first pages each page links to
        shown = read_page(client, link.split("#")[0])
        found[link] = latin_words(" ".join(shown.parts), files)
    latin = {url: sorted(set(words)) for url, words in found.items() if words}
    assert latin == {}, "\n".join(f"{url}: {' '.join(words)}" for url, words in latin.items())


@pytest.mark.neo4j
@pytest.mark.parametrize(("url", "status"), CONSOLE_ERRORS)
def test_a_console_error_is_a_page_in_chinese(client: TestClient, url: str, status: int) -> None:
    shown = read_page(client, url, status)
    text = " ".join(shown.parts)
    assert re.search(r"[\u4e00-\u9fff]", text) and latin_words(text) == []


@pytest.mark.neo4j
@pytest.mark.parametrize(("method", "url", "status", "code"), API_ERRORS)
def test_an_api_error_has_a_code_and_chinese_words(
    client: TestClient, method: str, url: str, status: int, code: str
) -> None:
    response = client.request(method, url, json={} if method == "post" else None)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code
    assert re.search(r"[\u4e00-\u9fff]", body["detail"]) and latin_words(body["detail"]) == [], body["detail"]
    english = client.request(method, url, json={} if method == "post" else None, headers={"Accept-Language": "en"})
    assert english.json()["code"] == code and not re.search(r"[\u4e00-\u9fff]", english.json()["detail"][:12])


@pytest.mark.neo4j
def test_docs_are_served_without_the_internet(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn" not in docs.text.lower() and "https://" not in docs.text
    scripts = re.findall(r'(?:src|href)="([^"]+)"', docs.text)
    assert "/docs-assets/swagger-ui-bundle.js" in scripts and "/docs-assets/swagger-ui.css" in scripts
    for asset in scripts:
        assert client.get(asset).status_code == 200, asset
    assert "SwaggerUIBundle" in client.get("/docs-assets/swagger-ui-bundle.js").text[:5000]
