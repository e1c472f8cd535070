"""Review writes: a reviewer's confirm, reject, edit or merge of an event.

Corrections are stored apart from machine output (the ``corrections`` table)
and survive re-extraction. ``merge``, which the Store does not model yet, is
written here; it can move into ``Store.correct`` when the store takes it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert

from ..errors import StoreError
from ..store.schema import corrections
from ..store.store import Store
from .queries import get_event


def record_review(
    store: Store,
    event_id: str,
    action: str,
    field: str | None = None,
    value: Any = None,
    author: str = "web",
) -> dict[str, Any]:
    """Store one human correction of an event (never touching machine rows); return the event.

    ``confirm``, ``reject`` and ``edit`` go through :meth:`Store.correct`; ``merge``
    (``value={"into": "evt3"}``), which the store does not model yet, is recorded
    here as a correction row, so it survives re-extraction the same way.

    Raises:
        NotFound: no such event (or ``into`` of a merge names no event).
        StoreError: unknown action, or an edit of a field that cannot be edited.
    """
    current = get_event(store, event_id)
    if action != "merge":
        store.correct(current["id"], action, field=field, value=value, author=author)
        return get_event(store, event_id)
    into = value.get("into") if isinstance(value, dict) else None
    target = get_event(store, str(into or "?"))  # raises NotFound for a bad target
    if target["id"] == current["id"]:
        raise StoreError(f"{event_id}: an event cannot be merged into itself")
    with store.engine.begin() as conn:
        conn.execute(
            insert(corrections),
            {
                "target_kind": "event",
                "target_id": int(current["id"][3:]),
                "action": "merge",
                "field": None,
                "value": {"into": target["id"]},
                "author": author,
                "at": datetime.now(UTC),
            },
        )
    return get_event(store, event_id)
