"""A valid call of every public function (``typedflux.__all__``, ``tf.losses``,
``tf.schedules``, ``typedflux.torch``), for tests that replace one argument at a time with
something wrong: the other arguments stay valid, so the wrong one reaches the code that must
refuse it (a pool-only call is usually refused at its first argument).

``VALID[name]`` is a factory of ``(args, kwargs)``; ``NO_VALID_CALL`` names the public
routines with no argument to get wrong, with the reason. ``test_every_public_function_has_a
_valid_call`` names any public routine in neither (a new op must add its line here).
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, Dict, List, Tuple

import numpy as np

import typedflux as tf

Call = Tuple[List[Any], Dict[str, Any]]


def _x() -> Any:
    return tf.tensor(np.linspace(-1, 1, 24).reshape(2, 3, 4))


def _m() -> Any:
    return tf.tensor(np.linspace(-1, 1, 12).reshape(3, 4))


def _idx() -> Any:
    return tf.tensor(np.zeros((2, 3, 1), np.int64))


def _model() -> Any:
    return tf.Chain(tf.Dense(4, 3, tf.relu), tf.Dense(3, 2))


def _loss(m: Any, x: Any, y: Any) -> Any:
    return tf.losses.mse(m(x), y)


def _data() -> Any:
    return [(tf.ones(5, 4), tf.zeros(5, 2))] * 2


def _state() -> Any:
    return tf.setup(tf.Adam(), _model())


def _grads() -> Any:
    m = _model()
    return tf.gradient(lambda m: tf.sum(m(tf.ones(5, 4))), m)


def _torch() -> Any:
    import typedflux.torch as tt

    return tt


def _yhat() -> Any:
    return tf.tensor(np.random.default_rng(0).uniform(0.1, 0.9, (4, 3)))


def _y() -> Any:
    return tf.tensor(np.eye(3, dtype=np.float32)[[0, 1, 2, 0]])


def _pair(yhat: Callable[[], Any] = _yhat, **kw: Any) -> Callable[[], Call]:
    return lambda: ([yhat(), _y()], dict(kw))


def _a(*args: Any, **kw: Any) -> Callable[[], Call]:
    """A call whose arguments are made fresh (callables among them are called: factories)."""
    return lambda: ([a() if _factory(a) else a for a in args], dict(kw))


def _factory(a: Any) -> bool:
    # The factories here are lambdas and the _-named helpers above (a value that is itself
    # a function, such as gradient's, comes from a lambda returning it).
    name = getattr(a, "__name__", "")
    return inspect.isfunction(a) and (name == "<lambda>" or name.startswith("_"))


VALID: Dict[str, Callable[[], Call]] = {
    # creation
    "tensor": _a([[1.0, 2.0]], dtype=np.float32),
    "zeros": _a(2, 3, dtype=np.float32),
    "ones": _a(2, 3, dtype=np.float32),
    "full": _a(2, 3, value=1.5, dtype=np.float32),
    "randn": _a(2, 3, dtype=np.float32),
    "rand": _a(2, 3, dtype=np.float32),
    "arange": _a(0, 6, 2, dtype=np.int64),
    "seed": _a(3),
    # elementwise and reductions
    **{n: _a(_x) for n in ("abs", "exp", "log", "sqrt", "sin", "cos", "relu", "gelu", "swish",
                           "sigmoid", "tanh", "softplus", "identity", "flatten")},
    "maximum": _a(_x, 0.5), "minimum": _a(_x, _x), "add": _a(_x, _x), "mul": _a(_x, 2.0),
    "where": _a(lambda: tf.tensor([True, False]), lambda: tf.ones(2), lambda: tf.zeros(2)),
    "matmul": _a(_m, lambda: tf.ones(4, 2)),
    "einsum": _a("bij,bjk->bik", _x, lambda: tf.ones(2, 4, 5)),
    "rearrange": _a(_x, "b c (h w) -> b (c h) w", h=2),
    "reduce": _a(_x, "b c w -> b c", "mean"),
    "clamp": _a(_x, min=-0.5, max=0.5),
    "tril": _a(_m, k=0), "triu": _a(_m, k=1),
    **{n: _a(_x, axis=1, keepdims=False) for n in ("sum", "mean", "logsumexp", "max", "min",
                                                   "argmax", "argmin")},
    "var": _a(_x, axis=1, keepdims=False, correction=1),
    "std": _a(_x, axis=1, keepdims=True, correction=0),
    "cumsum": _a(_x, axis=1),
    "leakyrelu": _a(_x, 0.1), "elu": _a(_x, 0.5),
    "softmax": _a(_x, axis=1), "logsoftmax": _a(_x, axis=-1),
    # movement, joins, expansion, indexing
    "reshape": _a(_x, 6, 4), "transpose": _a(_x, 2, 0, 1), "swapaxes": _a(_x, 0, 2),
    "squeeze": _a(lambda: tf.ones(2, 1, 3), 1), "unsqueeze": _a(_x, 0),
    "concat": _a(lambda: [_x(), _x()], axis=1), "stack": _a(lambda: [_x(), _x()], axis=0),
    "cat": _a(_x, _x, axis=2),
    "split": _a(_x, (1, 3), axis=-1), "chunk": _a(_x, 2, axis=-1),
    "tile": _a(_x, 2, 1), "repeat": _a(_x, 1, 2, 1),
    "repeat_interleave": _a(_x, 2, axis=1),
    "pad": _a(_x, ((0, 0), (1, 1), (2, 0)), mode="reflect", value=0.0),
    "take_along_axis": _a(_x, _idx, 2), "gather": _a(_x, 2, _idx),
    "onehot": _a(lambda: tf.tensor([0, 2, 1]), 3), "onecold": _a(_m, ["a", "b", "c", "d"]),
    # autodiff and models
    "gradient": _a(lambda: (lambda x: (x * x).sum()), _x),
    "withgradient": _a(lambda: (lambda x: (x * x).sum()), _x),
    "params": _a(_model), "named_params": _a(_model), "named_tensors": _a(_model),
    "initialstates": _a(lambda: tf.LSTM(3, 4)),
    "outputsize": _a(_model, (5, 4)), "summary": _a(_model, (5, 4)),
    "trainmode": _a(_model, True), "testmode": _a(_model, True),
    "freeze": _a(_model, "layers"), "thaw": _a(_model, "layers"),
    "shapecheck": _a(lambda: (lambda x: x)),
    "compile": _a(lambda: (lambda x: x * 2), fallback=True),
    # training
    "setup": _a(lambda: tf.Adam(), _model),
    "update": lambda: ([_state(), _model(), _grads()], {"nonfinite": "raise"}),
    "adjust": _a(_state, eta=0.01),
    "train": lambda: ([_loss, _model(), _data(), _state(), 2],
                      {"progress": False, "desc": "fit", "nonfinite": "skip", "compile": True,
                       "callback": tf.EarlyStopping(1)}),
    "save": _a(_model, "model.safetensors"),
    "load": lambda: (tf.save(_model(), "saved.safetensors"),
                     ([_model(), "saved.safetensors"], {"strict": True}))[1],
    # losses
    **{f"losses.{n}": _pair() for n in ("mse", "mae", "crossentropy", "logitcrossentropy",
                                        "binarycrossentropy", "logitbinarycrossentropy",
                                        "kldivergence", "hinge_loss", "squared_hinge_loss",
                                        "poisson_loss")},
    "losses.huber_loss": _pair(delta=0.5),
    "losses.focal_loss": _pair(gamma=2.0, eps=1e-7),
    "losses.binary_focal_loss": _pair(gamma=1, eps=None),
    "losses.siamese_contrastive_loss": _pair(margin=0.5),
    "losses.dice_coeff_loss": _pair(smooth=1.0),
    "losses.tversky_loss": _pair(beta=0.6),
    "losses.label_smoothing": lambda: ([_y(), 0.1], {"binary": False}),
    # torch bridge
    "torch.to_torch": _a(_model),
    "torch.state_dict": _a(_model),
    "torch.from_torch": lambda: ([_torch().state_dict(_model())], {"into": _model()}),
}

# Public routines with no argument to get wrong (or none a caller passes), with the reason.
NO_VALID_CALL: Dict[str, str] = {
    "is_recording": "takes no arguments",
    "rng": "takes no arguments",
    "torch.register_function": "registers process-wide (a test would change other tests' "
                               "exports); its checks are in tests/torch",
}


def public_routines() -> Dict[str, Callable[..., Any]]:
    """Every public function by its public name (``losses.mse``, ``torch.to_torch``)."""
    import typedflux.torch as tt

    out = {n: getattr(tf, n) for n in tf.__all__ if inspect.isroutine(getattr(tf, n))}
    out.update({f"losses.{n}": getattr(tf.losses, n) for n in tf.losses.__all__})
    out.update({f"torch.{n}": getattr(tt, n) for n in tt.__all__
                if inspect.isroutine(getattr(tt, n))})
    return out
