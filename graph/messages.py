"""Every message a planner can see, by a stable code: Chinese text first, English for ``Accept-Language: en``.

Scripts read the ``code``; people read the text. A message is one entry of ``MESSAGES``, its text a
``str.format`` template over named parameters (``{name}``). Areas keep their entries together under a
comment naming the area, so the table reads as a catalogue of what the product says.
"""

from __future__ import annotations

from typing import Any, Literal

Language = Literal["zh", "en"]

MESSAGES: dict[str, tuple[str, str]] = {
    # General
    "database.unavailable": ("数据库暂时无法连接，请稍后重试", "Neo4j is not reachable; retry shortly"),
    # Pairing plan
    "plan.scope_unknown": (
        "没有代码或名称为“{value}”的区县、地市或省份，可先用搜索框查找",
        "no district, city or province has the code or name {value!r}; find it with the search box",
    ),
    "plan.scope_ambiguous": (
        "“{value}”对应多个地区：{options}，请改填代码",
        "{value!r} names several areas: {options}; give the code instead",
    ),
    "plan.scope_missing": (
        "请给出区县、地市或省份（district / city / province）",
        "give a district, city or province (district / city / province)",
    ),
    "plan.capacity_too_small": ("每个单位的结对上限至少为 1 个村", "capacity must be at least 1 village"),
    "plan.per_village_too_small": ("每村所需帮扶单位数至少为 1", "helpers per village must be at least 1"),
    "plan.candidates_too_small": ("每村候选单位数至少为 1", "candidates per village must be at least 1"),
    "plan.capacity_csv_columns": (
        "上限表需要“帮扶单位标识”（helper_uid）和“上限”（capacity）两列",
        "the capacity CSV needs a helper_uid (帮扶单位标识) and a capacity (上限) column",
    ),
    "plan.capacity_csv_value": (
        "上限表第 {row} 行的上限“{value}”不是非负整数",
        "row {row} of the capacity CSV: {value!r} is not a whole number from 0 up",
    ),
    "plan.capacity_by_kind": (
        "按类型的上限应写成 类型=数字（如 enterprise=3），而不是“{value}”",
        "a capacity per kind is kind=number (enterprise=3), not {value!r}",
    ),
    "plan.fixed_form": (
        "指定的结对应写成 村标识:单位标识，而不是“{value}”",
        "a fixed pair is village:helper, not {value!r}",
    ),
    "plan.fixed_not_candidate": (
        "{helper} 不是村 {village} 的候选帮扶单位（或已无余量）",
        "{helper} is not a candidate of village {village} (or has no room left)",
    ),
    "plan.fixed_twice": ("村 {village} 与 {helper} 的结对被指定了两次", "{village} is fixed to {helper} twice"),
    "plan.fixed_full": ("{helper} 已满额，不能再指定给村 {village}", "{helper} is full; it cannot take {village}"),
    "plan.fixed_too_many": (
        "村 {village} 指定的帮扶单位多于所需的 {most} 个",
        "{village} has more fixed helpers than the {most} it needs",
    ),
    "plan.no_candidate": (
        "本地区及其对口地区没有可结对的帮扶单位",
        "no helper of the area or its paired regions is a candidate",
    ),
    "plan.candidates_full": ("候选帮扶单位均已满额", "every candidate helper is at its maximum"),
    "plan.capacity_taken": (
        "候选帮扶单位的余量已全部分给其他村（覆盖村数已最多）",
        "the candidates' room went to other villages (the plan already covers the most villages it can)",
    ),
    "plan.reason_same_city": ("已在本市结对帮扶", "already paired in the same city"),
    "plan.accept_empty": ("没有勾选任何结对，未记录", "no pairing was ticked; nothing recorded"),
    "plan.accept_conflict": (
        "{helper} 在 {day} 已与村 {village} 结对，本方案未记录，请重新生成方案",
        "{helper} is paired with {village} on {day} already; nothing was recorded, make the plan again",
    ),
    "plan.accept_missing": (
        "找不到帮扶单位 {helper} 或村 {village}，本方案未记录",
        "no helper {helper} or no village {village}; nothing was recorded",
    ),
    "plan.accept_who": ("请填写决定人（decided_by）", "say who decides (decided_by)"),
    "plan.accept_note": (
        "结对方案（{scope}，判断日期 {as_of}，上限 {capacity}，每村 {per_village} 个单位，成本 {cost}）",
        "pairing plan ({scope}, as of {as_of}, capacity {capacity}, {per_village} per village, cost {cost})",
    ),
    # Registers
    "register.rejects.more": (
        "… 另有 {rest} 行超出 Excel 的行数上限：请把拒绝清单存为 .csv",
        "… {rest} more rows: write the rejects as .csv",
    ),
    "register.date.not_real": ("{value} 不是真实存在的日期", "{value} is not a real date"),
    "register.date.not_date": (
        "{value} 不是日期（可写 2023-01-05、2023/1/5、2023年1月5日，只知年月可写 2023年3月，只知年份可写 2023年）",
        "{value} is not a date (write 2023-01-05, 2023/1/5 or 2023年1月5日; a month alone as 2023-03, a year as 2023)",
    ),
    "register.date.end_before_start": (
        "结束（{until}）早于开始（{since}）",
        "ends ({until}) before it starts ({since})",
    ),
    "register.code.scientific": (
        "{value} 是科学计数法：Excel 把代码存成了数字，可能丢了位数；请把该列设为文本，重新输入 {digits} 位代码",
        "{value} is in scientific notation: Excel stored the code as a number and may have lost digits; "
        "format the column as text and type the {digits}-digit code again",
    ),
    "register.code.decimal": (
        "{value} 带小数部分；代码是以文本写的 {digits} 位数字",
        "{value} has a decimal part; a code is {digits} digits written as text",
    ),
    "register.code.not_digits": (
        "{value} 不是代码：代码是 {digits} 位数字",
        "{value} is not a code: a code is {digits} digits",
    ),
    "register.code.too_short": (
        "{value} 只有 {length} 位，不是 {digits} 位（前面的 0 丢了？）",
        "{value} has {length} digits, not {digits} (leading digits lost?)",
    ),
    "register.code.too_long": ("{value} 有 {length} 位，不是 {digits} 位", "{value} has {length} digits, not {digits}"),
    "register.year.bad": ("{value} 不是年份（写作 2023）", "{value} is not a year (write 2023)"),
    "register.amount.bad": (
        "{value} 不是金额（写数字，如 50 或 50万元）",
        "{value} is not an amount (write a number such as 50 or 50万元)",
    ),
    "register.amount.unit_conflict": (
        "{value} 写的单位是{written}，但给出的单位是{unit}",
        "{value} says {written} but the unit given is {unit}",
    ),
    "register.text.too_long": (
        "长 {length} 个字（最多 {limit}）：这里应是名称、职务或类别，不是一段话",
        "{length} characters long (at most {limit}): a name, role or category, not a paragraph",
    ),
    "register.text.formula": (
        "{value} 以 {sign} 开头，像电子表格公式；台账只收数值，请直接输入值",
        "{value} starts like a spreadsheet formula ({sign}); a register holds values: type the value itself",
    ),
    "register.cell.excel_error": (
        "单元格是 Excel 错误值 {value}，按空白处理",
        "the cell holds the Excel error {value}; read as empty",
    ),
    "register.cell.uncomputed_formula": (
        "公式没有计算结果（文件不是用 Excel 保存的）；请用 Excel 打开后保存，或直接输入值",
        "formula with no computed value (the file was not saved by Excel); open it in Excel and save, or type the value",
    ),
    "register.row.duplicate": (
        "与{sheet}第 {first} 行是同一条记录，只加载一次（第 {row} 行未另行加载）",
        "the same fact as row {first} of {sheet}: loaded once (row {row} not loaded again)",
    ),
    "register.row.no_helper": ("没有帮扶单位或党组织", "no helper unit or party organization"),
    "register.row.bad_side": (
        "结对主体须写“单位”或“党组织”",
        "结对主体 must say 单位 (unit) or 党组织 (party organization)",
    ),
    "register.row.party_unnamed": (
        "台账写明由党组织结对，但没有写党组织名称",
        "the register says the party organization pairs, but none is named",
    ),
    "register.row.no_village_or_town": ("没有写村或镇", "no village or town named"),
    "register.row.no_village": ("没有写村", "no village named"),
    "register.row.no_category": ("没有写类别", "no category (类别) given"),
    "register.row.no_project": ("没有写项目名称", "no project name"),
    "register.row.no_person": ("没有写姓名", "no person named"),
    "register.row.no_role": ("没有写职务", "no role (职务) given"),
    "register.row.no_post": (
        "没有写任职的村、党组织或单位",
        "no village, party organization or unit to hold the role in",
    ),
    "register.row.no_place": ("没有写地点", "no place named"),
    "register.sheet.no_header": (
        "前 10 行中没有可识别的表头，本表跳过（列名见 docs/registers.md）",
        "no header row recognised in the first 10 rows; sheet skipped (see docs/registers.md for the column names)",
    ),
    "register.sheet.duplicate_column": (
        "两列都表示“{field}”，只读第一列",
        "two columns mean {field}; only the first is read",
    ),
    "register.sheet.kind_unknown": (
        "从表头（{headers}）看不出是哪种台账；请指定台账类型",
        "cannot tell which register this is from its headers ({headers}); pass --kind",
    ),
    "register.sheet.missing_helper": (
        "{kind}需要帮扶单位或党组织一列；本表跳过",
        "a {kind} register needs a column for the helper (帮扶单位 or 党组织); sheet skipped",
    ),
    "register.sheet.missing_place": (
        "{kind}需要村（村名或村代码）或镇一列；本表跳过",
        "a {kind} register needs a column for the village (村 or 村代码) or town (镇); sheet skipped",
    ),
    "register.sheet.missing_village": (
        "{kind}需要村（村名或村代码）一列；本表跳过",
        "a {kind} register needs a column for the village (村 or 村代码); sheet skipped",
    ),
    "register.sheet.missing_category": (
        "{kind}需要类别一列；本表跳过",
        "a {kind} register needs a column for the category (类别); sheet skipped",
    ),
    "register.sheet.missing_project": (
        "{kind}需要项目名称一列；本表跳过",
        "a {kind} register needs a column for the project name (项目名称); sheet skipped",
    ),
    "register.sheet.missing_person": (
        "{kind}需要姓名一列；本表跳过",
        "a {kind} register needs a column for the person (姓名); sheet skipped",
    ),
    "register.sheet.missing_role": (
        "{kind}需要职务一列；本表跳过",
        "a {kind} register needs a column for the role (职务); sheet skipped",
    ),
    "register.sheet.missing_post": (
        "{kind}需要任职地点（村、党组织或单位）一列；本表跳过",
        "a {kind} register needs a column for where the post is (村, 党组织 or 单位); sheet skipped",
    ),
    "register.sheet.personal_columns": (
        "个人号码（电话、身份证）不入库；该列未读取",
        "personal numbers (phone, ID card) are not stored; column not read",
    ),
    "register.place.code_unknown": (
        "村代码 {code} 不在代码表中",
        "village code {code} is not in the code table",
    ),
    "register.place.code_name_mismatch": (
        "村代码 {code} 是{official}，不是{given}",
        "village code {code} is {official}, not {given}",
    ),
    "register.place.ambiguous": (
        "有歧义：在{where}有 {count} 个地方叫“{name}”；请加上镇名或 12 位代码",
        "ambiguous: {count} places named {name} in {where}; add the town (镇) or the 12-digit code",
    ),
    "register.place.unknown": ("在{where}没有叫“{name}”的地方", "unknown: no place named {name} in {where}"),
    "register.place.fuzzy": (
        "按{loaded}加载：在{where}没有完全同名的地方，{loaded}读音相同、只差一个字",
        "loaded as {loaded}: no exact match in {where}; {loaded} sounds the same with one character differing",
    ),
    "register.place.outside": (
        "{place}（{code}）位于{official}，不是{given}",
        "{place} ({code}) lies in {official}, not {given}",
    ),
    "register.place.not_in_graph": (
        "{code} 在代码表中，但图谱里还没有；请先加载该省的区划（revkg load gazetteer --provinces {province}）",
        "{code} is in the code table but not in the graph; load the gazetteer first "
        "(revkg load gazetteer --provinces {province})",
    ),
    "register.file.not_read": ("文件未读取：{problem}", "file not read: {problem}"),
    "register.file.broken": (
        "文件读到某一行后无法继续：{problem}；此前的行已写入，文件未标记为已加载：请修正后重新加载",
        "file not read past a row: {problem}; the rows before it were written, and the file is not marked "
        "loaded: fix it and load it again",
    ),
    "register.row.other_encoding": (
        "这一行不是 {codec} 编码（行内第 {byte} 个字节，{bytes}）：文件是 {codec}，这一行却是另一种编码（从 GBK 文件粘贴来的？）；"
        "请把整个文件另存为 UTF-8 编码的 CSV 后重新加载",
        "not valid {codec} at byte {byte} of the row ({bytes}): the file is {codec} but this row is in another "
        "encoding (pasted from a GBK file?); save the whole file as UTF-8 CSV and load it again",
    ),
    "register.file.encoding": (
        "看不出文件的编码（{tried}）；请另存为 UTF-8 编码的 CSV 或 .xlsx",
        "cannot tell the file's encoding ({tried}); save it as UTF-8 CSV or .xlsx",
    ),
    "register.encoding.invalid": ("按 {encoding} 无法解码", "{encoding}: not valid"),
    "register.encoding.no_header": (
        "按 {encoding} 能解码，但前几行没有可识别的表头",
        "{encoding}: decodes but no known header in the first lines",
    ),
    "register.encoding.guessed_no_header": (
        "按猜测的 {encoding} 解码后没有可识别的表头",
        "{encoding} (charset-normalizer): no known header",
    ),
    "register.file.csv_split": (
        "第 {row} 行无法拆分成单元格（{detail}）",
        "cannot split the CSV into cells at row {row}: {detail}",
    ),
    "register.file.broken_workbook": (
        "无法打开工作簿：文件已损坏或不是 Excel 文件（{detail}）",
        "cannot open the workbook: {detail}",
    ),
    "register.file.zip_bomb": (
        "拒绝 {name}：解压后共 {total} MiB（其中 {part} 一项 {part_size} MiB，压缩时 {packed} KiB，{ratio}:1）；"
        "台账工作簿不超过 {limit} MiB、压缩比不超过 {max_ratio}:1，这像是压缩炸弹，不是台账",
        "refused {name}: its parts unpack to {total} MiB ({part} alone {part_size} MiB from {packed} KiB, {ratio}:1); "
        "a register workbook stays under {limit} MiB and {max_ratio}:1 — this looks like a zip bomb, not a register",
    ),
    "register.file.bad_type": (
        "不支持的文件类型 {suffix}；请用 {allowed}",
        "unsupported file type {suffix}; use one of {allowed}",
    ),
    "register.summary": (
        "{files} 个台账文件：加载 {loaded}，拒绝 {rejected} 行，警告 {warnings} 条",
        "{files} register file(s): {loaded} loaded, {rejected} rows rejected, {warnings} warnings",
    ),
    "register.summary.nothing": (
        "{files} 个台账文件：没有加载任何行，拒绝 {rejected} 行，警告 {warnings} 条",
        "{files} register file(s): nothing loaded, {rejected} rows rejected, {warnings} warnings",
    ),
    "register.summary.kind": ("{kind} {count} 行", "{count} {kind}"),
    "register.kind.pairings": ("结对", "pairings"),
    "register.kind.weak": ("薄弱村认定", "weak"),
    "register.kind.projects": ("项目", "projects"),
    "register.kind.leaders": ("干部任职", "leaders"),
    "register.severity.rejected": ("拒绝", "rejected"),
    "register.severity.warning": ("警告", "warning"),
    "register.column.file": ("文件", "file"),
    "register.column.sheet": ("工作表", "sheet"),
    "register.column.row": ("行号", "row"),
    "register.column.column": ("列", "column"),
    "register.column.value": ("值", "value"),
    "register.column.severity": ("处理", "severity"),
    "register.column.reason": ("原因", "reason"),
    "register.column.candidates": ("候选", "candidates"),
    "register.column.code": ("原因代码", "code"),
    "register.date.month": ("{year}年{month}月", "{year}-{month:02d}"),
    "register.date.year": ("{year}年", "{year}"),
    "register.cli.title": ("台账加载结果", "Registers loaded"),
    "register.cli.file": ("文件", "file"),
    "register.cli.sheet": ("工作表", "sheet"),
    "register.cli.kind": ("种类", "kind"),
    "register.cli.rows": ("行数", "rows"),
    "register.cli.loaded": ("已加载", "loaded"),
    "register.cli.rejected": ("拒绝", "rejected"),
    "register.cli.warnings": ("警告", "warnings"),
    "register.cli.summary": (
        "{summary}，用时 {seconds} 秒；{retries} 次写入因暂时性错误（死锁、锁等待超时）重试",
        "{summary} in {seconds}s; {retries} write(s) retried after a transient error (deadlock, lock timeout).",
    ),
    "register.cli.rejects_written": ("拒绝与警告已写入 {path}", "Rejects and warnings written to {path}."),
    "register.cli.where": ("{file} 工作表 {sheet} 第 {row} 行", "{file} {sheet}!row {row}"),
    "register.cli.more": (
        "……另有 {count} 条；完整列表请用 --rejects rejects.xlsx",
        "… {count} more; use --rejects rejects.xlsx for the full list.",
    ),
    "register.demo": (
        "{summary}（被拒绝的行是有意放入的示例）",
        "registers: {summary} (the rejected rows are deliberate examples)",
    ),
    # Reports
    "report.summary": (
        "报告：写入 {written} 篇，未变 {unchanged} 篇，拒绝 {rejected} 篇（{facts}；待复核 {review} 条）",
        "{written} written, {unchanged} unchanged, {rejected} rejected ({facts}; {review} for review)",
    ),
    "report.summary.fact": ("{kind} {count} 条", "{count} {kind}"),
    "report.summary.no_facts": ("没有抽取到事实", "no facts"),
    "report.fact.place": ("地名", "place"),
    "report.fact.organization": ("单位", "organization"),
    "report.fact.party_org": ("党组织", "party_org"),
    "report.fact.person": ("人员", "person"),
    "report.fact.pairing": ("结对", "pairing"),
    "report.fact.project": ("项目", "project"),
    "report.fact.claim": ("统计口径", "claim"),
    "report.empty": ("{path}：文件是空的", "{path}: empty"),
    "report.too_long_bytes": (
        "{path}：太长（{size} 字节，上限 {limit}）；请拆成几个文件",
        "{path}: too long ({size} bytes; the limit is {limit}); split it into several files",
    ),
    "report.too_long_chars": (
        "{path}：太长（{size} 个字，上限 {limit}）；请拆成几个文件",
        "{path}: too long ({size} characters; the limit is {limit}); split it into several files",
    ),
    "report.no_chinese": ("{path}：没有中文内容", "{path}: no Chinese text"),
    "report.not_text": (
        "{path}：不是 UTF-8、UTF-16 或 GB18030 文本；请把报告另存为 UTF-8",
        "{path}: not text in UTF-8, UTF-16 or GB18030; save the report as UTF-8",
    ),
    "report.note.gbk": (
        "{path}：{lines}按 GB18030（GBK）读取，其余按 UTF-8；请把报告另存为 UTF-8",
        "{path}: {lines} read as GB18030 (GBK), the rest as UTF-8; save the report as UTF-8",
    ),
    "report.note.dropped": (
        "{path}：{lines}既不是 UTF-8 也不是 GB18030 文本，已略去",
        "{path}: {lines} neither UTF-8 nor GB18030 text, left out",
    ),
    "report.lines": ("第 {shown} 行", "line(s) {shown}"),
    "report.lines_more": ("第 {shown} 行等共 {count} 行", "lines {shown} and more, {count} in all"),
    "report.no_text": (
        "报告 {name} 在图谱中没有原文，原文件也已不在：请重新加载这篇报告",
        "report {name} has no stored text and its file is gone: load the report again",
    ),
    # Review
    "review.key_empty": (
        "提及键为空；请使用复核列表显示的键（如 红星村@310151）",
        "the mention key is empty; use the key the review list shows (红星村@310151)",
    ),
    "review.code_invalid": ("{value} 不是 12 位村代码", "{value} is not a 12-digit village code"),
    "review.candidate": ("{name}（{where}，代码 {code}）", "{name} ({where}, code {code})"),
    "review.applied": (
        "已按决定重新识别 {documents} 篇报告：{name}（{where}）现有{facts}",
        "{documents} report(s) read again with the decision: {name} ({where}) now has {facts}",
    ),
    "review.applied.helpers": ("结对：{names}", "pairings with {names}"),
    "review.applied.projects": ("项目：{names}", "projects {names}"),
    "review.applied.leaders": ("任职：{names}", "posts {names}"),
    "review.applied.no_facts": (
        "对应关系，报告中没有与它相关的结对、项目或任职",
        "no pairing, project or post in the reports",
    ),
    "review.applied.unresolved": (
        "已按决定重新识别 {documents} 篇报告：{name} 记为不在代码表中，仍待核实",
        "{documents} report(s) read again with the decision: {name} is recorded as not in the code table",
    ),
    "review.applied.nothing": (
        "已记录决定；{documents} 篇报告中没有找到这个提及",
        "decision recorded; the mention was found in {documents} report(s)",
    ),
    "review.status.resolved": ("已对应", "resolved"),
    "review.status.ambiguous": ("有歧义（多个同名地方）", "ambiguous"),
    "review.status.unknown": ("代码表中没有", "unknown"),
    "review.method.village": ("村名", "village name"),
    "review.method.gazetteer": ("地名", "place name"),
    "review.method.register": ("台账", "register"),
    "review.method.village_code": ("村代码", "village code"),
    "review.method.code": ("代码", "code"),
    "review.method.ellipsis": ("简称", "short form"),
    "review.method.list": ("并列列举", "list"),
    "review.method.exact": ("全名一致", "exact name"),
    "review.method.stem": ("去掉“村”等后缀一致", "name stem"),
    "review.method.alias": ("别名", "alias"),
    "review.method.fuzzy_pinyin": ("读音相近（差一个字）", "same sound, one character differing"),
    "review.method.review_decision": ("人工决定", "decided by a person"),
    "review.method.none": ("未找到", "not found"),
    "review.method.chain": ("上文所在镇或区", "the place named just before"),
    "review.method.nearby": ("附近提到的地方", "a place named nearby"),
    "review.method.region": ("报告所在区县", "the report's district"),
    "review.method.region_all": ("报告所在城市", "the report's city"),
    "review.method.region_others": ("报告提到的其他区县", "the report's other districts"),
    "review.method.document_city": ("报告提到的城市", "a city the report names"),
    "review.method.town_moved": ("同县另一乡镇（乡镇撤并）", "another town of the county (towns merged or split)"),
    "review.method.listed_in_town": (
        "与同一乡镇的村并列列出（代码表没有）",
        "listed with the villages of the town named before (not in the table)",
    ),
    "review.method.other": ("自动识别", "automatic"),
    "review.method.confidence": ("{method} · 可信度 {confidence}", "{method} · {confidence}"),
    # Sources and kinds
    "kind.government": ("党政机关", "government"),
    "kind.street_office": ("街道办事处", "street_office"),
    "kind.enterprise": ("企业", "enterprise"),
    "kind.school": ("学校", "school"),
    "kind.institution": ("事业单位", "institution"),
    "kind.other": ("其他单位", "other"),
    "source.planner": ("规划人员在控制台记录", "planner"),
    "source.register": ("台账 {file} · 工作表 {sheet} 第 {row} 行", "register:{file} · sheet {sheet}!row {row}"),
    "source.register_file": ("台账 {file}", "register:{file}"),
    "source.report": ("报告 {name}", "report:{name}"),
    # Gazetteer loads (revkg load gazetteer, revkg up)
    "gazetteer.level.province": ("省", "provinces"),
    "gazetteer.level.city": ("市", "cities"),
    "gazetteer.level.district": ("县区", "districts"),
    "gazetteer.level.town": ("乡镇街道", "towns"),
    "gazetteer.level.village": ("村居", "villages"),
    "gazetteer.cli.loaded": ("已加载 {counts}，用时 {seconds} 秒。", "Loaded {counts} in {seconds}s."),
    "gazetteer.cli.rejected": ("拒绝：{problem}", "rejected: {problem}"),
    "gazetteer.cli.empty_graph": (
        "图为空：区划代码表经 neo4j-admin 导入写入。",
        "The graph is empty: the code table goes in through neo4j-admin import.",
    ),
    "gazetteer.cli.completed": (
        "加载后补齐了不完整的省份：{provinces}",
        "Completed the provinces that were short after the load: {provinces}",
    ),
    "gazetteer.cli.unfinished": (
        "区划代码表没有加载完：{reason}。请再运行 `revkg load gazetteer`，它会补齐缺少的部分。",
        "Gazetteer load did not finish: {reason}. Run `revkg load gazetteer` again; it completes what is missing.",
    ),
    "gazetteer.step.files": ("写出导入文件", "writing the importer's files"),
    "gazetteer.step.stop": ("停止数据库服务", "stopping the server"),
    "gazetteer.step.import": ("导入", "importing"),
    "gazetteer.step.start": ("启动数据库服务", "starting the server"),
    "gazetteer.step.schema": ("创建约束和索引", "creating constraints and indexes"),
    # Users and audit
    "role.viewer": ("查看", "viewer"),
    "role.planner": ("规划", "planner"),
    "role.reviewer": ("复核", "reviewer"),
    "role.admin": ("管理员", "admin"),
    "role.may.viewer": (
        "查阅（仅当 API 对本机以外开放时需要密钥）",
        "read (needed only when the API listens beyond this machine)",
    ),
    "role.may.planner": (
        "查阅；记录、结束、撤销结对决定；接受结对方案",
        "read; record, end and undo pairing decisions; accept pairing plans",
    ),
    "role.may.reviewer": ("查阅；对复核队列作出决定", "read; decide on the review queue"),
    "role.may.admin": (
        "全部：替换数据的上传、用户、审计记录",
        "everything: uploads that replace data, users, the audit trail",
    ),
    "users.cli.none": (
        "还没有用户：`revkg users add 姓名 --role planner` 可添加一位。",
        "No users yet: `revkg users add NAME --role planner` adds one.",
    ),
    "users.cli.active": ("有效", "active"),
    "users.cli.revoked": ("已吊销 {at}", "revoked {at}"),
    "users.cli.key_since": ("密钥 {key} 自 {since}", "key {key} since {since}"),
    "users.cli.key_once": (
        "{name}（{role}）的密钥，只显示这一次；请交给 {name} 本人，不要留存副本：",
        "{name} ({role}) — key, shown this once; give it to {name} and keep no copy:",
    ),
    "users.cli.revoked_done": (
        "已吊销 {name} 的密钥，此后一律拒绝。",
        "Revoked the key of {name}; it is refused from now on.",
    ),
    "audit.action.record_pairing": ("记录结对", "record a pairing"),
    "audit.action.end_pairing": ("结束结对", "end a pairing"),
    "audit.action.undo_decision": ("撤销决定", "undo a decision"),
    "audit.action.accept_plan": ("接受结对方案", "accept a pairing plan"),
    "audit.action.review_decision": ("复核决定", "review decision"),
    "audit.action.upload_registers": ("上传台账", "upload registers"),
    "audit.action.upload_reports": ("上传报告", "upload reports"),
    "audit.action.users_add": ("添加用户", "add a user"),
    "audit.action.users_revoke": ("吊销密钥", "revoke a key"),
    "audit.action.users_rotate": ("更换密钥", "rotate a key"),
    # What an audit entry changed, in a sentence (the console's 变更内容 and the downloads).
    "audit.details.record_pairing": (
        "{helper} 与 {village}（{village_code}）结对，自 {day} 起",
        "{helper} pairs with {village} ({village_code}) from {day}",
    ),
    "audit.details.end_pairing": (
        "{helper} 与 {village}（{village_code}）的结对于 {day} 结束",
        "{helper}'s pairing with {village} ({village_code}) ends on {day}",
    ),
    "audit.details.undo_decision": (
        "撤销决定：{helper} 与 {village}（{village_code}）",
        "decision undone: {helper} and {village} ({village_code})",
    ),
    "audit.details.accept_plan": ("结对方案中 {rows} 条结对一并记录", "{rows} pairings of a plan recorded together"),
    "audit.details.review_decision": ("{key} 定为 {decided}", "{key} decided as {decided}"),
    "audit.details.not_in_table": ("不在区划代码表中", "not in the code table"),
    "audit.details.upload_registers": ("上传 {files}：{summary}", "uploaded {files}: {summary}"),
    "audit.details.upload_reports": ("上传 {files}：{summary}", "uploaded {files}: {summary}"),
    "audit.details.users_add": ("添加 {name}（{role}）", "added {name} ({role})"),
    "audit.details.users_revoke": ("吊销 {name}（{role}）的密钥", "revoked the key of {name} ({role})"),
    "audit.details.users_rotate": ("为 {name}（{role}）更换密钥", "rotated the key of {name} ({role})"),
    "auth.read_key_needed": (
        "此服务不在本机回环地址上，查看需要密钥；请先登录（密钥无效、已吊销或已更换时也须重新登录）",
        "this API listens beyond loopback, so reading needs a key; sign in (a revoked or rotated key is refused)",
    ),
    "auth.write_key_needed": (
        "写入需要有效的个人密钥；密钥无效、已吊销或已更换时写入会被拒绝",
        "a valid personal key (X-API-Key) is needed to write; a revoked or rotated key is refused",
    ),
    "auth.role_needed.planner": (
        "{name} 无权进行此操作：需要“规划”角色（或管理员）",
        "{name} may not do this: it needs the planner role (or admin)",
    ),
    "auth.role_needed.reviewer": (
        "{name} 无权进行此操作：需要“复核”角色（或管理员）",
        "{name} may not do this: it needs the reviewer role (or admin)",
    ),
    "auth.role_needed.admin": (
        "{name} 无权进行此操作：需要管理员角色",
        "{name} may not do this: it needs the admin role",
    ),
    "users.bad_role": ("角色 {role} 不存在，可选：{roles}", "there is no role {role}; choose one of {roles}"),
    "users.bad_name": (
        "用户名“{name}”不可用（为空、过长或为保留名）",
        "the name {name!r} cannot be used (empty, too long or reserved)",
    ),
    "users.exists": (
        "用户“{name}”已存在；换密钥请用 revkg users rotate",
        "{name} is a user already; revkg users rotate gives a new key",
    ),
    "users.not_found": ("没有名为“{name}”的用户", "no user is named {name!r}"),
    # Server
    "server.wrong_instance": (
        "端口 {port} 上应答的不是实例 {instance} 的 Neo4j（{found}）；请停止那台服务器或改用 {instance} 自己的端口（REVKG_BOLT_PORT）",
        "port {port} answers a Neo4j that is not instance {instance} ({found}); stop that server or give "
        "{instance} its own port (REVKG_BOLT_PORT)",
    ),
    # API
    "database.too_big": (
        "这个问题超出了数据库对单个请求允许的内存或时间；请缩小范围（区县、省）或分页（每页条数）",
        "this question needs more memory or time than the database allows one request; "
        "narrow it (district=…, province=…) or page it (limit=…)",
    ),
    "database.failed": ("数据库未能回答这个请求", "the database could not answer this request"),
    "request.not_found": ("没有这个地址：“{path}”", "nothing is served at {path}"),
    "request.method_not_allowed": ("地址“{path}”不接受这种请求方式", "{path} does not answer this method"),
    "request.invalid": ("请求有误：{problems}", "the request is not valid: {problems}"),
    "request.failed": ("请求未能完成（{status}）", "the request failed ({status})"),
    "field.missing": ("缺少{field}", "{field} is missing"),
    "field.not_a_date": (
        "{field}须是日期（如 2024-06-30），收到的是“{value}”",
        "{field} is not a date (write 2024-06-30): {value}",
    ),
    "field.not_a_number": ("{field}须是数字，收到的是“{value}”", "{field} is not a number: {value}"),
    "field.too_long": ("{field}过长", "{field} is too long"),
    "field.out_of_range": ("{field}超出允许范围：“{value}”", "{field} is out of range: {value}"),
    "field.not_allowed": ("{field}不能取“{value}”", "{field} is not one of the allowed values: {value}"),
    "field.invalid": ("{field}的值无效：“{value}”", "{field} is not valid: {value}"),
    "place.province_not_found": (
        "没有代码或名称为“{value}”的省（自治区、直辖市）；可在搜索框中查找",
        "no province (省/自治区/直辖市) has the code or name {value!r}; try /search?q={value}",
    ),
    "place.district_not_found": (
        "没有代码或名称为“{value}”的区县；可在搜索框中查找",
        "no district (区/县) has the code or name {value!r}; try /search?q={value}",
    ),
    "place.town_not_found": (
        "没有代码或名称为“{value}”的街镇；可在搜索框中查找",
        "no town (街道/镇/乡) has the code or name {value!r}; try /search?q={value}",
    ),
    "place.ambiguous": (
        "“{value}”同时是 {count} 个地方的名称：{options}；请改用代码",
        "{value!r} names {count} places: {options}; give the code instead",
    ),
    "coverage.town_needs_district": (
        "按街镇统计覆盖率需要指定上级区县（名称如崇明区，或代码如 310151）",
        "coverage per town needs the district (parent=崇明区 or parent=310151)",
    ),
    "entity.not_found": (
        "没有代码或编号为 {keys} 的对象；可在搜索框中按名称查找",
        "nothing has the code or uid {keys}; find it with /search?q=<name>",
    ),
    "village.not_found": (
        "没有代码为“{village}”的村；可在搜索框中按名称查找",
        "no village has the code {village!r}; find it with /search?q=<name>",
    ),
    "organization.not_found": (
        "没有编号为“{uid}”的帮扶单位；可在搜索框中按名称查找",
        "no organization has the uid {uid!r}; find it with /search?q=<name>",
    ),
    "search.empty": ("请输入名称的一部分、代码或拼音再查找", "type part of a name, a code or pinyin to search for"),
    "suggestions.capacity_too_small": ("承接上限至少为 1 个村", "capacity must be at least 1 village"),
    "suggestions.needs_place": (
        "请指定村（代码）或区县（代码或名称）再推荐帮扶单位",
        "give a village (code) or a district (code or name) to suggest helpers for",
    ),
    "decision.who_missing": (
        "请填写操作人：决定要连同姓名一起记录",
        "say who decides (decided_by): the decision is recorded with a name",
    ),
    "decision.paired_already": (
        "帮扶单位“{helper}”在 {day} 已与村“{village}”结对；请先结束那次结对，或另选帮扶单位",
        "{helper} is paired with {village} on {day} already; end that pairing first or pick another helper",
    ),
    "decision.helper_or_village_not_found": (
        "找不到编号为“{helper}”的帮扶单位或代码为“{village}”的村；可在搜索框中按名称查找",
        "no helper has the uid {helper!r} or no village the code {village!r}; find them with /search?q=<name>",
    ),
    "decision.no_such_pairing": (
        "村“{village}”没有来自“{source_id} {source_loc}”的结对",
        "village {village!r} has no pairing from {source_id} {source_loc}",
    ),
    "decision.ends_before_start": (
        "这次结对始于 {since}，不能在此之前（{until}）结束",
        "the pairing began on {since}; it cannot end before that ({until})",
    ),
    "decision.not_in_force": (
        "没有生效中的决定“{uid}”（不存在，或已撤销）",
        "no decision {uid!r} is in force (unknown, or undone already)",
    ),
    "cypher.empty": ("请在 query 中给出一条 Cypher 语句", "send a Cypher statement in 'query'"),
    "cypher.bad_parameter": ("有参数无法发送给数据库：{error}", "a parameter cannot be sent to Neo4j: {error}"),
    "cypher.does_not_compile": ("语句无法编译：{error}", "the statement does not compile: {error}"),
    "cypher.not_a_read": (
        "该语句会写入数据或修改结构；此接口只读",
        "the statement writes or changes the schema; this endpoint only reads",
    ),
    "cypher.operator_forbidden": ("此只读接口不允许 {operator}", "{operator} is not allowed on the read-only endpoint"),
    "cypher.procedure_forbidden": (
        "过程 {procedure} 不在只读允许清单上",
        "procedure {procedure} is not on the read-only allow-list",
    ),
    "cypher.timed_out": (
        "语句运行超过 {seconds} 秒，已停止",
        "the statement ran longer than {seconds} s and was stopped",
    ),
    "cypher.refused": ("数据库拒绝了该语句：{error}", "Neo4j refused the statement: {error}"),
    "upload.bad_suffix": ("{name}：只接受 {suffixes} 文件", "{name}: expected one of {suffixes}"),
    "upload.too_large": ("{name} 超过 {megabytes} MB", "{name} is larger than {megabytes} MB"),
    "upload.bad_kind": ("登记表类型只能是 {kinds} 之一", "kind must be one of {kinds}"),
    "upload.reports_unavailable": (
        "此版本不含报告加载器",
        "the report loader (load in loaders/reports/loading.py) is not available in this build",
    ),
    "suggestion.same_town": ("已在本镇（{town}）结对帮扶", "already paired in the same town ({town})"),
    "suggestion.same_district": ("已在本区（{district}）结对帮扶", "already paired in the same district ({district})"),
    "suggestion.resources": (
        "能提供村里项目所用的资源：{resources}",
        "provides what the village's projects use: {resources}",
    ),
    "suggestion.capacity_left": (
        "尚可承接 {left} 个村（上限 {capacity}）",
        "capacity left: {left} of {capacity} villages",
    ),
    "suggestion.paired_before": ("曾与该村结对", "paired with this village before"),
    "suggestion.hops": ("图中相距 {hops} 步", "{hops} steps away in the graph"),
    # Console
    "console.not_an_area_code": (
        "“{area}”不是省（2 位）或市（4 位）代码",
        "{area!r} is not a province (2 digits) or city (4 digits) code",
    ),
    "console.area_not_found": ("没有代码为“{area}”的省或市", "no province or city has the code {area!r}"),
    "console.district_not_found": (
        "没有代码为“{district}”的区县；可在搜索框中查找",
        "no district has the code {district!r}; find it with the search box",
    ),
}


