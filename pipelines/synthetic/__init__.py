"""Synthetic participant registers for demos and tests."""
