"""Many games without a screen: seeded Monte Carlo runs of either format, balance reports, the payoff
matrix and the dominant-strategy scan. The bots themselves live in game.bots."""
