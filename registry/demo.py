"""Demonstration data: one realistic district (Beijing Chaoyang, 110105) written straight
into an empty register.

Built for size (a million volunteers, ten million ledger lines): rows are plain tuples
written with cursor.executemany in large transactions, and every summary (volunteer
totals and stars, yearly sums, continuing-education hours) is added up in Python while
the rows are made, so nothing has to scan the ledger afterwards. Explicit ids (the
register is empty) let rows refer to each other without reading anything back.
The same seed and `today` give the same data.
"""

from __future__ import annotations

import json
import math
import random
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice, repeat
from typing import Any, TypeVar

from registry import models, vocab
from registry.accounts import PermissionDenied, check_permission
from registry.db import database, is_sqlite
from registry.ops.base import NotAllowedError, RegistryError, audit
from registry.rules.deadlines import add_years, evaluation_expiry, registration_valid_until
from registry.rules.presets import cycle_bounds, get_ce_preset, get_star_preset
from registry.rules.uscc import make_org_code, make_uscc
from registry.search_keys import pinyin_initials, reversed_text, search_keys

Progress = Callable[[str, int, int], None]
Row = tuple[Any, ...]
_T = TypeVar("_T")

STAGE_GEOGRAPHY = "地区"
STAGE_PEOPLE = "人员"
STAGE_SEARCH_KEYS = "检索索引"
STAGE_VOLUNTEERS = "志愿者"
STAGE_ORGANIZATIONS = "社会组织"
STAGE_SOCIAL_WORKERS = "持证社工"
STAGE_TRAINING = "培训"
STAGE_ACTIVITIES = "活动"  # the first stage of the service-hours phase
STAGE_RECORDS = "服务记录"
STAGE_SUMMARIES = "时长汇总"

CHUNK_ROWS = 50_000
COMMIT_ROWS = 2_000_000  # keeps the WAL of a huge load bounded
DEFER_INDEXES_ROWS = 200_000
LOAD_CACHE_KIB = 1_048_576  # page cache while loading, so random index inserts stay in memory
ACTOR = "demo"
STAR_PRESET = "national"
CE_PRESET = "national"
HISTORY_DAYS = 3 * 365  # the ledger covers the last three years
PENDING_DAYS = 60  # recent lines may still wait for approval
PENDING_SHARE_RECENT = 0.55  # of recent lines: about 3 % of the ledger overall
ACTIVITY_SHARE = 0.6  # of lines that belong to an organized activity
MAX_LINES_PER_VOLUNTEER = 1_000

# --- fixed vocabularies of the district ------------------------------------------------

DISTRICT = ("110105", "朝阳区", 3_450_000)
# The first eight streets have hand-written communities; larger demos add more streets
# (the real district has 43 streets and area offices) with generated community names.
_STREETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("建外街道", ("永安里", "建华南", "光华里", "建国里", "秀水河", "大北窑", "蟠桃宫", "南郎家园")),
    ("朝外街道", ("吉祥里", "雅宝里", "芳草地", "工体东路", "三丰里", "朝阳门外", "神路街")),
    ("呼家楼街道", ("呼家楼北", "呼家楼南", "关东店", "金台里", "新街", "核桃园", "东大桥",
                  "京广中心", "金台")),
    ("三里屯街道", ("幸福一村", "幸福二村", "中纺里", "北三里屯", "白家庄", "东三里屯", "春秀路")),
    ("左家庄街道", ("左南里", "左北里", "顺源里", "曙光里", "三源里", "新源里", "左家庄中街",
                  "凤凰城", "静安里")),
    ("香河园街道", ("西坝河东里", "西坝河中里", "西坝河西里", "光熙门北里", "柳芳北里", "柳芳南里",
                  "北辰", "香河园北里")),
    ("和平街街道", ("和平家园", "樱花园", "砖角楼", "小黄庄", "胜古庄", "和平街北口", "煤炭科学院",
                  "化工", "民旺", "雍和家园")),
    ("安贞街道", ("安贞里", "安华里", "安华西里", "安外", "外馆斜街", "裕民路", "黄寺", "五路居",
                "涌溪", "华严北里", "安贞西里")),
)
_MORE_STREETS = (
    "亚运村街道", "小关街道", "酒仙桥街道", "麦子店街道", "团结湖街道", "六里屯街道", "八里庄街道",
    "双井街道", "劲松街道", "潘家园街道", "垡头街道", "首都机场街道", "大屯街道", "望京街道",
    "奥运村街道", "东湖街道", "南磨房地区", "高碑店地区", "将台地区", "太阳宫地区", "小红门地区",
    "十八里店地区", "平房地区", "东风地区", "来广营地区", "常营地区", "三间房地区", "管庄地区",
    "金盏地区", "孙河地区", "崔各庄地区", "东坝地区", "黑庄户地区", "豆各庄地区", "王四营地区",
)
_COMMUNITY_PARTS = ("东里", "西里", "南里", "北里", "中街", "一区", "二区", "三区", "家园", "花园",
                    "新村", "北路", "西路", "东路", "南街")
VOLUNTEERS_PER_EXTRA_STREET = 25_000

_SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 7.1), ("李", 7.0), ("张", 6.8), ("刘", 5.4), ("陈", 4.5), ("杨", 3.1), ("赵", 2.3),
    ("黄", 2.2), ("周", 2.1), ("吴", 2.0), ("徐", 1.7), ("孙", 1.5), ("胡", 1.3), ("朱", 1.3),
    ("高", 1.2), ("林", 1.2), ("何", 1.2), ("郭", 1.1), ("马", 1.1), ("罗", 0.9), ("梁", 0.8),
    ("宋", 0.8), ("郑", 0.7), ("谢", 0.7), ("韩", 0.7), ("唐", 0.6), ("冯", 0.6), ("于", 0.6),
    ("董", 0.6), ("萧", 0.5), ("程", 0.5), ("曹", 0.5), ("袁", 0.5), ("邓", 0.5), ("许", 0.5),
    ("傅", 0.5), ("沈", 0.4), ("曾", 0.4), ("彭", 0.4), ("吕", 0.4), ("苏", 0.4), ("卢", 0.4),
    ("蒋", 0.4), ("蔡", 0.4), ("贾", 0.4), ("丁", 0.4), ("魏", 0.4), ("薛", 0.3), ("叶", 0.3),
    ("阎", 0.3), ("余", 0.3), ("潘", 0.3), ("杜", 0.3), ("戴", 0.3), ("夏", 0.3), ("钟", 0.3),
    ("汪", 0.3), ("田", 0.3), ("任", 0.3), ("姜", 0.3), ("范", 0.3), ("方", 0.3), ("石", 0.3),
    ("姚", 0.3), ("谭", 0.3), ("廖", 0.2), ("邹", 0.2), ("熊", 0.2), ("金", 0.2), ("陆", 0.2),
    ("郝", 0.2), ("孔", 0.2), ("白", 0.2), ("崔", 0.2), ("康", 0.2), ("毛", 0.2), ("邱", 0.2),
    ("秦", 0.2), ("江", 0.2), ("史", 0.2), ("顾", 0.2), ("侯", 0.2), ("邵", 0.2), ("孟", 0.2),
    ("龙", 0.2), ("万", 0.2), ("段", 0.2), ("雷", 0.2), ("钱", 0.2), ("汤", 0.2), ("尹", 0.2),
    ("易", 0.2), ("常", 0.2), ("武", 0.2), ("乔", 0.2), ("贺", 0.2), ("龚", 0.2), ("文", 0.2),
    ("欧阳", 0.05), ("司马", 0.02), ("诸葛", 0.02), ("上官", 0.02), ("东方", 0.01),
)
_MALE_CHARS = ("伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林建国志文海东峰亮成博晨"
               "阳子轩然航睿泽一鸣天佑思远德福庆永生春荣振兴立新卫民光松柏山")
