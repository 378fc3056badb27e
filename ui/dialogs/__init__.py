"""Every dialog: the record forms, accounts, backups, settings, login, recovery, saving files."""
