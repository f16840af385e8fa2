"""The message table: every code speaks both languages with the same parameters, and errors carry codes."""

from __future__ import annotations

import doctest
import string

import pytest

from graph import messages
from graph.errors import NotFound
from graph.messages import MESSAGES


def test_message_helpers_do_what_their_examples_say() -> None:
    failures, tried = doctest.testmod(messages)
    assert tried > 0 and failures == 0


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_each_message_fills_the_same_parameters_in_chinese_and_english(code: str) -> None:
    zh, en = MESSAGES[code]
    assert zh.strip() and en.strip()
    assert _fields(zh) == _fields(en)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), "the Chinese text has no Chinese in it"


def test_a_coded_error_answers_in_the_language_asked_and_logs_in_english() -> None:
    MESSAGES["test.missing_village"] = ("没有代码为 {village} 的村", "no village has the code {village}")
    try:
        error = NotFound(code="test.missing_village", village="310151")
        assert error.code == "test.missing_village" and error.params == {"village": "310151"}
        assert error.message("zh") == "没有代码为 310151 的村"
        assert error.message("en") == str(error) == "no village has the code 310151"
    finally:
        del MESSAGES["test.missing_village"]


def test_a_plain_error_keeps_its_text_and_has_no_code() -> None:
    error = NotFound("nothing here")
    assert error.code is None and error.message("zh") == error.message("en") == "nothing here"


@pytest.mark.parametrize(
    ("method", "words"),
    [
        ("gazetteer_exact+document_city", "地名：全名一致+报告提到的城市"),
        ("village_stem+town_moved", "村名：去掉“村”等后缀一致+同县另一乡镇（乡镇撤并）"),
        ("village_none+listed_in_town", "村名：未找到+与同一乡镇的村并列列出（代码表没有）"),
    ],
)
def test_the_place_contexts_of_the_report_loader_read_in_chinese_in_review(method: str, words: str) -> None:
    assert messages.method_text(method) == words
