"""``@tf.shapecheck`` on ``async def`` functions and async generators.

A coroutine function's return value exists only once the coroutine is awaited, and an async
generator's items only as it is iterated: the plain wrapper would see a coroutine or an async
generator object, which is not a tensor, and check nothing. These wrappers check the awaited
value and each item yielded, with the same bindings and words as for a plain function.
The decorated function stays of its kind (:func:`same_kind`): an ``async def`` a coroutine
function, an async generator function or a generator function one of those, whose
arguments are checked when the coroutine or generator starts, as Python binds them.

>>> import asyncio
>>> import typedflux as tf
>>> from typedflux import Tensor
>>> @tf.shapecheck
... async def halve(x: Tensor["B", 4]) -> Tensor["B", 2]:
...     return x[:, :3]
>>> asyncio.run(halve(tf.ones(5, 4)))
Traceback (most recent call last):
...
typedflux.shapes.errors.ShapeError: Return shape Tensor[5, 3] does not match the annotation Tensor[B, 2]: axis 1 is 3, expected 2
  B=5
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, AsyncIterator, Awaitable, Callable, Generator, List, Optional, Tuple, cast

from typedflux.shapes.bind import Bindings
from typedflux.shapes.errors import ShapeError

__all__ = ["checked_coroutine", "checked_async_items", "same_kind"]

# (bindings, fixed bindings, the _Checked spec) of each signature a call is checked against.
Checks = List[Tuple[Bindings, Bindings, Any]]


async def checked_coroutine(
    awaitable: Awaitable[Any], checks: Checks, check: Callable[..., None]
) -> Any:
    """Await ``awaitable`` and check its value as a return value against every signature
    in ``checks`` (``check`` is shapecheck's result check).

    >>> import asyncio
    >>> async def two() -> int:
    ...     return 2
    >>> asyncio.run(checked_coroutine(two(), [], print))
    2
    """
    result = await awaitable
    for env, fixed, spec in checks:
        check(env, fixed, "return value", spec.result, result)
    return result


def checked_async_items(
    gen: Any, env: Bindings, fixed: Bindings, patterns: Any,
    check: Callable[..., None], fresh: Callable[[Bindings], Bindings],
) -> AsyncIterator[Any]:
    """Run async generator ``gen``, checking each yielded value against ``patterns`` with
    bindings fresh for each item (a last, smaller batch binds nothing for the next); a
    mismatch is raised inside ``gen``, at the ``yield`` the value came from.

    >>> import asyncio
    >>> async def count():
    ...     yield 1
    ...     yield 2
    >>> async def items():
    ...     return [v async for v in checked_async_items(count(), None, None, (), lambda *a: None, id)]
    >>> asyncio.run(items())
    [1, 2]
    """

    def item_check(item: Any) -> None:
        check(fresh(env), fixed, "yielded value", patterns, item)

    return cast(AsyncIterator[Any], _relay(checked_async_items, lambda: (gen, item_check))())


def _relay(like: Callable[..., Any], start: Callable[..., Tuple[Any, Optional[Callable[[Any], None]]]]
           ) -> Callable[..., Any]:
    """An async generator function (wrapping ``like``) whose calls run ``start`` on their
    arguments, for an async generator and a check of each item (or None), and yield what
    that generator yields: values sent, exceptions thrown and closing are passed on, and a
    ``ShapeError`` from the check is thrown into the generator at its ``yield``."""

    @functools.wraps(like)
    async def relayed(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        gen, check_item = start(*args, **kwargs)
        try:
            item = await gen.__anext__()
            while True:
                if check_item is not None:
                    try:
                        check_item(item)
                    except ShapeError as err:
                        item = await gen.athrow(err)
                        continue
                try:
                    sent = yield item
                except GeneratorExit:
                    raise
                except BaseException as exc:  # forwarded to the generator, as a plain one does
                    item = await gen.athrow(exc)
                else:
                    item = await gen.asend(sent)
        except StopAsyncIteration:
            return
        finally:
            await gen.aclose()

    return relayed


def same_kind(fn: Callable[..., Any], checked: Callable[..., Any]) -> Callable[..., Any]:
    """``checked`` (shapecheck's wrapper of ``fn``), of ``fn``'s kind: a coroutine function,
    an async generator function or a generator function when ``fn`` is one. Whoever asks
    (``inspect.iscoroutinefunction``: a web framework awaits such an endpoint rather than
    calling it in a thread; ``inspect.isasyncgenfunction``/``isgeneratorfunction``: a
    dependency or fixture written with ``yield`` is run as a context) still sees what was
    written; the arguments are checked when the coroutine or generator starts, as Python
    binds them.

    >>> async def f() -> int:
    ...     return 1
    >>> async def g():
    ...     yield 1
    >>> def h():
    ...     yield 1
    >>> inspect.iscoroutinefunction(same_kind(f, f)), same_kind(len, len) is len
    (True, True)
    >>> inspect.isasyncgenfunction(same_kind(g, g)), inspect.isgeneratorfunction(same_kind(h, h))
    (True, True)
    """
    if inspect.iscoroutinefunction(fn):

        @functools.wraps(fn)
        async def checked_async(*args: Any, **kwargs: Any) -> Any:
            return await checked(*args, **kwargs)

        return checked_async
    if inspect.isasyncgenfunction(fn):
        return _relay(fn, lambda *args, **kwargs: (checked(*args, **kwargs), None))
    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def checked_gen(*args: Any, **kwargs: Any) -> Generator[Any, Any, Any]:
            result = yield from checked(*args, **kwargs)  # sent values, thrown, closed: passed on
            return result

        return checked_gen
    return checked
