"""What every screen shares: the error dialog, the background task runner,
the preferences and the Designer-form loader."""
