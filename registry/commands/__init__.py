"""The command line's commands, grouped by what they are about; registry/cli.py runs them."""
