"""Layers from eval/getattr on the module, type() built classes, and vars()."""
import typedflux as tf

cls = getattr(tf, "Dense")
layer = cls(4, 2)
Made = type("Made", (), {"scale": 2})
print(layer(tf.randn(3, 4)).shape, getattr(Made, "scale"), sorted(vars(Made))[:1])
