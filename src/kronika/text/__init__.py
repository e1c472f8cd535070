"""Clean and split texts, and find their metadata."""
