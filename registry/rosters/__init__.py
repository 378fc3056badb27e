"""Excel rosters (花名册): what the street office hands upward.

    export_roster("volunteers", Path("志愿者.xlsx"), actor="王芳",
                  filters=RosterFilters(community_id=3, status="在册"))

ROSTERS lists the rosters (key → RosterSpec with its Chinese title) for the UI to offer.
"""

from registry.rosters.definitions import ROSTERS
from registry.rosters.export import ExportCancelled, ExportResult, export_roster
from registry.rosters.spec import GROUP_BY, RosterFilters, RosterSpec
from registry.rosters.writer import DEFAULT_MAX_ROWS

__all__ = ["DEFAULT_MAX_ROWS", "GROUP_BY", "ROSTERS", "ExportCancelled", "ExportResult",
           "RosterFilters", "RosterSpec", "export_roster"]
