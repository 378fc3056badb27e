"""A clerk's first day, whole, in a real window (xcb under Xvfb), driven through the X
server with the mouse and keyboard, at 1024×768 and 1366×768:

the first start on a computer with no register (the set-up: district, this office's street,
the first administrator, where the register lives) → a new volunteer, typed → an
activity's hours entered by names, one of them a namesake, who is not ticked until the
clerk picks by community and birth year → a colleague logs in and approves (the question
says how many lines, people and hours; the answer says what was done) → the volunteer
roster exported and read back → a service certificate, issued by this office and handled
by the logged-in account's own name, read back from the PDF.

The namesake and the colleague's account are what others did at other desks: made through
the core (registry.ops) once the register exists, as the set-up is the journey's start."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow  # each journey is a program of its own on an X screen

ADMIN = ("lihua", "李华", "Chaowai-2025")  # user name, own name (printed as handler), password
COLLEAGUE = ("zhangmin", "张敏", "Zhangmin-2025")
STREET, OFFICE = "朝外街道", "北京市朝阳区朝外街道办事处"
HOME, OTHER = "吉祥里社区", "芳草地社区"  # the new volunteer's community, the namesake's
NAME, NAMESAKE_BORN, OTHER_NAME = "李秀英", "1962", "张伟"
ACTIVITY, HOURS = "重阳敬老探访", 3  # the new activity's default times: the last three hours


def _id_number(born: str, sequence: str) -> str:
    from registry.rules.idnumber import check_id_number

    body = f"110105{born}{sequence}"
    return next(body + d for d in "0123456789X" if check_id_number(body + d)[0] is not None)


NEW_ID = _id_number("19850316", "024")  # typed by the clerk


# --- the journey (runs in the program's process; see desk.py) ------------------------------


def a_clerks_first_day(desk: Any) -> None:
    started = time.perf_counter()
    set_up_the_register(desk)
    desk.window_opened()
    window = desk.window
    desk.assert_inside_screen(window, "the window after the set-up")
    assert STREET in desk.gui(window.windowTitle), "the title names this office's street"
    desk.on_register(others_at_other_desks)
    register_the_volunteer(desk)
    enter_the_activity_hours(desk)
    log_in_as(desk, COLLEAGUE)
    approve_the_hours(desk)
    export_the_roster(desk)
    issue_the_certificate(desk)
    print(f"journey-steps {time.perf_counter() - started:.1f}", flush=True)


def set_up_the_register(desk: Any) -> None:
    from PySide6.QtWidgets import QWizard

    wizard = desk.top_level(lambda w: w.objectName() == "first_start", "the first start's set-up")
    desk.assert_inside_screen(wizard, "the set-up")

    def next_page() -> None:
        desk.click(desk.gui(lambda: wizard.button(QWizard.WizardButton.NextButton)))

    district = desk.find("setup_district", wizard)
    assert "北京市朝阳区" in desk.gui(district.currentText), "the district file the program carries is offered"
    desk.shot("setup-district")
    next_page()
    desk.choose(desk.find("setup_street", wizard), STREET)
    issuer = desk.find("setup_issuer", wizard)
    assert desk.gui(issuer.text) == OFFICE, f"the issuer shown is {desk.gui(issuer.text)!r}"
    desk.assert_whole(issuer, "who issues the certificates")
    desk.shot("setup-street")
    next_page()
    name, own, password = ADMIN
    for field, text in (("setup_admin_name", name), ("setup_admin_display_name", own),
                        ("setup_admin_password", password), ("setup_admin_password_again", password)):
        desk.type_into(desk.find(field, wizard), text)
    desk.assert_whole(desk.find("setup_admin_password_again", wizard), "the last password field")
    desk.shot("setup-administrator")
    next_page()
    location = desk.find("setup_location", wizard)
    desk.assert_whole(location, "where the register lives")
    desk.shot("setup-location")
    desk.click(desk.gui(lambda: wizard.button(QWizard.WizardButton.FinishButton)))
    desk.gone(wizard, "the set-up")


def others_at_other_desks() -> None:
    """On the worker: a colleague's account, and volunteers registered before: one of the
    same name as the clerk's new volunteer (another community), and one only one person has."""
    from registry import ops
    from registry.ops.accounts import add_account
    from registry.storage.models import Community

    def community(name: str) -> int:
        return int(Community.get(Community.name == name).id)

    admin = ADMIN[0]
    add_account(admin, COLLEAGUE[0], "clerk", COLLEAGUE[2], display_name=COLLEAGUE[1])
    ops.register_volunteer(admin, {"id_number": _id_number(f"{NAMESAKE_BORN}0704", "046"), "name": NAME,
                                   "community": community(OTHER)})
    ops.register_volunteer(admin, {"id_number": _id_number("19790211", "013"), "name": OTHER_NAME,
                                   "community": community(HOME)})


