"""Functions used as layers or connections: one rule, for the runtime and the plugin alike.

Flux's idea is that any callable is a layer. How the checkers see one:

- a typedflux op used as a layer (``tf.relu``, ``tf.softmax`` in a Chain) runs its shape rule
  with its default options (:func:`op_layer_rule`);
- an op used as a connection (``tf.add``, ``tf.cat``, ``tf.mul`` joining the branches of a
  ``SkipConnection`` or ``Parallel``) joins the branch shapes (:func:`op_connection_rule`);
- a layer that takes several tensors (``Bilinear``, ``MultiHeadAttention``) used as a
  connection (Flux's ``Parallel(Bilinear(8, 6, 3), Dense(4, 8), Dense(4, 6))``) joins them by
  its own call rule (:func:`layer_connection_rule`);
- a user function, or a class's ``__call__``, with ``Tensor[...]`` annotations binds them to
  the shapes it is given, as ``@tf.shapecheck`` does, and gives its return annotation
  (:func:`signature_rule`); a function that returns its argument's own type (``identity(x:
  T) -> T``) passes the shape through.

The runtime finds an op by its public name, the plugin by the name mypy resolves; both end here.

>>> from typedflux.shapes.catalog import SPECS
>>> op_connection_rule(SPECS["cat"])([(2, 3), (2, 4)])
(2, 7)
>>> op_layer_rule(SPECS["relu"])((2, 3))
(2, 3)
"""

from __future__ import annotations

from typing import Callable, Dict, List, Optional, Sequence, Tuple

from typedflux.shapes.bind import Bindings
from typedflux.shapes.catalog import SPECS, Kind, OpSpec
from typedflux.shapes.dims import UNKNOWN, Star, symbols
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layer_config import Shape
from typedflux.shapes.messages import argument_mismatch

__all__ = [
    "Rule",
    "JoinRule",
    "RankMismatch",
    "function_spec",
    "op_layer_rule",
    "op_connection_rule",
    "forwarded_connection_rule",
    "layer_connection_rule",
    "signature_rule",
    "bind_arguments",
    "passthrough_rule",
    "skip_rule",
    "parallel_rule",
]

Rule = Callable[[Shape], Shape]
JoinRule = Callable[[Sequence[Shape]], Shape]


class RankMismatch(ShapeError):
    """An annotated function given a shape of another rank. At construction, where a Chain
    assumes a rank for its first layer's input, this proves nothing and is not reported."""


_BY_FUNCTION: Dict[str, OpSpec] = {}


def function_spec(name: str) -> Optional[OpSpec]:
    """The op a public typedflux function is (``"relu"`` -> the relu spec), if any.

    >>> function_spec("add").name, function_spec("no_such_op")
    ('add_n', None)
    """
    if len(_BY_FUNCTION) != sum(len(s.functions) for s in SPECS.values()):
        _BY_FUNCTION.clear()
        for s in SPECS.values():
            for f in s.functions:
                _BY_FUNCTION[f] = s
    return _BY_FUNCTION.get(name)


def op_layer_rule(spec: OpSpec) -> Optional[Rule]:
    """An op as a one-input layer: its rule on the input with every other option at its
    default; None when the op needs another argument (it cannot be a layer alone).

    >>> op_layer_rule(SPECS["softmax"])((4, 10))
    (4, 10)
    """
    if not spec.args or spec.args[0].kind is not Kind.TENSOR:
        return None
    rest = spec.args[1:]
    if any(a.required for a in rest):
        return None
    defaults = {a.name: a.default for a in rest if a.kind is not Kind.IGNORED}
    first, rule = spec.args[0].name, spec.rule

    def apply(x: Shape) -> Shape:
        return tuple(rule(**{first: x, **defaults}))

    return apply


def op_connection_rule(spec: OpSpec, keywords: Optional[Dict[str, object]] = None
                       ) -> Optional[JoinRule]:
    """An op as a connection joining branch shapes: a ``*xs`` op (``add``, ``cat``, ``mul``)
    takes them all; a two-tensor op (``maximum``) takes exactly two. ``keywords`` replace
    defaults (see :func:`forwarded_connection_rule`).

    >>> op_connection_rule(SPECS["add_n"])([(5, 4), (5, 4)])
    (5, 4)
    """
    args = spec.args
    given = keywords or {}
    if args and args[0].kind is Kind.TENSORS:
        defaults = {a.name: given.get(a.name, a.default) for a in args[1:]
                    if a.kind is not Kind.IGNORED}
        first, rule = args[0].name, spec.rule

        def join(shapes: Sequence[Shape]) -> Shape:
            return tuple(rule(**{first: tuple(shapes)}, **defaults))

        return join
    if len(args) >= 2 and args[0].kind is Kind.TENSOR and args[1].kind is Kind.TENSOR:
        if any(a.required for a in args[2:]):
            return None
        a, b = args[0].name, args[1].name
        defaults = {x.name: given.get(x.name, x.default) for x in args[2:]
                    if x.kind is not Kind.IGNORED}
        binary = spec.rule

        def pair(shapes: Sequence[Shape]) -> Shape:
            if len(shapes) != 2:
                raise CannotTell("a two-operand connection joins two shapes")
            return tuple(binary(**{a: shapes[0], b: shapes[1]}, **defaults))

        return pair
    return None


