"""Lambdas that capture loop variables via defaults, as layers of a Chain."""
import typedflux as tf
from typedflux import Chain, Dense

scales = [1.0, 2.0]
fns = [lambda h, s=s: h * s for s in scales]
model = Chain(Dense(3, 4), *fns, Dense(4, 2))
print(model(tf.randn(2, 3)).shape)
