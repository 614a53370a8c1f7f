"""Randomness you can replay: every draw is a pure function of the game's seed, the turn and a stream."""

from __future__ import annotations

_MASK = (1 << 64) - 1
_INV = 1.0 / (1 << 53)

# Streams: one per kind of draw in a turn, so adding a draw of one kind never shifts another.
DRAW = 1
OUTCOME = 2
EVENT = 3  # whether a random world event happens this turn (format 2)


def unit(seed: int, turn: int, stream: int, slot: int = 0) -> float:
    """A float in [0, 1) from (seed, turn, slot, stream), by SplitMix64: same on every machine and Python.
    The slot is the acting role's place in the turn order (the world's events come after the roles);
    slot 0 gives the numbers a one-role game has always used."""
    return unit_at(key(seed, stream, slot), turn)


def key(seed: int, stream: int, slot: int = 0) -> int:
    """The part of a draw that does not change from turn to turn: work it out once per game."""
    return seed * 0x9E3779B97F4A7C15 + stream * 0x94D049BB133111EB + slot * 0xD6E8FEB86659FD93


def unit_at(k: int, turn: int) -> float:
    """`unit(seed, turn, stream)` from `key(seed, stream)`: the same number, one multiplication less."""
    z = (k + turn * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    z ^= z >> 31
    return (z >> 11) * _INV
