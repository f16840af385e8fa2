"""The Neo4j Browser guide (``docs/browser/guide.html``), rendered from the query catalogue.

Each analysis gets a slide: what it answers, a one-click block of ``:param`` commands built from the file's
``// :param`` examples, and the query itself, one click from the editor. Regenerate after changing
a catalogue file with ``python -m graph.browser``; a test fails while the committed guide differs.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from graph import queries
from graph.server import BROWSER_DIR

GUIDE = BROWSER_DIR / "guide.html"
_EXAMPLE = re.compile(r"^//\s*:param\s+(\w+)\s*=>\s*(.+)$")

# (query name, slide title, what a planner asks)
SLIDES = (
    (
        "analyses/search",
        "找村、找单位 · Search",
        "哪个“新建村”？名称、代码或拼音都可以，路径区分同名村。 Which 新建村? Name, code or pinyin; the path tells namesakes apart.",
    ),
    (
        "analyses/uncovered_weak_villages",
        "未结对的薄弱村 · Uncovered weak villages",
        "我区哪些薄弱村还没有结对单位？附近有谁？ Which weak villages in my district has nobody paired with, and who is near?",
    ),
    (
        "analyses/coverage_by_district",
        "各区覆盖率 · Coverage per district",
        "各区薄弱村结对覆盖率，与报告所称数字对照。 Coverage per district, with what reports claimed beside it.",
    ),
    (
        "analyses/coverage_by_town",
        "各街镇覆盖率 · Coverage per town",
        "一个区内各街镇的覆盖情况。 Coverage per town of one district.",
    ),
    (
        "analyses/helper_load",
        "帮扶单位负担 · Helper load",
        "谁负担重、谁过于分散？ Who carries many villages, who is spread thin?",
    ),
    (
        "analyses/pairing_suggestions",
        "结对推荐 · Pairing suggestions",
        "谁可以承接这些村？为什么？ Who could take these villages, and why?",
    ),
    (
        "analyses/shared_resource_hubs",
        "资源共享关系 · Shared-resource ties",
        "聚类所用的共同项目与资源，每个一行，附其成员（完整聚类见 API /analyses/shared-resource-clusters）。 The projects and resources clusters are computed on, each with its members.",
    ),
    (
        "analyses/paths",
        "如何相连 · Connections",
        "两个单位或村之间如何相连（不经行政隶属）。 How two entities are connected, skipping PART_OF.",
    ),
    (
        "analyses/entity_evidence",
        "证据 · Evidence",
        "关于一个村或单位的每条事实及出处。 Every fact about a village or helper, with its source.",
    ),
    (
        "analyses/village_profile",
        "村档案 · Village profile",
        "一个村：路径、薄弱类别、结对单位、项目。 One village: path, designations, helpers, projects.",
    ),
)

# Cypher outside cypher/ on purpose: two examples a person clicks in Browser's guide; revkg never runs them.
INTRO = """
<slide class="row-fluid">
  <div class="col-sm-3">
    <h3>revkg 结对帮扶图谱</h3>
    <p class="lead">Urban units paired with rural villages, with the evidence for every fact.</p>
  </div>
  <div class="col-sm-9">
    <p>村 <b>Village</b> → 镇 <b>Town</b> → 区 <b>District</b> → 市 <b>City</b> → 省 <b>Province</b> (<code>PART_OF</code>).
       帮扶单位 <b>Organization</b> 或其党组织 <b>PartyOrganization</b> (<code>BELONGS_TO</code> the unit) 与村结对
       (<code>PAIRED_WITH</code>, <code>since</code>/<code>until</code>). 薄弱村 <code>DESIGNATED_AS</code> a
       <b>WeakCategory</b>; 项目 <b>Project</b> (<code>FUNDS</code>, <code>BENEFITS</code>, <code>USES</code> a <b>Resource</b>).
       Every sourced relationship carries <code>source_id</code>, <code>source_loc</code> and <code>evidence</code>.</p>
    <p>Click a block to put it in the editor, then run it. Each analysis first sets its parameters with a
       <code>:param</code> block — edit them there (district code or name, date).</p>
    <figure><pre class="pre-scrollable code runnable">CALL db.schema.visualization()</pre>
      <figcaption>The schema as the data holds it · 图谱结构</figcaption></figure>
    <figure><pre class="pre-scrollable code runnable">MATCH p = (h)-[:PAIRED_WITH]->(v:Village)-[:PART_OF]->(:Town)-[:PART_OF]->(:District {name: '崇明区'})
RETURN p LIMIT 100</pre>
      <figcaption>Chongming's pairings as a picture · 崇明区的结对关系</figcaption></figure>
  </div>
</slide>
"""


def params_command(query: queries.NamedQuery) -> str:
    """The file's ``// :param`` examples as ``:param`` commands, one per line.

    ``:param name => expr`` (not ``:params {…}``) because Browser evaluates the arrow form on the
    server, so ``date('2024-06-30')`` is a date and ``3`` an integer; ``:params`` keeps the text and
    turns integers into floats.
    """
    commands = []
    for line in query.text.splitlines():
        match = _EXAMPLE.match(line)
        if match:
            commands.append(f":param {match.group(1)} => {match.group(2).strip()};")
    return "\n".join(commands)


def slide(name: str, title: str, question: str) -> str:
    query = queries.get(name)
    esc = html.escape
    return f"""
<slide class="row-fluid">
  <div class="col-sm-3">
    <h3>{esc(title)}</h3>
    <p class="lead">{esc(question)}</p>
    <p><code>cypher/{esc(name)}.cypher</code></p>
  </div>
  <div class="col-sm-9">
    <p>{esc(query.description)}</p>
    <figure><pre class="pre-scrollable code runnable">{esc(params_command(query))}</pre>
      <figcaption>1. 设置参数 · set the parameters</figcaption></figure>
    <figure><pre class="pre-scrollable code runnable">{esc(query.text.strip())}</pre>
      <figcaption>2. 运行查询 · run the query</figcaption></figure>
  </div>
</slide>
"""


def render_guide() -> str:
    slides = "".join(slide(*s) for s in SLIDES)
    return (
        '<article class="guide">\n<carousel class="deck container-fluid">\n'
        + INTRO
        + slides
        + "</carousel>\n</article>\n"
    )


def write_guide(path: Path = GUIDE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_guide(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_guide())
