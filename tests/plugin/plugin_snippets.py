"""Small programs the plugin tests type-check (one mypy run for all, see conftest.py)."""

from __future__ import annotations

from typing import Dict

SNIPPETS: Dict[str, str] = {
    # Inferred containers of layers given to, returned as and assigned to declared ones whose
    # sizes are int (any size) or the same literal: clean. A literal size that differs keeps
    # mypy's invariance error (tests/plugin/test_literal_sizes.py).
    "literal_sizes_declared": """
        from typing import Dict, List, Literal, Optional
        from typedflux import Dense

        def run(heads: Dict[str, Dense[int, int]]) -> None: ...
        def run_opt(layers: Optional[List[Dense[int, int]]]) -> None: ...
        def run_in8(layers: List[Dense[Literal[8], int]]) -> None: ...
        def run_in16(layers: List[Dense[Literal[16], int]]) -> None: ...
        def make() -> List[Dense[int, int]]:
            blocks = [Dense(8, 8) for _ in range(3)]
            return blocks
        heads = {"a": Dense(8, 2), "b": Dense(8, 4)}
        run(heads)
        layers = [Dense(8, 2)]
        run_opt(layers)
        run_in8(layers)
        kept: List[Dense[int, int]] = layers
        run_in16(layers)
        names: List[str] = [1]
    """,
    # A rule that blows up must become a note; mypy carries on with the unrefined type.
    "internal_failure": """
        import typedflux as tf
        y = tf.softplus(tf.zeros(2, 3))
        reveal_type(y)
        z = tf.zeros(2, 3) @ tf.zeros(4, 5)
    """,
    "losses": """
        import typedflux as tf
        from typedflux.losses import mse
        reveal_type(mse(tf.zeros(3, 2), tf.ones(3, 2)))
        bad = tf.losses.mse(tf.zeros(3, 1), tf.ones(3))
    """,
    "ignored": """
        import typedflux as tf
        a = tf.zeros(2, 3) @ tf.zeros(4, 5)  # type: ignore[shape]
    """,
    "disabled": """
        # mypy: disable-error-code="shape"
        import typedflux as tf
        a = tf.zeros(2, 3) @ tf.zeros(4, 5)
    """,
    "annotation_code": """
        from typing import TypeVar
        from typedflux import Tensor
        B = TypeVar("B", bound=int)
        def f(x: Tensor[B, "784"]) -> None: ...
    """,
    # Correct code a user would write: with the plugin it must stay clean.
    "realistic": """
        from typing import Any, List, Tuple, TypeVar
        import typedflux as tf
        from typedflux import Chain, Dense, Tensor, relu

        B = TypeVar("B", bound=int)
        N = TypeVar("N", bound=int)

        def mlp(x: Tensor[B, 784], w1: Tensor[784, 32], w2: Tensor[32, 10]) -> Tensor[B, 10]:
            h = tf.relu(x @ w1)
            return tf.softmax(h @ w2, axis=-1)

        def centre(x: Tensor[B, N]) -> Tensor[B, N]:
            return x - x.mean(axis=0, keepdims=True)

        def flatten(x: Tensor[B, 28, 28]) -> Tensor[B, 784]:
            return x.reshape(x.shape[0], -1)

        def batches(n: int) -> List[Tuple[Any, Any]]:
            out = []
            for i in range(n):
                xb = tf.randn(16, 28, 28)
                yb = tf.zeros(16, 10)
                out.append((flatten(xb), yb))
            return out

        model = Chain(Dense(784, 32, relu), Dense(32, 10))
        w1, w2 = tf.randn(784, 32), tf.randn(32, 10)
        for xb, yb in batches(2):
            p = mlp(xb, w1, w2)
            q = model(xb)
            loss = ((p - yb) ** 2).mean() + ((q - yb) ** 2).sum() / 16
            loss.item()
        stacked = tf.stack([tf.zeros(3), tf.ones(3)])
        joined = tf.concat([tf.zeros(2, 3), tf.zeros(2, 5)], axis=-1)
        parts = [tf.zeros(2, 3), tf.zeros(4, 3)]
        rows = tf.concat(parts, axis=0)
        scalar = tf.zeros(4).sum()
        err = tf.losses.mse(tf.zeros(3, 2), tf.ones(3, 2)) + tf.losses.logitcrossentropy(p, yb)
        scaled = 2 * centre(tf.randn(5, 7)) / 3.0 + 1
        pick = joined[:, 2:5].T @ tf.ones(2)
        q, k, v = tf.split(tf.zeros(2, 5, 96), (32, 32, 32))
        q, k = tf.ones(2, 5, 8), tf.ones(2, 7, 8)  # names rebound to new shapes: not a boundary
        xs = [tf.zeros(3, 4)]
        xs = [tf.zeros(5, 6)]
    """,
    # Odd calls the plugin cannot read must be silent and must not fail.
    "odd": """
        from typing import Any
        import typedflux as tf
        dims = (2, 3)
        a = tf.zeros(*dims)
        b = a.reshape(*dims)
        idx: Any = [0, 1]
        c = a[idx]
        d = a.sum(axis=int("1"))
        e = tf.concat([a] * 3)
        f = a.transpose(*[1, 0])
        g = tf.where(a > 0, 1.0, a)
        h = tf.arange(3.5)
        k = (lambda t: t @ t.T)(a)
        m = tf.zeros(3) + tf.zeros(3)[None]
        n = tf.zeros(2, 3).reshape(-1)
        ragged = tf.tensor([[1.0, 2.0], [3.0]])
        empty = tf.tensor([]) @ tf.zeros(3)
    """,
    # Every annotation boundary, each silenced by its own code (an unused ignore is an error).
    "ignored_boundaries": """
        # mypy: warn-unused-ignores
        from typing import Dict, Iterator, List, TypeVar, overload
        import typedflux as tf
        from typedflux import Dense, Tensor

        B = TypeVar("B", bound=int)

        def f(x: Tensor[B, 784], **kw: Tensor[B, 10]) -> Tensor[B, 10]:
            return x[:, :9]  # type: ignore[shape]

        def g(x: Tensor[B, 784]) -> Iterator[Tensor[B, 10]]:
            yield x[:, :9]  # type: ignore[shape]

        def h(x: Tensor[B, 784]) -> Tensor[B, 10]:
            y = Dense(784, 9)(x)
            return y  # type: ignore[shape]

        @overload
        def k(x: Tensor[B, 3]) -> Tensor[B]: ...
        @overload
        def k(x: Tensor[B, 4]) -> Tensor[B]: ...
        def k(x: Tensor) -> Tensor:
            return x.sum(axis=1)

        class M:
            w: Tensor[10, 784]

            def __init__(self) -> None:
                self.w = tf.zeros(784, 10)  # type: ignore[shape]

        a: Tensor[3, 4] = tf.zeros(3, 5)  # type: ignore[shape]
        xs: List[Tensor[3, 4]] = [tf.zeros(3, 5)]  # type: ignore[shape]
        d: Dict[str, Tensor[3, 4]] = {"a": tf.zeros(3, 5)}  # type: ignore[shape]
        f(tf.zeros(2, 700))  # type: ignore[shape]
        f(tf.zeros(2, 784), extra=tf.zeros(2, 9))  # type: ignore[shape]
        k(tf.zeros(2, 5))  # type: ignore[shape]
    """,
    "disabled_boundaries": """
        # mypy: disable-error-code="shape"
        from typing import Iterator, TypeVar
        import typedflux as tf
        from typedflux import Tensor

        B = TypeVar("B", bound=int)

        def f(x: Tensor[B, 784], **kw: Tensor[B, 10]) -> Tensor[B, 10]:
            return x[:, :9]

        def g(x: Tensor[B, 784]) -> Iterator[Tensor[B, 10]]:
            y = x[:, :9]
            yield y

        a: Tensor[3, 4] = tf.zeros(3, 5)
        f(tf.zeros(2, 784), extra=tf.zeros(2, 9))
    """,
    # Boundaries mypy's plugin API gives no hook for: a bare name returned (a parameter,
    # here), and a number on the left of an operator. mypy's own errors, reworded
    # (callbacks/reworded.py).
    "bare_name": """
        from typing import TypeVar
        from typedflux import Tensor

        B = TypeVar("B", bound=int)

        def widen(x: Tensor[B, 32]) -> Tensor[B, 64]:
            return x
    """,
    "number_on_the_left": """
        from typing import TypeVar
        from typedflux import Tensor

        B = TypeVar("B", bound=int)

        def doubled(x: Tensor[B, 32]) -> Tensor[B, 64]:
            return 2 * x
    """,
    # Known limits (docs/errors.md): a number on the left as a list item, a bare name as a
    # dict value, and a name whose type came from no annotation nor hook. mypy's own errors
    # stay.
    "dict_value": """
        from typing import Dict, TypeVar
        from typedflux import Tensor

        B = TypeVar("B", bound=int)

        def named(x: Tensor[B, 32]) -> Dict[str, Tensor[B, 64]]:
            return {"h": x}
    """,
    "list_operator": """
        from typing import List, TypeVar
        from typedflux import Tensor

        B = TypeVar("B", bound=int)

        def widen(x: Tensor[B, 32]) -> List[Tensor[B, 64]]:
            return [2 * x]
    """,
    "known_limit_join": """
        from typing import List, TypeVar
        from typedflux import Tensor

        T = TypeVar("T")

        def pick(xs: List[T], y: T) -> T:
            return y

        def chosen(x: Tensor[4, 32], y: Tensor[4, 16]) -> Tensor[4, 64]:
            return pick([x], y)
    """,
    "untracked_name": """
        import typedflux as tf
        from typedflux import Tensor

        def make() -> Tensor[4, 32]:
            hs = [tf.zeros(4, 64)]
            h = next(iter(hs))
            return h
    """,
    # A bare name returned from a coroutine (reworded against the coroutine's result type).
    "async_bare_return": """
        from typing import TypeVar
        from typedflux import Dense, Tensor

        B = TypeVar("B", bound=int)

        async def fetched(x: Tensor[B, 64]) -> Tensor[B, 32]:
            return x

        async def fetched_fixed(x: Tensor[B, 64]) -> Tensor[B, 32]:
            return Dense(64, 32)(x)

        async def kept(x: Tensor[B, 64]) -> Tensor[B, 64]:
            return x
    """,
    # A container given to a generic function whose type variable mypy would infer from the
    # annotation (callbacks/generic_context.py), and a function passed where a Callable of
    # other shapes is expected: both [shape] errors.
    "generic_inference": """
        from typing import Sequence, TypeVar
        import typedflux as tf
        from typedflux import Tensor

        T = TypeVar("T")

        def first(xs: Sequence[T]) -> T:
            return xs[0]

        a: Tensor[3, 5] = first([tf.zeros(3, 4)])
    """,
    "unhandled_callable_argument": """
        from typing import Callable, TypeVar
        import typedflux as tf
        from typedflux import Tensor

        B = TypeVar("B", bound=int)

        def apply(f: Callable[[Tensor[B, 4]], Tensor[B, 8]], x: Tensor[B, 4]) -> Tensor[B, 8]:
            return f(x)

        def widen(x: Tensor[B, 4]) -> Tensor[B, 9]:
            return tf.concat([x, x, x[:, :1]], axis=1)

        apply(widen, tf.zeros(2, 4))
    """,
    # Weight surgery (mypy_plugin/callbacks/resized_layers.py): layers grown after they are
    # built have unknown sizes, so these correct programs are clean and run
    # (tests/plugin/test_resized_layers.py).
    "resized_layers": """
        import typedflux as tf
        from typedflux import Dense, Upsample

        head = Dense(8, 4)
        head.weight = tf.cat(head.weight, tf.randn(2, 8), axis=0)
        head.bias = tf.cat(tf.zeros(4), tf.zeros(2), axis=0)
        loss = tf.losses.logitcrossentropy(head(tf.randn(3, 8)), tf.onehot([0, 5, 1], 6))

        class Incremental:
            def __init__(self) -> None:
                self.body = Dense(8, 8)
                self.head = Dense(8, 4)

            def add_classes(self, n: int) -> None:
                self.head.weight = tf.cat(self.head.weight, tf.randn(n, 8), axis=0)
                self.head.bias = tf.zeros(4 + n)

            def __call__(self, x: tf.Tensor) -> tf.Tensor:
                return self.head(self.body(x))

        m = Incremental()
        m.add_classes(2)
        loss2 = tf.losses.logitcrossentropy(m(tf.randn(3, 8)), tf.onehot([0, 5, 1], 6))

        def widen(layer: Dense, n: int) -> None:
            layer.weight = tf.cat(layer.weight, tf.randn(n, 8), axis=0)
            layer.bias = tf.zeros(layer.weight.shape[0])

        fc = Dense(8, 4)
        widen(fc, 2)
        y = fc(tf.randn(3, 8)) + tf.zeros(3, 6)

        model = tf.Chain(Dense(8, 16, tf.relu), Dense(16, 4))
        model.layers[1].weight = tf.cat(model.layers[1].weight, tf.randn(2, 16), axis=0)
        model.layers[1].bias = tf.zeros(6)
        out = model(tf.randn(3, 8)) + tf.zeros(3, 6)

        up = Upsample(size=(8, 8))
        up.size = (16, 16)
        u = tf.cat(up(tf.randn(1, 3, 4, 4)), tf.zeros(1, 3, 16, 16), axis=1)
    """,
    # ... and layers only tied, or only written into, keep their sizes: each call below is
    # still an error (the test runs each at run time too).
    "resized_layers_kept": """
        import typedflux as tf
        from typedflux import Dense, Embedding

        kept = Dense(8, 4)
        kept.weight.data[...] = 0.0
        a = kept(tf.randn(3, 6))
        emb = Embedding(10, 8)
        tied = Dense(8, 10)
        tied.weight = emb.weight
        b = tied(tf.randn(3, 6))
    """,
    # Arguments of library calls no hook checks, checked through the argument's own hook
    # (callbacks/reworded_arguments.py): a dataclass field's default, dataclasses.replace; a
    # bare name there keeps mypy's words; the fixed lines are clean.
    "unhooked_arguments": """
        import dataclasses
        from dataclasses import dataclass, field

        import typedflux as tf
        from typedflux import Tensor

        @dataclass
        class State:
            h: Tensor[2, 16] = field(default=tf.zeros(2, 8))
            c: Tensor[2, 16] = field(default=tf.zeros(2, 16))

        s = dataclasses.replace(State(), h=tf.zeros(2, 4))
        t = dataclasses.replace(State(), h=tf.zeros(2, 16))
        wrong = tf.zeros(2, 5)
        u = dataclasses.replace(State(), c=wrong)
    """,
    # A comprehension at a boundary: its element is checked against the item type
    # (callbacks/boundary_index.py); the fixed forms are clean.
    "comprehension_boundaries": """
        from typing import Dict, Iterator, List, Set, TypeVar

        import typedflux as tf
        from typedflux import Dense, Tensor

        B = TypeVar("B", bound=int)


        def heads(x: Tensor[B, 8]) -> List[Tensor[B, 4]]:
            return [Dense(8, 3)(x) for _ in range(2)]


        def named(x: Tensor[B, 8]) -> Dict[str, Tensor[B, 4]]:
            return {str(i): Dense(8, 3)(x) for i in range(2)}


        def stream(x: Tensor[B, 8]) -> Iterator[Tensor[B, 4]]:
            return (Dense(8, 5)(x) for _ in range(2))


        def uniq(x: Tensor[B, 8]) -> Set[Tensor[B, 4]]:
            return {Dense(8, 6)(x) for _ in range(2)}


        ys: List[Tensor[3, 4]] = [tf.zeros(3, 2) for _ in range(2)]


        def heads_fixed(x: Tensor[B, 8]) -> List[Tensor[B, 4]]:
            return [Dense(8, 4)(x) for _ in range(2)]


        def named_fixed(x: Tensor[B, 8]) -> Dict[str, Tensor[B, 4]]:
            return {str(i): Dense(8, 4)(x) for i in range(2)}


        def stream_fixed(x: Tensor[B, 8]) -> Iterator[Tensor[B, 4]]:
            return (Dense(8, 4)(x) for _ in range(2))


        zs: List[Tensor[3, 4]] = [tf.zeros(3, 4) for _ in range(2)]
    """,
    # Arguments of a callable read from a container (mypy names no callee) and items of a
    # TypedDict built by calling it (callbacks/reworded_arguments.py): static only.
    "unnamed_callees": """
        from typing import Callable, Dict, TypedDict

        import typedflux as tf
        from typedflux import Tensor


        def f(x: Tensor[2, 4]) -> Tensor[2, 4]:
            return x


        class Net:
            def __init__(self) -> None:
                self.table: Dict[str, Callable[[Tensor[2, 4]], Tensor[2, 4]]] = {"f": f}

            def __call__(self) -> None:
                self.table["f"](tf.zeros(2, 7))
                self.table["f"](tf.zeros(2, 4))


        class State(TypedDict):
            h: Tensor[2, 16]


        bad = State(h=tf.zeros(2, 9))
        good = State(h=tf.zeros(2, 16))
        wrong = tf.zeros(2, 9)
        kept = State(h=wrong)
    """,
    # A generator, comprehension or display given to tuple()/set()/list() at a boundary
    # (callbacks/boundary_index.py): static only (tests/plugin/test_comprehension_boundaries.py).
    "container_generators": """
        from typing import List, Set, Tuple, TypeVar

        import typedflux as tf
        from typedflux import Tensor

        B = TypeVar("B", bound=int)
        N = TypeVar("N", bound=int)


        def shifted(x: Tensor[B, N]) -> Tuple[Tensor[B, N], ...]:
            return tuple(x[:, 1:] for _ in range(2))


        def listed(x: Tensor[B, N]) -> List[Tensor[B, N]]:
            return list([x[:, 1:] for _ in range(2)])


        def pair(x: Tensor[4, 8]) -> Tuple[Tensor[4, 8], ...]:
            return tuple([x, x[:, 2:]])


        ss: Set[Tensor[3, 4]] = set(tf.zeros(3, 2) for _ in range(2))


        def shifted_fixed(x: Tensor[B, N]) -> Tuple[Tensor[B, N], ...]:
            return tuple(x for _ in range(2))


        def pair_fixed(x: Tensor[4, 8]) -> Tuple[Tensor[4, 8], ...]:
            return tuple([x, x])


        ts: Set[Tensor[3, 4]] = set(tf.zeros(3, 4) for _ in range(2))
    """,
}
