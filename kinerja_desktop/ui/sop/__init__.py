"""The SOP screens: the catalogue, its summary pane and the SOP dialogs."""
