// An incremental CSV record splitter: bytes go in chunk by chunk, complete records come out, and
// only the record being read is held. Rules of ServiceStack's CsvReader (research §3.4):
// records end at LF or CRLF outside quotes; a quoted cell may hold separators, CR and LF, with
// the delimiter doubled; an unquoted cell is taken literally (a stray " or unmatched [ included);
// a UTF-8 BOM at the start is skipped; empty lines are skipped (ServiceStack drops trailing ones).
//
// Cells are views: into the caller's text (unquoted cells, and quoted ones without a doubled
// delimiter), or into a scratch buffer for the few quoted cells that need decoding. A chunk is
// scanned where it lies; only a record cut by the chunk's end is copied, to be completed by the
// next chunk (scanning resumes where it stopped, so a long record is not scanned twice).
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/limits.hpp>

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace sstk::csv::detail {

struct cell {
    std::string_view text;   // valid until the record callback returns
    bool quoted = false;
    std::size_t offset = 0;  // byte offset of the cell's first byte (its opening delimiter if quoted)
    std::size_t line = 1;    // 1-based position of that byte
    std::size_t column = 1;
};

class row_parser {
public:
    row_parser(char separator, char delimiter) : sep_(separator), delim_(delimiter) {
        stop_[static_cast<unsigned char>(separator)] = true;
        stop_[static_cast<unsigned char>('\n')] = true;
        stop_[static_cast<unsigned char>('\r')] = true;
        spans_.reserve(16);  // a typical row: one allocation each, not one per doubling
        cells_.reserve(16);
    }

    // Bounds each cell to max_string_length bytes and each record to max_members cells, so one
    // record can never hold more than that (the streaming readers hold one record at a time).
    void limit(const read_limits& l) noexcept {
        max_cell_ = l.max_string_length;
        max_cells_ = l.max_members;
    }

    // Calls on_record(const std::vector<cell>&, std::size_t count) for each complete record;
    // only the first `count` cells are the record's (the vector is reused).
    template <class F>
    void feed(std::string_view chunk, F&& on_record) {
        if (!bom_decided_) {
            if (carry_.size() + chunk.size() < 3 && bom_prefix(carry_, chunk)) {
                carry_.append(chunk);  // EF or EF BB so far: wait for the next byte
                return;
            }
            if (carry_.empty()) {
                decide_bom(chunk);
            } else {
                carry_.append(chunk);
                decide_bom(carry_);
                run(carry_, false, on_record);
                keep_tail_of_carry();
                return;
            }
        } else if (!carry_.empty()) {
            carry_.append(chunk);
            run(carry_, false, on_record);
            keep_tail_of_carry();
            return;
        }
        run(chunk, false, on_record);  // in place; only a cut record is copied
        const std::size_t cut = rec_begin_;
        carry_.assign(chunk.substr(cut));
        rebase(cut);
        check_open_cell();
    }

    // Ends the input: the last record may lack its row separator; an open quote is an error.
    template <class F>
    void finish(F&& on_record) {
        if (!bom_decided_) decide_bom(carry_);  // EF or EF BB and nothing else: data
        run(carry_, true, on_record);
        carry_.clear();
    }

    // A whole document at once: feed(text) and finish() without copying any of it.
    template <class F>
    void parse(std::string_view text, F&& on_record) {
        if (bom_decided_ || !carry_.empty()) {
            feed(text, on_record);
            finish(on_record);
            return;
        }
        decide_bom(text);
        run(text, true, on_record);
    }

    std::size_t offset() const noexcept { return base_ + pos_; }

private:
    enum class state : unsigned char { field_start, unquoted, quoted, after_quote };

    // Where a cell's text is: [begin, end) of the buffer being scanned, or of scratch_.
    struct span {
        std::size_t begin = 0;
        std::size_t end = 0;
        bool in_scratch = false;
        bool quoted = false;
        std::size_t offset = 0;
        std::size_t line = 1;
        std::size_t column = 1;
    };

    static bool bom_prefix(std::string_view a, std::string_view b) noexcept {
        static constexpr char bom[] = "\xEF\xBB\xBF";
        std::size_t k = 0;
        for (const char c : a)
            if (c != bom[k++]) return false;
        for (const char c : b)
            if (c != bom[k++]) return false;
        return true;
    }

    // A UTF-8 BOM is skipped; bytes that only begin like one (EF, EF BB) are data, e.g. the first
    // bytes of U+F000..U+FFFF, as .NET's StreamReader treats them.
    void decide_bom(std::string_view first) noexcept {
        bom_decided_ = true;
        if (first.size() >= 3 && first.substr(0, 3) == "\xEF\xBB\xBF") {
            pos_ = rec_begin_ = 3;
            line_start_ = 3;
        }
    }

    // After scanning carry_: drop the records delivered, keep the one being read.
    void keep_tail_of_carry() {
        const std::size_t cut = rec_begin_;
        carry_.erase(0, cut);
        rebase(cut);
        check_open_cell();
    }

    // A cell still open at the end of a chunk must not grow the carried record past the limits.
    void check_open_cell() const {
        if (spans_.size() > max_cells_) cell_count_error();
        if (state_ == state::field_start) return;
        const std::size_t read = cur_.in_scratch ? scratch_.size() - cur_.begin
                                                 : (carry_.size() > cur_.begin ? carry_.size() - cur_.begin : 0);
        if (read > max_cell_ + 1) cell_length_error(cur_);  // +1: a closing quote not yet seen
    }

    [[noreturn]] void cell_length_error(const span& c) const {
        throw limit_error("cell", "max_string_length", max_cell_, c.offset).at_line_column(c.line, c.column);
    }

    [[noreturn]] void cell_count_error() const {
        throw limit_error("row", "max_members", max_cells_, cur_.offset).at_line_column(cur_.line, cur_.column);
    }

    // The buffer's first `cut` bytes are gone: positions move down.
    void rebase(std::size_t cut) noexcept {
        base_ += cut;
        pos_ -= cut;
        rec_begin_ -= cut;
        for (span& s : spans_)
            if (!s.in_scratch) s.begin -= cut, s.end -= cut;
        if (!cur_.in_scratch) cur_.begin -= cut, cur_.end -= cut;
    }

    std::size_t column_at(std::size_t abs) const noexcept { return abs - line_start_ + 1; }

    void begin_cell(std::size_t i, bool quoted) noexcept {
        const std::size_t abs = base_ + i;
        cur_.begin = cur_.end = quoted ? i + 1 : i;
        cur_.in_scratch = false;
        cur_.quoted = quoted;
        cur_.offset = abs;
        cur_.line = line_;
        cur_.column = column_at(abs);
    }

    void push_cell() {
        if (cur_.in_scratch) cur_.end = scratch_.size();
        if (cur_.end - cur_.begin > max_cell_) cell_length_error(cur_);
        if (spans_.size() >= max_cells_) cell_count_error();
        spans_.push_back(cur_);
    }

    void push_empty_cell(std::size_t i) {
        begin_cell(i, false);
        if (spans_.size() >= max_cells_) cell_count_error();
        spans_.push_back(cur_);
    }

    // The quoted cell being read needs decoding: its text so far moves to scratch_.
    void to_scratch(std::string_view b) {
        if (cur_.in_scratch) return;
        const std::size_t at = scratch_.size();
        scratch_.append(b.substr(cur_.begin, cur_.end - cur_.begin));
        cur_.begin = at;
        cur_.in_scratch = true;
    }

    void newline_after(std::size_t i) noexcept {
        ++line_;
        line_start_ = base_ + i + 1;
    }

    template <class F>
    void deliver(std::string_view b, F& on_record) {
        const std::size_t n = spans_.size();
        if (cells_.size() < n) cells_.resize(n);
        for (std::size_t k = 0; k < n; ++k) {
            const span& s = spans_[k];
            cell& c = cells_[k];
            c.text = s.in_scratch ? std::string_view(scratch_).substr(s.begin, s.end - s.begin) : b.substr(s.begin, s.end - s.begin);
            c.quoted = s.quoted;
            c.offset = s.offset;
            c.line = s.line;
            c.column = s.column;
        }
        on_record(static_cast<const std::vector<cell>&>(cells_), n);
        spans_.clear();
        scratch_.clear();
    }

    // A record ends at b[i] (its LF or CR): the cell being read, or after a separator an empty
    // one ("a," ends with an empty cell). Nothing read on the line: an empty line, skipped.
    template <class F>
    void end_record(std::string_view b, std::size_t i, F& on_record) {
        if (state_ == state::field_start) {
            if (spans_.empty()) return;
            push_empty_cell(i);
        } else {
            push_cell();
        }
        state_ = state::field_start;
        deliver(b, on_record);
    }

    [[noreturn]] void fail_at(std::size_t i, const char* what) const {
        const std::size_t abs = base_ + i;
        throw error(errc::syntax, what, abs).at_line_column(line_, column_at(abs));
    }

    // Scans b from pos_; records completed are delivered. `final`: b ends the input.
    template <class F>
    void run(std::string_view b, bool final, F& on_record) {
        const std::size_t n = b.size();
        std::size_t i = pos_;
        while (i < n) {
            switch (state_) {
            case state::field_start: {
                const char c = b[i];
                if (c == delim_) {
                    begin_cell(i, true);
                    state_ = state::quoted;
                    ++i;
                } else if (c == sep_) {
                    push_empty_cell(i);
                    ++i;
                } else if (c == '\n') {
                    end_record(b, i, on_record);
                    newline_after(i);
                    rec_begin_ = ++i;
                } else if (c == '\r') {
                    if (i + 1 == n) {
                        if (!final) goto out;  // CRLF or a lone CR: the next chunk tells
                        ++i;  // a lone CR at the very end after a separator or a line: nothing to add
                    } else if (b[i + 1] == '\n') {
                        end_record(b, i, on_record);
                        newline_after(i + 1);
                        rec_begin_ = i += 2;
                    } else {
                        begin_cell(i, false);  // a lone CR is data
                        state_ = state::unquoted;
                        ++i;
                    }
                } else {
                    begin_cell(i, false);
                    state_ = state::unquoted;
                    ++i;
                }
                break;
            }
            case state::unquoted: {
                std::size_t j = i;
                while (j < n && !stop_[static_cast<unsigned char>(b[j])]) ++j;
                if (j == n) {
                    i = n;
                    break;
                }
                const char c = b[j];
                if (c == sep_) {
                    cur_.end = j;
                    push_cell();
                    state_ = state::field_start;
                    i = j + 1;
                } else if (c == '\n') {
                    cur_.end = j;
                    end_record(b, j, on_record);
                    newline_after(j);
                    rec_begin_ = i = j + 1;
                } else if (j + 1 == n) {  // CR last in the buffer
                    if (!final) {
                        cur_.end = j;
                        i = j;
                        goto out;
                    }
                    cur_.end = n;  // a lone CR at the very end belongs to the cell
                    i = n;
                } else if (b[j + 1] == '\n') {
                    cur_.end = j;
                    end_record(b, j, on_record);
                    newline_after(j + 1);
                    rec_begin_ = i = j + 2;
                } else {
                    i = j + 1;  // a lone CR is data
                }
                break;
            }
            case state::quoted: {
                const void* q = std::memchr(b.data() + i, delim_, n - i);
                const std::size_t j = q ? static_cast<std::size_t>(static_cast<const char*>(q) - b.data()) : n;
                for (const char* nl = static_cast<const char*>(std::memchr(b.data() + i, '\n', j - i)); nl;
                     nl = static_cast<const char*>(std::memchr(nl + 1, '\n', static_cast<std::size_t>(b.data() + j - nl - 1))))
                    newline_after(static_cast<std::size_t>(nl - b.data()));
                if (cur_.in_scratch) scratch_.append(b.substr(i, j - i));
                else cur_.end = j;
                if (j == n) {
                    i = n;
                    break;
                }
                state_ = state::after_quote;
                i = j + 1;
                break;
            }
            case state::after_quote: {
                const char c = b[i];
                if (c == delim_) {  // doubled: one delimiter of text
                    to_scratch(b);
                    scratch_ += delim_;
                    state_ = state::quoted;
                    ++i;
                } else if (c == sep_) {
                    push_cell();
                    state_ = state::field_start;
                    ++i;
                } else if (c == '\n') {
                    end_record(b, i, on_record);
                    newline_after(i);
                    rec_begin_ = ++i;
                } else if (c == '\r') {
                    if (i + 1 == n) {
                        if (!final) goto out;
                        to_scratch(b);  // a lone CR at the very end belongs to the cell
                        scratch_ += '\r';
                        ++i;
                    } else if (b[i + 1] == '\n') {
                        end_record(b, i, on_record);
                        newline_after(i + 1);
                        rec_begin_ = i += 2;
                    } else {
                        to_scratch(b);  // a lone CR is data (ServiceStack keeps it)
                        scratch_ += '\r';
                        ++i;
                    }
                } else {
                    fail_at(i, "unexpected character after a closing quote");
                }
                break;
            }
            }
        }
    out:
        pos_ = i;
        if (!final) return;
        if (state_ == state::quoted)
            throw error(errc::syntax, "unterminated quoted cell", cur_.offset).at_line_column(cur_.line, cur_.column);
        if (state_ == state::unquoted) cur_.end = n;
        end_record(b, n, on_record);
        rec_begin_ = pos_ = n;
    }

    char sep_;
    char delim_;
    bool stop_[256] = {};  // ends an unquoted cell: the separator, CR, LF
    std::size_t max_cell_ = static_cast<std::size_t>(-1);
    std::size_t max_cells_ = static_cast<std::size_t>(-1);
    state state_ = state::field_start;
    bool bom_decided_ = false;
    std::string carry_;    // the record cut by a chunk's end (and the bytes after it)
    std::string scratch_;  // decoded quoted cells of the current record
    std::vector<span> spans_;
    std::vector<cell> cells_;
    span cur_;
    std::size_t base_ = 0;       // document offset of the buffer's first byte
    std::size_t pos_ = 0;        // where scanning resumes in the buffer
    std::size_t rec_begin_ = 0;  // where the record being read starts in the buffer
    std::size_t line_ = 1;
    std::size_t line_start_ = 0;  // document offset of the current line's first byte
};

}  // namespace sstk::csv::detail
