"""The register's communities and organizations, read once per import, so that rows name
them by name or code without a query per row."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from registry.rules.fields import is_blank
from registry.rules.problems import Problem, error
from registry.rules.text import normalize_text
from registry.storage.models import Community, Organization
from registry.texts import msg

_COMMUNITY_SUFFIXES = ("社区居民委员会", "社区居委会", "居民委员会", "居委会", "社区")  # zh-data


def community_key(text: str) -> str:
    key = "".join(normalize_text(text).split())
    for suffix in _COMMUNITY_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)]
    return key


class Lookups:
    def __init__(self) -> None:
        self.community_names: dict[int, str] = {}
        self.community_street: dict[int, int] = {}
        self._communities: dict[str, list[int]] = defaultdict(list)
        self._community_codes: dict[str, int] = {}
        self.organization_names: dict[int, str] = {}
        self._organizations: dict[str, list[int]] = defaultdict(list)
        self._resolved: dict[tuple[type, Any, str, str], tuple[int | None, list[Problem]]] = {}
        self.file_year: int | None = None  # the year the file's 本年 columns are of, when it says

    @classmethod
    def load(cls) -> Lookups:
        self = cls()
        for cid, code, name, street in Community.select(
                Community.id, Community.code, Community.name, Community.street).tuples():
            self.community_names[cid] = name
            self.community_street[cid] = street
            self._communities[community_key(name)].append(cid)
            self._community_codes[code] = cid
        for oid, name in Organization.select(Organization.id, Organization.name).tuples():
            self.organization_names[oid] = name
            self._organizations["".join(normalize_text(name).split())].append(oid)
        return self

    def community(self, raw: Any, field: str, label: str) -> tuple[int | None, list[Problem]]:
        """A community named by name (with or without 社区/居委会) or by code."""
        key = (raw.__class__, raw, field, label)
        hit = self._resolved.get(key)
        if hit is None:
            hit = self._resolved[key] = self._community(raw, field, label)
        return hit

    def _community(self, raw: Any, field: str, label: str) -> tuple[int | None, list[Problem]]:
        if is_blank(raw):
            return None, []
        text = normalize_text(str(int(raw) if isinstance(raw, float) and raw.is_integer() else raw))
        if text in self._community_codes:
            return self._community_codes[text], []
        found = self._communities.get(community_key(text), [])
        if len(found) == 1:
            return found[0], []
        if found:
            return None, [error("community.ambiguous", field,
                                msg("{label}“{text}”有 {length} 个同名社区，请改填社区代码。",
                                    label=label, text=text, length=len(found)))]
        return None, [error("community.unknown", field,
                            msg("{label}“{text}”不在登记库中，请检查名称，或先在区划设置中添加该社区。", label=label,
                                text=text))]

    def organization(self, raw: Any) -> tuple[int | None, str]:
        """(organization id or None when not exactly one has this name, the name as given)."""
        if is_blank(raw):
            return None, ""
        text = normalize_text(str(raw))
        found = self._organizations.get("".join(text.split()), [])
        return (found[0] if len(found) == 1 else None), text
