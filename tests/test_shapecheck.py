"""``@tf.shapecheck``: run-time enforcement of Tensor annotations, with per-call bindings."""

from __future__ import annotations

import inspect
import textwrap
import traceback
from typing import (
    Any, AsyncGenerator, AsyncIterator, Dict, Generator, Generic, Iterator, List, Literal, Optional, Tuple,
    TypeVar,
)

import pytest
from typing_extensions import TypeVarTuple, Unpack, overload

import typedflux as tf
from typedflux import ShapeError, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
Bs = TypeVarTuple("Bs")


@tf.shapecheck
def project(x: Tensor[B, 784], w: Tensor[784, N]) -> Tensor[B, N]:
    return x @ w


def test_arguments_bind_and_pass() -> None:
    assert project(tf.zeros(5, 784), tf.zeros(784, 10)).shape == (5, 10)


def test_argument_mismatch_names_argument_annotation_shape() -> None:
    with pytest.raises(ShapeError) as err:
        project(tf.zeros(5, 784), tf.zeros(700, 10))
    assert str(err.value) == (
        'Argument "w" of "project" has shape Tensor[700, 10], which does not match the '
        "annotation Tensor[784, N]: axis 0 is 700, expected 784\n  B=5"
    )


@tf.shapecheck
def wrong_return(x: Tensor[B, N]) -> Tensor[N, B]:
    return x


def test_return_value_is_checked_with_bindings_in_note() -> None:
    assert wrong_return(tf.zeros(3, 3)).shape == (3, 3)
    with pytest.raises(ShapeError) as err:
        wrong_return(tf.zeros(2, 3))
    # The plugin's words for a return (the annotation as written, the size it stands for).
    assert err.value.message == (
        "Return shape Tensor[2, 3] does not match the annotation Tensor[N, B]: "
        "axis 0 is 2, expected 3"
    )
    assert err.value.notes == ("B=2, N=3",)


@tf.shapecheck
def pairs(x: Tensor[B, "2*N"]) -> Tensor[B, N, 2]:
    return x.reshape(x.shape[0], -1, 2)


def test_string_dims_solve_per_call() -> None:
    assert pairs(tf.zeros(4, 6)).shape == (4, 3, 2)
    assert pairs(tf.zeros(1, 10)).shape == (1, 5, 2)  # a fresh binding per call
    with pytest.raises(ShapeError, match="annotation Tensor\\[B, 2\\*N\\]: axis 1 is 5, expected 2\\*N"):
        pairs(tf.zeros(4, 5))


@tf.shapecheck
def outer(x: Tensor[B, 784]) -> Tensor[B, 10]:
    inner = project(x[:2], tf.zeros(784, 3))  # its own B (2) and N (3)
    assert inner.shape == (2, 3)
    return project(x, tf.zeros(784, 10))


def test_nested_calls_have_their_own_bindings() -> None:
    assert outer(tf.zeros(6, 784)).shape == (6, 10)


@tf.shapecheck
def last_axis(x: Tensor[Unpack[Bs], 784]) -> Tensor[Unpack[Bs], Literal[1]]:
    return x.sum(axis=-1, keepdims=True)


def test_variadic_batch_dims() -> None:
    assert last_axis(tf.zeros(2, 3, 784)).shape == (2, 3, 1)
    assert last_axis(tf.zeros(784)).shape == (1,)
    # After the variadic dims an axis counts from the end, as the checker (seeing *Bs) says it.
    with pytest.raises(ShapeError, match="axis -1 is 5, expected 784"):
        last_axis(tf.zeros(2, 3, 5))


@tf.shapecheck
def gradual(x: Tensor[int, Any], n: int) -> Tensor[int]:
    return x.sum(axis=1)


def test_unknown_dims_are_not_checked() -> None:
    assert gradual(tf.zeros(2, 9), 3).shape == (2,)


@tf.shapecheck
def keeps_rank(x: Tensor[int, int]) -> Tensor[int]:
    return x


def test_unknown_dims_still_check_rank() -> None:
    with pytest.raises(ShapeError, match="rank is 2, expected 1"):
        keeps_rank(tf.zeros(2, 2))


class Scale:
    """A layer-like class whose ``__call__`` is checked."""

    @tf.shapecheck
    def __call__(self, x: Tensor[B, 3]) -> Tensor[B, 3]:
        return x * 2.0


def test_methods_are_checked() -> None:
    assert Scale()(tf.ones(4, 3)).shape == (4, 3)
    with pytest.raises(ShapeError, match='Argument "x" of "Scale.__call__"'):
        Scale()(tf.ones(4, 2))


