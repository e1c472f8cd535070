"""Typed events from rule files."""
