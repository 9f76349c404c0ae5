"""What is computed once per document and read by the rules: citations, dates and deadlines, tasks
and their units, acronyms, the kind of document, quoted stretches, numbering, spelling evidence and
tone slips, tone placement styles, unpaired brackets, the header and addressee lists, the line at an
offset; and what they are read against: the vocabulary of types and issuers, the office's lexicon."""
