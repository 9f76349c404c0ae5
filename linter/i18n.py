"""The command line's own words, in Vietnamese and English (rule messages live with their rules)."""

from __future__ import annotations

_TEXTS = {
    "summary.none": {
        "vi": "Không có vấn đề nào trong {files} tệp.",
        "en": "No problems found in {files} file(s).",
    },
    "summary.found": {
        "vi": "Tìm thấy {total} vấn đề trong {files} tệp: {parts}.",
        "en": "Found {total} problem(s) in {files} file(s): {parts}.",
    },
    "severity.error": {"vi": "{n} lỗi", "en": "{n} error(s)"},
    "severity.warning": {"vi": "{n} cảnh báo", "en": "{n} warning(s)"},
    "severity.info": {"vi": "{n} gợi ý", "en": "{n} info"},
    "error.prefix": {"vi": "draftlint: lỗi: ", "en": "draftlint: error: "},
    "error.unknown_rule": {
        "vi": "không có quy tắc {code}; xem danh sách bằng lệnh: draftlint rules",
        "en": "no rule {code}; list them with: draftlint rules",
    },
    "error.empty_select": {
        "vi": "--select cần ít nhất một mã quy tắc (hoặc ALL)",
        "en": "--select needs at least one rule code (or ALL)",
    },
    "error.no_files": {
        "vi": "không tìm thấy tệp .txt, .md hoặc .docx nào để kiểm tra trong: {paths}",
        "en": "no .txt, .md or .docx files to lint in: {paths}",
    },
    "rules.header": {"vi": ("Mã", "Tên", "Mức", "Mặc định", "Độ chính xác", "Kiểm tra"),
                     "en": ("Code", "Name", "Severity", "Default", "Precision", "Checks")},
    "rules.on": {"vi": "bật", "en": "on"},
    "rules.off": {"vi": "tắt", "en": "off"},
    "explain.on": {"vi": " · bật mặc định", "en": " · on by default"},
    "explain.measured": {
        "vi": "Độ chính xác đo trên văn bản thật ({date}): {true}/{judged} vấn đề báo ra là đúng ({pct} %); quy "
              "tắc bật mặc định khi đạt 90 %, mức error khi đạt 95 %",
        "en": "Precision measured on real documents ({date}): {true} of {judged} findings right ({pct}%); a rule is "
              "on by default at 90%, an error at 95%",
    },
    "explain.unmeasured": {
        "vi": "Chưa báo vấn đề nào trên bộ văn bản thật để đo độ chính xác; đánh giá qua các ca kiểm thử",
        "en": "No finding on the real documents to measure precision on; judged on its test cases",
    },
    "explain.enable": {
        "vi": "Bật thêm quy tắc này (các quy tắc khác vẫn chạy): extend-select = [\"{code}\"] trong cấu hình, hoặc "
              "--extend-select {code}",
        "en": "To turn it on as well (the other rules still run): extend-select = [\"{code}\"] in the configuration, "
              "or --extend-select {code}",
    },
    "explain.why": {"vi": "Vì sao", "en": "Why"},
    "explain.bad": {"vi": "Ví dụ sai", "en": "Failing example"},
    "explain.good": {"vi": "Ví dụ đúng", "en": "Passing example"},
    "explain.meta": {
        "vi": "Nhóm {family} · mức mặc định: {severity} · {fix}",
        "en": "Family {family} · default severity: {severity} · {fix}",
    },
    "explain.fix_safe": {"vi": "sửa tự động an toàn (--fix)", "en": "safe automatic fix (--fix)"},
    "explain.fix_unsafe": {
        "vi": "sửa tự động không an toàn, cần người xem lại (--fix --unsafe-fixes)",
        "en": "unsafe automatic fix, for a person to confirm (--fix --unsafe-fixes)",
    },
    "explain.fix_both": {
        "vi": "sửa tự động: an toàn hay không tùy trường hợp (--fix sửa phần an toàn, thêm --unsafe-fixes để sửa cả "
              "phần còn lại)",
        "en": "automatic fix, safe or unsafe by case (--fix applies the safe ones, --unsafe-fixes the rest too)",
    },
    "explain.fix_no": {"vi": "không sửa tự động", "en": "no automatic fix"},
    "explain.off": {"vi": " · tắt mặc định", "en": " · off by default"},
    "explain.options": {"vi": "Tùy chọn", "en": "Options"},
    "baseline.written": {
        "vi": "Đã ghi {count} vấn đề vào đường cơ sở {path}",
        "en": "Recorded {count} finding(s) in the baseline {path}",
    },
    "fix.done": {"vi": "Đã sửa {count} vấn đề trong {files} tệp", "en": "Fixed {count} problem(s) in {files} file(s)"},
    "fix.docx_declined": {
        "vi": "draftlint: {where}: không sửa tự động được {code} trong tệp Word (chỗ cần sửa nằm trong bảng, trong số "
              "thứ tự tự động hoặc qua dấu tab); hãy sửa tay",
        "en": "draftlint: {where}: cannot fix {code} in the Word file (the change falls in a table, in automatic "
              "numbering or across a tab); fix it by hand",
    },
    "report.written": {"vi": "Đã ghi báo cáo vào {path}", "en": "Report written to {path}"},
    "write.read_only": {"vi": "tệp chỉ đọc: không ghi vào, tệp để nguyên", "en": "read-only file: not written to"},
    "write.not_regular": {
        "vi": "không phải tệp thường (thư mục, FIFO, thiết bị…): không ghi vào",
        "en": "not a regular file (a folder, a FIFO, a device…): not written to",
    },
    "write.changed": {
        "vi": "tệp đã bị sửa trong lúc draftlint chạy: không ghi vào, hãy chạy lại",
        "en": "the file changed while draftlint ran: not written to, run it again",
    },
    "write.failed": {"vi": "không ghi được ({reason}), tệp để nguyên", "en": "cannot write ({reason}); nothing changed"},
    "write.doctype": {
        "vi": "tệp Word có khai báo <!DOCTYPE> (Word không bao giờ ghi khai báo này): --fix không ghi vào, hãy sửa tay",
        "en": "the Word file has a <!DOCTYPE> declaration (Word never writes one): --fix leaves it, fix it by hand",
    },
    "write.damaged": {
        "vi": "bản đã sửa không đọc lại được ({reason}): không ghi, tệp để nguyên",
        "en": "the fixed file would not read back ({reason}): not written, the file is left as it was",
    },
    "annotate.done": {
        "vi": "Đã ghi {count} nhận xét vào {path} (không gắn được {skipped})",
        "en": "Wrote {count} comments to {path} ({skipped} could not be anchored)",
    },
    "annotate.not_word": {
        "vi": "--annotate: bỏ qua {count} tệp không phải Word (.txt, .md): chúng vẫn được kiểm tra",
        "en": "--annotate: {count} file(s) that are not Word drafts (.txt, .md) skipped; they are still linted",
    },
    "error.annotate_no_docx": {
        "vi": "--annotate ghi nhận xét vào bản sao của tệp Word, nhưng không có tệp .docx nào trong: {paths}",
        "en": "--annotate writes comments into copies of Word files, but there is no .docx draft in: {paths}",
    },
    "error.annotate_folder": {
        "vi": "--annotate {path}: không có thư mục này; với nhiều tệp .docx (hoặc một thư mục), --annotate là thư mục "
              "nhận các bản sao có nhận xét: hãy tạo nó trước",
        "en": "--annotate {path}: no such folder; with several .docx drafts (or a folder), --annotate names the folder "
              "the annotated copies go to: create it first",
    },
    "error.annotate_parent": {
        "vi": "--annotate {path}: không có thư mục {folder}", "en": "--annotate {path}: no such folder {folder}",
    },
    "error.annotate_not_regular": {
        "vi": "--annotate {path}: không phải tệp thường (thư mục, thiết bị, FIFO…): không ghi vào",
        "en": "--annotate {path}: not a regular file (a folder, a device, a FIFO…): nothing is written there",
    },
    "error.annotate_overwrite": {
        "vi": "--annotate {path}: bản sao có nhận xét không được ghi đè lên dự thảo {draft}; chọn tên hoặc thư mục khác",
        "en": "--annotate {path}: the annotated copy must not overwrite the draft {draft}; choose another name or folder",
    },
    "learn.done": {
        "vi": "Đã học {documents} văn bản (bỏ qua {skipped}): {pairs} cặp từ, {units} đơn vị, {acronyms} chữ viết tắt "
              "→ {output}",
        "en": "Learnt from {documents} drafts ({skipped} skipped): {pairs} word pairs, {units} units, {acronyms} "
              "acronyms → {output}",
    },
    "html.title": {"vi": "Báo cáo kiểm tra dự thảo (draftlint)", "en": "Draft review report (draftlint)"},
    "html.severity": {"vi": "Mức", "en": "Severity"},
    "html.family": {"vi": "Nhóm quy tắc", "en": "Rule family"},
    "html.only_flagged": {"vi": "Chỉ hiện các dòng có vấn đề", "en": "Only lines with problems"},
    "html.summary": {"vi": "Tổng hợp", "en": "Summary"},
    "html.no_findings": {"vi": "Không có vấn đề nào.", "en": "No problems found."},
    "html.clean_files": {"vi": "{n} tệp không có vấn đề nào", "en": "{n} file(s) with no problems"},
    "html.by_rule": {"vi": "Theo quy tắc", "en": "Per rule"},
    "html.by_file": {"vi": "Theo tệp", "en": "Per file"},
    "html.file": {"vi": "Tệp", "en": "File"},
    "html.count": {"vi": "Số vấn đề", "en": "Problems"},
    "html.files": {"vi": "Số tệp", "en": "Files"},
    "html.rule": {"vi": "Quy tắc", "en": "Rule"},
    "html.total": {"vi": "Tổng", "en": "Total"},
    "location.paragraph": {"vi": "đoạn {paragraph}", "en": "paragraph {paragraph}"},
    "location.row": {"vi": "bảng {table}, hàng {row}", "en": "table {table}, row {row}"},
    "location.cell": {"vi": "bảng {table}, hàng {row}, ô {cell}", "en": "table {table}, row {row}, cell {cell}"},
    "html.at": {"vi": "dòng {line}, cột {column}", "en": "line {line}, column {column}"},
    "html.sev.error": {"vi": "lỗi", "en": "error"},
    "html.sev.warning": {"vi": "cảnh báo", "en": "warning"},
    "html.sev.info": {"vi": "gợi ý", "en": "info"},
    "error.output_format": {
        "vi": "--format html ghi ra một tệp: thêm -o BÁO-CÁO.html", "en": "--format html writes a file: add -o REPORT.html",
    },
    "progress.linting": {"vi": "Đang kiểm tra", "en": "Linting"},
    "explain.example_options": {"vi": "Hai ví dụ chạy với", "en": "Both examples run with"},
    "summary.fixable": {"vi": "[*] {n} vấn đề sửa được bằng --fix", "en": "[*] {n} fixable with --fix"},
    "summary.fixable_unsafe": {"vi": " (thêm {n} với --unsafe-fixes)", "en": " ({n} more with --unsafe-fixes)"},
    "summary.unsafe_only": {
        "vi": "{n} vấn đề sửa được bằng --fix --unsafe-fixes", "en": "{n} fixable with --fix --unsafe-fixes",
    },
    "error.usage": {"vi": "{message} (xem: {prog} --help)", "en": "{message} (see: {prog} --help)"},
    "settings.file": {"vi": "# Thiết lập áp dụng cho {path}", "en": "# Settings that apply to {path}"},
    "settings.config": {"vi": "# Tệp cấu hình: {path}", "en": "# Configuration file: {path}"},
    "settings.no_config": {
        "vi": "# Tệp cấu hình: không có (dùng mặc định)", "en": "# Configuration file: none (the defaults)",
    },
    "settings.enabled": {"vi": "# Các quy tắc sẽ chạy ({n}):", "en": "# The rules that run ({n}):"},
    "settings.excluded": {
        "vi": "# Tệp này bị loại trừ (exclude): không được kiểm tra", "en": "# This file is excluded: not linted",
    },
    "settings.excluded_named": {
        "vi": "# Tệp này bị loại trừ (exclude) nhưng vẫn được kiểm tra vì được nêu tên (--force-exclude để bỏ qua)",
        "en": "# This file is excluded, but linted because it is named (--force-exclude skips it)",
    },
    # Configuration errors; {where} is the file (or the command line) and what in it.
    "config.where_cli": {"vi": "dòng lệnh", "en": "command line"},
    "config.not_toml": {"vi": "{where}: không phải TOML hợp lệ ({detail})", "en": "{where}: not valid TOML ({detail})"},
    "config.not_utf8": {"vi": "{where}: không phải TOML hợp lệ (tệp không ở mã UTF-8)",
                        "en": "{where}: not valid TOML (the file is not UTF-8)"},
    "config.unreadable": {"vi": "{where}: không đọc được ({detail})", "en": "{where}: cannot read ({detail})"},
    "config.not_table": {"vi": "{where}: '{key}' phải là một bảng{example}",
                         "en": "{where}: '{key}' must be a table{example}"},
    "config.no_table": {"vi": "{where}: không có bảng [tool.draftlint]", "en": "{where}: no [tool.draftlint] table"},
    "config.not_strings": {"vi": "{where}: '{key}' phải là danh sách chuỗi",
                           "en": "{where}: '{key}' must be a list of strings"},
    "config.unknown_key": {"vi": "{where}: không có khóa '{key}' (các khóa: {known})",
                           "en": "{where}: unknown key '{key}' (known: {known})"},
    "config.one_of": {"vi": "{where}: '{key}' phải là một trong {choices}, không phải {value!r}",
                      "en": "{where}: '{key}' must be one of {choices}, not {value!r}"},
    "config.rules_shape": {"vi": "{where}: 'rules' phải là bảng các bảng, ví dụ [tool.draftlint.rules.NUM004]",
                           "en": "{where}: 'rules' must be a table of tables, e.g. [tool.draftlint.rules.NUM004]"},
    "config.empty_name": {"vi": "{where}: '{key}' có một tên rỗng", "en": "{where}: '{key}' has an empty name"},
    "config.not_code": {"vi": "{where}: '{key}': {code!r} không phải mã (chữ in hoa, như QCPH hoặc BQLKKT)",
                        "en": "{where}: '{key}': {code!r} is not a code (capitals, like QCPH or BQLKKT)"},
    "config.not_acronym": {
        "vi": "{where}: 'acronyms': {abbr!r} không phải chữ viết tắt (chữ in hoa, như SNNMT hoặc PAR INDEX)",
        "en": "{where}: 'acronyms': {abbr!r} is not an acronym (capitals, like SNNMT or PAR INDEX)",
    },
    "config.true_or_false": {"vi": "{where}: '{key}' phải là true hoặc false", "en": "{where}: '{key}' must be true or false"},
    "config.lexicon": {"vi": "{where}: 'lexicon' phải là đường dẫn tệp do draftlint learn ghi",
                       "en": "{where}: 'lexicon' must be the path of a file written by draftlint learn"},
    "config.per_file_shape": {
        "vi": "{where}: 'per-file-ignores' phải là bảng các mẫu đường dẫn, ví dụ \"archive/**\" = [\"SPL\"]",
        "en": "{where}: 'per-file-ignores' must be a table of globs, e.g. \"archive/**\" = [\"SPL\"]",
    },
    "config.no_match": {"vi": "{where}: {code!r} không khớp quy tắc nào; xem danh sách bằng lệnh: draftlint rules",
                        "en": "{where}: {code!r} matches no rule; list them with: draftlint rules"},
    "config.unknown_rule": {"vi": "{where}: [rules.{code}] không phải quy tắc nào",
                            "en": "{where}: [rules.{code}] names no known rule"},
    "config.severity": {"vi": "{where}: [rules.{code}] không có mức {value!r} (dùng error, warning hoặc info)",
                        "en": "{where}: [rules.{code}] unknown severity {value!r} (use error, warning or info)"},
    "config.unknown_option": {"vi": "{where}: [rules.{code}] không có tùy chọn '{name}' (các tùy chọn: {known})",
                              "en": "{where}: [rules.{code}] has no option '{name}' (known: {known})"},
    "config.option_type": {"vi": "{where}: [rules.{code}] '{name}' phải là {expected}, không phải {actual}",
                           "en": "{where}: [rules.{code}] '{name}' must be a {expected}, not {actual}"},
    "config.option_strings": {"vi": "{where}: [rules.{code}] '{name}' phải là danh sách chuỗi khác rỗng",
                              "en": "{where}: [rules.{code}] '{name}' must be a list of non-empty strings"},
    "config.too_deep": {"vi": "{where}: giá trị lồng nhau quá sâu", "en": "{where}: values nested too deeply"},
    "config.lexicon_unreadable": {"vi": "{where}: lexicon {path}: {detail}", "en": "{where}: lexicon {path}: {detail}"},
    "config.nothing_selected": {
        "vi": "{where}: select, extend-select và ignore không để lại quy tắc nào: không kiểm tra được gì "
              "(để bỏ qua các tệp, dùng exclude)",
        "en": "{where}: select, extend-select and ignore leave no rule on: nothing would be checked "
              "(to skip files, use exclude)"},
    "config.no_file": {"vi": "{where}: không có tệp cấu hình này", "en": "{where}: no such configuration file"},
}

