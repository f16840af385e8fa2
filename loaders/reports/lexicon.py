"""Every word list the report extractor uses, as plain data: edit words here, not in the stages.

Each list says what it is for. The stage modules build their regular expressions from these, so a
word added here is matched everywhere it belongs. Where the order of a tuple matters (a longer word
must be tried before its own ending), the comment says so. The unit-kind and party-level tables are
shared with the register loader and live in ``loaders/units.py``.
"""

from __future__ import annotations

import re

# Party-organization endings and their levels (党支部 → branch): shared with the register loader.
from loaders.units import PARTY_SUFFIXES as PARTY_SUFFIXES

# Word lists read best packed by theme, several words a line: the formatter leaves them as written.
# fmt: off

# --- characters -----------------------------------------------------------------------------------

# The CJK ranges (basic and extension A), as a regex character-class body.
CJK = "\u4e00-\u9fff\u3400-\u4dbf"
# Sentence ends: a sentence is cut after these (a newline ends one too).
SENTENCE_END_CHARS = "。！？!?"
# Characters that cannot be inside a name: punctuation and the commonest function words.
BOUNDARY_CHARS = frozenset("，,。、；;：:！!？?“”\"'‘’《》()（）[]【】 \t\n和与及同跟向对为在从到由把将被让给以之的了是等也都还并或于")
# Digits a numbered village is written with (梅陇三村, 6村).
NUMERALS = "一二三四五六七八九十0123456789"

# Two-character verbs a name never starts after (帮助萍湖村, 深入水库村): the name begins after them.
LEFT_VERBS = frozenset({
    "帮助", "支持", "对接", "深入", "用于", "走访", "慰问", "前往", "来到", "资助", "帮扶", "结对", "推动", "协调",
    "联系", "邀请", "组织", "依托", "利用", "聚焦", "做实", "参加", "参与", "举办", "开展", "建设", "成立", "打造",
    "发挥", "带动", "位于", "地处", "探索", "推广", "复制", "指导", "加强", "完善", "发起", "包括", "其中", "引导",
    "制定", "建立", "组建", "组成", "列席", "落实", "实施", "率先", "全面",
    # verbs of events and movement that stand right before a unit's name (举行某银行捐赠仪式, 携手某公司)
    "举行", "召开", "携手", "会同", "联动", "走进", "走近", "陪同", "联合", "受邀", "代表", "获得", "收到", "得到", "感谢",
    "动员", "号召", "响应", "要求", "按照", "根据", "通过", "积极", "主动", "分赴", "到访", "分别", "担任", "调任", "原任", "曾任", "历任", "作为", "带着", "带领", "率领", "围绕", "看看", "考察", "参观", "调研",
    # learning about a unit's work on a visit (了解某局驻村工作队的事迹, 看望某局驻村干部, 听取某局汇报)
    "了解", "看望", "听取",
    # going along with a unit (记者跟随某集团干部来到…): the unit starts after the verb
    "跟随", "随同",
    # winning another unit's funds or service for the village (争取某局资金): the unit starts after the verb
    "争取",
    # the regional words for taking charge of a village (挂包某村, 包抓某村党支部)
    "挂包", "挂联", "包抓", "分包", "认领", "蹲点", "帮建", "帮带", "帮包", "包扶", "包联", "包保", "挂钩", "挂点",
    "支援", "牵手",
    # verbs of assigning a helper (县委组织部确定某局为某村的帮扶单位): the unit is the one assigned
    "确定", "明确", "指定", "选定", "安排",
    # a unit sending people to a place (某局派驻某街道办某村), and wishes addressed to a unit (并期望某局…)
    "派驻", "期望", "希望", "期待",
    # speaking of a unit (说起该局的扶贫之路): the unit or its reference starts after the verb
    "说起", "谈起", "提起", "讲起",
    # where people come from (来自某局的队员): the unit starts after it
    "来自",
    # founding a unit in the village (村民开办某砖厂): the unit is the founded one (FOUNDING_VERBS)
    "开办", "创办", "兴办",
    # a time word inside a clause (某师今年有多个工作队…): the unit ends before it
    "今年", "去年",
    # a student admitted to a school (考取大学的贫困学生): the school is where the student goes, not a name's part
    "考取", "考上", "考入",
})

# --- villages -------------------------------------------------------------------------------------

# Endings that make a village mention (besides 村, which GENERIC/NOT_AFTER below qualify).
# 嘎查 and 牧委会: a village of the pastoral regions (内蒙古; 青海 and 西藏, where the code table names it 某某牧委会).
VILLAGE_ENDINGS = ("社区", "居委会", "村委会", "村民委员会", "嘎查", "牧委会")
# How the code table ends an urban residents' community (某社区, 某居委会). A report's 某村 found only as such a
# community by its stem is a village the table may list in another guise, or another place that shares the
# stem: it is taken so only where the text names the town (URBAN_COMMUNITY_ENDINGS).
URBAN_COMMUNITY_ENDINGS = ("社区", "居委会", "居民委员会")
# What may follow 村 when the 村 does not end a village name (村民, 村级, 村庄, 村书记…).
NOT_VILLAGE_AFTER_CUN = ("民", "委会", "民委员会", "级", "庄", "里", "容", "貌", "集体", "务", "干部", "两委", "书记",
                         "组", "落", "镇", "口",
                         # 农业农村厅 / 局 / 委 / 部: an organ's name, not a village
                         "厅", "局")
# 驻村 / 住村 before a post or a team (新任驻村第一书记, 住村工作队) is the verb "stationed in a village": what
# ends there is no village's name.
STATIONED_IN_VILLAGE = ("驻村", "住村")
POSTS_AFTER_STATIONED = ("第一书记", "工作队", "工作组", "干部", "队员", "队长", "帮扶", "工作")
# A unit stationed in a village it names right after (某局驻甲村工作队, 某公司派驻甲村): a name the table lacks starts
# after the word.
STATION_WORDS_BEFORE_VILLAGE = ("驻",)
# What a pairing statement says right after a village's name, ending it: the post or team a unit keeps there
# (甲村第一书记, 甲村工作队) or the pairing itself (与甲村结对, 与甲村签订协议). A name the table lacks is taken with its
# left edge clear and one of these after it. (The post taken, 到甲村任第一书记 / 在甲村挂职, was tried as well and moved
# a link on held-out text the wrong way: 任 and 挂职 follow many a phrase ending in 村.)
UNLISTED_VILLAGE_FOLLOWERS = ("第一书记", "驻村第一书记", "工作队", "驻村工作队", "扶贫工作队", "帮扶工作队", "驻村工作组",
                              "工作组", "结对", "签订", "签约", "签署", "结成", "缔结")
# The words that pair a village with the partner it is joined to by 与/和 in one clause (某村与某公司签订结对协议).
PAIRED_CLAUSE_WORDS = ("结对", "共建", "联建", "签约", "签订", "结成", "缔结")
# A "village" made only of these characters and words is a generic phrase (结对村, 薄弱村, 三个村).
# Characters a village's name drops when spoken or written short in the north and west (双山则村 → 双山村,
# 王家庄村 → 王庄村): one of them missing inside a name its town lacks still points at the table's name.
VILLAGE_NAME_FILLERS = "则家子儿"
GENERIC_VILLAGE_CHARS = "各每全本该此两三四五六七八九十百千个多余"  # and any digit
GENERIC_VILLAGE_WORDS = ("结对", "帮扶", "薄弱", "贫困", "示范", "试点", "行政", "中心", "农", "乡", "邻", "进", "驻",
                         "下", "包", "联", "相关", "重点", "周边", "所在", "村村", "自然", "美丽", "文明", "先进",
                         "软弱涣散", "经济", "集体",
                         # words that describe a village (后进村, 空壳村, 省级示范村), never name one
                         "后进", "落后", "空壳", "空心", "样板", "典型", "标杆", "模范", "达标", "整治", "提升",
                         "城中", "偏远", "边境", "传统", "特色", "旅游", "省级", "市级", "县级", "国家级", "移民",
                         "搬迁", "扶贫", "脱贫", "出列", "深度", "插花", "签约", "共建", "联建", "包扶", "挂钩",
                         "定点", "派驻", "联系", "对口", "帮促", "受援", "该", "本", "我", "每个", "各个", "帮建", "帮包",
                         # the regional words for taking charge of a village (挂包村, 包抓村): no village is named so
                         "挂包", "挂联", "包抓", "包联", "挂点", "分包", "帮带", "认领", "蹲点",
                         # the other villages, the local ones (as against the 兵团's companies): no name either
                         "其他", "其它", "其余", "地方",
                         # 农业农村 (the field, 加强农业农村工作), 攻坚村 (a village of the final push against poverty)
                         "农业", "攻坚")
# Aspect particles a verb takes (担任过, 走访了): after a verb they start no name (担任过某村的第一书记).
ASPECT_PARTICLES = ("过", "了", "着")
# The count words of a listed group of villages (A、B两个村).
VILLAGE_LIST_COUNTS = ("两", "二", "三", "四", "五", "六", "七", "八", "九", "十")

# --- units and party organizations ----------------------------------------------------------------

