"""Collection settings for the whole suite: the optional PyTorch extra's modules
(typedflux/torch/) are collected for doctests only where torch is installed. In CI it always
is (tests/torch_export/conftest.py makes a missing torch an error there)."""

import importlib.util

collect_ignore = [] if importlib.util.find_spec("torch") else ["typedflux/torch"]
