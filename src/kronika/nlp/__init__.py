"""spaCy pipeline construction and kronika components."""
