"""A comprehension returned or assigned against an annotation: its element is the boundary
(``[head(x) for ...]`` against ``List[Tensor[B, 4]]``), in shape words, named by its place;
was mypy's ``[misc]`` "List comprehension has incompatible type" in ``Literal`` words. Static
only: at run time ``@tf.shapecheck`` names the returned list's item (``(list item 0)``)."""

from __future__ import annotations

from plugin_run import Output


def test_comprehension_elements_are_boundaries(mypy_output: Output) -> None:
    got = mypy_output["comprehension_boundaries"]
    tail = "does not match the annotation Tensor[B, 4]: axis 1 is {0}, expected 4  [shape]"
    assert got == [
        (10, "error: Return shape Tensor[B, 3] (list comprehension item) " + tail.format(3)),
        (14, "error: Return shape Tensor[B, 3] (dict comprehension value) " + tail.format(3)),
        (18, "error: Return shape Tensor[B, 5] (generator item) " + tail.format(5)),
        (22, "error: Return shape Tensor[B, 6] (set comprehension item) " + tail.format(6)),
        (25, 'error: Assigned shape Tensor[3, 2] (list comprehension item) does not match the '
             'annotation Tensor[3, 4] of "ys": axis 1 is 2, expected 4  [shape]'),
    ], got
