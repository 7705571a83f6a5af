"""The dim algebra: a dim is an ``int``, a symbolic ``Expr`` or ``UNKNOWN``.

Symbolic dims are polynomials with integer coefficients over named symbols and floor-division
atoms, kept in one normal form so that structural equality is algebraic equality of
polynomials: ``N + N`` and ``2*N`` are the same object, ``(2*N)//2`` is ``N``.

Arithmetic is ordinary Python arithmetic, so a shape rule written as
``(h + 2*pad - k) // stride + 1`` runs on ints at run time and on ``Expr`` in the plugin.

>>> N, M = sym("N"), sym("M")
>>> N + N == 2 * N, (2 * N) // 2 == N
(True, True)
>>> str((N - 3) // 2 + 1)
'(N + 1)//2 - 1'
>>> equal(N, M), equal(2 * N, N + N), equal(N, UNKNOWN)
(False, True, None)

Why this module is long: the normal form and the three-valued equality are one algebra (the
arithmetic builds the form the comparison reads, floor divisions included: where every
division is exact, ``_differs_in_every_class``); split, each half would reach into the other's
private structure.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Dict, Iterator, List, Mapping, Optional, Tuple, Union

from typedflux.shapes.dim_text import expr_text

__all__ = [
    "Dim",
    "Expr",
    "Unknown",
    "UNKNOWN",
    "FloorDiv",
    "Star",
    "sym",
    "fresh",
    "is_fresh",
    "equal",
    "is_one",
    "evaluate",
    "symbols",
    "dim_str",
    "is_known",
    "symbol_name",
]


class Unknown:
    """A dim whose size is not known statically (``int`` or ``Any`` in an annotation).

    Arithmetic with an unknown dim gives an unknown dim; it is never a mismatch.

    >>> UNKNOWN + 3
    ?
    """

    __slots__ = ()
    _instance: Optional["Unknown"] = None

    def __new__(cls) -> "Unknown":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "?"

    def __reduce__(self) -> str:
        return "UNKNOWN"

    def _op(self, other: object) -> "Unknown":
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _op
    __floordiv__ = __rfloordiv__ = _op

    def __neg__(self) -> "Unknown":
        return self


UNKNOWN = Unknown()


@dataclass(frozen=True, order=True)
class FloorDiv:
    """The atom ``num // den`` where ``num`` cannot be simplified further (``den > 1``)."""

    num: "Expr"
    den: int

    def __post_init__(self) -> None:
        # Hashed each time a monomial holding it is (every Expr built hashes its terms): the
        # fields' tuple hash, the one dataclass would compute, worked out once.
        object.__setattr__(self, "_hash", hash((self.num, self.den)))

    def __hash__(self) -> int:
        return self._hash  # type: ignore[attr-defined, no-any-return]

    def __reduce__(self) -> Tuple[type, Tuple["Expr", int]]:
        return (FloorDiv, (self.num, self.den))  # (rebuilt: the hash is this process's)

    def __str__(self) -> str:
        inner = str(self.num)
        if len(self.num.terms) > 1 or any(c != 1 for _, c in self.num.terms):
            inner = f"({inner})"
        return f"{inner}//{self.den}"


Atom = Union[str, FloorDiv]
# A monomial is a sorted tuple of (atom, power) pairs; () is the constant monomial.
Monomial = Tuple[Tuple[Atom, int], ...]


def _atom_key(atom: Atom) -> Tuple[int, str]:
    return (0, atom) if isinstance(atom, str) else (1, str(atom))


def _mono_key(m: Monomial) -> Tuple[object, ...]:
    # Higher degree first and the constant last, so ``2*N + 1`` reads as people write it.
    key = _MONO_KEYS.get(m)
    if key is None:
        key = (-sum([p for _, p in m]), tuple([(_atom_key(a), p) for a, p in m]))
        if len(_MONO_KEYS) >= _MAX_MONO_KEYS:
            _MONO_KEYS.clear()
        _MONO_KEYS[m] = key
    return key


def _term_key(term: Tuple[Monomial, int]) -> Tuple[object, ...]:
    return _mono_key(term[0])


