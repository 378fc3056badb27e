"""A district's configuration file (packaging/districts/*.toml): its streets and
communities with populations, its rule presets and its name on every roster.

Applying a configuration only adds: streets and communities already in the register are
never changed or removed, so a newer installer can bring new ones safely."""

from __future__ import annotations

import errno
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from registry.ops.changes import Changes, Table
from registry.ops.kernel import Write, retried, write
from registry.queries.presets import get_setting
from registry.rules.deadlines import parse_org_reports, reports_to_text
from registry.rules.permissions import Action
from registry.rules.presets import (
    CE_PRESETS,
    RETIRED_STAR_PRESETS,
    ROUNDING_PRESETS,
    STAR_PRESETS,
    get_star_preset,
    thresholds_text,
)
from registry.rules.problems import RegistryError
from registry.storage.models import Community, District, Setting, Street
from registry.texts import mark, msg

MAX_FILE_BYTES = 5_000_000  # a district of many streets is a few hundred KB
_FILE_WORDS = {errno.ENOENT: mark("文件不存在"), errno.EACCES: mark("没有读取权限"),
               errno.EISDIR: mark("这是一个文件夹，不是文件"),
               errno.ENAMETOOLONG: mark("文件名太长"), errno.ENOTDIR: mark("路径中的某一级不是文件夹")}

PRESET_KEYS: dict[str, tuple[str, dict[str, Any]]] = {
    "star": ("star_preset", STAR_PRESETS),
    "continuing_education": ("ce_preset", CE_PRESETS),
    "rounding": ("rounding_preset", ROUNDING_PRESETS),
}


@dataclass(frozen=True)
class CommunityConfig:
    """A community as the district file names it."""

    code: str
    name: str
    population: int


@dataclass(frozen=True)
class StreetConfig:
    """A street of the district file, with its communities."""

    code: str
    name: str
    population: int
    communities: tuple[CommunityConfig, ...]


@dataclass(frozen=True)
class DistrictConfig:
    """A district file, checked: the district, its streets and the presets it chooses."""

    code: str
    name: str
    full_name: str
    population: int
    default_street: str
    presets: dict[str, str]
    streets: tuple[StreetConfig, ...] = field(default=())
    # organization type → its yearly reports (kind, month, day), where the file sets them
    deadlines: dict[str, tuple[tuple[str, int, int], ...]] = field(default_factory=dict)


