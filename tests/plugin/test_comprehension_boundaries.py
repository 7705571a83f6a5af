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


def test_generators_and_displays_given_to_container_calls(mypy_output: Output) -> None:
    """``tuple(h for ...)``, ``list([h for ...])``, ``tuple([x, h])``, ``set(h for ...)`` at a
    boundary: mypy takes the constructor's item type from the annotation (was its ``[misc]``
    "Generator has incompatible item type" or ``[list-item]``, in ``Literal`` words). Static
    only: ``@tf.shapecheck`` does not check a ``Tuple[..., ...]`` of any length, and names a
    list's item where the checker names the generator's."""
    got = mypy_output["container_generators"]
    tail = "does not match the annotation Tensor[{0}]: axis 1 is {1}, expected {2}  [shape]"
    assert got == [
        (11, "error: Return shape Tensor[B, N - 1] (generator item) " + tail.format("B, N", "N - 1", "N")),
        (15, "error: Return shape Tensor[B, N - 1] (list comprehension item) "
             + tail.format("B, N", "N - 1", "N")),
        (19, "error: Return shape Tensor[4, 6] (tuple item 1) " + tail.format("4, 8", 6, 8)),
        (22, 'error: Assigned shape Tensor[3, 2] (generator item) does not match the annotation '
             'Tensor[3, 4] of "ss": axis 1 is 2, expected 4  [shape]'),
    ], got