# Endings that make a unit name in running text. Tried in this order; a longer ending first.
ORG_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "街道", "局", "中心", "党校", "组织部", "宣传部",
    "统战部", "委员会", "银行", "医院", "学校", "大学", "学院", "中学", "小学", "研究院", "研究所", "合作社",
    "协会", "商会", "办公室", "管理处", "事务所", "基金会", "支行", "分行", "厂",
    # charities named as a society (某省慈善总会, 某市慈善会) and promotion societies (某扶贫开发促进会); not 总会
    # alone, which is also an adverb (总会有)
    "慈善总会", "慈善会", "促进会",
    # people's organizations and their common short forms (区残联, 市妇联, 县工商联)
    "联合会", "妇联", "残联", "侨联", "工商联", "文联", "科协", "总工会", "团委", "红十字会",
    # organs named by their short forms (县委办, 县政府办, 县扶贫办, 区人大机关), newspapers, banks' short forms
    "委办", "政府办", "扶贫办", "文明办", "乡村振兴办", "机关", "报社", "杂志社", "电视台", "农发行", "农商行",
    # more organs by their short forms in 办 (县人防办, 市信访办, 区金融办) and the state bookshops (县新华书店)
    "人防办", "信访办", "侨办", "台办", "外办", "金融办", "法制办", "综治办", "书店",
    # farm firms known by their trade (某某米业, 某某果业, 某某茶业), as they are in 村企结对
    "米业", "果业", "茶业",
    "信用社", "信用联社", "供电所", "卫生院", "分公司", "子公司", "工作队", "供销社", "供销合作社",
    # the headquarters a region sends (某市援疆前方指挥部); 工作组 and 医疗队 were tried and read 驻村工作组 and
    # the words before it (看望某某驻村工作组) as names
    "指挥部",
    # commissions and ministries by their usual short forms (区农业农村委, 市发改委, 农业农村部, 县人武部)
    "农业农村委", "发改委", "卫健委", "国资委", "政法委", "经信委", "住建委", "工信委", "网信委", "民宗委", "教委",
    "科委", "建委", "交委", "商委", "农委", "管委会", "农业农村部", "住建部", "人武部", "武装部",
    # provincial departments, courts and procuratorates, institutes, police stations
    "厅", "法院", "检察院", "设计院", "科学院", "规划院", "派出所",
    # a head station of a field service (某推广总站, 某监测总站) and a military unit (某某部队)
    "总站", "部队",
    # customs, health-care and cultural institutions, charities, police and fire brigades, military
    # districts, governments (东西部协作 pairs an eastern 区人民政府 with a village)
    "海关", "保健院", "图书馆", "博物馆", "档案馆", "文化馆", "科技馆", "总会", "支队", "救援大队", "交警大队",
    "军分区", "人民政府",
    # working committees of the party for a group of organs or a sector (县直机关工委, 市委教育工委, 两新工委); not 工委
    # alone, which would cut 某园区党工委管委会 (a party ending, then the unit's own ending) at 党工委
    "机关工委", "教育工委", "企业工委", "两新工委", "农工委",
    # field stations, depots and state farms of the agricultural, forestry and water services (县种子站, 某水文站,
    # 某粮库, 国有某林场): each a unit with its own head (站长, 场长); 站 and 场 alone end too many words (车站, 市场).
    # Not 农场 (家庭农场, 生态农场: what the help builds) nor 粮站 (原粮站旧址: a building).
    "农技站", "推广站", "种子站", "水文站", "气象站", "林业站", "林业工作站", "畜牧站", "兽医站", "畜牧兽医站", "水利站",
    "水保站", "农机站", "农经站", "植保站", "防疫站", "粮库", "储备库", "林场", "良种场", "种畜场",
)
# Ministries and commissions of the State Council, the central units of 定点帮扶 (某部定点帮扶某县, 某部驻某村第一
#书记): named alone, with no prefix before them, they are units; 部门 after one is the generic word.
CENTRAL_UNITS = (
    "农业农村部", "水利部", "财政部", "教育部", "商务部", "民政部", "交通运输部", "自然资源部", "生态环境部", "科技部",
    "工业和信息化部", "住房和城乡建设部", "人力资源和社会保障部", "文化和旅游部", "应急管理部", "司法部", "公安部",
    "退役军人事务部", "国家卫生健康委", "国家发展改革委", "国家民委", "审计署", "海关总署", "税务总局", "国家林草局",
    "国家乡村振兴局", "中央统战部", "中央组织部", "中央宣传部", "全国总工会", "共青团中央", "全国妇联",
)
# The 兵团 (新疆生产建设兵团) and its numbered divisions (第十三师, 五师), which send teams to the villages
# around them: units by these names alone. A division followed by its regiment (五师八十一团) is the
# regiment, a place; 师 after a numeral in ordinary words (一师一校) is rare enough to be left.
CORPS_UNIT_RE = "兵团(?:第[一二三四五六七八九十]{1,3}师)?|第?[一二三四五六七八九十]{1,3}师(?![一二三四五六七八九十0-9团生长范傅资])"
# A commission by any short name (区交通委, 市商务委): 委 after a character that does not make it a party or
# village body (党委, 村委, 两委, 常委, 区委, 团委…) or a role (主委, 副主委: the chair of a democratic party's
# committee) and not going on into 委员 / 委会.
COMMISSION_ENDING_RE = "(?<![党村居两常纪工团区县市省州盟旗镇乡主])委(?![员会])"
# Second characters of verbs that start with 委 (委托, 委派): an ending in 委 (团委, 农委) right before one is the
# verb's first character (某集团委托…: 集团, not 团委), whatever ending the name has.
VERBS_AFTER_WEI = "托派"
# Endings that may follow a unit's ending inside one name (某银行张家港分行, 某集团江西区域公司, 某中心医院):
# a name goes on over at most this many characters to the next ending, with no boundary between.
UNIT_NAME_CONTINUES_MAX = 8
# A branch named after its parent (某科学院某市分院, 某研究所某分所, 某大学某分校): an ending only where it goes on a
# unit's name; alone, 分院 and 分所 would cut names out of ordinary words (大部分院校).
BRANCH_ENDINGS = ("分院", "分所", "分校")
# The office a government or organ keeps in another city (某省人民政府驻某市办事处, 某市驻京办): part of its name,
# although 驻 elsewhere ends one (某局驻某村工作队 is the unit and the team it stations).
LIAISON_OFFICE_ENDINGS = ("办事处", "联络处", "办")
# Verbs that may stand right before a unit's ending inside its name (某技术推广总站, 某农技推广中心): cut
# there, the name would be the bare ending.
VERBS_BEFORE_ENDING = frozenset({"推广"})
# A team named by the party committee that sends it and where it is stationed (省委驻某县帮扶工作队, 市委驻某县帮扶
#工作队): the committee is no unit by itself, so the whole name is the team's; its task word (帮扶, a verb elsewhere)
# belongs to it there. Elsewhere (某局帮扶工作队) the team is read as the unit that sends it.
TEAM_TASK_WORDS = ("帮扶",)
TEAM_SENT_BY_A_COMMITTEE_RE = re.compile("(?:省委|市委|县委|区委|州委|旗委|自治区党委)驻")
# Words that may stand inside a unit's name although they are verbs elsewhere (燕东建设有限公司).
NAME_SAFE_VERBS = frozenset({"建设", "发展", "服务", "开发", "联合"})
# The government departments whose official names join two fields with 和 (县发展和改革局, 州文化和旅游局,
# 市人力资源和社会保障局): inside these 和 does not end a unit's name.
DEPARTMENT_FIELDS_JOINED_BY_HE = (
    "发展和改革", "住房和城乡建设", "住房和城乡规划建设", "人力资源和社会保障", "文化和旅游", "林业和草原",
    "工业和信息化", "经济和信息化", "自然资源和规划", "规划和自然资源", "教育和体育", "民族和宗教",
    "卫生和计划生育", "商务和投资促进", "新闻出版和广电", "农业和农村", "科学技术和知识产权",
)
# A bracket holding a photo caption's position (右一, 左二, 前排), not part of a name.
CAPTION_IN_BRACKETS_RE = re.compile(r"[(（](?:左|右|中|前排|后排)[一二三四五六七八九十]?[)）]")
# Between a unit's name and its party ending: 机关, an ordinal (机关第二党支部, 第十一党支部).
PARTY_INFIX = r"(?:机关)?(?:第[一二三四五六七八九十]{1,3})?"
# A few characters before 与 that are not the start of an official name joined by 与 (领导与…).
NOT_NAME_BEFORE_YU = ("领导", "干部", "党员", "职工", "代表", "负责人", "同志", "一行", "人员", "群众", "村民", "双方",
                      "企业", "单位", "政府", "部门")
# Words that end like a unit but are not one (格局 ends in 局).
NOT_UNIT_ENDINGS = ("格局", "布局", "大局", "全局", "结局", "开局", "当局", "中心村", "工厂化", "餐厅", "大厅", "客厅",
                    "展厅", "门厅", "舞厅", "歌厅", "议事厅", "会议厅", "宴会厅", "音乐厅", "服务厅", "营业厅")
# Facilities, not units (党群服务中心, 村活动中心): these endings after a short or generic name.
FACILITY_ENDINGS = ("服务中心", "活动中心", "邻里中心", "党建中心")
# What follows only a unit, never a building (后勤服务中心党委书记, 某服务中心主任, 某服务中心一行): after a short name in
# ``FACILITY_ENDINGS`` its own party organization, a leader's post or a delegation shows the centre is a unit.
UNIT_ONLY_AFTER_FACILITY_NAME = ("党委", "党总支", "党支部", "主任", "副主任", "书记", "副书记", "负责人", "一行")
FACILITY_NAME_WORDS = ("党群", "便民", "社区", "村", "镇", "乡", "综合", "文化", "活动", "党员", "为民", "文明实践",
                       "党建", "邻里", "养老", "日间照料", "老年")
# A character right after a party ending that shows it is another word (支部建设, 党委员, 党组织).
NOT_PARTY_AFTER = "织员建务"
# A character right after a unit ending that makes the ending the start of another word (局面, 中心村).
UNIT_ENDING_CONTINUES = "面势村组点站生"
# Measure words: "3家公司" is a count, not a unit named 家公司.
COUNT_MEASURES = "家个名所支"
# Leading words that introduce a unit but are not part of its name, in the order they are tried.
ORG_LEAD_WORDS = (
    "今年", "去年", "明年", "目前", "同时", "其中", "其次", "此外", "另外", "如", "例如", "比如", "会上", "近年来",
    "截至目前", "结对单位", "帮扶单位", "共建单位", "挂钩单位", "单位", "结对的", "帮扶的", "由", "经", "通过", "组织",
    "协调", "推动", "邀请", "依托", "联合", "包括", "特别是", "第一站", "第二站", "第三站", "首站", "最后一站", "随后",
    "接着", "据", "当年", "当时", "此后", "今后", "近期", "日前", "近日", "上周", "本周", "下一步", "担任", "现任", "曾任",
    # a verb that brings a unit in or a word of thanks for it, and 与 that joins it to the clause before
    # (引进某公司在某村建厂, 更得益于某局, ，与某公司驻某村第一书记…): no name starts with them
    "引进", "引入", "招引", "得益于", "得益於", "更得益于", "更得益於", "最终", "与",
)
# Names that are a kind of unit, not a unit (公司, 该公司, 党群服务中心).
GENERIC_ORG = frozenset({
    "公司", "集团", "街道", "中心", "党校", "委员会", "局", "该公司", "本公司", "企业", "单位", "结对单位",
    "集团公司", "分公司", "子公司", "机关", "工作队", "驻村工作队", "住村工作队", "扶贫工作队", "帮扶工作队", "工作组", "该集团",
    "该中心", "该局", "该行", "该院", "该校", "该单位", "本院", "本行", "我校", "我局", "我行", "我院", "我公司",
    "总公司", "母公司", "有限公司", "银行", "分行", "支行", "医院", "学校", "报社", "商会", "协会", "院", "该商会",
    "社区党校", "党建服务中心", "邻里中心", "社区党建中心", "党群服务中心", "服务中心", "区委党校", "镇社区党校",
    "合作社", "专业合作社", "农民专业合作社", "理论学习中心", "部队", "总站", "该部队",
    "海关", "保健院", "图书馆", "博物馆", "档案馆", "文化馆", "科技馆", "总会", "支队", "救援大队", "交警大队", "军分区",
    "人民政府",
    # a team named only by its task (联合驻村扶贫工作队): the units that send it are the helpers
    "驻村扶贫工作队", "驻村帮扶工作队", "扶贫工作组", "帮扶工作组", "驻村工作组", "乡村振兴工作队",
    # a school of any level by its bare kind (由学院院长某某带队): the kind, not the school
    "学院", "大学", "中学", "小学",
    # a bureau or office by its bare kind (管理局坚持…, of 某省机关事务管理局): the kind, which must not cut the
    # document's full names down to it
    "管理局", "管理处",
})
# Words of means before a unit (某公司通过某基金会向某村捐赠, 某集团依托某公司的渠道帮助某村): the unit after them is
# the channel or the resource, the subject
# before them is the helper; they also start the channel's name.
NAME_AFTER_MEANS = ("通过", "借助", "经由", "依托")
# Words that introduce a unit's companions, not the acting unit (会同某局的负责人): such a unit is not the helper.
COMPANION_BEFORE = ("会同", "陪同", "邀请", "按照", "根据", *NAME_AFTER_MEANS,
                    # a unit whose call the helper answers (响应某办号召): it asks, it does not act
                    "响应",
                    # a person's former or next post (原任某公司总经理, 调任某局): the unit does not act here
                    "原任", "曾任", "历任", "调任")
