"""Screen grabbing, image operations, global hotkeys and the steps recorder (QtGui at most)."""
