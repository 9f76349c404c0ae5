"""Running the rules over files: the engine, baselines, the files git ignores, many files on several
cores, and the office's lexicon (learnt and read)."""
