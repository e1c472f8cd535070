"""Every table kronika stores, as SQLAlchemy Core ``Table`` objects in one ``MetaData``.

This is the only place column names are spelt. Machine output (inputs,
articles, entities, events, claims and their links) and human ``corrections``
live in separate tables, so re-extraction never touches a correction.
Full-text search structures are dialect-specific and live in ``search.py``.
"""

from __future__ import annotations

import re

from anyascii import anyascii
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

#: Records which migrations have run; its rows are the schema's history.
migrations_table = Table(
    "_kronika_migrations",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

inputs = Table(
    "inputs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("external_id", Text, nullable=False),
    Column("format", String(20), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("input_hash", String(64), ForeignKey("inputs.content_hash"), nullable=False),
    Column("part", Integer, nullable=False),
    Column("external_id", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("url", Text),
    Column("published", String(32)),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("chars", Integer, nullable=False),
    UniqueConstraint("input_hash", "part"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("type", String(32), nullable=False),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("place", JSON),
    UniqueConstraint("type", "key"),
)

aliases = Table(
    "aliases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("alias", Text, nullable=False),
    UniqueConstraint("entity_id", "alias"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_mentions_entity", "entity_id"),
    Index("ix_mentions_article", "article_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("type", String(32), nullable=False),
    Column("date", String(32)),
    Column("location", JSON),
    Column("args", JSON, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("flags", JSON, nullable=False),
    Column("markers", JSON, nullable=False),
    Column("rule", Text, nullable=False),
    Column("fingerprint", String(64), nullable=False, unique=True),
    #: Stable across re-extraction (input, part, type, evidence span, rank): corrections use it.
    Column("anchor", String(80)),
    #: Whether ``location`` holds a place (not JSON null): the map's filter, on an index.
    Column("located", Boolean),
    Index("ix_events_type_date", "type", "date"),
)

event_sources = Table(
    "event_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("evidence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_event_sources_event", "event_id"),
)

event_entities = Table(
    "event_entities",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(64), primary_key=True),
    Index("ix_event_entities_entity", "entity_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("quantity", Float, nullable=False),
    Column("about", Text, nullable=False),
    Column("claimant", Text),
    Column("contested", Boolean, nullable=False),
    Column("markers", JSON, nullable=False),
    Column("fingerprint", String(64), nullable=False, unique=True),
)

claim_sources = Table(
    "claim_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("evidence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_claim_sources_claim", "claim_id"),
)

skips = Table(
    "skips",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("external_id", Text, nullable=False),
    Column("input_hash", String(64), nullable=False),
    Column("stage", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

#: Human corrections (confirm, reject, edit, merge, split): an overlay, never machine output.
corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("target_kind", String(16), nullable=False),
    Column("target_id", Integer, nullable=False),
    Column("action", String(16), nullable=False),
    Column("field", String(64)),
    Column("value", JSON),
    Column("author", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    #: The target's stable key (event anchor, claim fingerprint, "TYPE:entity key"), so a
    #: correction finds its target again after re-extraction renumbers machine rows.
    Column("target_key", Text),
    Index("ix_corrections_target", "target_kind", "target_id"),
)

#: Cross-article resolution (machine output, rebuilt by ``resolve_corpus``): every entity
#: that was merged with others points at its cluster's representative entity.
entity_clusters = Table(
    "entity_clusters",
    metadata,
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("cluster_id", Integer, nullable=False),
    Index("ix_entity_clusters_cluster", "cluster_id"),
)

#: Why two entities were merged: one row per edge of a cluster, with the rule and score.
entity_links = Table(
    "entity_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("type", String(32), nullable=False),
    Column("key_a", Text, nullable=False),
    Column("key_b", Text, nullable=False),
    Column("name_a", Text, nullable=False),
    Column("name_b", Text, nullable=False),
    Column("rule", Text, nullable=False),
    Column("score", Float, nullable=False),
    Index("ix_entity_links_a", "type", "key_a"),
    Index("ix_entity_links_b", "type", "key_b"),
)

#: The blocks each entity is compared within (``resolve/corpus.py``): kept so that a new
#: entity finds the stored ones it may match without every entity's blocks being recomputed.
entity_blocks = Table(
    "entity_blocks",
    metadata,
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(32), nullable=False),
    Column("block", Text, nullable=False),
    Index("ix_entity_blocks_block", "type", "block"),
    Index("ix_entity_blocks_entity", "entity_id"),
)

#: Events that several articles report: each member points at the cluster's representative.
event_clusters = Table(
    "event_clusters",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("cluster_id", Integer, nullable=False),
    Column("rule", Text, nullable=False),
    Index("ix_event_clusters_cluster", "cluster_id"),
)

#: One row per resolution run: the watermark of what it saw (to skip unchanged corpora).
resolution_runs = Table(
    "resolution_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("watermark", Text, nullable=False),
    Column("report", JSON, nullable=False),
)

#: Co-occurrence counts: articles published in ``month`` (``YYYY-MM`` prefix of ``published``,
#: ``''`` when unknown) that name both entities (cluster representatives, ``entity_a <
#: entity_b``). ``cooccurrence.py`` keeps it per stored or removed article and rebuilds it
#: whenever clusters change, so the network never recounts every mention.
co_mentions = Table(
    "co_mentions",
    metadata,
    Column("entity_a", Integer, nullable=False),
    Column("entity_b", Integer, nullable=False),
    Column("month", String(7), nullable=False),
    Column("articles", Integer, nullable=False),
    UniqueConstraint("entity_a", "entity_b", "month"),
    Index("ix_co_mentions_b", "entity_b"),
)

#: Indexes that serve the event listings' sort orders (undated events last, then id) and
#: their outlet filter; ``m004_read_indexes`` adds them to databases created before them.
READ_INDEXES: tuple[Index, ...] = (
    Index("ix_events_date_order", events.c.date.is_(None), events.c.date, events.c.id),
    Index("ix_events_date_desc_order", events.c.date.is_(None), events.c.date.desc(), events.c.id),
    Index("ix_events_confidence_order", events.c.confidence, events.c.id),
    Index("ix_events_confidence_desc_order", events.c.confidence.desc(), events.c.id),
    Index("ix_event_sources_article", event_sources.c.article_id),
    Index("ix_articles_outlet", articles.c.outlet),
)

#: Indexes ``m005_co_occurrence`` adds: the event sort orders (all events, or of one type)
#: carrying ``located``, so the map pages through them without reading rows; and each
#: article's entities read from the index alone (co-occurrence on entity pages).
CO_OCCURRENCE_INDEXES: tuple[Index, ...] = (
    Index(
        "ix_events_date_located",
        events.c.date.is_(None),
        events.c.date,
        events.c.id,
        events.c.located,
    ),
    Index(
        "ix_events_type_date_located",
        events.c.type,
        events.c.date.is_(None),
        events.c.date,
        events.c.id,
        events.c.located,
    ),
    Index("ix_mentions_article_entity", mentions.c.article_id, mentions.c.entity_id),
)

#: The index ``m006_input_source`` adds: each stored input looks up its older versions
#: (same source and id) when it is written, which without it scans every input.
INPUT_SOURCE_INDEX = Index("ix_inputs_source", inputs.c.source, inputs.c.external_id)
#: The ``--language`` filter on articles (m007).
LANGUAGE_INDEX = Index("ix_articles_language", articles.c.language)

#: Tables that hold data (everything but the migration log), in dependency order.
DATA_TABLES: tuple[Table, ...] = (
    inputs,
    articles,
    entities,
    aliases,
    mentions,
    events,
    event_sources,
    event_entities,
    claims,
    claim_sources,
    skips,
    corrections,
    entity_clusters,
    entity_links,
    event_clusters,
    resolution_runs,
    co_mentions,
    entity_blocks,
)

#: Tables that ``m003_resolution`` adds to databases created before it.
RESOLUTION_TABLES: tuple[Table, ...] = (
    entity_clusters,
    entity_links,
    event_clusters,
    resolution_runs,
)

_SPACES = re.compile(r"\s+")


def entity_key(name: str) -> str:
    """Return the lookup key of an entity name: transliterated, casefolded, spaces collapsed."""
    return _SPACES.sub(" ", anyascii(name).casefold()).strip()
