"""Imports ``typedflux.shapes`` for the plugin without running ``typedflux/__init__.py``.

The package's ``__init__`` loads numpy and the whole runtime (most of a second), none of which
the plugin needs: it uses only the pure-Python ``typedflux.shapes``. In a fresh process (mypy's
own) a temporary, empty parent package is put in ``sys.modules`` while the shapes package and
the plugin modules that use it are imported, then every ``typedflux`` module is taken out
again, so a later ``import typedflux`` in the same process loads the real package afresh. If
typedflux is already imported (a test process), it is simply used.

>>> with light_typedflux():
...     import typedflux.shapes.dims as dims
>>> dims.sym("N") * 2
2*N
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from contextlib import contextmanager
from typing import Iterator

__all__ = ["light_typedflux"]


@contextmanager
def light_typedflux() -> Iterator[None]:
    """Within this block ``import typedflux.shapes...`` skips the package ``__init__``.

    >>> with light_typedflux():
    ...     import typedflux.shapes.catalog as catalog
    >>> "matmul" in catalog.SPECS
    True
    """
    if "typedflux" in sys.modules:
        yield
        return
    spec = importlib.util.find_spec("typedflux")
    if spec is None or not spec.submodule_search_locations:
        yield
        return
    parent = types.ModuleType("typedflux")
    parent.__path__ = list(spec.submodule_search_locations)
    parent.__spec__ = spec
    parent.__file__ = spec.origin
    sys.modules["typedflux"] = parent
    try:
        importlib.import_module("typedflux.shapes")
        yield
    finally:
        for name in [n for n in sys.modules if n == "typedflux" or n.startswith("typedflux.")]:
            del sys.modules[name]
