"""How a primitive runs: the reference invoke path, and the choice of the path an op takes.

Every call of a primitive does the same five steps, in this order:

1. read the arguments: each tensor operand as its array and shape, parameters in canonical
   form (:mod:`typedflux.engine.operands`);
2. run the op's shape rule on the shapes FIRST (a mismatch is typedflux's ``ShapeError``,
   never a numpy traceback); rules are pure, so a rule's result is memoised per input shapes
   and parameters and a steady loop pays one dict lookup;
3. run the forward on the arrays;
4. apply the dtype policy: float64 that came only from promoting ints or Python floats
   becomes float32 ("no float64 creep");
5. wrap the array as a Tensor and, when some input is on the active tape, record one node
   (:meth:`typedflux.engine.tape.Tape.record`, the one place a node is written).

:func:`reference` is that sequence for any argument kinds, written out once. The
specialisations in :mod:`typedflux.engine.lanes` do the same steps for the common argument
shapes with less dispatch; :func:`path_of` decides which one an op takes, from its spec alone
(tests/engine/test_invoke_paths.py holds every specialisation to the reference).

>>> from typedflux.shapes.catalog import SPECS
>>> path_of(SPECS["add"]), path_of(SPECS["sum"]), path_of(SPECS["concat"])
('binary', 'single', 'reference')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, List, Optional, Tuple

import numpy as np

from typedflux.engine.operands import (
    F32,
    F64,
    NotLoaded,
    creeps,
    has_array,
    index_data,
    norm_param,
    operand,
    operand_list,
)
from typedflux.engine.tape import _ACTIVE, id_on
from typedflux.shapes.catalog import Kind, OpSpec

if TYPE_CHECKING:  # for annotations only: the engine is below typedflux.tensor
    from typedflux.engine.primitive import Primitive
    from typedflux.tensor import AnyTensor

__all__ = ["path_of", "leading_tensors", "reference", "wrap", "tape_id", "Entry", "FOREIGN"]

# An invoke path, made for one primitive: the entry point, and the function that binds the
# forward and the Tensor class into it (the op module does, when it registers the forward).
Entry = Tuple[Callable[..., "AnyTensor"], Callable[[Callable[..., Any], type], None]]

_ndarray = np.ndarray
_asarray = np.asarray
_new = object.__new__

T_, TS_, IGNORED_, INDEX_ = Kind.TENSOR, Kind.TENSORS, Kind.IGNORED, Kind.INDEX

# ``FOREIGN[0]``: None, or ``handler(op name, args)`` for a unary op's operand that is not a
# plain Tensor, returning the result or NotImplemented (typedflux.torch's bridge sets it while
# it dispatches). A public function that is its lane's entry point itself
# (:meth:`~typedflux.engine.primitive.Primitive.public`: ``tf.exp``) is not reached by the
# bridge's swap of ``prim.invoke``; its lane asks this instead, off its fast lane only.
FOREIGN: List[Optional[Callable[[str, Tuple[Any, ...]], Any]]] = [None]


def leading_tensors(kinds: Tuple[Kind, ...]) -> int:
    """How many TENSOR arguments lead ``kinds``, or 0 when a TENSOR, a TENSORS list or an
    INDEX comes after the first parameter.

    >>> leading_tensors((Kind.TENSOR, Kind.TENSOR, Kind.INT)), leading_tensors((Kind.TENSORS,))
    (2, 0)
    """
    k = 0
    while k < len(kinds) and kinds[k] is T_:
        k += 1
    if {T_, TS_, Kind.INDEX} & set(kinds[k:]):
        return 0
    return k


def path_of(spec: OpSpec) -> str:
    """The invoke path of an op, from its argument kinds (the whole rule; docs/internals.md):

    - ``"binary"``: exactly two TENSOR arguments (``x + y``, ``matmul``); elementwise ones
      have a fast lane for two floats of one shape and dtype or a float32 with a Python float;
    - ``"unary"``: exactly one TENSOR argument (``neg``, ``exp``); elementwise ones have a
      fast lane for a float tensor;
    - ``"single"``: one TENSOR, then parameters only (``sum``, ``reshape``, ``getitem``,
      ``softmax``);
    - ``"multi"``: two or more leading TENSORs, then parameters that are not tensors or
      indices (the fused layer ops: ``dense``, ``conv2d``, the RNNs, losses);
    - ``"reference"``: anything else (TENSORS lists: ``concat``; a tensor after a parameter:
      ``where``'s three tensors are "multi"; ``einsum``'s subscripts then tensors).

    >>> from typedflux.shapes.catalog import SPECS
    >>> path_of(SPECS["exp"]), path_of(SPECS["where"]), path_of(SPECS["matmul"])
    ('unary', 'multi', 'binary')
    """
    kinds = tuple(a.kind for a in spec.args)
    if kinds == (T_, T_):
        return "binary"
    if kinds == (T_,):
        return "unary"
    if kinds and kinds[0] is T_ and not {T_, TS_} & set(kinds[1:]):
        return "single"
    if leading_tensors(kinds) >= 2:
        return "multi"
    return "reference"


def wrap(out: Any, T: type) -> AnyTensor:
    """A new constant Tensor (class ``T``) holding the array ``out``."""
    t: AnyTensor = _new(T)
    t.data = out
    t._tape = None
    return t


def tape_id(v: Any, tape: Any, T: type) -> int:
    """The id of ``v`` on ``tape`` (a watched leaf or a recorded output), else -1 (also for
    anything that is not a tensor of class ``T``)."""
    if isinstance(v, T):
        return id_on(tape, v)
    return -1


def reference(prim: Primitive) -> Entry:
    """The reference invoke path of ``prim``: the five steps for any argument kinds.

    >>> import typedflux as tf, typedflux.ops  # the op modules bind every primitive
    >>> from typedflux.engine.primitive import REGISTRY
    >>> REGISTRY["concat"].invoke([tf.ones(2), tf.zeros(1)], 0)
    Tensor[3] float32
    [1. 1. 0.]
    """
    name = prim.name
    args = prim.spec.args
    kinds = tuple(a.kind for a in args)
    nargs = len(args)
    diff = prim.spec.differentiable
    rule_idx = tuple(i for i, k in enumerate(kinds) if k is not Kind.IGNORED)
    active = _ACTIVE.get
    forward: Callable[..., Any] = prim.forward
    Tensor: Any = NotLoaded

    def invoke(*vals: Any) -> AnyTensor:
        if len(vals) != nargs:
            raise TypeError(f'"{name}" takes {nargs} arguments, got {len(vals)}')
        # 1. Read the arguments: what the forward gets, what the rule gets, and the tensor
        # behind every tensor slot (a TENSORS list counts each item).
        fwd_args: List[Any] = []
        rule_vals: List[Any] = []
        tensors: List[Any] = []
        datas: List[Any] = []
        advanced = False  # advanced indexing: numpy checks the index, not the rule
        for v, a, k in zip(vals, args, kinds):
            if k is T_:
                d, s = operand(v, name, a.name, Tensor)
                fwd_args.append(d)
                rule_vals.append(s)
                tensors.append(v)
                datas.append(d)
            elif k is TS_:
                ds, ss = operand_list(v, name, a.name, Tensor)
                tensors.extend(v)
                datas.extend(ds)
                fwd_args.append(ds)
                rule_vals.append(ss)
            elif k is IGNORED_:
                fwd_args.append(v)
                rule_vals.append(None)
            elif k is INDEX_:
                advanced = advanced or has_array(v, Tensor)
                fwd_args.append(index_data(v, Tensor))
                rule_vals.append(v)
            else:
                p = norm_param(k, v, name, a.name)
                fwd_args.append(p)
                rule_vals.append(p)
        # 2. The rule first (memoised), 3. the forward.
        if advanced:
            out = forward(*fwd_args)
        else:
            key: Any = tuple(rule_vals[i] for i in rule_idx)
            out = prim.run(rule_vals, key, forward, *fwd_args)
        if type(out) is not _ndarray and not isinstance(out, _ndarray):
            out = _asarray(out)
        # 4. The dtype policy.
        if out.dtype is F64 and creeps(datas):
            out = out.astype(F32)
        # 5. Wrap, and record a node when an input is on the active tape.
        t = wrap(out, Tensor)
        tape = active()
        if tape is not None and diff and out.dtype.kind in "fc":
            ids = tuple(tape_id(v, tape, Tensor) for v in tensors)
            if any(i >= 0 for i in ids):
                tape.record(t, name, prim.vjp_fn, ids, tuple(fwd_args), False)
        return t

    def bind(fwd: Callable[..., Any], tensor_type: type) -> None:
        nonlocal forward, Tensor
        forward, Tensor = fwd, tensor_type

    return invoke, bind

