"""`atazan chat`: the bot in a terminal over an in-memory Bot API (no network)."""
