"""Engines that run the pipeline over batches."""
