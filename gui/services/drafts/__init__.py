"""What the user writes before sending: campaign files (`campaign_file`) and the template library
(`template_library`).
"""
