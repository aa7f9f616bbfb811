"""Reading förbund reports and extracting the figures they state, with provenance."""
