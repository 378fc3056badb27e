"""Icons from qtawesome's bundled fonts (no network, no image files)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

NAMES = {
    "organizations": "fa5s.building",
    "volunteers": "fa5s.hands-helping",
    "social_workers": "fa5s.user-graduate",
    "trainings": "fa5s.chalkboard-teacher",
    "hours": "fa5s.clock",
    "export": "fa5s.file-export",
    "import": "fa5s.file-import",
    "stats": "fa5s.chart-bar",
    "audit": "fa5s.history",
    "new": "fa5s.plus",
    "edit": "fa5s.edit",
    "deactivate": "fa5s.user-slash",
    "refresh": "fa5s.sync-alt",
    "search": "fa5s.search",
    "approve": "fa5s.check",
    "correct": "fa5s.undo-alt",
    "activity": "fa5s.users",
    "save": "fa5s.save",
    "folder": "fa5s.folder-open",
    "template": "fa5s.file-excel",
    "warning": "fa5s.exclamation-triangle",
    "certificates": "fa5s.certificate",
    "users-cog": "fa5s.users-cog",
    "cog": "fa5s.cog",
    "eye": "fa5s.eye",
    "pdf": "fa5s.file-pdf",
    "calendar": "fa5s.calendar-plus",
    "attendance": "fa5s.user-check",
    "inspection": "fa5s.clipboard-check",
    "grade": "fa5s.award",
    "project": "fa5s.project-diagram",
    "key": "fa5s.key",
    "switch_user": "fa5s.user-friends",
    "about": "fa5s.info-circle",
}


def icon(name: str, color: str = "#2c5d8f") -> QIcon:
    import qtawesome  # untyped: icon() returns Any, hence the annotation

    found: QIcon = qtawesome.icon(NAMES.get(name, name), color=color)
    return found