def register_the_volunteer(desk: Any) -> None:
    from ui.dialogs.volunteer import VolunteerDialog

    window = desk.window
    desk.wait(lambda: window.stack.currentWidget() is window.welcome, "the welcome page of an empty register")
    desk.shot("welcome")
    desk.click(desk.find("welcome_volunteer", window.welcome))
    dialog = desk.dialog(VolunteerDialog, "the new volunteer form")
    desk.assert_inside_screen(dialog, "the new volunteer form")
    desk.type_into(desk.find("id_number", dialog), NEW_ID)
    facts = desk.find("id_facts", dialog)
    desk.wait(lambda: "1985-03-16" in facts.text(), "the birth date read from the ID number")
    desk.type_into(desk.find("name", dialog), NAME)
    desk.choose(desk.find("community", dialog), HOME)
    desk.shot("new-volunteer")
    desk.click(desk.gui(lambda: dialog.save_button))
    desk.gone(dialog, "the new volunteer form")
    desk.wait(lambda: window.stack.currentWidget() is window.current_section()
              and window.current_section().key == "volunteers" and window.current_section().is_ready(),
              "the volunteers' list instead of the welcome page")
    desk.idle()
    section = desk.gui(window.current_section)
    assert desk.gui(section.model.rowCount) == 3, "the clerk's volunteer and the two registered before"


def enter_the_activity_hours(desk: Any) -> None:
    from PySide6.QtWidgets import QPushButton

    from ui.dialogs.activity import ActivityDialog, ActivityHoursDialog
    from ui.runtime.i18n import translate

    section = desk.section("hours")
    desk.click(desk.find("activity_hours", section))
    dialog = desk.dialog(ActivityHoursDialog, "the activity hours form")
    desk.assert_inside_screen(dialog, "the activity hours form")
    new = desk.gui(lambda: next(b for b in dialog.findChildren(QPushButton)
                                if b.text() == translate("Forms", "New activity…")))
    desk.click(new)
    activity = desk.dialog(ActivityDialog, "the new activity form")
    desk.type_into(desk.find("name", activity), ACTIVITY)
    desk.choose(desk.find("community", activity), HOME)
    desk.shot("new-activity")
    desk.click(desk.gui(lambda: activity.save_button))
    desk.gone(activity, "the new activity form")
    desk.wait(lambda: ACTIVITY in dialog.activity.currentText(), "the new activity chosen")
    desk.wait(lambda: dialog.form.value("hours") == str(HOURS), "the hours taken from the activity's times")

    desk.type_into(desk.find("paste", dialog), f"{NAME}\n{OTHER_NAME}")
    desk.click(desk.find("add_people", dialog))
    attendees = dialog.attendees
    desk.wait(lambda: attendees.person_count() == 3, "the names looked up")
    desk.shot("namesakes")

    def rows() -> list[tuple[str, str, str, bool]]:  # on the program's thread: desk.gui(rows)
        from PySide6.QtCore import Qt

        return sorted((item.text(0), item.text(2)[:4], item.text(3), item.checkState(0) == Qt.CheckState.Checked)
                      for item in attendees.people())
    listed = desk.gui(rows)
    assert listed == sorted([(NAME, "1985", HOME, False), (NAME, NAMESAKE_BORN, OTHER, False),
                             (OTHER_NAME, "1979", HOME, True)]), \
        f"only {OTHER_NAME}, whom one volunteer is named, is ticked: {listed}"
    desk.assert_whole(dialog.banner, "what the form says about the namesakes")
    assert NAME in desk.gui(dialog.banner.text), "the form says which name it did not tick"

    # the clerk knows theirs: the one of 吉祥里社区, born 1985 (and the ID's masked tail)
    ours = desk.gui(lambda: next(item for item in attendees.people()
                                 if item.text(3) == HOME and item.text(0) == NAME))
    assert desk.gui(lambda: ours.text(4)).endswith(NEW_ID[-2:]), "the masked ID number shows its tail"
    desk.tick(attendees, ours)
    listed = desk.gui(rows)
    assert listed == sorted([(NAME, "1985", HOME, True), (NAME, NAMESAKE_BORN, OTHER, False),
                             (OTHER_NAME, "1979", HOME, True)]), f"after ticking: {listed}"
    assert desk.gui(dialog.ticked.text) == translate("Forms", "{count} people ticked").format(count=2)
    desk.shot("ticked")
    desk.click(desk.gui(lambda: dialog.save_button))
    desk.gone(dialog, "the activity hours form")
    desk.idle()


