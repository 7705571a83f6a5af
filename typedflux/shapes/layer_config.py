"""Layer configs: what a layer is, for the shape checks (its Flux-style repr and its rule).

A config is a frozen dataclass built from a layer's constructor arguments (see
:mod:`typedflux.shapes.layer_spec`): ``repr()`` is the Flux-style constructor text,
``rule(x)`` maps an input shape to the output shape (``LayerInputError`` on a proven
mismatch), ``template()`` is the input a Chain assumes when the layer comes first, and
``with_input``/``with_output`` give the same layer with another feature size (for hints).
The helpers here are shared by the configs in ``layers_*.py``.

>>> from typedflux.shapes.layers_basic import DenseConfig
>>> DenseConfig(784, 32, "relu").repr(), DenseConfig(784, 32).template()
('Dense(784 => 32, relu)', (B, 784))
"""

from __future__ import annotations

from typing import Optional, Sequence, Tuple, Union

from typedflux.shapes.dims import UNKNOWN, Dim, Star, equal, sym
from typedflux.shapes.errors import CannotTell, LayerInputError
from typedflux.shapes.messages import layer_input_mismatch

__all__ = [
    "Shape",
    "LayerConfig",
    "ANY",
    "B_",
    "H_",
    "W_",
    "T_",
    "UNKNOWN_TEXT",
    "activation_name",
    "is_int",
    "dims_only",
    "dim_at",
    "as_dim",
    "image_dims",
    "feature_repr",
]

Shape = Tuple[Union[Dim, Star], ...]

# Display-only names for the free dims of an expected input (``Tensor[B, 1, H, W]``).
B_, H_, W_, T_ = sym("B"), sym("H"), sym("W"), sym("T")
ANY = Star(None)  # "any leading dims" in an expected input: shown as ``...``
UNKNOWN_TEXT = "?"  # an option the plugin cannot read (an activation held in a variable)


# -- small helpers shared by the configs ----------------------------------------------------


def activation_name(fn: object) -> str:
    """How an activation appears in a repr: its ``__name__`` (``identity`` is left out).

    >>> def relu(x): return x
    >>> class Scale:
    ...     def __call__(self, x): return 2 * x
    >>> activation_name(relu), activation_name(None), activation_name(Scale())
    ('relu', 'identity', 'Scale()')
    """
    if fn is None:
        return "identity"
    name = getattr(fn, "__name__", None)
    if isinstance(name, str):
        return name
    # A callable object: its class, as a constructor call (``Scale()``), not an address.
    return f"{type(fn).__name__}()"


def is_int(d: object) -> bool:
    """Whether ``d`` is a concrete int size (not a bool, a symbol or unknown)."""
    return isinstance(d, int) and not isinstance(d, bool)


def dims_only(x: Shape) -> Optional[Tuple[Dim, ...]]:
    """The shape without Stars, or None when it holds a variadic run (rank unknown)."""
    if any(isinstance(d, Star) for d in x):
        return None
    return x  # type: ignore[return-value]


def dim_at(x: Shape, axis: int) -> Union[Dim, Star]:
    """``x[axis]`` when the axis is reachable past any Star, else UNKNOWN."""
    stars = [i for i, d in enumerate(x) if isinstance(d, Star)]
    if not stars:
        return x[axis]
    s = stars[0]
    if axis >= 0 and axis < s:
        return x[axis]
    if axis < 0 and len(x) + axis > s:
        return x[axis]
    return UNKNOWN


def as_dim(d: Union[Dim, Star]) -> Dim:
    """A Star read as one unknown dim."""
    return UNKNOWN if isinstance(d, Star) else d


def image_dims(x: Shape) -> Tuple[Dim, Dim, Dim, Dim]:
    """``(b, c, h, w)`` of a 4-D image input; for a variadic shape (rank unknown) only the
    dims reachable past the run are placed, the others are unknown.

    >>> image_dims((2, 3, 8, 8)), image_dims((Star("Bs"), 3, 8, 8))
    ((2, 3, 8, 8), (?, ?, 8, 8))
    """
    dims = dims_only(x)
    if dims is None:
        return (UNKNOWN, as_dim(dim_at(x, 1)), as_dim(dim_at(x, -2)), as_dim(dim_at(x, -1)))
    return (dims[0], dims[1], dims[2], dims[3])


def feature_repr(name: str, a: Dim, b: Dim, extra: Sequence[str] = ()) -> str:
    """``Dense(784 => 32, relu)``: Flux's ``in => out`` form with trailing options."""
    return f"{name}({a} => {b}{''.join(', ' + e for e in extra)})"


