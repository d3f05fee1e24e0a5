"""What marsad writes for people and programs: analysis.json and the HTML report."""
