"""The swimlane layout: an SOP and page settings to pages of drawing primitives."""
