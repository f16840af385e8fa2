"""Response models of the API; field descriptions in Chinese and English for the OpenAPI docs."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from graph import queries


class SearchHit(BaseModel):
    label: str = Field(description="类型 · label (Village, Town, District, Organization …)")
    key: str = Field(description="代码或标识 · code or uid")
    name: str
    full_name: str | None = None
    path: list[str] = Field(description="行政区划路径，用于区分同名村 · administrative path that tells namesakes apart")
    score: int = Field(description="3 完全匹配，2 开头匹配，1 包含 · 3 exact, 2 prefix, 1 contains")


class Fact(BaseModel):
    """One sourced fact about a village or helper (一条带出处的事实)."""

    subject: str | None = None
    subject_key: str
    relationship: str
    direction: str
    other_label: str
    other_key: str | None = None
    other_name: str | None = None
    since: date | None = None
    until: date | None = None
    year: int | None = None
    role: str | None = None
    kind: str | None = None
    source_id: str | None = Field(None, description="来源文件 · the Document the fact came from")
    source_loc: str | None = Field(None, description="表格行或字符位置 · register row or report characters")
    evidence: str | None = Field(None, description="原句或原行 · the sentence or register row")
    method: str | None = None
    confidence: float | None = None


class Designation(BaseModel):
    name: str
    year: int | None = None
    source_id: str | None = None
    evidence: str | None = None


class PairedHelper(BaseModel):
    uid: str
    name: str
    via: str | None = Field(None, description="经由的党组织 · the party organization that pairs on the unit's behalf")
    since: date | None = None
    until: date | None = None
    source_id: str | None = None
    source_loc: str | None = None
    evidence: str | None = None


class ProjectSummary(BaseModel):
    uid: str
    name: str
    category: str | None = None
    amount: float | None = None
    amount_unit: str | None = None
    amount_yuan: float | None = None
    year: int | None = None
    source_id: str | None = None


class VillageDetail(BaseModel):
    uid: str
    code: str | None = None
    name: str
    full_name: str | None = None
    kind: str | None = None
    resolved: bool | None = None
    status: str | None = None
    town_code: str | None = None
    town: str | None = None
    district_code: str | None = None
    district: str | None = None
    province: str | None = None
    weak: bool
    designations: list[Designation]
    helpers: list[PairedHelper] = Field(description="当日有效的结对单位 · helpers paired on as_of")
    projects: list[ProjectSummary]
    evidence: list[Fact]


class PartyOrganizationSummary(BaseModel):
    uid: str
    name: str
    level: str | None = None


class Pairing(BaseModel):
    key: str | None = None
    name: str
    label: str
    town: str | None = None
    weak: bool
    via: str | None = None
    since: date | None = None
    until: date | None = None
    source_id: str | None = None
    source_loc: str | None = None
    evidence: str | None = None


class OrganizationDetail(BaseModel):
    uid: str
    name: str
    kind: str | None = None
    label: str
    district_code: str | None = None
    district: str | None = None
    party_organizations: list[PartyOrganizationSummary]
    pairings: list[Pairing] = Field(description="当日有效的结对 · pairings in force on as_of")
    projects: list[ProjectSummary]
    resources: list[str]
    evidence: list[Fact]


class NearbyHelper(BaseModel):
    uid: str
    name: str
    same_town: bool = Field(description="是否已在本镇结对 · already paired in the village's town")
    villages_paired: int = Field(description="在本区结对的村数 · villages it is paired with in the district")


class UncoveredVillage(BaseModel):
    village_uid: str
    code: str | None = None
    village: str
    town_code: str | None = None
    town: str | None = None
    district_code: str
    district: str
    weak_categories: list[str]
    nearest_helpers: list[NearbyHelper]


class ClaimBeside(BaseModel):
    metric: str = Field(description="报告中的口径 · what the report counted")
    value: float = Field(description="报告所称 · the value the report states")
    unit: str | None = None
    source_id: str | None = None
    source_loc: str | None = None
    evidence: str | None = None
    graph_value: int | None = Field(None, description="图谱中的对应数 · what the graph holds for the same metric")


class CoverageRow(BaseModel):
    code: str
    name: str
    villages: int = Field(description="村委会数 · villages (村委会)")
    weak_villages: int = Field(description="薄弱村数 · weak villages")
    paired_weak_villages: int = Field(description="已结对薄弱村数 · weak villages with a helper in force")
    coverage_ratio: float | None = Field(description="覆盖率；无薄弱村时为空 · null when there is no weak village")
    paired_villages: int
    villages_with_one_helper: int = Field(description="仅一个帮扶单位的村数 · villages with exactly one helper")
    unresolved_villages: int = Field(
        0,
        description="待核实村名：来源提到、代码表中没有的村，不计入村数 · villages named by a source but not in the code table",
    )
    helpers: int = Field(description="帮扶单位数（去重） · distinct helpers")
    projects: int = Field(description="受益项目数 · projects benefiting its villages or towns")
    claims: list[ClaimBeside]


class HelperLoadRow(BaseModel):
    uid: str
    name: str
    kind: str | None = None
    label: str
    villages: int
    weak_villages: int
    weak_share: float | None = None
    towns: int
    districts: int
    district_names: list[str]
    projects: int
    money_yuan: float
    spread_thin: bool = Field(description="帮扶分散 · villages in many towns or several districts")
    carrying_many: bool = Field(description="负担较重 · paired with many villages")


class ClusterMember(BaseModel):
    uid: str
    name: str | None = None
    label: str


class Shared(BaseModel):
    kind: str = Field(description="helper 共同帮扶单位 / project 共同项目 / resource 共享资源")
    uid: str
    name: str | None = None
    members: list[str]


class Cluster(BaseModel):
    cluster: int
    size: int
    cohesion: float = Field(description="内部联系占比 · share of members' tie weight inside the cluster")
    density: float
    helpers: list[ClusterMember]
    villages: list[ClusterMember]
    shared: list[Shared]


class Suggestion(BaseModel):
    village_uid: str
    village_code: str | None = None
    village: str
    town: str | None = None
    district: str | None = None
    rank: int
    helper_uid: str
    helper: str
    helper_kind: str | None = None
    score: float
    same_town: bool
    same_district: bool
    villages_paired: int
    capacity_left: int
    resource_matches: list[str]
    hops: int | None = None
    reasons: list[str] = Field(description="推荐理由 · why this helper")


class PlanRow(BaseModel):
    village_uid: str
    village_code: str | None = None
    village: str
    town: str | None = None
    district: str | None = None
    helper_uid: str
    helper: str
    helper_kind: str | None = None
    cost: float = Field(description="成本：匹配成本 + 负担成本 · the pair's cost plus the load it adds")
    pair_cost: float
    load_cost: float
    load_before: int
    load_after: int
    maximum: int
    fixed: bool = Field(description="规划人指定 · fixed by the planner")
    reasons: list[str] = Field(description="理由 · why this helper")


class PlanHelper(BaseModel):
    helper_uid: str
    helper: str
    helper_kind: str | None = None
    load_before: int
    added: int
    load_after: int
    maximum: int


class PlanSkipped(BaseModel):
    village_uid: str
    village_code: str | None = None
    village: str
    town: str | None = None
    district: str | None = None


class PlanShort(PlanSkipped):
    reason_code: str = Field(description="原因代码 · plan.no_candidate, plan.candidates_full, plan.capacity_taken")
    reason: str


class PlanSummary(BaseModel):
    villages: int
    places: int = Field(description="需要的结对数 · villages × helpers per village")
    villages_covered: int
    assignments: int
    total_cost: float
    largest_load: int
    helpers_used: int
    arcs: int | None = Field(None, description="候选图的边数 · arcs of the candidate graph")
    helpers: int | None = Field(None, description="供给侧帮扶单位数 · helpers in the supply")


class PlanCandidate(BaseModel):
    helper_uid: str
    helper: str
    pair_cost: float


class PairingPlan(BaseModel):
    scope: dict[str, str]
    parameters: dict[str, Any]
    objective: PlanSummary = Field(description="最优方案 · the plan")
    greedy: PlanSummary = Field(description="逐村取首选推荐的结果 · each village taking its top suggestion in turn")
    rows: list[PlanRow]
    helpers: list[PlanHelper]
    infeasible: list[PlanShort]
    skipped: list[PlanSkipped]
    candidates: dict[str, list[PlanCandidate]]


class PlanPair(BaseModel):
    helper_uid: str = Field(..., min_length=1, max_length=300)
    village: str = Field(..., min_length=1, max_length=300, description="村代码或 uid · village code or uid")


class PlanAcceptRequest(BaseModel):
    rows: list[PlanPair] = Field(..., min_length=1, max_length=10000)
    since: date = Field(..., description="结对开始日期 · the first day of the pairings")
    note: str = Field("", max_length=2000)
    plan: dict[str, Any] = Field(
        default_factory=dict, description="方案参数（记入说明）· the plan's parameters, kept in the note"
    )


class PathNode(BaseModel):
    label: str
    key: str | None = None
    name: str | None = None


class PathRelationship(BaseModel):
    type: str
    start: str | None = None
    end: str | None = None
    since: date | None = None
    until: date | None = None
    source_id: str | None = None
    source_loc: str | None = None
    evidence: str | None = None


class Connection(BaseModel):
    hops: int
    nodes: list[PathNode]
    relationships: list[PathRelationship]


class CypherRequest(BaseModel):
    query: str = Field(
        description="只读 Cypher 语句 · a read-only Cypher statement",
        examples=[queries.get("examples/weak_village_names").body],
    )
    params: dict[str, Any] = Field(default_factory=dict, description="$参数 · $parameters")


class CypherResponse(BaseModel):
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = Field(description="是否超过行数上限被截断 · true when the row cap cut the result")
    row_cap: int


class PairingDecisionRequest(BaseModel):
    """记录结对 · Record that a helper is paired with a village from a date."""

    helper_uid: str = Field(
        min_length=1, max_length=300, description="帮扶单位或党组织 uid · helper uid (org:…, party:…)"
    )
    village: str = Field(min_length=1, max_length=300, description="村代码或 uid · village code or uid")
    since: date = Field(description="结对开始日期 · first day of the pairing")
    note: str = Field("", max_length=2000, description="说明 · why (kept as the pairing's evidence)")


class PairingEndRequest(BaseModel):
    """结束结对 · End the pairing one source recorded (source_id and source_loc as the village page shows them)."""

    village: str = Field(min_length=1, max_length=300, description="村代码或 uid · village code or uid")
    source_id: str = Field(min_length=1, max_length=500, description="结对的来源 · the pairing's source_id")
    source_loc: str = Field(min_length=1, max_length=500, description="来源位置 · the pairing's source_loc")
    until: date = Field(description="结对最后一天 · last day of the pairing")
    note: str = Field("", max_length=2000, description="说明 · why")


class Decision(BaseModel):
    uid: str = Field(description="决定标识 · decision uid (decision:…)")
    action: str = Field(description="pair 记录结对 / end 结束结对")
    helper_uid: str | None = None
    helper: str | None = None
    village_uid: str | None = None
    village_code: str | None = None
    village: str | None = None
    day: date | None = Field(None, description="开始（pair）或结束（end）日期 · since (pair) or until (end)")
    pairing_source_id: str | None = None
    pairing_source_loc: str | None = None
    previous_until: date | None = None
    batch_uid: str | None = Field(None, description="同一方案一起记录的决定 · decisions a plan recorded together")
    note: str | None = None
    decided_by: str | None = None
    decided_at: str | None = None
    undone_by: str | None = None
    undone_at: str | None = None


class ReviewCandidate(BaseModel):
    code: str = Field(description="12 位村代码 · village code")
    name: str | None = None
    town: str | None = None
    district: str | None = None
    text: str = Field(description="名称（镇，区县）代码 · name (town, district) code")


class ReviewItem(BaseModel):
    key: str = Field(description="提及键 · mention key (name@scope code)")
    surface: str | None = None
    label: str
    node: str | None = None
    status: str | None = Field(None, description="ambiguous | unknown | null（已对应）· stored status")
    status_text: str = Field("", description="状态说明 · the status in words")
    candidates: list[ReviewCandidate] = Field(default_factory=list)
    method: str | None = None
    method_text: str = Field("", description="识别方式 · the method in words")
    confidence: float | None = None
    occurrences: int = Field(1, description="报告中出现的次数 · how often the reports name it")
    document: str | None = None
    source_loc: str | None = None
    evidence: str | None = None
    decided_code: str | None = None


class ReviewDecisionRequest(BaseModel):
    key: str = Field(min_length=1, max_length=300, description="提及键 · mention key (红星村@310151)")
    code: str | None = Field(
        None, max_length=12, description="选定的 12 位代码；空表示不在代码表 · code chosen, or null"
    )
    note: str = Field("", max_length=2000)


class ReviewEffect(BaseModel):
    document: str
    node: str | None = None
    name: str | None = None
    resolved: bool = True
    town: str | None = None
    district: str | None = None
    helpers: list[str] = Field(default_factory=list)
    projects: list[str] = Field(default_factory=list)
    leaders: list[str] = Field(default_factory=list)


class ReviewDecisionOut(BaseModel):
    key: str
    decided_code: str | None = None
    note: str = ""
    decided_at: str
    documents: list[str] = Field(default_factory=list, description="按决定重新识别的报告 · reports read again")
    not_applied: list[str] = Field(
        default_factory=list, description="未能重新识别的报告及原因 · reports not read again"
    )
    effects: list[ReviewEffect] = Field(
        default_factory=list, description="报告现在对应的地方与事实 · what they now say"
    )
    message: str = Field("", description="发生的变化 · what changed, in words")
    decided_by: str | None = Field(None, description="复核人（密钥所属用户）· who decided (the key's user)")
