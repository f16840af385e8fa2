"""A corpus of malformed registers and reports, generated into a folder (no binaries are committed).

Each ``register_cases(folder)`` entry says what a correct loader must make of the file: either the
whole file is refused with a message (``refused``), or its good rows load and every bad row is a
reject naming its row and column (``good``/``bad``). Real places of 崇明区 (310151), which the
``graph`` fixture loads, so the good rows resolve.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from loaders.reports import reading as reports_reading
from tests.loaders.register_files import (
    PAIRINGS_HEADER,
    WEAK_HEADER,
    pairing_row,
    weak_row,
    write_csv,
    write_xlsx,
)

# Real villages of 崇明区 堡镇 / 中兴镇 (names as the code table has them).
SIHAO = ("四滧村", "堡镇", "310151102216")
PANGHUANG = ("彷徨村", "堡镇", None)


@dataclass
class RegisterCase:
    """One malformed register and what a loader must make of it.

    ``refused``: the file cannot be read; a file-level issue (row None) whose reason contains it.
    Otherwise ``good`` rows load and each (row number, column header) in ``bad`` is a reject.
    """

    name: str
    path: Path
    refused: str | None = None
    good: int = 0
    bad: list[tuple[int, str | None]] = field(default_factory=list)
    kind: str | None = None  # forced --kind
    note: str = ""


def _pairings(path: Path, rows: list[tuple[str, ...]], encoding: str = "utf-8") -> Path:
    return write_csv(path, PAIRINGS_HEADER, rows, encoding=encoding)


def wrong_columns(folder: Path) -> RegisterCase:
    path = write_csv(folder / "wrong_columns.csv", ("颜色", "尺寸", "重量"), [("红", "大", "3")])
    return RegisterCase("wrong columns (CSV)", path, refused="没有可识别的表头")


def wrong_columns_xlsx(folder: Path) -> RegisterCase:
    path = write_xlsx(folder / "wrong_columns.xlsx", {"Sheet1": [("颜色", "尺寸"), ("红", "大")]})
    return RegisterCase("wrong columns (xlsx)", path, bad=[(0, None)], note="sheet reported, nothing loaded")


def missing_required_column(folder: Path) -> RegisterCase:
    # A pairings register without any helper column: the sheet is refused as a whole.
    header = ("区", "镇", "村", "开始日期")
    path = write_xlsx(folder / "missing_helper.xlsx", {"结对": [header, ("崇明区", "堡镇", "四滧村", "2021-03-01")]})
    return RegisterCase("missing required column", path, bad=[(1, None)], kind="pairings")


def unknown_kind(folder: Path) -> RegisterCase:
    path = write_xlsx(folder / "unknown_kind.xlsx", {"S": [("村", "镇", "开始日期"), ("四滧村", "堡镇", "2021-03-01")]})
    return RegisterCase("headers that name no register kind", path, bad=[(1, None)])


def merged_cells(folder: Path) -> RegisterCase:
    rows = [
        PAIRINGS_HEADER,
        pairing_row(village="四滧村"),
        pairing_row(helper="", village="彷徨村"),
        pairing_row(helper="", village="四滧村", since="2022-01-01"),
    ]
    path = write_xlsx(folder / "merged.xlsx", {"结对": rows}, merges={"结对": ["A2:A4"]})
    return RegisterCase("helper merged over three rows", path, good=3)


def formulas(folder: Path) -> RegisterCase:
    """Formulas with no computed value (openpyxl never computes them; Excel would on save)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "结对"
    sheet.append(list(PAIRINGS_HEADER))
    sheet.append(list(pairing_row()))
    sheet.append(list(pairing_row(helper='=CONCATENATE("上海","浦江")', village="彷徨村")))  # row 3
    sheet.append(list(pairing_row(village="四滧村", since="=DATE(2023,1,5)")))  # row 4
    book.save(folder / "formulas.xlsx")
    return RegisterCase(
        "formulas without a computed value", folder / "formulas.xlsx", good=1, bad=[(3, "帮扶单位"), (4, "开始日期")]
    )


