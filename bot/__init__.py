"""Telegram side of atazan: handlers, texts, storage; talks to retrieval through SearchAPI."""
