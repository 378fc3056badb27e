#!/usr/bin/env python3
"""Set up and run Street Office Registry from a fresh checkout, with only python3 installed.

    python3 packaging/dev.py app [PROGRAM OPTIONS]   the program, on the demonstration register
    python3 packaging/dev.py test [PYTEST OPTIONS]   every check and the whole test suite

Both make (or reuse) .venv at the repository root and install what is missing into it.
The Debian packages Qt needs are installed when running as root, and otherwise printed as
the exact apt-get line to run. Standard library only: this runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
WINDOWS = os.name == "nt"
VENV_PYTHON = VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")

# Debian packages, each with the names it has had across releases (first found wins).
QT_OFFSCREEN = [
    ("libgl1",), ("libegl1",), ("libxkbcommon0",), ("libglib2.0-0", "libglib2.0-0t64"),
    ("libfontconfig1",), ("libdbus-1-3",), ("fonts-wqy-microhei",),
]
QT_X11 = [
    ("xvfb",), ("xauth",), ("libxkbcommon-x11-0",), ("libxcb-cursor0",), ("libxcb-icccm4",),
    ("libxcb-image0",), ("libxcb-keysyms1",), ("libxcb-render-util0",), ("libxcb-shape0",),
    ("libxcb-xkb1",),
]
# The real-window tests (tests/integration/window): a window manager, and keys and clicks
# sent through the X server; with QT_X11 above (Xvfb, the xcb libraries).
REAL_WINDOW = [("xdotool",), ("openbox",)]
# The real-client tests: LibreOffice headless prints the rosters to PDF
# (tests/integration/registry/rosters) and re-saves exported rosters as .xlsx and .xls (the
# round-trip test), poppler's pdftotext reads them back and lists the certificate's fonts;
# Carlito is the font LibreOffice draws Calibri (the workbooks' font) with at Calibri's
# widths, so pages break as in Excel; a font with CJK Extension B (fonts-hanazono) prints the
# rare characters of names on certificates (tests/integration/registry/test_rare_characters.py).
OFFICE = [("libreoffice-calc-nogui", "libreoffice-calc"), ("poppler-utils",),
          ("fonts-crosextra-carlito",), ("fonts-hanazono",)]
VENV_SUPPORT = [("python3-venv",)]
POSTGRES = [("postgresql",)]
PACKAGING = [("nsis",), ("binutils",)]  # makensis for the installer, strip for the bundle
DISTRICT_FOR_CI = ROOT / "packaging" / "districts" / "110105-chaoyang.toml"
POSTGRES_ENV = "REGISTRY_TEST_POSTGRES_URL"


def say(text: str) -> None:
    print(f"[dev] {text}", flush=True)


def run(cmd: list[str], **kwargs: object) -> int:
    return subprocess.call(cmd, cwd=ROOT, **kwargs)  # type: ignore[arg-type]


# --- Debian packages -------------------------------------------------------------------


def _installed(name: str) -> bool:
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name],
                            capture_output=True, text=True)
    return result.returncode == 0 and "install ok installed" in result.stdout


def _candidate(names: tuple[str, ...]) -> str:
    for name in names:
        out = subprocess.run(["apt-cache", "policy", name], capture_output=True, text=True).stdout
        if "Candidate:" in out and "Candidate: (none)" not in out:
            return name
    return names[0]


def ensure_debian_packages(groups: list[tuple[str, ...]]) -> None:
    if WINDOWS or shutil.which("dpkg-query") is None:
        return  # not Debian: Qt's wheels bring what they need on Windows and macOS
    missing = [names for names in groups if not any(_installed(n) for n in names)]
    if not missing:
        return
    if os.geteuid() != 0:
        line = "sudo apt-get install -y " + " ".join(names[0] for names in missing)
        say("Qt needs Debian packages that are not installed. Please run:\n    " + line)
        return
    say("installing Debian packages: " + " ".join(n[0] for n in missing))
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    names = [_candidate(n) for n in missing]
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *names],
                   check=True, env=env, stdout=subprocess.DEVNULL)


# --- the virtual environment -----------------------------------------------------------


def ensure_venv(extras: str) -> None:
    if not VENV_PYTHON.exists():
        try:
            import ensurepip  # noqa: F401  (Debian splits it into python3-venv)
        except ImportError:
            ensure_debian_packages(VENV_SUPPORT)
        say(f"creating {VENV}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / f".installed-{extras.replace(',', '-') or 'base'}"
    if stamp.exists() and stamp.read_text() == wanted:
        return
    say(f"installing Street Office Registry and its dependencies ({extras or 'base'}) into .venv")
    pip = [str(VENV_PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True, cwd=ROOT)
    target = f".[{extras}]" if extras else "."
    subprocess.run([*pip, "install", "-e", target], check=True, cwd=ROOT)
    stamp.write_text(wanted)


def venv_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHOME"}
    env["VIRTUAL_ENV"] = str(VENV)
    env["PATH"] = str(VENV_PYTHON.parent) + os.pathsep + env.get("PATH", "")
    env.update(extra)
    return env


# --- a PostgreSQL server for the tests ------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class TestPostgres:
    """A throwaway PostgreSQL server on 127.0.0.1, started for one test run."""

    def __init__(self) -> None:
        self.bin_dir: Path | None = None
        self.data = Path(tempfile.mkdtemp(prefix="street-registry-pg-"))
        self.port = _free_port()

    def _as_server_user(self, cmd: list[str]) -> list[str]:
        # PostgreSQL refuses to run as root: run it as the postgres user Debian makes.
        if os.name != "nt" and os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *cmd]
        return cmd

    def start(self) -> str | None:
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not found:
            say("PostgreSQL is not installed: the PostgreSQL tests will be skipped")
            return None
        self.bin_dir = found[-1].parent
        if os.name != "nt" and os.geteuid() == 0:
            shutil.chown(self.data, user="postgres")
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.STDOUT}
        steps = [
            [str(self.bin_dir / "initdb"), "-D", str(self.data / "db"), "-U", "registry", "--auth=trust",
             "-E", "UTF8", "--no-locale"],
            [str(self.bin_dir / "pg_ctl"), "-D", str(self.data / "db"), "-l", str(self.data / "log"), "-w",
             "-o", f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
            # as the README tells IT to make one: a character type that lets pg_trgm index Chinese
            [str(self.bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "registry",
             "-E", "UTF8", "--lc-collate=C.UTF-8", "--lc-ctype=C.UTF-8", "-T", "template0", "registry_test"],
        ]
        for step in steps:
            if subprocess.call(self._as_server_user(step), **quiet) != 0:  # type: ignore[arg-type]
                say(f"could not start PostgreSQL ({Path(step[0]).name} failed): its tests will be skipped")
                return None
        url = f"postgresql://registry@127.0.0.1:{self.port}/registry_test"
        say(f"PostgreSQL test server at {url}")
        return url

    def stop(self) -> None:
        if self.bin_dir is not None:
            subprocess.call(self._as_server_user(
                [str(self.bin_dir / "pg_ctl"), "-D", str(self.data / "db"), "-m", "fast", "stop"]),
                stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        shutil.rmtree(self.data, ignore_errors=True)


# --- commands --------------------------------------------------------------------------


def has_screen() -> bool:
    if WINDOWS or sys.platform == "darwin":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_app(args: list[str]) -> int:
    groups = QT_OFFSCREEN + (QT_X11 if has_screen() else [])
    ensure_debian_packages(groups)
    ensure_venv("charts")
    demo = subprocess.run(
        [str(VENV_PYTHON), "-c", "from registry.storage.db import demo_database_path as p; print(p())"],
        check=True, capture_output=True, text=True, cwd=ROOT).stdout.strip()
    program = [str(VENV_PYTHON), "-m", "ui", "--db", demo, "--demo", *args]
    if has_screen() or "--screenshot" in args:
        return run(program, env=venv_env())
    # No screen (a server, CI, ssh): show the program the only way possible, as pictures.
    folder = Path(tempfile.gettempdir()) / "street-registry-screens"
    say(f"no screen here (DISPLAY is not set): rendering every section to {folder} instead")
    code = run([*program, "--screenshot", str(folder)], env=venv_env(QT_QPA_PLATFORM="offscreen"))
    if code == 0:
        say(f"open the PNG files in {folder} to see the program")
    return code


def cmd_test(args: list[str]) -> int:
    full = not args  # the whole run (as CI does it) also builds and self-tests the installer
    ensure_debian_packages(QT_OFFSCREEN + QT_X11 + REAL_WINDOW + OFFICE + POSTGRES
                           + (PACKAGING if full else []))
    ensure_venv("test,charts,build" if full else "test,charts")
    env = venv_env(QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    server = None
    if not env.get(POSTGRES_ENV):
        server = TestPostgres()
        url = server.start()
        if url:
            env[POSTGRES_ENV] = url
    try:
        return _checks_and_tests(args, env)
    finally:
        if server is not None:
            server.stop()


def _checks_and_tests(args: list[str], env: dict[str, str]) -> int:
    bin_dir = VENV_PYTHON.parent
    checks = {
        "ruff (lint)": [str(bin_dir / "ruff"), "check", "."],
        "import-linter (layers and boundaries of registry/ and ui/)": [str(bin_dir / "lint-imports")],
        "mypy (types of registry/ and ui/)": [str(bin_dir / "mypy")],
    }
    failed = []
    for name, cmd in checks.items():
        say(f"check: {name}")
        if run(cmd, env=env) != 0:
            failed.append(name)
    if not args:
        say("check: the district program builds, passes its self-test, and its installer compiles")
        if run([str(VENV_PYTHON), str(ROOT / "packaging" / "build.py"), "--district", str(DISTRICT_FOR_CI),
                "--installer"], env=env) != 0:
            failed.append("packaging (PyInstaller bundle, --self-test, makensis)")
    say("tests: pytest")
    code = run([str(VENV_PYTHON), "-m", "pytest", *args], env=env)
    if failed:
        say("FAILED checks: " + ", ".join(failed))
        return 1
    return code


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("app", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    return cmd_app(rest) if command == "app" else cmd_test(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
