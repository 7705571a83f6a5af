"""Indexed callables in bodies and at module level: dicts/lists/tuples of layers and functions."""
from typing import Callable, Dict, List, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, gelu, relu

B = TypeVar("B", bound=int)


class Router:
    def __init__(self) -> None:
        self.experts = [Dense(8, 8) for _ in range(3)]
        self.heads = {"a": Dense(8, 2), "b": Dense(8, 5)}
        self.acts: Tuple[Callable[[Tensor], Tensor], ...] = (relu, gelu)
        self.norms = {"pre": LayerNorm(8), "post": LayerNorm(8)}

    def __call__(self, x, task: str):
        h = self.norms["pre"](x)
        for i in range(3):
            h = h + self.experts[i](h)
        h = self.acts[1](self.norms["post"](h))
        return self.heads[task](h)

    def by_name(self, x, name: str):
        return getattr(self, "norms")[name](x)


r = Router()
x = tf.randn(2, 8)
print(r(x, "a").shape, r(x, "b").shape, r.by_name(x, "pre").shape)
table: Dict[str, Callable[[Tensor[B, 8]], Tensor[B, 8]]] = {"n": LayerNorm(8), "r": relu}
fns: List[Callable[[Tensor[B, 8]], Tensor[B, 8]]] = [table["n"], table["r"]]
y: Tensor[2, 8] = table["n"](x)
z: Tensor[2, 8] = fns[1](fns[0](x))
k = "r"
w: Tensor[2, 8] = table[k](x)
print(y.shape, z.shape, w.shape)