# Each monomial's sort key, kept: every Expr sorts its terms, and a shape rule run on symbols
# (a Conv chain's (H' + 2*pad - k)//stride + 1, layer after layer) builds the same monomials
# again and again; a FloorDiv atom's key is its text. The key is a function of the monomial
# alone (equal monomials have equal keys), so a kept one is the one computed; emptied when
# full so that a long run keeps a bounded table.
_MONO_KEYS: Dict[Monomial, Tuple[object, ...]] = {}
_MAX_MONO_KEYS = 4096


def _mono_mul(a: Monomial, b: Monomial) -> Monomial:
    powers: Dict[Atom, int] = {}
    for atom, p in itertools.chain(a, b):
        powers[atom] = powers.get(atom, 0) + p
    return tuple(sorted(powers.items(), key=lambda ap: _atom_key(ap[0])))


class Expr:
    """A symbolic dim in normal form: a sum of ``coeff * monomial`` terms.

    Never holds a bare constant (those are plain ``int``); build one with :func:`sym`.

    >>> H = sym("H")
    >>> (H * 2 + 1) // 2
    H
    """

    __slots__ = ("terms", "_hash", "_text")
    terms: Tuple[Tuple[Monomial, int], ...]

    def __init__(self, terms: Mapping[Monomial, int]) -> None:
        kept = [(m, c) for m, c in terms.items() if c != 0]
        if len(kept) > 1:
            kept.sort(key=_term_key)
        self.terms = tuple(kept)
        self._hash = hash(self.terms)
        self._text: Optional[str] = None

    # -- construction -------------------------------------------------------------------
    @staticmethod
    def _make(terms: Mapping[Monomial, int]) -> "Dim":
        nonzero = {m: c for m, c in terms.items() if c != 0}
        if not nonzero:
            return 0
        if len(nonzero) == 1 and () in nonzero:
            return nonzero[()]
        return Expr(nonzero)

    def _as_terms(self) -> Dict[Monomial, int]:
        return dict(self.terms)

    # -- arithmetic ---------------------------------------------------------------------
    def __add__(self, other: object) -> "Dim":
        o = _terms_of(other)
        if o is None:
            return _binary_fallback(self, other)
        out = self._as_terms()
        for m, c in o.items():
            out[m] = out.get(m, 0) + c
        return Expr._make(out)

    __radd__ = __add__

    def __neg__(self) -> "Dim":
        return Expr._make({m: -c for m, c in self.terms})

    def __sub__(self, other: object) -> "Dim":
        o = _terms_of(other)
        if o is None:
            return _binary_fallback(self, other)
        return self + Expr._make({m: -c for m, c in o.items()})

    def __rsub__(self, other: object) -> "Dim":
        return (-self) + other  # type: ignore[operator]

    def __mul__(self, other: object) -> "Dim":
        o = _terms_of(other)
        if o is None:
            return _binary_fallback(self, other)
        out: Dict[Monomial, int] = {}
        for (ma, ca), (mb, cb) in itertools.product(self.terms, o.items()):
            m = _mono_mul(ma, mb)
            out[m] = out.get(m, 0) + ca * cb
        return Expr._make(out)

    __rmul__ = __mul__

    def __floordiv__(self, other: object) -> "Dim":
        return floordiv(self, other)

    def __rfloordiv__(self, other: object) -> "Dim":
        return floordiv(other, self)

    # -- comparison and display ---------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Expr) and self.terms == other.terms

    def __hash__(self) -> int:
        return self._hash

    def __lt__(self, other: "Expr") -> bool:  # a stable order for sorting, not a size order
        return str(self) < str(other)

    def __repr__(self) -> str:
        return str(self)

    def __str__(self) -> str:
        # One printer for every message (run time and plugin): factored where it reads
        # better, ``8*(H' - 2)*(W' - 2)`` (typedflux/shapes/dim_text.py).
        if self._text is None:  # (immutable: written once, read by sorts and messages)
            self._text = expr_text(self.terms, _power_str, _atom_key)
        return self._text


def _power_str(atom: Atom, power: int, wrap: bool = False) -> str:
    divides = isinstance(atom, FloorDiv) or atom in _SYMBOLIC_DIVS
    s = f"({atom})" if wrap and divides else str(atom)
    if isinstance(atom, str) and FRESH_MARK in atom:
        s = atom[: atom.index(FRESH_MARK) + 1]  # every generation reads H' (see fresh)
    return "*".join([s] * power)


