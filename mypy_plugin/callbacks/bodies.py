"""A lambda, or a ``def`` whose body is one ``return <expr>``, as a layer or a connection.

Its parameters are positional, the last one may be ``*xs`` (``def join(*xs: Tensor): return
tf.cat(*xs, axis=1)`` joins every branch of a ``Parallel``): the body sees the inputs past the
others as a tuple, and a call's ``*xs`` as its items.

``SkipConnection(block, lambda mx, x: tf.cat(mx, x, axis=1))`` and ``Parallel(lambda a, b:
tf.cat(a, b, axis=1), ...)`` are the Flux idiom for UNet and DenseNet skips. Their parameters
carry no shapes (unannotated, or a bare ``Tensor``), so the function's type says nothing; its
body does. :func:`body_join` evaluates the body's expression with the parameters bound to the
shapes it is given, through the op catalog's rules (the routes the op hooks use: ``tf``
functions, ``Tensor`` methods, operators, properties), so a mismatch has the run time's words.

Soundness first: anything not understood (a call with no rule, a closure value not known
statically: a name neither ``Final`` nor bound once at module level, an index not known
statically, a conditional on anything but ``v is None`` of a value the body knows, a
parameter with a default or a shaped annotation) makes the result unknown (``CannotTell``),
never a guess. Lists of numbers the body builds (``tf.tensor([list(range(t))] * b)``) are
body_data.py's. An ``if v is None:`` statement among a body's lines is a step of
flow_branches.py (:func:`run_body` runs it).

Like the run time, which runs such a callable only on a concrete input (it has no rule where
a container is built), these rules say nothing while a container is checked where it is
built (:func:`building`): a body's mismatch is reported where the container is called.

Why this module is long: it is one evaluator of a body's expressions (names, calls with
their ``*`` arguments, operators, properties, indexing, conditionals), whose parts call each
other; split, each part would import all the others.

>>> from mypy.types import AnyType, TypeOfAny
>>> body_join(AnyType(TypeOfAny.special_form)) is None
True
"""

from __future__ import annotations

import operator
from contextlib import contextmanager
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

from mypy.argmap import map_actuals_to_formals
from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    ARG_STAR,
    ARG_STAR2,
    CallExpr,
    ComparisonExpr,
    ComplexExpr,
    ConditionalExpr,
    Decorator,
    Expression,
    ExpressionStmt,
    FloatExpr,
    FuncDef,
    FuncItem,
    GeneratorExpr,
    IndexExpr,
    IntExpr,
    LambdaExpr,
    ListComprehension,
    ListExpr,
    MemberExpr,
    NameExpr,
    OpExpr,
    RefExpr,
    ReturnStmt,
    StrExpr,
    SuperExpr,
    TupleExpr,
    TypeInfo,
    UnaryExpr,
    Var,
)
from mypy.types import AnyType, CallableType, Instance, Type, TypeOfAny, get_proper_type

from mypy_plugin import translate
from mypy_plugin.callbacks.body_calls import (
    KeywordSizes,
    built_layer,
    chain_with_lambdas,
    held_item,
    keyword_sizes,
    local_argument,
    lookup,
    module_constant,
    module_tensor,
    reads_local,
    signature,
    tuple_item,
    with_lambda,
)
from mypy_plugin.callbacks.body_data import Data, data_shape, joined, range_list, repeated
from mypy_plugin.callbacks.body_dims import read_argument
from mypy_plugin.flow_branches import ASSERT, MIXED, Branch, join, run_branch, target_names
from mypy_plugin.flow_dims import NUMBER, is_size, number_call, shape_items, size_arithmetic
from mypy_plugin.flow_values import truth
from mypy_plugin import per_build
from mypy_plugin.routing import ROUTES, Route
from mypy_plugin.values import (
    NOT_STATIC,
    NotStatic,
    static_index,
    static_value,
)
from typedflux.shapes.catalog import Arg, Kind
from typedflux.shapes.compose import JoinRule
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.layer_config import Shape

__all__ = ["building", "body_join", "with_lambda", "chain_with_lambdas", "BODY_DEPTH",
           "Receiver", "SELF", "run_body", "tensor_shape", "tensor_value", "inner_def"]

BODY_DEPTH = 64  # the deepest expression evaluated (beyond: unknown)
BODY_CALLS = 8  # the deepest chain of bodies calling one-return functions (beyond: unknown)
_NESTED = [0]

_BUILDING = [0]

_OPERATORS = {
    "+": "add", "-": "sub", "*": "mul", "/": "truediv", "//": "floordiv", "%": "mod",
    "**": "pow", "@": "matmul",
}
_UNARY = {"-": "__neg__", "+": "__pos__", "~": "__invert__"}
_MATH = frozenset(f"math.{f}" for f in ("log", "sqrt", "exp", "sin", "cos", "pow", "log2"))


@contextmanager
def building() -> Iterator[None]:
    """While a container is checked where it is built: body rules are unknown there.

    >>> with building():
    ...     _BUILDING[0]
    1
    """
    _BUILDING[0] += 1
    try:
        yield
    finally:
        _BUILDING[0] -= 1


