"""Benchmark: time and peak memory of reading the largest workbooks the importer accepts, and
what the estimate in registry/importer/limits.py said each would take.

Each workbook is a volunteer roster (10 columns: names, ID numbers and phones as text, dates,
numbers), written here as Excel writes it (shared strings, r on every cell), with as many
rows as the memory budget lets in: the figure issue 12 asks for. Then: a sheet of unique
strings, one sparse sheet (a header and one far cell), a CSV near 50 MB, and the attack
files just over the limits, each refused in seconds within little memory. Every file is read
in its own process (peak = that child's ru_maxrss), as `read_table` would in the program.

    .venv/bin/python bench/bench_read_limits.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from xlsxwriter.utility import xl_col_to_name  # noqa: E402

from registry.importer.limits import MAX_FILE_BYTES, MB, READ_BUDGET  # noqa: E402

HEADER = ("姓名", "身份证号", "联系电话", "所在社区", "志愿者编号", "注册日期", "政治面貌", "服务类别",
          "累计时长", "备注")
COMMUNITIES = ("永安里社区", "建华南社区", "光华里社区", "秀水社区")
CHILD = """
import json, resource, sys, time
from registry.importer.kinds import VOLUNTEERS
from registry.importer.read import read_table
from registry.rules.problems import RegistryError
started = time.perf_counter()
try:
    table = read_table(sys.argv[1], VOLUNTEERS)
    outcome = f"read {len(table.rows):,} rows"
except RegistryError as exc:
    outcome = "refused: " + str(exc)[:70]
print(json.dumps({"seconds": time.perf_counter() - started, "outcome": outcome,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships"><sheets><sheet name="志愿者" sheetId="1" r:id="rId1"/></sheets></workbook>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
         'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
         'officeDocument/2006/relationships/{kind}" Target="{target}"/>{more}</Relationships>')
_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
          '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
          'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
          'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
          '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override '
          'PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'spreadsheetml.sharedStrings+xml"/></Types>')
_SST = ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/>')


def write_xlsx(path: Path, rows: Iterator[list[str | float]]) -> None:
    """A workbook as Excel writes it: every text in the shared-strings table, once."""
    strings: dict[str, int] = {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _RELS.format(kind="officeDocument", target="xl/workbook.xml", more=""))
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels",
                         _RELS.format(kind="worksheet", target="worksheets/sheet1.xml", more=_SST))
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                        b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for r, cells in enumerate(rows, start=1):
                parts = [f'<row r="{r}">']
                for c, value in enumerate(cells):
                    ref = f"{xl_col_to_name(c)}{r}"
                    if isinstance(value, str):
                        index = strings.setdefault(value, len(strings))
                        parts.append(f'<c r="{ref}" t="s"><v>{index}</v></c>')
                    elif value is not None:
                        parts.append(f'<c r="{ref}"><v>{value}</v></c>')
                parts.append("</row>")
                sheet.write("".join(parts).encode())
            sheet.write(b"</sheetData></worksheet>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as shared:
            shared.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.'
                         b'org/spreadsheetml/2006/main">')
            for text in strings:
                shared.write(f"<si><t>{text}</t></si>".encode())
            shared.write(b"</sst>")


def roster(rows: int, unique: bool = False) -> Iterator[list[str | float]]:
    yield list(HEADER)
    for i in range(rows):
        yield [f"张{i % 5000:04d}", f"1101051980{i % 10000:06d}{i % 10}", f"138{i:08d}",
               COMMUNITIES[i % 4], f"JW{i:07d}", 44000 + i % 3000, "群众", "为老服务", float(i % 200),
               f"备注第{i}行" if unique else ""]


def measure(path: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=False)
    if done.returncode:
        return {"seconds": 0.0, "outcome": f"exit {done.returncode}: {done.stderr[-200:]}", "peak_mb": 0.0}
    result: dict[str, object] = json.loads(done.stdout)
    return result


def cases(folder: Path) -> list[tuple[str, Callable[[Path], None]]]:
    def csv_file(path: Path) -> None:
        with open(path, "w", encoding="utf-8-sig", newline="") as out:
            row = 0
            out.write(",".join(HEADER) + "\r\n")
            while out.tell() < MAX_FILE_BYTES - 200:
                cells = roster(1)
                next(cells)
                line = next(cells)
                line[1] = f"1101051980{row % 10000:06d}{row % 10}"
                out.write(",".join(str(v) for v in line) + "\r\n")
                row += 1

    return [
        ("roster-180k.xlsx", lambda p: write_xlsx(p, roster(180_000))),
        ("roster-220k.xlsx", lambda p: write_xlsx(p, roster(220_000))),
        ("roster-unique-150k.xlsx", lambda p: write_xlsx(p, roster(150_000, unique=True))),
        ("roster-500k.xlsx", lambda p: write_xlsx(p, roster(500_000))),
        ("sparse-J700000.xlsx", lambda p: write_xlsx(p, iter([list(HEADER)] + [[]] * 699_998
                                                              + [[""] * 9 + ["远处"]]))),
        ("near-50MB.csv", csv_file),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the workbooks in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"budget {READ_BUDGET // MB} MB for reading; files up to {MAX_FILE_BYTES // MB} MB")
        print(f"{'file':<26} {'size MB':>8} {'seconds':>8} {'peak MB':>8}  outcome")
        for name, make in cases(folder):
            path = folder / name
            if not path.exists():
                make(path)
            got = measure(path)
            print(f"{name:<26} {path.stat().st_size / MB:>8.1f} {got['seconds']:>8.1f} "
                  f"{got['peak_mb']:>8.0f}  {got['outcome']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
