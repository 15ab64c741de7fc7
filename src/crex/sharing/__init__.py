"""Sharing with partners: sharing groups, STIX 2.1 / MISP exchange, the TAXII 2.1 server
and client, and operator exports, all under the handling rules (TLP 2.0 + distribution)."""