class _Tensor:
    """A tensor value of the evaluation: its shape."""

    __slots__ = ("shape",)

    def __init__(self, shape: Shape) -> None:
        self.shape = shape


class Receiver:
    """A value whose attributes the body reads or calls (a user layer's ``self``)."""

    def attribute(self, name: str) -> Any:
        raise CannotTell("an attribute not known")

    def call(self, name: str, args: List[Any], kinds: List[Any],
             names: Optional[Sequence[Optional[str]]] = None) -> Any:
        """``name`` called with ``args`` (values) of ``kinds`` and argument ``names``
        (``self.attn(h, h, h, mask=m)``: flow_keywords.py)."""
        raise CannotTell("a method not known")

    def super_call(self, after: TypeInfo, name: str, args: List[Any], kinds: List[Any]) -> Any:
        """``super().name(...)`` written in a method of the class ``after``: the definition
        of ``name`` that follows ``after`` in the instance's MRO, called with ``args``."""
        raise CannotTell("super() of an instance not known")

    def has(self, name: str) -> Optional[bool]:
        """``hasattr(self, name)``: whether the instance has it (None: not known)."""
        return None


SELF = -1
"""The key of a body's ``env`` that holds the instance a method runs on (the
:class:`Receiver` ``super()`` reads); never an object's id."""


def run_body(env: Dict[int, Any], local: Sequence[Tuple[Any, Any]], ret: Expression) -> Any:
    """A straight-line body's value (a tensor, or a tuple of values): ``local`` bound in
    order (to a ``Var``, or unpacked to a tuple of them; a ``Branch`` runs its lines:
    flow_branches.py), then ``ret``; ``env`` maps each parameter's ``Var`` id to a value
    (:func:`tensor_value`, a :class:`Receiver`, a number, ``None``, a tuple, a ``Maybe``)."""
    if _BUILDING[0]:
        raise CannotTell("a layer's body is run only on a concrete input")
    if _NESTED[0] >= BODY_CALLS:
        raise CannotTell("functions calling functions too deep (or recursively)")
    env, _NESTED[0] = dict(env), _NESTED[0] + 1
    try:
        _bind(env, local)
        return _eval(ret, env, 0)
    finally:
        _NESTED[0] -= 1


def _bind(env: Dict[int, Any], local: Sequence[Tuple[Any, Any]]) -> None:
    """Run ``local``'s lines on ``env`` (in place)."""
    for target, rvalue in local:  # (a loop's variable is bound to a Receiver: a layer)
        if isinstance(target, Branch):  # ``if past is not None:`` (flow_branches.py)
            run_branch(env, target, _bind, decided)
            continue
        if target is ASSERT:  # ``assert t <= self.block_size``: binds nothing (flow_branches.py)
            # (a test not known passes: if the assert fails at run time, the call fails anyway)
            if decided(rvalue, env) is False:
                raise CannotTell("an assert that fails: the run stops there")
            continue
        # (a loop's variable is given its value: a layer, or a tensor of a list, body_steps.py)
        v = rvalue if isinstance(rvalue, (Receiver, _Tensor)) else _eval(rvalue, env, 0)
        _store(env, target, v)


def _store(env: Dict[int, Any], target: Any, v: Any) -> None:
    """Bind ``target`` to ``v`` in ``env``: a name, the instance's write (a callable:
    ``self.cache = ...``, layer_bodies.py), or a tuple of targets unpacked from ``v``
    (``mu, logvar = self.encode(x)``, ``_, (h, c) = self.rnn(x)``)."""
    if isinstance(target, tuple):
        if not isinstance(v, tuple) or len(v) != len(target):
            raise CannotTell("a value unpacked to another number of names")
        for t, item in zip(target, v):
            _store(env, t, item)
    elif callable(target):
        target(v)
    else:
        env[id(target)] = v


_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
            "==": operator.eq, "!=": operator.ne}


def tensor_shape(v: Any) -> Shape:
    """The shape of a value of the evaluation that is a tensor (else CannotTell)."""
    if not isinstance(v, _Tensor):
        raise CannotTell("not a tensor")
    return v.shape


def tensor_value(shape: Shape) -> Any:
    """A tensor value of the evaluation, of ``shape``."""
    return _Tensor(tuple(shape))


def _body(d: FuncItem) -> Optional[Expression]:
    if isinstance(d, LambdaExpr):
        return d.expr()
    if not isinstance(d, FuncDef) or d.is_generator or d.is_coroutine or d.is_decorated:
        return None
    stmts = list(d.body.body)
    if len(stmts) == 2 and isinstance(stmts[0], ExpressionStmt) and isinstance(
            stmts[0].expr, StrExpr):
        stmts = stmts[1:]  # a docstring
    if len(stmts) != 1 or not isinstance(stmts[0], ReturnStmt) or stmts[0].expr is None:
        return None
    return stmts[0].expr


def _plain_param(t: Type) -> bool:
    """A parameter the body may see a tensor of any shape through: unannotated, or a
    ``Tensor`` whose annotation names no shape."""
    p = get_proper_type(t)
    if isinstance(p, AnyType):
        return True
    return translate.is_tensor(p) and translate.tensor_pattern(p) is None