def dates(folder: Path) -> RegisterCase:
    good = ["2023-01-05", "2023/1/5", "2023.1.5", "2023年1月5日", "20230105", "44931"]
    bad = ["2023-02-30", "2023-13", "05/01/2023", "明年", "2023年13月1日"]
    # One round per row: the same pairing on the same day in two rows would be one fact, loaded once.
    rows = [pairing_row(since=s, programme=f"第{i}轮") for i, s in enumerate(good + bad, start=1)]
    path = _pairings(folder / "dates.csv", rows)
    return RegisterCase(
        "dates in six formats, five bad ones",
        path,
        good=len(good),
        bad=[(2 + len(good) + i, "开始日期") for i in range(len(bad))],
    )


def excel_dates(folder: Path) -> RegisterCase:
    rows = [PAIRINGS_HEADER, pairing_row(), pairing_row()]
    rows[1] = (*rows[1][:7], dt.datetime(2023, 1, 5), *rows[1][8:])
    rows[2] = (*rows[2][:7], dt.date(2023, 1, 5), dt.datetime(2022, 1, 1), *rows[2][9:])  # ends before it starts
    path = write_xlsx(folder / "excel_dates.xlsx", {"结对": rows})
    return RegisterCase("Excel date cells, one ending before it starts", path, good=1, bad=[(3, "结束日期")])


def lost_zeros(folder: Path) -> RegisterCase:
    codes = ["10151102216", "3.10151102216e+11", "310151102216.0", "0310151102216", "31015110221X"]
    rows = [pairing_row(code=SIHAO[2])] + [pairing_row(code=c) for c in codes]
    path = _pairings(folder / "codes.csv", rows)
    return RegisterCase(
        "codes that lost digits or became numbers", path, good=1, bad=[(3 + i, "村代码") for i in range(len(codes))]
    )


def numeric_code_cells(folder: Path) -> RegisterCase:
    rows = [PAIRINGS_HEADER, pairing_row(), pairing_row()]
    rows[1] = (*rows[1][:6], 310151102216, *rows[1][7:])  # an integer cell: digits intact
    rows[2] = (*rows[2][:6], 10151102216, *rows[2][7:])  # the leading digit gone
    path = write_xlsx(folder / "numeric_codes.xlsx", {"结对": rows})
    return RegisterCase("codes stored as numbers in Excel", path, good=1, bad=[(3, "村代码")])


def duplicates(folder: Path) -> RegisterCase:
    rows = [pairing_row(), pairing_row(), pairing_row()]
    path = _pairings(folder / "duplicates.csv", rows)
    return RegisterCase(
        "the same row three times", path, good=1, note="one fact, loaded once; rows 3 and 4 warn that they repeat row 2"
    )


def duplicate_columns(folder: Path) -> RegisterCase:
    header = (*PAIRINGS_HEADER, "帮扶单位")
    path = write_csv(folder / "duplicate_columns.csv", header, [(*pairing_row(), "另一个单位")])
    return RegisterCase("two columns named 帮扶单位", path, good=1, note="warning on the header row")


def encoding_case(folder: Path, encoding: str) -> RegisterCase:
    rows = [pairing_row(village="彷徨村"), pairing_row(village="彷徨村", helper="崇明区机关事务管理局")]
    header = PAIRINGS_HEADER
    if encoding == "big5":  # Big5 has traditional characters only
        rows = [
            tuple(
                c.replace("集团", "集團")
                .replace("区", "區")
                .replace("镇", "鎮")
                .replace("机关", "機關")
                .replace("务", "務")
                .replace("管理局", "管理局")
                .replace("实业", "實業")
                .replace("轮", "輪")
                for c in r
            )
            for r in rows
        ]
        header = ("幫扶單位", "黨組織", "結對主體", "區", "鎮", "村", "村代碼", "開始日期", "結束日期", "輪次")
    path = write_csv(folder / f"enc_{encoding}.csv", header, rows, encoding=encoding)
    return RegisterCase(f"CSV in {encoding}", path, good=2)


