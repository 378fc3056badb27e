"""登记库设置: administrators choose the rule presets and the retention periods, and may
apply the retention at once; clerks do not see the dialog."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from registry.ops.retention import ERASED_NAME, setting_key
from registry.queries.presets import get_setting
from registry.storage.models import Organization, Person, SocialWorker, Volunteer


def open_dialog(r: Any, qtbot: Any) -> Any:
    from ui.dialogs.register_settings import RegisterSettingsDialog

    dialog = RegisterSettingsDialog(r.ctx, r.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled)
    return dialog


def choose(box: Any, value: str) -> None:
    box.setCurrentIndex(box.findData(value))


def test_only_administrators_see_the_settings(running_as: Any) -> None:
    clerk = running_as("办事员")
    assert not clerk.window.settings_action.isVisible()
    clerk.window.register_settings()  # the shortcut path refuses too: no dialog, no hang
    admin = running_as("管理员")
    assert admin.window.settings_action.isVisible()


def test_saving_presets_recomputes_and_refreshes(running_as: Any, qtbot: Any) -> None:
    r = running_as("管理员")
    volunteers = r.section("volunteers")
    dialog = open_dialog(r, qtbot)
    assert dialog.presets["star_preset"].currentData() == "national"
    assert dialog.presets["star_preset"].currentText().startswith("全国标准")
    choose(dialog.presets["star_preset"], "beijing_trial")
    choose(dialog.presets["ce_preset"], "annual_90")
    choose(dialog.presets["rounding_preset"], "exact")
    dialog.years["volunteer"].setValue(3)
    assert set(dialog.changed()) == {"star_preset", "ce_preset", "rounding_preset", "volunteer"}
    with qtbot.waitSignal(r.ctx.hub.changed, timeout=20_000) as changed:
        dialog.save_button.click()
    assert {"setting", "volunteer", "social_worker"} <= changed.args[0].tables
    assert dialog.message.text() == "已保存。"
    r.idle()
    saved = r.query(lambda: {k: get_setting(k) for k in ("star_preset", "ce_preset", "rounding_preset")})
    assert saved == {"star_preset": "beijing_trial", "ce_preset": "annual_90", "rounding_preset": "exact"}
    assert r.query(lambda: get_setting(setting_key("volunteer"))) == "3"
    assert r.query(lambda: Volunteer.select().where(Volunteer.star_preset != "beijing_trial").count()) == 0
    assert dialog.changed() == {}
    dialog.save_button.click()
    assert dialog.message.text() == "设置没有变化。"
    assert volunteers.model.ready


def test_apply_retention_after_confirmation_reports_what_was_erased(
        running_as: Any, qtbot: Any, monkeypatch: Any) -> None:
    from registry import ops

    r = running_as("管理员")

    def leaver() -> int:  # a volunteer with no other role, deactivated five years ago
        others = ([p for (p,) in SocialWorker.select(SocialWorker.person).tuples()]
                  + [p for row in Organization.select(Organization.legal_representative,
                                                      Organization.contact).tuples() for p in row if p])
        v = Volunteer.select().where((Volunteer.status == "在册")
                                     & Volunteer.person.not_in(others)).first()
        ops.deactivate_volunteer("管理员", v.id, "搬离本街道")
        Volunteer.update(status_changed_on=dt.date.today() - dt.timedelta(days=5 * 366)).where(
            Volunteer.id == v.id).execute()
        return int(v.person_id)
    person = r.query(leaver)

    dialog = open_dialog(r, qtbot)
    dialog.apply_button.click()  # nothing set yet: nothing erased, no question asked
    assert "没有设置保存期限" in dialog.message.text()

    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog.years["volunteer"].setValue(3)
    dialog.apply_button.click()  # the clerk says no the first time
    assert "注销满 3 年后删除" in asked[0] and "永久保存" in asked[0]
    assert r.query(lambda: Person.get_by_id(person).name) != ERASED_NAME

    with qtbot.waitSignal(r.ctx.hub.changed, timeout=20_000,
                          check_params_cb=lambda c: "person" in c.tables):
        dialog.apply_button.click()
    assert dialog.report is not None and dialog.report.erased["volunteer"] == 1
    assert "志愿者 1 人" in dialog.message.text()
    assert r.query(lambda: get_setting(setting_key("volunteer"))) == "3"  # saved first
    assert r.query(lambda: Person.get_by_id(person).name) == ERASED_NAME
    r.idle()


def test_a_district_defined_preset_is_listed_with_its_source_and_date(running_as: Any, qtbot: Any) -> None:
    from registry.ops.district import DistrictConfig, apply_district
    from registry.rules.preset_definitions import preset_from_data
    from registry.storage.models import District

    r = running_as("管理员")

    def define() -> None:  # a district file defining a star preset of its own, applied to this register
        district = District.get()
        preset, problems = preset_from_data("star", {
            "name": "chaoyang_2026", "label": "朝阳区 2026 年标准", "thresholds": [50, 100, 200, 400, 800],
            "source": "《朝阳区志愿者星级认定办法》（朝阳区民政局，2025）", "effective": "2026-01-01"}, "x")
        assert preset is not None, problems
        apply_district("管理员", DistrictConfig(
            district.code, district.name, get_setting("district_full_name") or district.name, district.population,
            get_setting("default_street"), {}, defined=(preset,)))
    r.query(define)
    dialog = open_dialog(r, qtbot)
    stars = dialog.presets["star_preset"]
    assert [stars.itemData(i) for i in range(stars.count())] == ["national", "beijing_trial", "chaoyang_2026"]
    source = dialog.sources["star_preset"]
    assert "《志愿服务记录办法》（民政部，民函〔2012〕340号）" in source.text() and "2012-10-23" in source.text()
    choose(stars, "chaoyang_2026")
    assert stars.currentText() == "朝阳区 2026 年标准"
    assert "《朝阳区志愿者星级认定办法》（朝阳区民政局，2025）" in source.text()
    assert "2026-01-01" in source.text() and "区县配置文件" in source.text()
    assert "50/100/200/400/800" in stars.itemData(stars.currentIndex(), Qt.ItemDataRole.ToolTipRole)
    with qtbot.waitSignal(r.ctx.hub.changed, timeout=20_000):
        dialog.save_button.click()
    assert dialog.message.text() == "已保存。"
    assert r.query(lambda: Volunteer.select().where(Volunteer.star_preset != "chaoyang_2026").count()) == 0
    r.idle()