Dim = Union[int, Expr, Unknown]


def _terms_of(x: object) -> Optional[Dict[Monomial, int]]:
    if isinstance(x, bool):
        return None
    if isinstance(x, int):
        return {(): x} if x else {}
    if isinstance(x, Expr):
        return dict(x.terms)
    return None


def _binary_fallback(a: object, b: object) -> "Dim":
    if isinstance(a, Unknown) or isinstance(b, Unknown):
        return UNKNOWN
    return NotImplemented  # type: ignore[no-any-return]


def sym(name: str) -> Expr:
    """A symbolic dim named ``name``.

    >>> sym("B") * 784
    784*B
    """
    if not name.isidentifier():
        raise ValueError(f"a symbolic dim name must be an identifier, got {name!r}")
    return Expr({(((name, 1),)): 1})


# The mark of a fresh symbol: no identifier holds it, so no user program can name one.
FRESH_MARK = "'"


def fresh(name: str, generation: int = 0) -> Expr:
    """A size known only to be some size, that no user program can name (``H'``): a Conv's
    input height where a container is built. Its arithmetic is exact, but it is never held
    rigid: two dims mentioning one compare unequal only when they differ by a nonzero
    constant (``H' - 2`` and ``H'``), which holds for every value; ``H'`` and ``W'``, or
    ``H' - 2`` and ``1``, are undecided. ``generation`` names another input's size (it reads
    ``H'`` too: two generations never meet in a proven conflict).

    >>> H = fresh("H")
    >>> equal(H - 2, H), equal(H, fresh("W")), is_one(H - 2), H - 2
    (False, None, None, H' - 2)
    """
    mark = FRESH_MARK if generation == 0 else f"{FRESH_MARK}{generation}"
    return Expr({(((name + mark, 1),)): 1})


def is_fresh(d: object) -> bool:
    """Whether a dim mentions a fresh symbol.

    >>> is_fresh(fresh("H") * 2), is_fresh(sym("H")), is_fresh(3)
    (True, False, False)
    """
    return isinstance(d, Expr) and any(FRESH_MARK in n for n in symbols(d))


