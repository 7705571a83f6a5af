"""A lambda in a Chain splits the model width into heads; the Dense after it was sized for
the full width."""
import typedflux as tf
from typedflux import Chain, Dense

model = Chain(
    Dense(16, 64),
    lambda h: tf.rearrange(h, "b t (h d) -> b t h d", h=4),
    Dense(64, 8),
)
print(model(tf.randn(2, 5, 16)).shape)  # BUG[gap flow: a lambda layer whose body is tf.rearrange with a keyword size (lambda h: tf.rearrange(h, "b t (h d) -> b t h d", h=4)) is unknown where the Chain is called (Tensor[*tuple[Any, ...]]), so the Dense after it is unchecked; the same rearrange outside a lambda is typed]
