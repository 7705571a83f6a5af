"""How a symbolic dim is written: the one printer of ``Expr`` (messages of the run time and
of the plugin alike).

A dim is kept expanded (a sum of monomials: that normal form makes equality algebraic), but a
product of sums reads better factored: a Flatten after a 3x3 Conv gives ``8*H'*W' - 16*H' -
16*W' + 32``, which is ``8*(H' - 2)*(W' - 2)``. :func:`expr_text` writes a dim as a product
when it is one: an integer content, a common monomial and factors over disjoint sets of
symbols (``(H' - 2)`` and ``(W' - 2)``), whenever that gives at least two factors that are
not numbers and one of them is a sum (``C*(H - 2)``; ``2*N + 2`` and ``16*H - 32`` stay as
they are). The text reads back as the same polynomial (``parse_dim``; a property test holds
it).

>>> from typedflux.shapes.dims import sym
>>> H, W, C = sym("H"), sym("W"), sym("C")
>>> 8 * (H - 2) * (W - 2), C * (H - 2), 2 * H + 2, H * W + 1
(8*(H - 2)*(W - 2), C*(H - 2), 2*H + 2, H*W + 1)
"""

from __future__ import annotations

import itertools
import math
from typing import Callable, Dict, Hashable, List, Optional, Sequence, Set, Tuple, TypeVar

__all__ = ["expr_text"]

# A symbol (a name, a floor division): only hashed, and written by the caller's function.
Atom = TypeVar("Atom", bound=Hashable)
Monomial = Tuple[Tuple[Atom, int], ...]
Terms = Dict[Monomial[Atom], int]
# How one atom to a power is written (``wrap``: a division atom next to another factor).
PowerText = Callable[[Atom, int, bool], str]
AtomKey = Callable[[Atom], Tuple[int, str]]

# Beyond this many symbols no split is looked for (each split tries subsets of them).
_MAX_ATOMS = 8


def expr_text(terms: Sequence[Tuple[Monomial[Atom], int]], power_text: PowerText[Atom],
              atom_key: AtomKey[Atom]) -> str:
    """The text of the polynomial ``terms`` (in normal order), factored when that reads
    better (see the module's docstring)."""
    factored = _factored(dict(terms), power_text, atom_key)
    return factored if factored is not None else _expanded(terms, power_text)


def _expanded(terms: Sequence[Tuple[Monomial[Atom], int]], power_text: PowerText[Atom]) -> str:
    parts = []
    for i, (m, c) in enumerate(terms):
        mag = abs(c)
        # ``//`` binds like ``*`` and left to right, and unary minus binds tighter, so a
        # division next to another factor or after a leading minus needs parentheses to
        # read back as itself (``2*(N//2)``, not ``2*N//2``).
        alone = len(m) == 1 and m[0][1] == 1 and mag == 1 and not (i == 0 and c < 0)
        body = "*".join(power_text(a, p, not alone) for a, p in m)
        if not body:
            text = str(mag)
        elif mag == 1:
            text = body
        else:
            text = f"{mag}*{body}"
        if i == 0:
            parts.append(f"-{text}" if c < 0 else text)
        else:
            parts.append(f" - {text}" if c < 0 else f" + {text}")
    return "".join(parts)


def _factored(terms: Terms[Atom], power_text: PowerText[Atom],
              atom_key: AtomKey[Atom]) -> Optional[str]:
    """``content*monomial*(sum)*(sum)...`` when the polynomial is such a product with at
    least two factors that are not numbers, one of them a sum; else None."""
    if len(terms) < 2:
        return None
    order = _order(atom_key)
    first = min(terms, key=order)
    content = math.gcd(*terms.values()) * (1 if terms[first] > 0 else -1)
    common = {a: min(dict(m).get(a, 0) for m in terms) for a in _atoms(terms)}
    common = {a: p for a, p in common.items() if p}
    rest: Terms[Atom] = {_divide(m, common): c // content for m, c in terms.items()}
    atoms = sorted(_atoms(rest), key=atom_key)
    if len(atoms) > _MAX_ATOMS:
        return None
    factors = _split(rest, atoms)
    if len(factors) + sum(common.values()) < 2:
        return None
    negative = content < 0
    pieces = [power_text(a, p, True)
              for a, p in sorted(common.items(), key=lambda ap: atom_key(ap[0]))]
    for f in factors:
        ordered = sorted(f.items(), key=lambda mc: order(mc[0]))
        if ordered[0][1] < 0:  # each factor leads with a plus; the sign goes in front
            ordered, negative = [(m, -c) for m, c in ordered], not negative
        pieces.append(f"({_expanded(ordered, power_text)})")
    head = "" if abs(content) == 1 else f"{abs(content)}*"
    return ("-" if negative else "") + head + "*".join(pieces)


def _order(atom_key: AtomKey[Atom]) -> Callable[[Monomial[Atom]], Tuple[object, ...]]:
    # Higher degree first and the constant last, as dims.Expr orders its terms.
    def key(m: Monomial[Atom]) -> Tuple[object, ...]:
        return (-sum(p for _, p in m), tuple((atom_key(a), p) for a, p in m))
    return key


def _atoms(terms: Terms[Atom]) -> Set[Atom]:
    return {a for m in terms for a, _ in m}


def _divide(m: Monomial[Atom], by: Dict[Atom, int]) -> Monomial[Atom]:
    return tuple((a, p - by.get(a, 0)) for a, p in m if p - by.get(a, 0))


def _split(poly: Terms[Atom], atoms: List[Atom]) -> List[Terms[Atom]]:
    """``poly`` (primitive, no common monomial) as a product of polynomials over disjoint
    sets of its atoms: the smallest set holding the first atom that splits off, then the
    rest split the same way. A one-term ``poly`` (the number 1) gives no factor."""
    if len(poly) < 2:
        return []
    for size in range(1, len(atoms)):
        for others in itertools.combinations(atoms[1:], size - 1):
            group = {atoms[0], *others}
            parts = _separate(poly, group)
            if parts is not None:
                left, right = parts
                return [left] + _split(right, [a for a in atoms if a not in group])
    return [poly]


def _separate(poly: Terms[Atom], group: Set[Atom]) -> Optional[Tuple[Terms[Atom], Terms[Atom]]]:
    """``(A, B)`` with ``poly == A*B``, ``A`` over the atoms of ``group`` only (primitive,
    its first term positive) and ``B`` over the others, or None."""
    by_rest: Dict[Monomial[Atom], Terms[Atom]] = {}
    for m, c in poly.items():
        inside = tuple((a, p) for a, p in m if a in group)
        outside = tuple((a, p) for a, p in m if a not in group)
        by_rest.setdefault(outside, {})[inside] = c
    if len(by_rest) < 2:
        return None
    rows = list(by_rest.values())
    base = rows[0]
    if len(base) < 2:
        return None
    g = math.gcd(*base.values())
    k0 = next(iter(base))
    a = {m: c // g for m, c in base.items()}
    b: Terms[Atom] = {}
    for outside, row in by_rest.items():
        if row.keys() != a.keys() or row[k0] % a[k0]:
            return None
        r = row[k0] // a[k0]
        if any(row[m] != r * a[m] for m in a):
            return None
        b[outside] = r
    return a, b
