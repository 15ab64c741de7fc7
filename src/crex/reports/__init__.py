"""Reports, their observables and the analyst workspace that triages them."""
