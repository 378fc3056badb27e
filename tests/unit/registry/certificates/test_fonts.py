"""The certificate's font: the one the program carries, found from wherever the module sits."""

from pathlib import Path

from registry.certificates.fonts import RESOURCES, find_cjk_font

TOP = Path(__file__).resolve().parents[4]


def test_the_bundled_fonts_folder_is_the_repositorys() -> None:
    assert RESOURCES == TOP / "resources" / "fonts" and RESOURCES.is_dir()


def test_a_carried_font_comes_before_the_systems() -> None:
    carried = sorted(p for p in RESOURCES.iterdir() if p.suffix.lower() in (".ttf", ".otf", ".ttc"))
    if carried:
        assert find_cjk_font() == carried[0]