def say(code: str, lang: Language = "zh", /, **params: Any) -> str:
    """The text of message ``code`` in ``lang``, its ``{name}`` parameters filled in.

    >>> say("database.unavailable")
    '数据库暂时无法连接，请稍后重试'
    >>> say("database.unavailable", "en")
    'Neo4j is not reachable; retry shortly'
    """
    zh, en = MESSAGES[code]
    return (en if lang == "en" else zh).format(**params)


def language(accept_language: str | None) -> Language:
    """``en`` when the client's ``Accept-Language`` puts English before Chinese, else ``zh``.

    >>> language(None), language("en-US,en;q=0.9"), language("zh-CN,zh;q=0.9,en;q=0.8")
    ('zh', 'en', 'zh')
    """
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh"
        if tag.startswith("en"):
            return "en"
    return "zh"


def status_text(status: str | None, lang: Language = "zh") -> str:
    """A review status as a planner reads it (``ambiguous`` → 有歧义（多个同名地方）); stored values stay.

    >>> status_text("ambiguous"), status_text("unknown", "en")
    ('有歧义（多个同名地方）', 'unknown')
    """
    code = f"review.status.{status or 'resolved'}"
    return say(code, lang) if code in MESSAGES else say("review.method.other", lang)


# How a method name starts → the word for where it came from (the rest names how it matched).
_METHOD_PREFIXES = (
    ("village_ellipsis_", "ellipsis"),
    ("village_list_", "list"),
    ("village_", "village"),
    ("gazetteer_", "gazetteer"),
    ("register:", "register"),
)


