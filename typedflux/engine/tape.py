"""The tape: a Wengert list of recorded ops, and the one reverse scan that differentiates it.

While a :class:`Tape` is active (``with tape:``), every op whose inputs include a tensor
*watched by* or *computed on* that tape appends one node, in execution order. ``backward``
walks the list once from the end (no recursion, no topological sort), so a chain of 100,000
ops costs 100,000 steps. Ops on tensors the active tape does not know record nothing.

Each node's VJP returns gradients shaped like the op's *output* broadcast; they are summed
back to each input's shape in one place, :func:`unbroadcast`, and accumulated with ``+=``
only into buffers the tape allocated itself (never into an array a user or a forward holds).

>>> import typedflux as tf
>>> x = tf.tensor([1.0, 2.0, 3.0])
>>> tape = Tape()
>>> with tape:
...     _ = tape.watch(x)
...     y = (x * x).sum()
>>> tape.backward(y, [x])[0]
array([2., 4., 6.], dtype=float32)
"""

from __future__ import annotations

import threading
from contextvars import ContextVar, Token
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

from typedflux.engine.accumulate import (
    accumulate,
    flatten_grads,
    sum_parts,
    unbroadcast,
    unit_seed,
)
from typedflux.engine.marks import _MARKS, Shared, _leave, _share, id_on, nested
from typedflux.engine.proven import proven

if TYPE_CHECKING:
    from typedflux.tensor import AnyTensor

__all__ = ["Tape", "TapeError", "active_tape", "is_recording", "unbroadcast", "needed", "id_on"]

Array = npt.NDArray[Any]

# One recorded op: (op name, vjp, output id, input ids (-1 = constant), forward args as the
# VJP receives them, output array, exact), written by Tape.record (the fast lanes inline).
# ``exact``: 0, or the input count (1, 2: no len() per node) when each input on the tape has the
# output's shape and dtype: no reductions or casts, and ``vjp(g, out, x, y, need_x, need_y)``.
Node = Tuple[str, Optional[Callable[..., Any]], int, Tuple[int, ...], Tuple[Any, ...], Any, int]


class TapeError(RuntimeError):
    """Misuse of a tape: a second ``backward``, or recording on a freed tape.

    >>> t = Tape(); t.free()
    >>> with t: pass
    Traceback (most recent call last):
    ...
    typedflux.engine.tape.TapeError: This tape was freed by backward (or free()); a tape is used once. Take a new gradient (tf.gradient / tf.withgradient) or record a new Tape()
    """


_FREED = (
    "This tape was freed by backward (or free()); a tape is used once. "
    "Take a new gradient (tf.gradient / tf.withgradient) or record a new Tape()"
)

# The innermost active tape of this thread (of this context: an asyncio task has its own),
# read by every op (one call of ``_ACTIVE.get``, ~ a global's cost with contextvars' cache):
# tapes of other threads, and what they record, are invisible here.
_ACTIVE: ContextVar[Optional["Tape"]] = ContextVar("typedflux_active_tape", default=None)
_get_ident = threading.get_ident

# numpy's error-state ContextVar (numpy >= 2), read by every ufunc call. CPython caches a
# ContextVar read only when the var is in the context, so while _ACTIVE is set numpy's read
# walks the context (~8 ns a ufunc). A recording sets numpy's var to the value it has (no
# change to numpy's error handling), which halves that; reset on exit unless the recording
# changed it (a user's ``np.seterr`` in the loss keeps its effect, as without a tape).
_NP_ERRSTATE: Optional[ContextVar[Any]] = getattr(
    getattr(getattr(np, "_core", None), "umath", None), "_extobj_contextvar", None)


class _Running(threading.local):
    # ``box[0]``: the input ids of the node whose VJP runs in this thread (-1: a constant);
    # ``()`` outside a scan. Not a ContextVar: the scan would pay numpy's slow read then.
    def __init__(self) -> None:
        self.box: List[Tuple[int, ...]] = [()]


