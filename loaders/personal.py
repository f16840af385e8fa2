"""Personal numbers of leaders — mobile and landline phones, ID-card numbers — are never stored.

Registers of leaders sometimes carry a 联系电话 or 身份证号 column. Names and roles are public (reports
print them), these numbers are not, and every read endpoint (including ``POST /cypher``, which can
return any property) serves what the graph holds. So revkg keeps them out of the graph altogether:
a column whose header names such data is not read, and a number of that shape anywhere else in a
cell or a report sentence is masked (``138****5678``) before it is written. There is no role that
could read them back, because there is nothing to read.
"""

from __future__ import annotations

import re

# Header words (compared after header_key: lower case, no spaces or marks) that mean personal numbers.
PERSONAL_HEADER_WORDS = (
    "电话",
    "手机",
    "联系方式",
    "身份证",
    "证件号",
    "phone",
    "mobile",
    "tel",
    "idcard",
    "idnumber",
    "idno",
    "identity",
)

_ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
_MOBILE_RE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?![0-9])")
_LANDLINE_RE = re.compile(r"(?<![0-9])(0\d{2,3})[- ]?\d{3,4}[- ]?(\d{4})(?![0-9])")


def is_personal_header(key: str) -> bool:
    """Whether a header (in ``header_key`` form) names a personal-number column.

    >>> [is_personal_header(h) for h in ("联系电话", "手机号码", "身份证号", "phone", "职务", "tel", "title")]
    [True, True, True, True, False, True, False]
    """
    return key == "tel" or any(word in key for word in PERSONAL_HEADER_WORDS if word != "tel")


def mask_personal(text: str) -> str:
    """Mask ID-card, mobile and landline numbers, keeping only enough to tell them apart.

    >>> mask_personal("联系人张三，电话13812345678，身份证310101199001011234")
    '联系人张三，电话138****5678，身份证310101********1234'
    >>> mask_personal("021-5912 3456"), mask_personal("村代码310151102216，金额120万元")
    ('021****3456', '村代码310151102216，金额120万元')
    """
    text = _ID_RE.sub(r"\1********\2", text)
    text = _MOBILE_RE.sub(r"\1****\2", text)
    return _LANDLINE_RE.sub(r"\1****\2", text)