COMPANION_AFTER = ("的安排", "的部署", "的要求", "的统一部署")
# …but a unit invited to send its experts to the village (邀请某公司农业专家到某村培训, 邀请某医院医生来村义诊)
# helps there itself: its people do the work.
INVITED_TO_HELP_RE = (
    r"(?:的)?[一-鿿]{0,4}?(?:专家|医生|医护人员|技术人员|农技人员|技术员|教授|老师|讲师)"
    r"(?:团队|一行|等)?[一-鿿]{0,3}?(?:到|来到|走进|深入|赴|前往|来)"
)
# What follows a quoted slogan that names an event (开展“某某共建•结对帮扶促振兴”活动): the trigger words in
# such a slogan are its title, not a relation the sentence states.
SLOGAN_NAMES_AFTER = ("活动", "主题", "为主题", "专项行动", "系列活动")
# Verbs of talks: a trigger in what the sides talk about (双方就深化结对共建等事项进行了探讨) is the topic of
# the talks, not a relation the sentence states.
TALK_VERBS = ("探讨", "交流", "讨论", "座谈", "协商", "沟通", "研讨", "磋商", "洽谈")
# Verbs of attending: a unit and a village's cadres listed as those who attend a meeting (某局和某村干部
# 参加了座谈会) are fellow attendees, not a helper and its village.
ATTEND_VERBS = ("参加", "出席", "列席", "参与")
# --- the wrong party of a true statement (``wrong_party``) ----------------------------------------
# Verbs of hosting an event (由某局主办、某协会承办的采访团来到某村): the hosts stage the visit, they help no village.
HOST_VERBS = ("主办", "承办", "协办", "联办")
# Verbs of issuing a document (某部、某办联合印发…文件) and the documents they issue: the issuer orders, it helps none.
ISSUE_VERBS = ("印发", "下发", "出台", "颁布", "发布")
DOCUMENT_NOUNS = ("文件", "通知", "意见", "方案", "办法", "决定", "规定", "《")
# Words of thanks: the side that thanks (某县政府及某村委会负责人感谢某集团…) receives; the one thanked helps.
THANKS_WORDS = ("感谢", "感激", "致谢", "道谢", "赠送锦旗", "送来锦旗", "送上锦旗", "敬献锦旗")
# Accompanying: the host who accompanies a visit (县委常委张三陪同…, 在某局局长的陪同下) is not its helper.
ACCOMPANY_WORD = "陪同"
# Support from above (在省分行的大力支持下，向某村捐赠…): the supporter backs the unit that acts, which the clause
# after it leaves unnamed; the words that may stand between 的 and 下.
SUPPORT_WORDS = ("支持", "关心", "关怀", "指导", "协调", "帮助", "重视", "推动")
SUPPORT_MANNERS = ("大力", "鼎力", "全力", "倾力", "积极", "亲切", "高度", "精心", "悉心", "大")
# What a clause without its own subject opens with after such a phrase (…下，向某村捐赠…).
SUBJECTLESS_OPENINGS = ("向", "为", "给", "对", "先后", "共", "又", "还", "再", "累计", "投入", "捐赠", "捐资", "出资",
                        "援建", "修建", "建成", "帮助", "协调", "争取", "筹集")
# Adverbs that never stand inside a unit's name between two of its endings (某大学再次组成某工作队): the name ends
# before them. Not 继续 (继续教育学院) nor 联合 (联合工作队), which names hold.
ADVERBS_END_NAMES = ("再次", "首次", "又一次", "再一次", "随即", "随后", "立即", "已经", "先后", "相继", "积极", "主动",
                     "专门", "多次", "陆续", "及时", "迅速", "一直", "始终")
# Words that begin with a surname and follow a role without being a name (总书记关于…论述, 选派“第一书记”文件).
NOT_PERSON_WORDS = frozenset({"关于", "关於", "文件", "通知", "精神", "讲话", "指示", "批示", "要求", "号召"})

# The press: a unit whose reporters come (县融媒体中心记者来到某村采访…) reports on the help; it gives none.
PRESS_AFTER = ("记者", "采访团", "采访组", "采访团队", "通讯员", "融媒记者", "新闻记者")
# Verbs of praising or awarding (县委组织部授予某村党支部…称号, 某局表彰某村): the organ judges, it does not help.
AWARD_VERBS = ("授予", "表彰", "命名", "颁发", "评为", "评定")
# Teams that inspect the help (市委组织部考核组到某村检查驻村工作): the organ checks on the helpers. Not 调研组 or 评估组:
# a helper's own team visits its village so (某局调研组到结对村调研).
INSPECTING_TEAMS = ("考核组", "督导组", "督查组", "检查组", "巡查组", "验收组", "暗访组", "巡视组")
# Verbs of overseeing the help (县委组织部副部长到某村督导驻村帮扶工作, 检查某工作队帮扶工作): a trigger in what is
# overseen names the helpers' work as the object, not a relation of the one who oversees. A helper does not inspect
# its own work so, and these hold for every unit.
OVERSIGHT_VERBS = ("督导", "督查", "督促", "考核", "巡查", "暗访", "验收", "评估")
# Verbs of visiting or checking that oversee only where the visitor is the village's own county or town (县乡村振兴局
# 局长到某村调研帮扶工作, 县委书记看望驻村帮扶干部); a helper's own leader visits its village, checks its projects
# (某局领导到某村检查帮扶项目进展) and sees its sent cadres so too. Not 指导下 (在某局指导下, read elsewhere).
LOCAL_VISIT_VERBS = ("调研", "看望", "慰问", "了解", "听取", "查看", "检查", "指导")
# The triggers such a local visit oversees: the stationed work (调研驻村帮扶工作, 看望驻村第一书记). A county unit that
# looks at its own pairing (县交通局调研组到某村调研结对帮扶工作) or projects keeps its link.
STATIONED_WORK_TRIGGERS = ("驻村", "派驻", "住村", "第一书记", "工作队")
# What is overseen, after the trigger (驻村帮扶工作, 驻村第一书记, 帮扶成效, 工作队履职情况).
OVERSEEN_NOUNS = ("工作", "情况", "成效", "成果", "进展", "干部", "工作队", "第一书记", "队员", "人员", "履职", "汇报")
# The bare level words a unit of the village's own county or town opens with (县乡村振兴局, 镇党委, 旗委组织部): in a
# report about a village, a unit named so is of the county or town that governs it. Not 区 or 市: a district or
# city named so is often the helper of another region's villages (东西部协作).
LOCAL_LEVEL_PREFIXES = ("县", "旗", "乡", "镇", "苏木")
# A unit that only passes a gift on (某集团捐赠的物资由县民政局转交某村): the giver helps.
PASSING_ON_VERBS = ("转交", "转赠", "转送", "代为发放", "代转")
# Verbs by which a helper brings in another unit's service (某工作队协调县农商行为某村发放贷款): the unit brought in
# serves the helper; it is not the village's helper.
BROUGHT_IN_BEFORE = ("协调", "联系", "争取", "对接")
# What follows a unit brought in that makes it a side of the pairing itself (某部协调某集团与某村结对, 协调某公司结对帮扶
# 某村): the unit pairs, and the one that coordinates only arranges it.
PAIRS_ITSELF_AFTER = ("与", "同", "跟", "结对", "结成", "结亲", "帮扶", "包扶", "挂钩", "共建", "联建")
# Public funds named by the organ that grants them (省财政厅衔接资金, 某委的以工代赈资金): the organ is the source of the
# money a helper or the village spends, not a helper. Not 帮扶资金 or 捐赠资金: a helper's own gift is named so.
PUBLIC_FUNDS = ("衔接资金", "专项资金", "财政资金", "财政专项", "项目资金", "以工代赈", "奖补资金", "补助资金", "配套资金",
                "专项债", "彩票公益金", "转移支付")
# Verbs of asking an organ for money (向省发改委争取资金, 从某厅申请项目, 从某中心募款): the organ after 向 / 从 grants, the subject helps.
ASKING_FOR_FUNDS_VERBS = ("争取", "申请", "申报", "筹措", "要来", "跑来", "募款", "募集", "筹集", "筹款", "募捐")
# Leaders' posts that no unit's name holds (副部长张三送某集团…, 某县委书记): a "name" holding one is a person's post
# run into the words after it, or the post alone, never a helper. Not 书记处 (a secretariat) nor 主任委员.
POSTS_NO_NAME_HOLDS_RE = re.compile("(?:书记(?!处)|部长|局长|县长|乡长|镇长|区长|市长|厅长|处长|院长|校长|主任(?!委员))")
# The organs that select and send first secretaries for the whole county or province (县委组织部向某村选派第一书记):
# they organise the sending, the unit the secretary comes from helps. Not where the organ's own cadre is stationed
# (某组织部驻某村第一书记: no verb of selecting).
SELECTING_ORGANS = ("组织部", "组织部门")
SELECTING_VERBS = ("选派", "选拔", "选调", "下派", "统筹", "轮换", "召回", "调整")
# Words of reporting to a unit (第一书记向县委组织部汇报工作): the unit after 向 receives the report.
REPORTED_TO_VERBS = ("汇报", "报告", "请示", "述职", "反映", "递交", "提交")
# The bare level words of the village's own county or town opening a unit's name (县委组织部, 镇党委), and the people
# of a unit that attend an event (县委组织部相关负责人出席签约仪式): such a local organ is a guest of the help.
LOCAL_GUEST_PREFIXES = ("县", "旗", "乡", "镇", "苏木")
GUEST_PEOPLE = ("主要负责人", "相关负责人", "有关负责人", "负责人", "主要领导", "相关领导", "有关领导", "领导", "负责同志")
# Words that name a village as where another place lies (与某村相邻, 距某村3公里): such a village is a landmark, not a
# recipient of the clause's help.
NEIGHBOUR_AFTER = ("相邻", "毗邻", "接壤", "交界", "相连", "相接", "隔河相望", "相距")
NEIGHBOUR_BEFORE = ("距离", "距", "离", "紧邻", "毗邻", "邻近", "靠近", "紧靠")
# Working at a unit (村民在某公司的扶贫车间就业): the unit is where villagers work, not a helper of the village.
WORK_AT_VERBS = ("就业", "务工", "上班", "打工", "就近就业", "稳定就业")
# Going to a village to learn from it (带领村民到某村学习经验, 赴某村参观学习): that village is the model, not a
# recipient of the one who comes. Not 考察 or 参观 alone: a helper visits its own village so.
LEARNING_VISIT_WORDS = ("学习", "观摩", "取经")
LEARNING_VISIT_VERBS = ("到", "赴", "前往", "去", "走进", "来到")
# Words after a unit that name it as another unit's parent (某物流公司作为某集团全资子公司…, 某集团的下属企业): the
# parent describes the unit that acts; it is not the helper. A "name" ending so (某集团全资子公司) is a description.
DESCRIBED_BY_PARENT = ("全资子公司", "控股子公司", "子公司")
# Words between a parent and the unit it owns (某集团所属某公司, 某集团旗下某公司): two units, never one name.
OWNED_BY_BEFORE = ("所属", "旗下", "下属")
PARENT_OF_AFTER = ("全资子公司", "控股子公司", "子公司", "下属企业", "下属公司", "下属单位", "旗下企业", "旗下公司",
                   "成员单位", "成员企业", "会员单位", "会员企业")
