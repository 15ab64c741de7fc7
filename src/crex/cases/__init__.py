"""Cases: clusters of linked reports handled together (grown by the correlation work)."""