RUNNING = _Running()


def needed(k: int) -> bool:
    """Inside a VJP: whether the op's ``k``-th tensor input (counting every tensor of a
    TENSORS argument) receives a gradient. A VJP may skip work (a GEMM) for inputs that do
    not; outside a backward pass every input counts as needed.

    >>> needed(0)  # outside a backward pass
    True
    """
    ids = RUNNING.box[0]
    return not ids or ids[k] >= 0


def active_tape() -> Optional["Tape"]:
    """The tape ops are currently recorded on, or ``None``.

    >>> active_tape() is None
    True
    """
    return _ACTIVE.get()


def is_recording() -> bool:
    """Whether a gradient is being taken right now in this thread (layers use it for
    train/test mode: Dropout and BatchNorm with ``training=None`` are active only while
    recording). Another thread's recording does not count.

    >>> import typedflux as tf
    >>> seen = []
    >>> _ = tf.gradient(lambda x: seen.append(is_recording()) or x.sum(), tf.ones(2))
    >>> seen, is_recording()
    ([True], False)
    """
    return _ACTIVE.get() is not None


class Tape:
    """A Wengert list. Use once: activate with ``with``, ``watch`` the leaves, run ops,
    then ``backward``; the nodes are freed afterwards and any further use raises
    :class:`TapeError`.

    ``tf.gradient`` / ``tf.withgradient`` drive a tape for you; use this class directly
    only to build other differentiation front ends. A tape records in the thread (the
    context) that entered it; tapes in other threads, and what they watch, are separate.

    >>> import typedflux as tf
    >>> x = tf.tensor(3.0)
    >>> t = Tape()
    >>> with t:
    ...     _ = t.watch(x)
    ...     y = x * x + x
    >>> t.backward(y, [x])
    [array(7., dtype=float32)]
    >>> t.backward(y, [x])
    Traceback (most recent call last):
    ...
    typedflux.engine.tape.TapeError: This tape was freed by backward (or free()); ...
    """

    __slots__ = ("nodes", "vals", "freed", "_token", "_np_token", "_open", "_thread", "_fresh",
                 "_restore", "_joined", "_leaves", "__weakref__")

    def __init__(self) -> None:
        self.nodes: List[Node] = []
        # The array of every value id (leaves and op outputs; a value's id is its index):
        # their shapes and dtypes are what unbroadcast and casts bring input gradients to.
        # (Node outputs are held by their nodes anyway; one list is one append per op.)
        self.vals: List[Array] = []
        self.freed = False
        self._token: Optional[Token[Optional[Tape]]] = None
        self._np_token: Optional[Tuple[Token[Any], Any]] = None
        # Between __enter__ and __exit__, in thread _thread.
        self._open = False
        self._thread = 0
        # The leaves this tape marked itself, restored on exit, so marking a user's tensor
        # is undone even when ``f`` raises: those that had no mark (the common case: a list,
        # unmarked on exit) and, by id, those marked by a tape that finished recording
        # (tensor, its previous tape and id).
        self._fresh: List[Any] = []
        self._restore: Dict[int, Tuple[Any, Any, Any]] = {}
        # Leaves this tape holds in a Shared mark (with tapes of other threads): let go on exit.
        self._joined: List[Any] = []
        # id(tensor) -> (tensor, leaf id): leaves stay known after exit, for backward.
        self._leaves: Dict[int, Tuple[Any, int]] = {}

    # -- recording -------------------------------------------------------------------
    def __enter__(self) -> "Tape":
        if self.freed:
            raise TapeError(_FREED)
        if self._open:
            raise TapeError("this tape is already recording; a tape is entered once")
        self._thread = _get_ident()
        self._open = True
        self._token = _ACTIVE.set(self)
        if _NP_ERRSTATE is not None:
            state = _NP_ERRSTATE.get()
            self._np_token = (_NP_ERRSTATE.set(state), state)
        return self

    def __exit__(self, *exc: object) -> None:
        np_token, self._np_token = self._np_token, None
        if np_token is not None and _NP_ERRSTATE is not None:
            if _NP_ERRSTATE.get() is np_token[1]:
                _NP_ERRSTATE.reset(np_token[0])
        if self._token is not None:
            _ACTIVE.reset(self._token)
            self._token = None
        with _MARKS:
            self._open = False
            # Leaves go back to whatever they were (untracked, or an outer tape's value)...
            fresh = self._fresh
            for t in fresh:
                if t._tape is self:
                    t._tape = None
            fresh.clear()
            if self._restore:  # (usually empty, as _joined: no loop set up for nothing)
                for t, old_tape, old_id in self._restore.values():
                    if t._tape is self:
                        if old_tape is not None:
                            t._id = old_id
                        t._tape = old_tape
                self._restore.clear()
            # ... and shared ones are let go (the last holder restores their old mark).
            if self._joined:
                for t in self._joined:
                    _leave(t, self)
                self._joined.clear()

    def record(
        self,
        t: "AnyTensor",
        name: str,
        vjp: Optional[Callable[..., Any]],
        in_ids: Tuple[int, ...],
        args: Tuple[Any, ...],
        exact: bool,
    ) -> None:
        """Append the node of op ``name`` whose output tensor is ``t`` (its ``data`` the output
        array) and put ``t`` on this tape. ``in_ids``: the tape ids of the op's tensor inputs
        (-1 off the tape); ``args``: the forward's arguments as the VJP receives them;
        ``exact``: every input on the tape has the output's shape and dtype (with two inputs,
        the VJP is then called with two more arguments: whether each takes a gradient).

        >>> import typedflux as tf
        >>> tape, x = Tape(), tf.ones(2)
        >>> with tape:
        ...     i = tape.watch(x)
        ...     y = tf.Tensor(x.data * 2)
        ...     tape.record(y, "demo", None, (i,), (x.data,), True)
        >>> tape.id_of(y), len(tape.nodes)
        (1, 1)
        """
        vals = self.vals
        oid = len(vals)
        out = t.data
        vals.append(out)
        self.nodes.append((name, vjp, oid, in_ids, args, out, len(in_ids) if exact else 0))
        t._tape = self
        t._id = oid

    def watch(self, t: "AnyTensor") -> int:
        """Mark ``t`` as a leaf to differentiate with respect to; returns its id. Watching
        the same tensor twice returns the same id. Integer and bool tensors cannot carry
        gradients and get ``-1``.

        >>> import typedflux as tf
        >>> t = Tape()
        >>> with t:
        ...     t.watch(tf.ones(2)), t.watch(tf.arange(3))
        (0, -1)
        """
        return self.watch_all((t,))[0]

    def watch_all(self, tensors: Sequence["AnyTensor"]) -> List[int]:
        """:meth:`watch` each tensor, in order; their ids (one loop for a model's parameters).

        >>> import typedflux as tf
        >>> t, x = Tape(), tf.ones(2)
        >>> with t:
        ...     t.watch_all([x, tf.arange(3), x])
        [0, -1, 0]
        """
        if self.freed:
            raise TapeError(_FREED)
        if _ACTIVE.get() is not self:
            # Marks are undone on exit; outside the block nothing would undo them.
            raise TapeError("Tape.watch must be called inside `with tape:`")
        leaves, vals, fresh = self._leaves, self.vals, self._fresh
        me = self._thread
        ids: List[int] = []
        with _MARKS:
            for t in tensors:
                leaf = leaves.get(id(t))
                if leaf is not None and leaf[0] is t:
                    ids.append(leaf[1])
                    continue
                d = t.data
                if d.dtype.kind not in "fc":
                    ids.append(-1)
                    continue
                i = len(vals)
                vals.append(d)
                leaves[id(t)] = (t, i)
                ids.append(i)
                m = t._tape
                if m is None:
                    fresh.append(t)
                    t._tape = self
                    t._id = i
                elif type(m) is Shared:
                    m.ids[self] = i
                    self._joined.append(t)
                elif type(m) is Tape and m._open and m._thread != me:
                    # Held by a tape recording in another thread: both keep their ids.
                    _share(t, m, self, i)
                else:
                    if type(m) is Tape and m._open:
                        nested()  # an enclosing tape of this thread tracks t
                    # A tape that finished recording (its mark is restored for its
                    # backward).
                    self._restore[id(t)] = (t, m, t._id)
                    t._tape = self
                    t._id = i
        return ids

    def free(self) -> None:
        """Drop every node (and the arrays they hold); the tape cannot be used again.

        >>> t = Tape(); t.free(); t.freed
        True
        """
        self.nodes = []
        self.vals = []
        self._leaves = {}
        self.freed = True

    # -- differentiation ---------------------------------------------------------------
    def id_of(self, t: "AnyTensor") -> int:
        """The id of ``t`` on this tape (a watched leaf or a recorded output), else ``-1``.

        >>> import typedflux as tf
        >>> x, c, t = tf.ones(2), tf.ones(2), Tape()
        >>> with t:
        ...     _ = t.watch(x)
        ...     y = x * c
        >>> t.id_of(x), t.id_of(y), t.id_of(c)
        (0, 1, -1)
        """
        leaf = self._leaves.get(id(t))
        if leaf is not None and leaf[0] is t:
            return leaf[1]
        return id_on(self, t)

    def backward(
        self, out: "AnyTensor", wrt: Sequence["AnyTensor"], seed: Optional[Array] = None
    ) -> List[Optional[Array]]:
        """Gradients of ``out`` with respect to each tensor of ``wrt`` (``None`` where nothing
        flows), by one reverse scan; then the tape is freed.

        ``seed`` is the output's cotangent (ones by default). The tape must no longer be
        active.

        >>> import typedflux as tf
        >>> x, t = tf.tensor([1.0, 2.0]), Tape()
        >>> with t:
        ...     _ = t.watch(x)
        ...     y = x * 3.0
        >>> t.backward(y, [x], seed=np.array([1.0, 10.0], dtype=np.float32))
        [array([ 3., 30.], dtype=float32)]
        """
        self._check_backward()
        return self.backward_ids(self.id_of(out), [self.id_of(t) for t in wrt], seed)

    def _check_backward(self) -> None:
        # A tape runs backward once, and only after recording has finished.
        if self.freed:
            raise TapeError(_FREED)
        if self._open:
            raise TapeError(
                "Tape.backward was called while the tape is still recording; "
                "leave the `with tape:` block first"
            )

    def backward_ids(
        self, out_id: int, wrt_ids: Sequence[int], seed: Optional[Array] = None
    ) -> List[Optional[Array]]:
        """:meth:`backward` by value ids (from :meth:`watch` / :meth:`id_of`; ``-1`` gets
        ``None``), for front ends that already hold them.

        >>> import typedflux as tf
        >>> x, t = tf.tensor([1.0, 2.0]), Tape()
        >>> with t:
        ...     i = t.watch(x)
        ...     y = (x * x).sum()
        >>> t.backward_ids(t.id_of(y), [i, -1])
        [array([2., 4.], dtype=float32), None]
        """
        self._check_backward()
        if out_id < 0:
            self.free()
            return [None for _ in wrt_ids]
        vals = self.vals
        n = len(vals)
        # grads[i]: None, an array, or a list of small arrays still to be summed (a value
        # used many times, like a weight in an unrolled loop, gets one sum at the end
        # instead of one add per use).
        grads: List[Any] = [None] * n
        # owned[i]: grads[i] is an array this scan allocated, so += into it is safe.
        owned = [False] * n
        if seed is None:
            seed = unit_seed(vals[out_id].shape, vals[out_id].dtype)
        grads[out_id] = seed
        # Gradients of intermediates are dropped once their node has used them (peak memory
        # stays that of one path); those asked for are kept.
        drop = [True] * n
        for i in wrt_ids:
            if i >= 0:
                drop[i] = False
        ndarray = np.ndarray
        # This thread's record of the running node, for needed(k) inside VJPs (a VJP may run
        # a backward scan of its own: the outer record is put back after).
        running = RUNNING.box
        outer = running[0]
        try:
            for name, vjp, oid, in_ids, args, outval, exact in reversed(self.nodes):
                g = grads[oid]
                if g is None:
                    continue
                if type(g) is list:
                    g = grads[oid] = sum_parts(g)
                    owned[oid] = True
                if drop[oid]:
                    grads[oid] = None
                running[0] = in_ids
                if exact:
                    # An elementwise op whose inputs have the output's shape and dtype: no
                    # reduction or cast, the node spelled out (a third of the general path's
                    # cost; two inputs' blocks twice on purpose: a loop costs 6 %). A
                    # two-input VJP is told which inputs take gradients (no needed() read).
                    if exact == 2:
                        i, j = in_ids
                        gi, gj = vjp(g, outval, args[0], args[1], i >= 0, j >= 0)  # type: ignore
                    else:
                        i = in_ids[0]
                        j = -1
                        gi = vjp(g, outval, args[0])[0]  # type: ignore[misc]
                        gj = None
                    if i >= 0 and gi is not None:
                        prev = grads[i]
                        if prev is None:
                            grads[i] = gi
                        elif type(prev) is list:
                            prev.append(gi)
                        else:
                            accumulate(grads, owned, i, prev, gi)
                    if j >= 0 and gj is not None:
                        prev = grads[j]
                        if prev is None:
                            grads[j] = gj
                        elif type(prev) is list:
                            prev.append(gj)
                        else:
                            accumulate(grads, owned, j, prev, gj)
                    continue
                in_grads = vjp(g, outval, *args)  # type: ignore[misc]
                if len(in_grads) != len(in_ids):
                    in_grads = flatten_grads(in_grads, len(in_ids), name)
                for i, gi in zip(in_ids, in_grads):
                    if i < 0 or gi is None:
                        continue
                    v = vals[i]
                    if type(gi) is not ndarray or gi.shape != v.shape:
                        gi = unbroadcast(gi, v.shape, name)
                    if gi.dtype is not v.dtype and gi.dtype != v.dtype:
                        gi = gi.astype(v.dtype)
                    prev = grads[i]
                    if prev is None:
                        grads[i] = gi
                    elif type(prev) is list:
                        prev.append(gi)
                    else:
                        accumulate(grads, owned, i, prev, gi)
        finally:
            running[0] = outer
        result: List[Optional[Array]] = []
        handed: set[int] = set()
        for i in wrt_ids:
            g = grads[i] if i >= 0 else None
            if type(g) is list:
                g = grads[i] = sum_parts(g)
                owned[i] = True
            if g is not None and not owned[i]:
                # A VJP's fresh result is handed out as is; a view (of a forward's array, or
                # a read-only broadcast) or an array already handed out is copied, so the
                # caller owns every gradient it gets. (A VJP's result it proved finite is
                # read-only, and handed out as is: engine/proven.py.) In C order: a conv
                # weight's is a transposed GEMM result, which tf.update would copy again.
                if (g.base is not None or (not g.flags.writeable and not proven(g))
                        or id(g) in handed):
                    g = (g.astype(vals[i].dtype, order="C", copy=True)
                         if isinstance(g, np.ndarray) else np.array(g, dtype=vals[i].dtype))
            if g is not None:
                handed.add(id(g))
            result.append(g)
        self.free()
        return result