# Qualities a closing clause praises a unit for (…，彰显了某集团的社会责任与担当): the unit is named as whose quality
# shows, not as one acting there.
QUALITY_NOUNS = ("社会责任", "责任担当", "责任与担当", "担当", "形象", "风采", "情怀", "品牌形象", "企业精神")
# Words after a village that name its own helper next in its clause (某村由某局帮扶，某村得到某局的帮扶): a unit of an
# earlier clause is then another village's helper (甲村由某局帮扶，乙村由另一局帮扶).
OWN_HELPER_WORDS = ("由", "得到", "受到", "获得", "的帮扶单位", "的结对单位", "的包扶单位", "的挂钩单位")
# Last characters of a place's level: a two- or three-character "name" ending in one (某镇长段村…) is the place.
PLACE_LEVEL_LAST_CHARS = "村镇乡县"
# Words ending in 村 that say what is done at a village, not its name (某院驻村干警, 工作队进村): a village the table
# lacks never ends in one.
VILLAGE_ACTION_WORDS = ("驻村", "住村", "进村", "入村", "包村")
# Heads a company or bank is called by with its level alone (省公司, 市分行: `unit_identity`), the report naming it
# in full (某省电力公司, 某银行某市分行) elsewhere.
LEVEL_SHORT_FORM_HEADS = ("分公司", "公司", "分行", "支行", "集团")
# A unit's leaders and staff (某局领导带队到结对村, 某医院的专家到某村义诊) act for it when no other unit
# of the sentence does; next to another unit they only go along (会同某局的负责人).
STAFF_AFTER = ("的主要负责人", "的负责人", "的领导", "的相关负责人", "有关负责人", "负责人", "领导", "的工作人员", "的人员", "的专家", "的医护人员", "的志愿者", "的党员干部", "的党员", "的干部职工", "的职工",
               "的员工", "的青年")
# A street's office written after the street's name (某街道办事处, 某街道办), longer first.
STREET_OFFICE_WORDS = ("办事处", "办")
# A place named as one side of a cross-region partnership (宁波方 投入…): the side acts as a helper.
PLACE_SIDE_WORD = "方"
NOT_PLACE_SIDE_AFTER = "面式案向法针位"
# Words after which a province, city or district named as a clause's subject helps as a whole (东西部协作,
# 对口支援: 某区对口帮扶某县, 某市援藏干部为某村…): the place acts as the helper, as 宁波方 does.
CROSS_REGION_HELP_AFTER = ("对口支援", "对口帮扶", "对口协作", "东西部协作", "东西部扶贫协作", "援藏", "援疆", "援青")
# A place that opens a clause with one of these, and a village later in that clause, acts as a helper
# (上海市某区某镇与某县某村结对, 某区投入资金为某村…); never for a village under it.
PLACE_ACTS_ON_VILLAGE = ("与", "结对", "帮扶", "挂钩", "投入", "援建", "捐赠", "捐资", "出资",
                         # a region sending its cadres to the village (某区选派干部张三到某村任第一书记)
                         "选派", "援派", "派驻", "下派")
# The same help said of the region in a phrase around it: 在某区的帮扶下, 在某市的对口支援下.
# Said with or without 的, an adverb of degree and one or two words of help (在某区帮扶支持下, 在某市直接帮助下).
CROSS_REGION_HELP_PHRASE_RE = re.compile(
    r"的?(?:大力|直接|倾力|全力|鼎力|无私|精准)?(?:对口)?(?:帮扶|支持|援助|帮助|支援|资助|援建)"
    r"(?:[和与、]?(?:帮扶|支持|援助|帮助|支援|资助|援建))?下"
)
# Aid named by the region that gives it (某区帮扶资金, 来自某市的东西部协作资金, 某市援建的某某): the region is a helper of
# the village its sentence names, as where it opens a clause of giving.
REGION_AID_RE = re.compile(
    r"的?(?:东西部扶贫协作|东西部协作|扶贫协作|对口帮扶|对口支援|对口协作|帮扶|援建|援助|捐赠)"
    r"(?:资金|款项|物资|项目|的)"
)
# Verbs before the region an aid comes from, written by its short name (来自广州的帮扶资金, 利用苏州帮扶资金).
AID_SOURCE_VERBS = ("来自", "利用", "使用", "争取", "获得", "通过", "投入")
# Verbs after which a bare name (no unit ending) is the helper: 由某某负责包扶, 由某某协助帮扶.
UNIT_BY_ROLE_AFTER = ("协助帮扶", "负责包扶", "负责帮扶", "负责包保", "包扶", "包保", "挂钩帮扶", "对口帮扶", "帮扶",
                      "结对帮扶")
# A town's own government right after its name (某乡政府, 某镇人民政府, 某镇党委政府): the village's local
# authority, which governs the town's villages and never pairs with one of them as a helper.
TOWN_GOVERNMENT_WORDS = ("政府", "人民政府", "党委政府", "党委", "街道办事处", "办事处")
# A village's own institutions, named by the village (某某小学 of 某某村, 某某村卫生室): they receive help with
# their village, never help it.
VILLAGE_INSTITUTION_ENDINGS = ("小学", "中学", "完小", "学校", "幼儿园", "教学点", "卫生室", "卫生院", "合作社")
# What a parent's registered name carries that its short form in a branch's name leaves out (中国建设银行股份有限公司某分行
# written 建行某分行): the country before it, the company form after it (the country only with the company form).
PARENT_NAME_DROPPED_IN_SHORT = (r"^中国", r"(?:股份有限公司|有限责任公司|有限公司)$")
# Organs whose official name holds 人民 that everyday writing drops (某县人民检察院 → 县检察院, 某市中级人民法院 →
# 市中级法院, 某县人民政府 → 县政府): one unit with and without it.
PEOPLES_IN_OFFICIAL_NAME = ("检察院", "法院", "政府")
# Words that describe a unit as part of another (某物流作为某集团全资子公司, 某公司作为某集团的下属企业): the phrase from
# 作为 to one of these is an appositive saying what its subject is; the units in it do not act, the subject does.
SUBSIDIARY_DESCRIPTIONS = ("全资子公司", "控股子公司", "子公司", "下属企业", "下属单位", "下属公司", "旗下企业", "旗下公司",
                           "成员企业", "成员单位", "二级企业", "二级单位", "所属企业", "所属单位")
# An enterprise's chief posts (某某董事长张三, 某某总经理李四): a name right before one, then the holder's name, is
# the enterprise, though written by its brand alone (某某农牧, 某某恒瑞) without 公司.
ENTERPRISE_CHIEF_POSTS = ("副董事长", "董事长", "副总经理", "总经理", "副总裁", "总裁", "执行董事")
# Words before such a post that say when or how the post is held, not whose it is (新任董事长, 原总经理, 兼总经理).
NOT_A_UNIT_BEFORE_CHIEF = ("新任", "原任", "现任", "时任", "首任", "历任", "曾任", "担任", "兼任", "原", "前", "兼",
                           "创始人", "创办人", "常务", "执行")
# Verbs of giving right after a two-character name the model reads as a unit (某某捐赠某村…, 某某出资…): the brand
# a firm goes by, known as a unit only by what it does. The model's shorter proposals stand only before these.
VERBS_AFTER_A_BRAND = ("捐赠", "捐资", "捐款", "捐建", "出资", "投资", "援建", "资助")
# Verbs that end a list of village–unit pairs (甲村和某饮品、乙社区和某磁电进行了试点): the last unit's name stops before.
# What stands between the village–unit pairs of such a list (甲村和某饮品、乙社区和某磁电).
PAIR_LIST_SEPARATORS = ("、", "，", ",", "；", ";")
PAIR_LIST_VERBS = ("进行", "签订", "签署", "开展", "结对", "结成", "联建", "共建", "签约", "建立", "达成", "实施")
# Conjunctions that with a level word after them make a county's name (和县): between two units (某部和县某局) they
# join the units.
CONJUNCTIONS_BEFORE_LEVEL = ("和",)
# The level word a unit's place ends in, written alone before the unit's name when the report has named the place
# (某县农业农村局 … 县农业农村局, 某市档案局 … 市档案局): the same unit. 省 is dropped from names anyway.
BARE_LEVEL_PREFIXES = ("市", "县", "区", "州", "旗")
# Kinds of unit, not units: 区级机关, 各级部门, 市直单位.
GENERIC_UNIT_RE = re.compile(
    r"^(?:(?:各|各级|[省市县区镇乡]级|[省市县区]直|相关|有关)(?:机关|部门|单位|企业|党组织)"
    # Units of several levels at once (省市县审计部门, 省、市、县三级党组织, 市县两级财政部门): a group,
    # not one unit. Two levels alone start names (省市场监管局, 县乡村振兴局): they need 、 or a count.
    r"|[省市县区乡镇]{3,4}|[省市县区乡镇](?:、[省市县区乡镇])+|[省市县区乡镇]{2}[两三四五]级)"
)
# Bodies that serve a whole group of organs and are one unit although named by the group (县直机关工委, 市直机关党工委,
# 省直机关工会, 区直机关事务管理局): after a kind of unit matched by ``GENERIC_UNIT_RE``, these make a name.
BODIES_OF_A_GROUP_OF_ORGANS = ("工委", "党工委", "工会", "事务管理局", "事务服务中心")
# A team named only by its batch and its task (第三批驻村工作队, 前两批驻村工作队, 首批援藏工作队, 驻村扶贫工作队): no
# unit sent it by name, so it helps no village as one; 某局第三批驻村工作队 is read as 某局, which sent it. 村工作队 is
# what is left of 驻村工作队 where 派驻 before it is read as the verb (选派驻村工作队员).
GENERIC_TEAM_RE = re.compile(
    r"^(?:第[一二三四五六七八九十\d]{1,3}(?:批|轮|届)|前[两二三四五六七八九十\d]{1,3}批|首批|首轮|新一批|新一轮|新一届|上一批|上一轮|"
    r"下一批|下一轮|这批|本批|"
    r"该批|历批|各批|这次|新)?"
    # a team named by the place it is stationed in (驻某县某村工作队): the unit before it sends it
    r"(?:驻[^，。；、\s]{1,16}?(?:村|社区|嘎查|乡|镇))?"
    # a team named by the verb that forms or sends it (某局党委任命工作队进驻…): the unit before the verb sends it
    r"(?:任命|组建|成立|派出|选派|抽调|组成|委派)?"
    # a team named by its unit's bare kind (集团驻村工作队, 学校工作队): the team of the unit the report names so,
    # which 集团 / 学校 alone stands for; no unit of its own
    r"(?:集团|公司|学校|学院|大学|医院|银行|分行|局|厅|委|中心)?"
    r"(?:驻村|村|扶贫|帮扶|精准扶贫|乡村振兴|强基惠民|访惠聚|驻村帮扶|援藏|援疆|援青)*(?:工作队|工作组)$"
)
# A unit ending and the character after it that make an ordinary word instead (回报社会).
WORDS_ACROSS_ENDING = ("社会",)
# Verbs of founding: a unit right after one (成立了某合作社, 帮助村民开办某砖厂, 发展某专业合作社) is made by
# the help, not a helper. 开办 also never starts a name.
FOUNDING_VERBS = ("成立", "组建", "组成", "创办", "开办", "创建", "筹建", "兴办", "建成", "建起", "办起", "发展")
# What may stand between such a verb and the unit it founds.
FOUNDING_GAPS = ("了", "起", "了一个", "了一家", "一个", "一家", "起了")
# Verbs that start a "X与<place>" phrase and are not part of the unit X.
UNIT_LEADING_VERBS = ("推动", "促进")
# Adverbs that stand where a short name might (三方共同与某村签约): never a unit's name.
ADVERBS_BEFORE_VERB = ("共同", "一同", "一起", "一道", "分别", "主动", "积极", "同时", "继续", "率先", "先后", "正式",
                       "再次", "已经", "相继", "携手", "联合")
# "X等企业": the nouns after 等 that say X is a unit.
UNIT_LIST_NOUNS = ("企业", "公司", "单位")

