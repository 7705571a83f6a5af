"""The Nature DQN on 84x84 frames: 20x20, 9x9, then 7x7 feature maps; the first Dense was
sized for 9x9."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, relu

qnet = Chain(
    Conv((8, 8), 4, 32, relu, stride=4),
    Conv((4, 4), 32, 64, relu, stride=2),
    Conv((3, 3), 64, 64, relu),
    Flatten(),
    Dense(64 * 7 * 7, 512, relu),
    Dense(512, 6),
)
print(qnet(tf.randn(2, 4, 84, 84)).shape)
