"""Storage: SQLite and PostgreSQL through SQLAlchemy Core."""
