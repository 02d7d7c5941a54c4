"""DocChat retrieval pipeline."""
