"""What a person names when loading: province lists and folders, read the same way by every command."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.settings import Settings
from loaders.files import expand
from loaders.gazetteer import parse_provinces
from loaders.places import PlaceIndex
from loaders.reports import iter_paths
from tests.conftest import REPO


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("31,35", ["31", "35"]),
        (" 31 , 35 ,", ["31", "35"]),
        ("all", None),
        ("ALL", None),
        ("", None),
        (None, None),
    ],
)
def test_province_lists_read_as_codes_or_all_of_china(text: str | None, codes: list[str] | None) -> None:
    assert parse_provinces(text) == codes


@pytest.mark.parametrize("text", ["上海", "310", "31;35", "3l", ","])
def test_a_province_list_that_is_not_two_digit_codes_is_refused_with_the_rule(text: str) -> None:
    with pytest.raises(ValueError, match="2-digit codes"):
        parse_provinces(text)


def test_every_command_refuses_a_bad_province_list_before_touching_the_code_table() -> None:
    runner = CliRunner()
    example = str(REPO / "data" / "examples" / "pairings.csv")
    for args in (
        ["load", "register", example],
        ["load", "gazetteer"],
        ["load", "reports", example],
        ["extract", example],
    ):
        result = runner.invoke(app, [*args, "--provinces", "上海"])
        assert result.exit_code == 2, (args, result.output)
        assert "2-digit codes" in result.output, args


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("b.csv", "A.XLSX", "~$A.XLSX", ".hidden.csv", "notes.txt", "sub/c.csv", "sub/d.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    return tmp_path


def test_a_folder_gives_its_files_of_the_loaders_kinds_sorted_without_lock_or_hidden_files(folder: Path) -> None:
    assert [p.name for p in expand([folder], (".csv", ".xlsx"))] == ["A.XLSX", "b.csv"]
    assert [p.relative_to(folder).as_posix() for p in expand([folder], (".csv",), recursive=True)] == [
        "b.csv",
        "sub/c.csv",
    ]


def test_files_are_kept_as_given_so_a_missing_one_can_be_named(folder: Path) -> None:
    missing = folder / "missing.csv"
    assert expand([folder / "notes.txt", missing], (".csv",)) == [folder / "notes.txt", missing]


def test_a_folder_of_reports_gives_its_texts_from_sub_folders_too(folder: Path) -> None:
    assert [p.relative_to(folder).as_posix() for p in iter_paths([folder])] == ["notes.txt", "sub/d.txt"]


def test_the_place_index_is_built_from_the_code_table_cached_under_home(
    settings: Settings, gazetteer_dir: Path
) -> None:
    index = PlaceIndex.for_home(settings.home, ["31"])
    chongming, chengxiang = "310151", "350304"  # 崇明区 (上海), 城厢区 (福建)
    assert index.get(chongming) is not None and index.get(chengxiang) is None