def test_keeps_name_and_doc() -> None:
    assert project.__name__ == "project"
    assert project.__wrapped__.__name__ == "project"  # type: ignore[attr-defined]


@tf.shapecheck
def log_all(step: int, *xs: Tensor[B, 10], **named: Tensor[B, 10]) -> None:
    return None


def test_star_args_and_keyword_args_each_bind() -> None:
    log_all(0, tf.zeros(2, 10), tf.zeros(2, 10), probs=tf.zeros(2, 10))
    with pytest.raises(ShapeError) as err:
        log_all(0, tf.zeros(2, 10), tf.zeros(2, 11))
    assert err.value.message.startswith('Argument "xs[1]" of "log_all" has shape Tensor[2, 11]')
    with pytest.raises(ShapeError) as err:
        log_all(0, tf.zeros(2, 10), probs=tf.zeros(3, 10))
    assert err.value.message == (
        'Dim "B" differs for "log_all": argument "xs[0]" gives B = 2, argument "probs" gives '
        "B = 3; need one size for B (2 vs 3)"
    )


@tf.shapecheck
def batches(n: int) -> Iterator[Tuple[Tensor[4, 3], Tensor[4]]]:
    for i in range(n):
        yield tf.zeros(4, 3), tf.zeros(4 if i < 2 else 5)  # the third batch is wrong


def test_each_yielded_value_is_checked_at_its_yield() -> None:
    it = batches(5)
    assert [x.shape for x, _ in (next(it), next(it))] == [(4, 3), (4, 3)]
    with pytest.raises(ShapeError) as err:
        next(it)
    assert err.value.message == (
        "Yielded shape Tensor[5] (tuple item 1) does not match the annotation Tensor[4]: "
        "axis 0 is 5, expected 4"
    )
    # Raised inside the generator, at the yield the value came from.
    assert err.value.__traceback__ is not None
    last = traceback.extract_tb(err.value.__traceback__)
    assert any(f.name == "batches" and "yield" in (f.line or "") for f in last)


@tf.shapecheck
def heads(x: Tensor[B, 3], n: int) -> Tuple[Tensor[B, 3], ...]:
    return tuple(x if i < 2 else x[:, :2] for i in range(n))  # the third head is wrong


def test_every_item_of_a_variadic_tuple_result_is_checked() -> None:
    assert [h.shape for h in heads(tf.zeros(4, 3), 2)] == [(4, 3), (4, 3)]
    assert heads(tf.zeros(4, 3), 0) == ()
    with pytest.raises(ShapeError) as err:
        heads(tf.zeros(4, 3), 3)
    assert err.value.message == (
        "Return shape Tensor[4, 2] (tuple item 2) does not match the annotation Tensor[B, 3]: "
        "axis 1 is 2, expected 3"
    )


@tf.shapecheck
def sized_batches(x: Tensor[B, 3], size: int) -> Iterator[Tensor[B, 3]]:
    yield x
    yield x[:size]


def test_yields_keep_the_argument_bindings() -> None:
    assert [b.shape for b in sized_batches(tf.zeros(4, 3), 4)] == [(4, 3), (4, 3)]
    with pytest.raises(ShapeError, match="axis 0 is 2, expected 4"):
        list(sized_batches(tf.zeros(4, 3), 2))


@tf.shapecheck
def generator_with_send() -> Generator[Tensor[2], int, str]:
    got = yield tf.zeros(2)
    assert got == 7
    return "done"


def test_a_checked_generator_still_takes_sent_values_and_returns() -> None:
    gen = generator_with_send()
    assert next(gen).shape == (2,)
    with pytest.raises(StopIteration) as stop:
        gen.send(7)
    assert stop.value.value == "done"


