"""``gradient``/``withgradient``: values against finite differences, and the structure of
the result (it mirrors the arguments)."""

from __future__ import annotations

from typing import Any, Callable, List

import numpy as np
import pytest

import typedflux as tf
from typedflux.engine.tape import TapeError
from typedflux.engine.tree import Grads, mirror, named_params, named_tensors, params

F64 = np.float64


def _directional(f: Callable[[], Any], tensors: List[tf.Tensor], vs: List[np.ndarray]) -> float:
    """Central difference of the scalar f() along vs, perturbing the tensors in place."""
    eps = 1e-6
    for t, v in zip(tensors, vs):
        t.data += eps * v
    up = f().item()
    for t, v in zip(tensors, vs):
        t.data -= 2 * eps * v
    down = f().item()
    for t, v in zip(tensors, vs):
        t.data += eps * v
    return float((up - down) / (2 * eps))


class MLP:
    """A hand-written 3-layer perceptron (weights from tf.randn)."""

    def __init__(self, sizes: List[int]) -> None:
        self.weights = [tf.randn(o, i, dtype=F64) * (1 / np.sqrt(i)) for i, o in
                        zip(sizes, sizes[1:])]
        self.biases = [tf.randn(o, dtype=F64) * 0.1 for o in sizes[1:]]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for k, (w, b) in enumerate(zip(self.weights, self.biases)):
            x = x @ w.T + b
            if k < len(self.weights) - 1:
                x = tf.relu(x)
        return x


def test_mlp_gradient_matches_finite_differences() -> None:
    tf.seed(3)
    model = MLP([5, 8, 6, 3])
    x = tf.randn(7, 5, dtype=F64)
    y = tf.randn(7, 3, dtype=F64)

    def loss(m: MLP) -> tf.Tensor:
        return ((m(x) - y) ** 2).mean()

    (g,) = tf.gradient(loss, model)
    assert isinstance(g, Grads)
    assert len(g.weights) == 3 and len(g.biases) == 3
    ps = model.weights + model.biases
    gs = list(g.weights) + list(g.biases)
    rng = np.random.default_rng(0)
    vs = [rng.standard_normal(p.shape) for p in ps]
    analytic = sum(float(np.sum(gi.numpy() * v)) for gi, v in zip(gs, vs))
    numeric = _directional(lambda: loss(model), ps, vs)
    assert analytic == pytest.approx(numeric, rel=1e-6)
    for p, gi in zip(ps, gs):
        assert gi.shape == p.shape and gi.dtype == F64


def test_withgradient_value_and_detached() -> None:
    x = tf.tensor([1.0, 2.0])
    val, (g,) = tf.withgradient(lambda x: (x * 3.0).sum(), x)
    assert val.item() == 9.0
    assert val._tape is None
    np.testing.assert_allclose(g.numpy(), [3.0, 3.0])


def test_f_must_return_a_scalar_tensor() -> None:
    with pytest.raises(ValueError, match=r"scalar Tensor\[\(\)\].*got Tensor\[2\].*\.sum\(\)"):
        tf.gradient(lambda x: x * 2.0, tf.ones(2))
    with pytest.raises(ValueError, match="got float"):
        tf.gradient(lambda x: 1.0, tf.ones(2))


def test_no_flow_gives_none() -> None:
    x, y = tf.ones(2), tf.ones(2)
    gx, gy = tf.gradient(lambda x, y: (x * 2.0).sum(), x, y)
    assert gx is not None and gy is None
    (g,) = tf.gradient(lambda x: tf.tensor(1.0), x)
    assert g is None


def test_identity_function_gradient() -> None:
    (g,) = tf.gradient(lambda x: x, tf.tensor(2.0))
    assert g.item() == 1.0


def test_nondifferentiable_arguments_give_none() -> None:
    x = tf.ones(2)
    grads = tf.gradient(
        lambda x, n, s, ids: (x[ids] * n).sum() if s == "ok" else x.sum(),
        x, 3.0, "ok", tf.tensor([0, 1, 1]),
    )
    assert grads[1:] == (None, None, None)
    np.testing.assert_allclose(grads[0].numpy(), [3.0, 6.0])