def body_join(t: Type) -> Optional[JoinRule]:
    """The join rule of a lambda or single-return ``def`` (None: not one, or its parameters
    are not all plain positional tensors).

    >>> from mypy.types import AnyType, TypeOfAny
    >>> body_join(AnyType(TypeOfAny.special_form)) is None
    True
    """
    p = get_proper_type(t)
    if not isinstance(p, CallableType):
        return None
    d = p.definition
    if not isinstance(d, FuncItem) or isinstance(d, Decorator):
        return None
    expr = _body(d)
    if expr is None or len(d.arguments) != len(p.arg_types):
        return None  # (a bound method: its ``self`` is not among the type's parameters)
    # Positional parameters, the last one may be ``*xs`` (``def join(*xs: Tensor)``: the
    # inputs past the others, as a tuple).
    star = bool(d.arg_kinds) and d.arg_kinds[-1] == ARG_STAR
    if any(k != ARG_POS for k in d.arg_kinds[:len(d.arg_kinds) - star]) \
            or not all(map(_plain_param, p.arg_types)):
        return None
    params = [a.variable for a in d.arguments]

    def join(shapes: Sequence[Shape]) -> Shape:
        if _BUILDING[0]:
            raise CannotTell("a function's body is run only on a concrete input")
        if len(shapes) != len(params) and not (star and len(shapes) >= len(params) - 1):
            raise CannotTell("a function given another number of inputs than parameters")
        if _NESTED[0] >= BODY_CALLS:
            raise CannotTell("functions calling functions too deep (or recursively)")
        fixed = len(params) - star
        env: Dict[int, Any] = {id(v): _Tensor(tuple(s)) for v, s in zip(params[:fixed], shapes)}
        if star:
            env[id(params[-1])] = tuple(_Tensor(tuple(s)) for s in shapes[fixed:])
        _NESTED[0] += 1
        try:
            out = _eval(expr, env, 0)
        finally:
            _NESTED[0] -= 1
        if not isinstance(out, _Tensor):
            raise CannotTell("a function's body that gives no tensor")
        return out.shape

    return join


def _eval(e: Expression, env: Dict[int, _Tensor], depth: int) -> Any:
    """The value of ``e``: a ``_Tensor``, a static Python value, or a tuple of values."""
    if depth > BODY_DEPTH:
        raise CannotTell("an expression nested too deep")
    depth += 1
    if isinstance(e, NameExpr) and isinstance(e.node, Var) and id(e.node) in env:
        return env[id(e.node)]
    if isinstance(e, (IntExpr, FloatExpr, ComplexExpr)):
        return e.value
    if isinstance(e, (TupleExpr, ListExpr)):
        return tuple(_eval(i, env, depth) for i in e.items)
    if isinstance(e, CallExpr):
        return _call(e, env, depth)
    if isinstance(e, (ListComprehension, GeneratorExpr)):
        return _comprehension(e if isinstance(e, GeneratorExpr) else e.generator, env, depth)
    if isinstance(e, OpExpr) and e.op in _OPERATORS:
        return _operator(e, env, depth)
    if isinstance(e, ComparisonExpr) and len(e.operators) == 1 and e.operators[0] in _REFLECTED:
        return _comparison(e, env, depth)  # ``adj > 0``: a tensor of bools
    if isinstance(e, UnaryExpr) and e.op in _UNARY:
        x = _eval(e.expr, env, depth)
        if isinstance(x, _Tensor):
            return _run(ROUTES.methods.get(_UNARY[e.op]), {0: x})
        if e.op == "-" and (is_size(x) or isinstance(x, float)):  # ``** -0.5``, ``-h``
            return size_arithmetic("-", 0, x) if is_size(x) else -x
        return _static(e)
    if isinstance(e, MemberExpr):
        base = _eval_or_none(e.expr, env, depth)
        if isinstance(base, _Tensor):
            if e.name == "shape":  # ``b, c, h, w = x.shape``: its dims (flow_dims.py)
                return shape_items(base.shape)
            if e.name == "ndim":  # ``assert idx.ndim == 2``: the rank, when known
                return len(shape_items(base.shape))
            route = ROUTES.properties.get(e.name)
            return _run(route, {0: base})
        if isinstance(base, Receiver):
            return base.attribute(e.name)
    if isinstance(e, IndexExpr):
        base = _eval_or_none(e.base, env, depth)
        if isinstance(base, _Tensor):
            return _index(base, e.index, env, depth)
        if isinstance(base, tuple):  # ``tf.chunk(h, 2, axis=-1)[0]``
            return tuple_item(base, e.index)
    if isinstance(e, ConditionalExpr):  # ``x if self.proj is None else self.proj(x)``
        taken = decided(e.cond, env)
        if taken is not None:
            return _eval(e.if_expr if taken else e.else_expr, env, depth)
        try:  # (a test not known: both values, joined as a branch's, flow_branches.py)
            both = join(_eval(e.if_expr, env, depth), _eval(e.else_expr, env, depth))
        except ShapeError:
            raise CannotTell("a value that fails, on a test not known") from None
        if both is MIXED:
            raise CannotTell("values of another kind on a test not known")
        return both
    return _closure(e)


