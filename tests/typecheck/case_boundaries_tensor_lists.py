"""A user layer's loop over list attributes of tensors (DCN's cross network).

Deep & Cross keeps one kernel and one bias per cross layer in two lists and loops over
them::

    self.kernels = [tf.randn(input_dim, 1) * 0.01 for _ in range(num_layers)]
    self.biases = [tf.zeros(input_dim) for _ in range(num_layers)]
    ...
    for w, b in zip(self.kernels, self.biases):
        xl = x0 * (xl @ w) + b + xl

For an instance traced to its construction (flow_instances.py knows the lists' items), the
loop's variables are those tensors, of the sizes their types fix where the lists were built
(any other dim unknown), as layers of such a list are its layers. A list written after the
construction (anywhere in the module, of any instance of the class) is not known: the loop leaves the body unknown. Each with its fix; the same
lines fail at run time with the same words.
"""

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Dense, Tensor


class Cross:
    def __init__(self, d: int, n: int) -> None:
        self.kernels = [tf.randn(d, 1) for _ in range(n)]
        self.biases = [tf.zeros(d) for _ in range(n)]

    def __call__(self, x0: Tensor) -> Tensor:
        xl = x0
        for w, b in zip(self.kernels, self.biases):
            xl = x0 * (xl @ w) + b + xl
        return xl


c: Tensor[3, 6] = Cross(6, 2)(tf.randn(3, 6))
Cross(6, 2)(tf.randn(3, 5))  # E: Inner dimensions differ for "matmul": x has Tensor[3, 5], w has Tensor[6, 1]; need x.shape[-1] == w.shape[-2] (5 vs 6)  [shape]
Dense(16, 1)(tf.cat(Cross(6, 2)(tf.randn(3, 6)), tf.randn(3, 16), axis=1))  # E: Dense(16 => 1) expects input Tensor[..., 16], got Tensor[3, 22]; need size 16 at axis -1 (got 22)  [shape]
Dense(22, 1)(tf.cat(Cross(6, 2)(tf.randn(3, 6)), tf.randn(3, 16), axis=1))


class Scales:
    def __init__(self, n: int) -> None:
        self.scales = [tf.randn(6) for _ in range(n)]

    def __call__(self, x: Tensor) -> Tensor:
        for s in self.scales:
            x = x * s
        return x


class Kept:  # (Scales' twin, its list never written: known; a write
    # to an attribute of that name anywhere is taken as one to any instance's)
    def __init__(self, n: int) -> None:
        self.factors = [tf.randn(6) for _ in range(n)]

    def __call__(self, x: Tensor) -> Tensor:
        for s in self.factors:
            x = x * s
        return x


reveal_type(Kept(2)(tf.randn(3, 6)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[6]]"
written = Scales(2)
written.scales[0] = tf.randn(5)
reveal_type(written(tf.randn(3, 5)))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
