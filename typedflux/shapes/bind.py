"""Binding symbolic dims of an annotation to actual shapes, shared by ``@shapecheck`` and the plugin.

At each call of an annotated function, its symbolic dims are bound by unification: a bare
symbol takes the size it meets first; an expression such as ``2*N`` solves for its one unbound
symbol when the actual size allows it; later occurrences must agree. A conflict raises the
same ``ShapeError`` text in both checkers, with the bindings so far as a note.

>>> from typedflux.shapes.dims import sym
>>> B, N = sym("B"), sym("N")
>>> env = Bindings("f")
>>> env.bind('argument "x"', (B, 2 * N), (32, 10))
>>> env.note()
'B=32, N=5'
>>> env.substitute((B, N + 1))
(32, 6)
>>> env.bind('argument "y"', (B,), (16,))
Traceback (most recent call last):
...
typedflux.shapes.errors.ShapeError: Dim "B" differs for "f": argument "x" gives B = 32, argument "y" gives B = 16; need one size for B (32 vs 16)
  B=32, N=5
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

from typedflux.shapes import messages
from typedflux.shapes.dims import (
    Dim, Expr, Star, Unknown, dim_str, equal, evaluate, sym, symbol_name, symbols,
)
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.shape import SDim, Shape

__all__ = ["Bindings"]


class Bindings:
    """The dim bindings of one call of ``function``; :meth:`bind` one value at a time."""

    __slots__ = ("function", "dims", "stars", "origin")

    def __init__(self, function: str) -> None:
        self.function = function
        self.dims: Dict[str, Dim] = {}
        self.stars: Dict[str, Tuple[SDim, ...]] = {}
        self.origin: Dict[str, str] = {}

    # -- public ---------------------------------------------------------------------------
    def bind(self, what: str, pattern: Shape, actual: Shape) -> None:
        """Unify ``pattern`` (an annotation's shape) with ``actual``; raise on a proven mismatch.

        ``what`` names the value in messages: ``'argument "x"'`` or ``"return value"``.
        Anything undecidable (unknown dims, an unknown rank) binds nothing and passes.
        """
        try:
            pairs = self._align(what, pattern, actual)
        except CannotTell:
            return
        deferred: List[Tuple[int, Expr, Dim]] = []
        for axis, p, a in pairs:
            if isinstance(p, Expr) and symbol_name(p) is not None:
                self._bind_symbol(what, pattern, actual, axis, symbol_name(p) or "", a)
            elif isinstance(p, Expr):
                deferred.append((axis, p, a))
            else:
                self._check(what, pattern, actual, axis, p, a)
        # Expressions last, so ``Tensor[N, "2*N"]`` solves N from the first axis first.
        for axis, p, a in deferred:
            self._solve(what, pattern, actual, axis, p, a)

    def substitute(self, pattern: Shape) -> Shape:
        """``pattern`` with every bound symbol and star replaced by its binding."""
        out: List[SDim] = []
        for d in pattern:
            if isinstance(d, Star):
                if d.name is not None and d.name in self.stars:
                    out.extend(self.stars[d.name])
                else:
                    out.append(d)
            else:
                out.append(evaluate(d, self.dims))
        return tuple(out)

    def note(self) -> str:
        """The bindings as a note: ``B=32, N=784`` (``*Bs=(2, 3)`` for stars)."""
        parts = [f"{k}={dim_str(v)}" for k, v in self.dims.items()]
        parts += [f"*{k}={messages.fmt_dims(v)}" for k, v in self.stars.items()]
        return ", ".join(parts)

    # -- internals ------------------------------------------------------------------------
    def _fail(self, text: str) -> ShapeError:
        note = self.note()
        return ShapeError(text, [note] if note else [])

    def _mismatch(self, what: str, pattern: Shape, actual: Shape, axis: Optional[int]) -> ShapeError:
        # The annotation as written; the bindings that explain it go in the note.
        return self._fail(messages.annotation_mismatch(self.function, what, pattern, actual, axis))

    def _align(self, what: str, pattern: Shape, actual: Shape) -> List[Tuple[int, Dim, Dim]]:
        """Pairs (axis, pattern dim, actual dim); binds the pattern's star when it has one."""
        p_star = _star_at(pattern)
        a_star = _star_at(actual)
        if p_star is None:
            if a_star is not None:
                raise CannotTell("actual rank unknown")
            if len(pattern) != len(actual):
                raise self._mismatch(what, pattern, actual, None)
            return [(i, p, a) for i, (p, a) in enumerate(zip(pattern, actual))]  # type: ignore[misc]
        head, tail = pattern[:p_star], pattern[p_star + 1 :]
        if a_star is not None:
            # Both variadic: only a star matched against a star of the same layout is bound.
            if a_star != p_star or len(actual) != len(pattern):
                raise CannotTell("two variadic shapes of different layouts")
            middle: Tuple[SDim, ...] = (actual[a_star],)
        else:
            if len(actual) < len(head) + len(tail):
                raise self._mismatch(what, pattern, actual, None)
            middle = tuple(actual[len(head) : len(actual) - len(tail)])
        star = pattern[p_star]
        assert isinstance(star, Star)
        if star.name is not None:
            self._bind_star(what, star.name, middle)
        pairs = [(i, p, a) for i, (p, a) in enumerate(zip(head, actual))]
        offset = len(actual) - len(tail)
        pairs += [(offset + j, p, actual[offset + j]) for j, p in enumerate(tail)]
        return pairs  # type: ignore[return-value]

    def _bind_star(self, what: str, name: str, dims: Tuple[SDim, ...]) -> None:
        known = self.stars.get(name)
        if known is None:
            self.stars[name] = dims
            self.origin["*" + name] = what
            return
        same = len(known) == len(dims) and all(
            isinstance(k, Star) or isinstance(d, Star) or equal(k, d) is not False
            for k, d in zip(known, dims)
        )
        if not same:
            raise self._fail(
                messages.binding_conflict(
                    self.function,
                    "*" + name,
                    self.origin["*" + name],
                    messages.fmt_dims(known),  # type: ignore[arg-type]
                    what,
                    messages.fmt_dims(dims),  # type: ignore[arg-type]
                )
            )

    def _bind_symbol(
        self, what: str, pattern: Shape, actual: Shape, axis: int, name: str, a: Dim
    ) -> None:
        if name not in self.dims:
            if not isinstance(a, Unknown):
                self.dims[name] = a
                self.origin[name] = what
            return
        bound = self.dims[name]
        if equal(bound, a) is False:
            raise self._fail(
                messages.binding_conflict(self.function, name, self.origin[name], bound, what, a)
            )

    def _check(self, what: str, pattern: Shape, actual: Shape, axis: int, p: Dim, a: Dim) -> None:
        if equal(p, a) is False:
            raise self._mismatch(what, pattern, actual, axis)

    def _solve(self, what: str, pattern: Shape, actual: Shape, axis: int, p: Expr, a: Dim) -> None:
        value = evaluate(p, self.dims)
        free = symbols(value)
        if not free:
            self._check(what, pattern, actual, axis, value, a)
            return
        if len(free) != 1 or isinstance(a, Unknown):
            return  # cannot solve; never report what cannot be proven
        (name,) = free
        s = sym(name)
        # value = k*s + c exactly when value - k*s is free of s for the slope k = value(1)-value(0).
        at0, at1 = evaluate(value, {name: 0}), evaluate(value, {name: 1})
        slope = at1 - at0
        if not isinstance(slope, int) or slope == 0 or value != slope * s + at0:
            return  # not linear in its symbol (floor division, products): leave it unsolved
        rest = a - at0
        if isinstance(rest, int):
            if rest % slope != 0 or rest // slope < 0:
                raise self._mismatch(what, pattern, actual, axis)
            solution: Dim = rest // slope
        else:
            solution = rest // slope
            if solution * slope != rest:
                return
        self.dims[name] = solution
        self.origin[name] = what




def _star_at(shape: Sequence[object]) -> Optional[int]:
    for i, d in enumerate(shape):
        if isinstance(d, Star):
            return i
    return None

