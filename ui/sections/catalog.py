"""The main window's sections as the navigation lists them: key, title and where each is
defined. The window lists them all from here and imports and builds a section only when it
is first shown (building every one at start cost more than the rest of the start)."""

from __future__ import annotations

from dataclasses import dataclass

from ui.runtime.i18n import tr_noop, translate


@dataclass(frozen=True)
class SectionEntry:
    """A section as the navigation lists it."""

    key: str
    module: str  # in ui.sections
    class_name: str
    context: str  # of the title's translation
    text: str

    def title(self) -> str:
        return translate(self.context, self.text)


SECTIONS = (
    SectionEntry("organizations", "organizations", "OrganizationsSection",
                 "Sections", tr_noop("Sections", "Organizations")),
    SectionEntry("volunteers", "people", "VolunteersSection", "Sections", tr_noop("Sections", "Volunteers")),
    SectionEntry("social_workers", "social_workers", "SocialWorkersSection",
                 "Sections", tr_noop("Sections", "Social workers")),
    SectionEntry("trainings", "records", "TrainingsSection", "Sections", tr_noop("Sections", "Training")),
    SectionEntry("hours", "records", "HoursSection", "Sections", tr_noop("Sections", "Service hours")),
    SectionEntry("certificates", "certificates", "CertificatesSection",
                 "Sections", tr_noop("Sections", "Certificates")),
    SectionEntry("export", "export", "ExportSection", "Export", tr_noop("Export", "Roster export")),
    SectionEntry("import", "importing", "ImportSection", "Import", tr_noop("Import", "Data import")),
    SectionEntry("stats", "stats", "StatsSection", "Stats", tr_noop("Stats", "Statistics")),
    SectionEntry("audit", "audit", "AuditSection", "Sections", tr_noop("Sections", "Audit log")),
)
SECTION_KEYS = tuple(entry.key for entry in SECTIONS)
BY_KEY = {entry.key: entry for entry in SECTIONS}


def section_title(key: str) -> str:
    return BY_KEY[key].title()
