"""The cached walk of a model (plan.plan_of) used by withgradient and update: the same
gradients and updates as the uncached walk, and a new walk whenever the model changed
(replaced layer or tensor, freeze/thaw, loaded weights, added/removed entries, dtypes)."""

from __future__ import annotations

import gc
import os
import tempfile
import weakref
from typing import Any, List

import numpy as np
import pytest

import typedflux as tf
from typedflux import losses
from typedflux.engine import plan as plans, tree
from typedflux.engine.plan import plan_of
from typedflux.engine.tree import Grads


def _batch(n_in: int = 3, n_out: int = 2) -> Any:
    r = np.random.default_rng(0)
    return tf.tensor(r.standard_normal((5, n_in))), tf.tensor(r.standard_normal((5, n_out)))


def _loss(m: Any, x: Any, y: Any) -> Any:
    return losses.mse(m(x), y)


def _uncached(model: Any, x: Any, y: Any) -> Any:
    # A dict root is never cached: the general walk (tree.mirror) shapes this gradient.
    assert plan_of({"m": model}) is None
    return tf.gradient(lambda d: _loss(d["m"], x, y), {"m": model})[0]["m"]


def _same(a: Any, b: Any) -> bool:
    # Grads.__eq__ compares structure, names and values (None where no gradient flows).
    return bool(a == b)


def _grad(model: Any, x: Any, y: Any) -> Any:
    return tf.gradient(lambda m: _loss(m, x, y), model)[0]


class Model:
    """A user model: layers in a list, a head in an attribute, a scale tensor."""

    def __init__(self) -> None:
        self.body = [tf.Dense(3, 4, tf.tanh), tf.Dense(4, 4, tf.relu)]
        self.head = tf.Dense(4, 2)
        self.scale = tf.tensor(1.5)

    def __call__(self, x: Any) -> Any:
        for layer in self.body:
            x = layer(x)
        return self.head(x) * self.scale


def _setup() -> Any:
    tf.seed(4)
    m = Model()
    x, y = _batch()
    return m, x, y


def test_cached_gradient_equals_the_general_walk_and_the_plan_is_reused() -> None:
    m, x, y = _setup()
    g1 = _grad(m, x, y)
    plan = plan_of(m)
    assert plan is not None and plan_of(m) is plan  # nothing changed: the same plan
    g2 = _grad(m, x, y)
    assert plan_of(m) is plan
    assert _same(g1, _uncached(m, x, y)) and _same(g2, g1)
    assert g1 is not g2 and g1.head.weight is not g2.head.weight  # fresh results each call
    assert isinstance(g1, Grads) and isinstance(g1.body, tuple) and g1.head.activation is None


def test_replaced_layer_and_replaced_tensor_are_seen() -> None:
    m, x, y = _setup()
    _grad(m, x, y)
    old = m.head
    m.head = tf.Dense(4, 2, tf.tanh)  # a replaced layer
    g = _grad(m, x, y)
    assert _same(g, _uncached(m, x, y))
    assert [t for _, t in tf.named_params(m)][-3] is m.head.weight
    m.body[1].weight = tf.tensor(np.full((4, 4), 0.1, dtype=np.float32))  # a replaced tensor
    g = _grad(m, x, y)
    assert _same(g, _uncached(m, x, y))
    st = tf.setup(tf.Descent(0.5), m)
    before_old = old.weight.numpy().copy()
    before_new = m.body[1].weight.numpy().copy()
    tf.update(st, m, g)
    np.testing.assert_allclose(m.body[1].weight.numpy(), before_new - 0.5 * g.body[1].weight.numpy(),
                               rtol=1e-6)
    np.testing.assert_array_equal(old.weight.numpy(), before_old)  # the old layer is left alone


def test_list_and_dict_changes_are_seen() -> None:
    m, x, y = _setup()
    _grad(m, x, y)
    m.body.append(tf.Dense(4, 4))  # a list grown in place
    g = _grad(m, x, y)
    assert len(g.body) == 3 and _same(g, _uncached(m, x, y))
    m.body[2] = tf.Dense(4, 4, tf.relu)  # an item replaced in place
    assert _same(_grad(m, x, y), _uncached(m, x, y))
    del m.body[2]
    assert len(_grad(m, x, y).body) == 2
    # A dict of layers inside an object, changed in place.
    m.extra = {"a": tf.Dense(2, 2)}  # unused by the forward: its gradient is None
    g = _grad(m, x, y)
    assert g.extra == {"a": Grads(weight=None, bias=None, activation=None)}
    m.extra["b"] = tf.Dense(2, 2)
    assert set(_grad(m, x, y).extra) == {"a", "b"}
    del m.extra
    assert not hasattr(_grad(m, x, y), "extra")