def log_in_as(desk: Any, account: tuple[str, str, str]) -> None:
    from ui.dialogs.login import LoginDialog

    window = desk.window
    desk.click(desk.find("admin_menu"))
    desk.wait(window.admin_menu.isVisible, "the 系统 menu open")
    menu = window.admin_menu
    action = window.switch_user_action
    desk.click(menu, desk.gui(lambda: menu.actionGeometry(action).center()))
    dialog = desk.dialog(LoginDialog, "the login")
    name, _own, password = account
    desk.type_into(desk.find("login_name", dialog), name)
    desk.click(desk.find("login_password", dialog))
    desk.type(password)
    desk.shot("switch-user")
    desk.key("Return")
    desk.gone(dialog, "the login")
    desk.wait(lambda: window.ctx.actor == name and window.ctx.role == "clerk", f"{name} working")
    desk.wait(lambda: name in window.where.text(), "the status bar to say who is working")


def approve_the_hours(desk: Any) -> None:
    from ui.models.lists import hours_text
    from ui.runtime.i18n import translate

    section = desk.section("hours")
    view = section.view
    assert desk.gui(section.model.rowCount) == 2, "two lines of hours, waiting for approval"

    def row_point(row: int) -> Any:
        return desk.gui(lambda: view.visualRect(section.model.index(row, 1)).center())
    desk.click(view.viewport(), row_point(0))
    desk.click(view.viewport(), row_point(1), holding="shift")
    desk.wait(lambda: len(section.selected_keys()) == 2, "both lines selected")
    desk.click(desk.find("approve", section))
    question = desk.top_level(lambda w: w.objectName() == "approval_question", "the approval question")
    desk.assert_inside_screen(question, "the approval question")
    asked = translate("Approval", "Approve {lines} lines of hours for {people} people, {hours} hours in "
                      "all?").format(lines=2, people=2, hours=hours_text(2 * HOURS))
    assert asked in desk.gui(question.text), f"the question says {desk.gui(question.text)!r}"
    desk.shot("approval-question")
    desk.click(desk.find("approve", question))
    report = desk.top_level(lambda w: w.objectName() == "approval_report", "what the approval did")
    done = translate("Approval", "Approved {lines} lines of hours for {people} people, {hours} hours in "
                     "all.").format(lines=2, people=2, hours=hours_text(2 * HOURS))
    assert desk.gui(report.text).startswith(done), f"the report says {desk.gui(report.text)!r}"
    desk.shot("approval-done")
    desk.key("Return")
    desk.gone(report, "the approval report")
    desk.idle()


def export_the_roster(desk: Any) -> None:
    from python_calamine import CalamineWorkbook

    section = desk.section("export")
    desk.choose(section.roster, "志愿者花名册")
    path = Path(desk.gui(section.path.text))
    desk.shot("export")
    desk.click(section.export_button)
    desk.wait(lambda: section.last_result is not None, "the roster written", timeout=30)
    desk.assert_whole(section.result, "what the export says it did")
    desk.shot("exported")
    assert path.is_file(), f"no roster at {path}"
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    ours = [r for r in rows if NAME in r and HOME in r]
    assert len(ours) == 1, f"the new volunteer once in the roster: {rows}"
    header = next(r for r in rows if "累计时长" in r)
    assert float(ours[0][header.index("累计时长")]) == HOURS, f"the approved hours in 累计时长: {ours[0]}"


