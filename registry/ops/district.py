"""A district's configuration file (packaging/districts/*.toml): its streets and
communities with populations, its rule presets and its name on every roster.

Applying a configuration only adds: streets and communities already in the register are
never changed or removed, so a newer installer can bring new ones safely."""

from __future__ import annotations

import datetime as dt
import errno
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from registry.ops.changes import Changes, Table
from registry.ops.kernel import Write, retried, write
from registry.ops.presets import put_preset
from registry.queries.presets import defined_preset, get_setting
from registry.rules.deadlines import parse_org_reports, reports_to_text
from registry.rules.permissions import Action
from registry.rules.preset_definitions import preset_to_data, presets_from_data, same_values
from registry.rules.presets import (
    KIND_WORDS,
    RETIRED_STAR_PRESETS,
    SHIPPED,
    Kind,
    Preset,
    get_star_preset,
    kind_of,
    thresholds_text,
    values_text,
)
from registry.rules.problems import RegistryError
from registry.storage.models import Community, District, RulePreset, Setting, Street
from registry.texts import mark, msg, shown

MAX_FILE_BYTES = 5_000_000  # a district of many streets is a few hundred KB
_FILE_WORDS = {errno.ENOENT: mark("文件不存在"), errno.EACCES: mark("没有读取权限"),
               errno.EISDIR: mark("这是一个文件夹，不是文件"),
               errno.ENAMETOOLONG: mark("文件名太长"), errno.ENOTDIR: mark("路径中的某一级不是文件夹")}

# [presets]: the key choosing each kind of preset, the setting it fills, and the key of the
# array of tables defining the district's own presets of that kind ([[presets.star_presets]]).
PRESET_KEYS: dict[str, tuple[str, Kind]] = {
    "star": ("star_preset", "star"),
    "continuing_education": ("ce_preset", "ce"),
    "rounding": ("rounding_preset", "rounding"),
}
DEFINITION_KEYS: dict[Kind, str] = {kind: f"{key}_presets" for key, (_setting, kind) in PRESET_KEYS.items()}
CHOSEN_KEY = "district_presets"  # setting: the choices of the last district file applied (JSON)


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
    presets: dict[str, str]  # setting key → the preset chosen
    streets: tuple[StreetConfig, ...] = field(default=())
    # organization type → its yearly reports (kind, month, day), where the file sets them
    deadlines: dict[str, tuple[tuple[str, int, int], ...]] = field(default_factory=dict)
    defined: tuple[Preset, ...] = field(default=())  # the district's own presets
    warnings: tuple[str, ...] = field(default=())  # worth saying, not wrong (a rule not yet in force)


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


def check_district(path: Path, today: dt.date | None = None) -> tuple[DistrictConfig | None, list[str]]:
    """The configuration and the list of what is wrong with it (empty when it is right); what
    is worth saying but not wrong is in the configuration's warnings."""
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
    presets, defined, preset_problems, warnings = _read_presets(data.get("presets", {}), today or dt.date.today())
    r.problems.extend(preset_problems)
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
                          tuple(streets), deadlines, tuple(defined), tuple(warnings)), []


