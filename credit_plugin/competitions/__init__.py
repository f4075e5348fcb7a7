"""Competitions: each level-challenge attempt graded once, and leaderboards kept as rows, one per learner."""