def _comprehension(g: GeneratorExpr, env: Dict[int, Any], depth: int) -> Tuple[Any, ...]:
    """``[emb(cats[:, i]) for i, emb in enumerate(self.embs)]``: one ``for`` with no
    condition over a tuple the body knows (a list attribute's layers, a display), its
    ``enumerate`` or a ``zip`` of such; its items (as a display's: a tuple)."""
    if len(g.sequences) != 1 or g.condlists[0] or g.is_async[0]:
        raise CannotTell("a comprehension not read here")
    seq, index = g.sequences[0], g.indices[0]
    wrap = seq.callee.fullname if isinstance(seq, CallExpr) and isinstance(
        seq.callee, NameExpr) and seq.arg_kinds and all(
        k == ARG_POS for k in seq.arg_kinds) else None
    if wrap in ("builtins.enumerate", "builtins.zip"):
        assert isinstance(seq, CallExpr)
        parts = [_eval(a, env, depth) for a in seq.args]
        if not all(isinstance(p, tuple) for p in parts) or (
                wrap == "builtins.enumerate" and len(parts) != 1):
            raise CannotTell("a comprehension over a sequence not known")
        items: List[Any] = list(enumerate(parts[0]) if wrap == "builtins.enumerate"
                                else zip(*parts))
    else:
        seen = _eval(seq, env, depth)
        if not isinstance(seen, tuple):
            raise CannotTell("a comprehension over a sequence not known")
        items = list(seen)
    target = target_names(index)
    if target is None:
        raise CannotTell("a comprehension's target not read here")
    inner = dict(env)
    out = []
    for item in items:
        _store(inner, target, item)  # (a name, or a tuple of them: as a line's target)
        out.append(_eval(g.left_expr, inner, depth))
    return tuple(out)


def _plain_value(v: Any) -> bool:
    """A value whose ``==`` is the run time's: None, a bool, an int, a str (a float is not: a
    body's floats stand for any number, flow_dims.NUMBER; a tuple may hold tensors)."""
    return v is None or isinstance(v, (bool, int, str))


def decided(test: Expression, env: Dict[int, Any]) -> Optional[bool]:
    """Whether ``test`` holds for the body's values (None: not known): ``v is None`` (or
    ``is not None``) of a ``v`` the body knows, ``==``/``!=`` of ints, bools, strs or None it
    knows, ``<``-style comparisons of ints, ``hasattr(self, "proj")`` of an instance that
    knows (layer_bodies.py), ``not``/``and``/``or`` of such tests, and Python's truth of a
    value it knows exactly (flow_values.truth: None, a bool, an int, a str, a tuple: ``if
    self.norm_first:`` of an instance built with ``norm_first=True``). An ``assert``'s test
    too (:func:`run_body`).

    >>> decided(IntExpr(0), {})
    False
    """
    if isinstance(test, UnaryExpr) and test.op == "not":
        inner = decided(test.expr, env)
        return None if inner is None else not inner
    if isinstance(test, OpExpr) and test.op in ("and", "or"):
        stop = test.op == "or"  # (the value that decides: True for ``or``, False for ``and``)
        left = decided(test.left, env)
        if left is stop:
            return stop  # (Python does not run the right side: neither does the body)
        right = decided(test.right, env)
        if right is stop:
            return stop
        return None if left is None or right is None else not stop
    if isinstance(test, ComparisonExpr) and len(test.operators) == 1:
        op = test.operators[0]
        try:
            a, b = (_eval(o, env, 0) for o in test.operands)
        except (CannotTell, ShapeError):
            return None  # (a side Python may not run, ``a and f(x) == 3``: not reported)
        if op in ("is", "is not") and isinstance(test.operands[1], NameExpr) and \
                test.operands[1].fullname == "builtins.None":
            if a is not None and not isinstance(a, (_Tensor, Receiver, int, float, str)):
                return None  # (a Maybe, what branches bound apart: either)
            return (a is None) == (op == "is")
        if not (_plain_value(a) and _plain_value(b)) or op not in _COMPARE or (
                op not in ("==", "!=") and not (isinstance(a, int) and isinstance(b, int))):
            return None
        return bool(_COMPARE[op](a, b))
    if isinstance(test, CallExpr) and isinstance(test.callee, NameExpr) and \
            test.callee.fullname == "builtins.hasattr" and test.arg_kinds == [ARG_POS, ARG_POS] \
            and isinstance(test.args[1], StrExpr):
        try:
            held = _eval(test.args[0], env, 0)
        except (CannotTell, ShapeError):
            return None
        return held.has(test.args[1].value) if isinstance(held, Receiver) else None
    try:
        v = _eval(test, env, 0)
    except (CannotTell, ShapeError):
        return None
    return truth(v)


