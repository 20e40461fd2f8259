"""Scale-out: the same pipeline over Dask partitions (``ingest --dask``)."""
