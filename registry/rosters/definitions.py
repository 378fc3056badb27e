"""Every roster the program writes: key → title, builder and the filters it takes."""

from __future__ import annotations

from registry.rosters import hours, indicators, organizations, registers, social_workers, training, volunteers
from registry.rosters.spec import RosterSpec, always
from registry.rules.vocab import ORG_STATUSES, ROLE_STATUSES
from registry.texts import mark

_AREA = frozenset({"street_id", "community_id"})
_DATES = frozenset({"date_from", "date_to"})

ROSTERS: dict[str, RosterSpec] = {spec.key: spec for spec in (
    RosterSpec("volunteers", mark("志愿者花名册"), volunteers.build,
               _AREA | _DATES | {"organization_id", "status", "year"},
               date_label=mark("注册日期"), year_label=mark("本年时长年度"), statuses=ROLE_STATUSES, personal=always),
    RosterSpec("social-workers", mark("持证社工花名册"), social_workers.build,
               _AREA | _DATES | {"organization_id", "status"},
               date_label=mark("登记有效期至"), statuses=ROLE_STATUSES, personal=always),
    RosterSpec("organizations", mark("社会组织名录"), organizations.build,
               _AREA | _DATES | {"status", "year"},
               date_label=mark("成立日期"), year_label=mark("年检年度"), statuses=ORG_STATUSES),
    RosterSpec("hours", mark("服务时长汇总"), hours.build,
               _AREA | _DATES | {"organization_id", "year", "group_by"},
               date_label=mark("服务日期"), year_label=mark("服务年度"), personal=hours.by_person),
    RosterSpec("training-signin", mark("培训签到表"), training.build_signin,
               frozenset({"training_id"}), requires=frozenset({"training_id"}), personal=always),
    RosterSpec("training-stats", mark("培训统计"), training.build_stats, _DATES | {"year"},
               date_label=mark("开始日期"), year_label=mark("培训年度")),
    RosterSpec("community-orgs", mark("社区社会组织备案台账"), organizations.build_community,
               _AREA | _DATES | {"status", "year"},
               date_label=mark("备案日期"), year_label=mark("备案年度"), statuses=ORG_STATUSES),
    RosterSpec("ce-hours", mark("继续教育学时情况"), social_workers.build_ce,
               _AREA | _DATES | {"organization_id", "status", "year"},
               date_label=mark("截止日期"), year_label=mark("截止年度"), statuses=ROLE_STATUSES),
    RosterSpec("indicators", mark("街道指标"), indicators.build, _AREA | {"year"},
               year_label=mark("服务时长年度")),
    RosterSpec("certificates", mark("志愿服务证明登记表"), registers.build_certificates,
               _DATES | {"organization_id", "year"}, date_label=mark("出具日期"), year_label=mark("出具年度"),
               personal=always),
    RosterSpec("deadlines", mark("到期事项清单"), registers.build_deadlines, _AREA | _DATES | {"kinds"},
               date_label=mark("到期日")),
    RosterSpec("audit", mark("操作日志"), registers.build_audit, _DATES | {"year"},
               date_label=mark("操作时间"), year_label=mark("操作年度")),
)}
