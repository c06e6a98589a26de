"""``python -m extract`` is the ``bulletin-extract`` command."""
import atexit
import os
import sys

from .cli import main

code = main()
# The tables are written and closed; what is left of the interpreter's end is freeing a
# million objects (word lists, gazetteer, jieba) one by one, 0.05-0.1 s. The exit handlers
# still run (logging, multiprocessing); streams that cannot be flushed (a closed pipe)
# get Python's own ending instead.
try:
    sys.stdout.flush()
    sys.stderr.flush()
except OSError:
    sys.exit(code)
atexit._run_exitfuncs()
os._exit(code)
