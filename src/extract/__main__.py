"""``python -m extract`` is the ``bulletin-extract`` command."""
import sys

from .cli import main

sys.exit(main())
