"""Naming a file the importer cannot read: what it is (told by its content, not its name)
and what to save it as, in one sentence. A clerk who chose a WPS, Numbers, OpenDocument,
password-protected or PDF file learns which program opens it and which format to save."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from registry.rules.problems import RegistryError
from registry.texts import mark, msg

_SAVE_AS = mark("另存为 Excel 工作簿（.xlsx）后再导入")
_IN_A_SPREADSHEET = mark("表格请放在 Excel 或 WPS 表格中，{save_as}")  # advice with {save_as}
_TEXT_SUFFIXES = (".csv", ".tsv", ".txt", ".tab")


def refusal(name: str, what: str, advice: str) -> RegistryError:
    """`what` and `advice`: marked texts (or texts already in the current language); an
    advice's {save_as} becomes the advice to save as .xlsx."""
    return RegistryError(msg("“{name}”是{what}，不能直接导入；{advice}。", name=name, what=what,
                             advice=msg(advice, save_as=_SAVE_AS)))


def numbers(name: str) -> RegistryError:
    return refusal(name, mark("苹果 Numbers 表格"),
                   mark("请在 Numbers 中选择“文件 → 导出为 → Excel…”，存成 .xlsx 后再导入"))


def wps(name: str) -> RegistryError:
    return refusal(name, mark("WPS 表格专用格式（.et）的文件"),
                   mark("请在 WPS 中选择“文件 → 另存为”，文件类型选“Excel 工作簿（*.xlsx）”后再导入"))


def encrypted(name: str) -> RegistryError:
    return refusal(name, mark("设有打开密码的加密工作簿，本程序无法解密"),
                   mark("请在 Excel 或 WPS 中输入密码打开它，去掉打开密码（Excel：“文件 → 信息 → 保护工作簿 → "
                        "用密码进行加密”，清空密码），再{save_as}"))


_ZIP_KINDS = (  # a part only that kind of file has → what it is, which program saves it
    ("Index/Document.iwa", mark("苹果 Numbers 表格"), ""),
    ("index.xml", mark("苹果 Numbers 表格（旧版）"), ""),
    ("word/document.xml", mark("Word 文档"), _IN_A_SPREADSHEET),
    ("ppt/presentation.xml", mark("PowerPoint 演示文稿"), _IN_A_SPREADSHEET),
)
_OPEN_DOCUMENT = {"application/vnd.oasis.opendocument.spreadsheet": mark("OpenDocument 表格（.ods）"),
                  "application/vnd.oasis.opendocument.text": mark("OpenDocument 文档（.odt）")}


def zip_refusal(name: str, parts: Collection[str], mimetype: str) -> RegistryError:
    """The sentence for a zip that holds no Excel workbook, naming what it holds."""
    for part, what, advice in _ZIP_KINDS:
        if part in parts:
            if not advice:  # Numbers
                return numbers(name)
            return refusal(name, what, advice)
    if mimetype in _OPEN_DOCUMENT:
        return refusal(name, _OPEN_DOCUMENT[mimetype], mark("请用 WPS 或 LibreOffice 打开它，{save_as}"))
    return refusal(name, mark("压缩包，不是 Excel 工作簿"), mark("请选择 .xlsx、.xls 或 .csv 文件"))


_OLE2_KINDS = (  # a stream only that kind of compound file has → what it is
    ("EncryptedPackage", ""),
    ("WordDocument", mark("Word 文档（.doc）")),
    ("PowerPoint Document", mark("PowerPoint 演示文稿（.ppt）")),
)


def ole2_refusal(name: str, streams: Collection[str]) -> RegistryError:
    """The sentence for an OLE2 compound file that holds no BIFF workbook stream."""
    for stream, what in _OLE2_KINDS:
        if stream in streams:
            return encrypted(name) if not what else refusal(name, what, _IN_A_SPREADSHEET)
    if Path(name).suffix.lower() in (".et", ".ett") or any(s.upper().startswith("ET") for s in streams):
        return wps(name)
    return refusal(name, mark("一种不认识的 Office 文件，其中没有工作表数据"),
                   mark("请用制作它的程序打开它，{save_as}"))


_MAGIC = (
    (b"%PDF", mark("PDF 文件"), mark("PDF 不能还原成表格：请找到做这份 PDF 用的 Excel 文件导入，或把表格另存为 .xlsx")),
    (b"\x89PNG", mark("PNG 图片"), mark("图片不能导入：请导入原来的 Excel 或 CSV 文件")),
    (b"\xff\xd8\xff", mark("JPEG 图片"), mark("图片不能导入：请导入原来的 Excel 或 CSV 文件")),
    (b"GIF8", mark("GIF 图片"), mark("图片不能导入：请导入原来的 Excel 或 CSV 文件")),
    (b"Rar!", mark("RAR 压缩包"), mark("请先解压，再选择其中的 .xlsx、.xls 或 .csv 文件")),
    (b"7z\xbc\xaf", mark("7z 压缩包"), mark("请先解压，再选择其中的 .xlsx、.xls 或 .csv 文件")),
    (b"{\\rtf", mark("RTF 文档"), _IN_A_SPREADSHEET),
)
_HTML = (b"<!doctype html", b"<html", b"<table", b"<meta", b"<?xml")


def content_refusal(name: str, start: bytes) -> RegistryError | None:
    """The sentence for a file its first bytes show is no spreadsheet, or None."""
    for magic, what, advice in _MAGIC:
        if start.startswith(magic):
            return refusal(name, what, advice)
    head = start.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(head.startswith(tag) for tag in _HTML) and Path(name).suffix.lower() not in _TEXT_SUFFIXES:
        # what many web systems hand out as ".xls": a web page holding a table
        return refusal(name, mark("网页（HTML/XML）格式的表格，只是扩展名像 Excel 文件"),
                       mark("请在 Excel 或 WPS 中打开它，{save_as}"))
    return None


def is_text_table(path: Path) -> bool:
    """Whether the file is named as a CSV or tab-separated text table."""
    return path.suffix.lower() in _TEXT_SUFFIXES


_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 13))


def looks_like_text(path: Path) -> bool:
    """Whether the file starts as text would (a BOM, or no control characters besides tab
    and line ends), so it can be read as a CSV whatever it is named."""
    with open(path, "rb") as handle:
        start = handle.read(4096)
    if start.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    return bool(start) and not any(c in _CONTROL for c in start)


def not_a_file(path: Path) -> RegistryError:
    if path.suffix.lower() == ".numbers":  # a Numbers document may be a folder (a package)
        return numbers(path.name)
    return RegistryError(msg("“{name}”不是文件，请选择一个 Excel 或 CSV 文件。", name=path.name))