def floordiv(a: object, b: object) -> Dim:
    """``a // b`` on dims, in normal form.

    For a constant divisor ``k > 0``: ``(k*P + R)//k == P + R//k``, and a common factor of
    ``R`` and ``k`` cancels; nested divisions fold (``(N//2)//3 == N//6``).

    >>> floordiv(sym("N") * 4 + 6, 4)
    N + 1
    >>> floordiv(sym("N") * 3 + 1, 2)
    N + (N + 1)//2
    >>> -floordiv(-sym("H"), 2)
    (H + 1)//2

    A symbolic divisor divides exactly when it is one term that divides every term (sizes
    are whole numbers, so nothing is lost); any other symbolic division stays as written:

    >>> N, M = sym("N"), sym("M")
    >>> floordiv(N * M, M), floordiv(2 * N * M + 4 * M, 2 * M), floordiv(N, M)
    (N, N + 2, (N)//(M))
    """
    if isinstance(a, Unknown) or isinstance(b, Unknown):
        return UNKNOWN
    if isinstance(a, int) and isinstance(b, int):
        return a // b
    if not isinstance(b, int):
        # A symbolic divisor: only exact self-division is simplified.
        if a == b:
            return 1
        if isinstance(a, int) and a == 0:
            return 0  # sizes are positive, and 0 // b == 0 for any b != 0
        if isinstance(a, (int, Expr)) and isinstance(b, Expr):
            return _symbolic_div(a, b)
        return NotImplemented  # type: ignore[no-any-return]
    if b == 0:
        raise ZeroDivisionError("dim expression divides by zero")
    assert isinstance(a, Expr)
    if b < 0:
        return floordiv(-a, -b)
    if b == 1:
        return a
    if all(c < 0 for m, c in a.terms if m):
        # Every symbolic term negative (Python's ceil-division idiom ``-(-H//2)``): one form
        # for ``-x//k`` and ``-((x + k - 1)//k)``, so ``-(-H//2)`` is ``(H + 1)//2``.
        return -floordiv(-a + (b - 1), b)
    quotient: Dict[Monomial, int] = {}
    rest: Dict[Monomial, int] = {}
    for m, c in a.terms:
        q, r = divmod(c, b)
        if q:
            quotient[m] = q
        if r:
            rest[m] = r
    q_dim = Expr._make(quotient)
    if not rest:
        return q_dim
    if list(rest) == [()]:
        return q_dim  # 0 <= r < b, so r // b == 0
    g = math.gcd(b, *rest.values())
    den = b // g
    r_expr = Expr({m: c // g for m, c in rest.items()})
    if den == 1:
        return q_dim + r_expr
    # (x//a)//b == x//(a*b) for positive a, b.
    if len(r_expr.terms) == 1 and r_expr.terms[0][1] == 1:
        (mono, _), = r_expr.terms
        if len(mono) == 1 and mono[0][1] == 1 and isinstance(mono[0][0], FloorDiv):
            inner = mono[0][0]
            return q_dim + floordiv(inner.num, inner.den * den)
    return q_dim + Expr({((FloorDiv(r_expr, den), 1),): 1})


# Opaque symbols standing for ``a // b`` with a symbolic ``b``, by name, so that evaluate()
# and symbols() can see through them.
_SYMBOLIC_DIVS: Dict[str, Tuple["Dim", "Dim"]] = {}


def _exact_quotient(a: Expr, b: Expr) -> Optional[Dim]:
    """``a / b`` when ``b`` is one term (``2*M``) that divides every term of ``a`` exactly
    (``(N*M)//M`` is ``N``, ``(M*N + M)//M`` is ``N + 1``); ``None`` otherwise."""
    if len(b.terms) != 1:
        return None
    (mb, cb), = b.terms
    need = dict(mb)
    out: Dict[Monomial, int] = {}
    for m, c in a.terms:
        powers = dict(m)
        if c % cb or any(powers.get(atom, 0) < p for atom, p in need.items()):
            return None
        for atom, p in need.items():
            powers[atom] -= p
        left = tuple(sorted(((x, p) for x, p in powers.items() if p),
                            key=lambda ap: _atom_key(ap[0])))
        out[left] = c // cb
    return Expr._make(out)


def _symbolic_div(a: object, b: Expr) -> Dim:
    # ``a // b`` with a symbolic ``b``: exact when ``b`` divides every term of ``a``;
    # otherwise kept as an opaque symbol whose name is the text of the division, so it
    # compares equal only to the same division written the same way.
    if isinstance(a, Expr):
        exact = _exact_quotient(a, b)
        if exact is not None:
            return exact
    name = f"({a})//({b})"
    _SYMBOLIC_DIVS[name] = (a, b)  # type: ignore[assignment]
    return Expr({(((name, 1),)): 1})


def symbols(d: Dim) -> frozenset[str]:
    """The symbol names a dim mentions.

    >>> sorted(symbols(sym("H") * sym("W") // 2)), sorted(symbols(sym("N") // sym("M")))
    (['H', 'W'], ['M', 'N'])
    """
    if not isinstance(d, Expr):
        return frozenset()
    out: set[str] = set()
    for m, _ in d.terms:
        for atom, _ in m:
            if isinstance(atom, str) and atom in _SYMBOLIC_DIVS:
                num, den = _SYMBOLIC_DIVS[atom]
                out |= symbols(num) | symbols(den)
            elif isinstance(atom, str):
                out.add(atom)
            else:
                out |= symbols(atom.num)
    return frozenset(out)


def evaluate(d: Dim, env: Mapping[str, "Dim"]) -> Dim:
    """Substitute ints (or dims) for symbols; symbols missing from ``env`` stay symbolic.

    >>> evaluate((sym("H") - 3) // 2 + 1, {"H": 28}), evaluate(sym("N") // sym("M"), {"N": 7, "M": 2})
    (13, 3)
    """
    if not isinstance(d, Expr):
        return d
    total: Dim = 0
    for m, c in d.terms:
        term: Dim = c
        for atom, p in m:
            if isinstance(atom, str) and atom in _SYMBOLIC_DIVS:
                num, den = _SYMBOLIC_DIVS[atom]
                val: Dim = floordiv(evaluate(num, env), evaluate(den, env))
            elif isinstance(atom, str):
                val = env[atom] if atom in env else Expr({((atom, 1),): 1})
            else:
                val = floordiv(evaluate(atom.num, env), atom.den)
            for _ in range(p):
                term = term * val
        total = total + term
    return total


# Sample points used to prove two expressions with floor-division atoms different.
_SAMPLES = (1, 2, 3, 5, 7, 8, 12, 13, 16, 29, 31, 64, 97, 100, 257)


def _sample_envs(names: frozenset[str]) -> Iterator[Dict[str, int]]:
    ordered = sorted(names)
    for i in range(len(_SAMPLES)):
        yield {n: _SAMPLES[(i + 3 * j) % len(_SAMPLES)] for j, n in enumerate(ordered)}


def equal(a: Dim, b: Dim, promised: bool = False) -> Optional[bool]:
    """Three-valued dim equality with rigid symbols.

    ``True`` when equal for every value of the symbols, ``False`` when provably not (they
    differ for some value), ``None`` when unknown (an unknown dim, floor divisions that the
    normal form cannot decide, or a fresh symbol's dims that differ by more than a constant).

    Two expressions with floor divisions that are equal on a whole class of sizes (``(H +
    1)//2`` and ``H//2``: every even ``H``) are undecided where two computed values meet (a
    broadcast, a concat, a layer's input: the program may only ever be given such sizes); an
    annotation the user wrote (``promised``: a return, an assignment, a parameter) promises
    its dims for every size, so there they differ unless equal wherever the divisions are
    exact (:func:`_differs_in_every_class`).

    >>> equal(sym("N") * 2, sym("N") + 1)
    False
    >>> equal(floordiv(sym("H") + 1, 2), floordiv(sym("H"), 2)) is None
    True
    >>> equal(floordiv(sym("H") + 1, 2), floordiv(sym("H"), 2), promised=True)
    False
    """
    if isinstance(a, Unknown) or isinstance(b, Unknown):
        return None
    diff = a - b
    if isinstance(diff, int):
        return diff == 0
    assert isinstance(diff, Expr)
    if is_fresh(diff):
        return None  # a fresh symbol is not rigid: only a constant difference is proven
    if not any(isinstance(atom, FloorDiv) or atom in _SYMBOLIC_DIVS
               for m, _ in diff.terms for atom, _ in m):
        return False  # a nonzero polynomial is nonzero at some positive integer point
    names = symbols(diff)
    modulus = _modulus(diff)
    if modulus is not None:  # (divisions by constants only)
        return _differs_in_every_class(diff, names, modulus, promised)
    for env in _sample_envs(names):
        try:
            v = evaluate(diff, env)
        except ZeroDivisionError:
            continue
        if isinstance(v, int) and v != 0:
            return False
    return None



# Residue classes tried (the modulus to the power of the number of symbols) before a
# difference with floor divisions is left undecided; the points tried on each.
_MAX_CLASSES = 512
_STEPS = (0, 1, 2, 3, 5, 8)


def _modulus(d: Expr) -> Optional[int]:
    """The lcm of the constant divisors of ``d``'s floor divisions (nested ones too), or
    ``None`` when one divides by a symbol."""
    found = 1
    for m, _ in d.terms:
        for atom, _ in m:
            if isinstance(atom, FloorDiv):
                inner = _modulus(atom.num)
                if inner is None:
                    return None
                found = math.lcm(found, atom.den, inner)
            elif atom in _SYMBOLIC_DIVS:
                return None
    return found


def _floor_divs(d: Expr) -> List[FloorDiv]:
    """The floor divisions in ``d``, nested ones too."""
    out: List[FloorDiv] = []
    for m, _ in d.terms:
        for atom, _ in m:
            if isinstance(atom, FloorDiv):
                out.append(atom)
                out.extend(_floor_divs(atom.num))
    return out


def _exact(divs: List[FloorDiv], env: Mapping[str, int]) -> bool:
    """Whether every division of ``divs`` is exact at ``env``."""
    for f in divs:
        v = evaluate(f.num, env)
        if not isinstance(v, int) or v % f.den:
            return False
    return True


def _differs_in_every_class(diff: Expr, names: frozenset[str], modulus: int,
                            promised: bool = True) -> Optional[bool]:
    """Whether ``diff`` (with floor divisions by constants) is provably nonzero. Where two
    computed values meet (not ``promised``): ``False`` unless it is zero on a whole residue
    class of its symbols modulo ``modulus`` (then ``None``; ``(H + 1)//2 - H//2`` is zero for
    every even ``H``). Against an annotation (``promised``): ``False``
    unless it is zero wherever every one of its divisions is exact (then ``None``: not
    proven). A program that divides a size by ``k`` counts on the division being exact
    (``chunk`` and ``reshape`` refuse a remainder; a 2x2 pool then an upsampling gives the
    size back exactly then), so ``2*(N//2)`` against ``N``, equal for every even ``N``, is
    not a mismatch; ``(N + 1)//2`` against ``N//2`` (a stride-2 slice of ``N`` rows, against
    an annotation's half) has no such sizes and differs for odd ``N``: a mismatch.

    The sizes where the divisions are exact are residue classes of the symbols modulo
    ``modulus``; on one of them each division is exact, the difference a polynomial, zero
    everywhere once zero at enough points.

    >>> from typedflux.shapes.dims import equal, floordiv, sym
    >>> N = sym("N")
    >>> equal(2 * floordiv(N, 2), N, True) is None, equal(floordiv(N + 1, 2), floordiv(N, 2), True)
    (True, False)
    >>> equal(N - floordiv(N, 2), floordiv(N + 1, 2), True) is None
    True
    >>> equal(floordiv(N + 1, 2), floordiv(N, 2)) is None, equal(floordiv(N, 2), N)
    (True, False)
    """
    ordered = sorted(names)
    if modulus ** len(ordered) > _MAX_CLASSES:
        return None
    divs = _floor_divs(diff)
    any_exact, any_nonzero = False, False
    for residues in itertools.product(range(modulus), repeat=len(ordered)):
        zero, exact = True, True
        for i in range(len(_STEPS)):
            env = {n: (r or modulus) + modulus * _STEPS[(i + j) % len(_STEPS)]
                   for j, (n, r) in enumerate(zip(ordered, residues))}
            exact = exact and _exact(divs, env)
            v = evaluate(diff, env)
            if not isinstance(v, int):
                return None
            if v != 0:
                zero = False
                break
        if zero and (exact or not promised):
            return None
        any_exact, any_nonzero = any_exact or exact, any_nonzero or not zero
    # No residue class makes every division exact (``H - H//2`` against ``(H + 1)//2``: one
    # needs an even ``H``, the other an odd one): nothing is counted on, and a difference
    # must be seen at a point; zero at every point tried is not proven different.
    return False if any_exact or any_nonzero else None


def is_one(d: Dim) -> Optional[bool]:
    """Whether a dim broadcasts: only a literal ``1`` does; symbols never do (a fresh
    symbol may: undecided).

    >>> is_one(1), is_one(sym("N")), is_one(UNKNOWN)
    (True, False, None)
    """
    if isinstance(d, Unknown) or is_fresh(d):
        return None
    return d == 1


def is_known(d: Dim) -> bool:
    """``True`` unless ``d`` is (or mentions) an unknown dim."""
    return not isinstance(d, Unknown)


def symbol_name(d: object) -> Optional[str]:
    """The name of a dim that is one bare symbol (``B``), else ``None`` (``2*B``, ``784``).

    >>> symbol_name(sym("B")), symbol_name(sym("B") * 2), symbol_name(784)
    ('B', None, None)
    """
    if isinstance(d, Expr) and len(d.terms) == 1:
        mono, coeff = d.terms[0]
        if coeff == 1 and len(mono) == 1 and mono[0][1] == 1 and isinstance(mono[0][0], str):
            return mono[0][0]
    return None


def dim_str(d: Dim) -> str:
    """How a dim is written in messages: ``784``, ``B``, ``2*N``, ``?``."""
    return str(d) if not isinstance(d, Unknown) else "?"


@dataclass(frozen=True)
class Star:
    """A variadic run of dims inside a shape: ``*Bs`` (named) or ``*?`` (unknown rank).

    A static shape is a tuple of dims holding at most one ``Star``.

    >>> (Star("Bs"), 784)
    (*Bs, 784)
    """

    name: Optional[str] = None

    def __repr__(self) -> str:
        return f"*{self.name}" if self.name else "*?"
