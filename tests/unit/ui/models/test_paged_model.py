"""The paged list model: the first page and, behind it on the worker, the count."""

from __future__ import annotations

from typing import Any

from registry.queries.paging import PAGE_SIZE


def test_a_long_list_is_counted_once_and_a_short_one_not_at_all(running: Any, qtbot: Any,
                                                                monkeypatch: Any) -> None:
    section = running.section("volunteers")
    model = section.model
    counted: list[dict[str, Any]] = []
    real_count = model.spec.count
    monkeypatch.setattr(model.spec, "count", lambda filters: counted.append(filters) or real_count(filters))

    model.reload()
    assert model.counting  # asked for with the page, answered after it
    qtbot.waitUntil(lambda: model.ready and not model.counting)
    running.idle()
    total = model.rowCount()
    assert total > PAGE_SIZE and counted == [{}]
    assert total == running.query(lambda: real_count({}))

    community = next(value for value, _ in running.ctx.lookups["communities"])
    model.set_filters({"community": community})
    qtbot.waitUntil(lambda: model.ready and not model.counting)
    running.idle()
    assert 0 < model.rowCount() < PAGE_SIZE  # the first page is the whole list …
    assert counted == [{}]  # … so it was not counted
    assert model.rowCount() == running.query(lambda: real_count({"community": community}))
