"""Reading participant exports (registers) into typed bronze tables."""