# --- persons --------------------------------------------------------------------------------------

# The last word of a leading role; a role may be several, joined by 、 (党委副书记、镇长).
ROLE_CORES = (
    "第一书记", "书记", "副书记", "支书", "主任", "副主任", "局长", "副局长", "镇长", "副镇长", "乡长", "副乡长",
    "县长", "副县长", "区长", "副区长", "市长", "副市长", "州长", "副州长", "省长", "副省长", "主席", "副主席",
    "董事长", "副董事长", "董事", "总经理", "副总经理", "经理", "总裁", "会长", "副会长", "理事长", "秘书长",
    "行长", "副行长", "校长", "副校长", "院长", "副院长", "站长", "所长", "馆长", "社长", "部长", "副部长",
    "厅长", "副厅长", "处长", "副处长", "科长", "组长", "队长", "村长", "主委", "常委", "委员", "成员", "执委",
    "负责人", "特派员", "指导员", "专干",
    # the heads of a front command of paired aid (某省援疆前方指挥部总指挥张三)
    "总指挥", "副总指挥", "指挥长", "副指挥长",
    # the heads of a 嘎查 and a 苏木 (pastoral village and township)
    "嘎查达", "苏木达",
    # heads of a delegation or of a group of helping units (某县帮扶团团长, 工作团副团长)
    "团长", "副团长",
    # an enterprise's chief officers beside its managers (某电厂总会计师张三); 总会 inside 总会计师 is no ending
    "总会计师", "总工程师", "总经济师",
    # the heads of a front headquarters of paired aid (援疆前方指挥部总指挥) and of a team or group sent out
    # (工作队领队, 医疗队总领队)
    "总指挥", "副总指挥", "指挥长", "副指挥长", "领队", "总领队", "副领队",
    # heads of a factory, a farm or forest farm, a kindergarten, a procuratorate; of a 兵团 company (连, a
    # village there) and the political commissar of a regiment or division
    "厂长", "副厂长", "场长", "副场长", "园长", "副园长", "检察长", "副检察长", "连长", "副连长", "政委", "副政委",
    # the heads of courts, police and public institutions and their deputies (某法院副庭长, 某派出所副所长,
    # 某站副站长); 检察长 and 政委 are above
    "庭长", "副庭长", "副所长", "副站长", "副馆长", "副社长", "副队长", "副组长", "副科长", "教导员",
)
# Verbs ending in a role word's first character (带领 + 队伍 is no 领队): a role read there is none.
VERBS_ENDING_IN_A_ROLES_START = ("带领", "率领", "引领", "统领")
# Words a role may carry in front: the body it belongs to (党委书记, 人大主席, 村委会主任).
ROLE_PREFIXES = (
    "党委", "党总支", "总支", "党支部", "支部", "党组", "党工委", "村委会", "村委", "居委会", "牧委会", "人大", "政协",
    "纪委", "工会", "团委", "妇联", "常务", "执行",
)
# The last character of a role the lists do not hold (总审计师, 总工程师, 苏木达, 调研员, 总监, 检察官, 教授): after a known
# role and 、 in a chain (党组成员、总审计师张三), a short word ending in one of these is the chain's next role.
ROLE_OPEN_ENDINGS = "师长员监达官授"
# Verbs that tie a name to its post (张三现任某局局长, 张三任某村第一书记以来, 张三上任某村第一书记 — taking the post up;
# 张三现为某村第一书记, 张三挂职某村第一书记 — holding it on secondment; 张三当选某村党支部书记 — elected);
# a name must end right before.
POST_VERBS = ("作为", "担任", "系", "现任", "原任", "曾任", "时任", "兼任", "上任", "现为", "挂职", "出任", "当选", "任")
# A speaker giving their own role in what they say (张三说：“作为村党支部书记，我…”).
SPEECH_VERBS = ("表示", "说", "介绍", "坦言", "感慨", "告诉记者", "谈到")
# A village's own people quoted after what they say (“…帮我们修了路。”某村村民王某说): 我们 in their words is the village.
VILLAGERS_WHO_SPEAK = ("村民", "脱贫户", "贫困户", "农户", "群众", "老党员", "村干部")
SELF_ROLE_WORDS = ("作为", "我是", "身为")
# Roles too loose to stand alone before a name: a member of what?
ROLE_CORES_NEEDING_PREFIX = ("委员", "成员", "常委", "执委")
# Roles the genre gives a national leader it quotes for policy (学习某某总书记重要讲话精神, 某某总书记指出): never a
# party to the pairing a report is about, so a name before them is no leader of it.
QUOTED_NATIONAL_ROLES = ("总书记",)
# Roles of the people who write and publish a report: never leaders.
NOT_LEADER_ROLES = ("记者", "责任编辑", "责编", "编辑", "作者", "通讯员", "摄影", "撰稿", "校对", "审核", "监审",
                    "编审", "实习生", "供稿", "来源")
# Credit words of a byline beside those (来源：…, 素材提供：…, 值班主任：…): a name after them in a credits
# line or bracket is a byline. The words of the credits only; a role such as 主任 after them is a credit too.
BYLINE_CREDIT_WORDS = ("素材提供", "稿件来源", "信息来源", "图片来源", "撰文", "供图", "文图", "图文", "监制", "出品",
                       "初审", "复审", "终审", "二审", "三审", "一审", "签发", "主编", "总编", "策划", "统筹", "值班编辑",
                       "值班主任", "特约记者", "见习记者", "报道员", "摄像", "剪辑", "美编", "排版", "配音",
                       "作者简介", "作者单位", "全媒体记者", "融媒体记者", "撰稿人", "撰写", "执笔", "信息员", "整理", "报送",
                       "投稿", "口述")
# An author's note: 作者系 / 本文作者为 / 作者是 and the author's post. An author who holds a post the report is
# about (作者系某村第一书记 张三) still writes it: the credit is their byline, the post their credentials.
AUTHOR_NOTE_VERBS = "系为是"
# One-character credits (张三 摄, 李四／文, 文/王五, 张三 撰): a credit only beside a slash, a colon or a space.
BYLINE_CREDIT_CHARS = "文图摄撰"
# What separates a credit word from its names, and names from each other, in a credits line.
BYLINE_SEPARATORS = ":：/／|｜、 \t\u3000"
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
                     "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "呼延", "澹台", "赫连")
# Characters after which a name has ended.
NAME_END_CHARS = set("，,。、；;：:！!？?“”\"'‘’《》()（）[]【】 \t\n\u3000和与及等")
# Characters that may stand right before a name that a bracket or verb follows.
NAME_START_BOUNDARY = set("和与及、的是由叫以")  # 叫: 他叫张三; 以: 以张三为组长
# Words that follow a name (so the name ended before them): verbs of speaking, taking part, leading.
WORDS_AFTER_NAMES = (
    "表示", "说", "指出", "介绍", "认为", "强调", "同志", "带领", "带队", "率队", "率领", "告诉", "坦言", "感慨",
    "一行", "报道", "主持", "到场", "出席", "参加", "陪同", "一同", "一起", "代表", "向", "对", "为", "在", "从",
    "于", "就", "也", "还", "先", "则", "都", "已", "亲自", "手中", "讲话", "致辞", "汇报", "发言", "提出",
    "希望", "要求", "详细", "现场", "是", "将", "把", "分别", "谈", "作", "做", "边", "随后", "首先", "接着",
    "专程", "来到", "走进", "深入", "前往", "调研", "看望", "慰问", "主动", "积极", "带头", "同", "跟", "又", "的",
    "到", "赴", "上任", "任", "被", "下派", "派驻", "担任", "现任", "原任", "曾任", "时任", "现为", "挂职", "出任", "当选", "带着", "领着", "陪着", "每天", "多次", "经常", "一直", "正在", "常驻", "驻村",
    # verbs of telling and talking over (某某道出了心里话, 找到书记某某商量)
    "道出", "商量",
    # a conjunction of two characters (局长张三以及专家…)
    "以及",
    # military and police ranks after the name (某某中校，是某工作队队长)
    "中校", "上校", "少校", "大校", "少将", "警官", "警督",
)
# Ranks written after a name, as 同志 is, before the verb that gives the post (张三中校，是某工作队队长): no part of it.
RANKS_AFTER_NAMES = ("中校", "上校", "少校", "大校", "少将", "警官", "警督")
# Verbs of going down to a post, said of the person sent without 被 (张三下派到某村担任第一书记, 张三派驻某村任…), and
# of coming from one post to another (张三从某局来到某村任第一书记, 张三来到某村担任第一书记).
MOVED_TO_POST_VERBS = ("下派", "派驻", "来到", "从")
# Verbs that send a person to a post somewhere (选派张三到某村任第一书记): the name follows them.
SENDING_VERBS = ("选派", "派出", "委派", "下派", "选调", "派驻", "推荐")
# What stands between a unit, its verb of sending and the person it sends (某局选派优秀干部张三, 由某公司派出的张三):
# an adverb before the verb, a post noun after it. The unit right before is the person's home unit.
SENT_BY_UNIT_RE = (
    r"(?:先后|再次|又|专门|精心)?(?:" + "|".join(SENDING_VERBS) + r")(?:了)?(?:的)?"
    r"(?:(?:优秀|年轻|青年|业务)?(?:干部|党员|职工|骨干|人员|同志)|(?:驻村)?第一书记)?(?:的)?"
)
# Organs that assign first secretaries from all units (市委组织部选派张三…): where they send someone, the person's
# own unit is not named, so they are never taken for it.
ASSIGNING_ORGAN_ENDINGS = ("组织部",)
# A unit named as the sender of first secretaries (某学院省派第一书记, 某局派驻的第一书记, 某公司选派干部担任第一书记): where
# the report names one such unit, 第一书记 written bare (在第一书记的帮助下，某村…) is one of its secretaries.
SENDS_SECRETARIES_RE = r"(?:(?:省|市|县|区)派|选派|派驻|下派|委派)?(?:的)?(?:驻村)?第一书记|选派[^，。；]{0,8}?担任第一书记"
# What stands right before 第一书记 written bare (a boundary or 的), not a village or unit it belongs to.
BARE_SECRETARY_AFTER = "在，,。“\n的与和及由"
# Words of what a secretary does for a village, in the sentence naming both.
SECRETARY_HELP_WORDS = ("帮助", "帮扶", "带领", "协调", "争取", "支持", "推动", "引进", "领办")
# Words of a region sending its cadres to aid another (某区援派干部, 援藏干部): a verb, never a name's end.
AID_SENDING_WORDS = ("援派", "援藏", "援疆", "援青", "援外", "挂职")
# The role whose holder's home unit helps their village (see ``secretaries``).
FIRST_SECRETARY_ROLE = "第一书记"
# What joins a person's name to the unit they come from (张三，来自某局…, 张三是某局的干部, 张三系某公司职工):
# the unit starts right after it.
HOME_UNIT_LEAD_RE = r"(?:同志)?(?:[（(]|[，,]?(?:现|原|曾)?(?:(?:是|系)(?:一名)?(?:来自)?|来自))"
# A person's links to a village they serve, said apart from their unit (see ``secretaries``):
# words between the person's name and the village that station them there (张三驻长岭村, 住进某村, 被派到某村)…
PERSON_STATIONED_WORDS = ("驻", "住进", "住在", "扎根", "蹲点", "挂职", "派到", "派往", "下派", "派驻", "选派")
# …the post they take at the village, right after its name (张三到某村任第一书记, 张三在某村挂职)…
PERSON_POST_AT_VILLAGE_RE = (
    r"(?:的)?(?:担任|任|当)?[“\"]?(?:驻村)?(?:第一书记|工作队|挂职|任职|蹲点|驻村"
    # the cadre a unit answers for a village with (某局局长张三是某村的包村领导, 挂包干部, 帮扶责任人)
    r"|包村领导|包村干部|联村干部|挂包干部|帮扶责任人|联系领导)"
)
# …words of helping or pairing between the name and the village, the person as their subject (张三结对帮扶某村的
# 五户, 张三的结亲对象就在某村, 张三为某村争取…): the help of a unit's person is the unit's.
PERSON_HELP_WORDS = ("结对", "结亲", "帮扶", "包扶", "包村", "联系", "挂钩", "扶持", "扶植", "资助", "捐", "援建")
# …verbs of going to a village, which link a unit's leader to it only where the sentence speaks of help
# (董事长张三一行来到结对村某村，察看帮扶项目): a leader visiting on other business is no pair.
PERSON_VISIT_WORDS = ("来到", "到", "赴", "前往", "深入", "走进", "走访")
# (Not 驻村 / 第一书记: the county's organization department visits every village's first secretary.)
PERSON_VISIT_HELP_WORDS = ("帮扶", "结对", "对口", "定点", "援建", "捐", "资助", "送去", "送来",
                           # a region's leaders in another province's village (东西部协作项目, 支援项目)
                           "协作", "支援")
