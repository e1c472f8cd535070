"""Replace an older version of an input: the same address, new content.

A file edited since it was ingested, a re-fetched page or a changed record has a
new content hash but the same ``source``. Its old articles and everything
extracted from them are removed in the same transaction that stores the new
version, so the knowledge base holds each input once, at its latest version.
Human corrections are kept (they are keyed apart from machine rows).
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, exists, select

from ..model import RawInput
from .cooccurrence import remove_articles
from .schema import (
    aliases,
    articles,
    claim_sources,
    claims,
    entities,
    event_entities,
    event_sources,
    events,
    inputs,
    mentions,
)

#: Sources that name a stream, not an address: each read is a new input.
_STREAMS = {"<stdin>", "-"}


def supersede(conn: Connection, raw: RawInput) -> int:
    """Delete what older versions of ``raw`` stored; return how many.

    An older version has the same source and external id, and other content.
    """
    if raw.source in _STREAMS:
        return 0
    old = list(
        conn.scalars(
            select(inputs.c.content_hash).where(
                inputs.c.source == raw.source.replace("\x00", "\ufffd"),
                inputs.c.external_id == raw.external_id.replace("\x00", "\ufffd"),
                inputs.c.content_hash != raw.content_hash,
            )
        )
    )
    if not old:
        return 0
    article_ids = list(conn.scalars(select(articles.c.id).where(articles.c.input_hash.in_(old))))
    _delete_extraction(conn, article_ids)
    conn.execute(delete(articles).where(articles.c.id.in_(article_ids)))
    conn.execute(delete(inputs).where(inputs.c.content_hash.in_(old)))
    return len(old)


def _delete_extraction(conn: Connection, article_ids: list[int]) -> None:
    event_ids = list(
        conn.scalars(
            select(event_sources.c.event_id).where(event_sources.c.article_id.in_(article_ids))
        )
    )
    claim_ids = list(
        conn.scalars(
            select(claim_sources.c.claim_id).where(claim_sources.c.article_id.in_(article_ids))
        )
    )
    entity_ids = list(
        conn.scalars(select(mentions.c.entity_id).where(mentions.c.article_id.in_(article_ids)))
    )
    conn.execute(delete(event_sources).where(event_sources.c.article_id.in_(article_ids)))
    conn.execute(delete(claim_sources).where(claim_sources.c.article_id.in_(article_ids)))
    remove_articles(conn, article_ids)
    conn.execute(delete(mentions).where(mentions.c.article_id.in_(article_ids)))
    # events and claims told only by the old articles go; any still sourced elsewhere stay
    orphan_events = ~exists().where(event_sources.c.event_id == events.c.id)
    gone = list(conn.scalars(select(events.c.id).where(events.c.id.in_(event_ids), orphan_events)))
    conn.execute(delete(event_entities).where(event_entities.c.event_id.in_(gone)))
    conn.execute(delete(events).where(events.c.id.in_(gone)))
    orphan_claims = ~exists().where(claim_sources.c.claim_id == claims.c.id)
    conn.execute(delete(claims).where(claims.c.id.in_(claim_ids), orphan_claims))
    unmentioned = ~exists().where(mentions.c.entity_id == entities.c.id)
    lost = list(
        conn.scalars(select(entities.c.id).where(entities.c.id.in_(entity_ids), unmentioned))
    )
    conn.execute(delete(event_entities).where(event_entities.c.entity_id.in_(lost)))
    conn.execute(delete(aliases).where(aliases.c.entity_id.in_(lost)))
    conn.execute(delete(entities).where(entities.c.id.in_(lost)))
