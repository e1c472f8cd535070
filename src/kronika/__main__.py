"""``python -m kronika``."""

from .cli import main

main()