def _index(x: _Tensor, index: Expression, env: Dict[int, Any], depth: int) -> _Tensor:
    """``x[:, 0]``: indexing's rule with a key of static ints, slices with static bounds (or
    sizes the body holds: ``att[:, :, :T]`` after ``T = x.shape[1]``), ``None`` and ``...``
    only (anything else, an int known only at run time, is unknown)."""
    def bound(b: Expression) -> Any:
        if not reads_local(b, env):
            return None
        try:
            v = _eval(b, env, depth)
        except CannotTell:
            return None
        return v if is_size(v) else None

    key = static_index(_ints_in(index, env), lookup, None, bound)
    route = ROUTES.methods.get("__getitem__")
    if isinstance(key, NotStatic) or route is None or len(route.spec.args) != 2:
        raise CannotTell("an index not known statically")
    tensor, key_arg = route.spec.args
    return _Tensor(tuple(route.spec.rule(**{tensor.name: x.shape, key_arg.name: key})))


def _ints_in(index: Expression, env: Dict[int, Any]) -> Expression:
    """``index`` with each name the body binds to an int (a comprehension's count:
    ``cats[:, i]``) written as that int."""
    if isinstance(index, TupleExpr):
        return TupleExpr([_ints_in(i, env) for i in index.items])
    v = env.get(id(index.node)) if isinstance(index, NameExpr) else None
    return IntExpr(v) if isinstance(v, int) and not isinstance(v, bool) else index


def _eval_or_none(e: Expression, env: Dict[int, _Tensor], depth: int) -> Any:
    if isinstance(e, RefExpr) and isinstance(e.node, (TypeInfo,)):
        return None
    if isinstance(e, NameExpr) and not isinstance(e.node, Var):
        return None  # a module (``tf``) or a function: not a value of the body
    if isinstance(e, MemberExpr) and not isinstance(e.node, (Var, type(None))):
        return None
    return _eval(e, env, depth)


def _closure(e: Expression) -> Any:
    """A name from outside the body: a tensor whose type has a shape, or a static value."""
    # A module-level name bound once (``omega = tf.randn(D, M)``: body_calls.module_tensor;
    # mypy may have recorded no type for the read, in a body checked after the call).
    once = module_tensor(e)
    t = once or lookup(e)
    if t is not None and translate.is_tensor(get_proper_type(t)):
        # Only a Final one, or such a name: the body reads a closure when it runs, and a
        # plain variable may hold another tensor by then (mypy's type is the one where the
        # body is written).
        final = isinstance(e, NameExpr) and isinstance(e.node, Var) and e.node.is_final
        held = t if final or once is not None else None
        s = translate.shape_of(held, translate.Names()) if held is not None else None
        if s is None:
            raise CannotTell("a closure tensor that may change, or of unknown shape")
        return _Tensor(tuple(s))
    constant = module_constant(e)  # ``D`` of ``T, D, M = 12, 16, 24`` at module level
    return constant if constant is not None else _static(e)


def _static(e: Expression) -> Any:
    v = static_value(e, lookup)
    if isinstance(v, NotStatic):
        # ``math.inf``, ``np.pi``, a module's ``scale = 0.5``: mypy's ``float``, a number
        # whose value no shape depends on (a body's floats are never sizes: flow_dims.NUMBER)
        t = get_proper_type(lookup(e) or (  # (a module's name: its declared type)
            e.node.type if isinstance(e, RefExpr) and isinstance(e.node, Var) else None))
        if isinstance(t, Instance) and t.type.fullname == "builtins.float":
            return NUMBER
        raise CannotTell("a value not known statically")
    return v


def _operator(e: OpExpr, env: Dict[int, _Tensor], depth: int) -> Any:
    a, b = _eval(e.left, env, depth), _eval(e.right, env, depth)
    name = _OPERATORS[e.op]
    if isinstance(a, _Tensor):
        return _run(ROUTES.methods.get(f"__{name}__"), {0: a, 1: _operand(b)})
    if isinstance(b, _Tensor):
        return _run(ROUTES.methods.get(f"__r{name}__"), {1: b, 0: _operand(a)})
    if e.op == "*" and isinstance(a, tuple) != isinstance(b, tuple):  # ``[x] * n``
        return repeated(a, b) if isinstance(a, tuple) else repeated(b, a)  # (body_data.py)
    if e.op == "+" and isinstance(a, (tuple, Data)) and isinstance(b, (tuple, Data)):
        return joined(a, b)  # (two lists joined, as Python joins them)
    if is_size(a) and is_size(b):  # ``h * w`` of sizes the body read from a shape
        return size_arithmetic(e.op, a, b)
    try:
        return _static(e)
    except CannotTell:
        return size_arithmetic(e.op, a, b)  # (``c ** 0.5`` of a size: a number)


# A comparison's operator, and the one Python calls on the right operand when only it is a
# tensor (``0 < adj`` runs ``adj.__gt__(0)``).
_REFLECTED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
_COMPARED = {"<": "lt", "<=": "le", ">": "gt", ">=": "ge", "==": "eq", "!=": "ne"}


