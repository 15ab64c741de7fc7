"""Correlation: reports linked through shared observables, guarded by warninglists."""
