"""Scale-out: the same pipeline on a Dask cluster, workers writing Parquet parts.

``dask`` drives the cluster (streamed input, bounded batches in flight, the model loaded
once per worker); ``parts`` is the Parquet part layout with its manifest, read back by
``presslens load`` into a SQLite store. See README, "Scaling".
"""