def test_freeze_and_thaw_after_a_cached_step() -> None:
    m, x, y = _setup()
    st = tf.setup(tf.Descent(0.1), m)
    tf.update(st, m, _grad(m, x, y))
    tf.freeze(m.head)
    g = _grad(m, x, y)
    assert g.head.weight is None and g.head.bias is None
    assert _same(g, _uncached(m, x, y))
    frozen = m.head.weight.numpy().copy()
    tf.update(st, m, g)
    np.testing.assert_array_equal(m.head.weight.numpy(), frozen)
    tf.thaw(m.head)
    assert _grad(m, x, y).head.weight is not None
    # A frozen set changed in place (no new attribute value) is seen too.
    tf.freeze(m.body[0], "bias")
    assert _grad(m, x, y).body[0].bias is None
    m.body[0]._frozen.add("weight")
    g = _grad(m, x, y)
    assert g.body[0].weight is None and _same(g, _uncached(m, x, y))
    # update skips a parameter frozen after its gradient was taken.
    tf.thaw(m.body[0])
    g = _grad(m, x, y)
    tf.freeze(m.body[1])
    w = m.body[1].weight.numpy().copy()
    tf.update(st, m, g)
    np.testing.assert_array_equal(m.body[1].weight.numpy(), w)


def test_frozen_chain_and_loaded_weights() -> None:
    tf.seed(5)
    c = tf.Chain(tf.Dense(3, 4, tf.relu), tf.Dense(4, 2))
    x, y = _batch()
    g = _grad(c, x, y)
    assert _same(g, _uncached(c, x, y))
    tf.freeze(c)  # the Chain's own mark (a class default until now)
    assert _grad(c, x, y).layers[0].weight is None
    tf.thaw(c)
    path = os.path.join(tempfile.mkdtemp(), "c.npz")
    other = tf.Chain(tf.Dense(3, 4, tf.relu), tf.Dense(4, 2))
    tf.save(other, path)
    tf.load(c, path)  # in place: the same tensors, new values
    g = _grad(c, x, y)
    assert _same(g, _uncached(c, x, y)) and _same(g, _grad(other, x, y))


def test_dtype_changes_are_seen() -> None:
    m, x, y = _setup()

    def loss(mm: Any) -> Any:
        return _loss(mm, x, y) + (mm.count * mm.count).sum()

    m.count = tf.tensor(np.arange(3))  # an integer tensor: never trainable
    assert tf.gradient(loss, m)[0].count is None
    m.count.data = np.arange(3, dtype=np.float32)  # the same tensor, now a float
    g = tf.gradient(loss, m)[0]
    np.testing.assert_array_equal(g.count.numpy(), [0.0, 2.0, 4.0])
    assert [n for n, _, _ in plan_of(m).params][-1] == "count"
    st = tf.setup(tf.Descent(0.1), m)
    m.count.data = np.arange(3)  # and back
    g = tf.gradient(loss, m)[0]
    assert g.count is None
    assert _same(g, tf.gradient(lambda d: loss(d["m"]), {"m": m})[0]["m"])  # uncached walk
    tf.update(st, m, g)  # an integer tensor is left alone, as the general walk does
    tf.update(st, m, Grads(body=None, head=None, scale=None, count=tf.ones(3)))
    np.testing.assert_array_equal(m.count.numpy(), [0, 1, 2])
    tf.update(st, {"m": m}, {"m": Grads(body=None, head=None, scale=None, count=tf.ones(3))})
    np.testing.assert_array_equal(m.count.numpy(), [0, 1, 2])


