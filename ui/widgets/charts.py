"""A small bar chart drawn with QPainter (no extra modules, renders offscreen)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#3b7bbf")
AXIS = QColor("#888888")


class BarChart(QWidget):
    def __init__(self, title: str = "", horizontal: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.horizontal = horizontal
        self.items: list[tuple[str, float]] = []
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_items(self, items: list[tuple[str, float]]) -> None:
        self.items = items
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        fm = p.fontMetrics()
        p.setPen(QColor("#222222"))
        p.drawText(QRectF(0, 4, self.width(), fm.height() + 4), Qt.AlignmentFlag.AlignHCenter, self.title)
        top = fm.height() + 12
        if not self.items:
            p.end()
            return
        peak = max(v for _, v in self.items) or 1.0
        if self.horizontal:
            label_w = max(fm.horizontalAdvance(n) for n, _ in self.items) + 8
            value_w = fm.horizontalAdvance(f"{peak:,.0f}") + 10
            row_h = (self.height() - top - 6) / len(self.items)
            for i, (name, value) in enumerate(self.items):
                y = top + i * row_h
                p.setPen(QColor("#333333"))
                right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                p.drawText(QRectF(0, y, label_w - 4, row_h), right, name)
                width = (self.width() - label_w - value_w) * value / peak
                p.fillRect(QRectF(label_w, y + row_h * 0.15, width, row_h * 0.7), BAR)
                p.drawText(QRectF(label_w + width + 4, y, value_w, row_h), Qt.AlignmentFlag.AlignVCenter,
                           f"{value:,.0f}")
        else:
            bottom = self.height() - fm.height() - 6
            slot = (self.width() - 20) / len(self.items)
            p.setPen(AXIS)
            p.drawLine(10, int(bottom), self.width() - 10, int(bottom))
            for i, (name, value) in enumerate(self.items):
                x = 10 + i * slot
                h = (bottom - top - fm.height()) * value / peak
                p.fillRect(QRectF(x + slot * 0.15, bottom - h, slot * 0.7, h), BAR)
                p.setPen(QColor("#333333"))
                p.drawText(QRectF(x, bottom + 2, slot, fm.height() + 2), Qt.AlignmentFlag.AlignHCenter, name)
                if value:
                    p.drawText(QRectF(x - 10, bottom - h - fm.height() - 2, slot + 20, fm.height()),
                               Qt.AlignmentFlag.AlignHCenter, f"{value:,.0f}")
        p.end()
