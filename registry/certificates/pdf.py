"""The printed volunteer service certificate: one A4 page, Chinese text, font embedded.

The ID number on it follows the masking rule of every other surface (queries/masking.py):
masked for whoever prints it, whole only when an account with the unmask right asked for
it, which is logged as showing a whole number on screen is (ops.accounts.log_unmask)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from registry.certificates.fonts import fonts_for
from registry.ops.accounts import log_unmask
from registry.ops.changes import Table
from registry.queries.masking import MASKED, Masker, masker_for
from registry.rules.problems import NotAllowedError
from registry.storage.models import Certificate, get_or_fail

TITLE = "志愿服务证明"
UNMASKED_WHAT = "志愿服务证明上的完整证件号码"


def _hours(value: object) -> str:
    text = f"{float(str(value)):.2f}".rstrip("0").rstrip(".")
    return text or "0"


def _carried(cert: Certificate) -> str:
    """What of the hours was carried over from earlier records (期初结转), said on the certificate."""
    carried = cert.carried_hours or 0
    return f"（含结转时长 {_hours(carried)} 小时）" if carried else ""


def certificate_lines(cert: Certificate, masker: Masker = MASKED) -> list[tuple[str, str]]:
    person = cert.volunteer.person
    return [
        ("志愿者姓名", person.name),
        ("证件类型", person.id_type),
        ("证件号码", masker.id_number(person.id_number)),
        ("志愿者编号", cert.volunteer.volunteer_number or cert.volunteer.national_number or "—"),
        ("服务时间", f"{cert.period_from:%Y年%m月%d日} 至 {cert.period_to:%Y年%m月%d日}"),
        ("服务时长", f"{_hours(cert.hours)} 小时{_carried(cert)}"),
        ("服务内容", cert.content or "—"),
        ("出具单位", cert.issuing_organization),
        ("负责人", cert.person_in_charge or "—"),
        ("经办人", cert.handler or "—"),
        ("联系电话", cert.contact or "—"),
        ("证明编号", cert.number),
        ("出具日期", f"{cert.issued_on:%Y年%m月%d日}"),
    ]


def write_certificate_pdf(cert: Certificate, target: Path, masker: Masker = MASKED) -> Path:
    person = cert.volunteer.person
    body = (f"　　兹证明{person.name}同志于{cert.period_from:%Y年%m月%d日}至"
            f"{cert.period_to:%Y年%m月%d日}期间参加志愿服务，经核实，累计服务时长"
            f" {_hours(cert.hours)} 小时{_carried(cert)}。特此证明。")
    lines = [(label, str(value)) for label, value in certificate_lines(cert, masker)]
    seal = (f"出具单位（盖章）：{cert.issuing_organization}", f"{cert.issued_on:%Y年%m月%d日}")
    footer = (f"验证码：{cert.verification_code}\n"
              "本证明由街道社会工作登记台出具，可凭证明编号和验证码向出具单位核验真伪。")
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title(f"{TITLE} {cert.number}")
    pdf.set_creator("街道社会工作登记台")
    _add_fonts(pdf, "".join((TITLE, body, *seal, footer, *(part for line in lines for part in line))))
    pdf.add_page()
    pdf.set_font("cjk", size=24)
    pdf.set_y(30)
    pdf.cell(0, 14, TITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=12)
    pdf.ln(6)
    pdf.multi_cell(0, 8, body, align="L")
    pdf.ln(6)
    with pdf.table(col_widths=(30, 100), text_align=("CENTER", "LEFT"), line_height=8,
                   first_row_as_headings=False) as table:
        for label, value in lines:
            row = table.row()
            row.cell(label)
            row.cell(value)
    pdf.ln(10)
    for text in seal:
        pdf.cell(0, 8, text, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(-35)
    pdf.set_font("cjk", size=10)
    pdf.multi_cell(0, 6, footer, align="C")
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    pdf.output(str(partial))
    partial.replace(target)
    return target


def _add_fonts(pdf: FPDF, text: str) -> None:
    """The main font as "cjk" and, for the characters of `text` it lacks (rare characters,
    Extension B), the system fonts that have them, tried character by character."""
    main, fallbacks = fonts_for(text)
    pdf.add_font("cjk", fname=str(main))
    names = []
    for index, path in enumerate(fallbacks):
        pdf.add_font(f"cjk-{index}", fname=str(path))
        names.append(f"cjk-{index}")
    if names:
        pdf.set_fallback_fonts(names)


def certificate_masker(actor: str, certificate_id: int, *, full_number: bool = False) -> Masker:
    """How `actor` gets the certificate's ID number: masked, or whole when asked for by an
    account that may unmask (logged before anything is written; refused for others)."""
    masker = masker_for(actor, reveal=full_number)
    if full_number and not masker.full:
        raise NotAllowedError("只有可以查看完整号码的管理员账号才能在证明上印完整证件号码；"
                              "不勾选此项即可出具（证件号码隐去中间位）。")
    if masker.full:
        log_unmask(actor, Table.CERTIFICATE, certificate_id, UNMASKED_WHAT)
    return masker


def write_stored_certificate_pdf(certificate_id: int, target: Path, *, actor: str,
                                 full_number: bool = False) -> Path:
    """The PDF of a certificate in the register, by its id (the program's save and reprint),
    for `actor`: the ID number masked unless `full_number` was asked for and allowed."""
    cert = get_or_fail(Certificate, certificate_id, "志愿服务证明")
    return write_certificate_pdf(cert, target, certificate_masker(actor, cert.id, full_number=full_number))