_FEMALE_CHARS = ("芳娜敏静丽艳娟霞燕玲桂英秀兰红梅琳婷雪慧颖倩洁晶欣怡佳琪雨萱梦瑶诗涵悦彤婧淑"
                 "珍凤华云萍丹蕾莉月玉荣美娇琴素春冬")

# (code, weight): mostly this district, other Beijing districts (some codes since
# abolished, which real cards still carry), and people who came from other provinces.
_REGIONS: tuple[tuple[str, float], ...] = (
    ("110105", 55), ("110101", 3), ("110102", 3), ("110103", 1), ("110104", 1), ("110106", 3),
    ("110107", 1), ("110108", 4), ("110111", 1), ("110112", 2), ("110113", 1), ("110114", 2),
    ("110115", 1), ("110228", 1), ("110229", 1), ("130102", 2), ("120101", 1), ("370102", 2),
    ("410105", 2), ("230103", 1), ("420106", 1), ("510104", 1), ("320106", 1), ("340104", 1),
    ("140105", 1), ("150102", 1), ("210102", 1), ("220102", 1), ("610103", 1), ("440305", 1),
)
# (first year, last year, weight): many retirees, fewer of working age, many students.
_BIRTH_SPANS = ((1945, 1965, 0.45), (1966, 1985, 0.25), (1986, 2006, 0.30))
_WORKER_BIRTH_SPANS = ((1965, 1979, 0.3), (1980, 2000, 0.7))
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
                    "152", "153", "155", "156", "157", "158", "159", "166", "176", "177", "180",
                    "181", "182", "183", "185", "186", "187", "188", "189", "198", "199")

_ETHNICITIES = (("汉族", 95.0), ("满族", 2.0), ("回族", 2.0), ("蒙古族", 0.5), ("朝鲜族", 0.3),
                ("土家族", 0.2))
_POLITICAL = (("群众", 58.0), ("中共党员", 26.0), ("共青团员", 13.0), ("中共预备党员", 1.0),
              ("民主党派", 1.0), ("无党派人士", 1.0))
_EDUCATION = (("小学", 3.0), ("初中", 12.0), ("高中", 18.0), ("中专", 8.0), ("大专", 20.0),
              ("本科", 30.0), ("硕士研究生", 7.0), ("博士研究生", 1.0), ("其他", 1.0))
_SKILLS = ("医疗护理", "心理咨询", "法律咨询", "文艺演出", "教育辅导", "电脑维修", "理发",
           "摄影摄像", "驾驶", "外语翻译", "手语", "书法绘画", "烹饪", "家电维修", "应急救护")

# service category -> (served groups, contents)
_SERVICE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "为老服务": (("独居老人", "高龄老人", "失能老人"),
             ("上门探访独居老人", "陪同老人就医", "助餐送餐", "重阳节敬老活动", "智能手机使用教学")),
    "助残服务": (("残疾人", "残疾人家庭"), ("协助康复训练", "助残日文体活动", "无障碍出行陪伴")),
    "关爱留守人员": (("留守老人", "留守儿童"), ("电话问候", "课业辅导", "节日探望")),
    "流动人口融入": (("流动人口", "新市民"), ("政策宣讲", "邻里融入活动", "子女入学咨询")),
    "失独家庭关爱": (("失独家庭",), ("节日陪伴", "心理疏导", "生日关怀")),
    "青少年服务": (("青少年", "困境儿童"), ("四点半课堂", "暑期夏令营", "安全教育")),
    "社区治理": (("社区居民",), ("垃圾分类指导", "治安巡逻", "文明引导", "楼门院环境整治")),
    "救助帮困": (("低保家庭", "困难群众"), ("物资发放", "政策咨询", "冬季送温暖")),
}
_FREE_PLACES = ("社区活动室", "居民家中", "社区服务站", "小区内", "社区养老驿站")
_HOURS_CENTS = ((50, 5), (100, 12), (150, 12), (200, 25), (250, 12), (300, 16), (350, 6),
                (400, 10), (500, 1), (600, 1))

_REGISTERED_TYPES = (("社会服务机构", "2", 30.0), ("社会团体", "1", 18.0), ("基金会", "3", 7.0))
_COMMUNITY_ORG = "社区社会组织"
_COMMUNITY_ORG_SHARE = 0.45
_AUTHORITY = "北京市朝阳区民政局"
_SUPERVISORS = ("北京市朝阳区民政局", "北京市朝阳区教育委员会", "北京市朝阳区卫生健康委员会",
                "北京市朝阳区残疾人联合会", "北京市朝阳区文化和旅游局", "北京市朝阳区体育局", "")
_SERVICE_ORG_WORDS = ("社会工作事务所", "社会工作服务中心", "养老服务中心", "康复服务中心",
                      "青少年服务中心", "家庭服务中心", "公益服务中心")
_ASSOCIATION_WORDS = ("志愿服务协会", "老年体育协会", "书法家协会", "摄影协会", "慈善协会",
                      "物业管理协会", "家政服务协会", "社会工作者协会")
_FOUNDATION_WORDS = ("公益基金会", "慈善基金会", "助学基金会", "关爱基金会")
_COMMUNITY_ORG_WORDS = ("夕阳红合唱队", "志愿服务队", "邻里互助会", "书画社", "平安巡逻队",
                        "健身队", "读书会", "老年协会", "妇女之家", "文艺队", "环保小组")
_SW_LEVELS = (("助理社会工作师", 74.0), ("社会工作师", 24.0), ("高级社会工作师", 2.0))
_SW_POSTS = (("一线社工", 60.0), ("项目主管", 20.0), ("督导", 10.0), ("机构负责人", 5.0),
             ("社区工作者", 5.0))
SOCIAL_WORKERS_PER_THOUSAND = 1.2
_TRAINING_TOPICS = ("社会工作伦理与价值观", "老年社会工作实务", "个案管理", "小组工作技巧",
                    "社区社会工作", "社会工作督导", "儿童与青少年社会工作", "社会救助政策解读",
                    "心理危机干预", "项目管理与评估", "残障社会工作", "社会工作法规政策",
                    "志愿者管理", "家庭社会工作", "医务社会工作")
_TRAINING_ORGANIZERS = ("北京市朝阳区民政局", "北京市朝阳区社会工作者协会", "北京市社会工作者协会")
_BUYERS = ("北京市朝阳区民政局", "北京市朝阳区残疾人联合会", "北京市朝阳区妇女联合会")


class DemoError(RegistryError):
    """The demonstration data cannot be written (for example, the register is not empty)."""


