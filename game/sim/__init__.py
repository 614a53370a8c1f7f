"""Many games without a screen: bot policies, seeded Monte Carlo runs, and balance reports."""
