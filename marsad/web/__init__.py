"""The web face of marsad: pages for people and the REST API (`marsad serve`)."""