def method_text(method: str | None, lang: Language = "zh", confidence: float | None = None) -> str:
    """A resolution method in words, part by part (``village_fuzzy_pinyin+chain`` → 读音相近（差一个字）
    + 上文所在镇或区); a part the table lacks reads 自动识别. With ``confidence``, it follows.

    >>> method_text("village_fuzzy_pinyin+chain", confidence=0.6)
    '村名：读音相近（差一个字）+上文所在镇或区 · 可信度 0.6'
    >>> method_text("village_exact+region", "en")
    "village name: exact name+the report's district"
    >>> method_text("register:village_code+name_fuzzy_pinyin")
    '台账：村代码+读音相近（差一个字）'
    """
    if not method:
        return ""
    head, *how = method.split("+")
    words = ""
    for prefix, kind in _METHOD_PREFIXES:
        if head.startswith(prefix):
            words = say(f"review.method.{kind}", lang) + ("：" if lang != "en" else ": ")
            head = head.removeprefix(prefix)
            break
    named = []
    for part in (head, *how):
        part = part.removeprefix("name_")
        code = f"review.method.{part}"
        named.append(say(code if code in MESSAGES else "review.method.other", lang))
    text = words + "+".join(named)
    if confidence is None:
        return text
    return say("review.method.confidence", lang, method=text, confidence=round(confidence, 2))


