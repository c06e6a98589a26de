"""jieba, loaded quietly and once per process.

jieba is a secondary signal here (short forms cut out of longer words, unclear
name ends). Its dictionary is process-global, so each worker loads it on first
use; its progress messages would otherwise land on every run's stderr.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from types import ModuleType


@lru_cache(maxsize=1)
def jieba() -> ModuleType:
    """The initialised jieba module (its bundled dictionary only, no user words)."""
    import jieba as module  # heavy: imported on first use, not with the package

    module.setLogLevel(logging.WARNING)
    if not module.dt.initialized:
        module.initialize()
    return module
