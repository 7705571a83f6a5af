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

``what`` names the value: ``'argument "x"'``, ``"return value"`` (``"return value (tuple item
0)"`` for an item of one) or ``"yielded value"``. A returned or yielded value is checked against the
bindings the arguments made, in the boundary's own words:

>>> env.bind("return value", (B, N), (32, 6))
Traceback (most recent call last):
...
typedflux.shapes.errors.ShapeError: Return shape Tensor[32, 6] does not match the annotation Tensor[B, N]: axis 1 is 6, expected 5
  B=32, N=5

Inside a generic function symbols are rigid: ``typedflux.shapes.rigid.rigid_mismatch``
compares without binding.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

from typedflux.shapes import messages
from typedflux.shapes.dims import (
    Dim, Expr, Star, Unknown, dim_str, equal, evaluate, sym, symbol_name, symbols,
)
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.rigid import RIGID_SAME, RIGID_UNKNOWN, Mismatch, literal_mismatch, rigid_mismatch
from typedflux.shapes.shape import SDim, Shape, all_int

# The rigid comparison lives in typedflux/shapes/rigid.py; its names stay importable here.
__all__ = [
    "Bindings", "Mismatch", "rigid_mismatch", "literal_mismatch", "RIGID_SAME", "RIGID_UNKNOWN",
]


def _reason(err: ShapeError, what: str, pattern: Shape, actual: Shape) -> str:
    """Why ``actual`` does not fit ``pattern`` alone (``axis 2 is 50, expected 32``): the
    detail of the error's brief (``messages.overload_failure``), or the brief of a dim bound
    to two sizes."""
    prefix = (f'argument "{_param(what) or what}" has shape {messages.fmt_shape(actual)}, '
              f"expected {messages.fmt_shape(pattern)} (")
    if err.brief.startswith(prefix) and err.brief.endswith(")"):
        return err.brief[len(prefix) : -1]
    return err.brief


def _param(what: str) -> Optional[str]:
    """``'argument "x"'`` -> ``x``; ``None`` for other values."""
    if what.startswith('argument "') and what.endswith('"'):
        return what[len('argument "') : -1]
    return None


def _part(what: str) -> Optional[str]:
    """``"return value (tuple item 2)"`` -> ``"tuple item 2"``; ``None`` for a whole value."""
    if what.endswith(")") and " (" in what:
        return what[what.rindex("(") + 1 : -1]
    return None