def kind_text(kind: str | None, lang: Language = "zh") -> str:
    """A unit's kind as a planner reads it (``enterprise`` → 企业); the graph keeps the stored value.

    >>> kind_text("street_office"), kind_text(None)
    ('街道办事处', '其他单位')
    """
    code = f"kind.{kind or 'other'}"
    return say(code if code in MESSAGES else "kind.other", lang)


def source_text(source_id: str | None, source_loc: str | None = None, lang: Language = "zh") -> str:
    """Where a fact comes from, in words: a register row, a report, or a planner's decision.

    >>> source_text("register:pairings.csv", "sheet pairings!row 5")
    '台账 pairings.csv · 工作表 pairings 第 5 行'
    >>> source_text("planner", "decision:1"), source_text("report:000_ab")
    ('规划人员在控制台记录', '报告 000_ab')
    """
    sid = source_id or ""
    if sid == "planner" or sid.startswith("planner"):
        return say("source.planner", lang)
    if sid.startswith("register:"):
        file = sid.removeprefix("register:")
        loc = source_loc or ""
        if loc.startswith("sheet ") and "!row " in loc:
            sheet, _, row = loc.removeprefix("sheet ").rpartition("!row ")
            return say("source.register", lang, file=file, sheet=sheet, row=row)
        return say("source.register_file", lang, file=file)
    if sid.startswith("report:"):
        return say("source.report", lang, name=sid.removeprefix("report:"))
    return sid


def date_text(day: Any, precision: str | None = None, lang: Language = "zh") -> str:
    """A date as the register gave it: a day as 2023-03-05, a month as 2023年3月, a year as 2023年.

    >>> import datetime as dt
    >>> date_text(dt.date(2023, 3, 1), "month"), date_text(dt.date(2023, 12, 31), "year"), date_text(None)
    ('2023年3月', '2023年', '')
    """
    if day is None:
        return ""
    if precision in ("month", "year"):
        return say(f"register.date.{precision}", lang, year=day.year, month=day.month)
    return str(day)
