"""Input: turn files into Articles — decoding, readers, alignment, glossary loading."""