def undecodable(folder: Path) -> RegisterCase:
    path = folder / "shift_jis.csv"
    path.write_bytes("名前,色\nテスト,赤\n".encode("shift_jis"))
    return RegisterCase("CSV in an encoding with no known header", path, refused="编码")


def empty_sheets(folder: Path) -> RegisterCase:
    rows = [PAIRINGS_HEADER, pairing_row()]
    path = write_xlsx(folder / "empty_sheets.xlsx", {"空": [], "只有表头": [PAIRINGS_HEADER], "结对": rows})
    return RegisterCase("empty sheets beside a good one", path, good=1)


def empty_csv(folder: Path) -> RegisterCase:
    path = folder / "empty.csv"
    path.write_bytes(b"")
    return RegisterCase("a 0-byte CSV", path, refused="编码")


def header_only_csv(folder: Path) -> RegisterCase:
    return RegisterCase("a CSV with only its header", _pairings(folder / "header_only.csv", []), good=0)


def ragged(folder: Path) -> RegisterCase:
    buffer = ",".join(PAIRINGS_HEADER) + "\n"
    buffer += ",".join(pairing_row()) + ",extra,cells,here\n"  # more cells than headers
    buffer += "上海浦江实业集团有限公司,,,崇明区\n"  # no village, no town
    path = folder / "ragged.csv"
    path.write_text(buffer, encoding="utf-8")
    return RegisterCase("rows longer and shorter than the header", path, good=1, bad=[(3, "村")])


def control_chars(folder: Path) -> RegisterCase:
    rows = [pairing_row(helper="上海浦江\x00实业\x07集团有限公司"), pairing_row(village="四滧\x1b村")]
    path = _pairings(folder / "control.csv", rows)
    return RegisterCase(
        "control characters in cells",
        path,
        good=1,
        note="control characters are dropped: the same unit and village as without them, so the two rows "
        "say the same and load as one fact",
    )


def junk_xlsx(folder: Path) -> RegisterCase:
    path = folder / "junk.xlsx"
    path.write_bytes(random.Random(6).randbytes(50_000))
    return RegisterCase("binary junk renamed .xlsx", path, refused="无法打开工作簿")


def truncated_xlsx(folder: Path) -> RegisterCase:
    good = write_xlsx(folder / "whole.xlsx", {"结对": [PAIRINGS_HEADER, pairing_row()]})
    path = folder / "truncated.xlsx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    good.unlink()
    return RegisterCase("an .xlsx cut in half", path, refused="无法打开工作簿")


def zip_without_workbook(folder: Path) -> RegisterCase:
    path = folder / "not_a_workbook.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    return RegisterCase("a zip that is no workbook", path, refused="无法打开工作簿")


def csv_renamed_xlsx(folder: Path) -> RegisterCase:
    path = folder / "csv_inside.xlsx"
    buffer = io.StringIO()
    buffer.write(",".join(PAIRINGS_HEADER) + "\n" + ",".join(pairing_row()) + "\n")
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return RegisterCase("a CSV renamed .xlsx", path, refused="无法打开工作簿")


def junk_xls(folder: Path) -> RegisterCase:
    path = folder / "junk.xls"
    path.write_bytes(os.urandom(4096))
    return RegisterCase("binary junk renamed .xls", path, refused="无法打开工作簿")


def wrong_extension(folder: Path) -> RegisterCase:
    path = folder / "register.pdf"
    path.write_bytes(b"%PDF-1.4 junk")
    return RegisterCase("an unsupported extension", path, refused="不支持的文件类型")


