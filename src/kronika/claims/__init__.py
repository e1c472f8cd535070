"""Figures with their claimants, and contest markers."""
