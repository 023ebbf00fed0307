"""ladder.agent"""