# The command line's words by their English text, as gettext keys them: argparse's own (usage, section titles,
# usage errors), then draftlint's help. English is the text itself.
_ARGPARSE = {
    "vi": {
        "usage: ": "cách dùng: ",
        "positional arguments": "đối số",
        "options": "tùy chọn",
        "show this help message and exit": "in trợ giúp này rồi thoát",
        "the following arguments are required: %s": "thiếu đối số bắt buộc: %s",
        "unrecognized arguments: %s": "đối số không nhận ra: %s",
        "invalid choice: %(value)r (choose from %(choices)s)":
            "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
        "argument %(argument_name)s: %(message)s": "đối số %(argument_name)s: %(message)s",
        "expected one argument": "cần một giá trị",
        "expected at least one argument": "cần ít nhất một giá trị",
        "expected at most one argument": "cần nhiều nhất một giá trị",
        "expected %s argument": "cần %s giá trị",
        "expected %s arguments": "cần %s giá trị",
        "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
        "ambiguous option: %(option)s could match %(matches)s": "tùy chọn mơ hồ: %(option)s có thể là %(matches)s",
        "ignored explicit argument %r": "tùy chọn này không nhận giá trị %r",
        "not allowed with argument %s": "không dùng được cùng với %s",
        "one of the arguments %s is required": "cần một trong các đối số %s",
        "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
        # draftlint's own help and usage texts, by their English text in cli.py
        "Lint Vietnamese administrative drafts.":
            "Kiểm tra dự thảo văn bản hành chính tiếng Việt (kế hoạch, công văn…).",
        "show the version number and exit": "in số phiên bản rồi thoát",
        "lint files and folders (.txt, .md, .docx); '-' reads standard input":
            "kiểm tra tệp và thư mục (.txt, .md, .docx); '-' đọc đầu vào chuẩn",
        "files or folders (default: the current folder, without what .gitignore leaves out)":
            "tệp hoặc thư mục (mặc định: thư mục hiện tại, trừ những gì .gitignore loại ra)",
        "text for people, json for tools, github for Actions annotations, sarif for code scanning, html for a "
        "reviewer (the drafts with their findings marked)":
            "text cho người đọc, json cho công cụ, github cho chú thích GitHub Actions, sarif cho công cụ quét mã, "
            "html cho người duyệt (dự thảo có đánh dấu từng vấn đề)",
        "write the report to FILE instead of standard output": "ghi báo cáo vào FILE thay vì đầu ra chuẩn",
        "lint on N processes (default: the number of cores; 1 for none)":
            "kiểm tra trên N tiến trình (mặc định: số lõi; 1 để không chạy song song)",
        "print how many findings each rule made, not each one": "in số vấn đề của mỗi quy tắc thay vì từng vấn đề",
        "comma-separated codes, prefixes or rule names to check (replaces the configuration's list; may be repeated)":
            "các mã, tiền tố hoặc tên quy tắc cần kiểm tra, cách nhau bằng dấu phẩy (thay cho danh sách trong cấu "
            "hình; có thể lặp lại)",
        "codes, prefixes or rule names to check on top of the selection":
            "các mã, tiền tố hoặc tên quy tắc kiểm tra thêm ngoài những quy tắc đã chọn",
        "comma-separated codes, prefixes or rule names to skip":
            "các mã, tiền tố hoặc tên quy tắc bỏ qua, cách nhau bằng dấu phẩy",
        "skip excluded files even when they are named (the pre-commit hook gives this)":
            "bỏ qua tệp bị loại trừ kể cả khi được nêu tên (hook pre-commit dùng tùy chọn này)",
        "lowest severity that makes the exit code 1 (default: error)":
            "mức thấp nhất làm mã thoát là 1 (mặc định: error)",
        "exit code 0 even with findings (still 2 on a usage, configuration or input error)":
            "mã thoát 0 kể cả khi có vấn đề (vẫn là 2 khi dùng sai lệnh, cấu hình sai hoặc có tệp không đọc được)",
        "print the findings only: no summary, progress bar or notices":
            "chỉ in các vấn đề: không in dòng tổng kết, thanh tiến độ hay thông báo",
        "no colour (as the NO_COLOR environment variable)": "không tô màu (như biến môi trường NO_COLOR)",
        "neither read nor write the cache folder (as DRAFTLINT_NO_CACHE=1): every file is linted afresh":
            "không đọc, không ghi thư mục bộ nhớ đệm (như DRAFTLINT_NO_CACHE=1): kiểm tra lại mọi tệp từ đầu",
        "print the configuration file and the settings that apply to each path; lint nothing":
            "in tệp cấu hình và các thiết lập áp dụng cho từng đường dẫn, không kiểm tra",
        "language of messages (default: vi)": "ngôn ngữ của thông báo (mặc định: vi)",
        "use this configuration file instead of searching for one": "dùng tệp cấu hình này thay vì tìm",
        "name to report (and to find configuration) for standard input":
            "tên để báo (và để tìm cấu hình) cho đầu vào chuẩn",
        "apply the safe fixes to the files (rewritten atomically)":
            "áp dụng các cách sửa an toàn vào tệp (ghi nguyên tử)",
        "with --fix or --diff: also the unsafe fixes": "cùng --fix hoặc --diff: áp dụng cả cách sửa không an toàn",
        "print a unified diff of what --fix would change; exit 1 if there is any":
            "in bản diff những gì --fix sẽ sửa, không sửa gì; mã thoát 1 nếu có",
        "record the current findings in FILE (then --baseline FILE reports only new ones)":
            "ghi các vấn đề hiện có vào FILE (sau đó --baseline FILE chỉ báo vấn đề mới)",
        "report only the findings not recorded in FILE": "chỉ báo các vấn đề chưa ghi trong FILE",
        "write a copy of each .docx draft with a Word comment per finding: OUT is the copy (OUT.docx, for one "
        "draft) or an existing folder that receives the copies":
            "ghi bản sao của từng dự thảo .docx kèm một nhận xét Word cho mỗi vấn đề: OUT là bản sao (OUT.docx, khi "
            "có một dự thảo) hoặc một thư mục có sẵn để chứa các bản sao",
        "show how drafts were read: each line's kind, then the section tree":
            "cho thấy dự thảo được đọc thế nào: loại của từng dòng, rồi cây đề mục",
        "the drafts to show ('-' reads standard input)": "các dự thảo cần xem ('-' đọc đầu vào chuẩn)",
        "text for people, json for tools (each line's kind and the nested tree)":
            "text cho người đọc, json cho công cụ (loại của từng dòng và cây đề mục lồng nhau)",
        "list every rule": "liệt kê mọi quy tắc",
        "explain one rule": "giải thích một quy tắc",
        "a rule's code, e.g. NUM001": "mã quy tắc, ví dụ NUM001",
        "learn a lexicon from an archive of past drafts (.txt, .md, .docx)":
            "học từ vựng của cơ quan từ kho dự thảo cũ (.txt, .md, .docx)",
        "files or folders of the archive": "tệp hoặc thư mục của kho dự thảo",
        "where to write the lexicon (default: draftlint-lexicon.json)":
            "nơi ghi từ vựng (mặc định: draftlint-lexicon.json)",
        "expected a number of processes, 1 or more, not %r": "cần số tiến trình từ 1 trở lên, không phải %r",
    },
}