# Keywords a forwarding connection may give, by how the op reads them: plain ints and bools.
_CONSTANT_KINDS = {Kind.INT: int, Kind.AXIS: int, Kind.BOOL: bool}


def forwarded_connection_rule(spec: OpSpec, keywords: Dict[str, object],
                              arity: int) -> Optional[JoinRule]:
    """A connection whose whole body is one call of the op on its ``arity`` inputs in order,
    with constant keywords (``lambda a, b: tf.cat(a, b, axis=1)``: the run time reads it from
    the function's code, the plugin from its source): the op's connection rule with those
    keywords, for that many inputs (given more or fewer, the call is a TypeError at run time,
    not a shape error); None when a keyword is not one the op reads as an int or a bool.

    >>> forwarded_connection_rule(SPECS["cat"], {"axis": 1}, 2)([(2, 3, 8), (2, 5, 8)])
    (2, 8, 8)
    >>> forwarded_connection_rule(SPECS["cat"], {"axis": "1"}, 2) is None
    True
    """
    kinds = {a.name: a.kind for a in spec.args[1:]}
    for name, value in keywords.items():
        want = _CONSTANT_KINDS.get(kinds.get(name))  # type: ignore[arg-type]
        if want is None or type(value) is not want:
            return None
    rule = op_connection_rule(spec, keywords)
    if rule is None:
        return None

    def join(shapes: Sequence[Shape]) -> Shape:
        if len(shapes) != arity:
            raise CannotTell(f"a connection of {arity} inputs given {len(shapes)}")
        return rule(shapes)

    return join


def layer_connection_rule(config: object) -> Optional[JoinRule]:
    """A layer that takes several tensors of any rank as a connection: its own call rule over
    the shapes it joins (``Bilinear(8, 6, 3)`` joins ``Tensor[B, 8]`` and ``Tensor[B, 6]``);
    None for a layer that takes one tensor (a Dense as a connection is called with the
    branches' tuple), and for one that asks for a rank (``MultiHeadAttention``'s 3: a
    container's build check assumes its branches' input rank from their first layer).

    >>> from typedflux.shapes.layers_combine import BilinearConfig
    >>> layer_connection_rule(BilinearConfig(8, 6, 3))([(2, 8), (2, 6)])
    (2, 3)
    """
    from typedflux.shapes.layer_spec import LAYERS  # (layer_spec imports the rules: not at load)

    spec = LAYERS.get(getattr(config, "name", ""))
    call = getattr(config, "call", None)
    if spec is None or not spec.multi_input or not isinstance(config, spec.config) or call is None:
        return None
    if getattr(config, "ranks", None) is not None or not getattr(config, "keeps_rank", False):
        return None

    def join(shapes: Sequence[Shape]) -> Shape:
        out = call(list(shapes))
        if not isinstance(out, tuple) or any(isinstance(d, tuple) for d in out):
            raise CannotTell("a connection that gives several tensors")  # (a state with them)
        return out

    return join


def _rank_fits(pattern: Shape, actual: Shape) -> Optional[bool]:
    """Whether ``actual`` can have ``pattern``'s rank (None: undecidable)."""
    if any(isinstance(d, Star) for d in actual):
        return None
    fixed = sum(not isinstance(d, Star) for d in pattern)
    if any(isinstance(d, Star) for d in pattern):
        return len(actual) >= fixed
    return len(actual) == fixed


def signature_rule(
    name: str, params: Sequence[Tuple[str, Optional[Shape]]], ret: Optional[Shape]
) -> JoinRule:
    """A typed function as a rule: bind each parameter's annotation (``None``: not a
    Tensor annotation, not checked) to the shape given for it, then give the return
    annotation with the bound dims. Words and bindings are ``@tf.shapecheck``'s.

    >>> from typedflux.shapes.dims import sym
    >>> B = sym("B")
    >>> rule = signature_rule("project", [("x", (B, 8))], (B, 2))
    >>> rule([(3, 8)])
    (3, 2)
    >>> rule([(3, 6)])
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Argument "x" of "project" has shape Tensor[3, 6], which does not match the annotation Tensor[B, 8]: axis 1 is 6, expected 8
      B=3
    """

    def rule(shapes: Sequence[Shape]) -> Shape:
        env = bind_arguments(name, params, shapes)
        if ret is None:
            raise CannotTell(f"{name} does not return an annotated Tensor")
        return env.substitute(_unbound_unknown(ret, env))

    return rule