def test_shared_tensors_and_several_arguments() -> None:
    tf.seed(6)
    a, b = tf.Dense(3, 3, tf.tanh), tf.Dense(3, 2)
    b.weight = tf.tensor(np.ones((2, 3), dtype=np.float32))
    m = tf.Chain(a, tf.Dense(3, 3), b)
    m[1].weight = a.weight  # tied weights: one tensor under two names
    x, y = _batch()
    g = _grad(m, x, y)
    assert g.layers[0].weight is g.layers[1].weight
    assert _same(g, _uncached(m, x, y))
    st = tf.setup(tf.Descent(0.1), m)
    w = a.weight.numpy().copy()
    tf.update(st, m, g)
    np.testing.assert_allclose(a.weight.numpy(), w - 0.1 * g.layers[0].weight.numpy(), rtol=1e-6)
    # Several arguments: a model, a data tensor it also holds, a number.
    gm, gx, gn = tf.gradient(lambda mm, xx, k: _loss(mm, xx, y) * k, m, x, 2.0)
    gm2, gx2, gn2 = tf.gradient(lambda d, xx, k: _loss(d["m"], xx, y) * k, {"m": m}, x, 2.0)
    assert gn is None and gn2 is None
    assert _same(gm, gm2["m"]) and np.allclose(gx.numpy(), gx2.numpy())
    # The same tensor inside the model and as an argument: each argument gets the gradient
    # of its own uses (Zygote's semantics): the loss reads it through the argument only.
    m.data = x
    (want,) = tf.gradient(lambda xx: _loss(m, xx, y), tf.tensor(x.numpy()))
    gm, gx = tf.gradient(lambda mm, xx: _loss(mm, xx, y), m, x)
    assert gm.data is None and np.array_equal(gx.numpy(), want.numpy())
    gm, gx = tf.gradient(lambda mm, xx: _loss(mm, mm.data, y), m, x)
    assert gx is None and np.array_equal(gm.data.numpy(), want.numpy())


def test_update_with_a_hand_made_gradient_and_a_wrong_one() -> None:
    tf.seed(7)
    d = tf.Dense(2, 2)
    st = tf.setup(tf.Descent(1.0), d)
    w = d.weight.numpy().copy()
    tf.update(st, d, {"weight": np.ones((2, 2), dtype=np.float32)})  # a plain dict
    np.testing.assert_allclose(d.weight.numpy(), w - 1.0)
    try:
        tf.update(st, d, Grads(weight=tf.ones(3, 2), bias=None))
    except tf.ShapeError as err:
        assert "parameter weight" in str(err)
    else:
        raise AssertionError("a gradient of the wrong shape must be a ShapeError")


def test_plans_do_not_keep_models_alive() -> None:
    m, x, y = _setup()
    _grad(m, x, y)
    assert id(m) in plans._PLANS
    ref = weakref.ref(m)
    key = id(m)
    del m
    gc.collect()
    assert ref() is None and key not in plans._PLANS


def test_a_model_that_refers_to_itself_is_walked_every_time() -> None:
    m, x, y = _setup()
    m.me = m  # a cycle back to the root: cutting it is the walk's job; not cached
    g = _grad(m, x, y)
    assert g.me is None and id(m) not in plans._PLANS
    assert _same(g, _uncached(m, x, y))


class Slotted:
    """A model with public __slots__ (one unset at first)."""

    __slots__ = ("layer", "other", "__weakref__")

    def __init__(self) -> None:
        self.layer = tf.Dense(3, 2)

    def __call__(self, x: Any) -> Any:
        return self.layer(x)


def test_slotted_models() -> None:
    tf.seed(8)
    s = Slotted()
    x, y = _batch()
    g = _grad(s, x, y)
    assert _same(g, _uncached(s, x, y)) and not hasattr(g, "other")
    s.other = tf.Dense(1, 1)
    assert _grad(s, x, y).other == Grads(weight=None, bias=None, activation=None)
    s.layer = tf.Dense(3, 2, tf.relu)
    assert _same(_grad(s, x, y), _uncached(s, x, y))


def test_training_with_the_cache_matches_training_without() -> None:
    tf.seed(9)
    a = tf.Chain(tf.Dense(3, 8, tf.relu), tf.Dense(8, 2))
    b = tf.Chain(tf.Dense(3, 8, tf.relu), tf.Dense(8, 2))
    for (_, pa), (_, pb) in zip(tf.named_params(a), tf.named_params(b)):
        pb.data[...] = pa.data
    x, y = _batch()
    sa, sb = tf.setup(tf.Adam(0.01), a), tf.setup(tf.Adam(0.01), {"m": b})
    losses_a: List[float] = []
    for _ in range(5):
        va, ga = tf.withgradient(lambda m: _loss(m, x, y), a)
        tf.update(sa, a, ga[0])
        vb, gb = tf.withgradient(lambda d: _loss(d["m"], x, y), {"m": b})
        tf.update(sb, {"m": b}, gb[0])
        assert va.item() == vb.item()
        losses_a.append(va.item())
    assert losses_a[-1] < losses_a[0]
    for (_, pa), (_, pb) in zip(tf.named_params(a), tf.named_params(b)):
        np.testing.assert_array_equal(pa.data, pb.data)


