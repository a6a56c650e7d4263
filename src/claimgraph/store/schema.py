"""The store's tables (SQLAlchemy Core), written so that SQLite and PostgreSQL both work."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 1

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", String(300), index=True),
    Column("author", Text),
    Column("published", String(10), index=True),
    Column("language", String(20)),
    Column("tags", JSON, nullable=False),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("n_words", Integer, nullable=False),
    Column("signature", LargeBinary),
    Column("duplicate_of", String(80), ForeignKey("documents.id"), index=True),
    Column("ingested_at", DateTime(timezone=True), nullable=False, index=True),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(40), nullable=False),
    Column("wikidata", String(40)),
    Column("aliases", JSON, nullable=False),
    Column("origin", String(10), nullable=False),  # "kb" or "new"
)

places = Table(
    "places",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("country", Text),
    Column("admin_level", Integer),
    Column("lat", Float),
    Column("lon", Float),
)

# Which actors and places a document names, in the order of its extraction (even those without mentions).
document_entities = Table(
    "document_entities",
    metadata,
    Column("doc_id", String(80), ForeignKey("documents.id"), primary_key=True),
    Column("kind", String(10), primary_key=True),  # "actor" or "place"
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("entity_id", String(200), nullable=False, index=True),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(80), ForeignKey("documents.id"), nullable=False, index=True),
    Column("entity_id", String(200), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_entity", "entity_id"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(80), ForeignKey("documents.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("doc_id", String(80), ForeignKey("documents.id"), primary_key=True),
    Column("id", String(80), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("subject", String(200), nullable=False),
    Column("relation", String(40), nullable=False),
    Column("object", String(200), nullable=False),
    Column("object_name", Text, nullable=False),
    Column("polarity", String(10), nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("asserted_by_id", String(200), nullable=False),
    Column("asserted_by_name", Text, nullable=False),
    Column("time", String(40)),
    Column("confidence", Float, nullable=False),
    Column("extractor", String(80), nullable=False),
    Column("subject_via", Text),
    Column("evidence_id", Integer, ForeignKey("evidence.id"), nullable=False),
    Column("review_status", String(12), nullable=False),  # unreviewed | confirmed | rejected | edited
    Column("reviewed_by", Text),
    Column("reviewed_at", DateTime(timezone=True)),
    Index("ix_claims_subject", "subject"),
    Index("ix_claims_object", "object"),
    Index("ix_claims_doc", "doc_id"),
    Index("ix_claims_relation", "relation"),
)

events = Table(
    "events",
    metadata,
    Column("doc_id", String(80), ForeignKey("documents.id"), primary_key=True),
    Column("id", String(80), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("kind", String(40), nullable=False, index=True),
    Column("date", String(10), index=True),
    Column("date_precision", String(8)),
    Column("place_id", String(200)),
    Column("place_name", Text),
    Column("place_country", Text),
    Column("killed", Integer),
    Column("wounded", Integer),
    Column("casualty_text", Text),
    Column("hedged", Boolean, nullable=False),
    Column("asserted_by_id", String(200), nullable=False),
    Column("asserted_by_name", Text, nullable=False),
    Column("evidence_id", Integer, ForeignKey("evidence.id"), nullable=False),
    Index("ix_events_doc", "doc_id"),
)

# Perpetrators, claimants and targets of an event, in their order (targets may be free text).
event_participants = Table(
    "event_participants",
    metadata,
    Column("doc_id", String(80), primary_key=True),
    Column("event_id", String(80), primary_key=True),
    Column("role", String(12), primary_key=True),  # perpetrator | claimed_by | target
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("actor", String(300), nullable=False),
    ForeignKeyConstraint(["doc_id", "event_id"], ["events.doc_id", "events.id"]),
    Index("ix_event_participants_actor", "actor"),
)

source_grades = Table(
    "source_grades",
    metadata,
    Column("name", String(300), primary_key=True),
    Column("kind", String(10), primary_key=True),  # outlet | speaker
    Column("grade", String(1), nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
)

claim_reviews = Table(
    "claim_reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(80), nullable=False),
    Column("claim_id", String(80), nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("action", String(10), nullable=False),  # confirm | reject | edit
    Column("before", JSON, nullable=False),
    Column("after", JSON, nullable=False),
    ForeignKeyConstraint(["doc_id", "claim_id"], ["claims.doc_id", "claims.id"]),
    Index("ix_claim_reviews_claim", "claim_id"),
)

kb_entries = Table(
    "kb_entries",
    metadata,
    Column("kind", String(10), primary_key=True),  # actor | place
    Column("id", String(200), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("source", Text, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
)

reference_events = Table(
    "reference_events",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("date", String(10), nullable=False),
    Column("description", Text, nullable=False),
    Column("data", JSON, nullable=False),
    Column("source", Text, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
)
