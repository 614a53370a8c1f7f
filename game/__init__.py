"""crisis: a decision-simulation game for the terminal, and the engine beneath it."""

__version__ = "0.1.0"
