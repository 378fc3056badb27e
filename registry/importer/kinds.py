"""What each importable kind of spreadsheet holds: its columns, the header texts clerks
use for them, and which are required. Pure data, shared by reading, checking and the
templates."""

from __future__ import annotations

from dataclasses import dataclass

from registry.rules.text import normalize_text
from registry.texts import mark


@dataclass(frozen=True)
class Column:
    field: str  # the key the row cleaner reads
    label: str  # the header the template writes
    aliases: tuple[str, ...] = ()  # other header texts meaning the same column
    required: bool = False
    note: str = ""  # explanation in the template's notes sheet
    choices: str = ""  # name of a dropdown list (see templates.CHOICES)
    text: bool = False  # the template formats the column as text ('@')
    in_template: bool = True


@dataclass(frozen=True)
class Kind:
    name: str  # volunteers / social-workers / organizations / hours / training
    label: str  # 志愿者 ...
    table: str  # the main table rows become
    columns: tuple[Column, ...]
    ignored: tuple[str, ...] = ()  # computed columns of the rosters: read, never imported

    def column(self, field: str) -> Column:
        return next(c for c in self.columns if c.field == field)


_HEADER_TABLE = str.maketrans({"*": "", "＊": "", " ": "", "\n": "", "\r": "", "\t": "",
                               "（": "(", "）": ")", "：": "", ":": ""})


def header_key(text: object) -> str:
    """A header as compared: no spaces, marks or "(必填)", half-width, lower case."""
    key = normalize_text(str(text)).translate(_HEADER_TABLE)
    for word in ("(必填)", "(选填)", "必填"):
        key = key.replace(word, "")
    return key.lower()


ID_ALIASES = ("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证", "身份证件号码", "证件号",
              "身份证件号", "公民身份证号码")
_ID_NOTE = ("按证件类型填写：居民身份证 18 位，最后一位可以是 X；港澳居民来往内地通行证 H 或 M 开头；"
            "台湾居民来往大陆通行证 8 位数字。请保持本列为文本格式，否则 Excel 会丢掉后几位。")

NAME = Column("name", "姓名", ("名字",), required=True, note="与身份证一致的姓名。")
ID_NUMBER = Column("id_number", "证件号码", ID_ALIASES, required=True, note=_ID_NOTE, text=True)
ID_TYPE = Column("id_type", "证件类型", ("证件种类", "证件名称", "身份证件类型"),
                 note="从下拉列表选择；不填即为居民身份证（号码看得出是居住证、永居证或港澳通行证的，按号码认定）。",
                 choices="id_type")
NATIONALITY = Column("nationality", "国籍", ("国家", "国家或地区", "国籍(地区)"),
                     note="持护照登记的须填写，如 德国。")
PHONE = Column("phone", "联系电话", ("手机", "手机号", "手机号码", "电话", "联系方式", "电话号码", "移动电话"),
               note="手机号 11 位；座机写区号，如 010-12345678。", text=True)
SEX = Column("sex", "性别", note="可不填：性别按身份证号计算，填了而与身份证号不一致时会提醒。",
             choices="sex")
BIRTH = Column("birth_date", "出生日期", ("出生年月", "出生年月日", "生日"),
               note="可不填：出生日期按身份证号计算，填了而不一致时会提醒。")
POLITICAL = Column("political_status", "政治面貌", note="从下拉列表选择。", choices="political")
EDUCATION = Column("education", "文化程度", ("学历", "最高学历"), note="从下拉列表选择。",
                   choices="education")
ETHNICITY = Column("ethnicity", "民族", note="如 汉族。")
ADDRESS = Column("address", "住址", ("家庭住址", "居住地址", "现住址", "联系地址"))
NOTES = Column("notes", "备注")
COMMUNITY = Column("community", "所在社区", ("社区", "所属社区", "居委会", "社区(居委会)", "社区名称"),
                   note="填写登记库中已有的社区名称或社区代码。", choices="community")
ROSTER_IGNORED = ("序号", "编号序号", "年龄")

_PERSON = (NAME, ID_TYPE, ID_NUMBER, SEX, BIRTH, PHONE, POLITICAL, EDUCATION, ETHNICITY, ADDRESS,
           NATIONALITY)