def _unbound_unknown(ret: Shape, env: Bindings) -> Shape:
    """``ret`` with each dim naming a symbol no argument bound made unknown: the function's
    own ``N`` given an unknown size (a Chain's template at construction, its names erased)
    stands for that unknown size, not for a size of its own (``halve(x: Tensor[B, N]) ->
    Tensor[B, N]`` on ``(?, 16)`` gives ``(?, 16)``, which a connection then joins as it
    joins ``tf.identity``'s output).

    >>> from typedflux.shapes.dims import sym
    >>> env = Bindings("halve")
    >>> env.bind('argument "x"', (sym("B"), sym("N")), (UNKNOWN, 16))
    >>> _unbound_unknown((sym("B"), sym("N")), env)
    (?, N)
    """
    return tuple(d if isinstance(d, Star) or symbols(d) <= env.dims.keys() else UNKNOWN
                 for d in ret)


def bind_arguments(
    name: str, params: Sequence[Tuple[str, Optional[Shape]]], shapes: Sequence[Shape]
) -> Bindings:
    """The dims a typed function's parameters bind from the shapes given for them (the first
    ``len(shapes)``), in ``@tf.shapecheck``'s words when one refuses its shape; the result is
    then checked against these bindings (:class:`~typedflux.shapes.bind.Bindings`).

    >>> from typedflux.shapes.dims import sym
    >>> bind_arguments("project", [("x", (sym("B"), 8))], [(3, 8)]).dims
    {'B': 3}
    """
    env = Bindings(name)
    if len(shapes) > len(params):
        raise CannotTell("more inputs than parameters")
    for (pname, pattern), shape in zip(params, shapes):
        if pattern is None:
            continue
        what = f'argument "{pname}"'
        if _rank_fits(pattern, shape) is False:
            raise RankMismatch(argument_mismatch(name, pname, pattern, shape))
        try:
            env.bind(what, pattern, shape)
        except ShapeError as err:
            raise ShapeError(err.message, _plain_notes(err.notes)) from None
    return env


def _plain_notes(notes: Sequence[str]) -> Tuple[str, ...]:
    # A binding of a symbol to the same symbol (``B=B``, a Chain's assumed batch meeting the
    # annotation's) says nothing: left out of the note.
    out = []
    for note in notes:
        parts = [p for p in note.split(", ") if not _same_sides(p)]
        if parts:
            out.append(", ".join(parts))
    return tuple(out)


def _same_sides(binding: str) -> bool:
    left, eq, right = binding.partition("=")
    return bool(eq) and left.strip() == right.strip()


def passthrough_rule(shapes: Sequence[Shape]) -> Shape:
    """A function returning its argument's own type (``identity(x: T) -> T``).

    >>> passthrough_rule([(2, 3)])
    (2, 3)
    """
    if len(shapes) != 1:
        raise CannotTell("a passthrough function takes one input")
    return shapes[0]


def skip_rule(inner: Rule, join: JoinRule) -> Rule:
    """``SkipConnection(layer, connection)``: ``join(layer(x), x)``.

    >>> skip_rule(lambda x: x[:-1] + (4,), op_connection_rule(SPECS["cat"]))((2, 3))
    (2, 7)
    """

    def rule(x: Shape) -> Shape:
        return join([inner(x), x])

    return rule


def parallel_rule(branches: Sequence[Rule], join: JoinRule) -> Callable[[Sequence[Shape]], Shape]:
    """``Parallel(connection, *layers)`` called with one input (every branch gets it) or one
    input per branch.

    >>> both = parallel_rule([lambda x: x[:-1] + (3,), lambda x: x[:-1] + (5,)],
    ...                      op_connection_rule(SPECS["cat"]))
    >>> both([(2, 8)]), both([(2, 8), (2, 6)])
    ((2, 8), (2, 8))
    """
    runs = list(branches)

    def rule(xs: Sequence[Shape]) -> Shape:
        if len(xs) == 1:
            outs: List[Shape] = [r(xs[0]) for r in runs]
        elif len(xs) == len(runs):
            outs = [r(x) for r, x in zip(runs, xs)]
        else:
            raise CannotTell("Parallel called with a different number of inputs than branches")
        return join(outs)

    return rule