def _read_presets(raw: Any, today: dt.date) -> tuple[dict[str, str], list[Preset], list[str], list[str]]:
    """[presets]: the presets chosen (setting key → name), the district's own definitions, the
    problems and the warnings."""
    if not isinstance(raw, dict):
        return {}, [], [msg("[presets] 部分格式不对。")], []
    problems: list[str] = []
    definitions: dict[Kind, list[Any]] = {}
    for kind, key in DEFINITION_KEYS.items():
        entries = raw.get(key, [])
        if not isinstance(entries, list):
            problems.append(msg("[presets] 的“{key}”应当写成 [[presets.{key}]]，每个规则一段。", key=key))
            entries = []
        definitions[kind] = entries
    where: dict[Kind, str] = {kind: f"[[presets.{key}]] " for kind, key in DEFINITION_KEYS.items()}
    defined, wrong = presets_from_data(definitions, where)
    problems.extend(wrong)
    book = SHIPPED.with_defined(defined)
    chosen: dict[str, str] = {}
    warnings: list[str] = []
    for key, value in raw.items():
        if key in DEFINITION_KEYS.values():
            continue
        if key not in PRESET_KEYS:
            problems.append(msg("[presets] 中的“{key}”不认识，可用的有：{preset_keys}。", key=key,
                                preset_keys='、'.join([*PRESET_KEYS, *DEFINITION_KEYS.values()])))
            continue
        setting, kind = PRESET_KEYS[key]
        if not isinstance(value, str):
            problems.append(msg("[presets] 的 {key} 应当是一个规则的名称（用英文双引号括起来）。", key=key))
        elif key == "star" and value in RETIRED_STAR_PRESETS:
            historical, current = RETIRED_STAR_PRESETS[value]
            problems.append(msg("[presets] 的 star = “{value}”是早期试行的星级标准（{old} 小时），已不再使用；"
                                "请改为现行标准 star = “{current}”（{new} 小时），确需历史标准请写“{historical}”。",
                                value=value, old=thresholds_text(get_star_preset(historical)),
                                current=current, new=thresholds_text(get_star_preset(current)),
                                historical=historical))
        elif value not in book.of(kind) and any(isinstance(e, dict) and e.get("name") == value
                                                for e in definitions[kind]):
            continue  # its definition's problems are said already
        elif value not in book.of(kind):
            problems.append(msg("[presets] 的 {key} = “{value}”不认识，可用的有：{items}（或本文件定义的规则）。",
                                key=key, value=value, items='、'.join(book.of(kind))))
        else:
            chosen[setting] = value
            preset = book.of(kind)[value]
            if preset.effective is not None and preset.effective > today:
                warnings.append(msg("[presets] 选用的{kind}规则“{name}”（{label}）{effective} 才施行；"
                                    "现在套用，登记库就已按它计算。", kind=KIND_WORDS[kind], name=value,
                                    label=shown(preset.label), effective=preset.effective.isoformat()))
    return chosen, defined, problems, warnings


def _named_settings(config: DistrictConfig) -> tuple[tuple[str, str], ...]:
    """The settings the district file itself gives, applied every time."""
    deadlines = (("org_deadlines", reports_to_text(config.deadlines)),) if config.deadlines else ()
    return (("district_full_name", config.full_name), ("default_street", config.default_street), *deadlines)


def _chosen_text(config: DistrictConfig) -> str:
    return json.dumps(config.presets, ensure_ascii=False, sort_keys=True)


def _choices_to_make(config: DistrictConfig, first: bool) -> dict[str, str]:
    """Setting key → preset, where the file's choice is to be made now: at the first
    application, and later where the file chooses anew (not what the last file applied
    chose), so an administrator's own choice stands until the district changes its mind. A
    register applied before files' choices were kept: where the file differs from its choice."""
    try:
        recorded = json.loads(get_setting(CHOSEN_KEY) or "null")
    except ValueError:
        recorded = None
    made: dict[str, str] = {}
    for key, value in config.presets.items():
        if first:
            made[key] = value
            continue
        before = recorded.get(key) if isinstance(recorded, dict) else get_setting(key)
        if value != before and value != get_setting(key):
            made[key] = value
    return made


def _definitions_to_store(config: DistrictConfig) -> list[tuple[Preset, Preset | None]]:
    """The file's own presets the register lacks, or holds with another label, source or date:
    (the file's, the register's or None). A name the register holds with other values is
    refused: every value computed under it is stamped with that name."""
    todo: list[tuple[Preset, Preset | None]] = []
    for preset in config.defined:
        kind = kind_of(preset)
        stored = defined_preset(kind, preset.name)
        if stored is None:
            if RulePreset.select().where((RulePreset.kind == kind) & (RulePreset.name == preset.name)).exists():
                raise RegistryError(msg("登记库中名为“{name}”的{kind}规则已损坏，不能再套用同名规则；请联系技术支持。",
                                        name=preset.name, kind=KIND_WORDS[kind]))
            todo.append((preset, None))
        elif not same_values(stored, preset):
            raise RegistryError(msg(
                "本文件定义的{kind}规则“{name}”与登记库中已有的同名规则数值不同（登记库中：{old}；本文件：{new}）。"
                "按这个规则算出的数值都记着它的名称，一个名称只能指一套数值：请给新的规则另起一个名称，"
                "再在 [presets] 中选用它。", kind=KIND_WORDS[kind], name=preset.name,
                old=values_text(stored), new=values_text(preset)))
        elif preset_to_data(stored) != preset_to_data(preset):
            todo.append((preset, stored))
    return todo