def test_containers_mirror() -> None:
    a, b, c = tf.ones(2), tf.ones(3), tf.ones(1)
    (gl,), (gd,) = tf.gradient(lambda xs: (xs[0].sum() + xs[1].sum()) * 2.0, [a, b]), \
        tf.gradient(lambda d: d["c"].sum() * 5.0 + d["k"], {"c": c, "k": 1.0})
    assert isinstance(gl, tuple) and len(gl) == 2
    np.testing.assert_allclose(gl[1].numpy(), [2.0, 2.0, 2.0])
    assert set(gd) == {"c", "k"} and gd["k"] is None
    np.testing.assert_allclose(gd["c"].numpy(), [5.0])


class Norm:
    _buffers = ("running_mean",)

    def __init__(self) -> None:
        self.weight = tf.ones(3)
        self.bias = tf.zeros(3)
        self.running_mean = tf.zeros(3)
        self.eps = 1e-5

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return (x - self.running_mean) * self.weight + self.bias


class Slotted:
    __slots__ = ("weight", "_cache")

    def __init__(self) -> None:
        self.weight = tf.ones(3)
        self._cache = tf.ones(3)  # private: never walked


class Model:
    def __init__(self) -> None:
        self.layers = [Norm(), Norm()]
        self.head = {"proj": Slotted()}
        self.activation = tf.relu
        self.name = "model"
        self.table = tf.arange(3)
        self.layers[1]._frozen = {"weight"}


def test_object_gradient_mirrors_attributes() -> None:
    m = Model()

    def loss(m: Model) -> tf.Tensor:
        x = tf.ones(3) * 2.0
        for layer in m.layers:
            x = layer(x)
        return (x * m.head["proj"].weight).sum() + m.head["proj"]._cache.sum()

    (g,) = tf.gradient(loss, m)
    assert isinstance(g, Grads)
    assert set(vars(g)) == {"layers", "head", "activation", "name", "table"}
    assert g.activation is None and g.name is None and g.table is None
    l0, l1 = g.layers
    assert set(vars(l0)) == {"weight", "bias", "running_mean", "eps"}
    assert l0.running_mean is None  # a buffer: no gradient
    assert l1.weight is None  # frozen
    assert l1.bias is not None and l0.weight is not None
    np.testing.assert_allclose(l0.weight.numpy(), [2.0, 2.0, 2.0])
    assert isinstance(g.head["proj"], Grads)
    assert set(vars(g.head["proj"])) == {"weight"}
    np.testing.assert_allclose(g.head["proj"].weight.numpy(), [2.0, 2.0, 2.0])


def test_whole_object_frozen() -> None:
    n = Norm()
    n._frozen = True  # type: ignore[attr-defined]
    (g,) = tf.gradient(lambda n: n(tf.ones(3)).sum(), n)
    assert g.weight is None and g.bias is None


def test_named_tensors_and_params() -> None:
    m = Model()
    names = [n for n, _ in named_tensors(m)]
    assert names == [
        "layers.0.weight", "layers.0.bias", "layers.0.running_mean",
        "layers.1.weight", "layers.1.bias", "layers.1.running_mean",
        "head.proj.weight", "table",
    ]
    assert [n for n, _ in named_params(m)] == [
        "layers.0.weight", "layers.0.bias", "layers.1.bias", "head.proj.weight",
    ]
    assert len(params(m)) == 4 and tf.params(m)[0] is m.layers[0].weight


def test_shared_tensor_once_and_both_grads() -> None:
    w = tf.ones(2)
    tied = {"enc": w, "dec": w}
    assert [n for n, _ in named_tensors(tied)] == ["enc"]
    (g,) = tf.gradient(lambda d: (d["enc"] * 2.0).sum() + (d["dec"] * 3.0).sum(), tied)
    np.testing.assert_allclose(g["enc"].numpy(), [5.0, 5.0])
    assert g["dec"] is g["enc"]