@overload
def head(x: Tensor[B, 3]) -> Tensor[B, 1]: ...
@overload
def head(x: Tensor[B, 4]) -> Tensor[B, 2]: ...
@tf.shapecheck
def head(x: Tensor[B, int]) -> Tensor[B, int]:
    return x[:, : x.shape[1] // 2]


def test_overloads_are_checked_like_the_plugin_picks_them() -> None:
    assert head(tf.zeros(2, 4)).shape == (2, 2)
    with pytest.raises(ShapeError) as err:
        head(tf.zeros(2, 5))
    assert err.value.message == (
        'No overload of "head" takes these shapes: overload 1: argument "x" has shape '
        "Tensor[2, 5], expected Tensor[B, 3] (axis 1 is 5, expected 3); overload 2: argument "
        '"x" has shape Tensor[2, 5], expected Tensor[B, 4] (axis 1 is 5, expected 4)'
    )


@overload
@tf.shapecheck
def squeeze_first(x: Tensor[1, B]) -> Tensor[B]: ...
@overload
@tf.shapecheck
def squeeze_first(x: Tensor[1, B, 3]) -> Tensor[B, 3]: ...
@tf.shapecheck
def squeeze_first(x: Any) -> Any:
    return x[0]


def test_every_overload_item_may_be_checked_too() -> None:
    # typing.overload keys its items by their first line: each item's wrapper has its own
    # (redteam s7 fa10: they shared the wrapper's, so the second item replaced the first).
    assert squeeze_first(tf.zeros(1, 4)).shape == (4,)
    assert squeeze_first(tf.zeros(1, 4, 3)).shape == (4, 3)
    with pytest.raises(ShapeError) as err:
        squeeze_first(tf.zeros(2, 4))
    assert err.value.message.startswith('No overload of "squeeze_first" takes these shapes')


I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)


class Linear(Generic[I, O]):
    """A generic layer: its dims are fixed by its weight, as mypy reads them from its type."""

    weight: Tensor[O, I]

    def __init__(self, weight: Tensor[O, I]) -> None:
        self.weight = weight

    @tf.shapecheck
    def __call__(self, x: Tensor[B, I]) -> Tensor[B, O]:
        return x @ self.weight.T


def test_a_generic_class_binds_its_dims_from_its_annotated_attributes() -> None:
    lin = Linear(tf.zeros(10, 784))
    assert lin(tf.zeros(5, 784)).shape == (5, 10)
    with pytest.raises(ShapeError) as err:
        lin(tf.zeros(5, 700))
    # The annotation as mypy shows it for a Linear[784, 10]: the class's dims filled in.
    assert err.value.message == (
        'Argument "x" of "Linear.__call__" has shape Tensor[5, 700], which does not match the '
        "annotation Tensor[B, 784]: axis 1 is 700, expected 784"
    )


class PlainLinear(Generic[I, O]):
    """The same layer with no class-body annotation (Pyre's generic Linear): the attribute's
    type is the ``__init__`` parameter's, as mypy reads it."""

    def __init__(self, weight: Tensor[O, I], bias: Optional[Tensor[O]] = None) -> None:
        self.weight = weight
        self.scale: Tensor[O] = tf.ones(weight.shape[0])
        self.flipped = weight.T  # (not the parameter itself: no type read from it)

    @tf.shapecheck
    def __call__(self, x: Tensor[B, I]) -> Tensor[B, O]:
        return (x @ self.weight.T) * self.scale


class Masked:
    """Not generic: ``T`` of ``__init__`` is not the class's, so the mask built for the longest
    sequence does not fix the ``T`` of a call (which crops it)."""

    def __init__(self, mask: Tensor[N, N]) -> None:
        self.mask = mask

    @tf.shapecheck
    def __call__(self, x: Tensor[B, N]) -> Tensor[B, N]:
        n = x.shape[1]
        return x * self.mask[:n, :n].sum(axis=0)


def test_a_generic_class_binds_its_dims_from_what_init_assigns() -> None:
    lin = PlainLinear(tf.zeros(8, 4))
    assert lin(tf.zeros(2, 4)).shape == (2, 8)
    with pytest.raises(ShapeError) as err:
        lin(tf.zeros(2, 8))
    # mypy's words for a PlainLinear[4, 8] (not a matmul error inside the body).
    assert err.value.message == (
        'Argument "x" of "PlainLinear.__call__" has shape Tensor[2, 8], which does not match '
        "the annotation Tensor[B, 4]: axis 1 is 8, expected 4"
    )
    assert Masked(tf.ones(16, 16))(tf.zeros(2, 5)).shape == (2, 5)


@tf.shapecheck
def maybe(x: Tensor[B, 3], flip: bool) -> Optional[Tensor[B, 3]]:
    return x.T if flip else None


@tf.shapecheck
def rows(x: Tensor[B, 3]) -> List[Tensor[3]]:
    return [x[0], x[:, 0]]


def test_optional_and_list_results() -> None:
    assert maybe(tf.zeros(2, 3), False) is None
    with pytest.raises(ShapeError, match="axis 0 is 3, expected 2"):
        maybe(tf.zeros(2, 3), True)
    with pytest.raises(ShapeError, match=r"Return shape Tensor\[2\] \(list item 1\)"):
        rows(tf.zeros(2, 3))


