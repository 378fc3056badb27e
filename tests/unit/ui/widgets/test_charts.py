"""The statistics charts at the widths a 1024×768 screen leaves them: every value readable,
none running into its neighbour ("2,4302,450")."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint

from ui.widgets.charts import BarChart

MONTHS = [(str(m), v) for m, v in enumerate(
    (2544, 1382, 2422, 2173, 2430, 2450, 1570, 3143, 2133, 1196, 1166, 14), start=1)]


@pytest.mark.parametrize("width", [200, 300, 390, 640])
def test_value_labels_never_overlap(qtbot: Any, width: int) -> None:
    chart = BarChart("2026 年各月已审核服务时长")
    qtbot.addWidget(chart)
    chart.resize(width, 240)
    chart.set_items(MONTHS)
    labels = chart.value_labels()
    assert len(labels) == 12
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not a.rect.intersects(b.rect), (a.text, b.text)
    chart.grab()  # paints


def test_a_wide_chart_keeps_grouped_digits_and_the_exact_value_is_on_hover(qtbot: Any) -> None:
    chart = BarChart("时长")
    qtbot.addWidget(chart)
    chart.resize(900, 240)
    chart.set_items(MONTHS)
    assert chart.value_labels()[0].text == "2,544"
    slot = (900 - 20) / 12
    assert "2,430" in chart.tip_at(QPoint(int(10 + slot * 4.5), 100))


def test_too_narrow_for_any_label_the_values_are_on_hover(qtbot: Any) -> None:
    chart = BarChart("时长")
    qtbot.addWidget(chart)
    chart.resize(90, 240)
    chart.set_items(MONTHS)
    assert chart.value_labels() == []
    assert "2,544" in chart.tip_at(QPoint(12, 100))