# --- small helpers ---------------------------------------------------------------------


def _table(pairs: Sequence[tuple[_T, float]], size: int = 1000) -> tuple[_T, ...]:
    """A lookup table where each value fills a share of slots matching its weight, so a
    weighted pick in a hot loop is one index: table[int(random() * len(table))]."""
    total = sum(w for _, w in pairs)
    out: list[_T] = []
    for value, weight in pairs:
        out.extend(repeat(value, max(1, round(size * weight / total))))
    return tuple(out)


def _hours_text(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


@dataclass
class _Geo:
    street_names: list[str] = field(default_factory=list)
    street_pop: list[int] = field(default_factory=list)
    comm_names: list[str] = field(default_factory=list)  # index i is community id i + 1
    comm_street: list[int] = field(default_factory=list)  # street index
    comm_pop: list[int] = field(default_factory=list)


@dataclass
class _Org:
    id: int
    name: str
    type: str
    community: int  # index
    active: bool
    contact: str


class _Loader:
    """Writes tuples in chunks; one transaction per COMMIT_ROWS rows."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.counts: dict[str, int] = {}

    def report(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)

    def insert(self, model: type[models.BaseModel], columns: Sequence[str], rows: Iterable[Row],
               *, stage: str, total: int) -> int:
        table = model._meta.table_name
        with _indexes_deferred(table, total):
            done = self._insert(table, columns, rows, stage, total)
        self.counts[table] = self.counts.get(table, 0) + done
        return done

    def _insert(self, table: str, columns: Sequence[str], rows: Iterable[Row], stage: str,
                total: int) -> int:
        param = database.param
        names = ", ".join(f'"{c}"' for c in columns)
        sql = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join(param for _ in columns)})'
        done = 0
        since_commit = 0
        self.report(stage, 0, total)
        cursor = database.cursor()
        with database.atomic() as txn:
            for chunk in _chunks(rows, CHUNK_ROWS):
                cursor.executemany(sql, chunk)
                done += len(chunk)
                since_commit += len(chunk)
                if since_commit >= COMMIT_ROWS:
                    txn.commit()
                    since_commit = 0
                self.report(stage, done, max(total, done))
        return done


@contextmanager
def _indexes_deferred(table: str, rows: int) -> Iterator[None]:
    """On SQLite, a big load goes faster without the table's secondary indexes (random
    inserts into each; measured for 7.4M search keys: 21 s with the person_id index, 8 s
    without plus 3 s to rebuild it). They are rebuilt by sorting, from their original SQL,
    so the schema ends exactly as create_tables made it."""
    if not is_sqlite() or rows < DEFER_INDEXES_ROWS:
        yield
        return
    indexes = database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL ORDER BY name", (table,)).fetchall()
    for name, _ in indexes:
        database.execute_sql(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        for _, sql in indexes:
            database.execute_sql(sql)


@contextmanager
def _fast_load() -> Iterator[None]:
    """On SQLite: no fsync and no foreign-key lookups while loading rows that are made
    consistent by construction, and a large page cache; everything restored after."""
    if not is_sqlite():
        yield
        return
    names = ("synchronous", "foreign_keys", "cache_size")
    saved = {name: database.execute_sql(f"PRAGMA {name}").fetchone()[0] for name in names}
    database.execute_sql("PRAGMA synchronous = OFF")
    database.execute_sql("PRAGMA foreign_keys = OFF")
    database.execute_sql(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
    try:
        yield
    finally:
        for name in names:
            database.execute_sql(f"PRAGMA {name} = {int(saved[name])}")


def _ensure_empty() -> None:
    people = models.Person.select().count()
    if people:
        raise DemoError(f"登记库里已有 {people} 名人员，演示数据只能填入空的登记库。"
                        "请新建一个登记库后再生成演示数据。")
    for model in models.ALL_MODELS:
        if model in (models.Meta, models.Setting, models.RulePreset, models.AuditEntry,
                     models.Account):
            continue
        if model.select().limit(1).exists():
            raise DemoError("登记库里已有登记数据，演示数据只能填入空的登记库。"
                            "请新建一个登记库后再生成演示数据。")


# --- the generator ---------------------------------------------------------------------


class _Demo:
    def __init__(self, *, volunteers: int, records: int, seed: int, today: date,
                 loader: _Loader) -> None:
        self.n_volunteers = volunteers
        self.n_records = records
        self.rng = random.Random(seed)
        self.today = today
        self.load = loader
        self.geo = _Geo()
        self.names: list[str] = []  # index i is person id i + 1
        self.person_comm: list[int] = []  # community index of each person
        self.vol_comm: list[int] = []
        self.vol_reg: list[int] = []  # registration date, as an ordinal
        self.vol_team: list[int | None] = []
        self.orgs: list[_Org] = []
        self.comm_orgs: list[list[_Org]] = []
        self.sw_people: list[int] = []
        self.n_sw_only = 0
        self.street_clerks: list[tuple[str, str]] = []

    def pick(self, table: Sequence[_T]) -> _T:
        return table[int(self.rng.random() * len(table))]

    def day(self, start: date, end: date) -> date:
        return start + timedelta(days=int(self.rng.random() * ((end - start).days + 1)))

    # geography --------------------------------------------------------------------------

    def geography(self) -> None:
        rng = self.rng
        wanted = max(len(_STREETS), math.ceil(self.n_volunteers / VOLUNTEERS_PER_EXTRA_STREET))
        streets = list(_STREETS)
        for name in _MORE_STREETS[: max(0, wanted - len(_STREETS))]:
            stem = name[:-2]
            parts = rng.sample(_COMMUNITY_PARTS, rng.randint(6, 12))
            streets.append((name, tuple(stem + part for part in parts)))
        code, district_name, district_pop = DISTRICT
        street_rows: list[Row] = []
        comm_rows: list[Row] = []
        for s, (street, communities) in enumerate(streets, start=1):
            pops = [rng.randrange(3000, 15001, 10) for _ in communities]
            self.geo.street_names.append(street)
            self.geo.street_pop.append(sum(pops))
            street_rows.append((s, 1, f"{code}{s:03d}", street, sum(pops)))
            for c, (short, pop) in enumerate(zip(communities, pops, strict=True), start=1):
                comm_rows.append((len(comm_rows) + 1, s, f"{code}{s:03d}{c:03d}", short + "社区",
                                  pop))
                self.geo.comm_names.append(short + "社区")
                self.geo.comm_street.append(s - 1)
                self.geo.comm_pop.append(pop)
        stage = STAGE_GEOGRAPHY
        self.load.insert(models.District, ("id", "code", "name", "population"),
                         [(1, code, district_name, district_pop)], stage=stage, total=1)
        self.load.insert(models.Street, ("id", "district_id", "code", "name", "population"),
                         street_rows, stage=stage, total=len(street_rows))
        self.load.insert(models.Community, ("id", "street_id", "code", "name", "population"),
                         comm_rows, stage=stage, total=len(comm_rows))

    def n_social_workers(self) -> list[int]:
        """Per street: about 1.2 per 1,000 residents, scaled down for small demos."""
        ideal = [round(p * SOCIAL_WORKERS_PER_THOUSAND / 1000) for p in self.geo.street_pop]
        cap = max(10, self.n_volunteers // 3)
        total = sum(ideal)
        if total <= cap:
            return ideal
        return [max(1, p * cap // total) for p in ideal]

    # people -----------------------------------------------------------------------------

    def name_pool(self, chars: str, size: int) -> list[tuple[str, str, tuple[str, ...]]]:
        """Distinct names drawn with real surname frequencies. People pick from a pool,
        as namesakes are common; it also keeps pinyin work to one call per name."""
        rng = self.rng
        surnames = _table(_SURNAMES, 5000)
        seen: dict[str, None] = {}
        for _ in range(size * 2):
            given = self.pick(chars) if rng.random() < 0.25 else self.pick(chars) + self.pick(chars)
            seen[self.pick(surnames) + given] = None
            if len(seen) >= size:
                break
        pool = []
        for name in seen:
            initials = pinyin_initials(name)
            pool.append((name, initials, tuple(search_keys(name, initials))))
        return pool

    def people(self, n_extra: int) -> dict[str, list[int]]:
        """Write every person (volunteers first, then social workers who are not volunteers);
        returns the search-key buckets: key -> person ids, ascending."""
        rng = self.rng
        rnd = rng.random
        total = self.n_volunteers + n_extra
        pool_size = min(75_000, max(500, total // 8))
        pools = (self.name_pool(_MALE_CHARS, pool_size), self.name_pool(_FEMALE_CHARS, pool_size))
        entry_people: list[list[int]] = [[] for _ in range(len(pools[0]) + len(pools[1]))]
        offset = (0, len(pools[0]))

        regions = _table(_REGIONS)
        region_sums = {r: sum(int(d) * w for d, w in zip(r, _ID_WEIGHTS[:6], strict=True))
                       for r, _ in _REGIONS}
        seq_sums = [sum(int(d) * w for d, w in zip(f"{s:03d}", _ID_WEIGHTS[14:], strict=True))
                    for s in range(1000)]
        seq_text = [f"{s:03d}" for s in range(1000)]
        dates: dict[int, tuple[str, str, int]] = {}
        ethnicities = _table(_ETHNICITIES)
        political = _table(_POLITICAL)
        education = _table(_EDUCATION)
        comm_table = _table([(c, float(p)) for c, p in enumerate(self.geo.comm_pop)], 20_000)
        comm_addr = [f"北京市朝阳区{n.removesuffix('社区')}小区" for n in self.geo.comm_names]
        used_ids: set[str] = set()
        used_phones: set[str] = set()
        today = self.today.toordinal()
        reg_start = date(2012, 1, 1).toordinal()
        spans = [(date(a, 1, 1).toordinal(), date(b, 12, 31).toordinal(), w)
                 for a, b, w in _BIRTH_SPANS]
        worker_spans = [(date(a, 1, 1).toordinal(), date(b, 12, 31).toordinal(), w)
                        for a, b, w in _WORKER_BIRTH_SPANS]
        day_text: dict[int, str] = {}

        def birth(which: list[tuple[int, int, float]]) -> int:
            r = rnd()
            for first, last, w in which:
                if r < w:
                    return first + int(rnd() * (last - first + 1))
                r -= w
            first, last, _ = which[-1]
            return first + int(rnd() * (last - first + 1))

        def rows() -> Iterator[Row]:
            for i in range(total):
                pid = i + 1
                volunteer = i < self.n_volunteers
                female = rnd() < (0.57 if volunteer else 0.75)
                pool = pools[female]
                e = int(rnd() * len(pool))
                name, initials, _ = pool[e]
                entry_people[offset[female] + e].append(pid)
                born = birth(spans if volunteer else worker_spans)
                if born not in dates:
                    d = date.fromordinal(born)
                    ymd = d.strftime("%Y%m%d")
                    dates[born] = (ymd, d.isoformat(),
                                   sum(int(c) * w for c, w in zip(ymd, _ID_WEIGHTS[6:14],
                                                                  strict=True)))
                ymd, born_text, date_sum = dates[born]
                region = regions[int(rnd() * len(regions))]
                while True:
                    seq = int(rnd() * 500) * 2 + (0 if female else 1)
                    body = region + ymd + seq_text[seq]
                    if body not in used_ids:
                        break
                used_ids.add(body)
                id_number = body + _ID_CHECK[(region_sums[region] + date_sum + seq_sums[seq]) % 11]
                phone: str | None = None
                if rnd() < 0.97:
                    while True:
                        phone = f"{_MOBILE_PREFIXES[int(rnd() * 32)]}{int(rnd() * 1e8):08d}"
                        if phone not in used_phones:
                            break
                    used_phones.add(phone)
                comm = comm_table[int(rnd() * len(comm_table))]
                # registered at least 16 years after birth, and not in the future
                reg = max(reg_start + int(rnd() * (today - reg_start)), born + 5845)
                if reg >= today:
                    reg = today - 1 - int(rnd() * 30)
                if reg not in day_text:
                    day_text[reg] = date.fromordinal(reg).isoformat() + " 09:30:00"
                created = day_text[reg]
                if volunteer:
                    self.vol_comm.append(comm)
                    self.vol_reg.append(reg)
                self.names.append(name)
                self.person_comm.append(comm)
                address = (f"{comm_addr[comm]}{int(rnd() * 30) + 1}号楼{int(rnd() * 6) + 1}单元"
                           f"{int(rnd() * 18) + 1}{int(rnd() * 4) + 1:02d}")
                yield (pid, id_number, reversed_text(id_number), name, initials, "女" if female else "男",
                       born_text, region, phone, reversed_text(phone), address,
                       ethnicities[int(rnd() * len(ethnicities))],
                       political[int(rnd() * len(political))],
                       education[int(rnd() * len(education))], "", True, "", created, created)

        columns = ("id", "id_number", "id_number_rev", "name", "initials", "sex", "birth_date",
                   "region_code", "phone", "phone_rev", "address", "ethnicity",
                   "political_status", "education", "notes", "active", "deactivated_reason",
                   "created_at", "updated_at")
        self.load.insert(models.Person, columns, rows(), stage=STAGE_PEOPLE, total=total)
        buckets: dict[str, list[int]] = {}
        entries = pools[0] + pools[1]
        for (_, _, keys), pids in zip(entries, entry_people, strict=True):
            if pids:
                for key in keys:
                    bucket = buckets.get(key)
                    if bucket is None:
                        buckets[key] = list(pids)
                    else:
                        bucket.extend(pids)
        return buckets

    def search_index(self, buckets: dict[str, list[int]]) -> None:
        # Key order, then person order: the primary key's order, so every insert appends.
        total = sum(len(b) for b in buckets.values())

        def rows() -> Iterator[Row]:
            for key in sorted(buckets):
                pids = buckets[key]
                pids.sort()
                yield from zip(repeat(key, len(pids)), pids, strict=True)

        self.load.insert(models.SearchKey, ("key", "person_id"), rows(), stage=STAGE_SEARCH_KEYS,
                         total=total)

    def volunteers(self) -> None:
        rng = self.rng
        rnd = rng.random
        combos = [vocab.LIST_SEPARATOR.join(rng.sample(vocab.SERVICE_CATEGORIES, k))
                  for k in (1, 1, 2, 2, 3) for _ in range(40)]
        skills = [""] * 60 + [vocab.LIST_SEPARATOR.join(rng.sample(_SKILLS, k))
                              for k in (1, 1, 2) for _ in range(15)]
        day_text: dict[int, str] = {}

        def rows() -> Iterator[Row]:
            for i in range(self.n_volunteers):
                vid = i + 1
                reg = self.vol_reg[i]
                if reg not in day_text:
                    day_text[reg] = date.fromordinal(reg).isoformat()
                active = rnd() >= 0.03
                yield (vid, vid, f"110105{vid:08d}",
                       f"11{rng.getrandbits(32):010d}" if rnd() < 0.7 else None, day_text[reg],
                       self.vol_comm[i] + 1, skills[int(rnd() * len(skills))],
                       combos[int(rnd() * len(combos))], rnd() < 0.9, rnd() < 0.6,
                       "在册" if active else "注销", "" if active else "本人申请注销", "0", 0,
                       STAR_PRESET)

        columns = ("id", "person_id", "volunteer_number", "national_number", "registered_on",
                   "community_id", "skills", "service_categories", "consent_contact",
                   "consent_publish", "status", "status_reason", "total_hours", "star_level",
                   "star_preset")
        self.load.insert(models.Volunteer, columns, rows(), stage=STAGE_VOLUNTEERS,
                         total=self.n_volunteers)

    # organizations ----------------------------------------------------------------------

    def organizations(self) -> None:
        rng = self.rng
        rnd = rng.random
        geo = self.geo
        today = self.today
        n_people = len(self.names)
        types = _table([(t, w) for t, _, w in _REGISTERED_TYPES])
        type_digit = {t: d for t, d, _ in _REGISTERED_TYPES}
        serial = rng.randrange(100_000, 800_000)
        used_names: set[str] = set()
        org_rows: list[Row] = []
        inspections: list[Row] = []
        grades: list[Row] = []
        projects: list[Row] = []
        self.comm_orgs = [[] for _ in geo.comm_names]
        self.street_clerks = [(self.random_name(), self.random_name()) for _ in geo.street_names]

        for c, comm in enumerate(geo.comm_names):
            street = geo.street_names[geo.comm_street[c]]
            short = comm.removesuffix("社区")
            for _ in range(rng.choice((2, 3, 3, 3, 4))):
                oid = len(org_rows) + 1
                filed = rnd() < _COMMUNITY_ORG_SHARE
                org_type = _COMMUNITY_ORG if filed else self.pick(types)
                name = self.org_name(org_type, street, short, used_names)
                founded = self.day(date(2000, 1, 1), today - timedelta(days=400))
                rep = int(rnd() * n_people) + 1 if n_people else None
                contact = int(rnd() * n_people) + 1 if n_people else None
                rep_name = self.names[rep - 1] if rep else ""
                contact_name = self.names[contact - 1] if contact else self.random_name()
                status, changed, reason = "正常", None, ""
                r = rnd()
                if r < 0.05:
                    status, reason = "注销", "自行解散，已完成清算"
                elif r < 0.06:
                    status, reason = "撤销", "连续两年未参加年度检查"
                if status != "正常":
                    changed = self.day(max(founded + timedelta(days=365), today - timedelta(
                        days=5 * 365)), today - timedelta(days=30))
                fields = vocab.LIST_SEPARATOR.join(rng.sample(vocab.SERVICE_CATEGORIES,
                                                              rng.randint(1, 3)))
                created = f"{founded.isoformat()} 10:00:00"
                address = f"北京市朝阳区{short}{rng.randint(1, 40)}号"
                if filed:
                    org_rows.append((
                        oid, name, None, org_type, f"北京市朝阳区人民政府{street}办事处",
                        f"{comm}居民委员会", None, "", contact, founded, address,
                        "开展社区服务和居民文体活动",
                        fields, None, geo.comm_street[c] + 1, c + 1, status, changed, reason,
                        founded, rep_name or contact_name, f"{comm}活动室", rng.randint(10, 80), "",
                        created, created))
                else:
                    serial += rng.randint(1, 50)
                    body = "5" + type_digit[org_type] + DISTRICT[0] + make_org_code(f"MJ{serial:06d}")
                    capital = {"社会团体": rng.randint(3, 10) * 10_000,
                               "社会服务机构": rng.randint(3, 50) * 10_000,
                               "基金会": rng.randint(200, 800) * 10_000}[org_type]
                    org_rows.append((
                        oid, name, make_uscc(body), org_type, _AUTHORITY, self.pick(_SUPERVISORS),
                        rep, rep_name, contact, founded.isoformat(), address,
                        f"开展{fields}等公益服务", fields, f"{capital}.00",
                        geo.comm_street[c] + 1, c + 1, status, changed, reason, None, "", "",
                        None, "", created, created))
                    self.registered_extras(oid, org_type, founded, changed, street, short,
                                           inspections, grades, projects)
                org = _Org(oid, name, org_type, c, status == "正常", contact_name)
                self.orgs.append(org)
                if org.active:
                    self.comm_orgs[c].append(org)

        stage = STAGE_ORGANIZATIONS
        columns = ("id", "name", "uscc", "org_type", "registration_authority", "supervising_unit",
                   "legal_representative_id", "legal_representative_name", "contact_id",
                   "founded_on", "address", "business_scope", "service_fields",
                   "registered_capital", "street_id", "community_id", "status",
                   "status_changed_on", "status_reason", "filed_on", "responsible_person", "venue",
                   "member_count", "notes", "created_at", "updated_at")
        self.load.insert(models.Organization, columns, self.dates(org_rows), stage=stage,
                         total=len(org_rows))
        self.load.insert(models.AnnualInspection,
                         ("id", "organization_id", "year", "result", "reported_on"),
                         inspections, stage=stage, total=len(inspections))
        self.load.insert(models.EvaluationGrade,
                         ("id", "organization_id", "grade", "awarded_on", "expires_on"),
                         grades, stage=stage, total=len(grades))
        self.load.insert(models.ServiceProject,
                         ("id", "organization_id", "name", "buyer", "amount", "starts_on",
                          "ends_on", "status"), projects, stage=stage, total=len(projects))

    @staticmethod
    def dates(rows: list[Row]) -> Iterator[Row]:
        for row in rows:
            yield tuple(v.isoformat() if isinstance(v, date) else v for v in row)

    def random_name(self) -> str:
        return self.pick(self.names) if self.names else "王建国"

    def org_name(self, org_type: str, street: str, short: str, used: set[str]) -> str:
        stem = street.removesuffix("街道").removesuffix("地区")
        for attempt in range(20):
            if org_type == _COMMUNITY_ORG:
                name = f"{short}社区{self.pick(_COMMUNITY_ORG_WORDS)}"
            elif org_type == "社会服务机构":
                name = f"北京市朝阳区{self.pick((stem, short))}{self.pick(_SERVICE_ORG_WORDS)}"
            elif org_type == "社会团体":
                name = f"北京市朝阳区{self.pick((stem, short))}{self.pick(_ASSOCIATION_WORDS)}"
            else:
                name = f"北京{short}{self.pick(_FOUNDATION_WORDS)}"
            if attempt > 10:
                name = f"{name[:-2]}第{attempt}{name[-2:]}"
            if name not in used:
                used.add(name)
                return name
        raise AssertionError("unreachable: numbered names are distinct")

    def registered_extras(self, oid: int, org_type: str, founded: date, changed: date | None,
                          street: str, short: str, inspections: list[Row], grades: list[Row],
                          projects: list[Row]) -> None:
        rng = self.rng
        year = self.today.year
        results = _table((("合格", 85.0), ("基本合格", 10.0), ("不合格", 5.0)))
        for y in range(max(founded.year + 1, year - 3), year):
            if changed and y >= changed.year:
                break
            reported = date(y + 1, 3, 1) + timedelta(days=rng.randrange(80))
            if reported < self.today:
                inspections.append((len(inspections) + 1, oid, y, self.pick(results),
                                    reported.isoformat()))
        if rng.random() < 0.35:
            awarded = self.day(max(founded, self.today - timedelta(days=7 * 365)),
                               self.today - timedelta(days=30))
            grade = self.pick((1, 2, 3, 3, 3, 4, 4, 5))
            grades.append((len(grades) + 1, oid, grade, awarded.isoformat(),
                           evaluation_expiry(awarded).isoformat()))
        if org_type != "基金会" and rng.random() < (0.5 if org_type == "社会服务机构" else 0.15):
            for _ in range(rng.randint(1, 3)):
                starts = self.day(self.today - timedelta(days=4 * 365), self.today)
                ends = add_years(starts, 1) - timedelta(days=1)
                status = "实施中" if ends >= self.today else "已结项"
                if rng.random() < 0.03:
                    status = "终止"
                category = self.pick(vocab.SERVICE_CATEGORIES)
                buyer = self.pick((*_BUYERS, f"北京市朝阳区人民政府{street}办事处"))
                projects.append((len(projects) + 1, oid, f"{starts.year}年{short}{category}项目",
                                 buyer, f"{rng.randint(5, 80) * 10_000}.00", starts.isoformat(),
                                 ends.isoformat(), status))

    def memberships(self) -> None:
        rnd = self.rng.random
        self.vol_team = [None] * self.n_volunteers

        def rows() -> Iterator[Row]:
            for i, comm in enumerate(self.vol_comm):
                orgs = self.comm_orgs[comm]
                if orgs and rnd() < 0.4:
                    org = orgs[int(rnd() * len(orgs))].id
                    self.vol_team[i] = org
                    yield (i + 1, org)

        self.load.insert(models.VolunteerOrganization, ("volunteer_id", "organization_id"),
                         rows(), stage=STAGE_VOLUNTEERS, total=self.n_volunteers * 2 // 5)

    # social workers and training -----------------------------------------------------

    def plan_social_workers(self) -> int:
        """Choose who the social workers are; returns how many new people they need.
        About a quarter are also volunteers."""
        per_street = self.n_social_workers()
        total = sum(per_street)
        overlap = min(self.n_volunteers, total // 4)
        self.sw_people = sorted(self.rng.sample(range(1, self.n_volunteers + 1), overlap))
        self.n_sw_only = total - overlap
        self.sw_people += range(self.n_volunteers + 1, self.n_volunteers + self.n_sw_only + 1)
        return self.n_sw_only

    def social_workers_and_training(self) -> None:
        rng = self.rng
        today = self.today
        levels = _table(_SW_LEVELS)
        posts = _table(_SW_POSTS)
        registered = [o for o in self.orgs if o.active and o.type != _COMMUNITY_ORG]
        preferred = [o for o in registered if o.type == "社会服务机构"] or registered
        workers: list[list[Any]] = []
        for serial, pid in enumerate(self.sw_people, start=1):
            level = self.pick(levels)
            # most registrations are current; about 5 % have lapsed
            registered_on = self.day(today - timedelta(days=3 * 365 + 120), today - timedelta(
                days=7))
            obtained = rng.randint(max(2008, registered_on.year - 8), registered_on.year)
            if level == "高级社会工作师":
                obtained = max(obtained, 2019)
            employer = self.pick(preferred) if preferred and rng.random() < 0.9 else None
            comm = employer.community if employer else self.person_comm[pid - 1]
            prefix = {"助理社会工作师": "ZL", "社会工作师": "ZJ", "高级社会工作师": "GJ"}[level]
            workers.append([
                serial, pid, level, f"{prefix}{obtained}1101{serial:06d}", obtained,
                f"BJ{registered_on.year}{serial:06d}", registered_on,
                registration_valid_until(registered_on), employer.id if employer else None,
                employer.name if employer else "", self.pick(posts), comm + 1, "在册", "",
                0])
        trainings, attendance = self.training([w[1] for w in workers])
        # CE hours: passed attendance of CE trainings ending inside the current cycle,
        # exactly what ops.social_workers.ce_hours_in_cycle counts.
        by_person: dict[int, list[tuple[date, int]]] = {}
        ends = {t[0]: (date.fromisoformat(t[4]), t[7]) for t in trainings}
        for _, tid, pid, cents, passed in attendance:
            end, counts = ends[tid]
            if passed and counts:
                by_person.setdefault(pid, []).append((end, cents))
        preset = get_ce_preset(CE_PRESET)
        for w in workers:
            start, due = cycle_bounds(preset, w[7])
            w[14] = sum(c for end, c in by_person.get(w[1], ()) if start <= end <= due)
        rows = [(*w[:6], w[6].isoformat(), w[7].isoformat(), *w[8:14], _hours_text(w[14]), preset.name)
                for w in workers]
        columns = ("id", "person_id", "level", "certificate_number", "obtained_year",
                   "registration_number", "registered_on", "registered_until", "employer_id",
                   "employer_name", "post", "community_id", "status", "status_reason", "ce_hours",
                   "ce_preset")
        self.load.insert(models.SocialWorker, columns, rows, stage=STAGE_SOCIAL_WORKERS,
                         total=len(rows))
        self.load.insert(models.Training,
                         ("id", "title", "organizer", "starts_on", "ends_on", "hours", "category",
                          "counts_as_ce", "place"),
                         [(*t[:5], _hours_text(t[5]), *t[6:]) for t in trainings],
                         stage=STAGE_TRAINING, total=len(trainings))
        self.load.insert(models.Attendance,
                         ("id", "training_id", "person_id", "hours_credited", "passed"),
                         [(a, t, p, _hours_text(c), ok) for a, t, p, c, ok in attendance],
                         stage=STAGE_TRAINING, total=len(attendance))

    def training(self, people: list[int]) -> tuple[list[Row], list[Row]]:
        """Trainings over the last three years and who attended (hours as cents)."""
        rng = self.rng
        trainings: list[Row] = []
        attendance: list[Row] = []
        titles: set[str] = set()
        for tid in range(1, rng.randint(20, 40) + 1):
            days = rng.choice((1, 1, 2, 2, 3, 4))
            starts = self.day(self.today - timedelta(days=3 * 365), self.today - timedelta(
                days=days + 1))
            topic = self.pick(_TRAINING_TOPICS)
            title = f"{starts.year}年{topic}培训班"
            number = 2
            while title in titles:
                title = f"{starts.year}年{topic}培训班（第{number}期）"
                number += 1
            titles.add(title)
            hours = days * 8 if days > 1 else rng.choice((3, 4, 6, 8))
            counts = rng.random() < 0.7
            category = "继续教育" if counts else self.pick(("专题培训", "岗前培训", "政策解读"))
            trainings.append((tid, title, self.pick(_TRAINING_ORGANIZERS), starts.isoformat(),
                              (starts + timedelta(days=days - 1)).isoformat(), hours * 100,
                              category, counts, self.pick(("朝阳区社会工作服务中心",
                                                           "朝阳区党校", "线上直播"))))
            for pid in sorted(rng.sample(people, min(len(people), rng.randint(20, 80)))):
                passed = rng.random() < 0.95
                attendance.append((len(attendance) + 1, tid, pid, hours * 100 if passed else 0,
                                   passed))
        return trainings, attendance

    # the hours ledger -----------------------------------------------------------------

    def line_counts(self, lines: int) -> list[int]:
        """Ledger lines per volunteer: a quarter never served, the rest heavy-tailed, so a
        few reach five stars while most have a handful of hours."""
        rng = self.rng
        n = self.n_volunteers
        if n == 0 or lines <= 0:
            return [0] * n
        weights = [rng.paretovariate(1.6) if rng.random() < 0.75 else 0.0 for _ in range(n)]
        total = sum(weights) or 1.0
        scale = lines / total
        counts = [min(MAX_LINES_PER_VOLUNTEER, int(w * scale)) for w in weights]
        left = lines - sum(counts)
        room = n * MAX_LINES_PER_VOLUNTEER - sum(counts)
        if left > room:
            raise DemoError(f"服务记录太多：{self.n_volunteers} 名志愿者最多生成 "
                            f"{n * MAX_LINES_PER_VOLUNTEER} 条。")
        served = [i for i, w in enumerate(weights) if w] or list(range(n))
        while left > 0:
            i = served[int(rng.random() * len(served))]
            if counts[i] < MAX_LINES_PER_VOLUNTEER:
                counts[i] += 1
                left -= 1
            elif len(served) < n:
                served = list(range(n))
        return counts

    def activities(self, first_day: int, n_days: int) -> list[list[tuple[Any, ...]]]:
        """Organized activities; per street the (day, cents, template) they lend to lines."""
        rng = self.rng
        rnd = rng.random
        geo = self.geo
        n = 0 if self.n_records <= 0 else min(5_000, max(200, self.n_records // 2_000))
        by_street: list[list[tuple[Any, ...]]] = [[] for _ in geo.street_names]
        rows: list[Row] = []
        categories = tuple(_SERVICE)
        for aid in range(1, n + 1):
            c = int(rnd() * len(geo.comm_names))
            comm = geo.comm_names[c]
            orgs = self.comm_orgs[c]
            org = orgs[int(rnd() * len(orgs))] if orgs and rnd() < 0.8 else None
            category = self.pick(categories)
            groups, contents = _SERVICE[category]
            content = self.pick(contents)
            group = self.pick(groups)
            day = int(rnd() * n_days)
            when = date.fromordinal(first_day + day).isoformat()
            start = self.pick((9 * 60, 9 * 60 + 30, 14 * 60, 14 * 60 + 30, 19 * 60))
            cents = self.pick((100, 150, 200, 200, 250, 300, 300, 400))
            end = start + cents * 60 // 100
            recorder = org.contact if org else self.street_clerks[geo.comm_street[c]][1]
            place = f"{comm}{self.pick(('活动室', '广场', '服务站', '党群服务中心'))}"
            rows.append((aid, f"{comm}{content}", org.id if org else None, c + 1, place,
                         f"{when} {start // 60:02d}:{start % 60:02d}:00",
                         f"{when} {end // 60:02d}:{end % 60:02d}:00", self.pick((0, 0, 10, 20, 30)),
                         category, group, content, recorder))
            approver = self.street_clerks[geo.comm_street[c]][0]
            by_street[geo.comm_street[c]].append((
                day, cents, approver, aid, org.id if org else None, c + 1, place, group, category,
                content, recorder))
        self.load.insert(models.Activity,
                         ("id", "name", "organization_id", "community_id", "place", "starts_at",
                          "ends_at", "travel_minutes", "service_category", "served_group",
                          "content", "recorder"), rows, stage=STAGE_ACTIVITIES, total=n)
        return by_street

    def free_templates(self) -> list[list[tuple[str, ...]]]:
        """Per community: (approver, place, group, category, content, recorder) of lines
        served outside organized activities."""
        out = []
        for c, comm in enumerate(self.geo.comm_names):
            clerks = self.street_clerks[self.geo.comm_street[c]]
            recorder = self.random_name()
            templates: list[tuple[str, ...]] = []
            for _ in range(12):
                category = self.pick(tuple(_SERVICE))
                groups, contents = _SERVICE[category]
                place = self.pick(_FREE_PLACES)
                templates.append((clerks[0], place if place != "小区内" else comm + "小区内",
                                  self.pick(groups), category, self.pick(contents), recorder))
            out.append(templates)
        return out

    def ledger(self) -> None:
        rng = self.rng
        rnd = rng.random
        today = self.today.toordinal()
        first_day = today - HISTORY_DAYS
        n_days = HISTORY_DAYS  # days first_day .. today - 1
        first_year = date.fromordinal(first_day).year
        n_years = self.today.year - first_year + 1
        n_corrections = 0 if self.n_records < 10 else max(3, min(500, self.n_records // 20_000))
        originals = max(0, self.n_records - n_corrections)
        by_street = self.activities(first_day, n_days)
        counts = self.line_counts(originals)
        free = self.free_templates()
        hours = _table(_HOURS_CENTS, 200)
        n_hours = len(hours)
        text = {c: _hours_text(c) for c in range(0, 1001, 50)}
        corrected = set(rng.sample(range(originals), min(n_corrections, originals)))
        # per day: (service date, recorded at, approved at, correction recorded, year index)
        days = []
        for d in range(n_days):
            o = first_day + d
            recorded = date.fromordinal(o).isoformat()
            approved = date.fromordinal(min(o + 1 + d % 6, today)).isoformat()
            later = date.fromordinal(min(o + 10 + d % 9, today)).isoformat()
            days.append((recorded, f"{recorded} 18:{d % 60:02d}:00", f"{approved} 10:{d % 50:02d}:00",
                         f"{later} 15:{d % 40:02d}:00", date.fromordinal(o).year - first_year))
        pending_from = n_days - PENDING_DAYS
        n_comm = len(self.geo.comm_names)
        comm_year = [0] * (n_comm * n_years)
        org_year = [0] * ((len(self.orgs) + 1) * n_years)
        vol_updates: list[Row] = []
        vol_years: list[Row] = []
        month_cat: defaultdict[tuple[int, str, str], int] = defaultdict(int)
        thresholds = [int(t * 100) for t in get_star_preset(STAR_PRESET).thresholds]
        after = "按签到表核对，更正服务时长"

        def rows() -> Iterator[Row]:
            rid = 0
            k = 0  # original lines so far
            owed = 0  # corrections due; a pending line defers its correction to the next one
            for i in range(self.n_volunteers):
                count = counts[i]
                if not count:
                    continue
                vid = i + 1
                comm = self.vol_comm[i]
                team = self.vol_team[i]
                start = max(0, self.vol_reg[i] - first_day)
                if start >= n_days:
                    start = n_days - 1
                span = n_days - start
                acts = by_street[self.geo.comm_street[comm]]
                n_acts = len(acts)
                tmpls = free[comm]
                items: list[tuple[Any, ...]] = []
                for _ in range(count):
                    if n_acts and rnd() < ACTIVITY_SHARE:
                        a = acts[int(rnd() * n_acts)]
                        if a[0] >= start:
                            items.append(a)
                            continue
                    t = tmpls[int(rnd() * 12)]
                    items.append((start + int(rnd() * span), hours[int(rnd() * n_hours)], t[0], None,
                                  team, comm + 1, *t[1:]))
                items.sort(key=_first)
                years = [0] * n_years
                for item in items:
                    rid += 1
                    day = item[0]
                    cents = item[1]
                    d = days[day]
                    if day >= pending_from and rnd() < PENDING_SHARE_RECENT:
                        yield (rid, vid, d[0], text[cents], d[1], None, "pending", "", None, "",
                               *item[3:])
                        owed += k in corrected
                        k += 1
                        continue
                    yield (rid, vid, d[0], text[cents], d[1], d[2], "approved", item[2], None, "",
                           *item[3:])
                    owed += k in corrected
                    k += 1
                    if owed:
                        owed -= 1
                        original = rid
                        rid += 1
                        cents = hours[int(rnd() * n_hours)]
                        if cents == item[1]:
                            cents = item[1] + 50 if item[1] < 400 else item[1] - 50
                        yield (rid, vid, d[0], text[cents], d[3], d[3], "approved", item[2],
                               original, after, *item[3:])
                    y = d[4]
                    years[y] += cents
                    month_cat[(first_year + y, d[0][5:7], item[8])] += cents
                    comm_year[(item[5] - 1) * n_years + y] += cents
                    org = item[4]
                    if org is not None:
                        org_year[org * n_years + y] += cents
                total = sum(years)
                if total:
                    vol_updates.append((_hours_text(total), bisect_right(thresholds, total), vid))
                    vol_years.extend((vid, first_year + y, _hours_text(h))
                                     for y, h in enumerate(years) if h)

        columns = ("id", "volunteer_id", "service_date", "hours", "recorded_at", "approved_at",
                   "status", "approver", "corrects_id", "correction_reason", "activity_id",
                   "organization_id", "community_id", "place", "served_group", "service_category",
                   "content", "recorder")
        self.load.insert(models.ServiceRecord, columns, rows(), stage=STAGE_RECORDS,
                         total=originals + n_corrections)
        self.summaries(vol_updates, vol_years, comm_year, org_year, first_year, n_years)
        self.load.insert(models.MonthCategoryHours, ("year", "month", "category", "hours"),
                         [(year, int(month), category or "", _hours_text(cents))
                          for (year, month, category), cents in sorted(month_cat.items()) if cents],
                         stage=STAGE_SUMMARIES, total=len(month_cat))

    def summaries(self, vol_updates: list[Row], vol_years: list[Row], comm_year: list[int],
                  org_year: list[int], first_year: int, n_years: int) -> None:
        stage = STAGE_SUMMARIES
        param = database.param
        cursor = database.cursor()
        with database.atomic():
            for n, chunk in enumerate(_chunks(vol_updates, CHUNK_ROWS)):
                cursor.executemany(
                    f'UPDATE "volunteer" SET "total_hours" = {param}, "star_level" = {param} '
                    f'WHERE "id" = {param}', chunk)
                self.load.report(stage, n * CHUNK_ROWS + len(chunk), len(vol_updates))
        self.load.insert(models.VolunteerYear, ("volunteer_id", "year", "hours"), vol_years,
                         stage=stage, total=len(vol_years))
        self.load.insert(models.CommunityYear, ("community_id", "year", "hours"),
                         [(i // n_years + 1, first_year + i % n_years, _hours_text(h))
                          for i, h in enumerate(comm_year) if h], stage=stage, total=len(comm_year))
        self.load.insert(models.OrganizationYear, ("organization_id", "year", "hours"),
                         [(i // n_years, first_year + i % n_years, _hours_text(h))
                          for i, h in enumerate(org_year) if h], stage=stage, total=len(org_year))


def _first(item: tuple[Any, ...]) -> Any:
    return item[0]


def _settings() -> None:
    for key, value in (("star_preset", STAR_PRESET), ("ce_preset", CE_PRESET),
                       ("rounding_preset", "half_hour")):
        (models.Setting.insert(key=key, value=value)
         .on_conflict(conflict_target=[models.Setting.key], update={models.Setting.value: value})
         .execute())


def _reset_sequences() -> None:
    """PostgreSQL: explicit ids leave the id sequences behind; move them past the rows."""
    if is_sqlite():
        return
    for model in models.ALL_MODELS:
        pk = model._meta.primary_key
        if getattr(pk, "field_type", "") == "AUTO":
            table = model._meta.table_name
            database.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM \"{table}\"), 0) + 1, false)")


def fill_demo(*, volunteers: int = 2000, service_records: int | None = None, seed: int = 1,
              progress: Progress | None = None, today: date | None = None,
              actor: str = ACTOR) -> dict[str, int]:
    """Fill the empty register bound by open_database with a demonstration district;
    returns how many rows each table got. `service_records` defaults to ten per
    volunteer; `today` (default: the real date) anchors every date, so the same seed
    and day give the same data. `actor` is recorded in the audit log (a register that
    has accounts needs a clerk's or an administrator's). Large loads commit as they go:
    if one fails, the register holds part of a demonstration; start a new one."""
    if volunteers < 0 or (service_records is not None and service_records < 0):
        raise DemoError("志愿者人数和服务记录条数不能为负数。")
    records = volunteers * 10 if service_records is None else service_records
    if records and not volunteers:
        raise DemoError("没有志愿者就不能生成服务记录。")
    try:
        check_permission(actor, "demo")  # before writing anything, not at the audit
    except PermissionDenied as exc:
        raise NotAllowedError(str(exc)) from exc
    _ensure_empty()
    loader = _Loader(progress)
    demo = _Demo(volunteers=volunteers, records=records, seed=seed,
                 today=today or date.today(), loader=loader)
    with _fast_load():
        demo.geography()
        extra = demo.plan_social_workers()
        buckets = demo.people(extra)
        demo.search_index(buckets)
        del buckets
        demo.volunteers()
        demo.organizations()
        demo.memberships()
        demo.social_workers_and_training()
        demo.ledger()
        with database.atomic():
            _settings()
            _reset_sequences()
            audit(actor, "demo", "registry", None,
                  detail=json.dumps({"seed": seed, "rows": loader.counts}, ensure_ascii=False))
    counts = {model._meta.table_name: loader.counts.get(model._meta.table_name, 0)
              for model in models.ALL_MODELS}
    counts["setting"] = 3
    counts["audit_entry"] = 1
    return counts
