"""The renamed development copies (``loaders.dev_renaming``) keep each report something a report could say."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from loaders import dev_renaming
from loaders.dev_renaming import _split_unit, renamed_copy
from loaders.places import PlaceIndex
from tests.loaders.test_report_mechanisms import PLACES


def _copy(tmp_path: Path, texts: dict[str, str], links: list[dict[str, Any]]) -> tuple[dict[str, str], dict[str, Any]]:
    dev, out = tmp_path / "dev", tmp_path / "out"
    dev.mkdir()
    for name, text in texts.items():
        (dev / name).write_text(text, encoding="utf-8")
    gold = {"sources": sorted(texts), "links": links, "people": [], "not_leaders": []}
    (dev / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    renamed_copy(PlaceIndex.from_places(PLACES), dev, out, 1)
    new_gold = json.loads((out / "gold.json").read_text(encoding="utf-8"))
    return {name: (out / name).read_text(encoding="utf-8") for name in texts}, new_gold


def _link(doc: str, helper: str, village: str, code: str) -> dict[str, Any]:
    return {"doc": doc, "helper": helper, "village": village, "village_codes": [code], "kind": "pairing"}


def test_a_village_pairing_its_namesake_keeps_its_name(tmp_path: Path) -> None:
    # Two villages of one name in two towns: renaming the text would rename both, into a name only one town has.
    text = "东湖区凌波路街道长岭村与西山县白石镇长岭村签订结对协议。"
    texts, _ = _copy(tmp_path, {"a.txt": text}, [_link("a.txt", "长岭村", "长岭村", "910102101203")])
    assert texts["a.txt"] == text


def test_a_village_listed_without_its_ending_is_renamed_without_it(tmp_path: Path) -> None:
    text = "县发改局帮扶的村有长岭、石门两个。"
    links = [_link("a.txt", "县发改局", "长岭", "910102101203"), _link("a.txt", "县发改局", "石门", "910102101204")]
    texts, gold = _copy(tmp_path, {"a.txt": text}, links)
    assert "村" not in texts["a.txt"].replace("两个村", "").split("有")[1]
    for link in gold["links"]:
        assert not link["village"].endswith("村") and link["village"] in texts["a.txt"]
    # and never as a village the report already names
    assert len({link["village_codes"][0] for link in gold["links"]}) == 2


def test_a_branch_named_after_its_parent_keeps_its_name() -> None:
    # Reports call it 某行某省分行 too; a swap of the full name would leave that short form behind.
    assert _split_unit("东海银行测试省分行") is None
    assert _split_unit("西山县交通局") == ("西山县", "交通", "局")


def test_a_unit_written_without_its_place_is_renamed_with_it(tmp_path: Path) -> None:
    texts, _ = _copy(
        tmp_path,
        {"a.txt": "西山县交通局与长岭村结对。县交通局还捐了款。", "b.txt": "东湖区水务局与石门村结对。"},
        [
            _link("a.txt", "西山县交通局", "长岭村", "910102101203"),
            _link("b.txt", "东湖区水务局", "石门村", "910102101204"),
        ],
    )
    assert "交通局" not in texts["a.txt"] and texts["a.txt"].count("水务局") == 2


def test_no_made_up_name_holds_another_of_the_same_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # With one surname and two given characters to draw from, 张伟 and 张伟明 would come up often.
    monkeypatch.setattr(dev_renaming, "SURNAMES", frozenset("张"))
    monkeypatch.setattr(dev_renaming, "GIVEN_NAME_CHARS", "伟明")
    dev, out = tmp_path / "dev", tmp_path / "out"
    dev.mkdir()
    (dev / "a.txt").write_text("书记李四说，主任王五六表示。", encoding="utf-8")
    people = [{"doc": "a.txt", "name": n, "role": "书记"} for n in ("李四", "王五六")]
    gold = {"sources": ["a.txt"], "links": [], "people": people, "not_leaders": []}
    (dev / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    for seed in range(20):
        renamed_copy(PlaceIndex.from_places(PLACES), dev, out, seed)
        short, long_ = (p["name"] for p in json.loads((out / "gold.json").read_text(encoding="utf-8"))["people"])
        assert short not in long_
