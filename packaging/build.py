#!/usr/bin/env python3
"""Build the program a district's clerks double-click.

    python packaging/build.py --district packaging/districts/110105-chaoyang.toml

makes dist/<district code>/street-registry/ (one folder, PyInstaller), starts it once
offscreen with --self-test, prints the bundle's size, and with --installer compiles the
Windows installer script around it with makensis. Run it inside .venv (dev.py test does).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_BUNDLE_MB = 160
sys.path.insert(0, str(ROOT))


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(district_file: Path, dist: Path) -> Path:
    from registry.ops.district import check_district

    config, problems = check_district(district_file)
    if config is None:
        for problem in problems:
            print(f"district file: {problem}", file=sys.stderr)
        raise SystemExit(2)
    target = dist / config.code
    work = ROOT / "build" / config.code
    env = {**os.environ, "STREET_REGISTRY_DISTRICT": str(district_file.resolve())}
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(target), "--workpath", str(work),
                    str(ROOT / "packaging" / "street_registry.spec")], check=True, env=env, cwd=ROOT)
    return target / "street-registry"


def self_test(bundle: Path) -> None:
    program = bundle / ("street-registry.exe" if os.name == "nt" else "street-registry")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("STREET_REGISTRY_DISTRICT", None)  # the bundle must find its own district file
    result = subprocess.run([str(program), "--self-test"], env=env, capture_output=True, text=True, timeout=300)
    print(result.stdout.strip())
    if result.returncode != 0:
        print(result.stderr[-4000:], file=sys.stderr)
        raise SystemExit(f"self-test of the built program failed (exit {result.returncode})")


def installer(bundle: Path, district_file: Path) -> Path:
    from registry import __version__
    from registry.ops.district import check_district

    config, _ = check_district(district_file)
    assert config is not None
    makensis = shutil.which("makensis")
    if makensis is None:
        raise SystemExit("makensis is not installed (Debian: apt-get install nsis)")
    bundle = bundle.resolve()  # makensis resolves relative paths against the script's folder
    out = bundle.parent / f"街道社会工作登记台-{config.full_name}-{__version__}-安装程序.exe"
    subprocess.run([makensis, "-V2", "-INPUTCHARSET", "UTF8",
                    f"-DBUNDLE={bundle}", f"-DOUTFILE={out}", f"-DVERSION={__version__}",
                    f"-DDISTRICT_CODE={config.code}", f"-DDISTRICT_NAME={config.full_name}",
                    str(ROOT / "packaging" / "windows" / "installer.nsi")], check=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--district", required=True, type=Path, help="packaging/districts/<code>-<name>.toml")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--no-self-test", action="store_true")
    parser.add_argument("--installer", action="store_true", help="also compile the NSIS installer")
    args = parser.parse_args()
    bundle = build(args.district, args.dist)
    size_mb = folder_size(bundle) / 1024 / 1024
    print(f"bundle: {bundle} ({size_mb:.1f} MB; limit {MAX_BUNDLE_MB} MB)")
    if not args.no_self_test:
        self_test(bundle)
    if args.installer:
        print(f"installer: {installer(bundle, args.district)}")
    if size_mb > MAX_BUNDLE_MB:
        print(f"the bundle is {size_mb:.1f} MB, over the {MAX_BUNDLE_MB} MB limit", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
