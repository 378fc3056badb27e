"""The first start of a register: the district file's streets and communities, this office's
street, and the first administrator (or none: a register without accounts). Each step is an
audited operation of its own, in the order that lets the next one be allowed."""

from __future__ import annotations

from dataclasses import dataclass

from registry.ops.accounts import add_account
from registry.ops.changes import Changes
from registry.ops.district import DistrictConfig, apply_district
from registry.ops.geography import set_office_street
from registry.queries.access import accounts_exist
from registry.rules.problems import RegistryError
from registry.storage.models import Account, Street
from registry.texts import msg


@dataclass(frozen=True)
class Administrator:
    name: str  # the user name to log in with
    display_name: str  # the person's name, printed as 经办人
    password: str


def set_up_register(installer: str, config: DistrictConfig | None, source: str, street_code: str,
                    administrator: Administrator | None) -> tuple[str, str | None, Changes]:
    """Set up a new register; returns (who works on: the administrator, or `installer`
    without accounts; their role; what changed). Refused on a register that has accounts:
    it is no longer new, and its administrators decide."""
    if accounts_exist():
        raise RegistryError(msg("这个登记库已经设有账号，不能再做首次设置；请用管理员账号登录后在“系统”菜单中修改。"))
    actor, role = installer, None
    tables: set[str] = set()
    if administrator is not None:
        added = add_account("", administrator.name, "admin", administrator.password,
                            display_name=administrator.display_name)
        tables |= added.tables
        actor, role = str(Account.get_by_id(added.ids[0]).name), "admin"  # as stored (cleaned)
    if config is not None:
        tables |= apply_district(actor, config, source).tables
    if street_code:
        street = Street.get_or_none(Street.code == street_code)
        if street is None:
            raise RegistryError(msg("街道代码 {street_code} 不在登记库中，请重新选择本街道。", street_code=street_code))
        tables |= set_office_street(actor, street.id).tables
    return actor, role, Changes.everything() if tables else Changes()
