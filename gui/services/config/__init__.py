"""Where things live and how the app is set up: paths (`paths`), settings.json (`settings`), credentials in
the keyring (`credentials`) and the keyring's status (`keyring_status`).
"""
