// An incremental CSV record splitter: bytes go in chunk by chunk, complete records come out, and
// only the record being read is held. Rules of ServiceStack's CsvReader (research §3.4):
// records end at LF or CRLF outside quotes; a quoted cell may hold separators, CR and LF, with
// the delimiter doubled; an unquoted cell is taken literally (a stray " or unmatched [ included);
// a UTF-8 BOM at the start is skipped; empty lines are skipped (ServiceStack drops trailing ones).
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/limits.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sstk::csv::detail {

struct cell {
    std::string text;
    bool quoted = false;
    std::size_t offset = 0;  // byte offset of the cell's first byte (its opening delimiter if quoted)
    std::size_t line = 1;    // 1-based position of that byte
    std::size_t column = 1;
};

class row_parser {
public:
    row_parser(char separator, char delimiter) : sep_(separator), delim_(delimiter) {}

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
        for (const char c : chunk) {
            if (bom_ < 3) {
                static constexpr char bom[] = "\xEF\xBB\xBF";
                if (offset_ == bom_ && c == bom[bom_]) {
                    ++bom_;
                    ++offset_;
                    if (bom_ == 3) column_ = 1;
                    continue;
                }
                replay_bom_prefix(on_record);  // EF or EF BB not followed by the rest: data
            }
            step(c, on_record);
        }
    }

    // Ends the input: the last record may lack its row separator; an open quote is an error.
    template <class F>
    void finish(F&& on_record) {
        if (bom_ < 3) replay_bom_prefix(on_record);  // the input was EF or EF BB and nothing else
        if (state_ == state::quoted) {
            const cell& c = cells_[count_];
            throw error(errc::syntax, "unterminated quoted cell", c.offset).at_line_column(c.line, c.column);
        }
        if (pending_cr_) {
            pending_cr_ = false;
            // A lone CR at the very end belongs to the cell being read. After a separator or at
            // the start of a line no cell has begun (cells_[count_] may not exist): nothing to add.
            if (state_ != state::field_start) append('\r');
        }
        end_record(on_record);
    }

    std::size_t offset() const noexcept { return offset_; }

private:
    enum class state : unsigned char { field_start, unquoted, quoted, after_quote };

    // The bytes taken as the start of a BOM (EF, EF BB) were not one after all: they are data,
    // e.g. the first bytes of U+F000..U+FFFF, as .NET's StreamReader treats them.
    template <class F>
    void replay_bom_prefix(F& on_record) {
        static constexpr char bom[] = "\xEF\xBB\xBF";
        const unsigned n = bom_;
        bom_ = 3;
        offset_ -= n;
        for (unsigned i = 0; i < n; ++i) step(bom[i], on_record);
    }

    [[noreturn]] void fail(std::size_t at, const char* what) const {
        throw error(errc::syntax, what, at).at_line_column(line_, column_);
    }

    cell& current() {
        if (count_ >= max_cells_) throw limit_error("row", "max_members", max_cells_, offset_).at_line_column(line_, column_);
        if (cells_.size() <= count_) cells_.emplace_back();
        return cells_[count_];
    }

    void begin_cell(bool quoted) {
        cell& c = current();
        c.text.clear();
        c.quoted = quoted;
        c.offset = offset_;
        c.line = line_;
        c.column = column_;
    }

    void append(char c) {
        cell& cur = cells_[count_];
        if (cur.text.size() >= max_cell_)
            throw limit_error("cell", "max_string_length", max_cell_, cur.offset).at_line_column(cur.line, cur.column);
        cur.text += c;
    }

    template <class F>
    void end_record(F& on_record) {
        const bool empty_line = count_ == 0 && (state_ == state::field_start ||
                                                (state_ == state::unquoted && cells_[0].text.empty()));
        if (!empty_line) {
            if (state_ == state::field_start) begin_cell(false);  // "a," ends with an empty cell
            ++count_;
            on_record(static_cast<const std::vector<cell>&>(cells_), count_);
        }
        count_ = 0;
        state_ = state::field_start;
    }

    void end_cell() {
        if (state_ == state::field_start) begin_cell(false);
        ++count_;
        state_ = state::field_start;
    }

    template <class F>
    void step(char c, F& on_record) {
        if (pending_cr_) {
            pending_cr_ = false;
            if (c == '\n') {
                newline(on_record);
                return;
            }
            if (state_ == state::field_start) {
                begin_cell(false);
                state_ = state::unquoted;
            }
            append('\r');  // a lone CR is data
        }
        switch (state_) {
        case state::quoted:
            if (c == delim_) state_ = state::after_quote;
            else append(c);
            break;
        case state::after_quote:
            if (c == delim_) {
                append(c);
                state_ = state::quoted;
            } else if (c == sep_) {
                end_cell();
            } else if (c == '\n') {
                newline(on_record);
                return;
            } else if (c == '\r') {
                pending_cr_ = true;
            } else {
                fail(offset_, "unexpected character after a closing quote");
            }
            break;
        case state::field_start:
            if (c == delim_) {
                begin_cell(true);
                state_ = state::quoted;
            } else if (c == '\n') {
                newline(on_record);
                return;
            } else if (c == '\r') {
                pending_cr_ = true;
            } else if (c == sep_) {
                end_cell();
            } else {
                begin_cell(false);
                state_ = state::unquoted;
                append(c);
            }
            break;
        case state::unquoted:
            if (c == sep_) end_cell();
            else if (c == '\n') {
                newline(on_record);
                return;
            } else if (c == '\r') pending_cr_ = true;
            else append(c);
            break;
        }
        advance(c);
    }

    template <class F>
    void newline(F& on_record) {
        end_record(on_record);
        advance('\n');
    }

    void advance(char c) noexcept {
        ++offset_;
        if (c == '\n') {
            ++line_;
            column_ = 1;
        } else {
            ++column_;
        }
    }

    char sep_;
    char delim_;
    std::size_t max_cell_ = static_cast<std::size_t>(-1);
    std::size_t max_cells_ = static_cast<std::size_t>(-1);
    state state_ = state::field_start;
    bool pending_cr_ = false;
    unsigned bom_ = 0;
    std::vector<cell> cells_;
    std::size_t count_ = 0;
    std::size_t offset_ = 0;
    std::size_t line_ = 1;
    std::size_t column_ = 1;
};

}  // namespace sstk::csv::detail