VOLUNTEERS = Kind("volunteers", mark("志愿者"), "volunteer", (
    *_PERSON, COMMUNITY,
    Column("volunteer_number", "志愿者编号", ("志愿者证号",), note="本街道的志愿者编号，不能与他人重复。",
           text=True),
    Column("national_number", "全国志愿服务信息系统编号", ("全国系统编号", "系统编号", "全国志愿者编号"),
           text=True),
    Column("registered_on", "注册日期", ("注册时间", "登记日期", "加入日期"),
           note="如 2024-05-12，也可写 2024.5.12、2024年5月12日。"),
    Column("skills_categories", "技能/服务类别", in_template=False),
    Column("skills", "技能特长", ("技能", "特长")),
    Column("service_categories", "服务类别", ("服务意向", "服务领域"),
           note="可填多个，用顿号分隔，如 为老服务、助残服务。", choices="category"),
    Column("consent_contact", "同意联系", note="填“是”或“否”。", choices="yesno"),
    Column("consent_publish", "同意公示", note="填“是”或“否”。", choices="yesno"),
    NOTES,
    # what the register's own roster (and a street's old spreadsheets) carry
    Column("status", "状态", ("登记状态", "注册状态"), in_template=False),
    Column("carried_total", "累计时长", ("累计服务时长", "累计志愿服务时长", "服务时长", "总时长"),
           in_template=False),
    Column("carried_year", "本年时长", ("本年服务时长", "本年度时长"), in_template=False),
), ignored=(*ROSTER_IGNORED, "星级"))

SOCIAL_WORKERS = Kind("social-workers", mark("持证社工"), "social_worker", (
    *_PERSON,
    Column("level", "证书等级", ("等级", "职业水平等级", "资格等级", "证书级别"), required=True,
           note="助理社会工作师、社会工作师或高级社会工作师。", choices="level"),
    Column("certificate_number", "证书编号", ("资格证书编号", "证书号", "职业水平证书编号"), required=True,
           text=True),
    Column("obtained_year", "取得年份", ("取得时间", "取证年份", "取证时间"), note="四位年份，如 2019。"),
    Column("registration_number", "登记证书编号", ("登记编号",), text=True),
    Column("registered_on", "登记日期", ("登记时间",)),
    Column("registered_until", "登记有效期至", ("有效期至", "登记有效期", "有效期"),
           note="不填时按登记日期加 3 年计算。"),
    Column("employer_name", "工作单位", ("单位", "所在单位", "就业单位", "工作单位名称"),
           note="登记库中已有的社会组织会自动关联。"),
    Column("post", "岗位", ("职务", "工作岗位")),
    COMMUNITY, NOTES,
    Column("status", "状态", ("登记状态",), in_template=False),  # or "已注销" in 备注, as the roster writes
), ignored=(*ROSTER_IGNORED, "本周期继续教育学时", "要求学时", "缺口学时", "继续教育学时", "到期日期"))

ORGANIZATIONS = Kind("organizations", mark("社会组织"), "organization", (
    Column("name", "组织名称", ("社会组织名称", "名称", "单位名称", "机构名称"), required=True),
    Column("uscc", "统一社会信用代码", ("信用代码", "社会信用代码", "统一代码"),
           note="18 位；社区社会组织（备案）可不填。", text=True),
    Column("org_type", "类型", ("组织类型", "社会组织类型", "类别", "登记类型"), required=True,
           note="社会团体、社会服务机构（民办非企业单位）、基金会或社区社会组织。", choices="org_type"),
    Column("charity_recognized_on", "慈善组织认定日期", ("认定慈善组织日期", "慈善组织认定时间", "认定为慈善组织日期",
                                                   "认定为慈善组织的日期", "慈善组织认定"),
           note="已认定为慈善组织的，填民政部门认定的日期，如 2021-03-05；不是慈善组织的不填"
                "（不填不会取消登记库中已有的认定）。"),
    Column("registration_authority", "登记管理机关", ("登记机关",)),
    Column("supervising_unit", "业务主管单位", ("主管单位",)),
    Column("legal_representative_name", "法定代表人", ("法人代表", "法定代表人姓名")),
    Column("founded_on", "成立日期", ("成立时间", "登记日期")),
    Column("address", "住所", ("地址", "办公地址", "住所地址")),
    Column("business_scope", "业务范围"),
    Column("service_fields", "服务领域", choices="category"),
    Column("registered_capital", "注册资金", ("注册资本", "开办资金", "注册资金(元)")),
    Column("community", "所属社区", ("所在社区", "社区"), choices="community"),
    Column("filed_on", "备案日期", ("备案时间",)),
    Column("responsible_person", "负责人"),
    Column("venue", "活动场所"),
    Column("member_count", "成员人数", ("会员人数", "人数")),
    Column("status", "状态", ("登记状态",), note="正常、注销或撤销；不填为正常。", choices="org_status"),
    NOTES,
), ignored=(*ROSTER_IGNORED, "年检结论", "评估等级", "等级有效期至"))

