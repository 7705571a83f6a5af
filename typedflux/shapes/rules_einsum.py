"""Shape rule of ``einsum``: subscripts parsed once, labels bound to dims across operands.

numpy's semantics on int shapes (explicit ``->`` output or implicit: the labels seen once, in
ASCII order; ``...`` broadcasting; a label of size 1 broadcasts against the others), with
rigid symbols: a label bound to ``B`` in one operand and ``T`` in another is a mismatch, and
only a literal 1 broadcasts.

>>> from typedflux.shapes.catalog import SPECS
>>> from typedflux.shapes.dims import sym
>>> B, T, D = sym("B"), sym("T"), sym("D")
>>> SPECS["einsum"].rule(subscripts="btd,bsd->bts", xs=((B, T, D), (B, T, D)))
(B, T, T)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from typedflux.shapes import messages
from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.dims import Dim, Star, equal
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.shape import SDim, Shape, broadcast_dim, broadcast_pair, star_index

__all__ = ["Subscripts", "parse_subscripts", "einsum_shape", "ELLIPSIS"]

ELLIPSIS = "..."


@dataclass(frozen=True)
class Subscripts:
    """Parsed subscripts: each input term and the output as tuples of one-letter labels, with
    ``"..."`` standing for the broadcast dims.

    >>> parse_subscripts("ij,jk")
    Subscripts(text='ij,jk', terms=(('i', 'j'), ('j', 'k')), output=('i', 'k'))
    """

    text: str
    terms: Tuple[Tuple[str, ...], ...]
    output: Tuple[str, ...]


def _labels(part: str, text: str, where: str) -> Tuple[str, ...]:
    out: List[str] = []
    i = 0
    while i < len(part):
        c = part[i]
        if part.startswith(ELLIPSIS, i):
            if ELLIPSIS in out:
                raise ShapeError(messages.bad_pattern(
                    "einsum", "subscripts", text, f'at most one ... per term ({where} "{part}")'))
            out.append(ELLIPSIS)
            i += 3
            continue
        if not (c.isascii() and c.isalpha()):
            raise ShapeError(messages.bad_pattern(
                "einsum", "subscripts", text,
                f'letters, "...", "," and "->" only ({c!r} in {where} "{part}")'))
        out.append(c)
        i += 1
    return tuple(out)


@functools.lru_cache(maxsize=256)
def parse_subscripts(text: str) -> Subscripts:
    """Parse einsum subscripts (spaces ignored); ``ShapeError`` when malformed.

    >>> parse_subscripts("b i j, b j k -> b i k").output
    ('b', 'i', 'k')
    >>> parse_subscripts("...ij,...jk").output, parse_subscripts("ba").output
    (('...', 'i', 'k'), ('a', 'b'))
    >>> parse_subscripts("ij,jk->il")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Invalid subscripts for "einsum": subscripts is "ij,jk->il"; need every output label among the inputs ("l" is not)
    """
    if not isinstance(text, str):
        raise CannotTell("subscripts that are not a string")
    compact = "".join(text.split())
    if compact.count("->") > 1:
        raise ShapeError(messages.bad_pattern("einsum", "subscripts", text, 'at most one "->"'))
    left, arrow, right = compact.partition("->")
    terms = tuple(_labels(t, text, "term") for t in left.split(","))
    seen: Dict[str, int] = {}
    for term in terms:
        for label in term:
            seen[label] = seen.get(label, 0) + 1
    has_ellipsis = ELLIPSIS in seen
    if arrow:
        output = _labels(right, text, "output")
        for label in output:
            if output.count(label) > 1:
                raise ShapeError(messages.bad_pattern(
                    "einsum", "subscripts", text,
                    f'each output label once ("{label}" is repeated)'))
            if label not in seen:
                what = '"..." in the output only when an input has it' if label == ELLIPSIS \
                    else f'every output label among the inputs ("{label}" is not)'
                raise ShapeError(messages.bad_pattern("einsum", "subscripts", text, what))
    else:
        once = sorted(lab for lab, n in seen.items() if n == 1 and lab != ELLIPSIS)
        output = ((ELLIPSIS,) if has_ellipsis else ()) + tuple(once)
    return Subscripts(text, terms, output)


def _split_operand(
    term: Tuple[str, ...], x: Shape, i: int, sub: Subscripts
) -> Tuple[List[Tuple[str, SDim, int]], Shape]:
    """Each label of ``term`` with its dim and axis in ``x`` (axes after a ``*Bs`` run count
    from the end), and the dims under ``...``."""
    arg = f"xs[{i}]"
    what = f'term "{"".join(term)}" of "{sub.text}"'
    k = term.index(ELLIPSIS) if ELLIPSIS in term else -1
    letters = [lab for lab in term if lab != ELLIPSIS]
    s = star_index(x)
    n = len(x)
    if s is None:
        if (k < 0 and n != len(letters)) or (k >= 0 and n < len(letters)):
            raise ShapeError(messages.pattern_rank("einsum", arg, x, what, len(letters), k >= 0))
    elif k < 0 or s < k or n - s - 1 < len(letters) - k:
        raise CannotTell("an einsum operand of unknown rank")
    if k < 0:
        return [(lab, x[j], j) for j, lab in enumerate(letters)], ()
    after = len(letters) - k
    out = [(letters[j], x[j], j) for j in range(k)]
    for j in range(after):
        pos = n - after + j
        out.append((letters[k + j], x[pos], pos if s is None else pos - n))
    return out, x[k:n - after]


def _broadcast_ellipses(sub: Subscripts, xs: Sequence[Shape], parts: Dict[int, Shape]) -> Shape:
    out: Optional[Shape] = None
    for i, part in parts.items():
        if out is None:
            out = part
            continue
        try:
            out = broadcast_pair(out, part, "einsum")
        except ShapeError:
            # Name the two operands that clash (the running shape is no operand).
            for j, earlier in parts.items():
                if j == i:
                    break
                try:
                    broadcast_pair(earlier, part, "einsum")
                except ShapeError:
                    da, db = _first_clash(earlier, part)
                    raise ShapeError(messages.ellipsis_mismatch(
                        "einsum", sub.text, f"xs[{j}]", xs[j], f"xs[{i}]", xs[i], da, db
                    )) from None
            raise
    return out if out is not None else ()


def _first_clash(x: Shape, y: Shape) -> Tuple[Dim, Dim]:
    for p, q in zip(reversed(x), reversed(y)):
        if not isinstance(p, Star) and not isinstance(q, Star) and broadcast_dim(p, q) is None:
            return p, q
    raise CannotTell("no clash found")  # pragma: no cover - only called after a clash


@spec("einsum", a("subscripts", Kind.STATIC, required=True), a("xs", Kind.TENSORS, required=True),
      functions=("einsum",))
def einsum_shape(subscripts: str, xs: Sequence[Shape]) -> Shape:
    """``einsum(subscripts, *xs)``: one size per label across the operands (a size 1
    broadcasts), ``...`` dims broadcast; the output takes the labels' sizes.

    >>> einsum_shape("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]), einsum_shape("ii", [(3, 3)])
    ((2, 3, 5), ())
    >>> einsum_shape("ij,jk->ik", [(2, 3), (4, 5)])
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Sizes differ for "einsum": xs[0] has Tensor[2, 3], xs[1] has Tensor[4, 5]; need one size for "j" in "ij,jk->ik" (3 at axis 1 of xs[0] vs 4 at axis 0 of xs[1])
    """
    sub = parse_subscripts(subscripts)
    if len(sub.terms) != len(xs):
        raise ShapeError(messages.operand_count("einsum", sub.text, len(sub.terms), len(xs)))
    # label -> (dim so far, operand, axis) of the operand that set it
    bound: Dict[str, Tuple[SDim, int, int]] = {}
    parts: Dict[int, Shape] = {}
    for i, (term, x) in enumerate(zip(sub.terms, xs)):
        labelled, ell = _split_operand(term, x, i, sub)
        if ELLIPSIS in term:
            parts[i] = ell
        mine: Dict[str, Tuple[SDim, int]] = {}
        for label, d, axis in labelled:
            if label in mine:
                # A repeated label in one term is a diagonal: equal sizes, no broadcasting.
                prev, paxis = mine[label]
                if equal(prev, d) is False:  # type: ignore[arg-type]
                    raise ShapeError(messages.label_size_mismatch(
                        "einsum", label, sub.text, f"xs[{i}]", x, paxis, prev,  # type: ignore[arg-type]
                        f"xs[{i}]", x, axis, d))  # type: ignore[arg-type]
            mine[label] = (d, axis)
            if label not in bound:
                bound[label] = (d, i, axis)
                continue
            have, j, jaxis = bound[label]
            both = broadcast_dim(have, d)  # type: ignore[arg-type]
            if both is None:
                raise ShapeError(messages.label_size_mismatch(
                    "einsum", label, sub.text, f"xs[{j}]", xs[j], jaxis, have,  # type: ignore[arg-type]
                    f"xs[{i}]", x, axis, d))  # type: ignore[arg-type]
            if both is not have:
                bound[label] = (both, i, axis)
    ell_shape = _broadcast_ellipses(sub, xs, parts)
    if ell_shape and ELLIPSIS not in sub.output:
        if star_index(ell_shape) is not None:
            raise CannotTell("dims of unknown number under ...")
        i = next(j for j, part in parts.items() if part)
        raise ShapeError(messages.ellipsis_dropped("einsum", sub.text, f"xs[{i}]", xs[i], parts[i]))
    out: List[SDim] = []
    for label in sub.output:
        if label == ELLIPSIS:
            out.extend(ell_shape)
        else:
            out.append(bound[label][0])
    return tuple(out)
