"""Correct (round 17's false-alarm hunt): more Chain slice forms: negative start with negative step, empty slices, slices of slices, steps over lambdas."""
import typedflux as tf
from typedflux import Chain, Dense

net = Chain(Dense(4, 4), lambda x: x * 2, Dense(4, 4), lambda x: x + 1, Dense(4, 6))
print(net[-2::-1](tf.zeros(2, 4)).shape)  # lambda, Dense(4,4), lambda, Dense(4,4)
print(net[3:0:-2](tf.zeros(2, 4)).shape)  # lambda, lambda
print(net[::2](tf.zeros(2, 4)).shape)  # Dense(4,4), Dense(4,4), Dense(4,6)
print(net[1::2](tf.zeros(2, 4)).shape)  # the two lambdas
empty = net[3:1]
print(empty(tf.zeros(2, 5)).shape)
print(net[:4][::-1][1:](tf.zeros(2, 4)).shape)
