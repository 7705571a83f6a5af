"""A layer attribute the program replaces (fine-tuning's new head, a layer picked in two
branches of `__init__`): mypy would type the attribute by its first value (`Dense[32, 10]`),
so the new head was an error and calls of the model were typed by the old one; such an
attribute (a layer, a Chain, a container), assigned without an annotation in more than one statement
(`setattr` included), has unknown sizes, and so has a variable bound by two constructions. An
annotated attribute or variable keeps its annotation. (Another module's class: tests/plugin/
test_boundaries.py.) Runs clean at run time (the corrected lines).
"""

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu
from typing_extensions import reveal_type


class Net:
    def __init__(self, wide: bool) -> None:
        self.body = Dense(8, 32, relu)
        self.head = Dense(32, 10)
        if wide:
            self.trunk = Chain(Dense(32, 64, relu), Dense(64, 32))
        else:
            self.trunk = Chain(Dense(32, 32, relu))

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.trunk(self.body(x)))


net = Net(wide=True)
net.head = Dense(32, 5)
reveal_type(net.head)  # N: Revealed type is "typedflux.layers.basic.Dense[Any, Any]"
reveal_type(net.body)  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[8], Literal[32]]"
print(tf.losses.mse(net(tf.randn(2, 8)), tf.randn(2, 5)).item())
net.body(tf.randn(2, 6))  # E: Dense(8 => 32, relu) expects input Tensor[..., 8], got Tensor[2, 6]; need size 8 at axis -1 (got 6)  [shape]


class Frozen:
    def __init__(self) -> None:
        self.classifier: Dense[32, 10] = Dense(32, 10)


frozen = Frozen()
frozen.classifier = Dense(32, 5)  # E: Assigned layer Dense(32 => 5) does not match the annotation Dense[32, 10] of "frozen.classifier": out_features is 5, expected 10  [shape]


class Block:
    def __init__(self) -> None:
        self.res = tf.SkipConnection(Dense(16, 16, relu), tf.add)

    def __call__(self, x: Tensor) -> Tensor:
        return self.res(x)


block = Block()
block.res = tf.SkipConnection(Chain(Dense(16, 8, relu), Dense(8, 16)), tf.add)
print(block(tf.randn(3, 16)).shape)


class Encoder:
    def __init__(self) -> None:
        self.fc = Dense(4, 8)


class Decoder:
    def __init__(self) -> None:
        self.fc = Dense(8, 2)


class WideDecoder(Decoder):
    def __init__(self) -> None:
        super().__init__()
        self.fc = Dense(8, 3)


reveal_type(Encoder().fc)  # N: Revealed type is "typedflux.layers.basic.Dense[Literal[4], Literal[8]]"
Encoder().fc(tf.randn(2, 5))  # E: Dense(4 => 8) expects input Tensor[..., 4], got Tensor[2, 5]; need size 4 at axis -1 (got 5)  [shape]
reveal_type(Decoder().fc)  # N: Revealed type is "typedflux.layers.basic.Dense[Any, Any]"
print(WideDecoder().fc(tf.randn(2, 8)).shape)


class Tagger:
    def __init__(self) -> None:
        self.body = Dense(16, 16, relu)
        self.out = Dense(16, 3)


# setattr is a binding too: the attribute has unknown sizes (it kept Dense[16, 3], and the loss
# below was a false alarm).
tagger = Tagger()
setattr(tagger, "out", Dense(16, 6))
reveal_type(tagger.out)  # N: Revealed type is "typedflux.layers.basic.Dense[Any, Any]"
print(tf.losses.mse(tagger.out(tf.randn(2, 16)), tf.randn(2, 6)).item())
tagger.body(tf.randn(2, 6))  # E: Dense(16 => 16, relu) expects input Tensor[..., 16], got Tensor[2, 6]; need size 16 at axis -1 (got 6)  [shape]

# A name bound to two layers without an annotation (mypy keeps the first type where it does not
# redefine the name): any size fits, and what it holds has unknown sizes (this was an `Assigned
# layer` error, then a false loss mismatch).
proj = Dense(16, 8)
print(proj(tf.randn(2, 16)).shape)
proj = Dense(16, 4)
reveal_type(proj)  # N: Revealed type is "typedflux.layers.basic.Dense[Any, Any]"
print(tf.losses.mse(proj(tf.randn(2, 16)), tf.randn(2, 4)).item())
fixed_proj: Dense[16, 8] = Dense(16, 8)
fixed_proj = Dense(16, 4)  # E: Assigned layer Dense(16 => 4) does not match the annotation Dense[16, 8] of "fixed_proj": out_features is 4, expected 8  [shape]