HOURS = Kind("hours", mark("志愿服务时长"), "service_record", (
    Column("name", "姓名", note="用于核对：与登记库不一致时会提醒。"),
    ID_TYPE,
    Column("id_number", "证件号码", ID_ALIASES, note="证件号码和志愿者编号至少填一个。" + _ID_NOTE,
           text=True),
    Column("volunteer_number", "志愿者编号", text=True),
    Column("service_date", "服务日期", ("日期", "服务时间", "活动日期"), required=True),
    Column("hours", "服务时长", ("时长", "时长(小时)", "服务时长(小时)", "小时数", "志愿服务时长"),
           required=True, note="小时数，如 2 或 1.5。"),
    Column("content", "服务内容", ("活动内容", "活动名称")),
    Column("service_category", "服务类别", choices="category"),
    Column("place", "服务地点", ("地点", "活动地点")),
    Column("served_group", "服务对象"),
    Column("organization", "组织单位", ("组织", "服务组织", "所属组织", "组织名称"),
           note="登记库中已有的社会组织名称。"),
    Column("community", "服务社区", ("所在社区", "社区"), note="不填时记入志愿者所在社区。",
           choices="community"),
), ignored=ROSTER_IGNORED)

TRAINING = Kind("training", mark("培训签到"), "attendance", (
    Column("title", "培训名称", ("培训班名称", "课程名称", "培训主题", "培训内容"), required=True),
    Column("starts_on", "培训日期", ("开始日期", "培训时间", "日期"), required=True),
    Column("ends_on", "结束日期"),
    Column("organizer", "主办单位", ("举办单位", "培训机构", "承办单位")),
    Column("training_hours", "培训学时", ("学时", "课时"), note="整个培训的学时。"),
    Column("hours_credited", "认定学时", ("获得学时", "取得学时", "实际学时"),
           note="不填时按培训学时计。"),
    Column("passed", "是否合格", ("考核结果", "合格"), note="填“是”或“否”（也可写合格、不合格）；不填为合格。",
           choices="passed"),
    Column("counts_as_ce", "计入继续教育", ("继续教育",), note="填“是”或“否”。", choices="yesno"),
    Column("category", "培训类别"),
    Column("place", "地点", ("培训地点",)),
    Column("name", "姓名", note="用于核对：与登记库不一致时会提醒。"),
    ID_TYPE,
    Column("id_number", "证件号码", ID_ALIASES, required=True, note=_ID_NOTE, text=True),
), ignored=(*ROSTER_IGNORED, "签名", "签到"))

KINDS: dict[str, Kind] = {k.name: k for k in (VOLUNTEERS, SOCIAL_WORKERS, ORGANIZATIONS, HOURS,
                                               TRAINING)}


def get_kind(name: str) -> Kind:
    from registry.rules.problems import RegistryError

    try:
        return KINDS[name]
    except KeyError:
        raise RegistryError(f"不认识的导入类别“{name}”，可选：{'、'.join(KINDS)}。") from None


def header_map(kind: Kind) -> dict[str, str]:
    """Header key → field; ignored columns map to ""."""
    out: dict[str, str] = {header_key(h): "" for h in kind.ignored}
    for column in kind.columns:
        for text in (column.label, *column.aliases):
            out[header_key(text)] = column.field
    return out
