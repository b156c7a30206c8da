"""A synthetic, seeded corpus of Senate meeting reports (ru/kk) with gold, for calibration.

`python -m bench.synthetic build DIR` writes release texts in several genre forms, runs them
through the project's real ingestion and writes the evaluation questions with their gold.
"""
