// output_buffer — the writers' fast append path into a caller-owned std::string.
//
// std::string::push_back and small appends are not inlined by libstdc++ and check capacity on
// every call; a writer emits thousands of one- to twenty-byte pieces per document. This
// buffer takes a window of the string once, writes through a raw pointer, grows
// geometrically, and gives the string its exact size back in finish() (or, after an error,
// the size it had before: never a half-written document).
#pragma once

#include <sstk/core/detail/attributes.hpp>

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace sstk {

class output_buffer {
public:
    // Takes a small first window (resize zero-fills what it adds, so never the whole capacity a
    // caller may have reserved); later growth doubles.
    explicit output_buffer(std::string& s) : s_(s), start_(s.size()) {
        s_.resize(start_ + first_window);
        data_ = s_.data();
        pos_ = start_;
        cap_ = s_.size();
    }
    output_buffer(const output_buffer&) = delete;
    output_buffer& operator=(const output_buffer&) = delete;

    // Bytes written so far (not counting what the string held before).
    std::size_t size() const noexcept { return pos_ - start_; }

    SSTK_ALWAYS_INLINE void put(char c) {
        if (pos_ == cap_) grow(1);
        data_[pos_++] = c;
    }
    SSTK_ALWAYS_INLINE void append(const char* data, std::size_t n) {
        if (cap_ - pos_ < n) grow(n);
        std::memcpy(data_ + pos_, data, n);
        pos_ += n;
    }
    SSTK_ALWAYS_INLINE void append(std::string_view v) { append(v.data(), v.size()); }

    // A short piece whose storage has at least `padded_size` readable bytes (precomputed keys):
    // copied as one fixed-size block, which compiles to a few stores instead of a memcpy call.
    static constexpr std::size_t padded_size = 32;
    SSTK_ALWAYS_INLINE void append_padded(std::string_view v) {
        if (v.size() <= padded_size && cap_ - pos_ >= padded_size) {
            std::memcpy(data_ + pos_, v.data(), padded_size);
            pos_ += v.size();
        } else {
            append(v.data(), v.size());
        }
    }
    output_buffer& operator+=(char c) {
        put(c);
        return *this;
    }
    output_buffer& operator+=(std::string_view v) {
        append(v.data(), v.size());
        return *this;
    }

    // Room for n more bytes, written through the returned pointer and then committed.
    SSTK_ALWAYS_INLINE char* reserve(std::size_t n) {
        if (cap_ - pos_ < n) grow(n);
        return data_ + pos_;
    }
    void commit(std::size_t n) noexcept { pos_ += n; }

    // What was written since `mark` (an earlier size()), valid until the next write; and
    // dropping it: writers that format a value in place and then decide how to wrap it.
    std::string_view since(std::size_t mark) const noexcept { return {data_ + start_ + mark, pos_ - start_ - mark}; }
    void truncate(std::size_t mark) noexcept { pos_ = start_ + mark; }

    void finish() { s_.resize(pos_); }
    void discard() { s_.resize(start_); }

private:
    static constexpr std::size_t min_room = 256;
    static constexpr std::size_t first_window = 512;

    SSTK_NOINLINE void grow(std::size_t n) {
        std::size_t cap = cap_ * 2;
        if (cap < pos_ + n + min_room) cap = pos_ + n + min_room;
        s_.resize(cap);
        data_ = s_.data();
        cap_ = cap;
    }

    std::string& s_;
    std::size_t start_;
    char* data_ = nullptr;
    std::size_t pos_ = 0;
    std::size_t cap_ = 0;
};

}  // namespace sstk