# -- configs ----------------------------------------------------------------------------------


class LayerConfig:
    """Base class of layer configs: ``repr()``, ``rule(x)`` and construction-time hints.

    - ``rule(x)`` returns the output shape for input shape ``x`` (ints or dims) or raises
      ``LayerInputError``/``ShapeError`` on a proven mismatch, ``CannotTell`` when unknown.
    - ``call(xs)`` is the rule for a call with several inputs (one input by default).
    - ``template()`` is the input a Chain assumes when this layer comes first (its known
      sizes; other dims unknown, batch named ``B``), or None when there is none.
    - ``gives_several()``: a call returns several tensors (``Several``), not ``rule(x)``.
    - ``ranks`` are the input ranks the layer accepts (None = any rank >= ``min_rank``).
    - ``out_rank``: the rank of every output, whatever the input's (Flatten's 2, Conv's 4,
      LSTM's 3), or None; ``keeps_rank``: every output has its input's rank (Dense,
      LayerNorm); ``adds_rank``: every output has one more axis than its input (Embedding).
      A Chain's construction check trusts a rank only when it is certain this way.
    - ``with_input(size)`` / ``with_output(size)``: the same layer taking / giving another
      feature size, for "change X to Y" hints (None when the layer has no such size).
    - ``workspace(x)``: the arrays beyond the output a run holds, for the memory check.
    """

    name = "Layer"
    ranks: Optional[Tuple[int, ...]] = None
    min_rank = 0
    out_rank: Optional[int] = None
    keeps_rank = False
    adds_rank = False

    def repr(self) -> str:
        raise NotImplementedError

    def rule(self, x: Shape) -> Shape:
        raise NotImplementedError

    def call(self, xs: Sequence[Shape]) -> Shape:
        """The rule for ``layer(*xs)``; most layers take exactly one input."""
        if len(xs) != 1:
            raise CannotTell(f"{self.name} called with {len(xs)} inputs")
        return self.rule(xs[0])

    def template(self) -> Optional[Shape]:
        return None

    def gives_several(self) -> bool:
        """Whether a call gives several tensors (a recurrent layer's ``return_state``): then
        what ``rule`` gives is not what the next layer of a Chain takes."""
        return False

    def with_input(self, size: Dim) -> Optional["LayerConfig"]:
        return None

    def with_output(self, size: Dim) -> Optional["LayerConfig"]:
        return None

    def expected(self) -> Shape:
        """The accepted input, for messages (``Tensor[..., 784]``)."""
        return (ANY,)

    def workspace(self, x: Shape) -> Tuple[Shape, ...]:
        """The shapes of arrays larger than the output that a run on input ``x`` must hold
        (a conv's padded input), for the run time's memory check; none by default."""
        return ()

    # -- shared checks ----------------------------------------------------------------------
    def _rank(self, x: Shape) -> None:
        dims = dims_only(x)
        if dims is None:
            fixed = len(x) - 1
            if self.ranks is not None and all(r < fixed for r in self.ranks):
                self._fail_rank(x)
            return
        if self.ranks is not None:
            if len(dims) not in self.ranks:
                self._fail_rank(x)
        elif len(dims) < self.min_rank:
            self._fail_rank(x)

    def _fail_rank(self, x: Shape) -> None:
        raise LayerInputError(
            layer_input_mismatch(self.repr(), self.expected(), x, None), self.repr(),
            self.expected(), x, None,
        )

    def _check(self, x: Shape, axis: int, size: Dim) -> None:
        got = dim_at(x, axis)
        if isinstance(got, Star):
            return
        ok = equal(got, size)
        if ok is False:
            fix = self.with_input(got)
            raise LayerInputError(
                layer_input_mismatch(self.repr(), self.expected(), x, axis), self.repr(),
                self.expected(), x, axis, fix,
            )


class Several(tuple):  # type: ignore[type-arg]
    """What a layer call returns when it returns several tensors (a recurrent layer with
    ``return_state``: ``(y, h)``, ``(y, (h, c))``): one shape, or a nested ``Several``, per
    result. ``LayerConfig.call`` may return one; the plugin types it as a tuple.

    >>> Several(((2, 5, 4), Several(((2, 4), (2, 4)))))
    Several((2, 5, 4), Several((2, 4), (2, 4)))
    """

    def __repr__(self) -> str:
        return f"Several{tuple.__repr__(self)}"
