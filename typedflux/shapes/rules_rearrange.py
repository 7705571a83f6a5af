"""einops-style ``rearrange``: the pattern grammar, binding its axis names to dims, and the
shape rule; the runtime's reshape/transpose recipe comes from the same binding.

A pattern is ``left -> right``; each side is a list of elements separated by spaces:

- a name (``b``, ``head``): one axis; every name appears once per side and on both sides;
- a group ``(h d)``: one axis whose size is the product of its members (on the left it is
  split, on the right merged); ``()`` is an axis of size 1;
- ``1``: an axis of size 1 (dropped on the left, inserted on the right);
- ``...``: the axes not named, at most once per side, on both sides or neither (inside a
  group only on the right: ``b ... -> b (...)``).

Sizes given as keywords (``h=8``) fix names; in a group on the left all members but one must
be known, and the last is solved: ``(h d)`` of 512 with ``h=8`` gives ``d = 64``, of a
symbolic ``D`` gives ``D//8`` (``8*K`` gives ``K`` exactly), and a size that is provably not
divisible is an error.

>>> from typedflux.shapes.dims import sym
>>> B, T = sym("B"), sym("T")
>>> rearrange_shape((B, T, 512), "b t (h d) -> b h t d", (("h", 8),))
(B, 8, T, 64)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Dict, List, Tuple, cast

from typedflux.shapes import messages
from typedflux.shapes.catalog import Kind, a, spec
from typedflux.shapes.dims import UNKNOWN, Dim, Unknown, dim_str, equal, is_one
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.shape import SDim, Shape, all_int, exact_div, prod, star_index

__all__ = [
    "Element",
    "Pattern",
    "parse_pattern",
    "bind",
    "rearrange_shape",
    "recipe",
    "reduce_shape",
    "REDUCTIONS",
]

ELLIPSIS = "..."
Sizes = Tuple[Tuple[str, Dim], ...]


@dataclass(frozen=True)
class Element:
    """One element of a side: ``names`` are the axis names it holds (``"..."`` for the
    ellipsis, none for a unit axis); ``group`` is true for a parenthesised element.

    >>> Element(("h", "d"), True).text
    '(h d)'
    """

    names: Tuple[str, ...]
    group: bool = False

    @property
    def text(self) -> str:
        inner = " ".join(self.names)
        if self.group:
            return f"({inner})"
        return inner or "1"


@dataclass(frozen=True)
class Pattern:
    """A parsed pattern: the two sides and the text as written."""

    text: str
    left: Tuple[Element, ...]
    right: Tuple[Element, ...]
    op: str = "rearrange"

    @property
    def left_text(self) -> str:
        return " ".join(e.text for e in self.left)


_TOKEN = re.compile(r"\.\.\.|[()]|[A-Za-z_][A-Za-z0-9_]*|\d+|\S")


def _bad(text: str, why: str, op: str = "rearrange") -> ShapeError:
    return ShapeError(messages.bad_pattern(op, "pattern", text, why))


def _side(part: str, text: str, where: str, op: str) -> Tuple[Element, ...]:
    out: List[Element] = []
    group: List[str] = []
    in_group = False
    for tok in _TOKEN.findall(part):
        if tok == "(":
            if in_group:
                raise _bad(text, f"no nested parentheses (on the {where})", op)
            in_group, group = True, []
        elif tok == ")":
            if not in_group:
                raise _bad(text, f'balanced parentheses (a ")" without "(" on the {where})', op)
            in_group = False
            out.append(Element(tuple(group), True))
        elif tok == "1":
            if not in_group:
                out.append(Element(()))
        elif tok == ELLIPSIS or tok.isidentifier():
            if in_group:
                group.append(tok)
            else:
                out.append(Element((tok,)))
        elif tok.isdigit():
            raise _bad(text, f"axis names, 1, (...) and ... only ({tok} on the {where}: "
                             "give a size as a keyword, h=" + tok + ")", op)
        else:
            raise _bad(text, f"axis names, 1, (...) and ... only ({tok!r} on the {where})", op)
    if in_group:
        raise _bad(text, f'balanced parentheses (a "(" without ")" on the {where})', op)
    names = [n for e in out for n in e.names]
    for n in names:
        if names.count(n) > 1:
            twice = "... twice" if n == ELLIPSIS else f'"{n}" twice'
            raise _bad(text, f"each name and ... at most once per side ({twice} on the {where})", op)
    return tuple(out)


@functools.lru_cache(maxsize=256)
def parse_pattern(text: str, op: str = "rearrange") -> Pattern:
    """Parse ``left -> right``; ``ShapeError`` (``Invalid pattern``) when malformed. For
    ``op="reduce"`` the right side names a subset of the left's (the rest is reduced).

    >>> [e.text for e in parse_pattern("b t (h d) -> b h t d").left]
    ['b', 't', '(h d)']
    >>> parse_pattern("b t -> b t d")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Invalid pattern for "rearrange": pattern is "b t -> b t d"; need the same names on both sides (d only on the right)
    """
    if not isinstance(text, str):
        raise CannotTell("a pattern that is not a string")
    if text.count("->") != 1:
        raise _bad(text, 'one "->" between the input and output sides', op)
    lpart, rpart = text.split("->")
    left, right = _side(lpart, text, "left", op), _side(rpart, text, "right", op)
    if any(e.group and ELLIPSIS in e.names for e in left):
        raise _bad(text, "... outside parentheses on the left", op)
    lnames = {n for e in left for n in e.names}
    rnames = {n for e in right for n in e.names}
    if op == "reduce":
        extra = sorted(rnames - lnames)
        if extra:
            raise _bad(text, f"every name on the right also on the left "
                             f"({', '.join(extra)} only on the right)", op)
        if (ELLIPSIS in lnames) != (ELLIPSIS in rnames):
            raise _bad(text, "... on both sides or neither", op)
        return Pattern(text, left, right, op)
    for side, names, other in (("left", lnames, rnames), ("right", rnames, lnames)):
        extra = sorted(names - other)
        if extra:
            shown = ", ".join(extra)
            raise _bad(text, f"the same names on both sides ({shown} only on the {side})", op)
    return Pattern(text, left, right, op)


def _fail(pattern: Pattern, x: Shape, sizes: Sizes, what: str, need: str) -> ShapeError:
    return ShapeError(messages.pattern_mismatch(pattern.op, what, x, pattern.text, sizes, need))


def _size_of(name: str, given: Dict[str, Dim], pattern: Pattern, x: Shape, sizes: Sizes) -> Dim:
    d = given[name]
    if isinstance(d, int) and d < 1:
        raise _bad(pattern.text, f"sizes >= 1 ({name}={d})", pattern.op)
    return d


def bind(pattern: Pattern, x: Shape, sizes: Sizes) -> Tuple[Dict[str, Dim], Shape]:
    """The dim of every name of ``pattern`` applied to ``x``, and the dims under ``...``.

    >>> from typedflux.shapes.dims import sym
    >>> bind(parse_pattern("b (h d) -> b h d"), (2, sym("D")), (("h", 8),))
    ({'b': 2, 'h': 8, 'd': D//8}, ())
    """
    given: Dict[str, Dim] = dict(sizes)
    names = {m for e in pattern.left for m in e.names}
    for m in given:
        if m not in names:
            raise _bad(pattern.text, f"every size to name an axis of the pattern "
                                     f"({m}={dim_str(given[m])} is not in it)", pattern.op)
    for e in pattern.left:
        unknown = [m for m in e.names if m not in given]
        if e.group and len(unknown) > 1:
            hint = " or ".join(f"{m}=" for m in unknown)
            raise _bad(pattern.text, f'the sizes of all but one name in a group ("{e.text}": '
                                     f"give {hint})", pattern.op)
    left = pattern.left
    k = next((i for i, e in enumerate(left) if ELLIPSIS in e.names), -1)
    s = star_index(x)
    n = len(x)
    if s is None:
        if (k < 0 and n != len(left)) or (k >= 0 and n < len(left) - 1):
            raise ShapeError(messages.pattern_rank(
                pattern.op, "x", x, f'pattern "{pattern.text}"', len(left) - (k >= 0), k >= 0))
    elif k < 0 or s < k or n - s - 1 < len(left) - k - 1:
        raise CannotTell("a pattern applied to a shape of unknown rank")
    env: Dict[str, Dim] = {}
    ell: Shape = ()
    after = len(left) - k - 1
    for i, e in enumerate(left):
        if i == k:
            ell = x[k:n - after]
            continue
        axis = i if k < 0 or i < k else n - (len(left) - i)
        shown = axis if s is None or axis < s else axis - n
        d = x[axis]
        _bind_element(e, d, shown, env, given, pattern, x, sizes)  # type: ignore[arg-type]
    return env, ell


def _bind_element(e: Element, d: Dim, axis: int, env: Dict[str, Dim], given: Dict[str, Dim],
                  pattern: Pattern, x: Shape, sizes: Sizes) -> None:
    if not e.names:
        if is_one(d) is False:
            raise _fail(pattern, x, sizes, "Cannot match pattern",
                        f'size 1 for "{e.text}" at axis {axis} ({dim_str(d)})')
        return
    if not e.group:
        name = e.names[0]
        if name in given:
            want = _size_of(name, given, pattern, x, sizes)
            if equal(want, d) is False:
                raise _fail(pattern, x, sizes, "Sizes differ",
                            f"{name} == {dim_str(d)} at axis {axis} "
                            f"({dim_str(want)} vs {dim_str(d)})")
            env[name] = d if not isinstance(d, Unknown) else want
        else:
            env[name] = d
        return
    unknown = [m for m in e.names if m not in given]  # at most one (checked in bind)
    known = prod([_size_of(m, given, pattern, x, sizes) for m in e.names if m in given])
    if not unknown:
        if equal(known, d) is False:
            product = "*".join(e.names)
            raise _fail(pattern, x, sizes, "Sizes differ",
                        f"{product} == {dim_str(d)} at axis {axis} "
                        f"({dim_str(known)} vs {dim_str(d)})")
        for m in e.names:
            env[m] = given[m]
        return
    solved = exact_div(d, known)
    if solved is None:
        solved = d // known
        rest = d - known * solved
        if isinstance(rest, int) and rest != 0:
            raise _fail(pattern, x, sizes, "Cannot split axis",
                        f"{dim_str(d)} divisible by {dim_str(known)} to split "
                        f"axis {axis} into {e.text} ({_operand(d)} % {_operand(known)} = "
                        f"{rest})")
    for m in e.names:
        env[m] = given[m] if m in given else solved


def _operand(d: Dim) -> str:
    text = dim_str(d)
    return f"({text})" if " " in text else text


def _right(pattern: Pattern, env: Dict[str, Dim], ell: Shape) -> Shape:
    out: List[SDim] = []
    for e in pattern.right:
        if not e.group:
            if not e.names:
                out.append(1)
            elif e.names[0] == ELLIPSIS:
                out.extend(ell)
            else:
                out.append(env[e.names[0]])
            continue
        parts: List[Dim] = []
        for m in e.names:
            if m == ELLIPSIS:
                if star_index(ell) is not None:
                    parts.append(UNKNOWN)
                else:
                    parts.extend(ell)  # type: ignore[arg-type]
            else:
                parts.append(env[m])
        out.append(prod(parts))
    return tuple(out)


@spec("rearrange", a("x", Kind.TENSOR, required=True), a("pattern", Kind.STATIC, required=True),
      a("sizes", Kind.SIZES, ()), functions=("rearrange",))
def rearrange_shape(x: Shape, pattern: str, sizes: Sizes = ()) -> Shape:
    """``rearrange(x, pattern, **sizes)``: the right side's dims, from the names bound on the
    left (see the module docstring for the grammar).

    >>> rearrange_shape((2, 8, 10, 64), "b h t d -> b t (h d)")
    (2, 10, 512)
    >>> rearrange_shape((2, 10, 500), "b t (h d) -> b h t d", (("h", 8),))
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Cannot split axis for "rearrange": x has Tensor[2, 10, 500], pattern "b t (h d) -> b h t d" with h=8; need 500 divisible by 8 to split axis 2 into (h d) (500 % 8 = 4)
    """
    p = parse_pattern(pattern)
    env, ell = bind(p, x, tuple(sizes))
    return _right(p, env, ell)


@functools.lru_cache(maxsize=1024)
def recipe(
    pattern: str, shape: Tuple[int, ...], sizes: Sizes
) -> Tuple[Tuple[int, ...], Tuple[int, ...], Tuple[int, ...]]:
    """How the runtime does it on ints: reshape to the left side's single axes, transpose
    them into the right side's order, reshape to the output.

    >>> recipe("b t (h d) -> b h t d", (2, 10, 512), (("h", 8),))
    ((2, 10, 8, 64), (0, 2, 1, 3), (2, 8, 10, 64))
    """
    p = parse_pattern(pattern)
    env, ell = bind(p, shape, sizes)
    if not all_int(tuple(env.values())) or not all_int(ell):
        raise CannotTell("a recipe needs every size")  # pragma: no cover - runtime has ints
    single: List[str] = []
    sizes_of: Dict[str, int] = {}
    ell_names = [f"{ELLIPSIS}{i}" for i in range(len(ell))]
    for e in p.left:
        for m in e.names:
            if m == ELLIPSIS:
                single.extend(ell_names)
                sizes_of.update(zip(ell_names, ell))  # type: ignore[arg-type]
            else:
                single.append(m)
                sizes_of[m] = env[m]  # type: ignore[assignment]
    order = [m2 for e in p.right for m in e.names
             for m2 in (ell_names if m == ELLIPSIS else [m])]
    perm = tuple(single.index(m) for m in order)
    out = _right(p, env, ell)
    return tuple(sizes_of[m] for m in single), perm, cast(Tuple[int, ...], out)


REDUCTIONS = ("sum", "mean", "max", "min")


@spec("reduce", a("x", Kind.TENSOR, required=True), a("pattern", Kind.STATIC, required=True),
      a("reduction", Kind.STATIC, required=True), a("sizes", Kind.SIZES, ()),
      functions=("reduce",), primitive=False)
def reduce_shape(x: Shape, pattern: str, reduction: str, sizes: Sizes = ()) -> Shape:
    """``reduce(x, pattern, reduction, **sizes)``: einops' ``reduce``: the names missing on
    the right are reduced; the right side is built as in ``rearrange``.

    >>> reduce_shape((2, 10, 64), "b t d -> b d", "mean"), reduce_shape((2, 6), "b (h w) -> h", "max", (("h", 2),))
    ((2, 64), (2,))
    >>> reduce_shape((2, 10), "b t -> b t d", "sum")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Invalid pattern for "reduce": pattern is "b t -> b t d"; need every name on the right also on the left (d only on the right)
    """
    if reduction not in REDUCTIONS:
        raise CannotTell("a reduction the function refuses")
    p = parse_pattern(pattern, "reduce")
    env, ell = bind(p, x, tuple(sizes))
    return _right(p, env, ell)
