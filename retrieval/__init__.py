"""Corpus model, ingestion, embeddings, index and the search service (knows nothing of Telegram)."""
