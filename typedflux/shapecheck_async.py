"""``@tf.shapecheck`` on ``async def`` functions and async generators.

A coroutine function's return value exists only once the coroutine is awaited, and an async
generator's items only as it is iterated: the plain wrapper would see a coroutine or an async
generator object, which is not a tensor, and check nothing. These wrappers check the awaited
value and each item yielded, with the same bindings and words as for a plain function
(an ``async def`` stays a coroutine function, whose arguments are checked when the
coroutine starts; an async generator's are checked at the call).

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
from typing import Any, AsyncIterator, Awaitable, Callable, List, Tuple

from typedflux.shapes.bind import Bindings
from typedflux.shapes.errors import ShapeError

__all__ = ["checked_coroutine", "checked_async_items", "still_async"]

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


async def checked_async_items(
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
    try:
        item = await gen.__anext__()
        while True:
            try:
                check(fresh(env), fixed, "yielded value", patterns, item)
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


def still_async(fn: Callable[..., Any], checked: Callable[..., Any]) -> Callable[..., Any]:
    """``checked`` (shapecheck's wrapper of ``fn``), as a coroutine function when ``fn`` is
    one: whoever asks (``inspect.iscoroutinefunction``: a web framework awaits such an
    endpoint rather than calling it in a thread) still sees an ``async def``; its
    arguments are checked when the coroutine starts, as Python binds them.

    >>> async def f() -> int:
    ...     return 1
    >>> inspect.iscoroutinefunction(still_async(f, f)), still_async(len, len) is len
    (True, True)
    """
    if not inspect.iscoroutinefunction(fn):
        return checked

    @functools.wraps(fn)
    async def checked_async(*args: Any, **kwargs: Any) -> Any:
        return await checked(*args, **kwargs)

    return checked_async