def _comparison(e: ComparisonExpr, env: Dict[int, _Tensor], depth: int) -> Any:
    """``adj > 0``: the comparison's rule (a tensor of bools of the broadcast shape)."""
    op = e.operators[0]
    a, b = _eval(e.operands[0], env, depth), _eval(e.operands[1], env, depth)
    if isinstance(a, _Tensor):
        return _run(ROUTES.methods.get(f"__{_COMPARED[op]}__"), {0: a, 1: _operand(b)})
    if isinstance(b, _Tensor):
        return _run(ROUTES.methods.get(f"__{_COMPARED[_REFLECTED[op]]}__"),
                    {0: b, 1: _operand(a)})
    raise CannotTell("a comparison of values that are not tensors")


def _operand(v: Any) -> _Tensor:
    if isinstance(v, _Tensor):
        return v
    if isinstance(v, (int, float, complex)):
        return _Tensor(())  # a Python number broadcasts as a scalar (operand_shape's ``()``)
    raise CannotTell("an operand that is neither a tensor nor a number")


def _run(route: Optional[Route], by_position: Dict[int, Any],
         by_name: Optional[Dict[str, Any]] = None) -> Any:
    """Run ``route``'s rule: arguments by the spec's positions or names, others at their
    defaults (what ``ops.run_rule`` does for a call the checker sees)."""
    if route is None:
        raise CannotTell("an op with no rule")
    spec = route.spec
    given = dict(by_name or {})
    for i, v in by_position.items():
        if i >= len(spec.args):
            raise CannotTell("more operands than the op takes")
        given[spec.args[i].name] = v
    kwargs: Dict[str, Any] = {}
    for arg in spec.args:
        if arg.kind is Kind.IGNORED:
            continue
        kwargs[arg.name] = _argument(arg, given[arg.name]) if arg.name in given else arg.omitted()
    if spec.several:  # ``q, k, v = tf.chunk(h, 3, axis=-1)``: a tuple of tensors
        return tuple(_Tensor(tuple(s)) for s in spec.rule(**kwargs))
    return _Tensor(tuple(spec.rule(**kwargs)))


def _spread_call(e: CallExpr, env: Dict[int, Any], depth: int) -> Any:
    """``tf.cat(*xs, axis=1)`` with ``xs`` a tuple the body knows (a ``*xs`` parameter): the
    call with each item given positionally (names bound to the items for the call)."""
    args: List[Expression] = []
    kinds: List[Any] = []
    names: List[Optional[str]] = []
    added: List[Var] = []
    try:
        for a, kind, name in zip(e.args, e.arg_kinds, e.arg_names):
            if kind != ARG_STAR:
                args.append(a)
                kinds.append(kind)
                names.append(name)
                continue
            items = _eval(a, env, depth)
            if not isinstance(items, tuple):
                raise CannotTell("a *argument the body does not know the items of")
            for item in items:
                var = Var(f"*{len(added)}")
                added.append(var)
                env[id(var)] = item
                ref = NameExpr(var.name)
                ref.node = var
                args.append(ref)
                kinds.append(ARG_POS)
                names.append(None)
        spread = CallExpr(e.callee, args, kinds, names)
        spread.set_line(e)
        return _call(spread, env, depth)
    finally:
        for var in added:
            env.pop(id(var), None)


def _argument(arg: Arg, v: Any) -> Any:
    """An evaluated argument as the rule reads it: a shape for a tensor, else the value."""
    if arg.kind is Kind.TENSOR:
        return _operand(v).shape
    if arg.kind is Kind.TENSORS:
        if not isinstance(v, tuple) or not all(isinstance(i, _Tensor) for i in v):
            raise CannotTell("not a sequence of tensors")
        return tuple(i.shape for i in v)
    if arg.kind is Kind.SIZES and isinstance(v, KeywordSizes):
        return v.pairs
    if isinstance(v, _Tensor) or arg.kind in (Kind.ARRAY, Kind.INDEX, Kind.SIZES):
        raise CannotTell(f"{arg.name} is not read from a function's body")
    if arg.kind is Kind.AXES and isinstance(v, int):
        return (v,)
    return v


