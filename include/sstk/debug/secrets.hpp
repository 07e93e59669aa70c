// Which member and dictionary-key names mark secrets that must never reach a log.
#pragma once

#include <sstk/core/error.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sstk {

// Case-insensitive substrings; a name containing any of them is secret. ServiceStack DTOs name
// their secrets Password, ConfirmPassword, NewPassword, PasswordResetCode, Token, ApiKey,
// Secret, ... ; '_' and '-' are ignored when matching, so api_key and api-key match "apikey".
class secret_names {
public:
    secret_names() : patterns_(defaults()) {}
    secret_names(std::initializer_list<std::string> patterns) : patterns_(patterns) { normalize_all(); }
    explicit secret_names(std::vector<std::string> patterns) : patterns_(std::move(patterns)) { normalize_all(); }

    static std::vector<std::string> defaults() {
        // Short words such as "pin" are left out: they occur inside ordinary names (Shipping).
        return {"password", "passwd",     "pwd",        "passphrase",    "secret", "token",     "apikey",
                "accesskey", "privatekey", "credential", "authorization", "cookie", "sessionid", "resetcode"};
    }

    secret_names& add(std::string pattern) {
        patterns_.push_back(normalize(pattern));
        return *this;
    }

    bool matches(std::string_view name) const {
        const std::string n = normalize(name);
        for (const std::string& p : patterns_)
            if (!p.empty() && n.find(p) != std::string::npos) return true;
        return false;
    }

    const std::vector<std::string>& patterns() const noexcept { return patterns_; }

private:
    static std::string normalize(std::string_view s) {
        std::string out;
        out.reserve(s.size());
        for (char c : s) {
            if (c == '_' || c == '-') continue;
            out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        }
        return out;
    }
    void normalize_all() {
        for (std::string& p : patterns_) p = normalize(p);
    }

    std::vector<std::string> patterns_;
};

// True when `name` (a member's wire or C++ name, or a dictionary key) marks a secret by the
// default patterns. The readers use it to keep secret values out of error messages.
inline bool is_secret_name(std::string_view name) {
    static const secret_names defaults;
    return defaults.matches(name);
}

// Withholds the message of an error raised while reading the value of a secret member or
// dictionary entry: parsers quote the text they could not read ("'hunter2' is not ..."), and
// that text is the secret. Kind, member path and position stay; the messages of limit errors
// (which name a limit, never the input) stay too.
inline error& withhold_secret_value(error& e) {
    if (e.kind() != errc::limit_exceeded) e.reword("the value of a secret member is not shown");
    return e;
}

// withhold_secret_value(e) when `name` (or the member's C++ name) is secret; returns e.
inline error& mask_if_secret(error& e, std::string_view name, std::string_view cpp_name = {}) {
    if (is_secret_name(name) || (!cpp_name.empty() && is_secret_name(cpp_name))) withhold_secret_value(e);
    return e;
}

}  // namespace sstk
