"""Reading a draft: bytes, Word packages and their source maps, logical lines, line kinds, and the
structure parsed over them."""
