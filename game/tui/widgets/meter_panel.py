"""The factions and their meters, grouped as the scenario groups them; scrolls when there are many."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import var
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget
from textual.widgets import Static

from game.i18n import _

from ..views import MeterReading, panel_name
from .meter_bar import label_room, meter_lines, meter_tooltip

Row = tuple[str, object]
"""One item of the panel: ("gap", None), ("heading", (name, description)) or ("meter", reading)."""


class MeterRows(Widget):
    """Every line of the panel, drawn by one widget: as two dozen widgets (a bar per meter, a heading per
    faction), the panel was a third of the work before the game's first frame. The mouse resting on a meter or
    a heading tells what it is.

    Drawn line by line (Textual's line API), each line kept as drawn until what it shows changes: after a
    move most meters stand still, and redrawing all of them was the largest part of drawing the outcome."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[Row] = []
        self.compact = False
        self._lines: list[tuple] = []  # per line: what it shows (kind, item, which of the item's lines)
        self._drawn: dict[tuple, Strip] = {}  # a line's key -> its strip, for the look in `_drawn_for`
        self._drawn_for: tuple = ()

    def show(self, rows: list[Row], compact: bool) -> None:
        height, before, was_compact = self._height(), self._lines, self.compact
        self.rows, self.compact = rows, compact
        self._lines = [(kind, item, part) for kind, item in rows for part in range(self._span(kind))]
        if self._height() != height or len(before) != len(self._lines) or compact != was_compact:
            self.refresh(layout=True)
            return
        width = self.size.width
        for y, (old, new) in enumerate(zip(before, self._lines)):
            if old != new:
                self.refresh(Region(0, y, width, 1))

    def _span(self, kind: str) -> int:
        return 2 if kind == "meter" and not self.compact else 1

    def _height(self) -> int:
        return sum(self._span(kind) for kind, _item in self.rows)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._height()

    def _line(self, kind: str, item, part: int, width: int) -> Content:
        if kind == "meter":
            return meter_lines(item, width, self.compact)[part]
        if kind == "heading":
            return Content.styled(item[0], "bold $text-accent").truncate(width, ellipsis=True)
        return Content("")

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y >= len(self._lines):
            return Strip.blank(width, self.visual_style.rich_style)
        # A line drawn at another width, in another layout or theme, or on another background is drawn anew.
        look = (width, self.compact, self.app.theme, self.visual_style)
        if look != self._drawn_for:
            self._drawn, self._drawn_for = {}, look
        key = self._lines[y]
        if key not in self._drawn:
            self._draw_missing(width)
        return self._drawn[key].apply_offsets(0, y)  # where text selection finds the line, as a whole render has it

    def _draw_missing(self, width: int) -> None:
        """Every line not drawn yet, drawn in one go: a render of the whole panel costs half again as much line
        by line (the first frame draws them all)."""
        shown = dict.fromkeys(self._lines)
        missing = [key for key in shown if key not in self._drawn]
        contents = [self._line(*key, width) for key in missing]
        strips = Visual.to_strips(self, Content("\n").join(contents), width, None, self.visual_style)
        if len(strips) != len(contents):  # a line wrapped (a panel narrower than its lines): each on its own
            strips = [Visual.to_strips(self, content, width, 1, self.visual_style)[0] for content in contents]
        # Lines no longer shown (last turn's values) are let go.
        self._drawn = {key: strip for key, strip in self._drawn.items() if key in shown}
        self._drawn.update(zip(missing, strips))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn_for = ()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        y = 0
        for kind, item in self.rows:
            y += self._span(kind)
            if event.y < y:
                tip = meter_tooltip(item) if kind == "meter" else item[1] if kind == "heading" else None
                self.tooltip = tip or None
                return
        self.tooltip = None


class MeterPanel(VerticalScroll, can_focus=False):
    """Built from the scenario's groups (structure); the readings are handed down every turn.

    Its values are vars, not reactives that repaint: the panel draws nothing of its own; its one child draws
    the lines."""

    class Named(Message):
        """The names the panel shows its meters by changed (its width or its layout did): the pages beside it
        name each meter the same way."""

        def __init__(self, names: dict[str, str]) -> None:
            super().__init__()
            self.names = names

    names: dict[str, str] = {}
    """Each meter's name as the panel shows it now (meter id -> name)."""

    readings: var[dict[str, MeterReading]] = var(dict, always_update=True, init=False)
    """The meters the reader may see: a meter missing here is hidden from them, and so is its bar."""
    viewer: var[str] = var("")
    """Whose view the panel shows, in a two-sided game ("" in a one-role game)."""
    since: var[str] = var("")
    """What the changes beside the meters are measured from ("since your last card"); "" when there are none."""

    def __init__(self, groups: list[tuple[str, str, tuple[str, ...]]],
                 first: dict[str, MeterReading] | None = None, viewer: str = "", since: str = "",
                 **kwargs) -> None:
        """`first`, `viewer` and `since`: what the panel opens on (bound to it after), drawn from its first frame."""
        super().__init__(**kwargs)
        self.groups = groups
        self.first = first or {}
        self.compact = False
        self.set_reactive(MeterPanel.viewer, viewer)
        self.set_reactive(MeterPanel.since, since)

    def compose(self) -> ComposeResult:
        # Whose view and the legend are widgets of their own: the legend's muted colour is the theme's
        # "auto" colour, which only a widget's style can work out against its background.
        self._viewer = Static(self.viewer, id="viewer", markup=False)
        self._viewer.display = bool(self.viewer)
        self._viewer_shown = self.viewer
        self._aims = Static(Content.assemble(("↑", "bold $text-accent"), " " + _("you want it up") + "  ",
                                             ("↓", "bold $text-accent"), " " + _("down")), id="aims")
        self._since = Static(self.since, id="since", markup=False)
        self._since_shown = self.since
        self._lines = MeterRows()
        yield self._viewer
        yield self._aims
        yield self._since
        yield self._lines
        self._fit(self.first)

    def watch_readings(self, readings: dict[str, MeterReading]) -> None:
        self._fit(readings)

    def watch_viewer(self) -> None:
        self._fit(self.readings)

    def watch_since(self) -> None:
        self._fit(self.readings)

    def on_resize(self) -> None:
        self._fit(self.readings)

    def _fit(self, readings: dict[str, MeterReading]) -> None:
        # Two rows a meter when they all fit; one row when the panel is short; and when even that does not fit
        # (80x24), a group of a single meter loses its heading, which the meter's own label names well enough:
        # every meter stays in view. A layout choice, not game state.
        readings = readings or self.first
        shown = [[readings[m] for m in meter_ids if m in readings] for _h, _d, meter_ids in self.groups]
        aims = any(r.aim for r in readings.values())
        extra = bool(self.viewer) + aims + bool(self.since)
        meters = sum(len(group) for group in shown)
        headed = sum(1 for (heading, _d, _ids) in self.groups if heading)
        rows = self.scrollable_content_region.height
        if not rows:
            # Not laid out yet (the readings come as it is built): guess from the screen, less its header and
            # footer, so the first frame already has the layout it keeps.
            rows = self.screen.size.height - 2
        self.compact = 2 * meters + 2 * (headed + extra) > rows
        terse = self.compact and meters + sum(1 for group in shown if group) + extra > rows
        if self._viewer_shown != self.viewer:
            self._viewer_shown = self.viewer
            self._viewer.update(self.viewer)
            self._viewer.display = bool(self.viewer)
        self._aims.display = aims
        if self._since_shown != self.since:
            self._since_shown = self.since
            self._since.update(self.since)
        self._since.display = bool(self.since)
        items: list[Row] = []
        for (heading, description, _ids), group in zip(self.groups, shown):
            if heading and (len(group) > 1 or (group and not terse)):
                if not self.compact:
                    items.append(("gap", None))
                items.append(("heading", (heading, description)))
            items += [("meter", reading) for reading in group]
        self._lines.show(items, self.compact)
        width = self._lines.size.width or self.scrollable_content_region.width
        if not width:  # not laid out yet: the panel's width as the stylesheet gives it, less its edges
            width = int(self.styles.width.value) - 3 if self.styles.width and self.styles.width.is_cells else 29
        room = label_room(width, self.compact)
        names = {r.id: panel_name(r.label, r.short, room) for r in readings.values()}
        if names != self.names:
            self.names = names
            self.post_message(self.Named(names))
