"""An MLP whose layer list starts with its input layer and is appended to; the last layer
was sized for a wider hidden layer. The appends themselves are correct (plain mypy is
silent; the plugin took the list's type from its first layer's sizes and reported them, a
false alarm fixed since: an inferred container takes layers of any size)."""
import typedflux as tf
from typedflux import Chain, Dense, relu

layers = [Dense(8, 16, relu)]
layers.append(Dense(16, 16, relu))
layers.append(Dense(16, 4))
mlp = Chain(*layers)
print(mlp(tf.randn(2, 8)).shape)
