// sstk::dictionary<K, V> — .NET Dictionary<K, V> semantics that matter on the wire: entries
// enumerate in insertion order (what DataContractSerializer and ServiceStack.Text write when
// nothing was removed), keys are unique, and a read-then-write round trip keeps the bytes.
// std::map would sort the keys and change the document.
//
// Lookups are linear while small and hashed once the dictionary grows, so a hostile document
// with many keys cannot make reading quadratic.
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sstk {

template <class K, class V, class Hash = std::hash<K>, class KeyEqual = std::equal_to<K>>
class dictionary {
public:
    using key_type = K;
    using mapped_type = V;
    using value_type = std::pair<K, V>;
    using size_type = std::size_t;
    using iterator = typename std::vector<value_type>::iterator;
    using const_iterator = typename std::vector<value_type>::const_iterator;

    dictionary() = default;
    dictionary(std::initializer_list<value_type> init) {
        for (const auto& kv : init) insert_or_assign(kv.first, kv.second);
    }
    dictionary(const dictionary& other) : entries_(other.entries_) { rebuild_index(); }
    dictionary(dictionary&&) noexcept = default;
    dictionary& operator=(const dictionary& other) {
        if (this != &other) {
            entries_ = other.entries_;
            rebuild_index();
        }
        return *this;
    }
    dictionary& operator=(dictionary&&) noexcept = default;

    iterator begin() noexcept { return entries_.begin(); }
    iterator end() noexcept { return entries_.end(); }
    const_iterator begin() const noexcept { return entries_.begin(); }
    const_iterator end() const noexcept { return entries_.end(); }
    size_type size() const noexcept { return entries_.size(); }
    bool empty() const noexcept { return entries_.empty(); }
    void clear() noexcept {
        entries_.clear();
        index_.reset();
    }
    void reserve(size_type n) { entries_.reserve(n); }

    iterator find(const K& key) { return begin() + static_cast<std::ptrdiff_t>(position(key)); }
    const_iterator find(const K& key) const { return begin() + static_cast<std::ptrdiff_t>(position(key)); }
    bool contains(const K& key) const { return position(key) != entries_.size(); }

    V& at(const K& key) {
        const auto p = position(key);
        if (p == entries_.size()) throw std::out_of_range("sstk::dictionary::at: key not found");
        return entries_[p].second;
    }
    const V& at(const K& key) const {
        const auto p = position(key);
        if (p == entries_.size()) throw std::out_of_range("sstk::dictionary::at: key not found");
        return entries_[p].second;
    }

    V& operator[](const K& key) { return try_emplace(key).first->second; }

    // Appends when the key is new; otherwise leaves the entry where it is.
    template <class... Args>
    std::pair<iterator, bool> try_emplace(const K& key, Args&&... args) {
        const auto p = position(key);
        if (p != entries_.size()) return {begin() + static_cast<std::ptrdiff_t>(p), false};
        entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(key), std::forward_as_tuple(std::forward<Args>(args)...));
        note_appended();
        return {std::prev(end()), true};
    }

    // std::map-like emplace: appends when the key is new, else leaves the existing entry.
    template <class KArg, class... Args>
    std::pair<iterator, bool> emplace(KArg&& key, Args&&... args) {
        return try_emplace(K(std::forward<KArg>(key)), std::forward<Args>(args)...);
    }

    // std::map-like insert (for generic code, e.g. std::inserter): an existing key is kept.
    std::pair<iterator, bool> insert(value_type kv) { return try_emplace(kv.first, std::move(kv.second)); }
    iterator insert(const_iterator /*hint*/, value_type kv) { return insert(std::move(kv)).first; }

    template <class M>
    std::pair<iterator, bool> insert_or_assign(const K& key, M&& value) {
        auto [it, inserted] = try_emplace(key);
        it->second = std::forward<M>(value);
        return {it, inserted};
    }

    // Adds a new entry; false (and nothing changed) when the key exists. Readers use it to
    // detect duplicate keys.
    bool insert_new(K key, V value) {
        if (contains(key)) return false;
        entries_.emplace_back(std::move(key), std::move(value));
        note_appended();
        return true;
    }

    size_type erase(const K& key) {
        const auto p = position(key);
        if (p == entries_.size()) return 0;
        entries_.erase(begin() + static_cast<std::ptrdiff_t>(p));
        rebuild_index();
        return 1;
    }

    friend bool operator==(const dictionary& a, const dictionary& b) { return a.entries_ == b.entries_; }

private:
    static constexpr size_type index_threshold = 16;

    size_type position(const K& key) const {
        if (index_) {
            const auto it = index_->find(key);
            return it == index_->end() ? entries_.size() : it->second;
        }
        KeyEqual eq;
        for (size_type i = 0; i < entries_.size(); ++i)
            if (eq(entries_[i].first, key)) return i;
        return entries_.size();
    }

    void note_appended() {
        if (index_) index_->emplace(entries_.back().first, entries_.size() - 1);
        else if (entries_.size() > index_threshold) rebuild_index();
    }

    void rebuild_index() {
        if (entries_.size() <= index_threshold) {
            index_.reset();
            return;
        }
        index_ = std::make_unique<std::unordered_map<K, size_type, Hash, KeyEqual>>();
        index_->reserve(entries_.size());
        for (size_type i = 0; i < entries_.size(); ++i) index_->emplace(entries_[i].first, i);
    }

    std::vector<value_type> entries_;
    std::unique_ptr<std::unordered_map<K, size_type, Hash, KeyEqual>> index_;
};

}  // namespace sstk
