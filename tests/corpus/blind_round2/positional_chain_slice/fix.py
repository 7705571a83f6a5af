"""model[1:], model.layers[0] and model[2] of a positional Chain; the last layer called on the first's output."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(10, 20, relu), Dense(20, 30, relu), Dense(30, 2))
x = tf.randn(5, 10)
head = model[1:]
feat = model.layers[0](x)
out = head(feat)
direct = model[2](model[1](feat))
print(out.shape, direct.shape)
