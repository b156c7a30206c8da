"""The embedding model: e5 format, tokenizer, export, preparation, sentence-transformers."""
