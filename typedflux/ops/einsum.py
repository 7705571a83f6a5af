"""``einsum``: numpy's ``einsum`` (contraction path found once per subscripts and shapes), with
a VJP that is an einsum with permuted subscripts.

For operand ``i`` the gradient is ``einsum(out, *others -> term_i)(g, *others)``; three
details make that exact: labels summed inside operand ``i`` alone are broadcast back, a
label of size 1 broadcast against the others is summed back to 1, and a label repeated in
the term (a diagonal, ``"ii->i"``) is written onto the diagonal of a zero array.

>>> import typedflux as tf
>>> tf.einsum("bij,bjk->bik", tf.ones(2, 3, 4), tf.ones(2, 4, 5)).shape
(2, 3, 5)
"""

from __future__ import annotations

import string
from typing import Any, Dict, List, Sequence, Tuple

import numpy as np
from typing_extensions import Unpack

from typedflux.dtypes import not_for_bools
from typedflux.engine.tape import needed
from typedflux.ops.registry import Primitive, primitive
from typedflux.shapes.rules_einsum import ELLIPSIS, parse_subscripts
from typedflux.tensor import Tensor, TensorLike

__all__ = ["einsum"]

AnyTensor = Tensor[Unpack[Tuple[Any, ...]]]

# Contraction paths by (subscripts, operand shapes): np.einsum_path costs more than a small
# contraction itself.
_PATHS: Dict[Tuple[str, Tuple[Tuple[int, ...], ...]], Any] = {}
_PATH_LIMIT = 1024


def _einsum_forward(subscripts: str, xs: List[Any]) -> Any:
    # numpy sums and multiplies bool arrays only logically (True, not a count): refused.
    if all(isinstance(x, np.ndarray) and x.dtype == np.bool_ for x in xs):
        raise not_for_bools("einsum", *xs)
    if len(xs) < 2:
        return np.einsum(subscripts, *xs)
    key = (subscripts, tuple(np.shape(x) for x in xs))
    path = _PATHS.get(key)
    if path is None:
        if len(_PATHS) >= _PATH_LIMIT:
            _PATHS.clear()
        path = _PATHS[key] = np.einsum_path(subscripts, *xs, optimize="greedy")[0]
    return np.einsum(subscripts, *xs, optimize=path)


p_einsum: Primitive = primitive("einsum")(_einsum_forward)


def _explicit(subscripts: str, shapes: Sequence[Tuple[int, ...]]) -> Tuple[List[str], str]:
    """The subscripts with ``...`` spelled as fresh letters (right-aligned, as numpy
    broadcasts): one string per term, and the output."""
    sub = parse_subscripts(subscripts)
    used = {lab for term in sub.terms for lab in term}
    fresh = [c for c in string.ascii_letters if c not in used]
    width = max(
        (len(s) - (len(t) - 1) for t, s in zip(sub.terms, shapes) if ELLIPSIS in t), default=0
    )
    ell = fresh[:width]

    def spell(term: Tuple[str, ...], k: int) -> str:
        return "".join("".join(ell[width - k:]) if lab == ELLIPSIS else lab for lab in term)

    terms = [
        spell(t, len(s) - (len(t) - 1) if ELLIPSIS in t else 0) for t, s in zip(sub.terms, shapes)
    ]
    return terms, spell(sub.output, width)


