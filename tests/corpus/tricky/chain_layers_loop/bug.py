"""Layers of a Chain applied one by one in a loop (to log each activation); the data is wrong."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(4, 8, relu), Dense(8, 8, relu), Dense(8, 2))
x = tf.randn(3, 4)
print(model(x).shape)
h = x
for layer in model.layers:
    h = layer(h)  # ALARM[gap layers: a loop over a Chain's layers makes the layer and its input unions; a mismatch of one pair is no proof]  # E: Dense(8 => 8, relu) expects input Tensor[..., 8], got Tensor[3, 4]; need size 8 at axis -1 (got 4)  [shape]  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[3, 4]; need size 8 at axis -1 (got 4)  [shape]  # E: Argument 1 to "__call__" of "Dense" has incompatible type "Tensor[Literal[3], Literal[4]] | Tensor[Literal[3], Literal[8]] | Tensor[*tuple[Any, ...]]"; expected "Tensor[*tuple[Any, ...], Literal[4]]"  [arg-type]  # E: Argument 1 to "__call__" of "Dense" has incompatible type "Tensor[Literal[3], Literal[4]] | Tensor[Literal[3], Literal[8]] | Tensor[*tuple[Any, ...]]"; expected "Tensor[*tuple[Any, ...], Literal[8]]"  [arg-type]  # E: Argument 1 to "__call__" of "Dense" has incompatible type "Tensor[Literal[3], Literal[4]] | Tensor[Literal[3], Literal[8]] | Tensor[*tuple[Any, ...]] | Tensor[*tuple[Any, ...], Literal[8]] | Tensor[*tuple[Any, ...], Literal[2]]"; expected "Tensor[*tuple[Any, ...], Literal[4]]"  [arg-type]  # E: Argument 1 to "__call__" of "Dense" has incompatible type "Tensor[Literal[3], Literal[4]] | Tensor[Literal[3], Literal[8]] | Tensor[*tuple[Any, ...]] | Tensor[*tuple[Any, ...], Literal[8]] | Tensor[*tuple[Any, ...], Literal[2]]"; expected "Tensor[*tuple[Any, ...], Literal[8]]"  [arg-type]
    print(float(h.mean().item()))
y = tf.zeros(3, 3)
print(tf.losses.mse(model(x), y).item())  # BUG  # E: Shapes differ for "mse": prediction has Tensor[3, 2], target has Tensor[3, 3]; need identical shapes (no broadcasting in losses) (2 vs 3 at axis -1)  [shape]