class _Reader:
    """Collects every problem of a file, each naming where it is, in plain Chinese."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def text(self, table: dict[str, Any], key: str, where: str, *, digits: int | None = None,
             required: bool = True) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.problems.append(msg("{where}缺少“{key}”。", where=where, key=key))
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problems.append(msg("{where}的“{key}”应当是一段文字（用英文双引号括起来）。", where=where, key=key))
            return ""
        value = value.strip()
        if digits is not None and not (value.isdigit() and len(value) == digits):
            self.problems.append(msg("{where}的“{key}”应当是 {digits} 位数字，现在是“{value}”。",
                                     where=where, key=key, digits=digits, value=value))
        return value

    def number(self, table: dict[str, Any], key: str, where: str, *, required: bool = True) -> int:
        value = table.get(key)
        if value is None:
            if required:
                self.problems.append(msg("{where}缺少“{key}”（常住人口）。", where=where, key=key))
            return 0
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.problems.append(msg("{where}的“{key}”应当是不小于 0 的整数，现在是“{value}”。", where=where, key=key,
                                     value=value))
            return 0
        return value


def check_district(path: Path) -> tuple[DistrictConfig | None, list[str]]:
    """The configuration and the list of what is wrong with it (empty when it is right)."""
    try:
        if Path(path).stat().st_size > MAX_FILE_BYTES:
            return None, [msg("文件“{name}”太大（超过 {value} MB），不是区县配置文件。",
                              name=Path(path).name, value=MAX_FILE_BYTES // 1000000)]
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        if isinstance(exc, UnicodeDecodeError):
            return None, [msg("文件不是 UTF-8 编码的文字，请用记事本“另存为 UTF-8”后再试。")]
        if isinstance(exc, tomllib.TOMLDecodeError):
            at_line = re.search(r"line (\d+)", str(exc))
            line = msg("，问题在第 {at_line} 行附近", at_line=at_line.group(1)) if at_line else ""
            return None, [msg("文件格式不对（不是有效的 TOML）{line}。", line=line)]
        words = _FILE_WORDS.get(getattr(exc, "errno", None) or 0, msg("文件不存在或无法打开"))
        return None, [msg("无法读取文件“{value}”：{words}。", value=str(path)[:80], words=words)]
    r = _Reader()
    head = data.get("district")
    if not isinstance(head, dict):
        return None, [msg("缺少 [district] 部分（区的代码、名称和人口）。")]
    code = r.text(head, "code", "[district] ", digits=6)
    name = r.text(head, "name", "[district] ")
    full_name = r.text(head, "full_name", "[district] ", required=False) or name
    population = r.number(head, "population", "[district] ")
    default_street = r.text(head, "default_street", "[district] ", required=False)
    presets: dict[str, str] = {}
    raw_presets = data.get("presets", {})
    if not isinstance(raw_presets, dict):
        r.problems.append(msg("[presets] 部分格式不对。"))
        raw_presets = {}
    for key, value in raw_presets.items():
        if key not in PRESET_KEYS:
            r.problems.append(msg("[presets] 中的“{key}”不认识，可用的有：{preset_keys}。",
                                  key=key, preset_keys='、'.join(PRESET_KEYS)))
        elif key == "star" and value in RETIRED_STAR_PRESETS:
            historical, current = RETIRED_STAR_PRESETS[value]
            r.problems.append(msg("[presets] 的 star = “{value}”是早期试行的星级标准（{old} 小时），已不再使用；"
                                  "请改为现行标准 star = “{current}”（{new} 小时），确需历史标准请写“{historical}”。",
                                  value=value, old=thresholds_text(get_star_preset(historical)),
                                  current=current, new=thresholds_text(get_star_preset(current)),
                                  historical=historical))
        elif value not in PRESET_KEYS[key][1]:
            r.problems.append(msg("[presets] 的 {key} = “{value}”不认识，可用的有：{items}。",
                                  key=key, value=value, items='、'.join(PRESET_KEYS[key][1])))
        else:
            presets[PRESET_KEYS[key][0]] = value
    deadlines, deadline_problems = parse_org_reports(data.get("deadlines", {}))
    r.problems.extend(deadline_problems)
    streets: list[StreetConfig] = []
    seen: dict[str, str] = {}
    raw_streets = data.get("streets", [])
    if not isinstance(raw_streets, list) or not raw_streets:
        r.problems.append(msg("至少需要一个 [[streets]]（街道）。"))
        raw_streets = []
    for i, street in enumerate(raw_streets, start=1):
        where = msg("第 {i} 个街道", i=i)
        s_code = r.text(street, "code", where, digits=9)
        s_name = r.text(street, "name", where)
        where = msg("街道“{value}”", value=s_name or s_code)
        if s_code and not s_code.startswith(code):
            r.problems.append(msg("{where}的代码 {s_code} 应当以区代码 {code} 开头。", where=where, s_code=s_code,
                                  code=code))
        communities = []
        for j, community in enumerate(street.get("communities", []), start=1):
            c_where = msg("{where}的第 {j} 个社区", where=where, j=j)
            c_code = r.text(community, "code", c_where, digits=12)
            c_name = r.text(community, "name", c_where)
            c_pop = r.number(community, "population", msg("社区“{value}”", value=c_name or c_code))
            if c_code and s_code and not c_code.startswith(s_code):
                r.problems.append(msg("社区“{c_name}”的代码 {c_code} 应当以所属街道代码 {s_code} 开头。",
                                      c_name=c_name, c_code=c_code, s_code=s_code))
            communities.append(CommunityConfig(c_code, c_name, c_pop))
        for item_code, label in [(s_code, s_name)] + [(c.code, c.name) for c in communities]:
            if item_code and item_code in seen:
                r.problems.append(msg("代码 {item_code} 重复：“{seen}”和“{label}”。",
                                      item_code=item_code, seen=seen[item_code], label=label))
            seen[item_code] = label
        if not communities:
            r.problems.append(msg("{where}下没有社区。", where=where))
        population_given = r.number(street, "population", where, required=False)
        streets.append(StreetConfig(s_code, s_name, population_given or sum(c.population for c in communities),
                                    tuple(communities)))
    if default_street and default_street not in {s.code for s in streets}:
        r.problems.append(msg("默认街道 {default_street} 不在本文件的街道中。", default_street=default_street))
    if r.problems:
        return None, r.problems
    return DistrictConfig(code, name, full_name, population, default_street or streets[0].code, presets,
                          tuple(streets), deadlines), []


def _named_settings(config: DistrictConfig) -> tuple[tuple[str, str], ...]:
    """The settings the district file itself gives, applied every time."""
    deadlines = (("org_deadlines", reports_to_text(config.deadlines)),) if config.deadlines else ()
    return (("district_full_name", config.full_name), ("default_street", config.default_street), *deadlines)


def _lacking(config: DistrictConfig) -> bool:
    """Whether the register lacks anything the configuration holds (read only)."""
    if District.select().where(District.code != config.code).exists():
        raise RegistryError(msg("这个登记库属于另一个区，不能套用本区的配置。"))
    streets = {code for (code,) in Street.select(Street.code).tuples()}
    communities = {code for (code,) in Community.select(Community.code).tuples()}
    return (not District.select().where(District.code == config.code).exists()
            or any(s.code not in streets or any(c.code not in communities for c in s.communities)
                   for s in config.streets)
            or any(get_setting(key) != value for key, value in _named_settings(config)))


@retried
def apply_district(actor: str, config: DistrictConfig, source: str = "") -> Changes:
    """Add what the register lacks; first application also chooses the presets. When it
    lacks nothing, nothing is written (a viewer may start the program). Otherwise it is an
    administrator's (it changes the register's settings), and every street, community and
    setting it adds or changes has its audit entry, under one entry naming the file."""
    if not _lacking(config):
        return Changes()
    with write(actor, Action.APPLY_DISTRICT) as w:
        w.log(Table.DISTRICT, None, detail=f"套用区县配置 {config.full_name}（{config.code}）"
                                           + (f"，文件 {source}" if source else ""))
        district = District.get_or_none(District.code == config.code)
        if District.select().where(District.code != config.code).exists():
            raise RegistryError(msg("这个登记库属于另一个区，不能套用本区的配置。"))
        if district is None:
            district = District.create(code=config.code, name=config.name, population=config.population)
            w.log(Table.DISTRICT, district.id, None, {"code": config.code, "name": config.name})
            w.changed(Table.DISTRICT)
            for key, value in config.presets.items():
                _put_setting(w, key, value)  # the district's choice, made once; later changes are the admin's
        for street_config in config.streets:
            street = Street.get_or_none(Street.code == street_config.code)
            if street is None:
                street = Street.create(district=district.id, code=street_config.code, name=street_config.name,
                                       population=street_config.population)
                w.log(Table.STREET, street.id, None, {"code": street.code, "name": street.name})
                w.changed(Table.STREET)
            for c in street_config.communities:
                if not Community.select().where(Community.code == c.code).exists():
                    row = Community.create(street=street.id, code=c.code, name=c.name, population=c.population)
                    w.log(Table.COMMUNITY, row.id, None, {"code": c.code, "name": c.name})
                    w.changed(Table.COMMUNITY, ids=[row.id])
        for key, value in _named_settings(config):
            if get_setting(key) != value:
                _put_setting(w, key, value)
    return w.changes


def _put_setting(w: Write, key: str, value: str) -> None:
    w.log(Table.SETTING, None, {key: get_setting(key)}, {key: value})
    Setting.put(key, value)
    w.changed(Table.SETTING)


def bundled_district_file() -> Path | None:
    """The district file an installer carries (resources/district/*.toml in the bundle),
    or the one named by STREET_REGISTRY_DISTRICT."""
    import os
    import sys

    named = os.environ.get("STREET_REGISTRY_DISTRICT")
    if named:
        return Path(named)
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    found = sorted((base / "resources" / "district").glob("*.toml"))
    return found[0] if found else None


def district_files() -> list[Path]:
    """The district files to choose from at first start: the installer's own first, then
    those the program carries (packaging/districts/*.toml), each once."""
    import sys

    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    found = [bundled_district_file(), *sorted((base / "packaging" / "districts").glob("*.toml"))]
    unique: dict[Path, None] = {}
    for path in found:
        if path is not None and path.is_file():
            unique.setdefault(path.resolve(), None)
    return list(unique)
