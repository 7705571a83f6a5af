"""Messages of the pattern ops (``einsum`` subscripts, ``rearrange``/``reduce`` patterns):
a malformed pattern, or one that does not fit the operands' shapes.

>>> print(bad_pattern("rearrange", "pattern", "b c", 'one "->"'))
Invalid pattern for "rearrange": pattern is "b c"; need one "->"
"""

from __future__ import annotations

from typing import Sequence

from typedflux.shapes.dims import Dim, dim_str
from typedflux.shapes.messages.shape_text import fmt_dims, fmt_shape

__all__ = [
    "bad_pattern",
    "operand_count",
    "pattern_rank",
    "label_size_mismatch",
    "ellipsis_mismatch",
    "pattern_mismatch",
    "ellipsis_dropped",
]


def bad_pattern(op: str, arg: str, text: str, why: str) -> str:
    """A subscripts or pattern string that is malformed whatever the operands.

    >>> print(bad_pattern("einsum", "subscripts", "ij,jk->il", 'every output label among the inputs ("l" is not)'))
    Invalid subscripts for "einsum": subscripts is "ij,jk->il"; need every output label among the inputs ("l" is not)
    """
    return f'Invalid {arg} for "{op}": {arg} is "{text}"; need {why}'


def operand_count(op: str, text: str, want: int, given: int) -> str:
    """Subscripts naming a different number of operands than given.

    >>> print(operand_count("einsum", "ij,jk->ik", 2, 3))
    Wrong number of operands for "einsum": subscripts "ij,jk->ik" name 2; need 2 tensors (3 given)
    """
    return (
        f'Wrong number of operands for "{op}": subscripts "{text}" name {want}; '
        f"need {want} tensor{'s' if want != 1 else ''} ({given} given)"
    )


def pattern_rank(
    op: str, arg: str, shape: Sequence[object], what: str, want: int, ellipsis: bool
) -> str:
    """An operand whose rank does not fit its part of a pattern (``what`` quotes the part).

    >>> print(pattern_rank("einsum", "xs[1]", (3, 4, 5), 'term "jk" of "ij,jk->ik"', 2, False))
    Wrong rank for "einsum": xs[1] has Tensor[3, 4, 5], term "jk" of "ij,jk->ik" names 2 axes; need rank 2 (got 3)
    >>> print(pattern_rank("rearrange", "x", (2, 3), 'pattern "b ... t d -> b t d ..."', 3, True))
    Wrong rank for "rearrange": x has Tensor[2, 3], pattern "b ... t d -> b t d ..." names 3 axes and ...; need rank >= 3 (got 2)
    """
    named = f"{want} ax{'is' if want == 1 else 'es'}" + (" and ..." if ellipsis else "")
    need = f"rank >= {want}" if ellipsis else f"rank {want}"
    return (
        f'Wrong rank for "{op}": {arg} has {fmt_shape(shape)}, {what} names {named}; '
        f"need {need} (got {len(shape)})"
    )


def label_size_mismatch(
    op: str, label: str, text: str,
    first: str, first_shape: Sequence[object], first_axis: int, a: Dim,
    second: str, second_shape: Sequence[object], second_axis: int, b: Dim,
) -> str:
    """One einsum label with two sizes (``first``/``second`` name the operands).

    >>> print(label_size_mismatch("einsum", "j", "bj,jk->bk", "xs[0]", (8, 3), 1, 3,
    ...       "xs[1]", (4, 5), 0, 4))
    Sizes differ for "einsum": xs[0] has Tensor[8, 3], xs[1] has Tensor[4, 5]; need one size for "j" in "bj,jk->bk" (3 at axis 1 of xs[0] vs 4 at axis 0 of xs[1])
    """
    where = (f"{dim_str(a)} at axis {first_axis} of {first} vs "
             f"{dim_str(b)} at axis {second_axis} of {second}")
    if first == second:
        return (
            f'Sizes differ for "{op}": {first} has {fmt_shape(first_shape)}; need one size '
            f'for "{label}" in "{text}" ({where})'
        )
    return (
        f'Sizes differ for "{op}": {first} has {fmt_shape(first_shape)}, {second} has '
        f'{fmt_shape(second_shape)}; need one size for "{label}" in "{text}" ({where})'
    )


def ellipsis_mismatch(
    op: str, text: str, first: str, first_shape: Sequence[object],
    second: str, second_shape: Sequence[object], a: Dim, b: Dim,
) -> str:
    """The dims two operands give to ``...`` do not broadcast.

    >>> print(ellipsis_mismatch("einsum", "...ij,...jk", "xs[0]", (5, 2, 3), "xs[1]", (4, 3, 6), 5, 4))
    Cannot broadcast for "einsum": xs[0] has Tensor[5, 2, 3], xs[1] has Tensor[4, 3, 6]; need the dims under "..." in "...ij,...jk" to broadcast (5 vs 4)
    """
    return (
        f'Cannot broadcast for "{op}": {first} has {fmt_shape(first_shape)}, {second} has '
        f'{fmt_shape(second_shape)}; need the dims under "..." in "{text}" to broadcast '
        f"({dim_str(a)} vs {dim_str(b)})"
    )


def pattern_mismatch(
    op: str, what: str, shape: Sequence[object], pattern: str,
    sizes: Sequence[tuple[str, object]], need: str,
) -> str:
    """A rearrange pattern that does not fit the tensor it is applied to.

    >>> print(pattern_mismatch("rearrange", "Cannot split axis", (8, 10, 500),
    ...       "b t (h d) -> b h t d", [("h", 8)],
    ...       "500 divisible by 8 to split axis 2 into (h d) (500 % 8 = 4)"))
    Cannot split axis for "rearrange": x has Tensor[8, 10, 500], pattern "b t (h d) -> b h t d" with h=8; need 500 divisible by 8 to split axis 2 into (h d) (500 % 8 = 4)
    """
    given = ", ".join(f"{n}={dim_str(d)}" for n, d in sizes)  # type: ignore[arg-type]
    with_sizes = f" with {given}" if given else ""
    return (
        f'{what} for "{op}": x has {fmt_shape(shape)}, pattern "{pattern}"{with_sizes}; '
        f"need {need}"
    )


def ellipsis_dropped(op: str, text: str, arg: str, shape: Sequence[object],
                     dims: Sequence[object]) -> str:
    """Explicit einsum output without ``...`` while the inputs put dims under it (numpy sums
    no broadcast dims).

    >>> print(ellipsis_dropped("einsum", "...a->", "xs[0]", (3, 2), (3,)))
    Cannot drop "..." for "einsum": xs[0] has Tensor[3, 2], subscripts "...a->"; need "..." in the output to keep the dims under it (3)
    """
    return (
        f'Cannot drop "..." for "{op}": {arg} has {fmt_shape(shape)}, subscripts "{text}"; '
        f'need "..." in the output to keep the dims under it ({fmt_dims(dims)[1:-1]})'
    )
