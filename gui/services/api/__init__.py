"""The CloudBase SMS API: the client (`client`), its data (`types`), access tokens (`tokens`), the error
catalogue (`catalogue`), secret redaction (`redact`) and the landing-page check (`landing_check`).
"""