class Holder:
    """An object holding parameters in a dict (digit keys too), a list and an attribute."""

    def __init__(self) -> None:
        self.table = {"enc": tf.Dense(2, 2), "7": tf.Dense(2, 1), "007": tf.ones(3)}
        self.items = [tf.ones(2), [tf.zeros(1), tf.Dense(1, 1)]]
        self.w = tf.ones(1)


def test_pick_finds_what_walk_with_finds() -> None:
    h = Holder()
    plan = plan_of(h)
    assert plan is not None
    mirrors = [
        tree.mirror(h, lambda t, tr: tf.tensor(t.numpy() + 1.0)),
        tree.mirror(h, lambda t, tr: None),
        None,
        {"table": {"enc": {"weight": 5}}, "items": [[0, 1], [2, [3, 4]]], "w": 9},  # plain dicts
        Grads(table={"7": Grads(bias=3)}, items=(1,)),  # partial
        Grads(table=(1, 2), items="xy"),  # wrong kinds: nothing found, no error
    ]
    for m in mirrors:
        want = {name: e for name, _, _, e in tree.walk_with(h, m)}
        got = plan.pick(m)
        assert [n for n, _, _ in plan.params] == [n for n, _ in tf.named_params(h)]
        for (name, _, _), e in zip(plan.params, got):
            assert e is want[name], (name, e, want[name])


class Marked:
    """A model whose frozen mark is a class default (as Chain's is)."""

    _frozen: Any = None

    def __init__(self) -> None:
        self.layer = tf.Dense(3, 2)

    def __call__(self, x: Any) -> Any:
        return self.layer(x)


def test_a_changed_class_default_mark_is_seen() -> None:
    m = Marked()
    x, y = _batch()
    assert _grad(m, x, y).layer.weight is not None
    try:
        Marked._frozen = True
        assert _grad(m, x, y).layer.weight is None
        Marked._frozen = set()
        assert _grad(m, x, y).layer.weight is not None
        Marked._frozen.add("layer")  # a class default changed in place
        assert _grad(m, x, y).layer.weight is None
    finally:
        Marked._frozen = None
    assert _same(_grad(m, x, y), _uncached(m, x, y))


class NoWeakref:
    """A slotted model that takes no weak references: walked every time, not cached."""

    __slots__ = ("layer",)

    def __init__(self) -> None:
        self.layer = tf.Dense(3, 2)

    def __call__(self, x: Any) -> Any:
        return self.layer(x)


def test_objects_without_weak_references_take_the_general_walk() -> None:
    m = NoWeakref()
    x, y = _batch()
    assert plan_of(m) is None
    g = _grad(m, x, y)
    assert _same(g, _uncached(m, x, y))
    st = tf.setup(tf.Descent(1.0), m)
    w = m.layer.weight.numpy().copy()
    tf.update(st, m, g)
    np.testing.assert_allclose(m.layer.weight.numpy(), w - g.layer.weight.numpy(), rtol=1e-6)


