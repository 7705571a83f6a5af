"""Correct (round 17's false-alarm hunt): starred shape slices in reshape with symbolic and expression dims."""
from typing import TypeVar
import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
H = TypeVar("H", bound=int)


def split_heads(x: Tensor[B, T, "8*H"]) -> Tensor[B, T, 8, H]:
    return x.reshape(*x.shape[:-1], 8, -1)


def merge(x: Tensor[B, T, 8, H]) -> Tensor[B, T, "8*H"]:
    return x.reshape(*x.shape[:-2], -1)


def flatten_spatial(x: Tensor[B, 3, 4, 5]) -> Tensor[B, 3, 20]:
    return x.reshape(*x.shape[:2], -1)


def middle(x: Tensor[B, 6, T]) -> Tensor[B, 2, 3, T]:
    return x.reshape(x.shape[0], 2, 3, *x.shape[2:])


def pairs(x: Tensor[B, "2*T"]) -> Tensor[B, T, 2]:
    return x.reshape(*x.shape[:-1], -1, 2)


print(split_heads(tf.zeros(2, 3, 16)).shape, merge(tf.zeros(2, 3, 8, 2)).shape)
print(flatten_spatial(tf.zeros(1, 3, 4, 5)).shape, middle(tf.zeros(2, 6, 7)).shape, pairs(tf.zeros(2, 6)).shape)
y = tf.zeros(2, 3, 16)
print(merge(split_heads(y)).shape, (merge(split_heads(y)) + y).shape)
