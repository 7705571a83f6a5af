"""An OrderedDict of named layers grown after its first entry and applied in order, moved and
popped; a ChainMap of int widths with a child scope; a dict updated from pairs of layers."""
from collections import ChainMap, OrderedDict

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

base = {"d_in": 6, "hidden": 12, "d_out": 3}
cfg = ChainMap({"hidden": 24}, base)
local = cfg.new_child({"d_out": 2})
layers = OrderedDict([("inp", Dense(cfg["d_in"], cfg["hidden"], relu))])
layers["mid"] = Dense(cfg["hidden"], cfg["hidden"], relu)
layers["out"] = Dense(cfg["hidden"], local["d_out"])
layers["tmp"] = Dense(2, 2)
layers.pop("tmp")
x = tf.randn(4, cfg["d_in"])
for _, layer in layers.items():
    x = layer(x)
print(x.shape, dict(local))
heads = {"a": Dense(2, 1)}
heads.update([("b", Dense(2, 7)), ("c", Dense(2, 3))])
print({k: h(x).shape for k, h in heads.items()})
model = Chain(*layers.values())
print(model(tf.randn(1, 6)).shape)
