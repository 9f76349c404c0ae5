"""What is computed once per document and read by the rules: citations, dates and deadlines, tasks
and their units, acronyms, the kind of document, quoted stretches, tone slips."""
