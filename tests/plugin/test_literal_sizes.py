"""Invariance errors that only the plugin's literal layer sizes make are dropped
(mypy_plugin/callbacks/literal_sizes.py); any other difference keeps mypy's error."""

from __future__ import annotations

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
    assert not literal_only("misc", got.format("Dense[Literal[8], int]", "Dense[int, int]"))
