"""The command line (`python main.py <perintah>`): automation and batch work."""
