"""Exports: CSV/JSONL, ACLED-style CSV, GraphML."""