def _call(e: CallExpr, env: Dict[int, _Tensor], depth: int) -> Any:
    if ARG_STAR in e.arg_kinds:
        return _spread_call(e, env, depth)
    callee = e.callee
    route: Optional[Route] = None
    self_value: Optional[_Tensor] = None
    method: Optional[str] = None
    if isinstance(callee, CallExpr) and len(e.args) == 1 and e.arg_kinds == [ARG_POS]:
        layer = built_layer(callee, env)  # ``Embedding(50, 32)(idx)``: built in the body
        x = _eval(e.args[0], env, depth) if layer is not None else None
        if layer is None or not isinstance(x, _Tensor):
            raise CannotTell("a callable built in the body that is no layer known here")
        return _Tensor(tuple(layer.call([x.shape])))
    if isinstance(callee, NameExpr) and isinstance(env.get(id(callee.node)), Receiver):
        held: Any = env[id(callee.node)]  # ``layer(x)`` of a loop over a model's layers
        return held.call("__call__", [_eval(a, env, depth) for a in e.args], e.arg_kinds,
                         e.arg_names)
    if isinstance(callee, SuperExpr):  # ``super().forward(x)`` in a user layer's method
        this = env.get(SELF)
        if callee.call.args or callee.info is None or not isinstance(this, Receiver) or any(
                k != ARG_POS for k in e.arg_kinds):
            raise CannotTell("super() of no instance known here")
        return this.super_call(callee.info, callee.name, [_eval(a, env, depth) for a in e.args],
                               e.arg_kinds)
    if isinstance(callee, MemberExpr):
        base = _eval_or_none(callee.expr, env, depth)
        if isinstance(base, _Tensor):
            route = ROUTES.methods.get(callee.name)
            if route is None or route.role != "method":
                raise CannotTell("a Tensor method with no rule")
            self_value, method = base, callee.name
        elif isinstance(base, Receiver):  # ``self.up(x)`` in a user layer (layer_bodies.py)
            return base.call(callee.name, [_eval(a, env, depth) for a in e.args], e.arg_kinds,
                             e.arg_names)
    if route is None:
        fullname = callee.fullname if isinstance(callee, RefExpr) else None
        route = ROUTES.by_function_fullname.get(fullname) if fullname else None
    if route is None and isinstance(callee, RefExpr) and callee.fullname in _MATH:
        return number_call([_eval(a, env, depth) for a in e.args])  # ``math.log(10000.0)``
    if route is None and isinstance(callee, RefExpr) and callee.fullname == "builtins.float":
        return NUMBER  # ``float("-inf")``, ``float(n)``: a number, only ever an operand
    if route is None and isinstance(callee, RefExpr) and callee.fullname in _DATA:
        return _data_call(e, callee.fullname, env, depth)  # ``tf.tensor([list(range(t))] * b)``
    if route is None:
        return _user_call(e, env, depth)
    formal = signature(callee, method)
    if formal is None:
        raise CannotTell("a callee whose parameters are unknown")
    if any(k not in (ARG_POS, ARG_NAMED) for k in e.arg_kinds):
        raise CannotTell("a call with *args or **kwargs")
    mapping = map_actuals_to_formals(
        e.arg_kinds, e.arg_names, formal.arg_kinds, formal.arg_names,
        lambda i: AnyType(TypeOfAny.special_form))
    spec_args = {a.name: a for a in route.spec.args}
    given: Dict[str, Any] = {}
    for j, actuals in enumerate(mapping):
        if not actuals:
            continue
        name = formal.arg_names[j]
        arg = spec_args.get(name) if name is not None else None
        if arg is None or name is None:
            raise CannotTell("an argument the op's rule does not name")
        star = formal.arg_kinds[j] == ARG_STAR
        if arg.kind in (Kind.TENSOR, Kind.TENSORS):
            values = [_eval(e.args[i], env, depth) for i in actuals]
            if star:
                given[name] = tuple(values)
            elif len(values) == 1:
                given[name] = values[0]
            else:
                raise CannotTell("several values for one parameter")
        elif arg.kind is Kind.SIZES and formal.arg_kinds[j] == ARG_STAR2:  # ``h=4``
            given[name] = keyword_sizes(e, actuals, [_eval(e.args[i], env, depth) for i in actuals])
        elif star and arg.kind in (Kind.DIMS, Kind.AXES) and len(actuals) > 1:
            given[name] = tuple(_read(arg, e.args[i], env, depth)[0] for i in actuals)
        elif len(actuals) == 1:
            given[name] = _read(arg, e.args[actuals[0]], env, depth)
        else:
            raise CannotTell("several values for one parameter")
    by_position = {0: self_value} if self_value is not None else {}
    return _run(route, by_position, given)


_TENSOR_DATA = "typedflux.ops.creation.tensor"
_DATA = frozenset({_TENSOR_DATA, "builtins.list"})


def _data_call(e: CallExpr, fullname: str, env: Dict[int, Any], depth: int) -> Any:
    """``list(range(t))``, ``list(xs)`` of a tuple the body knows, and ``tf.tensor(data)``
    of data the body built: the shape numpy gives it (body_data.py)."""
    if not e.args or e.arg_kinds[0] != ARG_POS or any(
            k != ARG_NAMED or n != "dtype" for k, n in zip(e.arg_kinds[1:], e.arg_names[1:])):
        raise CannotTell("a call of data not read here")
    if fullname == _TENSOR_DATA:
        return _Tensor(data_shape(_eval(e.args[0], env, depth), _is_tensor))
    if len(e.args) != 1:
        raise CannotTell("a list() call not read here")
    arg = e.args[0]
    if isinstance(arg, CallExpr) and isinstance(arg.callee, RefExpr) and \
            arg.callee.fullname == "builtins.range" and all(k == ARG_POS for k in arg.arg_kinds):
        return range_list([_eval(a, env, depth) for a in arg.args])
    items = _eval(arg, env, depth)
    if not isinstance(items, tuple):
        raise CannotTell("list() of a value not known to be a sequence")
    return items  # (a copy: the body's tuples stand for lists and tuples alike)


def _is_tensor(v: Any) -> bool:
    return isinstance(v, _Tensor)