# A government or a party committee over a place: its leaders visiting one of their own villages govern, they
# do not help (县委书记张三到某村调研帮扶工作).
JURISDICTION_BODY_WORDS = ("人民政府", "政府", "党委政府", "党委", "党工委", "区委", "县委", "市委", "州委", "省委",
                           "委", "人大", "人大常委会", "政协", "管委会", "街道办事处", "办事处")
# Verbs that appoint or elect a person to a post (张三被任命为某村党支部书记).
APPOINTING_VERBS = ("任命", "推选", "选举", "选为", "提名", "派往", "派到", "派")
# Where a sent person comes from, not who sends them: 某集团选派某分公司的张三到某村…, 某局从局机关中选派干部….
# A unit standing there is the person's home, and the unit sending them is the helper. Also the verb
# of drawing people out of a pool (抽调).
SENT_FROM_VERBS = SENDING_VERBS + ("抽调",)
SENT_FROM_POOL_AFTER = ("中", "里", "内")
# What a leader's post in a unit is called after a role and 、 (第一书记、某局干部张三).
POST_NOUNS = ("干部", "职工", "党员", "工作人员", "员工", "干警")
# What a unit's staff are called between the unit and a name (某局干部张三, 某公司的职工李四): a person of the unit
# who holds no leading post, still the unit's where the report stations them in a village.
STAFF_BEFORE_NAME = POST_NOUNS + ("选派干部", "青年干部", "年轻干部", "科员", "教师", "医生", "技术员")
# A "name" containing these is a form of address or a title, not a name (孟先生, 曹书记).
# After a role, 和 then these is a conjunction and a group or pronoun (书记和村民, 主任和大家), not a name whose
# surname is 和.
NOT_A_GIVEN_NAME_AFTER_HE = NOT_NAME_BEFORE_YU + (
    "大家", "他们", "她们", "我们", "同事", "同学", "家人", "专家", "医生", "老师", "志愿者", "企业", "单位", "部门",
    "各级", "有关", "相关", "工作", "帮扶", "驻村",
)
NOT_NAME_PARTS = ("先生", "女士", "同志", "老师", "书记", "主任", "一行", "师傅")
# Words that start with a surname's character and stand after a role word where a name would (总书记关于“…”,
# 第一书记文件。, 村党支部书记成立合作社, 书记高度重视…，, 第一书记任期内，): a "name" starting so is none.
WORDS_NOT_NAMES = ("关于", "文件", "成立", "高度", "全面", "全体", "全力", "全部", "全村", "方面", "方案", "常态", "安排",
                   "时间", "时期", "任期", "任务", "任职", "任内", "于是", "和谐", "万元", "成员", "成效", "班子")
NOT_NAME_SECOND_CHARS = set("某")
# Last characters that make a "name" before a role a place or a unit (张家村书记, 王庄镇镇长, 李集中心主任), or
# a title without a name (张副主任, 李常务副县长, 赵总经理).
NOT_NAME_LAST_CHARS = set("村镇乡县区市省州旗局委厂司院校队组部处科站所社心会办庄湾沟坪副务总")
# What may stand between a unit or place and the role of its leader: 的, or nothing.
AFFILIATION_GAPS = ("的", "党委", "党支部", "党总支")

# Common surnames: a name after a role must start with one.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安"
    "齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛"
    "靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    # Less common ones; those that also begin common words after a role (来, 谈, 闻, 展…) are left out.
    "萧洪赖阎郁鄢粟宿蔺郜邸冀湛揭鄂邰贝薄衡仝庹禹尉胥漆昝荆亓郦扈綦鞠竺寿嵇檀雍廉钮"
    # Common ones that begin no word after a role (傅 ranks among the hundred most common surnames).
    "傅谌冼奚阚栗储晁芮裘逯阙訾宓郗缑濮"
)
# Names without a Han surname, read after a role like a Han name (the role is required, as for Han names).
# Tibetan names are one to three of these two-character syllables and have no surname (扎西次仁, 白玛央金):
# a name made wholly of them that visibly ends is taken by the rules; one that only starts with them goes
# to the model, which must read the whole span as a person.
TIBETAN_NAME_SYLLABLES = frozenset({
    "扎西", "次仁", "多吉", "格桑", "卓玛", "央金", "旺堆", "达瓦", "索朗", "尼玛", "普布", "拉巴", "白玛", "平措", "顿珠",
    "次旦", "旦增", "丹增", "边巴", "巴桑", "德吉", "曲珍", "拉姆", "益西", "群培", "洛桑", "罗布", "贡嘎", "加措", "嘉措",
    "晋美", "强巴", "次珍", "央宗", "卓嘎", "仁增", "米玛", "琼达", "巴珠", "才让", "才旦", "措姆", "扎巴", "土登", "阿旺",
    "次央", "白珍", "桑珠", "欧珠", "朗杰", "其美", "尼珍", "玉珍", "央拉", "桑吉", "多杰", "拉珍", "仁青", "旺姆", "巴登",
    "加央", "索南", "公保", "贡布", "才仁", "桑杰", "卓措", "拉毛", "吉美", "伦珠", "旺杰", "旺久", "次珠", "尼众", "德庆",
    "次措", "扎桑", "拉宗", "普赤", "朗加", "顿旦", "旦巴", "群宗", "达娃", "巴宗", "央吉", "旺扎", "措吉",
    "次旺", "琼吉", "央珍", "次松", "扎堆", "达杰", "普琼", "次拉", "嘎玛", "曲扎", "贡觉", "泽仁", "泽旺", "泽郎",
    "降措", "降央", "降边", "多加", "次吉", "德央", "格珍", "罗珍", "更登", "嘎松", "赤列", "贡桑", "斯朗", "四郎",
    "雍措", "措毛", "格勒", "尼格", "巴姆", "拉吉", "央措", "永忠", "曲措", "美朵",
})
# Family-name syllables of Yi names (凉山): the family name and a two-character given name (吉克阿布, 沙马拉则).
YI_FAMILY_NAMES = frozenset({
    "吉克", "阿苦", "沙马", "俄木", "海来", "吉伍", "阿什", "曲比", "马海", "阿说", "勒格", "吉尔", "俄底", "日火", "瓦扎",
    "阿约", "木乃", "加拉", "马黑", "阿尔", "洛古", "苏呷", "阿西", "金古", "尔古", "巴莫", "沙玛", "吉木", "俄地", "莫色",
    "海乃", "比曲", "阿侯", "吉狄", "尔布", "阿牛", "吉色", "吉则", "俄洛", "吉力", "阿吉", "马卡", "安木", "阿克", "沙呷",
    "吉牛", "曲木", "苏尼", "阿都", "俄尼", "阿鲁", "罗木",
})
# How Uyghur, Kazakh and Mongolian names usually start (阿卜杜…, 买买提…, 巴特…), written with or without a
# middle dot: after a role, a span starting so is asked of the model, which must read it as a person.
WESTERN_NAME_STARTS = (
    "阿卜杜", "阿不都", "阿布都", "买买提", "麦麦提", "艾买提", "艾尔肯", "艾力", "吐尔", "阿依", "古丽", "努尔", "热依",
    "依明", "伊力", "帕尔", "阿力木", "阿迪", "热合曼", "塔依尔", "吾买尔", "玉苏甫", "亚森", "肉孜", "库尔班", "木拉提",
    "哈力", "沙吾提", "别克", "叶尔", "哈孜", "加娜尔", "阿合", "巴特", "乌兰", "其木格", "额尔", "那仁", "苏和", "宝音",
    "朝鲁", "斯琴", "萨仁", "呼和", "格日", "阿拉坦", "吉日", "图门", "敖特", "孟和", "乌力吉", "巴图",
)
# Post verbs that may follow the name after a comma (张三，作为某村第一书记 / 张三，现任某局副处长、某村第一书记).
POST_VERBS_AFTER_COMMA = ("作为", "现任")
# What joins the names of several people who take one post together (张三与李四，作为两任第一书记).
NAMES_JOINED_BY = ("与", "和", "、")
# How Kazakh and Uyghur given names often end (马某别克, 阿某古丽): a Han-looking name the model cuts before one
# (马某 | 别克) goes on over it where the text shows the end after it.
WESTERN_NAME_ENDINGS = ("别克", "古丽")
# Family names of the west that also begin ordinary words after a role (Hui: 冶 妥 拜 喇 撒; Yi: 禄 普 杞 矣;
# Dai: 刀 罕 召 岩 玉 — 岩石, 玉米): a name starting with one is asked of the model, never read by the rules alone,
# and stands only where the model reads a person of two or three characters whose end the text shows.
SURNAMES_ASKED_OF_THE_MODEL = frozenset("冶妥拜喇撒禄普杞矣刀罕召岩玉哈剡者敏脱纳把虎")
# Dots between the parts of a transliterated name (阿依古丽·买买提): the middle dot and the marks typed for it
# (a bullet, a full-width or plain full stop between two Chinese characters).
NAME_DOTS = "·•‧・．."
# Words made of name syllables that are not names (a greeting, a flower): never a person.
NOT_WESTERN_NAMES = ("扎西德勒", "格桑花")
# Characters a name (of a person or a unit) never starts with: function words and numerals.
NON_NAME_START = frozenset("们的在和与及是也都对为将把被从到向就还又这那其该各每全本一二三四五六七八九十受")
# Boundary characters that never open a unit's name, even after a comma (，了解某局…, ，以某委处长带队…); 和, 同, 向, 为, 与
# may (和平, 同心), and 于, 之 open places and names (于田县, 之江).
NEVER_NAME_FIRST = frozenset("了以并或等跟")

# --- relations ------------------------------------------------------------------------------------

# Words that say one side helps or pairs with the other, in the order they are matched (a longer first).
PAIR_WORDS = (
    "结对帮扶", "结对共建", "结对", "共建", "帮扶", "挂钩", "对接", "联建", "帮助", "慰问", "资助", "捐赠", "赠送",
    "援建", "合作", "签约", "联组", "包村", "配套", "助力", "支持",
)
# The pair words that state a standing pairing (not a one-off visit or gift): full confidence.
STRONG_PAIR = frozenset({"结对帮扶", "结对共建", "结对", "共建", "挂钩", "对接", "联建", "签约", "包村", "联组", "合作",
                         "配套"})