def _lacking(config: DistrictConfig) -> bool:
    """Whether the register lacks anything the configuration holds (read only)."""
    if District.select().where(District.code != config.code).exists():
        raise RegistryError(msg("这个登记库属于另一个区，不能套用本区的配置。"))
    streets = {code for (code,) in Street.select(Street.code).tuples()}
    communities = {code for (code,) in Community.select(Community.code).tuples()}
    first = not District.select().where(District.code == config.code).exists()
    return (first
            or any(s.code not in streets or any(c.code not in communities for c in s.communities)
                   for s in config.streets)
            or any(get_setting(key) != value for key, value in _named_settings(config))
            or bool(_definitions_to_store(config)) or bool(_choices_to_make(config, first))
            or get_setting(CHOSEN_KEY) != _chosen_text(config))


@retried
def apply_district(actor: str, config: DistrictConfig, source: str = "") -> Changes:
    """Add what the register lacks; first application also chooses the presets. When it
    lacks nothing, nothing is written (a viewer may start the program). Otherwise it is an
    administrator's (it changes the register's settings), and every street, community,
    preset and setting it adds or changes has its audit entry, under one entry naming the
    file. The file's own presets are kept in the register (a name already there with other
    values is refused); a preset the file newly chooses is put in force as the settings
    dialog does it (a new star preset recomputes and re-stamps every star level)."""
    if not _lacking(config):
        return Changes()
    with write(actor, Action.APPLY_DISTRICT) as w:
        w.log(Table.DISTRICT, None, detail=f"套用区县配置 {config.full_name}（{config.code}）"
                                           + (f"，文件 {source}" if source else ""))
        district = District.get_or_none(District.code == config.code)
        if District.select().where(District.code != config.code).exists():
            raise RegistryError(msg("这个登记库属于另一个区，不能套用本区的配置。"))
        choices = _choices_to_make(config, first=district is None)
        if district is None:
            district = District.create(code=config.code, name=config.name, population=config.population)
            w.log(Table.DISTRICT, district.id, None, {"code": config.code, "name": config.name})
            w.changed(Table.DISTRICT)
        for preset, stored in _definitions_to_store(config):
            _store_preset(w, preset, stored)
        for key, value in choices.items():
            put_preset(w, key, value)  # recomputes and re-stamps what follows from it
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
        for key, value in (*_named_settings(config), (CHOSEN_KEY, _chosen_text(config))):
            if get_setting(key) != value:
                _put_setting(w, key, value)
    return w.changes


def _store_preset(w: Write, preset: Preset, stored: Preset | None) -> None:
    """Keep a district's own preset in the register (or its new label, source or date)."""
    data = preset_to_data(preset)
    params = json.dumps({k: v for k, v in data.items() if k not in ("name", "label")}, ensure_ascii=False,
                        sort_keys=True)
    kind = kind_of(preset)
    if stored is None:
        row = RulePreset.create(kind=kind, name=preset.name, label=preset.label, params=params)
        w.log(Table.RULE_PRESET, row.id, None, {"kind": kind, **data})
    else:
        row = RulePreset.get((RulePreset.kind == kind) & (RulePreset.name == preset.name))
        RulePreset.update(label=preset.label, params=params).where(RulePreset.id == row.id).execute()
        before = preset_to_data(stored)
        w.log(Table.RULE_PRESET, row.id, {k: v for k, v in before.items() if data.get(k) != v},
              {k: v for k, v in data.items() if before.get(k) != v})
    w.changed(Table.RULE_PRESET)


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
