"""Resolve mentions and names to entities."""
