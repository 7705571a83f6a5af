"""An MLP whose layer list starts with its input layer and is appended to; the last layer
was sized for a wider hidden layer. The appends themselves are correct (plain mypy is
silent), but the list is typed by its first layer's sizes."""
import typedflux as tf
from typedflux import Chain, Dense, relu

layers = [Dense(8, 16, relu)]
layers.append(Dense(16, 16, relu))  # ALARM[gap checker: a list bound to a display of one layer is typed by that layer's sizes (list[Dense[8, 16]]), so appending a layer of other sizes is mypy's [arg-type] in Literal words; plain mypy is silent]  # E: Argument 1 to "append" of "list" has incompatible type "Dense[Literal[16], Literal[16]]"; expected "Dense[Literal[8], Literal[16]]"  [arg-type]
layers.append(Dense(32, 4))  # ALARM[gap checker: the same list append, [arg-type]]  # E: Argument 1 to "append" of "list" has incompatible type "Dense[Literal[32], Literal[4]]"; expected "Dense[Literal[8], Literal[16]]"  [arg-type]
mlp = Chain(*layers)  # BUG  # E: Chain layer 3 Dense(32 => 4) expects input Tensor[..., 32], but layer 2 Dense(16 => 16, relu) produces Tensor[B, 16]; change Dense(32 => 4) to Dense(16 => 4)  [shape]
print(mlp(tf.randn(2, 8)).shape)