class Counting(Model):
    """A model that keeps non-tensor state in attributes (a call count, the last input size)."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0
        self.last = "none"

    def __call__(self, x: Any) -> Any:
        self.calls += 1
        self.last = f"{x.shape[0]} rows"
        return super().__call__(x)


def test_leaf_attributes_that_change_keep_the_plan() -> None:
    tf.seed(4)
    m = Counting()
    x, y = _batch()
    st = tf.setup(tf.Descent(0.1), m)
    _grad(m, x, y)
    plan = plan_of(m)
    for _ in range(3):
        g = _grad(m, x, y)
        tf.update(st, m, g)
    assert plan_of(m) is plan and m.calls == 4
    assert _same(_grad(m, x, y), _uncached(m, x, y))


def test_a_leaf_attribute_that_becomes_a_tensor_makes_a_new_plan() -> None:
    m, x, y = _setup()
    m.note = 0  # type: ignore[attr-defined]
    plan = plan_of(m)
    m.note = 1.5  # type: ignore[attr-defined]
    assert plan_of(m) is plan
    m.note = tf.tensor(2.0)  # type: ignore[attr-defined]
    assert plan_of(m) is not plan
    g = tf.gradient(lambda m: _loss(m, x, y) * m.note, m)[0]
    u = tf.gradient(lambda d: _loss(d["m"], x, y) * d["m"].note, {"m": m})[0]["m"]
    assert g.note is not None and _same(g, u)
    assert g.note.item() == pytest.approx(_loss(m, x, y).item())


def test_freezing_is_never_taken_for_a_leaf_change() -> None:
    # _frozen goes from None to True (both leaves): the plan must still change.
    m, x, y = _setup()
    tf.freeze(m.head)
    tf.thaw(m.head)  # the head now has a _frozen attribute holding a leaf value (None)
    assert _grad(m, x, y).head.weight is not None  # (the first call adds the layers' memos)
    plan = plan_of(m)
    assert plan_of(m) is plan
    tf.freeze(m.head)  # the same attribute, another leaf value
    assert plan_of(m) is not plan
    assert _same(_grad(m, x, y), _uncached(m, x, y))
    g = _grad(m, x, y)
    assert g.head is None or g.head.weight is None


class Growing(Model):
    """A model whose walk changes every call: a list attribute that grows."""

    def __init__(self) -> None:
        super().__init__()
        self.history: List[float] = []

    def __call__(self, x: Any) -> Any:
        self.history.append(1.0)
        return super().__call__(x)


def test_a_model_whose_walk_keeps_changing_is_walked_every_time() -> None:
    tf.seed(4)
    m = Growing()
    x, y = _batch()
    st = tf.setup(tf.Descent(0.1), m)
    for _ in range(plans._REMAKE_LIMIT + 2):
        tf.update(st, m, _grad(m, x, y))
    assert plan_of(m) is None  # given up: making a plan costs more than one walk
    before = m.head.weight.numpy().copy()
    g = _grad(m, x, y)
    assert len(g.history) == len(m.history) - 1  # the walk before f ran, as always
    u = _uncached(m, x, y)
    assert _same((g.body, g.head, g.scale), (u.body, u.head, u.scale))
    tf.update(st, m, g)
    np.testing.assert_allclose(m.head.weight.numpy(), before - 0.1 * g.head.weight.numpy(),
                               rtol=1e-6)


class Other(Model):
    """A class for a model object to be moved to (``obj.__class__ = Other``)."""


def _edits() -> List[Any]:
    # (name, edit of a Counting model, what valid() must say after it)
    def reorder(m: Any) -> None:
        w = m.head.weight
        del m.head.weight
        m.head.weight = w  # the same attributes and values, in another order

    def retype_int_tensor(m: Any) -> None:
        m.ids.data = m.ids.data.astype(np.float32)

    return [
        ("nothing", lambda m: None, True),
        ("a leaf of the same class", lambda m: setattr(m, "calls", m.calls + 1), True),
        ("a leaf of another class", lambda m: setattr(m, "calls", 2.5), True),
        ("a string leaf", lambda m: setattr(m, "last", "two rows"), True),
        ("a replaced tensor", lambda m: setattr(m.head, "weight", tf.ones(2, 4)), False),
        ("a replaced layer", lambda m: setattr(m, "head", tf.Dense(4, 2)), False),
        ("a leaf that becomes a tensor", lambda m: setattr(m, "calls", tf.tensor(1.0)), False),
        ("a new attribute", lambda m: setattr(m.head, "extra", 1), False),
        ("attributes reordered", reorder, False),
        ("another class", lambda m: setattr(m, "__class__", Other), False),
        ("a list item", lambda m: m.body.append(tf.Dense(4, 4)), False),
        ("frozen", lambda m: tf.freeze(m.head), False),
        ("an integer tensor made float", retype_int_tensor, False),
    ]


@pytest.mark.parametrize("name,edit,expected", _edits(), ids=[e[0] for e in _edits()])
def test_the_generated_check_agrees_with_the_loop(name: str, edit: Any, expected: bool) -> None:
    # valid()'s generated check (Plan._same) may only say True where its loop would, and it
    # says True for every edit that keeps the plan, except a leaf changing class (the loop
    # accepts that, and valid() uses the loop from then on).
    tf.seed(4)
    m = Counting()
    m.ids = tf.tensor(np.arange(3))  # type: ignore[attr-defined]
    x, _ = _batch()
    m(x)  # the layers' memos exist, as after a first step
    fast, loop = plans.Plan(m), plans.Plan(m)
    assert fast._same is not None and fast._same(m)
    loop._same = None
    edit(m)
    assert loop.valid(m) is expected, name
    same = fast._same(m)
    assert same is (expected and name != "a leaf of another class"), name
    assert fast.valid(m) is expected
    assert (fast._same is None) is (name == "a leaf of another class")
