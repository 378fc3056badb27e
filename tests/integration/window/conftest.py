"""Real-window tests: the program on an X screen of its own (Xvfb, a window manager when
openbox is installed, the real `xcb` platform, not offscreen), driven through the X
server with xdotool as a person would; screenshots of every step under tests/screenshots/.

A journey is a function `journey(desk)` in a test module; a test runs it with the
`desk` fixture:

    def test_something(desk):
        desk.run(my_journey, screen=(1024, 768), register="demo")

Each run is one program process (desk.py) on a screen of that size; a failed
assertion in the journey fails the test with the journey's traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import ROOT
from helpers.demo import DEMO_TODAY, DemoRegisters

DESK = Path(__file__).with_name("desk.py")
SCREENSHOTS = ROOT / "tests" / "screenshots"
JOURNEY_TIMEOUT = 90


@dataclass
class XScreen:
    display: str
    server: subprocess.Popen[bytes]
    manager: subprocess.Popen[bytes] | None

    def stop(self) -> None:
        for proc in (self.manager, self.server):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()


def start_xvfb(width: int, height: int) -> XScreen:
    """Xvfb on a display number it picks free itself (-displayfd), and openbox on it."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
                               "-nolisten", "tcp", "-noreset"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    display = f":{number}"
    manager = None
    if shutil.which("openbox"):
        env = {**os.environ, "DISPLAY": display}
        manager = subprocess.Popen(["openbox", "--sm-disable"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.3)  # it takes the screen before the program maps its window
    return XScreen(display, server, manager)


@pytest.fixture(scope="session")
def x_screens() -> Iterator[Callable[[int, int], XScreen]]:
    """One X screen per size, started when first asked for, for the whole session."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"real-window tests need {' and '.join(missing)} "
                    "(Debian: apt-get install xvfb xauth xdotool openbox; packaging/dev.py test "
                    "installs them)")
    started: dict[tuple[int, int], XScreen] = {}

    def screen(width: int, height: int) -> XScreen:
        if (width, height) not in started:
            started[(width, height)] = start_xvfb(width, height)
        return started[(width, height)]

    yield screen
    for s in started.values():
        s.stop()


class DeskRunner:
    """Starts the program for one journey: on which register, screen and scaling."""

    def __init__(self, screens: Callable[[int, int], XScreen], demo: DemoRegisters, folder: Path,
                 test_name: str) -> None:
        self.screens, self.demo, self.folder, self.test_name = screens, demo, folder, test_name
        self.runs = 0

    def register(self, register: str | Path) -> Path:
        self.runs += 1
        if register == "demo":
            return self.demo.copy(DEMO_TODAY, self.folder / f"demo-{self.runs}.sqlite3")
        if register == "empty":  # no file yet: the first start's set-up opens
            return self.folder / f"empty-{self.runs}.sqlite3"
        if register == "set up":  # set up (district and street, no accounts) but no one in it yet
            return set_up_register_file(self.folder / f"set-up-{self.runs}.sqlite3")
        return Path(register)

    def run(self, journey: Callable[..., None], *, screen: tuple[int, int] = (1024, 768),
            register: str | Path = "demo", scale: float = 1.0, settings: dict[str, str] | None = None,
            saved_geometry: tuple[int, int, int, int] | None = None, lang: str = "zh_CN",
            timeout: float = JOURNEY_TIMEOUT) -> str:
        """Run `journey` in the program on a fresh X screen of `screen` device pixels
        (at `scale`, as Windows' 150 % does: the program sees screen / scale); its output."""
        x = self.screens(*screen)
        label = f"{journey.__name__}-{screen[0]}x{screen[1]}" + (f"@{int(scale * 100)}" if scale != 1 else "")
        shots = SCREENSHOTS / self.test_name / label
        shutil.rmtree(shots, ignore_errors=True)
        env = {**os.environ, "DISPLAY": x.display, "QT_QPA_PLATFORM": "xcb",
               "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests"),
                                               os.environ.get("PYTHONPATH", "")])}
        env["PYTHONFAULTHANDLER"] = "1"  # a crash of the program shows where each thread was
        env.pop("QT_SCALE_FACTOR", None)
        if scale != 1:
            env["QT_SCALE_FACTOR"] = str(scale)
        module = sys.modules[journey.__module__].__file__
        cmd = [sys.executable, str(DESK), "--journey", f"{module}::{journey.__name__}",
               "--db", str(self.register(register)), "--shots", str(shots), "--lang", lang]
        for key, value in (settings or {}).items():
            cmd += ["--setting", f"{key}={value}"]
        if saved_geometry:
            cmd += ["--saved-geometry", ",".join(str(v) for v in saved_geometry)]
        result = subprocess.run(cmd, env=env, cwd=ROOT, text=True, capture_output=True,
                                timeout=timeout)
        output = result.stdout + result.stderr
        assert result.returncode == 0, f"journey {label} failed (screenshots: {shots}):\n{output}"
        return output


@pytest.fixture
def desk(x_screens: Callable[[int, int], XScreen], demo_registers: DemoRegisters, tmp_path: Path,
         request: pytest.FixtureRequest) -> DeskRunner:
    return DeskRunner(x_screens, demo_registers, tmp_path, request.node.name.replace("/", "_"))



def set_up_register_file(path: Path) -> Path:
    """A register the first start's set-up has made: Chaoyang's district file applied,
    建外街道 as this office's street, no accounts, nobody registered yet."""
    from helpers import ROOT

    from registry.ops.district import check_district
    from registry.ops.setup import set_up_register
    from registry.storage.lifecycle import close_database, open_database

    config, problems = check_district(ROOT / "packaging" / "districts" / "110105-chaoyang.toml")
    assert config is not None, problems
    open_database(path)
    try:
        set_up_register("王芳", config, "110105-chaoyang.toml", config.streets[0].code, None)
    finally:
        close_database()
    return path