def t(key: str, lang: str, **args) -> str:
    text = _TEXTS[key][lang]
    return text.format(**args) if args else text


def where(location, lang: str) -> str | None:
    """A Word location (``model.Location``) in words: "đoạn 12", "table 2, row 3, cell 1"; None for none."""
    if location is None:
        return None
    if location.paragraph is not None:
        return t("location.paragraph", lang, paragraph=location.paragraph)
    return t("location.row" if location.cell is None else "location.cell", lang, table=location.table,
             row=location.row, cell=location.cell)


def template(key: str, lang: str):
    """A text as written, its ``{placeholders}`` left for the caller (``t`` fills them)."""
    return _TEXTS[key][lang]


def argparse_words(lang: str) -> dict[str, str]:
    """argparse's message ids with their translation into ``lang`` (empty for English)."""
    return _ARGPARSE.get(lang, {})


_OS_ERRORS = {  # errno name → what the operating system's message says, in Vietnamese
    "ENOENT": "không có tệp hoặc thư mục này",
    "EACCES": "không có quyền truy cập",
    "EPERM": "không được phép",
    "EISDIR": "đây là một thư mục",
    "ENOTDIR": "không phải thư mục",
    "EROFS": "hệ thống tệp chỉ cho đọc",
    "ENOSPC": "hết chỗ trên đĩa",
    "EEXIST": "tệp đã có",
    "ENAMETOOLONG": "tên tệp quá dài",
}


def os_error(exc: OSError) -> dict[str, str]:
    """An operating-system error's message in both languages (the system's own words are English)."""
    import errno

    english = exc.strerror or str(exc)
    name = errno.errorcode.get(exc.errno or 0, "")
    return {"vi": _OS_ERRORS.get(name, english), "en": english}