def test_cycles_are_cut() -> None:
    class Node:
        def __init__(self) -> None:
            self.w = tf.ones(1)
            self.parent: Any = None

    a = Node()
    b = Node()
    b.parent = a
    a.parent = b  # a cycle
    assert [n for n, _ in named_tensors(a)] == ["w", "parent.w"]
    structure = mirror(a, lambda t, tr: t.shape)
    assert structure.w == (1,) and structure.parent.parent is None


def test_gradient_structure_usable_by_named_tensors() -> None:
    # Optimisers walk the model and its gradient with the same names.
    m = Model()
    (g,) = tf.gradient(lambda m: m.layers[0](tf.ones(3)).sum(), m)
    grad_names = [n for n, _ in named_tensors(g)]
    assert grad_names == ["layers.0.weight", "layers.0.bias"]


def test_nested_gradient_over_the_outer_tensors_is_refused() -> None:
    # Zygote would give d/dx (x*x + 2x*x) = 18 at 3; a tape that cannot differentiate the
    # inner gradient would give 12 (the inner result as a constant): refused instead.
    x = tf.tensor(3.0)

    def outer(x: tf.Tensor) -> tf.Tensor:
        (inner,) = tf.gradient(lambda y: y * y, x)
        return x * x + inner * x

    with pytest.raises(TapeError, match="gradients of gradients are not supported"):
        tf.gradient(outer, x)
    assert x._tape is None and not tf.is_recording()
    a = tf.tensor(2.0)
    with pytest.raises(TapeError, match="gradients of gradients are not supported"):
        tf.gradient(lambda x: tf.gradient(lambda b: b * x, a)[0], x)  # x read in the inner f


def test_nested_gradient_of_a_detached_or_unrelated_tensor_is_a_constant() -> None:
    x = tf.tensor(3.0)

    def outer(x: tf.Tensor) -> tf.Tensor:
        (inner,) = tf.gradient(lambda y: y * y, x.detach())  # 2x = 6, a constant by request
        assert x._tape is not None  # the outer tape's mark is untouched by the inner one
        (other,) = tf.gradient(lambda y: y * y, tf.tensor(1.0))  # 2, unrelated
        return x * x + inner * x + other

    (g,) = tf.gradient(outer, x)
    assert g.item() == pytest.approx(12.0)
    assert x._tape is None


# -- Zygote's semantics for an argument passed twice ------------------------------------------


def test_a_tensor_passed_twice_gets_one_gradient_per_argument() -> None:
    # Zygote: gradient((a, b) -> sum(a .* b), x, x) == (x, x): each argument on its own.
    x = tf.tensor([1.0, 2.0, 3.0])
    ga, gb = tf.gradient(lambda a, b: (a * b).sum(), x, x)
    np.testing.assert_array_equal(ga.numpy(), x.numpy())
    np.testing.assert_array_equal(gb.numpy(), x.numpy())
    assert ga is not gb
    val, (g1, g2, g3) = tf.withgradient(lambda a, b, c: (a * a * 3.0 + b + 2.0 * c).sum(), x, x, x)
    np.testing.assert_array_equal(g1.numpy(), 6.0 * x.numpy())
    np.testing.assert_array_equal(g2.numpy(), [1.0, 1.0, 1.0])
    np.testing.assert_array_equal(g3.numpy(), [2.0, 2.0, 2.0])
    assert val.item() == pytest.approx(3 * 14.0 + 6.0 + 12.0)
    # Only the first argument is the object itself; the tensor is untouched afterwards.
    assert x._tape is None


def test_a_tensor_passed_directly_and_inside_a_model_is_two_variables() -> None:
    d = tf.Dense(2, 2)
    x = tf.ones(3, 2)
    gd, gw = tf.gradient(lambda m, w: (m(x) * 2.0).sum() + (w * 5.0).sum(), d, d.weight)
    np.testing.assert_array_equal(gw.numpy(), np.full((2, 2), 5.0))
    (want,) = tf.gradient(lambda m: (m(x) * 2.0).sum(), d)
    np.testing.assert_array_equal(gd.weight.numpy(), want.weight.numpy())


