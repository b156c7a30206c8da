"""Running the bot: the composition root, polling or webhook, the internal HTTP port, metrics."""
