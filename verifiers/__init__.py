"""ladder.verifiers"""
