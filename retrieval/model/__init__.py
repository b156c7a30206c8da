"""The embedding model: preparation, export and the runtimes that serve it."""
