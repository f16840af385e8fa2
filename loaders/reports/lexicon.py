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

# --- characters -----------------------------------------------------------------------------------

# The CJK ranges (basic and extension A), as a regex character-class body.
CJK = "\u4e00-\u9fff\u3400-\u4dbf"
# Sentence ends: a sentence is cut after these (a newline ends one too).
SENTENCE_END_CHARS = "。！？!?"
# Characters that cannot be inside a name: punctuation and the commonest function words.
BOUNDARY_CHARS = frozenset("，,。、；;：:！!？?“”\"'‘’《》()（）[]【】 \t\n和与及同跟向对为在从到由把将被让给以之的了是等也都并或分别于")
# Digits a numbered village is written with (梅陇三村, 6村).
NUMERALS = "一二三四五六七八九十0123456789"

# Two-character verbs a name never starts after (帮助萍湖村, 深入水库村): the name begins after them.
LEFT_VERBS = frozenset({
    "帮助", "支持", "对接", "深入", "用于", "走访", "慰问", "前往", "来到", "资助", "帮扶", "结对", "推动", "协调",
    "联系", "邀请", "组织", "依托", "利用", "聚焦", "做实", "参加", "参与", "举办", "开展", "建设", "成立", "打造",
    "发挥", "带动", "位于", "地处", "探索", "推广", "复制", "指导", "加强", "完善", "发起", "包括", "其中", "引导",
    "制定", "建立", "组建", "列席", "落实", "实施", "率先", "全面",
})

# --- villages -------------------------------------------------------------------------------------

# Endings that make a village mention (besides 村, which GENERIC/NOT_AFTER below qualify).
VILLAGE_ENDINGS = ("社区", "居委会", "村委会", "村民委员会")
# What may follow 村 when the 村 does not end a village name (村民, 村级, 村庄, 村书记…).
NOT_VILLAGE_AFTER_CUN = ("民", "委会", "民委员会", "级", "庄", "里", "容", "貌", "集体", "务", "干部", "两委", "书记",
                         "组", "落", "镇", "口")
# A "village" made only of these characters and words is a generic phrase (结对村, 薄弱村, 三个村).
GENERIC_VILLAGE_CHARS = "各每全本该此两三四五六七八九十百千个多余"  # and any digit
GENERIC_VILLAGE_WORDS = ("结对", "帮扶", "薄弱", "贫困", "示范", "试点", "行政", "中心", "农", "乡", "邻", "进", "驻",
                         "下", "包", "联", "相关", "重点", "周边", "所在", "村村", "自然", "美丽", "文明", "先进",
                         "软弱涣散", "经济", "集体")
# The count words of a listed group of villages (A、B两个村).
VILLAGE_LIST_COUNTS = ("两", "二", "三", "四", "五", "六", "七", "八", "九", "十")

# --- units and party organizations ----------------------------------------------------------------

# Endings that make a unit name in running text. Tried in this order; a longer ending first.
ORG_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "街道", "局", "中心", "党校", "组织部", "宣传部",
    "统战部", "委员会", "银行", "医院", "学校", "大学", "学院", "中学", "小学", "研究院", "研究所", "合作社",
    "协会", "商会", "办公室", "管理处", "事务所", "基金会", "支行", "分行", "厂",
)
# Words that end like a unit but are not one (格局 ends in 局).
NOT_UNIT_ENDINGS = ("格局", "布局", "大局", "全局", "结局", "开局", "当局", "服务中心", "活动中心", "邻里中心",
                    "党建中心", "中心村", "工厂化")
