"""Invariance errors that only the plugin's literal layer sizes make are dropped
(mypy_plugin/callbacks/literal_sizes.py); any other difference keeps mypy's error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Dict, List

from mypy_plugin.callbacks.literal_sizes import literal_only


def test_int_sizes_take_an_inferred_container_of_layers(output: Dict[str, List[str]]) -> None:
    lines = output["literal_sizes_declared"]
    # Only two errors stay: the size 8 against 16, and a str list holding an int.
    assert len([x for x in lines if x.startswith("error:")]) == 2, lines
    [size] = [x for x in lines if "run_in16" in x]
    assert '"list[Dense[Literal[8], Literal[2]]]"; expected "list[Dense[Literal[16], int]]"' in size
    assert any("[list-item]" in x for x in lines)
    # mypy's notes on the dropped errors ('"dict" is invariant', 'Consider using "Mapping"')
    # go with them (the kept ones have none: no covariant type would take them).
    assert not [x for x in lines if x.startswith("note:")], lines


def test_only_layer_sizes_count() -> None:
    got = 'Argument 1 to "f" has incompatible type "list[{}]"; expected "list[{}]"'
    assert literal_only("arg-type", got.format("Dense[Literal[8], Literal[2]]", "Dense[int, int]"))
    assert literal_only("arg-type", got.format(
        "typedflux.layers.basic.Dense[Literal[8], int]", "typedflux.layers.basic.Dense[int, int]"))
    # A literal that is not a layer's size, another class, another size, nothing literal.
    assert not literal_only("arg-type", got.format("Literal[3]", "int"))
    assert not literal_only("arg-type", got.format("Dense[Literal[8], int]", "Conv[int, int]"))
    assert not literal_only("arg-type", got.format("Dense[Literal[8], int]", "Dense[Literal[9], int]"))
    assert not literal_only("arg-type", got.format("Dense[int, int]", "Dense[str, int]"))
    # An Optional declared type: a member must match; interior ints must be whole words.
    assert literal_only("return-value", 'Incompatible return value type (got '
                        '"dict[str, Dense[Literal[4], int]]", expected '
                        '"dict[str, Dense[int, int]] | None")')
    assert not literal_only("arg-type", got.format("Dense[Literal[8], int]", "Dense[integer, int]"))
    # A user's generic class bound by a tensor's sizes (Holder(tf.zeros(4, 5))), also as a
    # list item; a builtin container's literal stays the user's own.
    assert literal_only("assignment", 'Incompatible types in assignment (expression has type '
                        '"Holder[Literal[4], Literal[5]]", variable has type "Holder[int, int]")')
    assert literal_only("list-item", 'List item 0 has incompatible type '
                        '"Holder[Literal[4], Literal[5]]"; expected "Holder[int, int]"')
    assert not literal_only("arg-type", got.format("Literal[3]", "int"))
    assert not literal_only("list-item", 'List item 0 has incompatible type '
                            '"tuple[Literal[3], int]"; expected "tuple[int, int]"')
    assert not literal_only("misc", got.format("Dense[Literal[8], int]", "Dense[int, int]"))


def test_every_place_mypy_compares_invariantly() -> None:
    """A dict entry, a target of ``x[k] = v``, a tuple of any length, an Optional and the
    comprehensions: dropped when only sizes differ, kept for any other difference."""
    entry = 'Dict entry 0 has incompatible type "{}": "{}"; expected "{}": "{}"'
    assert literal_only("dict-item", entry.format("str", "Batch[Literal[6]]", "str", "Batch[int]"))
    assert not literal_only("dict-item", entry.format(
        "str", "Batch[Literal[6]]", "str", "Batch[Literal[3]]"))
    assert not literal_only("dict-item", entry.format(
        "int", "Batch[Literal[6]]", "str", "Batch[int]"))
    assert literal_only("assignment", 'Incompatible types in assignment (expression has type '
                        '"Batch[Literal[6]]", target has type "Batch[int]")')
    assign = 'Incompatible types in assignment (expression has type "{}", variable has type "{}")'
    assert literal_only("assignment", assign.format(
        "tuple[Batch[Literal[6]], Batch[Literal[2]]]", "tuple[Batch[int], ...]"))
    assert not literal_only("assignment", assign.format(
        "tuple[Batch[Literal[6]], str]", "tuple[Batch[int], ...]"))
    assert literal_only("assignment", assign.format(
        "Batch[Literal[6]] | None", "Batch[int] | None"))
    assert not literal_only("assignment", assign.format(
        "Batch[Literal[6]] | str", "Batch[int] | None"))
    assert literal_only("misc", "List comprehension has incompatible type List[Batch[Literal[3]]]; "
                        "expected List[Batch[int]]")
    assert not literal_only("misc", "List comprehension has incompatible type List[Literal[3]]; "
                            "expected List[str]")
    assert literal_only("misc", 'Generator has incompatible item type "Batch[Literal[3]]"; '
                        'expected "Batch[int]"')
    assert literal_only("misc", 'Value expression in dictionary comprehension has incompatible '
                        'type "Batch[Literal[3]]"; expected type "Batch[int]"')


# A module that only builds layers and passes them on: no Tensor annotation anywhere, so with
# typedflux's own modules read from mypy's cache no annotation hook of the plugin runs.
BUILDER = """from typing import List

from typedflux import Dense


def count(layers: List[Dense[int, int]]) -> int:
    return len(layers)


def make_blocks() -> List[Dense[int, int]]:
    blocks = [Dense(16, 16), Dense(16, 8)]
    return blocks


layers = [Dense(4, 8), Dense(8, 8)]
print(count(layers), len(make_blocks()))
"""


def test_a_module_that_only_builds_layers_is_clean_with_a_warm_cache(tmp_path: Path) -> None:
    (tmp_path / "mypy.ini").write_text(
        "[mypy]\nplugins = mypy_plugin\n[mypy-typedflux.*]\nfollow_imports = silent\n")
    target = tmp_path / "builders.py"
    cmd = [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), "builders.py"]
    outputs = []
    for edit in ("", "# edited\n"):  # cold, then warm after an edit (builders.py re-checked)
        target.write_text(BUILDER + edit)
        run = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300)
        outputs.append(run.stdout)
        assert run.returncode == 0, run.stdout + run.stderr
    assert all("Success" in out for out in outputs), outputs