def _read(arg: Arg, e: Expression, env: Dict[int, Any], depth: int) -> Any:
    """A non-tensor argument: a size read from a tensor's shape (``x.shape[0]``) or static."""
    def shape_of(base: Expression) -> Optional[Shape]:
        v = _eval_or_none(base, env, depth)
        return v.shape if isinstance(v, _Tensor) else None
    # ``reshape(b, c, h * w)``, ``split(h, (d, d, d))``, ``pad(x, ((0, 0), (self.pad, 0)))``
    if arg.kind is not Kind.IGNORED and reads_local(e, env):
        try:
            v = local_argument(arg, _eval(e, env, depth))
        except CannotTell:
            v = NOT_STATIC  # (then as the static reader reads it)
        if not isinstance(v, NotStatic):
            return v
    return read_argument(arg, e, shape_of)


# The ``def``s written in a method's body that the body's run steps over (body_steps.py):
# called there, each runs on the caller's values (:func:`_inner_call`).
_INNER: Dict[int, FuncDef] = {}
per_build.forget_each_build(_INNER)  # (holds mypy nodes: this build's only)


def inner_def(d: FuncDef) -> bool:
    """Whether the ``def`` statement ``d`` in a method's body is one a run of that body steps
    over and runs where it is called (HF T5's ``def shape(states): return states.reshape(
    batch_size, -1, self.n_heads, self.key_value_proj_dim)...``): undecorated, positional
    parameters, one ``return``. Such a def is noted for :func:`_inner_call`.

    >>> from mypy.nodes import Block
    >>> inner_def(FuncDef("f", [], Block([])))
    False
    """
    if _body(d) is None or any(k != ARG_POS for k in d.arg_kinds):
        return False
    _INNER[id(d)] = d
    return True


def _inner_call(d: FuncDef, e: CallExpr, env: Dict[int, Any], depth: int) -> Any:
    """``shape(self.q(h))`` of a def the running body wrote (:func:`inner_def`): its
    ``return`` evaluated on the arguments and, for the names it reads from the body around
    it (``batch_size``, ``self``), the values they hold when it is called, as a closure reads
    them at run time (its annotations are not checked there)."""
    expr = _body(d)
    if expr is None or len(e.args) != len(d.arguments) or any(
            k != ARG_POS for k in e.arg_kinds):
        raise CannotTell("a def called otherwise than with one value per parameter")
    inner = dict(env)
    inner.update((id(a.variable), _eval(x, env, depth))
                 for a, x in zip(d.arguments, e.args))
    if _NESTED[0] >= BODY_CALLS:
        raise CannotTell("functions calling functions too deep (or recursively)")
    _NESTED[0] += 1
    try:
        return _eval(expr, inner, depth)
    finally:
        _NESTED[0] -= 1


def _user_call(e: CallExpr, env: Dict[int, _Tensor], depth: int) -> Any:
    """``join(a, b)`` in a body: a plain (undecorated) one-return ``def`` called with
    tensors runs its own body, as it does at run time (its annotations, if any, are not
    checked there: only a container checks a connection's signature)."""
    node = e.callee.node if isinstance(e.callee, NameExpr) else None
    if isinstance(node, FuncDef) and _INNER.get(id(node)) is node:
        return _inner_call(node, e, env, depth)  # (a def the running body wrote)
    if isinstance(node, Var) and isinstance(e.callee, NameExpr):  # a layer held in a name
        return _held_layer(e, e.callee, node, env, depth)
    if not isinstance(node, FuncDef) or any(k != ARG_POS for k in e.arg_kinds):
        raise CannotTell("a call with no shape rule")
    t = get_proper_type(lookup(e.callee)) or node.type
    if not isinstance(t, CallableType):
        raise CannotTell("a function of unknown type")
    if t.definition is not node:
        t = t.copy_modified(definition=node)
    if any(translate.tensor_pattern(a) is not None for a in t.arg_types):
        t = t.copy_modified(arg_types=[AnyType(TypeOfAny.special_form) for _ in t.arg_types])
    join = body_join(t)
    args = [_eval(a, env, depth) for a in e.args]
    if join is None:  # (straight-line steps, then a return: flow_functions.py)
        from mypy_plugin.flow_functions import nested_call  # (it imports this module)

        out = nested_call(node, args)
        if not isinstance(out, _Tensor):
            raise CannotTell("a function's body that gives no tensor")
        return out
    if not all(isinstance(a, _Tensor) for a in args):
        raise CannotTell("a function called with values other than tensors")
    return _Tensor(join([a.shape for a in args]))


def _held_layer(e: CallExpr, name: NameExpr, var: Var, env: Dict[int, _Tensor],
                depth: int) -> _Tensor:
    """``block(x)`` in a body, ``block`` a name that holds that layer when the body runs."""
    item = held_item(name, var) if len(e.args) == 1 and e.arg_kinds == [ARG_POS] else None
    x = _eval(e.args[0], env, depth) if item is not None else None
    if item is None or not isinstance(x, _Tensor):
        raise CannotTell("a callable that may hold another layer, or given no tensor")
    return _Tensor(tuple(item.call([x.shape])))
