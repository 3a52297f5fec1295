"""evaluate stage: `tollbook eval KIND PATH` on the development data sets (see command.py)."""
