"""Layer calls with odd argument types: keywords, star-args, TypeVar-bound tensors, variadic
tensors, unions of layers, layers in tuples, a layer called on a subclass of Tensor."""
from typing import Any, Callable, Dict, List, Sequence, Tuple, TypeVar, Union

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Conv, Dense, GRU, LayerNorm, MultiHeadAttention, Tensor, relu

TT = TypeVar("TT", bound=tf.Tensor)
B = TypeVar("B", bound=int)
Bs = TypeVarTuple("Bs")
d = Dense(4, 4)
ln = LayerNorm(4)


def bound(x: TT) -> tf.Tensor:
    return d(x)


def variadic(x: Tensor[Unpack[Bs], 4]) -> Tensor[Unpack[Bs], 4]:
    x = d(x)
    x = ln(x)
    return x


def star_args(xs: Sequence[tf.Tensor]) -> tf.Tensor:
    return d(*xs[:1])


def either(flag: bool) -> Union[Dense, LayerNorm]:
    return d if flag else ln


def tuple_of_layers(x: Tensor[B, 4]) -> Tensor[B, 4]:
    layers = (d, ln, relu)
    for f in layers:
        x = f(x)
    return x


def dict_call(x: Tensor[B, 4], table: Dict[str, Callable[[tf.Tensor], tf.Tensor]]) -> tf.Tensor:
    return table["a"](x)


def any_tensor(x: tf.Tensor) -> tf.Tensor:
    return d(x)


def kw(x: Tensor[B, 4]) -> Tensor[B, 4]:
    return d(x=x) if False else d(x)


def reshaped(x: Tensor[B, 2, 2]) -> Tensor[B, 4]:
    x = x.reshape(x.shape[0], 4)
    x = d(x)
    return x


def chained_union(x: Tensor[B, 4], flag: bool) -> tf.Tensor:
    layer = either(flag)
    y = layer(x)
    return d(y)


def unknown_rank(x: Tensor[Unpack[Tuple[int, ...]]]) -> tf.Tensor:
    return ln(d(x))


x = tf.randn(3, 4)
print(bound(x).shape, variadic(tf.randn(2, 3, 4)).shape, star_args([x]).shape, either(True)(x).shape)
print(tuple_of_layers(x).shape, dict_call(x, {"a": relu}).shape, any_tensor(x).shape, kw(x).shape)
print(reshaped(tf.randn(3, 2, 2)).shape, chained_union(x, False).shape, unknown_rank(x).shape)
