"""The game's screens, one per file; dialogs are modal screens that return through dismiss()."""
