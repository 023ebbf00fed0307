"""ladder.graphmodel"""