def test_a_model_passed_twice_shares_its_parameters() -> None:
    # Python objects are mutable: as for a mutable struct in Zygote (its gradient accumulates
    # per object), a model passed twice gets the total gradient in both places, and a tied
    # weight inside one model gets it at both of its names.
    d = tf.Dense(2, 2)
    x = tf.ones(1, 2)
    g1, g2 = tf.gradient(lambda a, b: a(x).sum() + 3.0 * b(x).sum(), d, d)
    (total,) = tf.gradient(lambda a: 4.0 * a(x).sum(), d)
    for g in (g1, g2):
        np.testing.assert_allclose(g.weight.numpy(), total.weight.numpy())


# -- wrong arguments ------------------------------------------------------------------------


@pytest.mark.parametrize("fn", [tf.gradient, tf.withgradient], ids=["gradient", "withgradient"])
@pytest.mark.parametrize("f", [3, None, "loss", tf.ones(2)], ids=["int", "None", "str", "Tensor"])
def test_a_non_function_first_argument_is_a_clear_type_error(fn: Any, f: Any) -> None:
    with pytest.raises(TypeError, match=rf"tf\.{fn.__name__} needs the function to differentiate "
                                        r"as its first argument \(f\), got \w+"):
        fn(f, tf.ones(2))


def test_the_arguments_swapped_say_how_to_call() -> None:
    x = tf.ones(2)
    with pytest.raises(TypeError, match=r"got Tensor\[2\]; call it as tf\.gradient\(f, \*args\)"):
        tf.gradient(x, lambda x: x.sum())  # type: ignore[arg-type]


def test_arguments_f_cannot_take_are_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match=r"tf\.gradient could not call f with the 2 argument\(s\) "
                                        r"given: .*takes 1 positional argument but 2 were given"):
        tf.gradient(lambda x: x.sum(), tf.ones(2), tf.ones(2))
    # An error raised inside f is f's own, unchanged.
    with pytest.raises(TypeError, match="inside f"):
        tf.gradient(lambda x: (_ for _ in ()).throw(TypeError("inside f")), tf.ones(2))


def test_one_flat_dict_gets_the_general_paths_structure() -> None:
    # withgradient's own way for one dict of distinct tensors under plain names gives what
    # the general walk gives (a dict holding a number too takes that walk): keys in order,
    # a fresh Tensor per gradient, None for an integer tensor and for one no gradient reaches.
    w, b, n, u = tf.tensor([1.0, 2.0]), tf.tensor([0.5, -1.0]), tf.tensor([1, 2]), tf.ones(3)

    def f(d: Any) -> Any:
        return ((d["w"] * d["b"]) * 2.0).sum()

    flat = {"w": w, "b": b, "n": n, "u": u}
    val, (g,) = tf.withgradient(f, flat)
    walked = {"w": w, "b": b, "n": n, "u": u, "k": 1.0}
    val2, (g2,) = tf.withgradient(f, walked)
    assert val.item() == val2.item() == -3.0
    assert list(g) == ["w", "b", "n", "u"] and list(g2) == ["w", "b", "n", "u", "k"]
    for k in ("w", "b"):
        assert type(g[k]) is tf.Tensor and g[k]._tape is None
        assert np.array_equal(g[k].numpy(), g2[k].numpy())
        assert g[k].numpy() is not w.numpy() and g[k].numpy() is not b.numpy()
    assert g["n"] is g2["n"] is None and g["u"] is g2["u"] is None and g2["k"] is None
    np.testing.assert_array_equal(g["w"].numpy(), [1.0, -2.0])
    # The keys are those of the call: one f adds is not in the gradient.
    (gl,) = tf.gradient(lambda d: d.setdefault("late", tf.ones(1)).sum() + d["w"].sum(),
                        {"w": w})
    assert list(gl) == ["w"]
    # A tensor under two keys keeps the general way: one gradient object in both places.
    (gt,) = tf.gradient(lambda d: (d["a"] * d["c"]).sum(), {"a": w, "c": w})
    assert gt["a"] is gt["c"]
    np.testing.assert_array_equal(gt["a"].numpy(), [2.0, 4.0])