def issue_the_certificate(desk: Any) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ui.dialogs.certificate import CertificateDialog

    section = desk.section("volunteers")
    view = section.view

    def our_row() -> Any:
        for row in range(section.model.rowCount()):
            values = section.model.row_values(row) or ()
            if NAME in values and HOME in values:
                return view.visualRect(section.model.index(row, 1)).center()
        raise AssertionError("the new volunteer is not in the list")
    desk.click(view.viewport(), desk.gui(our_row))
    desk.wait(lambda: NAME in section.detail.toPlainText() and HOME in section.detail.toPlainText(),
              "the volunteer's details")
    desk.idle()
    desk.settle(300)
    detail_dates_on_one_line(desk, section.detail)
    desk.shot("volunteer-details")
    desk.click(desk.find("certificate", section))
    dialog = desk.dialog(CertificateDialog, "the certificate form")
    desk.wait(lambda: dialog.form.value("handler") == COLLEAGUE[1], "the handler filled in")
    assert desk.gui(lambda: dialog.form.value("issuing_organization")) == OFFICE
    desk.assert_inside_screen(dialog, "the certificate form")
    desk.shot("certificate")
    desk.click(desk.gui(lambda: dialog.save_button))
    files = desk.dialog(QFileDialog, "where to save the certificate")
    desk.shot("certificate-save-as")
    desk.key("Return")  # the suggested name, in the Documents folder
    desk.gone(files, "the save dialog")
    saved = desk.top_level(_is_certificate_saved, "the certificate saved", 30)
    pdf = Path(desk.gui(saved.text).split("\n")[1])
    desk.shot("certificate-saved")
    desk.click(desk.gui(lambda: saved.button(QMessageBox.StandardButton.No)))  # not opened to print here
    desk.gone(saved, "the question to open it")
    assert pdf.is_file() and pdf.suffix == ".pdf", f"no certificate at {pdf}"
    printed = pdf_text(pdf)
    for what in (NAME, OFFICE, COLLEAGUE[1]):
        assert what in printed, f"{what} is not on the certificate:\n{printed}"
    assert ADMIN[0] not in printed and COLLEAGUE[0] not in printed, "a login name is printed"


def _is_certificate_saved(widget: Any) -> bool:
    from PySide6.QtWidgets import QMessageBox

    from ui.runtime.i18n import translate

    return isinstance(widget, QMessageBox) and widget.windowTitle() == translate("Certificates",
                                                                                 "Certificate saved")


def detail_dates_on_one_line(desk: Any, detail: Any) -> None:
    """Every date of the detail pane (the service history's included) on one line: a narrow
    pane wrapped them a character or two a line."""
    import re

    def wrapped() -> list[tuple[str, int]]:
        out = []
        block = detail.document().begin()
        while block.isValid():
            text = block.text()
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()) and block.layout().lineCount() > 1:
                out.append((text, block.layout().lineCount()))
            block = block.next()
        return out
    assert not desk.gui(wrapped), f"dates wrapped in the detail pane: {desk.gui(wrapped)}"


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True, timeout=30).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def a_backup_names_its_register(desk: Any) -> None:
    """System → Backup and restore…, 立即备份: the new backup's file and its line in the list
    name the register it is of (registers kept in one folder share its backups folder)."""
    from ui.dialogs.backups import BackupDialog

    window = desk.window
    desk.click(desk.find("admin_menu"))
    desk.wait(window.admin_menu.isVisible, "the 系统 menu open")
    menu = window.admin_menu
    desk.click(menu, desk.gui(lambda: menu.actionGeometry(window.backup_action).center()))
    dialog = desk.dialog(BackupDialog, "the backups")
    desk.wait(lambda: bool(dialog.state), "the backups listed")
    assert desk.gui(dialog.table.rowCount) == 0
    desk.click(dialog.backup_button)
    desk.wait(lambda: dialog.table.rowCount() == 1, "the backup made and listed", timeout=20)
    register = Path(desk.gui(lambda: dialog.state["register"]))
    file = desk.gui(lambda: dialog.table.item(0, 4).text())
    assert file.startswith(f"{register.stem}-") and file.endswith("-manual.sqlite3.zst"), file
    assert desk.gui(lambda: dialog.table.item(0, 2).text()) == register.stem
    desk.assert_inside_screen(dialog, "the backups")
    desk.shot("backups")


# --- tests ------------------------------------------------------------------------------


@pytest.mark.parametrize("screen", [(1024, 768), (1366, 768)], ids=["1024x768", "1366x768"])
def test_a_clerks_first_day_from_set_up_to_certificate(desk: Any, screen: tuple[int, int]) -> None:
    output = desk.run(a_clerks_first_day, screen=screen, register="empty", timeout=240)
    assert "journey-steps" in output


def test_a_backup_made_by_hand_names_its_register(desk: Any) -> None:
    desk.run(a_backup_names_its_register, screen=(1024, 768), register="set up")