# A clause starting with these has no subject of its own: the previous sentence's helper acts.
SUBJECTLESS_CLAUSE_STARTS = ("公司", "集团", "该公司", "该集团", "同时", "此外", "另外", "还", "并", "通过", "特别是",
                             "先后", "又", "并且", "而且", "另一方面",
                             # a sending verb opening the sentence (…加大帮扶力度。派出3名干部分别担任某村第一书记):
                             # the unit that sends is the one the report went on with
                             "派出", "选派", "下派", "委派")

# Pronouns opening a sentence right after one whose subject is a unit (某局干部踊跃参与。他们为某村修建…): the
# unit's people, so the unit acts — only from the paragraph's sentence just before, where a pronoun still points.
UNIT_PEOPLE_PRONOUNS = ("他们", "她们")
# Words for a unit's own people and organs that open a sentence in place of its name, right after a sentence whose
# subject the unit is (某局高度重视帮扶工作。帮扶干部为某村修建了道路。局党组多次研究…): the unit acts.
UNIT_PEOPLE_OPENINGS = ("帮扶干部", "驻村干部", "驻村工作队", "帮扶工作队", "工作队", "党员干部", "干部职工", "全体党员",
                        "全体干部", "局党组", "党组", "局领导", "领导班子", "班子成员", "全局", "全校", "全院", "全行",
                        "公司党委", "公司领导", "志愿者", "青年志愿者")
# A time phrase that may open such a sentence before the subject or the verb (2022年以来，…; 近年来，…).
OPENING_TIME_RE = r"(?:[^，,。；]{0,12}?(?:以来|年|月|期间|之后|后|来|日)[，,]?)?"

# A report told by a cadre a unit stationed in a village (a 驻村手记, signed 文/某局 张三): 我 / 我们 opening a clause
# with a word of stationing and a village are the writer and their unit, named in the credits.
NARRATOR_PRONOUNS = ("我们", "我")
NARRATOR_STATIONED_WORDS = ("驻村", "驻扎", "进驻", "入驻", "派驻", "扎根", "第一书记", "工作队", "蹲点", "住村")

# A table of pairings written as lines (序号 帮扶单位 帮扶村 / 1 某局 某村, 某局：某村): a line holding only units,
# villages (with their addresses), numbers and separators is a row; it pairs where a line above it names the pairing.
ROW_FILLER_RE = r"[\s\d序号.．、:：\-—–|/（）()，,；;]*"
ROW_HEADER_WORDS = ("帮扶单位", "帮扶村", "结对", "包联", "挂包", "挂联", "联系村", "联系点", "帮扶名单", "帮扶对象",
                    "定点帮扶", "挂钩", "包村", "驻村", "帮扶安排", "对口帮扶", "包保", "共建")
ROW_HEADER_LINES = 4

# Words that state a relation between a helper and a village, for the relation stage (PAIR_WORDS above
# stay the amounts' and claims' sentence test). A standing pairing or assignment:
PAIRING_TRIGGERS = (
    "结对帮扶", "结对共建", "结对", "结成对子", "结为对子", "结亲", "共建", "联建", "挂钩", "挂点", "包村", "包扶", "包保", "包联", "对口帮扶",
    "对口支援", "对口联系", "定点帮扶", "定点共建", "联系点", "联系村", "驻村", "住村", "派驻", "进驻", "入驻", "选派",
    "第一书记", "签约", "签订", "签署", "签下", "缔结", "对接", "联组", "合作", "配套", "携手", "帮扶单位", "帮扶村", "帮促",
    # the regional words for a unit taking charge of a village (挂包 in Yunnan, 挂联 in Sichuan, 包抓 in Shaanxi,
    # 分包 in Henan), a unit claiming one (认领), staying in one (蹲点), building or guiding its branch (帮建,
    # 帮带), helping and answering for it (帮包); 住村, the 访惠聚 teams' word for 驻村. Not 协作: in 东西部协作 or
    # 闽宁协作 it names a programme.
    "挂包", "挂联", "包抓", "分包", "认领", "蹲点", "帮建", "帮带", "帮包",
    # joining hands with a village (牵手某村) and the cadres' 结穷亲 with it
    "牵手", "结穷亲",
    # a team or cadre stationed there for a term (驻扎在某村)
    "驻扎",
    # the village of Gansu's 双联 (联村联户: a unit tied to a village and its households), 某村是某局的双联点 — not
    # 双联村, the name of many real villages
    "双联点",
    # a unit and a village that "became tied" by the help (某村与某公司结缘, 结下缘分, 结下了不解之缘)
    "结缘", "结下缘分", "结下了缘分", "不解之缘",
)
# Pairing words that send people into a village (某局选派干部任某村第一书记, 驻村): a village does not do this to
# another, so two villages joined by 和 before one of them are a list of where people went, not a pair.
SENDING_TRIGGERS = ("驻村", "住村", "派驻", "进驻", "入驻", "选派", "第一书记", "蹲点", "驻扎")
# Help to a named village without a pairing word: gifts, money, building, visits of assistance.
ASSISTANCE_TRIGGERS = (
    "帮扶", "帮助", "帮", "扶持", "支持", "资助", "捐赠", "捐建", "捐助", "捐款", "捐资", "捐出", "捐给", "赠送",
    "送去", "送上", "送来", "援建", "援助", "投入", "慰问", "助力", "义诊", "扶贫", "硬化", "修建", "重建", "建设了",
    "落实", "出资", "拿出", "提供", "赠", "受赠", "捐", "扶助", "助困", "帮困", "支援",
    # money raised or goods bought for the village, people trained there (为某村争取资金, 采购某村的大米)
    "争取", "筹集", "募集", "采购", "认购", "消费帮扶", "引进", "培训",
    # work and sales a firm gives the village's people (吸纳某村300人就业, 带动某村200户增收, 收购某村的土豆)
    "吸纳", "带动", "收购",
    # money put into the village's projects (由某局投资建设, 某公司投资在某村建设光伏电站)
    "投资",
)
# Characters before 为 that make it part of a verb (作为, 成为, 评为, 定为, 认为…), not "for" a village:
# 某局为某村… is help (``relations.benefactive``), 某局作为某村的… is not.
BENEFACTIVE_NOT_AFTER = frozenset("作成称评定改列视认名并选分划设建命更变因以较更最")
# A word right before a village's name that stations a helper there (驻某村工作队, 派驻某村): a pairing.
STATIONED_BEFORE_VILLAGE = ("派驻", "进驻", "驻")
# Endings of a unit's stationed team (某局工作队, 某公司帮扶工作队): a team a unit keeps in a village, so the team
# and a village in one clause (某村群众对某局工作队赞不绝口, 某局工作队在某村走访) are that unit in that village —
# not an inspecting or visiting group (考核组, 调研组, 督导组), which these do not name.
STATIONED_TEAM_ENDINGS = ("驻村工作队", "帮扶工作队", "扶贫工作队", "乡村振兴工作队", "工作队", "帮扶队", "驻村工作组")
# Nouns that say what a village is to a helper (结对村, 派驻村, 联系点): they make 这里 / 它 point at a village.
VILLAGE_ROLE_NOUNS = ("结对村", "派驻村", "帮扶村", "联系村", "联系点", "基层村", "挂钩村", "包扶村", "帮扶单位",
                      "结对单位", "包保单位", "共建单位", "挂点村", "定点帮扶村", "示范点", "双联点")
# What a village is to the unit that helps it (某村是某某的帮扶村): the words between 是 and 的 name that unit,
# whatever its kind (民盟某市委, 某农科院, 某药业), and need no known ending.
HELPED_VILLAGE_NOUNS = ("结对村", "派驻村", "帮扶村", "联系村", "联系点", "挂钩村", "包扶村", "挂点村", "定点帮扶村",
                        "结对帮扶村", "挂包村", "挂联村", "包抓村", "包联村", "共建村", "帮扶点",
                        # Gansu's 双联 (a unit tied to a village and its households) names the village 双联点
                        "双联点", "双联共建点")
# …unless those words end like a level or a place, not a name (县里的帮扶村, 省级的帮扶村, 重点的帮扶村).
NOT_A_UNIT_BEFORE_DE = ("里", "级", "定", "重点", "们", "家", "上", "中", "内")
# Nouns that introduce a village's helper by what it is to the village (帮扶单位某公司, 结对单位某局).
HELPER_ROLE_NOUNS = ("帮扶单位", "结对单位", "共建单位", "包保单位", "挂钩单位", "挂点单位", "联系单位", "包扶单位")
# Words that point back at the village named last (该村, 这个村, 村里): the nearest village before.
VILLAGE_REFERENCES = ("该村", "这个村", "此村", "本村", "我们村", "我村", "该嘎查", "这个嘎查", "本嘎查", "该社区",
                      "这里", "它")
# Several villages named before, counted (这两个村, 上述三村, 两村): a demonstrative and a count, or a bare
# small count right before 村 (两村群众). Without a demonstrative, 两个村 introduces new villages.
COUNTED_VILLAGE_REFERENCE_RE = (
    r"(?:(?:这|此|上述|以上|这些)(?P<shown>[两二三四五六七八九2-9])个?|(?P<bare>[两三四])(?=村))(?:村|嘎查)"
)
# Of those, the ones that only point at a village where the clause names its role (这里是…结对村).
WEAK_VILLAGE_REFERENCES = ("这里", "它")
# …or where a team is stationed at it (某局驻村工作队进驻在这里): the verb says the place is a village it pairs.
STATIONED_AT_WEAK_REFERENCE = ("进驻在", "驻扎在", "驻在", "进驻", "驻扎", "派驻到", "派驻在")
# How many sentences back a reference may reach for its village.
REFERENCE_SENTENCE_WINDOW = 3
# Several villages named before, not counted (这些村, 上述村): the villages of the last sentence naming
# two or more. Not where the word goes on into people or bodies of the village (这些村民, 上述村干部).
PLURAL_VILLAGE_REFERENCE_RE = r"(?:这些|上述|以上|这几个|这几)(?:行政)?(?:村庄|村)(?![民干委级集组])"

# --- the village a passage is about (``topic``) ---------------------------------------------------
# Words of a village's own life (村里, 村民, 全村): a helper's sentence holding one is about a village,
# so it may take the village the passage is about when it names none.
VILLAGE_OWN_WORDS = ("村里", "村民", "全村", "村集体", "村级", "村内", "村中", "村上", "村党支部", "村党总支", "村两委",
                     "村“两委”", "村委会", "村委", "村部", "村小", "村道", "村容", "村庄", "村子", "进村", "到村", "入村",
                     "村文化", "村卫生室", "村里的")
# Words that make a sentence about a wider area than one village (全县, 各村, 辖区): no topic village.
WIDER_SCOPE_WORDS = ("全县", "全市", "全区", "全镇", "全乡", "全省", "全国", "全州", "全旗", "各村", "各乡镇", "各镇",
                     "辖区", "各地", "系统内", "村镇", "乡镇", "农村地区", "山区县")
# …and villages counted (5个村, 十多个行政村): several villages, not the one the passage is about.
COUNTED_VILLAGES_SCOPE_RE = r"[0-9０-９一二两三四五六七八九十百几多余]+个(?:行政|贫困|薄弱|经济薄弱|帮扶|结对)?村"
# A helper's own work (a meeting, a study session): with no village word, not help to the topic village.
OWN_WORK_WORDS = ("召开", "会议", "党组会", "专题会", "推进会", "动员会", "部署会", "学习", "传达", "研究部署",
                  "调度会", "座谈会", "述职", "培训班", "考核",
                  # the helper's own people (慰问退休老干部, 为职工…)
                  "退休", "老干部", "职工", "员工", "住院")
