"""ladder.evals"""
