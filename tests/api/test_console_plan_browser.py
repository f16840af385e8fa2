"""The console's 结对方案 page in real Chromium, on the Chongming fixture graph: from the district page
open the plan for 崇明区, untick one row (the plan is re-solved without that village), accept the
rest with the key, see the villages leave the uncovered list and the decisions on the village
pages, and undo one. Needs Debian's chromium and Playwright (``.ci/setup-browser.sh``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from neo4j import Driver

from graph import users
from tests.api.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS
from tests.api.test_console_browser import UNLABELLED, console_url, uncovered_on_page  # noqa: F401  # the fixture
from tests.factories import AS_OF, Chongming

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

K = Chongming()
DAY = AS_OF.isoformat()


def planner_decisions(graph: Driver) -> list[tuple[str, str, str | None]]:
    rows = graph.execute_query(
        "MATCH (d:PlannerDecision) RETURN d.village_code AS v, d.helper_uid AS h, d.undone_at AS undone ORDER BY v"
    ).records
    return [(r["v"], r["h"], r["undone"]) for r in rows]


def test_a_planner_opens_the_plan_unticks_a_row_accepts_and_undoes_one(
    graph: Driver,
    console_url: str,  # noqa: F811  # the fixture imported above
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/setup-browser.sh)")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="revkg-chromium-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        page = context.new_page()
        # a shared, loaded machine: pages that take long are waited for, not failed (speed is bench/'s)
        page.set_default_timeout(120_000)
        try:
            page.goto(f"{console_url}/district/310151?as_of={DAY}")
            assert uncovered_on_page(page) == [K.panghuang, K.xinjian_xinhe, K.dongxin]
            page.get_by_role("link", name="结对方案：一次安排全部未结对薄弱村").click()
            page.wait_for_url("**/plan/310151*")
            assert page.get_by_role("heading", level=1).inner_text().startswith("结对方案 · 崇明区")
            page.get_by_label("每个单位最多结对村数").fill("3")
            page.get_by_role("button", name="重新生成方案").click()
            page.wait_for_url("**capacity=3*")
            rows = page.locator("#plan-table tbody tr[data-helper]")
            assert rows.count() == 3
            assert "曾与该村结对" in page.locator(f"#plan-table tr[data-village='{K.panghuang}']").inner_text()
            assert page.locator("#plan-loads svg g").count() == 2  # 教育局 and 第一人民医院, before and after
            assert page.evaluate(UNLABELLED) == []
            page.screenshot(path=str(ARTIFACTS / "console_plan.png"), full_page=True)

            # untick 东新村: the plan is solved again without it, and lists it as set aside
            page.locator(f"#plan-table tr[data-village='{K.dongxin}'] .plan-tick").click()
            page.wait_for_url("**skip=*")
            assert rows.count() == 2
            assert "东新村" in page.locator("#plan-skipped").inner_text()

            # accept signed in with a planner's own key: two decisions in one go, recorded under the
            # key's name, back on the district page
            _, planner_key = users.add_user(graph, "张规划", "planner")
            page.locator("#key-panel summary").click()
            page.get_by_label("个人密钥").fill(planner_key)
            page.locator("#key-form").get_by_role("button", name="登录").click()
            page.wait_for_function("document.querySelector('#key-state').textContent.includes('张规划')")
            assert page.locator("#key-state").inner_text() == "已登录：张规划（规划）"
            page.get_by_label("说明").fill("区委组织部会议")
            page.get_by_role("button", name="接受勾选的 2 项结对").click()
            page.wait_for_url("**/district/310151*")
            page.wait_for_function("document.querySelector('#flash').textContent.includes('已接受方案')")
            assert uncovered_on_page(page) == [K.dongxin]
            recorded = planner_decisions(graph)
            assert [(v, h) for v, h, _ in recorded] == [(K.panghuang, K.education), (K.xinjian_xinhe, K.education)]
            page.screenshot(path=str(ARTIFACTS / "console_plan_accepted.png"), full_page=True)

            # the village page shows the decision with its provenance; undo it there
            page.goto(f"{console_url}/village/{K.panghuang}?as_of={DAY}")
            pairings = page.locator("#pairings-table").inner_text()
            assert "崇明区教育局" in pairings and "规划人员" in pairings and "张规划" in pairings
            assert "planner" not in pairings
            assert "结对方案（崇明区" in page.content()
            asked: list[str] = []  # undo asks first; the planner confirms
            page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
            page.get_by_role("button", name="撤销").click()
            page.wait_for_function("document.querySelector('#flash').textContent.includes('已撤销')")
            assert asked and "撤销" in asked[0]
            page.goto(f"{console_url}/district/310151?as_of={DAY}")
            assert uncovered_on_page(page) == [K.panghuang, K.dongxin]
            assert [undone is not None for _, _, undone in planner_decisions(graph)] == [True, False]
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "console_plan_failure.png"), full_page=True)
            raise
        finally:
            context.close()