@p_einsum.vjp
def _einsum_vjp(g: Any, out: Any, subscripts: str, xs: List[Any]) -> Tuple[Any, ...]:
    shapes = [np.shape(x) for x in xs]
    terms, output = _explicit(subscripts, shapes)
    sizes: Dict[str, int] = {}
    for term, shape in zip(terms, shapes):
        for lab, n in zip(term, shape):
            sizes[lab] = max(sizes.get(lab, 1), n)
    grads: List[Any] = []
    for i, (term, shape) in enumerate(zip(terms, shapes)):
        if not isinstance(xs[i], np.ndarray) or not needed(i):
            grads.append(None)
            continue
        others = [j for j in range(len(xs)) if j != i]
        unique = "".join(dict.fromkeys(term))
        reach = set(output).union(*(terms[j] for j in others))
        kept = "".join(lab for lab in unique if lab in reach)
        spec = ",".join([output] + [terms[j] for j in others]) + "->" + kept
        gi = _einsum_forward(spec, [g] + [xs[j] for j in others])
        own = {lab: n for lab, n in zip(term, shape)}
        # Labels of size 1 here but broadcast against larger ones: summed back to 1.
        ones = tuple(k for k, lab in enumerate(kept) if own[lab] == 1 and sizes[lab] > 1)
        if ones:
            gi = np.sum(gi, axis=ones, keepdims=True)
        # Labels summed within this operand alone: every element got g, broadcast back.
        if len(kept) < len(unique):
            gi = np.expand_dims(gi, tuple(k for k, lab in enumerate(unique) if lab not in kept))
            gi = np.broadcast_to(gi, tuple(own[lab] for lab in unique))
        if len(unique) < len(term):  # a repeated label: the gradient sits on a diagonal
            full = np.zeros_like(g, shape=shape, order="C")
            np.einsum(f"{term}->{unique}", full)[...] = gi
            gi = full
        grads.append(gi)
    return (grads,)


def _examples() -> List[Tuple[Any, ...]]:
    r = np.random.default_rng(1234)

    def n(*shape: int) -> Any:
        return r.standard_normal(shape)

    return [
        ("ij,jk->ik", [n(3, 4), n(4, 2)]),
        ("bij,bjk->bik", [n(2, 3, 4), n(2, 4, 5)]),
        ("bhtd,bhsd->bhts", [n(2, 2, 3, 4), n(2, 2, 5, 4)]),
        ("ij->ji", [n(3, 4)]),
        ("ij->", [n(3, 4)]),
        ("ii->i", [n(3, 3)]),
        ("ii", [n(3, 3)]),
        ("ij,j->i", [n(3, 4), n(4)]),
        ("i,j->ij", [n(3), n(4)]),
        ("ij,ij->ij", [n(1, 4), n(3, 4)]),  # a size-1 label broadcasts
        ("...ij,...jk->...ik", [n(2, 3, 4), n(4, 5)]),
        ("i...j,jk->i...k", [n(2, 3, 1, 4), n(4, 2)]),
        ("ijk,ik->j", [n(2, 3, 4), n(2, 4)]),  # k is summed, j only in x: nothing special
        ("ij,jk,kl->il", [n(2, 3), n(3, 4), n(4, 2)]),
        ("iij,k->jk", [n(3, 3, 2), n(4)]),
    ]


p_einsum.examples(_examples)


def einsum(subscripts: str, *xs: TensorLike) -> AnyTensor:
    """``einsum(subscripts, *xs)``: sums of products of the operands' elements as the
    subscripts say (numpy's and torch's ``einsum``): ``"bij,bjk->bik"`` is a batched matrix
    product, ``"bhtd,bhsd->bhts"`` attention scores, ``"ij->ji"`` a transpose, ``"ii"`` a
    trace. Without ``->`` the output is the labels seen once, in ASCII order; ``...`` stands
    for broadcast dims. A label's sizes must agree across the operands (a size 1
    broadcasts): the mypy plugin checks the subscripts against the operands' shapes.

    - ``subscripts``: one comma-separated term per operand (letters, spaces ignored).
    - ``xs``: the operands, ``len(xs)`` equal to the number of terms.

    >>> import typedflux as tf
    >>> q, k = tf.ones(2, 5, 8), tf.ones(2, 7, 8)
    >>> tf.einsum("btd,bsd->bts", q, k).shape
    (2, 5, 7)
    >>> tf.einsum("ii", tf.tensor([[1.0, 2.0], [3.0, 4.0]])).item()
    5.0
    """
    if not isinstance(subscripts, str):
        raise TypeError(
            f'"einsum" needs a string for subscripts, got {type(subscripts).__name__} '
            '(the subscripts come first: einsum("ij,jk->ik", a, b))'
        )
    return p_einsum.invoke(subscripts, list(xs))
