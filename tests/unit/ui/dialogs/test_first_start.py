"""Item 2 and 12 of issue 13, as a clerk meets them: the first start on an empty data folder
goes through the set-up pages, and the window then names the chosen street; 区划设置 adds a
community and its population of 2026, each audited; a volunteer without a community is
refused when the register has communities; the certificate offers the account's name as
handler, never the computer's login."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QWizard

from registry.queries.areas import office_name
from registry.storage.models import Account, AuditEntry, CommunityPopulation, Person
from ui.dialogs.first_start import REGISTER_SETTING, SetupWizard, first_start

SHOTS = Path("/tmp/setup-shots")


def drive(street: str, *, admin: tuple[str, str] | None, location: Path | None = None,
          shots: str = "") -> Any:
    """A driver for first_start: answers the pages as a clerk would, pressing Next and Finish."""
    def answer(wizard: SetupWizard) -> bool:
        wizard.resize(1024 * 2 // 3, 460)
        wizard.show()
        files = wizard.district.files
        files.setCurrentIndex(next(i for i in range(files.count()) if "北京市朝阳区" in files.itemText(i)))
        pages = []
        wizard.next()
        streets = wizard.street.streets
        streets.setCurrentIndex(next(i for i in range(streets.count()) if street in streets.itemText(i)))
        pages.append(wizard.street.issuer.text())
        wizard.next()
        page = wizard.account
        if admin is None:
            page.without.setChecked(True)
        else:
            page.name.setText(admin[0])
            page.display_name.setText(admin[1])
            page.password.setText("password1")
            page.again.setText("password1")
        assert page.isComplete()
        wizard.next()
        if location is not None:
            wizard.location.set_location(str(location))
        if shots:
            SHOTS.mkdir(exist_ok=True)
            wizard.grab().save(str(SHOTS / f"{shots}.png"))
        wizard.button(QWizard.WizardButton.FinishButton).click()
        wizard.issuer_seen = pages  # type: ignore[attr-defined]
        return wizard.result() == QDialog.DialogCode.Accepted
    return answer


@pytest.fixture
def worker() -> Iterator[Any]:
    from registry.storage.lifecycle import close_database
    from ui.runtime.worker import Worker

    w = Worker()
    yield w
    w.run_sync(close_database)
    w.shutdown()


def audit(worker: Any) -> list[tuple[str, str, str]]:
    return worker.run_sync(lambda: [(e.actor, e.action, e.table_name) for e in AuditEntry.select()])


def test_first_start_sets_up_the_register_and_the_window_names_the_street(worker: Any, tmp_path: Path,
                                                                         qtbot: Any) -> None:
    from registry.storage.paths import default_database_path
    from ui.main_window import MainWindow, load_lookups
    from ui.runtime import settings
    from ui.runtime.context import AppContext, Hub
    from ui.runtime.permissions import load_permissions

    assert not default_database_path().exists()  # an empty data folder
    chosen = tmp_path / "office" / "朝外街道登记库"
    result = first_start(worker, str(default_database_path()), "root", opened=False,
                         wizard=drive("朝外街道", admin=("wangf", "王芳"), location=chosen))
    assert result is not None
    target, session = result
    assert target == str(chosen) + ".sqlite3" and Path(target).is_file()
    assert not default_database_path().exists()
    assert settings.settings().value(REGISTER_SETTING) == target  # the next start opens it
    assert session == ("wangf", "admin")
    assert worker.run_sync(office_name) == "北京市朝阳区朝外街道办事处"
    assert worker.run_sync(lambda: Account.get(Account.name == "wangf").display_name) == "王芳"
    done = audit(worker)
    assert ("wangf", "user_add", "account") in done and ("wangf", "apply_district", "district") in done
    assert ("wangf", "areas", "setting") in done
    assert not any(actor == "root" for actor, _, _ in done)  # the computer's login did nothing
    values = worker.run_sync(load_lookups)
    empty = bool(values.pop("empty"))
    allowed = worker.run_sync(lambda: load_permissions("wangf"))
    ctx = AppContext(worker, "wangf", Hub(), values, target, open_folders=False, role=allowed["role"],
                     permissions=allowed["permissions"])
    window = MainWindow(ctx, empty, auto_backup=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "朝外街道" in window.windowTitle())
    assert window.windowTitle().endswith("北京市朝阳区朝外街道")
    assert window.areas_action.isVisible()
    qtbot.waitUntil(lambda: worker.pending == 0)


def test_the_street_page_shows_the_issuer_and_cancelling_leaves_no_register(worker: Any, tmp_path: Path) -> None:
    target = tmp_path / "r.sqlite3"
    seen: list[str] = []

    def look_then_cancel(wizard: SetupWizard) -> bool:
        wizard.show()
        wizard.next()
        seen.append(wizard.street.issuer.text())
        wizard.reject()
        return False
    assert first_start(worker, str(target), "root", opened=False, wizard=look_then_cancel) is None
    assert not target.exists()
    assert seen == ["北京市朝阳区建外街道办事处"]  # the district file's default street comes first


def test_without_accounts_no_one_is_made_and_no_handler_is_offered(worker: Any, tmp_path: Path) -> None:
    from registry.queries.certificates import handler_name

    target = tmp_path / "r.sqlite3"
    result = first_start(worker, str(target), "root", opened=False,
                         wizard=drive("呼家楼街道", admin=None, shots="without-accounts"))
    assert result is not None and result[1] == ("root", None)
    assert worker.run_sync(lambda: Account.select().count()) == 0
    assert worker.run_sync(lambda: handler_name("root")) == ""
    assert worker.run_sync(office_name) == "北京市朝阳区呼家楼街道办事处"


def test_an_empty_register_already_there_is_set_up_in_place(worker: Any, tmp_path: Path) -> None:
    from registry.storage.lifecycle import open_database

    target = tmp_path / "r.sqlite3"
    worker.run_sync(lambda: open_database(target))
    result = first_start(worker, str(target), "root", opened=True,
                         wizard=drive("建外街道", admin=("boss", "张主任")))
    assert result == (str(target), ("boss", "admin"))
    again = first_start(worker, str(target), "root", opened=True, wizard=lambda w: pytest.fail("asked twice"))
    assert again == (str(target), None)  # set up: the next start only logs in


# --- 区划设置, the forms, the certificate -------------------------------------------------


@pytest.fixture
def set_up(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    """The program after a first start with an administrator 王芳 (wangf) for 建外街道."""
    from helpers.ui import Running

    from registry.ops.district import check_district
    from registry.ops.setup import Administrator, set_up_register
    from registry.storage.lifecycle import close_database, open_database

    path = tmp_path / "r.sqlite3"
    open_database(path)
    config, _ = check_district(Path(__file__).resolve().parents[4] / "packaging/districts/110105-chaoyang.toml")
    set_up_register("root", config, "110105-chaoyang.toml", "110105001",
                    Administrator("wangf", "王芳", "password1"))
    close_database()
    r = Running(qtbot, path, "wangf")
    yield r
    r.close()


def test_area_settings_add_a_community_and_its_2026_population_audited(set_up: Any, qtbot: Any,
                                                                     monkeypatch: Any) -> None:
    from ui.dialogs.areas import AreaForm, AreasDialog

    r = set_up
    dialog = AreasDialog(r.ctx, r.window)
    qtbot.addWidget(dialog)
    dialog.year.setValue(2026)
    dialog.resize(1024 * 3 // 4, 520)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 3)
    street = dialog.tree.topLevelItem(0)
    assert street.text(0) == "建外街道（本街道）" and street.childCount() == 3
    dialog.tree.setCurrentItem(street)

    def fill(form: AreaForm) -> bool:
        form.code.setText("110105001004")
        form.name.setText("秀水社区")
        form.population.setValue(5_230)
        return True
    monkeypatch.setattr(dialog, "_ask", fill)
    dialog.buttons["add_community"].click()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItem(0) is not None and dialog.tree.topLevelItem(0).childCount() == 4)
    new = dialog.tree.topLevelItem(0).child(3)
    assert (new.text(0), new.text(2), new.text(3)) == ("秀水社区", "5,230", "2026 年数字")
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "areas.png"))
    entries = r.query(lambda: [(e.actor, e.action, e.table_name, e.after) for e in AuditEntry.select()
                               .where(AuditEntry.table_name.in_(["community", "community_population"]))
                               .where(AuditEntry.action == "areas")])
    assert [e[:3] for e in entries] == [("wangf", "areas", "community"), ("wangf", "areas", "community_population")]
    assert json.loads(entries[1][3]) == {"year": 2026, "population": 5230}
    assert r.query(lambda: CommunityPopulation.select().count()) == 1
    r.idle()
    assert "秀水社区" in [label for _, label in r.ctx.lookups["communities"]]  # the forms offer it at once


def test_a_volunteer_without_a_community_is_refused_when_there_are_communities(set_up: Any, qtbot: Any) -> None:
    from ui.dialogs.volunteer import VolunteerDialog

    r = set_up
    dialog = VolunteerDialog(r.ctx, None, r.window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.set_value("id_number", "11010519491231002X")
    dialog.form.set_value("name", "张三")
    dialog.save()
    qtbot.waitUntil(lambda: "社区" in dialog.form.message("community"))
    assert "请选择所在社区" in dialog.form.message("community")
    assert r.query(lambda: Person.select().count()) == 0
    combo = dialog.form.fields["community"].widget
    combo.setCurrentIndex(1)
    dialog.save()
    qtbot.waitUntil(lambda: r.query(lambda: Person.select().count()) == 1)


def test_with_no_communities_the_form_says_where_to_add_them(running_empty: Any, qtbot: Any) -> None:
    from ui.dialogs.volunteer import VolunteerDialog

    dialog = VolunteerDialog(running_empty.ctx, None, running_empty.window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "区划设置" in dialog.form.message("community")
    assert not dialog.form.fields["community"].widget.isEnabled()


def test_the_certificate_offers_the_accounts_name_as_handler(set_up: Any, qtbot: Any) -> None:
    from ui.dialogs.certificate import CertificateDialog

    r = set_up
    dialog = CertificateDialog(r.ctx, 1, "张三", r.window)  # what it offers, before anything is issued
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.handler_offered and bool(dialog.office))
    assert dialog.form.value("handler") == "王芳"
    assert dialog.form.value("issuing_organization") == "北京市朝阳区建外街道办事处"


def test_without_accounts_the_certificate_offers_no_handler(running_empty: Any, qtbot: Any) -> None:
    from ui.dialogs.certificate import CertificateDialog

    dialog = CertificateDialog(running_empty.ctx, 1, "张三", running_empty.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.handler_offered)
    assert dialog.form.value("handler") == "" and running_empty.ctx.actor not in dialog.form.value("handler")


def test_a_district_file_choosing_a_rule_not_yet_in_force_says_so_on_the_first_page(
        qtbot: Any, tmp_path: Path) -> None:
    import datetime as dt

    from helpers.districts import OWN_STAR, district_file

    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    own = district_file(tmp_path, star="chaoyang_2026",
                        definitions=OWN_STAR.replace("effective = 2026-01-01", f"effective = {later}"))
    wizard = SetupWizard(str(tmp_path / "r.sqlite3"))
    qtbot.addWidget(wizard)
    page = wizard.district
    page.add_and_choose(own)
    text = page.summary.text()
    assert "北京市朝阳区" in text and f"{later} 才施行" in text and "chaoyang_2026" in text
    assert page.isComplete()  # a reminder, not a refusal
    files = page.files
    files.setCurrentIndex(next(i for i in range(files.count()) if files.itemText(i).endswith("110105-chaoyang.toml）")))
    assert "才施行" not in page.summary.text()  # the shipped file's rules are in force
