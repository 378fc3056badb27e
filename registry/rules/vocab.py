"""The fixed vocabularies of the register: the words clerks choose from."""

from __future__ import annotations

SEXES = ("男", "女")

ORG_TYPES = ("社会团体", "社会服务机构", "基金会", "社区社会组织")
ORG_TYPE_ALIASES = {
    "民办非企业单位": "社会服务机构",
    "民非": "社会服务机构",
    "社会服务机构(民办非企业单位)": "社会服务机构",
    "社会服务机构（民办非企业单位）": "社会服务机构",
    "社区社会组织(备案)": "社区社会组织",
    "社区社会组织（备案）": "社区社会组织",
}
ORG_STATUSES = ("正常", "注销", "撤销")
INSPECTION_RESULTS = ("合格", "基本合格", "不合格")
EVALUATION_GRADES = (1, 2, 3, 4, 5)  # 1A..5A
PROJECT_STATUSES = ("实施中", "已结项", "终止")

ROLE_STATUSES = ("在册", "注销")

SOCIAL_WORKER_LEVELS = ("助理社会工作师", "社会工作师", "高级社会工作师")
SOCIAL_WORKER_LEVEL_ALIASES = {
    "助理社工师": "助理社会工作师",
    "社工师": "社会工作师",
    "中级社会工作师": "社会工作师",
    "高级社工师": "高级社会工作师",
}

POLITICAL_STATUSES = (
    "中共党员", "中共预备党员", "共青团员", "民主党派", "无党派人士", "群众",
)
EDUCATION_LEVELS = (
    "小学", "初中", "高中", "中专", "大专", "本科", "硕士研究生", "博士研究生", "其他",
)

SERVICE_CATEGORIES = (
    "为老服务", "助残服务", "关爱留守人员", "流动人口融入", "失独家庭关爱",
    "青少年服务", "社区治理", "救助帮困",
)
SERVICE_TYPES = (
    "生活帮扶", "人文关怀", "精神慰藉", "关系调适", "权益维护", "潜能发展",
)

LIST_SEPARATOR = "、"


def split_list(text: str) -> list[str]:
    """"为老服务、助残服务" or "为老服务,助残服务" -> its parts."""
    for sep in ("，", ",", "；", ";", "/", " "):
        text = text.replace(sep, LIST_SEPARATOR)
    return [part for part in (p.strip() for p in text.split(LIST_SEPARATOR)) if part]
