"""tests/robustness: the odd programs are run by test_plugin_odd_programs.py (each in its own
``runpy`` call, then cleaned up), not imported by the doctest collector: importing them ran
every program at collection, in the suite's process, and one that patches a library class on
purpose (``r13_odd_method_patches.py``: ``tf.Dense.extra_helper = ...``) changed what later
tests saw (tests/test_public_docstrings.py reads the public members at collection)."""

collect_ignore_glob = ["odd_programs/*.py"]
