"""Swin's window partition reshapes the map into windows; a window of 3 does not tile an
8x8 map."""
from typing import Final

import typedflux as tf

WS: Final = 3
x = tf.randn(2, 8, 8, 16)
windows = x.reshape(2, 8 // WS, WS, 8 // WS, WS, 16).swapaxes(2, 3).reshape(-1, WS * WS, 16)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[2, 8, 8, 16], target is (2, 2, 3, 2, 3, 16); need equal element counts (2048 vs 1152)  [shape]
print(windows.shape)
