"""Services the dispatcher injects into handlers beside search and storage (corpus ops, uploads)."""
