"""The command line's own words, in Vietnamese and English (rule messages live with their rules)."""

from __future__ import annotations

_TEXTS = {
    "summary.none": {
        "vi": "Không có lỗi nào trong {files} tệp.",
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
        "vi": "Độ chính xác đo trên văn bản thật ({date}): {true}/{judged} phát hiện đúng ({pct} %); quy tắc bật "
              "mặc định khi đạt 90 %, mức error khi đạt 95 %",
        "en": "Precision measured on real documents ({date}): {true} of {judged} findings right ({pct}%); a rule is "
              "on by default at 90%, an error at 95%",
    },
    "explain.unmeasured": {
        "vi": "Chưa có phát hiện nào trên bộ văn bản thật để đo độ chính xác; đánh giá qua các ca kiểm thử",
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
    "explain.fix_yes": {"vi": "có thể sửa tự động", "en": "can fix automatically"},
    "explain.fix_no": {"vi": "không sửa tự động", "en": "no automatic fix"},
    "explain.off": {"vi": " · tắt mặc định", "en": " · off by default"},
    "explain.options": {"vi": "Tùy chọn", "en": "Options"},
    "baseline.written": {
        "vi": "Đã ghi {count} phát hiện vào đường cơ sở {path}", "en": "Recorded {count} finding(s) in the baseline {path}",
    },
    "fix.done": {"vi": "Đã sửa {count} lỗi trong {files} tệp", "en": "Fixed {count} problem(s) in {files} file(s)"},
    "fix.docx_declined": {
        "vi": "draftlint: {where}: không sửa tự động được {code} trong tệp Word (chỗ cần sửa nằm trong bảng, trong số "
              "thứ tự tự động hoặc qua dấu tab); hãy sửa tay",
        "en": "draftlint: {where}: cannot fix {code} in the Word file (the change falls in a table, in automatic "
              "numbering or across a tab); fix it by hand",
    },
    "report.written": {"vi": "Đã ghi báo cáo vào {path}", "en": "Report written to {path}"},
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
    "html.at": {"vi": "dòng {line}, cột {column}", "en": "line {line}, column {column}"},
    "html.sev.error": {"vi": "lỗi", "en": "error"},
    "html.sev.warning": {"vi": "cảnh báo", "en": "warning"},
    "html.sev.info": {"vi": "gợi ý", "en": "info"},
    "error.output_format": {
        "vi": "--format html ghi ra một tệp: thêm -o BÁO-CÁO.html", "en": "--format html writes a file: add -o REPORT.html",
    },
    "progress.linting": {"vi": "Đang kiểm tra", "en": "Linting"},
    "explain.example_options": {"vi": "Hai ví dụ chạy với", "en": "Both examples run with"},
}


def t(key: str, lang: str, **args) -> str:
    text = _TEXTS[key][lang]
    return text.format(**args) if args else text


def words(key: str, lang: str):
    return _TEXTS[key][lang]
