"""Running the rules over files: one run (session), the files it lints (discover), what is reported
and what fails (policy: selection, severities, suppressions, per-file ignores, exclusion, baseline,
fail threshold), the engine, many files on several cores (parallel), and the office's lexicon (learn)."""
