"""Read inputs: files, directories, records, stdin, URLs and feeds."""
