"""Benchmarks and development tooling; not product code."""