class Bindings:
    """The dim bindings of one call of ``function``; :meth:`bind` one value at a time.

    A result (a return or yield) is checked against what the arguments bound: a symbol it
    disagrees on is the result's mismatch, not a conflict between two bindings.
    """

    __slots__ = ("function", "dims", "stars", "origin", "rigid")

    def __init__(self, function: str, rigid: frozenset[str] = frozenset()) -> None:
        self.function = function
        # Symbols of the caller's scope inside the annotation (a generic class's dims, filled
        # in by the instance's type): fixed, compared but never bound.
        self.rigid = rigid
        self.dims: Dict[str, Dim] = {}
        self.stars: Dict[str, Tuple[SDim, ...]] = {}
        self.origin: Dict[str, str] = {}

    # -- public ---------------------------------------------------------------------------
    def bind(self, what: str, pattern: Shape, actual: Shape) -> None:
        """Unify ``pattern`` (an annotation's shape) with ``actual``; raise on a proven mismatch.

        ``what`` names the value in messages: ``'argument "x"'``, ``"return value"`` or
        ``"yielded value"``, followed by its place in a container when it is an item of one
        (``"return value (tuple item 0)"``). Anything undecidable (unknown dims, an unknown
        rank) binds nothing and passes.
        """
        try:
            pairs = self._align(what, pattern, actual)
        except CannotTell:
            return
        deferred: List[Tuple[int, Expr, Dim]] = []
        for axis, p, a in pairs:
            name = symbol_name(p)
            if name is not None and name not in self.rigid:
                self._bind_symbol(what, pattern, actual, axis, name, a)
            elif isinstance(p, Expr) and not symbols(p) <= set(self.dims) | self.rigid:
                deferred.append((axis, p, a))
            elif isinstance(p, Expr):
                # Every symbol known already (a result after its arguments): checked in axis
                # order, as the checker compares (``axis 1 is C, expected H*W``).
                self._solve(what, pattern, actual, axis, p, a)
            else:
                self._check(what, pattern, actual, axis, p, a)
        # Expressions last, so ``Tensor[N, "2*N"]`` solves N from the first axis first.
        for axis, p, a in deferred:
            self._solve(what, pattern, actual, axis, p, a)

    def bind_type_arguments(self, param: str, generic: str, pattern: Shape, actual: Shape) -> None:
        """Unify the type arguments of a user generic class over dims (``Matrix[C, K]``) with
        an argument's (``Matrix[3, 5]``): a symbol binds as an axis does (a conflict names
        the dim), a written size that differs is ``messages.type_argument_mismatch``.
        Unknown dims bind nothing and pass. An expression (``Seq[B, "2*N"]``) is solved for
        its one unbound symbol after the plain symbols, as on a tensor's axes (6 binds N = 3).

        >>> from typedflux.shapes.dims import sym
        >>> env = Bindings("Matrix.matmul")
        >>> env.bind('argument "self"', (sym("R"), sym("C")), (3, 4))
        >>> env.bind_type_arguments("other", "Matrix", (sym("C"), sym("K")), (3, 5))
        Traceback (most recent call last):
        ...
        typedflux.shapes.errors.ShapeError: Dim "C" differs for "Matrix.matmul": argument "self" gives C = 4, argument "other" gives C = 3; need one size for C (4 vs 3)
          R=3, C=4
        >>> env = Bindings("half")
        >>> env.bind_type_arguments("s", "Seq", (sym("B"), 2 * sym("N")), (2, 6))
        >>> env.note()
        'B=2, N=3'
        """
        deferred: List[Tuple[int, Expr, Dim]] = []
        for k, (p, a) in enumerate(zip(pattern, actual)):
            if isinstance(p, Star) or isinstance(a, Star):
                raise CannotTell("a generic class's type arguments hold no variadic run")
            if symbol_name(p) is not None:
                self.bind(f'argument "{param}"', (p,), (a,))
            elif isinstance(p, Expr) and symbols(evaluate(p, self.dims)) - self.rigid:
                deferred.append((k, p, a))
            elif equal(evaluate(p, self.dims), a, promised=True) is False:
                raise ShapeError(messages.type_argument_mismatch(
                    self.function, param, generic, pattern, actual, k), self._notes())
        for k, p, a in deferred:
            try:
                self._solve(f'argument "{param}"', pattern, actual, k, p, a)
            except ShapeError:  # (no size of the symbol gives ``a``: 7 for ``2*N``)
                raise ShapeError(messages.type_argument_mismatch(
                    self.function, param, generic, pattern, actual, k), self._notes()) from None

    def bind_union(self, what: str, patterns: Sequence[Shape], actual: Shape) -> Optional[int]:
        """Bind ``actual`` to the member of a union annotation that takes it (``Union[Tensor[B,
        32], Tensor[B, T, 32]]``: an argument ``what``), one rule for ``@shapecheck`` and the
        plugin. Each member is tried on its own; when none takes ``actual`` the error names
        why, member by member; when exactly one does, its bindings are kept and its index
        returned; when several may (unknown dims), nothing is bound (``None``): which one the
        value is, is not proven.

        >>> from typedflux.shapes.dims import sym
        >>> env = Bindings("readout")
        >>> env.bind_union('argument "h"', [(sym("B"), 32), (sym("B"), sym("T"), 32)], (2, 5, 32))
        1
        >>> env.note()
        'B=2, T=5'
        >>> env.bind_union('argument "h"', [(sym("B"), 32), (sym("B"), sym("T"), 32)], (2, 5, 50))
        Traceback (most recent call last):
        ...
        typedflux.shapes.errors.ShapeError: Argument "h" of "readout" has shape Tensor[2, 5, 50], which matches no member of the annotation Tensor[B, 32] | Tensor[B, T, 32]: Tensor[B, 32] (rank is 3, expected 2); Tensor[B, T, 32] (axis 2 is 50, expected 32)
          B=2, T=5
        """
        fits: List[Tuple[int, Bindings]] = []
        reasons: List[str] = []
        for k, pattern in enumerate(patterns):
            trial = self.copy()
            try:
                trial.bind(what, pattern, actual)
            except ShapeError as err:
                reasons.append(_reason(err, what, pattern, actual))
            else:
                fits.append((k, trial))
        if not fits:
            param = _param(what) or what
            text = messages.union_argument_mismatch(self.function, param, patterns, actual, reasons)
            union = " | ".join(messages.fmt_shape(p) for p in patterns)
            brief = f'argument "{param}" has shape {messages.fmt_shape(actual)}, expected {union}'
            raise ShapeError(text, self._notes(), brief)
        if len(fits) > 1:
            return None
        k, chosen = fits[0]
        self.dims, self.stars, self.origin = chosen.dims, chosen.stars, chosen.origin
        return k

    def copy(self) -> "Bindings":
        """A copy to bind into without changing this one."""
        new = Bindings(self.function, self.rigid)
        new.dims, new.stars, new.origin = dict(self.dims), dict(self.stars), dict(self.origin)
        return new

    def bind_unordered(self, what: str, pattern: Shape, actuals: Sequence[Shape]) -> None:
        """Check the items of a set against ``pattern``, each on its own: a set's order is not
        known (statically) nor the same from run to run (a tensor hashes by identity), so an
        item is never checked against what another bound. Raise when every failing item
        fails in the same words (otherwise which one the run names would depend on the
        order); bind nothing.

        >>> from typedflux.shapes.dims import sym
        >>> env = Bindings("f")
        >>> env.bind_unordered('argument "xs"', (sym("B"), 4), [(3, 4), (5, 4)])  # B differs: order
        >>> env.bind_unordered('argument "xs"', (sym("B"), 4), [(3, 4), (3, 12)])
        Traceback (most recent call last):
        ...
        typedflux.shapes.errors.ShapeError: Argument "xs" of "f" has shape Tensor[3, 12], which does not match the annotation Tensor[B, 4]: axis 1 is 12, expected 4
          B=3
        """
        failures: List[ShapeError] = []
        for actual in actuals:
            try:
                self.copy().bind(what, pattern, actual)
            except ShapeError as err:
                failures.append(err)
        if failures and len({(f.message, tuple(f.notes)) for f in failures}) == 1:
            raise failures[0]

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
    def _notes(self) -> List[str]:
        note = self.note()
        return [note] if note else []

    def _conflict(
        self, dim: str, first_what: str, first: object, what: str, second: object
    ) -> ShapeError:
        text = messages.binding_conflict(self.function, dim, first_what, first, what, second)
        brief = messages.overload_conflict(dim, first_what, first, what, second)
        return ShapeError(text, self._notes(), brief)

    def _mismatch(
        self, what: str, pattern: Shape, actual: Shape, axis: Optional[int],
        expected: Optional[SDim] = None, run_length: Optional[int] = None,
        run_at: Optional[int] = None, run_sizes: Optional[Tuple[SDim, ...]] = None,
    ) -> ShapeError:
        # The annotation as written; ``expected`` is the size its dim stands for once bound,
        # and the bindings that explain it go in the note.
        param = _param(what)
        if param is not None:
            text = messages.argument_mismatch(self.function, param, pattern, actual, axis, expected)
        elif what.startswith("yielded value"):
            text = messages.yield_mismatch(
                pattern, actual, axis, _part(what), expected, run_length, run_at, run_sizes)
        else:
            text = messages.return_mismatch(
                pattern, actual, axis, _part(what), expected, run_length, run_at, run_sizes)
        brief = messages.overload_failure(param or what, pattern, actual, axis, expected)
        return ShapeError(text, self._notes(), brief)

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
            star = pattern[p_star]
            known = self.stars.get(star.name) if isinstance(star, Star) and star.name else None
            if known is not None and _param(what) is None and (
                    len(actual) != len(pattern) - 1 + len(known)):
                # A returned/yielded value against a *Bs its arguments bound: its rank is
                # wrong, in the checker's words (``rank is len(*Bs) + 1, expected len(*Bs)``).
                raise self._mismatch(what, pattern, actual, None, run_length=len(known))
            if len(actual) < len(head) + len(tail):
                raise self._mismatch(what, pattern, actual, None)
            middle = tuple(actual[len(head) : len(actual) - len(tail)])
            if known is not None and _param(what) is None:
                moved = _run_moved(known, middle, actual, len(head))
                if moved is not None:
                    # The sizes the arguments bound sit elsewhere in the result
                    # (``Tensor[B, *Shape]`` returned for ``Tensor[*Shape, B]``): the
                    # checker's words for that layout, not a conflict of two bindings.
                    raise self._mismatch(what, pattern, actual, None, run_at=moved)
                if not _same_run(known, middle):
                    # The rank is right, the sizes where the run sits are not (a reduction
                    # inside the run: the checker's ``*Bs is (*Bs[1:], N), expected (*Bs)``).
                    raise self._mismatch(what, pattern, actual, None, run_sizes=known)
        star = pattern[p_star]
        assert isinstance(star, Star)
        if star.name is not None:
            self._bind_star(what, star.name, middle)
        pairs = [(i, p, a) for i, (p, a) in enumerate(zip(head, actual))]
        offset = len(actual) - len(tail)
        # After a variadic run an axis is counted from the end: the checker may see
        # ``Tensor[*Bs, 12]`` where the run time sees ``Tensor[2, 5, 12]``, and both say -1.
        pairs += [(j - len(tail), p, actual[offset + j]) for j, p in enumerate(tail)]
        return pairs  # type: ignore[return-value]

    def _bind_star(self, what: str, name: str, dims: Tuple[SDim, ...]) -> None:
        known = self.stars.get(name)
        if known is None:
            self.stars[name] = dims
            self.origin["*" + name] = what
            return
        if not _same_run(known, dims):
            first, second = messages.fmt_dims(known), messages.fmt_dims(dims)
            raise self._conflict("*" + name, self.origin["*" + name], first, what, second)

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
            if _param(what) is None:
                # A result checked against what the arguments bound: its own mismatch.
                raise self._mismatch(what, pattern, actual, axis, bound)
            raise self._conflict(name, self.origin[name], bound, what, a)

    def _check(
        self, what: str, pattern: Shape, actual: Shape, axis: int, p: Dim, a: Dim,
        written: Optional[Dim] = None,
    ) -> None:
        if equal(p, a, promised=True) is False:
            # Show the bound size when it differs from the dim as written (``2*N`` is 8).
            expected = p if written is not None and p != written else None
            raise self._mismatch(what, pattern, actual, axis, expected)

    def _solve(self, what: str, pattern: Shape, actual: Shape, axis: int, p: Expr, a: Dim) -> None:
        value = evaluate(p, self.dims)
        free = symbols(value) - self.rigid
        if not free:
            self._check(what, pattern, actual, axis, value, a, written=p)
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


