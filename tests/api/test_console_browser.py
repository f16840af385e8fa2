"""The planners' console in real Chromium: a planner's whole task on the Chongming fixture graph.

search 崇明 → the district page lists its uncovered weak villages → one village's suggestions →
recording is refused without the key (and with a wrong one) and nothing changes → record a pairing
with the key → the village leaves the uncovered list and its page shows the pairing with planner
provenance → the uncovered list downloads as XLSX with the same rows → a register with one bad row
is uploaded and the reject is shown with its row and reason → one review item is decided and stays
decided across reloads. Screenshots of every page go to tests/artifacts/ (not in git), one of them
at a phone's width.

Needs Debian's ``chromium`` and Playwright for Python (``.ci/setup-browser.sh``), as test_browser.py.
The API runs in this process on a free port chosen at run time.
"""

from __future__ import annotations

import io
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from graph import users
from graph.settings import Settings
from tests.api.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, chromium_context
from tests.conftest import reset_to_spine
from tests.factories import AS_OF, SOURCE_REPORT, Chongming, ambiguous_report, build_chongming, review_mention

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

K = Chongming()
DAY = AS_OF.isoformat()
BAD_REGISTER = (
    "序号,帮扶单位,党组织,结对主体,区,镇,村,村代码,开始日期,结束日期,轮次,结对形式,备注\n"
    "1,上海测试集团,,,崇明区,堡镇,四滧村,310151102216,2021-03-01,,第三轮,结对帮扶,\n"
    "2,上海测试集团,,,崇明区,堡镇,米行村,310151102214,2021-13-45,,第三轮,结对帮扶,\n"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def console_url(graph: Driver) -> Iterator[str]:
    """The API (console included) on a free loopback port, over the Chongming graph and one review item."""
    import uvicorn

    from api.console.pages import forget_overviews
    from api.main import app

    reset_to_spine(graph)
    build_chongming(graph)
    forget_overviews()
    review_mention(graph)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    from neomodel import db as neomodel_db

    neomodel_db.set_connection(driver=graph)  # the app's lifespan closed the driver it gave neomodel


def uncovered_on_page(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(
        "#uncovered-table tbody tr[data-village]", "rows => rows.map(r => r.dataset.village)"
    )


UNLABELLED = """() => Array.from(document.querySelectorAll('input, select, textarea'))
    .filter(el => el.type !== 'hidden' && !(el.labels && el.labels.length) && !el.closest('label'))
    .map(el => el.outerHTML)"""


# Line boxes of each village name in the uncovered table (one per line it wraps onto).
NAME_LINES = """() => Array.from(document.querySelectorAll('#uncovered-table tbody td:nth-child(2) a'))
    .map(a => a.getClientRects().length)"""
# Controls a finger taps (buttons, fields, disclosure and menu links) under 24 px high.
SMALL_TARGETS = """() => Array.from(document.querySelectorAll('button, select, input, summary, .top nav a, a.download'))
    .filter(el => el.type !== 'hidden' && el.offsetParent !== null)
    .filter(el => el.getBoundingClientRect().height < 24)
    .map(el => el.outerHTML.slice(0, 80))"""


def paired_with_count(graph: Driver) -> int:
    return graph.execute_query("MATCH ()-[r:PAIRED_WITH]->() RETURN count(r) AS n").records[0]["n"]


def test_a_planner_finds_an_uncovered_village_records_a_pairing_exports_uploads_and_reviews(
    graph: Driver,
    settings: Settings,
    console_url: str,
    tmp_path: Path,
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/setup-browser.sh)")
    from openpyxl import load_workbook

    ARTIFACTS.mkdir(exist_ok=True)
    api_key = settings.api_key.get_secret_value()
    requested: list[str] = []
    with sync_api.sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="revkg-chromium-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800},
            accept_downloads=True,
        )
        page = context.new_page()
        page.on("request", lambda r: requested.append(r.url))
        try:

            def shot(name: str) -> None:
                page.screenshot(path=str(ARTIFACTS / f"console_{name}.png"), full_page=True)
                assert page.evaluate(UNLABELLED) == [], f"{name}: form fields without a label"

            page.goto(console_url + "/", wait_until="networkidle")
            assert page.get_by_role("heading", level=1).inner_text().startswith("全国")
            shot("overview")

            # search 崇明 → the district
            page.get_by_label("搜索").fill("崇明")
            page.get_by_role("button", name="查找").click()
            page.wait_for_url("**/find?q=*")
            shot("search")
            page.locator("a[href^='/district/310151']").first.click()
            page.wait_for_url("**/district/310151*")
            # judge on the fixture's day through the page's date picker
            page.get_by_label("判断日期").fill(DAY)
            page.get_by_role("button", name="按此日期").click()
            page.wait_for_url(f"**/district/310151?as_of={DAY}")
            assert uncovered_on_page(page) == [K.panghuang, K.xinjian_xinhe, K.dongxin]
            page.locator("#clusters figure.cluster").first.wait_for(timeout=30_000)  # the pictures come as a fragment
            shot("district")

            # one village's suggestions, with reasons
            row = page.locator(f"#uncovered-table tr[data-village='{K.xinjian_xinhe}']")
            row.locator("summary").click()
            record = row.get_by_role("button", name="记录结对：上海农商银行崇明支行")
            record.wait_for(timeout=30_000)
            assert "尚可承接" in row.inner_text()
            shot("suggestions")

            # without the key: the page asks for it and sends nothing; a wrong key is refused (401)
            before = paired_with_count(graph)
            record.click()
            assert page.locator("#key-panel").get_attribute("open") is not None
            assert "请先在页首用个人密钥登录" in page.locator("#flash").inner_text()
            page.get_by_label("个人密钥").fill("not-the-key")
            page.locator("#key-form").get_by_role("button", name="登录").click()
            # the flash is already an error (the request for a key): wait for the answer about this key
            page.wait_for_function("document.querySelector('#flash').textContent.includes('密钥无效')")
            assert "error" in (page.locator("#flash").get_attribute("class") or "")
            assert page.locator("#key-state").inner_text() == "未登录"
            status = page.evaluate("""async () => (await fetch('/decisions/pairings', {method: 'POST',
                headers: {'Content-Type': 'application/json'}, body: JSON.stringify({helper_uid: 'org:上海农商银行崇明支行',
                village: '310151103212', since: '2024-06-01', decided_by: 'x'})})).status""")
            assert status == 401
            assert paired_with_count(graph) == before
            page.reload()
            assert K.xinjian_xinhe in uncovered_on_page(page)

            # signed in with a planner's own key: recorded under the key's name, and the village leaves
            # the uncovered list at once
            _, planner_key = users.add_user(graph, "张规划", "planner")
            page.locator("#key-panel summary").click()  # after the reload the panel is closed: open it
            page.get_by_label("个人密钥").fill(planner_key)
            page.locator("#key-form").get_by_role("button", name="登录").click()
            page.wait_for_function("document.querySelector('#key-state').textContent.includes('张规划')")
            assert page.locator("#key-state").inner_text() == "已登录：张规划（规划）"
            row = page.locator(f"#uncovered-table tr[data-village='{K.xinjian_xinhe}']")
            row.locator("summary").click()
            row.get_by_role("button", name="记录结对：上海农商银行崇明支行").click()
            page.wait_for_function("document.querySelector('#flash').textContent.includes('已记录')")
            assert uncovered_on_page(page) == [K.panghuang, K.dongxin]
            assert paired_with_count(graph) == before + 1
            shot("district_after_decision")

            # the village page shows the pairing with planner provenance, who and when
            page.goto(f"{console_url}/village/{K.xinjian_xinhe}?as_of={DAY}")
            pairings = page.locator("#pairings-table").inner_text()
            assert (
                "上海农商银行崇明支行" in pairings
                and "规划人员" in pairings
                and "planner" not in pairings
                and "张规划" in pairings
            )
            assert page.locator("#uncovered-flag").count() == 0
            assert page.get_by_role("button", name="撤销").count() == 1
            # undo asks first; declined, nothing changes
            asked: list[str] = []
            page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
            page.get_by_role("button", name="撤销").click()
            page.wait_for_timeout(300)
            assert asked and "撤销" in asked[0]
            assert paired_with_count(graph) == before + 1 and page.get_by_role("button", name="撤销").count() == 1
            shot("village")

            # the helper's page
            page.locator("#pairings-table a", has_text="上海农商银行崇明支行").first.click()
            page.wait_for_url("**/helper/**")
            assert "新建村" in page.locator("#villages").inner_text()
            shot("helper")

            # the uncovered list as XLSX: the same rows as the page
            page.goto(f"{console_url}/district/310151?as_of={DAY}")
            with page.expect_download() as download:
                page.locator("#uncovered a.download", has_text="下载 Excel 表").click()
            saved = tmp_path / "uncovered.xlsx"
            download.value.save_as(saved)
            sheet = load_workbook(saved).active
            rows = list(sheet.iter_rows(values_only=True))
            village_code = rows[0].index("村代码")  # Chinese headers, codes kept as text
            assert [r[village_code] for r in rows[1:]] == uncovered_on_page(page) == [K.panghuang, K.dongxin]

            # phone width: the district page still fits (tables scroll inside their box)
            page.set_viewport_size({"width": 390, "height": 844})
            page.reload()
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
            # village names keep their words (at most two lines each), controls are ≥ 24 px high
            assert page.evaluate(NAME_LINES) and max(page.evaluate(NAME_LINES)) <= 2
            assert page.evaluate(SMALL_TARGETS) == []
            shot("district_phone")
            page.set_viewport_size({"width": 1280, "height": 800})

            # uploads and the review queue: signed in as the administrator (the bootstrap key)
            page.goto(console_url + "/upload")
            page.locator("#key-panel summary").click()
            page.get_by_label("个人密钥").fill(api_key)
            page.locator("#key-form").get_by_role("button", name="登录").click()
            page.wait_for_function("document.querySelector('#key-state').textContent.includes('管理员')")
            # upload a register with one bad row: the reject shows its row and reason
            register = tmp_path / "pairings_bad.csv"
            register.write_text(BAD_REGISTER, encoding="utf-8")
            page.get_by_label("选择文件").set_input_files(str(register))
            page.get_by_role("button", name="上传并加载").click()
            page.locator("#upload-result").wait_for(state="visible", timeout=120_000)
            rejects = page.locator("#upload-rejects tbody tr")
            assert rejects.count() == 1
            cells = rejects.first.locator("td").all_inner_texts()
            assert cells[0] == "pairings_bad.csv" and cells[2] == "3" and cells[3] == "开始日期"
            assert cells[5] == "拒绝" and "不是真实存在的日期" in cells[6]
            assert "拒绝 1 行" in page.locator("#upload-summary").inner_text()
            assert page.locator("#upload-sheets tbody td").nth(2).inner_text() == "结对"
            with page.expect_download() as download:
                page.get_by_role("button", name="下载 Excel 表").click()
            rejects_book = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
            assert list(rejects_book.iter_rows(values_only=True))[1][:4] == (
                "pairings_bad.csv",
                "pairings_bad",
                3,
                "开始日期",
            )
            shot("upload")

            # decide one review item; the decision is kept across reloads
            page.goto(console_url + "/queue")
            item = page.locator("#queue-table tr[data-key='红星村@310151']")
            item.get_by_label("选定代码").select_option("310151109203")  # the label the queue gives its choice
            item.get_by_label("说明").fill("中兴镇")
            item.get_by_role("button", name="记录决定").click()
            page.wait_for_function("document.querySelector('#flash').textContent.includes('已记录复核决定')")
            page.reload()
            assert "已决定：310151109203" in page.locator("#queue-table tr[data-key='红星村@310151']").inner_text()
            shot("queue")

            # the audit trail, for admins: the planner's decision, the upload and the review, newest first
            page.get_by_role("link", name="审计记录").click()
            page.wait_for_url("**/audit-trail")
            page.wait_for_function("document.querySelector('#audit-count').textContent !== '—'")
            trail = page.locator("#audit-table tbody").inner_text()
            assert "张规划" in trail and "记录结对" in trail and "上传台账" in trail and "复核决定" in trail
            assert "结对，自" in trail and '"uid"' not in trail  # what changed in words, not the stored JSON
            shot("audit")
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "console_failure.png"), full_page=True)
            raise
        finally:
            context.close()
    # nothing was fetched from anywhere but the console itself, and the key never went into a URL
    assert all(url.startswith((console_url, "blob:", "data:")) for url in requested), [
        u for u in requested if not u.startswith(console_url)
    ]
    assert not [url for url in requested if api_key in url]
    decided = graph.execute_query(
        "MATCH (r:ReviewDecision {uid: '红星村@310151'}) RETURN r.decided_code AS code"
    ).records
    assert decided[0]["code"] == "310151109203"


