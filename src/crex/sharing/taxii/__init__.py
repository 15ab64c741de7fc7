"""The TAXII 2.1 server: discovery, one API root, collections, objects, manifest,
versions and status, served from the sharing store under the handling rules."""
