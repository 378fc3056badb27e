"""A small bar chart drawn with QPainter (no extra modules, renders offscreen)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR = QColor("#3b7bbf")
AXIS = QColor("#888888")
SMALLEST_POINT_SIZE = 7  # below this a value label is no longer read at a glance
GAP = 3  # between two value labels side by side
MOST_LINES = 3  # value labels staggered over at most this many lines; narrower: on hover only


@dataclass(frozen=True)
class Label:
    rect: QRectF
    text: str
    font: QFont


def value_text(value: float, grouped: bool = True) -> str:
    return f"{value:,.0f}" if grouped else f"{value:.0f}"


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

    # --- the vertical chart's geometry ---------------------------------------------------

    def _top(self) -> float:
        return QFontMetrics(self.font()).height() + 12

    def _bottom(self) -> float:
        return self.height() - QFontMetrics(self.font()).height() - 6

    def _slot(self) -> float:
        return (self.width() - 20) / max(1, len(self.items))

    def bar_rect(self, i: int) -> QRectF:
        value = self.items[i][1]
        peak = max(v for _, v in self.items) or 1.0
        top, bottom, slot = self._top(), self._bottom(), self._slot()
        h = (bottom - top - QFontMetrics(self.font()).height()) * value / peak
        return QRectF(10 + i * slot + slot * 0.15, bottom - h, slot * 0.7, h)

    def value_labels(self) -> list[Label]:
        """Where each bar's value is written: in the widest form and font that fit its slot
        (grouped digits, then plain digits, then smaller type), staggered over two or three
        lines when even the smallest type is too wide, so that no two run together; none
        when even that fails (the values are on hover)."""
        slot = self._slot()
        shown = [(i, v) for i, (_, v) in enumerate(self.items) if v]
        if not shown:
            return []
        font = QFont(self.font())
        size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
        grouped, lines = True, 1
        while True:
            fm = QFontMetrics(font)
            widest = max(fm.horizontalAdvance(value_text(v, grouped)) for _, v in shown) + 2
            if widest + GAP <= slot * lines:
                break
            if grouped:
                grouped = False
            elif size > SMALLEST_POINT_SIZE:
                size = max(SMALLEST_POINT_SIZE, size - 1)
                font.setPointSizeF(size)
            elif lines < MOST_LINES:
                lines += 1
            else:
                return []
        labels: list[Label] = []
        for i, value in shown:
            text = value_text(value, grouped)
            bar = self.bar_rect(i)
            width = fm.horizontalAdvance(text) + 2
            rect = QRectF(bar.center().x() - width / 2, bar.top() - fm.height() - 2, width, fm.height())
            near = [other.rect for other in labels[-(lines - 1):]] if lines > 1 else []
            hit = next((r for r in near if r.intersects(rect)), None)
            while hit is not None:  # stand above the neighbour it would run into
                rect.moveBottom(hit.top() - 1)
                hit = next((r for r in near if r.intersects(rect)), None)
            labels.append(Label(rect, text, QFont(font)))
        return labels

    # --- Qt overrides --------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tip_at(self, pos: QPoint) -> str:
        """The exact value under the mouse: a label may be shortened or small."""
        if self.horizontal or not self.items:
            return ""
        i = int((pos.x() - 10) // self._slot())
        if 0 <= i < len(self.items):
            name, value = self.items[i]
            return f"{self.title}\n{name}：{value_text(value)}" if self.title else f"{name}：{value_text(value)}"
        return ""

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
            bottom, slot = self._bottom(), self._slot()
            p.setPen(AXIS)
            p.drawLine(10, int(bottom), self.width() - 10, int(bottom))
            for i, (name, _value) in enumerate(self.items):
                x = 10 + i * slot
                p.fillRect(self.bar_rect(i), BAR)
                p.setPen(QColor("#333333"))
                p.drawText(QRectF(x, bottom + 2, slot, fm.height() + 2), Qt.AlignmentFlag.AlignHCenter, name)
            for label in self.value_labels():
                p.setFont(label.font)
                p.drawText(label.rect, Qt.AlignmentFlag.AlignHCenter, label.text)
        p.end()
