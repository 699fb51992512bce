"""Pure rules and data: SMS text rendering and counting, phone numbers, campaign plans. No I/O, no Qt."""