# Words right before a unit that make it what the help goes to or where it happens (向某中学捐赠, 到某医院
# 慰问): the unit is not the one that helps, and the help is not the topic village's.
UNIT_AS_OBJECT_BEFORE = ("向", "为", "给", "对", "到", "赴", "在", "帮助", "资助", "慰问", "走进", "来到", "前往")
# Triggers strong enough to state help to the topic village on their own (with no village word):
# a standing pairing, or a gift or money the helper gives. Weaker ones (提供, 落实, 支持) need a
# village word.
TOPIC_ASSISTANCE_TRIGGERS = ("帮扶", "帮助", "扶持", "资助", "捐赠", "捐建", "捐助", "捐款", "捐资", "捐出", "捐给",
                             "赠送", "送去", "送上", "送来", "援建", "援助", "投入", "慰问", "义诊", "出资", "消费帮扶")
# Nouns after a trigger that make it a name for the work in general (帮扶工作, 结对活动, 帮扶机制), not
# help given to the topic village.
TOPIC_GENERIC_AFTER = ("工作", "活动", "机制", "模式", "成效", "力度", "举措", "任务", "责任", "政策", "理念", "路径",
                       "体系", "方面", "领域", "对象", "中", "上",
                       # a team named by its task (慰问组, 帮扶队, 义诊团): the team, not the act
                       "组", "队", "团")
# Organs named after the work they do (扶贫办, 援建指挥部): a trigger word inside these names is no sign
# that the name was cut wrongly (as it is in 精准扶贫工作队 or a name run into its verb, 果蔬引进公司).
WORK_NAMED_ORGAN_RE = r"(?:扶贫|帮扶|援建|对口支援|乡村振兴)(?:开发)?(?:办公室|办|局|中心|指挥部|工作组|协会|基金会|促进会)$"
# Words after a helper that make it one of several (某党委等单位): a summary of many, not one helper.
SEVERAL_HELPERS_AFTER = ("等单位", "等部门", "等企业", "等", "各", "下属")
# Verbs that bring a helper to a village (来到某村, 走进某村, 在某村召开…): what the helper does in the
# sentence's later clauses it does there.
VISIT_VERBS = ("来到", "走进", "深入", "前往", "赶赴", "奔赴", "到访", "走访", "在")
# Verbs right before a unit that make it where people went (深入某小学, 到某企业), not the subject a later
# sentence without one goes on with: the visit verbs but 在 (在某局帮助下 names who acts), and 到, 赴, 慰问.
VISITED_BEFORE = tuple(v for v in VISIT_VERBS if v != "在") + ("到", "赴", "慰问")
# Words opening a clause that goes on with the clause before's subject (…，同时对返乡青年给予支持): a
# trigger there states what the same helper does for the same village.
CLAUSE_GOES_ON = ("同时", "并且", "并", "还", "又", "也", "而且", "此外", "另外", "随后", "先后", "继而")
# Words opening a sentence whose subject is the one before's (他们, 一行人), for the topic only.
TOPIC_SUBJECT_CONTINUATIONS = ("他们", "一行人", "一行", "随后", "之后", "活动中", "期间",
                               # the occasion the sentence before opened (在某村召开座谈会。会上，为村里…)
                               "会上", "会后", "现场", "活动现场", "仪式上")
# How many sentences a topic outlives without being named again (the title's topic outlives them all).
TOPIC_SENTENCE_WINDOW = 6
# 定为 / 确定为 / 列为 … the unit 的 帮扶村: an assignment; the unit after the verb is the helper, not the
# organ that assigns (县委组织部将某村定为某局的帮扶村).
ASSIGNED_AS_VERBS = ("确定为", "定为", "列为", "明确为", "确立为", "选定为", "设为", "作为", "确定成为", "成为")
ASSIGNED_ROLE_NOUNS = ("定点帮扶村", "帮建村", "帮包村", "帮扶村", "联系点", "结对村", "挂钩村", "包扶村", "联系村", "挂点村", "帮扶点",
                       "共建村", "包保村", "驻点村", "帮扶联系点", "党建联系点", "结对帮扶村", "定点联系村", "双联点")

# Words that point back at a unit: 该 + a unit's head (该院, 该行), a bare head as subject (集团, 机关),
# and the publisher speaking of itself (我校, 本公司).
REFERENCE_HEADS = ("集团公司", "集团", "公司", "企业", "机关", "中心", "医院", "院", "分行", "支行", "行", "局", "校", "厂", "支部",
                   "党支部", "商会", "协会", "基金会", "单位",
                   # a street office that helps a town or village far away (东西部协作: 该街道对口帮扶某镇)
                   "街道")
SELF_REFERENCES = ("我校", "我局", "我行", "我院", "我公司", "我司", "本公司", "我单位", "本单位", "我厂", "我会", "本会",
                   "我中心", "本中心", "我集团", "本集团", "我委", "我办", "我厅", "本厅")
# A bare head is a reference only after these characters (or a clause boundary): 与集团, 由机关.
REFERENCE_LEFT_CONTEXT = frozenset("与和同由为把被让对向将在给从及、")
# …and not when it goes on into another word (公司党支部 is a party organization; 中心村 a village word).
REFERENCE_NOT_AFTER = frozenset("党村组点内外部里站化级")
# Labels of the field that names a report's publisher (来源：某厅, 发布机构：某局): 我厅 / 我校 mean that unit.
PUBLISHER_LABELS = ("来源", "信息来源", "稿件来源", "文章来源", "稿源", "供稿", "供稿单位", "发布单位", "发布机构",
                    "作者单位",
                    # a site's footer (版权所有：某医院) names the unit whose site it is
                    "版权所有", "主办单位")
# Both sides of the pairing the sentence before named (双方签订了结对协议).
BOTH_SIDES_WORDS = ("双方", "两家单位", "村企双方", "两个支部", "两支部")
# Several units at once: 几家党支部, 各党支部, 双方 → the units named in the sentence before.
GROUP_REFERENCE_RE = r"(?:几家|各|这些|多家|两家|三家|四家|五家|上述)(?:党支部|党组织|支部|单位|企业|公司)"
# A sentence starting with these continues the previous one's subject (还, 同时…).

# --- amounts, projects and claims -------------------------------------------------------------------

# Units an amount is counted in, in the order they are matched (亿元 before 元, 人次 before 人).
AMOUNT_UNITS = (
    "亿元", "万元", "元", "公里", "千米", "平方米", "㎡", "m2", "立方米", "吨", "万斤", "斤", "公斤", "千克", "亩",
    "户", "人次", "人", "名", "台", "套", "所", "间", "处", "单", "株", "棵", "米",
)
# Words before a number that make it approximate or a total (约5万元, 共计3吨); 超过 before 超.
AMOUNT_QUALIFIERS = ("近", "约", "超过", "超", "逾", "共计", "合计", "共", "计")
# The money units the amount patterns know; their value in 元 is in loaders/money.py, shared with registers.
MONEY_UNITS = ("亿元", "万元", "元")
# Units worth a fact even when no recipient is named: money, goods sold or given, orders, households.
LOOSE_UNITS = MONEY_UNITS + ("吨", "万斤", "斤", "公斤", "千克", "单")
# Nouns after which a bare 万/亿 is money ("慰问金5万左右", "资金约3万").
MONEY_NOUNS = ("金", "款", "资金", "经费", "金额")
# Words that make a sentence about assistance, so its amounts are kept without a named pair.
ASSISTANCE_WORDS = ("协助", "捐", "销售", "营销", "征订", "认购", "收益", "投入", "慰问金", "帮困")
# Chinese numerals: digits and multipliers (parse_number).
CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
# A project's category from words in its name; the first group that matches wins.
CATEGORY_WORDS = (
    (("道路", "路基", "河道", "水泥", "设施", "修缮", "翻修", "工程", "建设", "新建", "办公"), "infrastructure"),
    (("慰问", "帮困", "困难"), "relief"),
    (("助学", "学生", "教育", "培训"), "education"),
    (("医疗", "卫生", "药品"), "medical"),
    (("销售", "订单", "营销", "电商", "认购", "征订", "收购", "稻谷", "大米"), "market"),
    (("花种", "种子", "物资", "设备"), "goods"),
)
# A sentence must have one of these for its counts to be claims about the pairing work.
CLAIM_SENTENCE_WORDS = ("结对", "帮扶", "挂钩", "共建", "联建", "对接", "选派", "公益项目")
# Count words of a claim written number first ("64个村").
CLAIM_MEASURES = ("家", "个", "名", "所", "支")
# Nouns counted number first ("结对64个行政村"), in the order they are matched.
CLAIM_NOUNS = ("单位", "企业", "党组织", "行政村", "经济薄弱村", "薄弱村", "贫困村", "软弱涣散村", "村", "社区", "结对单位",
               "项目", "公益项目", "党员", "第一书记", "农户", "贫困户")
# Nouns counted after the noun ("选派第一书记27人", "结对村达64个"), and the words between.
CLAIM_NOUNS_BEFORE_COUNT = ("第一书记", "驻村干部", "结对单位", "帮扶单位", "经济薄弱村", "薄弱村", "贫困村", "结对村",
                            "贫困户")
CLAIM_COUNT_LINKS = ("共", "累计", "总计", "合计", "达", "达到")
CLAIM_COUNT_MEASURES = ("人", "名", "个", "家", "户")
# The metric each counted noun is a claim about.
CLAIM_METRIC = {
    "单位": "helpers", "企业": "helpers", "党组织": "helpers", "结对单位": "helpers",
    "行政村": "villages", "村": "villages", "社区": "villages",
    "经济薄弱村": "weak_villages", "薄弱村": "weak_villages", "贫困村": "poor_villages",
    "软弱涣散村": "weak_party_villages", "项目": "projects", "公益项目": "projects", "党员": "party_members",
    "第一书记": "first_secretaries", "驻村干部": "first_secretaries", "农户": "households", "贫困户": "poor_households",
    "帮扶单位": "helpers", "结对村": "villages",
}

# --- patterns built from the words above, used by more than one stage -------------------------------

PAIR_RE = re.compile("|".join(PAIR_WORDS))
TRIGGER_RE = re.compile("|".join(sorted(set(PAIRING_TRIGGERS + ASSISTANCE_TRIGGERS), key=len, reverse=True)))
VILLAGE_ROLE_NOUNS_RE = "|".join(VILLAGE_ROLE_NOUNS)
# Bare heads that stand for a unit named before (集团 for 某某集团), as a clause's subject or object.
BARE_UNIT_REFERENCES = ("集团公司", "集团", "公司", "企业", "机关", "中心", "医院", "商会", "协会", "学校",
                        # a bank's branch speaking of itself (分行也是某村的帮扶单位)
                        "分行", "支行",
                        # customs speaking of itself (海关投资援建…)
                        "海关",
                        # a charity called by its kind once its name is given (某慈善基金会 …，基金会捐赠…)
                        "基金会")
_REFERENCE_WORDS = sorted(set(SELF_REFERENCES) | {"该" + h for h in REFERENCE_HEADS}
                          | {"这家" + h for h in ("公司", "企业", "单位", "医院")} | set(BARE_UNIT_REFERENCES),
                          key=len, reverse=True)
UNIT_REFERENCE_RE = re.compile("|".join(_REFERENCE_WORDS))
