"""Rejects spooled to disk: a load's issues past a limit go to a temporary file and come back in order,
and the rejects report is written from them row by row."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from loaders import register
from loaders.places import PlaceIndex
from loaders.register import Issue, IssueSpool, LoadReport, write_issues
from tests.conftest import TEST_PROVINCES
from tests.loaders.register_files import PAIRINGS_HEADER, write_csv


def issues(n: int) -> list[Issue]:
    return [
        Issue("f.csv", "f", row, "村代码", f"31015110221{row % 10}", f"原因{row}", ("a", "b"), "warning" if row % 4 == 0 else "rejected")
        for row in range(2, n + 2)
    ]  # fmt: skip


def test_past_its_limit_the_spool_keeps_issues_on_disk_and_gives_them_back_in_order() -> None:
    spool = IssueSpool(keep=5)
    spool.extend(issues(3))
    assert not spool.spooled and list(spool) == issues(3)
    spool.extend(issues(40)[3:])
    assert spool.spooled and len(spool.head) == 5
    assert list(spool) == issues(40) and list(spool) == issues(40)  # read back again, same
    assert len(spool) == 40 and spool.counts == {"rejected": 30, "warning": 10}
    assert spool[:3] == issues(3) and spool[38:] == issues(40)[38:]
    assert copy.deepcopy(spool) == issues(5)  # a copy (the API's answer) holds the first ones only


def test_a_spooled_issue_comes_back_with_its_code_and_params_and_reading_never_moves_the_writing() -> None:
    coded = [
        Issue.coded("f.csv", "f", row, None, None, "register.row.duplicate", severity="warning", sheet="f", first=2, row=row)
        for row in range(3, 9)
    ]  # fmt: skip
    spool = IssueSpool(coded[:4], keep=2)
    assert spool[:1] == coded[:1]  # a read that stops half-way …
    spool.extend(coded[4:])  # … and the issues added after it
    assert list(spool) == coded and [i.text("en") for i in spool] == [i.text("en") for i in coded]
    assert all(isinstance(i.params, tuple) and i.code == "register.row.duplicate" for i in spool)


def test_a_load_report_made_from_a_list_spools_too() -> None:
    report = LoadReport(issues=issues(2))  # type: ignore[arg-type]
    assert isinstance(report.issues, IssueSpool) and report.rejected == issues(2)
    assert report.summary() == "0 个台账文件：没有加载任何行，拒绝 2 行，警告 0 条"
    assert report.summary("en") == "0 register file(s): nothing loaded, 2 rows rejected, 0 warnings"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_rejects_report_is_written_from_a_spooled_list(tmp_path: Path, suffix: str) -> None:
    spool = IssueSpool(issues(25), keep=4)
    path = write_issues(tmp_path / f"rejects{suffix}", spool)
    if suffix == ".csv":
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        assert len(lines) == 26 and lines[1].startswith("f.csv,f,2,村代码")
    else:
        rows = list(load_workbook(path).active.iter_rows(values_only=True))
        assert len(rows) == 26 and rows[1][:3] == ("f.csv", "f", 2) and rows[-1][2] == 26


def test_a_register_of_bad_rows_beyond_the_limit_reports_every_one_in_row_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gazetteer_dir: Path
) -> None:
    monkeypatch.setattr(IssueSpool, "KEEP", 50)
    rows = [
        ["测试单位", "", "", "崇明区", "堡镇", "四滧村", "31015110221", "2021-03-01", "", "第三轮"] for _ in range(300)
    ]
    path = write_csv(tmp_path / "bad.csv", PAIRINGS_HEADER, rows)
    index = PlaceIndex.from_gazetteer(gazetteer_dir, TEST_PROVINCES)
    handed_on: list[int] = []  # how many issues each hand-over to the spool carried
    extend = IssueSpool.extend

    def counted(spool: IssueSpool, issues: Iterable[Issue]) -> None:
        issues = list(issues)
        handed_on.append(len(issues))
        extend(spool, issues)

    monkeypatch.setattr(IssueSpool, "extend", counted)
    report, chunks = register.prepare_chunks(path, index, chunk_rows=40)
    accepted = [row for chunk in chunks for row in chunk]
    # Not one chunk of 40 accepted rows is ever filled, yet the issues move on every 40 rows read:
    # a file of bad rows never holds more than a chunk's issues outside the spool.
    assert [n for n in handed_on if n] == [40] * 7 + [20]
    assert report.issues.spooled and len(report.issues) >= 300
    row_numbers = [i.row for i in report.issues if i.row is not None]
    assert row_numbers == sorted(row_numbers) and set(range(2, 302)) <= set(row_numbers)
    assert report.sheets[0].rejected == 300 and accepted == []