@tf.shapecheck
def fuse(feats: List[Tensor[B, 64]], pair: Tuple[Tensor[B, 3], Tensor[B, 5]]) -> Tensor[B, 64]:
    return tf.add(*feats)


def test_tensors_in_list_and_tuple_parameters_bind_by_position() -> None:
    assert fuse([tf.zeros(2, 64)] * 3, (tf.zeros(2, 3), tf.zeros(2, 5))).shape == (2, 64)
    with pytest.raises(ShapeError) as err:
        fuse([tf.zeros(2, 64), tf.zeros(2, 32)], (tf.zeros(2, 3), tf.zeros(2, 5)))
    assert err.value.message.startswith('Argument "feats[1]" of "fuse" has shape Tensor[2, 32]')
    with pytest.raises(ShapeError, match='argument "pair\\[1\\]" gives B = 3'):
        fuse([tf.zeros(2, 64)], (tf.zeros(2, 3), tf.zeros(3, 5)))


def test_a_negative_size_in_an_annotation_reads_as_the_plugin_says() -> None:
    # tests/typecheck/case_annotations.py pins the plugin's words for the same annotation;
    # the run time said 'axis 0 is 3, expected -1' (a mismatch, as if -1 were a size).
    @tf.shapecheck
    def negative(x: Tensor[-1]) -> None: ...

    with pytest.raises(ValueError) as err:
        negative(tf.ones(3))
    assert str(err.value) == "A dim is a size and cannot be negative: got -1"


S = TypeVar("S", bound=str)
V = TypeVar("V", int, str)
U = TypeVar("U")


def test_a_typevar_bound_to_another_type_is_refused_in_the_plugin_words() -> None:
    # tests/typecheck/case_annotations.py pins the plugin's words for the same annotation;
    # the run time bound S to a size as if it were B.
    @tf.shapecheck
    def str_bound(x: Tensor[S, 3]) -> Tensor[S, 3]:
        return x

    @tf.shapecheck
    def with_values(x: Tensor[V, 3]) -> Tensor[V, 3]:
        return x

    for f, name in ((str_bound, "S"), (with_values, "V")):
        with pytest.raises(TypeError) as err:
            f(tf.ones(2, 3))
        assert str(err.value) == (
            f'Type variable "{name}" is used as a dim but is not bound to int; '
            f'declare it as {name} = TypeVar("{name}", bound=int)')

    @tf.shapecheck
    def unbounded(x: Tensor[U, 3], y: Tensor[U, 3]) -> Tensor[U, 3]:
        return x  # an unbounded TypeVar is a dim (pyright's samples), bound per call

    assert unbounded(tf.ones(2, 3), tf.ones(2, 3)).shape == (2, 3)
    with pytest.raises(ShapeError, match='Dim "U" differs'):
        unbounded(tf.ones(2, 3), tf.ones(4, 3))


def test_a_class_is_refused_rather_than_turned_into_a_function() -> None:
    class Block:
        def __call__(self, x: Tensor[B, 3]) -> Tensor[B, 3]:
            return x

    with pytest.raises(TypeError) as err:
        tf.shapecheck(Block)
    assert str(err.value) == (
        "tf.shapecheck decorates a function or method, got the class "
        "test_a_class_is_refused_rather_than_turned_into_a_function.<locals>.Block; "
        "decorate its __call__ (or the methods whose annotations should be checked)"
    )
    assert isinstance(Block, type)  # and the class itself is untouched


# -- async functions and async generators: the awaited value and each item are checked --------


@tf.shapecheck
async def async_first_half(x: Tensor[B, 4], cut: int) -> Tensor[B, 2]:
    return x[:, :cut]


def test_an_async_functions_awaited_value_is_checked() -> None:
    import asyncio

    assert asyncio.run(async_first_half(tf.ones(3, 4), 2)).shape == (3, 2)
    with pytest.raises(ShapeError) as err:
        asyncio.run(async_first_half(tf.ones(3, 4), 3))
    assert err.value.message == (
        "Return shape Tensor[3, 3] does not match the annotation Tensor[B, 2]: "
        "axis 1 is 3, expected 2"
    )
    # Still a coroutine function (a framework awaits it); its arguments are checked when
    # the coroutine starts.
    assert inspect.iscoroutinefunction(async_first_half)
    with pytest.raises(ShapeError, match="axis 1 is 5, expected 4"):
        asyncio.run(async_first_half(tf.ones(3, 5), 2))


@tf.shapecheck
async def async_batches(x: Tensor[B, 3], sizes: List[int]) -> AsyncIterator[Tensor[B, 3]]:
    for size in sizes:
        yield x[:size]


