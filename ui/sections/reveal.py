"""显示完整号码: ID and phone numbers stay masked everywhere; an administrator may show one
person's full numbers in the detail panel only, and the core logs that it was done. Shown,
the button turns into 隐藏完整号码 (hiding needs no log)."""

from __future__ import annotations

from typing import Any

from ui.runtime.i18n import translate
from ui.sections.base import ListSection

WHAT = "证件号码、联系电话"


class RevealNumbers(ListSection):
    """A list section whose detail_html(key) honours `self.revealed_key`."""

    reveal_table = ""  # the audit table of the section's records

    def add_reveal_button(self) -> None:
        self.reveal_button = self.add_detail_action(translate("Sections", "Show full numbers"), "eye",
                                                    self.reveal, "reveal", "unmask")
        self.revealed_key: Any = None
        self._reveal_visibility()
        self.ctx.hub.permissions_changed.connect(self._reveal_visibility)

    def _reveal_visibility(self) -> None:
        self.reveal_button.setVisible(self.ctx.may("unmask"))
        if getattr(self, "revealed_key", None) is not None:  # someone else may be at the desk
            self.revealed_key = None
            self._load_detail()
        self._reveal_label()

    def _reveal_label(self) -> None:
        shown = self.unmasked(self.current_key)
        self.reveal_button.setText(translate("Sections", "Hide full numbers") if shown
                                   else translate("Sections", "Show full numbers"))

    def show_record(self, key: Any) -> None:
        if key != getattr(self, "revealed_key", None):
            self.revealed_key = None
        super().show_record(key)
        if hasattr(self, "reveal_button"):
            self._reveal_label()

    def reveal(self) -> None:
        """Show the record's full numbers (logged), or hide them again."""
        key, actor, table = self.current_key, self.ctx.actor, self.reveal_table
        if key is None:
            return
        if self.unmasked(key):
            self.revealed_key = None
            self._load_detail()
            self._reveal_label()
            return
        from registry.ops.accounts import log_unmask

        self.ctx.run_op(self, lambda: log_unmask(actor, table, key, WHAT),
                        on_done=lambda _changes: self._revealed(key))

    def _revealed(self, key: Any) -> None:
        if key == self.current_key:
            self.revealed_key = key
            self._load_detail()
            self._reveal_label()

    def unmasked(self, key: Any) -> bool:
        return key is not None and key == getattr(self, "revealed_key", None)
