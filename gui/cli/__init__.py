"""The `sms-composer` command line: the same engine as the window, one module per subcommand."""
