"""A layer held as a class attribute (`head = Dense(8, 2)` in the class body) and replaced on
an instance, or bound again by `__init__`: a binding of the same attribute, so the class
attribute and the new value have unknown sizes (the replacement was a false `Assigned layer`
error, and calls of the model were typed by the old head). One never replaced keeps its
sizes. Runs clean at run time (the corrected lines)."""

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu
from typing_extensions import reveal_type


class Model:
    head = Dense(8, 2)

    def __init__(self) -> None:
        self.body = Chain(Dense(3, 8, relu))

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


m = Model()
m.head = Dense(8, 5)
reveal_type(Model.head)  # N: Revealed type is "typedflux.layers.basic.Dense[Any, Any]"
print(m(tf.randn(4, 3)).reshape(20).shape)


class Rebound:
    proj = Dense(4, 4)

    def __init__(self, wide: bool) -> None:
        if wide:
            self.proj = Dense(4, 16)


# An instance traced to its construction holds what its ``__init__`` run bound on it: the
# class attribute when the branch is not taken (unknown sizes), else its own ``Dense(4, 16)``.
reveal_type(Rebound(False).proj)  # N: Revealed type is "typedflux.layers.basic.Dense[Any, Any]"
reveal_type(Rebound(True).proj)  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[4], Literal[16]]"


class Kept:
    norm = Dense(6, 6)


Kept.norm(tf.randn(2, 5))  # E: Dense(6 => 6) expects input Tensor[..., 6], got Tensor[2, 5]; need size 6 at axis -1 (got 5)  [shape]