# A character right after a party ending that shows it is another word (支部建设, 党委员, 党组织).
NOT_PARTY_AFTER = "织员建务"
# A character right after a unit ending that makes the ending the start of another word (局面, 中心村).
UNIT_ENDING_CONTINUES = "面势村组点站"
# Measure words: "3家公司" is a count, not a unit named 家公司.
COUNT_MEASURES = "家个名所支"
# Leading words that introduce a unit but are not part of its name, in the order they are tried.
ORG_LEAD_WORDS = (
    "今年", "去年", "明年", "目前", "同时", "其中", "其次", "此外", "另外", "如", "例如", "比如", "会上", "近年来",
    "截至目前", "结对单位", "帮扶单位", "共建单位", "挂钩单位", "单位", "结对的", "帮扶的", "由", "经", "通过", "组织",
    "协调", "推动", "邀请", "依托", "联合", "包括", "特别是",
)
# Names that are a kind of unit, not a unit (公司, 该公司, 党群服务中心).
GENERIC_ORG = frozenset({
    "公司", "集团", "街道", "中心", "党校", "委员会", "局", "该公司", "本公司", "企业", "单位", "结对单位",
    "社区党校", "党建服务中心", "邻里中心", "社区党建中心", "党群服务中心", "服务中心", "区委党校", "镇社区党校",
    "合作社", "专业合作社", "农民专业合作社", "理论学习中心",
})
# Verbs that start a "X与<place>" phrase and are not part of the unit X.
UNIT_LEADING_VERBS = ("推动", "促进")
# "X等企业": the nouns after 等 that say X is a unit.
UNIT_LIST_NOUNS = ("企业", "公司", "单位")

# --- persons --------------------------------------------------------------------------------------

# Role words a leader's name follows (第一书记王某). Tried in this order; a longer role first.
ROLES = (
    "第一书记", "党委副书记", "党委书记", "党总支书记", "党支部书记", "副书记", "书记", "副主任", "主任", "副部长",
    "部长", "副局长", "局长", "副镇长", "镇长", "副乡长", "乡长", "副区长", "区长", "副县长", "县长", "村长", "主席",
    "董事长", "总经理", "副总经理", "经理", "校长", "院长", "站长", "社长", "组长", "队长", "负责人",
)
# Roles of the people who wrote the article, not leaders (记者, 通讯员): kept as a byline.
NOT_LEADER_ROLES = ("记者", "责任编辑", "编辑", "作者", "通讯员", "摄影", "撰稿", "校对", "审核", "编审", "实习生")
# What may follow a name after its role (表示, 说, 同志…); punctuation and digits too.
AFTER_NAME_WORDS = ("表示", "说", "指出", "介绍", "认为", "强调", "同志", "带领", "告诉", "坦言", "感慨", "一行", "等",
                    "报道", "摄")
# The party words between an affiliation and a role (堡镇党委书记): the affiliation is still the place.
AFFILIATION_PARTY_WORDS = ("党委", "党支部", "党总支", "")
# Common surnames: a name after a role must start with one.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安"
    "齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛"
    "靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
# Characters a name (of a person or a unit) never starts with: function words and numerals.
NON_NAME_START = frozenset("们的在和与及是也都对为将把被从到向就还又这那其该各每全本一二三四五六七八九十")

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
SUBJECTLESS_CLAUSE_STARTS = ("公司", "集团", "该公司", "该集团", "同时", "此外", "另外", "还", "并", "通过", "特别是")

# --- amounts, projects and claims -------------------------------------------------------------------

# Units an amount is counted in, in the order they are matched (亿元 before 元, 人次 before 人).
AMOUNT_UNITS = (
    "亿元", "万元", "元", "公里", "千米", "平方米", "㎡", "m2", "立方米", "吨", "万斤", "斤", "公斤", "千克", "亩",
    "户", "人次", "人", "名", "台", "套", "所", "间", "处", "单", "株", "棵", "米",
)
# Words before a number that make it approximate or a total (约5万元, 共计3吨); 超过 before 超.
AMOUNT_QUALIFIERS = ("近", "约", "超过", "超", "逾", "共计", "合计", "共", "计")
# Yuan per unit of money.
MONEY_FACTOR = {"亿元": 1e8, "万元": 1e4, "元": 1.0}
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