def weak_bad_years(folder: Path) -> RegisterCase:
    rows = [
        weak_row("四滧村", "堡镇"),
        weak_row("彷徨村", "堡镇", year="二〇二二"),
        weak_row("四滧村", "堡镇", year="1800"),
    ]
    path = write_csv(folder / "weak_years.csv", WEAK_HEADER, rows)
    return RegisterCase("weak villages with impossible years", path, good=1, bad=[(3, "年度"), (4, "年度")])


# --- bad input, new kinds (issue 15 item 5) ------------------------------------------------------


def zip_bomb(folder: Path, unpacked: int = 1536 << 20) -> RegisterCase:
    """A workbook of a few MB whose sheet XML unpacks to 1.5 GiB: a valid start, then one row of a
    1.5 GiB cell. Written in pieces, so making it never holds more than a MiB either."""
    good = write_xlsx(folder / "bomb_base.xlsx", {"结对": [PAIRINGS_HEADER, pairing_row()]})
    path = folder / "zip_bomb.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(info, source.read(info))
                continue
            xml = source.read(info).decode("utf-8")
            head, tail = xml.split("</sheetData>")
            with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
                sheet.write(head.encode() + b'<row r="3"><c r="A3" t="inlineStr"><is><t>')
                piece = b"A" * (1 << 20)
                for _ in range(unpacked >> 20):
                    sheet.write(piece)
                sheet.write(b"</t></is></c></row></sheetData>" + tail.encode())
    good.unlink()
    return RegisterCase("an xlsx zip bomb (1.5 GiB of sheet XML)", path, refused="压缩炸弹")


def nul_and_mixed_encodings(folder: Path) -> RegisterCase:
    """A UTF-8 CSV with a NUL byte in one row and two rows pasted in GBK."""
    lines = [",".join(PAIRINGS_HEADER).encode("utf-8")]
    lines.append(",".join(pairing_row(helper="上海浦江\x00实业集团有限公司")).encode("utf-8"))  # row 2
    lines.append(",".join(pairing_row(village="彷徨村")).encode("gbk"))  # row 3
    lines.append(",".join(pairing_row(village="四滧村", since="2022-01-01")).encode("utf-8"))  # row 4
    lines.append(",".join(pairing_row(helper="崇明区机关事务管理局")).encode("gbk"))  # row 5
    lines.append(",".join(pairing_row(village="彷徨村", since="2022-01-01")).encode("utf-8"))  # row 6
    path = folder / "nul_mixed.csv"
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    return RegisterCase(
        "UTF-8 CSV with a NUL byte and GBK rows",
        path,
        good=3,
        bad=[(3, None), (5, None)],
        note="the GBK rows are rejected as not UTF-8; the NUL is dropped as before",
    )


def long_names(folder: Path) -> RegisterCase:
    rows = [
        pairing_row(),
        pairing_row(helper="上海" * 5000),
        pairing_row(village="彷徨村"),
        pairing_row(helper="上海浦江实业集团有限公司", programme="第" * 10_000),
    ]
    path = _pairings(folder / "long_names.csv", rows)
    return RegisterCase("names of 10,000 characters", path, good=2, bad=[(3, "帮扶单位"), (5, "轮次")])


FORMULA_TEXTS = ('=HYPERLINK("http://x","y")', "=1+1", "@SUM(A1:A2)", "+SUM(A1)", "-2+3+cmd|' /C calc'!A0")


def formula_cells_csv(folder: Path) -> RegisterCase:
    rows = [
        pairing_row(),
        *[pairing_row(helper=text) for text in FORMULA_TEXTS],
        pairing_row(village="彷徨村", programme="-"),
    ]  # "-" is a planner's blank, not a formula
    path = _pairings(folder / "formulas.csv", rows)
    return RegisterCase(
        "formula text in CSV cells", path, good=2, bad=[(3 + i, "帮扶单位") for i in range(len(FORMULA_TEXTS))]
    )