def _same_run(known: Tuple[SDim, ...], dims: Tuple[SDim, ...]) -> bool:
    """Whether two bindings of one ``*Bs`` may be the same sizes."""
    return len(known) == len(dims) and all(
        isinstance(k, Star) or isinstance(d, Star) or equal(k, d) is not False
        for k, d in zip(known, dims))


def _star_at(shape: Sequence[object]) -> Optional[int]:
    for i, d in enumerate(shape):
        if isinstance(d, Star):
            return i
    return None


def _run_moved(known: Tuple[SDim, ...], middle: Tuple[SDim, ...], actual: Shape,
               at: int) -> Optional[int]:
    """The first axis other than ``at`` where ``actual`` holds the run ``known`` (the sizes a
    ``*Bs`` is bound to), when the run's own place ``middle`` holds something else; ``None``
    when the run is empty, in its place, or nowhere.

    >>> _run_moved((3, 2), (4, 3), (4, 3, 2), 0), _run_moved((3, 2), (3, 2), (3, 2, 4), 0)
    (1, None)
    """
    n = len(known)
    # Sizes only (the run time's case): with symbols, unknown dims or runs nothing is found.
    if n == 0 or not (all_int(known) and all_int(actual)) or tuple(middle) == tuple(known):
        return None
    for k in range(len(actual) - n + 1):
        if k != at and tuple(actual[k:k + n]) == tuple(known):
            return k
    return None
