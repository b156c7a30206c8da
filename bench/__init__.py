"""Developer tooling apart from the product: benchmarks that print numbers."""
