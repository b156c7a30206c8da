"""What the user sees: message rendering, keyboards, callback data, texts, chunked sending."""
