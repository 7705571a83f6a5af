"""Multi-task heads built in comprehensions, read by key; named layer tuples."""
from typing import Dict

import typedflux as tf
from typedflux import Chain, Dense, relu
from typedflux.layers.core import Module

TASKS = {"age": 1, "gender": 2, "emotion": 7}
D = 16
trunk = Chain(Dense(8, D, relu))
heads = {name: Dense(D, n) for name, n in TASKS.items()}
h = trunk(tf.randn(4, 8))
outs = {name: head(h) for name, head in heads.items()}
print(outs["emotion"].shape, heads["age"](h).shape, tf.losses.mse(heads["gender"](h), tf.zeros(4, 2)).item())
named = [("fc1", Dense(8, 16)), ("fc2", Dense(16, 4))]
x = tf.randn(2, 8)
for name, layer in named:
    x = layer(x)
print(x.shape)
by_name = dict(named)
print(by_name["fc2"](tf.randn(1, 16)).shape)
registry: Dict[str, Module] = {}
registry["a"] = Dense(3, 4)
registry["b"] = Chain(Dense(4, 4), relu)
print(registry["b"](registry["a"](tf.randn(1, 3))).shape)
sizes = [(8, 16), (16, 32), (32, 4)]
mlp = {f"l{i}": Dense(a, b) for i, (a, b) in enumerate(sizes)}
z = tf.randn(2, 8)
for k in sorted(mlp):
    z = mlp[k](z)
print(z.shape, Chain(**mlp)(tf.randn(1, 8)).shape)
