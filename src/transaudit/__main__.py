"""``python -m transaudit`` runs the command line."""

from transaudit.cli import main

if __name__ == "__main__":
    main()
