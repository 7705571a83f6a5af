"""A LoRA adapter: down to rank r, then back up to the layer's width; the up projection was
written r => r."""
import typedflux as tf
from typedflux import Dense

D, R, ALPHA = 64, 4, 16
base = Dense(D, D)
lora_a = Dense(D, R, bias=False)
lora_b = Dense(R, R, bias=False)

x = tf.randn(3, 10, D)
y = base(x) + lora_b(lora_a(x)) * (ALPHA / R)  # BUG  # E: Cannot broadcast for "add": x has Tensor[3, 10, 64], y has Tensor[3, 10, 4]; need equal sizes or 1 at axis -1 (64 vs 4)  [shape]
print(y.shape)
