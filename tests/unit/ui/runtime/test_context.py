"""The screens refresh from what an operation's Changes name, and only from that: saving
without edits refreshes nothing, an edit refreshes the sections showing what it changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from registry.ops import Changes


def watch(running: Any, monkeypatch: Any) -> dict[str, list[Any]]:
    """Record every section refresh, every reload of the choice lists and permissions, and
    every announcement on the hub, from now on."""
    seen: dict[str, list[Any]] = {"refreshed": [], "reloaded": [], "announced": []}
    for key, section in running.window.sections.items():
        monkeypatch.setattr(section, "refresh", lambda key=key: seen["refreshed"].append(key))
    for name in ("reload_lookups", "reload_permissions"):
        monkeypatch.setattr(running.window, name, lambda name=name: seen["reloaded"].append(name))
    running.ctx.hub.changed.connect(seen["announced"].append)
    return seen


def save_organization(running: Any, qtbot: Any, org_id: int, edits: dict[str, str]) -> Changes:
    from ui.dialogs.organization import OrganizationDialog

    dialog = OrganizationDialog(running.ctx, org_id, running.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.original), timeout=5000)
    for key, value in edits.items():
        dialog.form.set_value(key, value)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    running.idle()
    changes: Changes = saved.args[0]
    return changes


def shown(running: Any, *keys: str) -> int:
    """Show these sections once (a section refreshes only once it has been shown); the key
    of the first organization."""
    for key in keys:
        running.section(key)
    return int(running.window.sections["organizations"].model.key_at(0))


def test_saving_an_organization_without_edits_refreshes_nothing(running: Any, qtbot: Any,
                                                                monkeypatch: Any) -> None:
    org_id = shown(running, "volunteers", "audit", "stats", "organizations")
    seen = watch(running, monkeypatch)
    changes = save_organization(running, qtbot, org_id, {})
    assert changes.nothing_changed and changes.ids == (org_id,)
    assert seen == {"refreshed": [], "reloaded": [], "announced": []}


def test_an_edit_refreshes_only_the_sections_showing_what_changed(running: Any, qtbot: Any,
                                                                  monkeypatch: Any) -> None:
    org_id = shown(running, "volunteers", "audit", "stats", "organizations")
    seen = watch(running, monkeypatch)
    changes = save_organization(running, qtbot, org_id, {"venue": "社区活动中心二楼"})
    assert changes.tables == {"organization"}
    assert [c.tables for c in seen["announced"]] == [{"organization"}]
    # the log shows every change; the statistics, organizations' deadlines
    assert sorted(seen["refreshed"]) == ["audit", "organizations", "stats"]
    assert seen["reloaded"] == ["reload_lookups"]  # organizations are a choice elsewhere
