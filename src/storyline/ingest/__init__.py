"""Ingest: what the user gives (files, folders, stdin) becomes SourceDoc or Quarantined records.

``sources.iter_inputs`` lists and reads inputs, ``readers.read_input`` turns one input into
articles, ``decode.decode`` turns bytes into text. Nothing is imported here so that listing files
does not load trafilatura.
"""
