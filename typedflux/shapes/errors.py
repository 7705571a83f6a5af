"""``ShapeError``: the one exception both checkers speak, ``require`` that raises it, and
the errors built on it (a layer refusing its input, a constructor argument no input could
make valid, a typed function's result refused by its return annotation)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence, Tuple

if TYPE_CHECKING:
    from typedflux.shapes.layer_config import LayerConfig

__all__ = ["ShapeError", "CannotTell", "require", "LayerInputError", "LayerArgumentError",
           "ReturnMismatch"]


class ShapeError(ValueError):
    """A provable shape mismatch. ``str(err)`` is the message mypy's plugin also reports.

    ``notes`` hold extra lines (dim bindings, the shape flowing into a layer); the plugin
    reports them as notes, the runtime appends them to the message.

    >>> raise ShapeError("Inner dimensions differ for \\"matmul\\"", notes=["B=32"])
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Inner dimensions differ for "matmul"
      B=32
    """

    def __init__(self, message: str, notes: Sequence[str] = (), brief: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.notes = tuple(notes)
        self.brief = brief or message

    def __str__(self) -> str:
        return "\n".join([self.message, *("  " + n for n in self.notes)])


class CannotTell(Exception):
    """Raised by a shape rule that cannot compute a result from what is known statically
    (for example an axis into a shape of unknown rank). Never a user-visible error: the
    plugin falls back to an unknown shape, and at run time every shape is known."""


def require(ok: Optional[bool], message: Callable[[], str], notes: Sequence[str] = ()) -> None:
    """Raise ``ShapeError(message())`` only when ``ok`` is ``False`` (a proven mismatch).

    ``None`` means the check cannot be decided (an unknown dim) and passes, so the static
    checker never reports what it cannot prove.

    >>> require(None, lambda: "never built")
    >>> require(False, lambda: "Sizes differ")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Sizes differ
    """
    if ok is False:
        raise ShapeError(message(), notes)


class LayerInputError(ShapeError):
    """A layer rejected its input. Carries what a ``Chain`` needs to re-word the message.

    ``expected`` is the input the layer accepts (display shape), ``got`` the shape it was
    given, ``axis`` the axis whose sizes differ (None: the ranks differ), ``fix`` a config
    that would accept ``got`` (for a "change X to Y" hint) or None.

    >>> from typedflux.shapes.layers import LAYERS
    >>> try:
    ...     LAYERS["Dense"].configure_static({"in_features": 784, "out_features": 32}).rule((16, 100))
    ... except LayerInputError as err:
    ...     print(err.layer, err.fix.repr())
    Dense(784 => 32) Dense(100 => 32)
    """

    def __init__(
        self,
        message: str,
        layer: str,
        expected: Tuple[Any, ...],
        got: Tuple[Any, ...],
        axis: Optional[int],
        fix: Optional["LayerConfig"] = None,
    ) -> None:
        super().__init__(message)
        self.layer = layer
        self.expected = expected
        self.got = got
        self.axis = axis
        self.fix = fix


class LayerArgumentError(ShapeError):
    """A constructor argument (a size, a window, a head count) that no input could make
    valid: ``Dense(-1, 3)``, ``MultiHeadAttention(64, 6)``. The plugin reports it as a
    ``[shape]`` error on ``argument`` (the first argument named in the message).

    >>> LayerArgumentError("Invalid argument for ...", "d").argument
    'd'
    """

    def __init__(self, message: str, argument: str) -> None:
        super().__init__(message)
        self.argument = argument


class ReturnMismatch(ShapeError):
    """A typed function's result that its return annotation refuses (``Return shape ...``),
    raised after ``function`` returned: by ``@tf.shapecheck``, or by a container holding a
    user layer to its annotations. mypy reports it on the function's ``return`` line, in these
    words, wherever the function is called from; so a ``Chain`` passes it on unchanged.

    >>> def head(x): ...
    >>> ReturnMismatch("Return shape Tensor[3, 4] does not match ...", (), head).function
    <function head at ...>
    """

    def __init__(self, message: str, notes: Sequence[str], function: Any) -> None:
        super().__init__(message, notes)
        self.function = function
