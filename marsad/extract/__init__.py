"""Extractors: one module per kind of item found in a document text."""
