"""Pure normalizers for dates, numbers and places."""
