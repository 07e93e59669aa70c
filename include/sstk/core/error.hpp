// sstk::error — the one error type every sstk codec and value type reports.
//
// It is both an exception (thrown by the throwing API) and a plain value (held by
// sstk::result<T> in the non-throwing API), so a caller handles failures the same way
// whichever shape it picked.
#pragma once

#include <cstddef>
#include <exception>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace sstk {

enum class errc {
    syntax = 1,       // malformed document: unexpected character, truncated input
    invalid_value,    // well-formed token that is not a valid value of the target type
    out_of_range,     // a number, date or duration outside the target type's range
    type_mismatch,    // e.g. an array where an object was expected
    missing_member,   // a required member is absent
    unknown_member,   // a member the DTO does not have (when unknown members are errors)
    duplicate_member,
    limit_exceeded,   // depth, size, length or count limit
    unsupported,      // input that is valid elsewhere but not supported here (e.g. DTDs)
    io,
};

constexpr std::string_view to_string(errc k) noexcept {
    switch (k) {
    case errc::syntax: return "syntax error";
    case errc::invalid_value: return "invalid value";
    case errc::out_of_range: return "out of range";
    case errc::type_mismatch: return "type mismatch";
    case errc::missing_member: return "missing member";
    case errc::unknown_member: return "unknown member";
    case errc::duplicate_member: return "duplicate member";
    case errc::limit_exceeded: return "limit exceeded";
    case errc::unsupported: return "unsupported";
    case errc::io: return "i/o error";
    }
    return "error";
}

class error : public std::exception {
public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    error() = default;
    error(errc kind, std::string message, std::size_t offset = npos)
        : kind_(kind), message_(std::move(message)), offset_(offset) {}

    errc kind() const noexcept { return kind_; }
    const std::string& message() const noexcept { return message_; }
    // Member path from the document root, e.g. `ResponseStatus.Errors[2].Meta["k"]`; empty at the root.
    const std::string& path() const noexcept { return path_; }
    // Byte offset into the input, or npos when the error is not tied to a position.
    std::size_t offset() const noexcept { return offset_; }
    // 1-based line and column (column counts bytes); 0 when unknown.
    std::size_t line() const noexcept { return line_; }
    std::size_t column() const noexcept { return column_; }

    error& at_offset(std::size_t off) noexcept { offset_ = off; what_.clear(); return *this; }

    // Replaces the message, keeping kind, path and position (readers use it to withhold the
    // text of a secret value, see debug/secrets.hpp).
    error& reword(std::string message) {
        message_ = std::move(message);
        what_.clear();
        return *this;
    }

    // Readers build the path while unwinding, innermost segment first, so the success path pays nothing.
    error& prepend_member(std::string_view name) {
        if (!path_.empty() && path_.front() != '[') path_.insert(path_.begin(), '.');
        path_.insert(0, name);
        what_.clear();
        return *this;
    }
    error& prepend_index(std::size_t index) {
        if (!path_.empty() && path_.front() != '[') path_.insert(path_.begin(), '.');
        path_.insert(0, "[" + std::to_string(index) + "]");
        what_.clear();
        return *this;
    }
    error& prepend_key(std::string_view key) {
        if (!path_.empty() && path_.front() != '[') path_.insert(path_.begin(), '.');
        std::string seg = "[\"";
        for (char c : key) {
            if (c == '"' || c == '\\') seg += '\\';
            seg += c;
        }
        seg += "\"]";
        path_.insert(0, seg);
        what_.clear();
        return *this;
    }

    // Fills line and column from the offset, given the document the offset points into.
    error& locate(std::string_view input) noexcept {
        if (offset_ == npos) return *this;
        std::size_t line = 1, col = 1;
        const std::size_t end = offset_ < input.size() ? offset_ : input.size();
        for (std::size_t i = 0; i < end; ++i) {
            if (input[i] == '\n') { ++line; col = 1; }
            else ++col;
        }
        line_ = line;
        column_ = col;
        what_.clear();
        return *this;
    }
    error& at_line_column(std::size_t line, std::size_t column) noexcept {
        line_ = line; column_ = column; what_.clear();
        return *this;
    }

    // "invalid value at ResponseStatus.Errors[2].ErrorCode (line 3, column 14, byte 57): <message>"
    std::string describe() const {
        std::string s(to_string(kind_));
        if (!path_.empty()) { s += " at "; s += path_; }
        if (line_ != 0 || offset_ != npos) {
            s += " (";
            if (line_ != 0) {
                s += "line " + std::to_string(line_) + ", column " + std::to_string(column_);
                if (offset_ != npos) s += ", ";
            }
            if (offset_ != npos) s += "byte " + std::to_string(offset_);
            s += ")";
        }
        if (!message_.empty()) { s += ": "; s += message_; }
        return s;
    }

    const char* what() const noexcept override {
        if (what_.empty()) {
            try { what_ = describe(); } catch (...) { return message_.c_str(); }
        }
        return what_.c_str();
    }

    friend std::ostream& operator<<(std::ostream& os, const error& e) { return os << e.what(); }

    friend bool operator==(const error& a, const error& b) noexcept {
        return a.kind_ == b.kind_ && a.message_ == b.message_ && a.path_ == b.path_ &&
               a.offset_ == b.offset_ && a.line_ == b.line_ && a.column_ == b.column_;
    }

private:
    errc kind_ = errc::syntax;
    std::string message_;
    std::string path_;
    std::size_t offset_ = npos;
    std::size_t line_ = 0;
    std::size_t column_ = 0;
    mutable std::string what_;
};

}  // namespace sstk