def test_a_review_decision_in_the_queue_shows_its_pairing_on_the_village_page_and_the_queue_shrinks(
    graph: Driver, settings: Settings, console_url: str, gazetteer_dir: Path, tmp_path: Path
) -> None:
    """Decide the first ambiguous village of the queue (whatever the loaded report gives) on its
    first candidate: the flash says what changed, the village page lists the report's helper, and
    the queue counts one item fewer — without reloading any report."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/setup-browser.sh)")
    # The queue as a load leaves it: the fixture's hand-made mention (a report without text) goes,
    # and a report is read by the loader.
    graph.execute_query(
        "MATCH (d:Document {uid: $uid}) OPTIONAL MATCH (d)-[:MENTIONS]->(v:Village {resolved: false}) DETACH DELETE d, v",
        uid=SOURCE_REPORT,
    )
    ambiguous_report(graph, tmp_path, gazetteer_dir)
    ARTIFACTS.mkdir(exist_ok=True)
    with chromium_context(sync_api, {"width": 1280, "height": 800}) as context:
        page = context.new_page()
        try:
            page.goto(console_url + "/queue")
            count = int(page.locator("#queue-count").inner_text())
            # the first item with candidates from the loaded report (not the fixture's bare mention)
            item = page.locator("#queue-table tbody tr", has=page.locator("option", has_text="候选：")).first
            key = item.get_attribute("data-key")
            choice = item.locator("select[name=code] option", has_text="候选：").first
            code = choice.get_attribute("value")
            assert key and code and "镇" in choice.inner_text()  # candidates name their town
            item.locator("select[name=code]").select_option(code)
            page.evaluate(  # the key panel's result: who is deciding, and the write key
                "([who, key]) => { sessionStorage.setItem('revkg.who', who); sessionStorage.setItem('revkg.apiKey', key); }",
                ["测试规划员", settings.api_key.get_secret_value()],
            )
            item.get_by_role("button", name="记录决定").click()
            page.wait_for_function("document.querySelector('#flash').textContent.includes('现有结对')")
            flash = page.locator("#flash").inner_text()
            assert "已按决定重新识别 1 篇报告" in flash
            helper = flash.split("现有结对：")[1].split("；")[0].split("、")[0]
            assert int(page.locator("#queue-count").inner_text()) == count - 1
            assert key not in page.eval_on_selector_all("#queue-table tbody tr", "rows => rows.map(r => r.dataset.key)")
            page.screenshot(path=str(ARTIFACTS / "console_queue_decided.png"), full_page=True)
            page.goto(console_url + f"/village/{code}")
            pairings = page.locator("#pairings-table tbody").inner_text()
            assert helper in pairings and "有效" in pairings
            page.screenshot(path=str(ARTIFACTS / "console_village_after_review.png"), full_page=True)
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "console_review_failure.png"), full_page=True)
            raise