def formula_cells_xlsx(folder: Path) -> RegisterCase:
    """Real formulas written by openpyxl (no cached value) and a text cell starting with @."""
    book = Workbook()
    sheet = book.active
    sheet.title = "结对"
    sheet.append(list(PAIRINGS_HEADER))
    sheet.append(list(pairing_row()))  # row 2
    sheet.append(list(pairing_row(helper='=HYPERLINK("http://x","y")')))  # row 3
    sheet.append(list(pairing_row(village="彷徨村", programme="=1+1")))  # row 4
    sheet.append(list(pairing_row(helper="@SUM(A1:A2)")))  # row 5: openpyxl stores it as text
    path = folder / "formulas_openpyxl.xlsx"
    book.save(path)
    return RegisterCase(
        "formulas in xlsx, no cached values", path, good=1, bad=[(3, "帮扶单位"), (4, "轮次"), (5, "帮扶单位")]
    )


def formula_cells_cached(folder: Path) -> RegisterCase:
    """Formulas with the values Excel would have stored (xlsxwriter writes them): the value is kept,
    unless the value itself reads as a formula."""
    import xlsxwriter

    path = folder / "formulas_cached.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("结对")
    sheet.write_row(0, 0, PAIRINGS_HEADER)
    rows = [pairing_row(), pairing_row(village="彷徨村"), pairing_row(since="2022-01-01")]
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, row)
    sheet.write_formula(1, 0, '=HYPERLINK("http://x","上海浦江实业集团有限公司")', None, "上海浦江实业集团有限公司")
    sheet.write_formula(2, 9, '="第"&"三轮"', None, "第三轮")
    sheet.write_formula(3, 0, '="="&"1+1"', None, "=1+1")  # a value that is itself formula text
    book.close()
    return RegisterCase("formulas in xlsx with cached values", path, good=2, bad=[(4, "帮扶单位")])


REGISTER_CASES: tuple[Callable[[Path], RegisterCase], ...] = (
    wrong_columns,
    wrong_columns_xlsx,
    missing_required_column,
    unknown_kind,
    merged_cells,
    formulas,
    dates,
    excel_dates,
    lost_zeros,
    numeric_code_cells,
    duplicates,
    duplicate_columns,
    lambda f: encoding_case(f, "gbk"),
    lambda f: encoding_case(f, "utf-16"),
    lambda f: encoding_case(f, "big5"),
    lambda f: encoding_case(f, "gb18030"),
    undecodable,
    empty_sheets,
    empty_csv,
    header_only_csv,
    ragged,
    control_chars,
    junk_xlsx,
    truncated_xlsx,
    zip_without_workbook,
    csv_renamed_xlsx,
    junk_xls,
    wrong_extension,
    weak_bad_years,
    nul_and_mixed_encodings,
    long_names,
    formula_cells_csv,
    formula_cells_xlsx,
    formula_cells_cached,
)


def register_cases(folder: Path) -> list[RegisterCase]:
    folder.mkdir(parents=True, exist_ok=True)
    return [make(folder) for make in REGISTER_CASES]


def big_register(
    path: Path, codes: Sequence[str], rows: int = 100_000, bad_every: int = 20_000
) -> tuple[Path, list[int]]:
    """A pairings CSV of ``rows`` rows keyed by the village ``codes`` (in turn); every ``bad_every``-th
    row is broken (a code that lost a digit, an impossible date, no helper).

    Returns the path and the spreadsheet row numbers of the broken rows.
    """
    lines = [",".join(PAIRINGS_HEADER)]
    bad_rows: list[int] = []
    breakages = ("10151102216", "2023-02-30", "")  # lost digit in the code, impossible date, no helper
    for i in range(rows):
        number = i + 2
        helper, code, since = f"测试单位{i % 997}有限公司", codes[i % len(codes)], "2021-03-01"
        if i % bad_every == bad_every // 2:
            broken = breakages[len(bad_rows) % len(breakages)]
            if broken == "2023-02-30":
                since = broken
            elif broken:
                code = code[1:]
            else:
                helper = ""
            bad_rows.append(number)
        lines.append(",".join((helper, "", "", "", "", "", code, since, "", "第三轮")))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, bad_rows


