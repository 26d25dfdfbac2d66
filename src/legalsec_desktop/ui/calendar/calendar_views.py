"""The month, week/day and agenda views of the Calendar tab: painted, so a busy month draws fast.

Each view shows a list of services.calendar.Occurrence for its range; colours follow the event kind;
overdue items are red and bold, unverified deadlines carry a "?" and a dashed frame, and days the
court is closed are shaded and named. Double-click an item to open it, or an empty day to add one.
What each item says and which marks it gets come from item_labels (no Qt); these classes only paint it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractItemView, QToolTip, QTreeWidget, QTreeWidgetItem, QWidget

from legalsec_desktop.ui.common.table_columns import fit_columns
from legalsec_desktop.ui.calendar.todo_marks import TODO_COLOUR, draw_todo
from legalsec_desktop.ui.calendar.item_labels import (
    OVERDUE_COLOUR,
    ItemLabel,
    agenda_empty_text,
    agenda_heading,
    agenda_row,
    grid_day_heading,
    hour_label,
    item_label,
    month_day_label,
    tooltip_html,
)

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window is up
    from legalsec_desktop.services.calendar import Occurrence
    from legalsec_desktop.services.rows import TodoItem

OVERDUE = QColor(OVERDUE_COLOUR)
CLOSED_BG = QColor("#f1f1f1")
TODAY_BG = QColor("#fff8d6")
SELECTED = QColor("#2b6cb0")
GRID = QColor("#c8c8c8")


class _PaintedView(QWidget):
    """What the month and time-grid views share: items, hit areas, selection and the signals."""

    open_requested = Signal(object)  # an Occurrence
    new_requested = Signal(object, object)  # a date, and a datetime or None
    day_selected = Signal(object)  # a date

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[Occurrence] = []
        self.closed: dict[date, str] = {}
        self.today = today
        self.selected_day = self.today
        self.selected: Occurrence | None = None
        self._hits: list[tuple[QRect, Occurrence]] = []
        self.labels: list[tuple[QRect, Occurrence]] = []  # where each item's text was last painted
        self.painted_text: dict[tuple[int, date], str] = {}  # and what it says, before eliding
        self._days: list[tuple[QRect, date]] = []
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_items(self, items: list[Occurrence], closed: dict[date, str], today: date) -> None:
        self.items, self.closed, self.today = items, closed, today
        self.update()

    def item_at(self, pos: QPoint) -> Occurrence | None:
        for rect, occ in reversed(self._hits):
            if rect.contains(pos):
                return occ
        return None

    def day_at(self, pos: QPoint) -> date | None:
        for rect, day in self._days:
            if rect.contains(pos):
                return day
        return None

    def time_at(self, pos: QPoint) -> datetime | None:  # the time grid knows the hour under the pointer
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        self.selected = self.item_at(pos)
        day = self.day_at(pos)
        if day is not None:
            self.selected_day = day
            self.day_selected.emit(day)
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        occ = self.item_at(pos)
        if occ is not None:
            self.open_requested.emit(occ)
            return
        day = self.day_at(pos)
        if day is not None:
            self.new_requested.emit(day, self.time_at(pos))

    def tooltip_at(self, pos: QPoint) -> str:
        """Everything about the item under `pos` (its whole title, matter and client, when, where); '' for none."""
        occ = self.item_at(pos)
        return tooltip_html(occ, self.today) if occ is not None else ""

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        tip = self.tooltip_at(event.position().toPoint())
        if tip:
            QToolTip.showText(event.globalPosition().toPoint(), tip, self)
        else:
            QToolTip.hideText()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.selected is not None:
                self.open_requested.emit(self.selected)
            else:
                self.new_requested.emit(self.selected_day, None)
            return
        super().keyPressEvent(event)

    def _draw_item(self, painter: QPainter, rect: QRect, occ: Occurrence) -> None:
        label: ItemLabel = item_label(occ, self.today)
        colour, overdue, faded = QColor(label.colour), label.overdue, label.faded
        fill = QColor(colour)
        fill.setAlpha(28 if faded else 45)
        painter.fillRect(rect, fill)
        painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), colour)
        if label.unverified or overdue:
            pen = QPen(OVERDUE if overdue else colour, 1, Qt.PenStyle.SolidLine if overdue else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        if occ is self.selected or (self.selected is not None and occ.event_id == self.selected.event_id
                                    and occ.day == self.selected.day):
            painter.setPen(QPen(SELECTED, 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        font = QFont(self.font())
        font.setBold(overdue)
        font.setStrikeOut(label.struck)
        painter.setFont(font)
        painter.setPen(OVERDUE if overdue else QColor("#888888") if faded else colour.darker(130))
        metrics = QFontMetrics(font)
        inner = rect.adjusted(6, 0, -2, 0)
        lines = max(1, rect.height() // metrics.lineSpacing())
        if lines == 1:  # one line: centred in its strip
            text_rect = inner
            shown = label.fitting(inner.width(), metrics.horizontalAdvance)
            painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(shown, Qt.TextElideMode.ElideRight, inner.width()))
        else:  # a box in the time grid: the text starts at the top, where the item starts, and wraps below
            shown = label.long_text or label.text
            text_rect = QRect(inner.left(), inner.top() + 1, inner.width(), lines * metrics.lineSpacing() - 1)
            painter.save()
            painter.setClipRect(text_rect)  # whole lines only
            wrapped = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
            painter.drawText(text_rect, wrapped, shown)
            painter.restore()
        self._hits.append((rect, occ))
        self.labels.append((text_rect, occ))
        self.painted_text[occ.event_id, occ.day] = shown


class MonthView(_PaintedView):
    """Six weeks from the Sunday on or before the first of the month; to-dos due sit at the foot of their day."""

    todo_open_requested = Signal(object)  # a TodoItem, double-clicked
    todo_menu_requested = Signal(object, object)  # a TodoItem and the global point of a right-click

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.month = today.replace(day=1)
        self.todos: list[TodoItem] = []
        self._todo_hits: list[tuple[QRect, TodoItem]] = []
        self.setMinimumSize(420, 300)

    def set_todos(self, todos: list[TodoItem]) -> None:
        self.todos = todos
        self.update()

    def todo_at(self, pos: QPoint) -> TodoItem | None:
        return next((item for rect, item in self._todo_hits if rect.contains(pos)), None)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        todo = self.todo_at(event.position().toPoint())
        if todo is not None:
            self.todo_open_requested.emit(todo)
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: ANN001 - a QContextMenuEvent
        todo = self.todo_at(event.pos())
        if todo is not None:
            self.todo_menu_requested.emit(todo, event.globalPos())

    def first_day(self) -> date:
        return self.month - timedelta(days=(self.month.weekday() + 1) % 7)

    def range(self) -> tuple[date, date]:
        first = self.first_day()
        return first, first + timedelta(days=42)

    def sizeHint(self) -> QSize:
        return QSize(840, 600)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        self._hits, self._days, self.labels, self.painted_text, self._todo_hits = [], [], [], {}, []
        metrics = QFontMetrics(self.font())
        header = metrics.height() + 6
        todos_by_day: dict[date, list[TodoItem]] = {}
        for todo in self.todos:
            todos_by_day.setdefault(todo.due_on, []).append(todo)
        width, height = self.width() / 7, (self.height() - header) / 6
        for col, name in enumerate(("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")):
            painter.setPen(QColor("#555555"))
            painter.drawText(QRect(int(col * width), 0, int(width), header), Qt.AlignmentFlag.AlignCenter, name)
        by_day: dict[date, list[Occurrence]] = {}
        for occ in self.items:
            by_day.setdefault(occ.day, []).append(occ)
        line = metrics.height() + 2
        first = self.first_day()
        for index in range(42):
            day = first + timedelta(days=index)
            cell = QRect(int(index % 7 * width), int(header + index // 7 * height), int(width) + 1, int(height) + 1)
            self._days.append((cell, day))
            if day == self.today:
                painter.fillRect(cell, TODAY_BG)
            elif day in self.closed:
                painter.fillRect(cell, CLOSED_BG)
            painter.setPen(QPen(GRID))
            painter.drawRect(cell)
            if day == self.selected_day:
                painter.setPen(QPen(SELECTED, 2))
                painter.drawRect(cell.adjusted(1, 1, -1, -1))
            font = QFont(self.font())
            font.setBold(day == self.today)
            painter.setFont(font)
            painter.setPen(QColor("#222222") if day.month == self.month.month else QColor("#aaaaaa"))
            label = month_day_label(day)
            top = QRect(cell.left() + 4, cell.top() + 1, cell.width() - 8, line)
            painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            if day in self.closed:
                painter.setPen(QColor("#777777"))
                small = QFont(self.font())
                small.setPointSizeF(max(6.0, self.font().pointSizeF() - 1.5))
                painter.setFont(small)
                closed_text = QFontMetrics(small).elidedText(self.closed[day], Qt.TextElideMode.ElideRight,
                                                             top.width() - metrics.horizontalAdvance(label) - 6)
                painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, closed_text)
            entries = by_day.get(day, [])
            room = max(0, (cell.height() - line - 2) // line)
            due = todos_by_day.get(day, [])
            todo_room = min(len(due), max(0, room - min(len(entries), 2)))  # events keep two lines, to-dos the rest
            room -= todo_room
            for place, todo in enumerate(due[:todo_room]):
                rect = QRect(cell.left() + 2, cell.bottom() - (todo_room - place) * line, cell.width() - 4, line - 1)
                if place == todo_room - 1 and len(due) > todo_room:
                    painter.setFont(self.font())
                    painter.setPen(TODO_COLOUR)
                    painter.drawText(rect.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter,
                                     self.tr("+%d to-dos…") % (len(due) - place))
                    continue
                draw_todo(painter, rect, todo, self.today, self.font())
                self._todo_hits.append((rect, todo))
            shown = entries if len(entries) <= room else entries[:max(0, room - 1)]
            y = cell.top() + line + 1
            for occ in shown:
                self._draw_item(painter, QRect(cell.left() + 2, y, cell.width() - 4, line - 1), occ)
                y += line
            if len(shown) < len(entries):
                painter.setFont(self.font())
                painter.setPen(QColor("#333333"))
                painter.drawText(QRect(cell.left() + 6, y, cell.width() - 8, line),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 self.tr("+%d more…") % (len(entries) - len(shown)))
        painter.end()


class TimeGridView(_PaintedView):
    """Days side by side (seven for a week, one for a day): all-day items on top, then the hours."""

    FIRST_HOUR, LAST_HOUR = 7, 20

    def __init__(self, days: int, today: date, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.days = days
        self.start = today
        self.setMinimumSize(420, 300)

    def range(self) -> tuple[date, date]:
        return self.start, self.start + timedelta(days=self.days)

    def sizeHint(self) -> QSize:
        return QSize(840, 640)

    def _geometry(self) -> tuple[int, int, int, float, float]:
        metrics = QFontMetrics(self.font())
        line = metrics.height() + 2
        gutter = metrics.horizontalAdvance("12 PM") + 10
        all_day = {o.day for o in self.items if o.start is None}
        per_day = max([sum(1 for o in self.items if o.start is None and o.day == d) for d in all_day] or [0])
        top = line + 4 + max(1, min(per_day, 4)) * line + 4
        hours = self.LAST_HOUR - self.FIRST_HOUR
        hour_height = max(line, (self.height() - top) / hours)
        col = (self.width() - gutter) / self.days
        return line, gutter, top, hour_height, col

    def hour_y(self, hour: float) -> int:
        """Where the line of `hour` (9.5 for 9:30) is drawn; an item starting then starts there."""
        _, _, top, hour_height, _ = self._geometry()
        return int(top + (hour - self.FIRST_HOUR) * hour_height)

    def time_at(self, pos: QPoint) -> datetime | None:
        day = self.day_at(pos)
        line, gutter, top, hour_height, _ = self._geometry()
        if day is None or pos.y() < top:
            return None
        hour = self.FIRST_HOUR + int((pos.y() - top) / hour_height)
        return datetime.combine(day, datetime.min.time()).replace(hour=min(hour, 23))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        self._hits, self._days, self.labels, self.painted_text = [], [], [], {}
        line, gutter, top, hour_height, col = self._geometry()
        painter.setPen(QColor("#666666"))
        for hour in range(self.FIRST_HOUR, self.LAST_HOUR):
            y = self.hour_y(hour)
            painter.setPen(QPen(GRID))
            painter.drawLine(gutter, y, self.width(), y)
            painter.setPen(QColor("#666666"))
            painter.drawText(QRect(0, y, gutter - 4, line), Qt.AlignmentFlag.AlignRight, hour_label(hour))
        for index in range(self.days):
            day = self.start + timedelta(days=index)
            x = int(gutter + index * col)
            column = QRect(x, 0, int(col) + 1, self.height())
            self._days.append((column, day))
            if day == self.today:
                painter.fillRect(column, TODAY_BG)
            elif day in self.closed:
                painter.fillRect(column, CLOSED_BG)
            painter.setPen(QPen(GRID))
            painter.drawLine(x, 0, x, self.height())
            font = QFont(self.font())
            font.setBold(day == self.today)
            painter.setFont(font)
            painter.setPen(QColor("#222222"))
            head = grid_day_heading(day, self.closed)
            painter.drawText(QRect(x + 4, 2, int(col) - 8, line), Qt.AlignmentFlag.AlignLeft,
                             QFontMetrics(font).elidedText(head, Qt.TextElideMode.ElideRight, int(col) - 8))
            todays = [o for o in self.items if o.day == day]
            y = line + 4
            for occ in [o for o in todays if o.start is None][:4]:
                self._draw_item(painter, QRect(x + 2, y, int(col) - 4, line - 1), occ)
                y += line
            self._draw_timed(painter, [o for o in todays if o.start is not None], x, col, top, hour_height, line)
        if self.selected_day and self.start <= self.selected_day < self.start + timedelta(days=self.days):
            index = (self.selected_day - self.start).days
            painter.setPen(QPen(SELECTED, 2))
            painter.drawRect(QRect(int(gutter + index * col) + 1, 1, int(col) - 2, self.height() - 2))
        painter.end()

    def _draw_timed(self, painter: QPainter, timed: list[Occurrence], x: int, col: float, top: int,
                    hour_height: float, line: int) -> None:
        """Overlapping items share the column side by side (lanes)."""
        lanes: list[datetime] = []
        placed: list[tuple[Occurrence, datetime, datetime, int]] = []
        starting = sorted(((occ, occ.start) for occ in timed if occ.start is not None), key=lambda pair: pair[1])
        for occ, start in starting:
            end = occ.end if occ.end is not None and occ.end > start else start + timedelta(hours=1)
            lane = next((i for i, busy_until in enumerate(lanes) if busy_until <= start), None)
            if lane is None:
                lanes.append(end)
                lane = len(lanes) - 1
            else:
                lanes[lane] = end
            placed.append((occ, start, end, lane))
        count = max(1, len(lanes))
        width = (col - 4) / count
        for occ, start, end, lane in placed:
            start_hours = start.hour + start.minute / 60 - self.FIRST_HOUR
            end_hours = end.hour + end.minute / 60 - self.FIRST_HOUR if end.date() == occ.day else \
                self.LAST_HOUR - self.FIRST_HOUR
            # Before the first hour: at the top; from the last hour on: a line at the foot, never off the view.
            y0 = min(top + max(0.0, start_hours) * hour_height, self.height() - line)
            y1 = top + min(self.LAST_HOUR - self.FIRST_HOUR, max(end_hours, start_hours + 0.5)) * hour_height
            rect = QRect(int(x + 2 + lane * width), int(y0), int(width) - 2, max(int(y1 - y0) - 1, line - 1))
            self._draw_item(painter, rect, occ)


class AgendaView(QTreeWidget):
    """Day headings with their items under them, for a stretch of days."""

    open_requested = Signal(object)
    new_requested = Signal(object, object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(5)
        self.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Matter"), self.tr("Where"),
                              self.tr("Status")])
        self.setRootIsDecorated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(False)
        self.setUniformRowHeights(True)
        self.setColumnWidth(0, 150)
        self.setColumnWidth(1, 320)
        self.setColumnWidth(2, 220)
        self.columns = fit_columns(self)  # to the days shown, each time
        self.itemActivated.connect(self._activated)
        self.start = today
        self.days = 30

    def range(self) -> tuple[date, date]:
        return self.start, self.start + timedelta(days=self.days)

    def set_items(self, items: list[Occurrence], closed: dict[date, str], today: date) -> None:
        self.clear()
        by_day: dict[date, list[Occurrence]] = {}
        for occ in items:
            by_day.setdefault(occ.day, []).append(occ)
        bold = QFont(self.font())
        bold.setBold(True)
        for day in sorted(by_day):
            heading = QTreeWidgetItem([agenda_heading(day, today, closed)])
            heading.setFont(0, bold)
            heading.setData(0, Qt.ItemDataRole.UserRole, day)
            heading.setBackground(0, CLOSED_BG if day in closed else QColor("#eef2f7"))
            self.addTopLevelItem(heading)
            heading.setFirstColumnSpanned(True)  # only once the item is in the tree
            for occ in by_day[day]:
                shown = agenda_row(occ, today)
                row = QTreeWidgetItem(list(shown.cells))
                row.setData(0, Qt.ItemDataRole.UserRole, occ)
                row.setToolTip(1, shown.tooltip)
                row.setForeground(1, OVERDUE if shown.label.overdue else QColor(shown.label.colour))
                self.addTopLevelItem(row)
        if not by_day:
            empty = QTreeWidgetItem([agenda_empty_text(self.start, self.days)])
            self.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)

    def current_occurrence(self) -> Occurrence | None:
        item = self.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return value if _is_occurrence(value) else None

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        value = item.data(0, Qt.ItemDataRole.UserRole)
        if _is_occurrence(value):
            self.open_requested.emit(value)
        elif isinstance(value, date):
            self.new_requested.emit(value, None)


def _is_occurrence(value: object) -> bool:
    return hasattr(value, "event_id") and hasattr(value, "series")
