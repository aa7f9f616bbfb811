"""Quality checks: Great Expectations suites, report consistency, reconciliation."""
