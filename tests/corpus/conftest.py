"""The corpus programs are not test modules: pytest's doctest collection must not import them
(each bug file raises ShapeError by design, and every pair has a bug.py and a fix.py)."""

collect_ignore_glob = ["*/*/bug.py", "*/*/fix.py"]
