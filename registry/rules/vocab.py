"""The fixed vocabularies of the register: the words clerks choose from."""

from __future__ import annotations

from registry.texts import mark

SEXES = (mark("男"), mark("女"))

ORG_TYPES = (mark("社会团体"), mark("社会服务机构"), mark("基金会"), mark("社区社会组织"))
ORG_TYPE_ALIASES = {
    "民办非企业单位": "社会服务机构",  # zh-data
    "民非": "社会服务机构",  # zh-data
    "社会服务机构(民办非企业单位)": "社会服务机构",  # zh-data
    "社会服务机构（民办非企业单位）": "社会服务机构",  # zh-data
    "社区社会组织(备案)": "社区社会组织",  # zh-data
    "社区社会组织（备案）": "社区社会组织",  # zh-data
}
ORG_STATUSES = (mark("正常"), mark("注销"), mark("撤销"))
INSPECTION_RESULTS = (mark("合格"), mark("基本合格"), mark("不合格"))
EVALUATION_GRADES = (1, 2, 3, 4, 5)  # 1A..5A
PROJECT_STATUSES = (mark("实施中"), mark("已结项"), mark("终止"))

ROLE_STATUSES = (mark("在册"), mark("注销"))

SOCIAL_WORKER_LEVELS = (mark("助理社会工作师"), mark("社会工作师"), mark("高级社会工作师"))
SOCIAL_WORKER_LEVEL_ALIASES = {
    "助理社工师": "助理社会工作师",  # zh-data
    "社工师": "社会工作师",  # zh-data
    "中级社会工作师": "社会工作师",  # zh-data
    "高级社工师": "高级社会工作师",  # zh-data
}

POLITICAL_STATUSES = (
    mark("中共党员"), mark("中共预备党员"), mark("共青团员"), mark("民主党派"), mark("无党派人士"), mark("群众"),
)
EDUCATION_LEVELS = (
    mark("小学"), mark("初中"), mark("高中"), mark("中专"), mark("大专"), mark("本科"), mark("硕士研究生"),
    mark("博士研究生"), mark("其他"),
)

SERVICE_CATEGORIES = (
    mark("为老服务"), mark("助残服务"), mark("关爱留守人员"), mark("流动人口融入"), mark("失独家庭关爱"),
    mark("青少年服务"), mark("社区治理"), mark("救助帮困"),
)
SERVICE_TYPES = (
    mark("生活帮扶"), mark("人文关怀"), mark("精神慰藉"), mark("关系调适"), mark("权益维护"), mark("潜能发展"),
)

LIST_SEPARATOR = "、"


def split_list(text: str) -> list[str]:
    """"为老服务、助残服务" or "为老服务,助残服务" -> its parts."""
    for sep in ("，", ",", "；", ";", "/", " "):
        text = text.replace(sep, LIST_SEPARATOR)
    return [part for part in (p.strip() for p in text.split(LIST_SEPARATOR)) if part]