def test_each_item_of_an_async_generator_is_checked_at_its_yield() -> None:
    import asyncio

    async def take(sizes: List[int]) -> List[Tuple[int, ...]]:
        return [b.shape async for b in async_batches(tf.zeros(4, 3), sizes)]

    assert asyncio.run(take([4, 4])) == [(4, 3), (4, 3)]
    with pytest.raises(ShapeError) as err:
        asyncio.run(take([4, 2]))
    assert err.value.message == (
        "Yielded shape Tensor[2, 3] does not match the annotation Tensor[B, 3]: "
        "axis 0 is 2, expected 4"
    )
    last = traceback.extract_tb(err.value.__traceback__)
    assert any(f.name == "async_batches" and "yield" in (f.line or "") for f in last)



def test_generator_functions_stay_generator_functions() -> None:
    # A framework runs a dependency or fixture written with ``yield`` as a context when
    # inspect says it is a generator function; the arguments are checked when it starts.
    assert inspect.isasyncgenfunction(async_batches)
    assert inspect.isgeneratorfunction(sized_batches) and inspect.isgeneratorfunction(batches)
    started = sized_batches(tf.zeros(4, 5), 4)
    with pytest.raises(ShapeError, match="axis 1 is 5, expected 3"):
        next(started)

    import asyncio

    async def first() -> Tuple[int, ...]:
        async for b in async_batches(tf.zeros(4, 2), [4]):
            return b.shape
        return ()

    with pytest.raises(ShapeError, match="axis 1 is 2, expected 3"):
        asyncio.run(first())


def test_a_checked_async_generator_passes_thrown_exceptions_and_closes() -> None:
    import asyncio

    closed = []

    @tf.shapecheck
    async def guarded() -> AsyncIterator[Tensor[2]]:
        try:
            while True:
                try:
                    yield tf.zeros(2)
                except KeyError:
                    yield tf.ones(2)
        finally:
            closed.append(True)

    async def drive() -> float:
        gen = guarded()
        await gen.__anext__()
        value = (await gen.athrow(KeyError("k"))).numpy().sum()
        await gen.aclose()
        return float(value)

    assert asyncio.run(drive()) == 2.0 and closed == [True]

@tf.shapecheck
async def async_echo() -> AsyncGenerator[Tensor[2], int]:
    got = yield tf.zeros(2)
    yield tf.zeros(got)


def test_a_checked_async_generator_takes_sent_values() -> None:
    import asyncio

    async def drive(n: int) -> Tuple[int, ...]:
        gen = async_echo()
        await gen.__anext__()
        return (await gen.asend(n)).shape

    assert asyncio.run(drive(2)) == (2,)
    with pytest.raises(ShapeError, match="axis 0 is 3, expected 2"):
        asyncio.run(drive(3))


def test_an_annotation_naming_a_typevar_of_its_enclosing_function() -> None:
    # Under ``from __future__ import annotations`` an annotation is text evaluated at the
    # first call: a TypeVar made inside the enclosing function (or around a class made
    # there) is read from that function's locals as they were when decorated (it was a
    # NameError). A name neither the module nor that function holds still is one, naming
    # the annotation, the parameter, the function and the way out.
    namespace: Dict[str, Any] = {}
    exec(textwrap.dedent('''
        from __future__ import annotations
        from typing import TypeVar
        import typedflux as tf
        from typedflux import Tensor

        def make():
            N = TypeVar("N", bound=int)

            @tf.shapecheck
            def f(x: Tensor[N, 3]) -> Tensor[N, 3]:
                return x
            return f

        def make_block():
            C = TypeVar("C", bound=int)

            class Block:
                @tf.shapecheck
                def __call__(self, x: Tensor[C, 4]) -> Tensor[C, 2]:
                    return x[:, :2]
            return Block()

        def broken():
            @tf.shapecheck
            def g(x: Tensor[M, 3]) -> Tensor[M, 3]:
                return x
            return g
        '''), namespace)
    f = namespace["make"]()
    assert f(tf.ones(2, 3)).shape == (2, 3)
    with pytest.raises(ShapeError, match="axis 1 is 4, expected 3"):
        f(tf.ones(2, 4))
    assert namespace["make_block"]()(tf.ones(5, 4)).shape == (5, 2)
    words = (r"""cannot evaluate the annotation 'Tensor\[M, 3\]' of "x" of broken.<locals>.g: """
             r"name 'M' is not defined; .* must be defined there before the decorated function")
    with pytest.raises(NameError, match=words):
        namespace["broken"]()(tf.ones(2, 3))
