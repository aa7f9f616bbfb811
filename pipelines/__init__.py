"""Finsam Warehouse: participant registers and report figures into comparable DuckDB marts."""