def sized_register(
    path: Path, codes: Sequence[str], size_bytes: int, bad_every: int = 100_000, max_rows: int | None = None
) -> tuple[Path, int, list[int]]:
    """A pairings CSV of about ``size_bytes`` (or of ``max_rows`` rows, if fewer), written line by line
    (never held in memory), rows as ``big_register``'s; every ``bad_every``-th row has a code that lost
    a digit (``bad_every=1``: every row).

    Returns the path, the number of data rows and the row numbers of the broken rows.
    """
    bad_rows: list[int] = []
    written = 0
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        written += handle.write(",".join(PAIRINGS_HEADER) + "\n")
        while written < size_bytes and (max_rows is None or rows < max_rows):
            number = rows + 2
            code = codes[rows % len(codes)]
            if rows % bad_every == bad_every // 2:
                code = code[1:]
                bad_rows.append(number)
            line = f"测试单位{rows % 997}有限公司,,,,,,{code},2021-03-01,,第三轮\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
            rows += 1
    return path, rows, bad_rows


# --- reports --------------------------------------------------------------------------------------

GOOD_SENTENCE = "东湖区漕溪镇鲁玙村与凌波路街道结对共建，上海浦江实业集团有限公司投入资金50万元。"


@dataclass
class ReportCase:
    """A malformed report: ``rejected`` (validate or read says why, naming the file) or extracted."""

    name: str
    path: Path
    rejected: str | None = None


def report_cases(folder: Path) -> list[ReportCase]:
    folder.mkdir(parents=True, exist_ok=True)

    def text(name: str, content: str, encoding: str = "utf-8") -> Path:
        path = folder / name
        path.write_bytes(content.encode(encoding))
        return path

    junk = folder / "junk.txt"
    rng = random.Random(7)
    junk.write_bytes(bytes(rng.randrange(128, 256) for _ in range(4096)))
    # Past the reader's size limit; sparse, so it costs no disk. (5 MB of text is now extracted, in
    # parts: tests/reliability/badreports.py and test_bad_reports.py's long test.)
    huge = folder / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(reports_reading.MAX_BYTES + 1)
    return [
        ReportCase("empty", text("empty.txt", ""), rejected="文件是空的"),
        ReportCase("whitespace only", text("blank.txt", " \n\t\u3000\n"), rejected="文件是空的"),
        ReportCase("no Chinese", text("english.txt", "A report in English only.\n"), rejected="没有中文内容"),
        ReportCase("binary junk", junk, rejected="不是"),
        ReportCase("UTF-16 with BOM", text("utf16.txt", GOOD_SENTENCE, "utf-16")),
        ReportCase("GBK", text("gbk.txt", GOOD_SENTENCE, "gbk")),
        ReportCase(
            "mixed scripts", text("mixed.txt", "Привет 🌾 مرحبا " + GOOD_SENTENCE + " ﷽ 𠀀𪚥 ᠮᠣᠩ\u200d\u202e反转")
        ),
        ReportCase(
            "HTML",
            text(
                "page.txt",
                '<html><body><p class="x">'
                + GOOD_SENTENCE.replace("，", "，<b>")
                + "</b></p><script>alert('村')</script></body></html>",
            ),
        ),
        ReportCase(
            "control characters",
            text("control.txt", "\x00\x01" + GOOD_SENTENCE.replace("镇", "镇\x07\x1b") + "\r\n\x0b\x0c\x7f\ufffe"),
        ),
        ReportCase("lone surrogates escaped", text("surrogate.txt", GOOD_SENTENCE + "\\ud800", "utf-8")),
        ReportCase("bigger than the size limit", huge, rejected="太长"),
    ]
