"""The start-up baseline: a bare PySide6 main window, shown, one event loop pass, exit."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("baseline")
    window.show()
    QTimer.singleShot(0, app.quit)
    sys.exit(app.exec())
