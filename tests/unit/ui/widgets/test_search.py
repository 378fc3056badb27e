"""Issue 13 item 8: eight people named 胡素雪 showed only a masked ID and a role in the
search list. Each result now shows what tells namesakes apart: sex, birth year, community
and the masked ID number, all different for different people, no whole number anywhere."""

from __future__ import annotations

import re
from typing import Any

from helpers.importer import id_number
from PySide6.QtCore import Qt

from registry import ops
from registry.storage.models import Community

BORN = ("19660304", "19790611", "19790611")  # two born the same year, in two communities


def test_namesakes_in_the_search_list_are_told_apart(running: Any, qtbot: Any) -> None:
    def make() -> list[str]:
        communities = [c.id for c in Community.select().order_by(Community.id).limit(2)]
        numbers = [id_number("110105", born, f"0{k}6") for k, born in enumerate(BORN)]
        for k, number in enumerate(numbers):
            ops.register_volunteer("测试员", {"id_number": number, "name": "胡素雪",
                                              "community": communities[k % 2]})
        return numbers
    numbers = running.query(make)
    box = running.window.search
    with qtbot.waitSignal(box.results_shown, timeout=5000):
        box.setText("胡素雪")
    texts = [box.results.item(i).text() for i in range(box.results.count())]
    ours = [t for t in texts if t.startswith("胡素雪　")]
    assert len(ours) == 3 and len(set(ours)) == 3, texts
    for text in ours:
        assert re.search(r"　女　19(66|79)年　\S+社区　110105\*{10}[\dX]{2}　志愿者$", text), text
    assert not any(n in t for n in numbers for t in texts)
    assert box.results.item(0).data(Qt.ItemDataRole.UserRole) is not None
