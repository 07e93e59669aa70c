// One route template (`[Route("/api/account/{UserName}/passwordresettoken")]`): parsed once,
// expanded into a path from a DTO as the C# client does, and matched against a request path as
// a ServiceStack server does.
//
// Grammar (ServiceStack.Client/UrlExtensions.cs RestRoute, ServiceStack/Host/RestPath.cs):
//  - the template starts with '/'; segments are split on '/', empty ones ignored;
//  - a segment holding a variable and a '.' is split on '.' too (`/{Name}.{Ext}`);
//  - a part holding '{' or '}' must be exactly `{Name}`; `{Name*}` and `{*Name}` are wildcards,
//    which take the rest of the path or, when a literal follows, everything up to that literal;
//  - anything else is a literal, matched case-insensitively.
// Malformed templates are sstk::errors (syntax) with the offset of the bad part: `{Id`,
// `{Id}-x`, `{}`, a wildcard followed by a variable, a variable named twice, '?' or '&'.
//
// Expanding (UrlExtensions RestRoute.Apply, research §5.2 step 5): a variable names a member
// case-insensitively (its [DataMember] name if it has one); a string is used as-is, any other
// value as JSV with the list brackets removed, then Uri.EscapeDataString (so '/' in a wildcard
// becomes %2F). A null non-wildcard variable fails the route; a null wildcard is empty.
// The C# client trims every leading '[' and trailing ']'; sstk removes one pair, as its query
// writer does (sstk/query/write.hpp), so nested lists keep their shape.
//
// Matching (RestPath.IsMatch / CreateRequest): every path segment is percent-decoded after the
// path is split on '/', so `%2F` inside a wildcard value comes back as '/'.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/member_lookup.hpp>
#include <sstk/core/result.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/jsv/write.hpp>
#include <sstk/query/encoding.hpp>
#include <sstk/query/write.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace sstk::http {

// A literal or a variable of a template, after '/' (and, where it applies, '.') splitting.
struct route_part {
    std::string text;        // the literal, or the variable's name without braces and '*'
    bool variable = false;
    bool wildcard = false;
    std::size_t begin = 0;   // the part's span in the template (for a variable, its `{...}`)
    std::size_t end = 0;
};

// A value a matched path gives a variable, percent-decoded; nullopt for a wildcard that
// matched nothing.
struct route_capture {
    std::string name;
    std::optional<std::string> value;
};

struct route_match {
    std::vector<route_capture> captures;
    std::size_t wildcard_match_count = 0;  // path parts taken by wildcards (RestPath.MatchScore)
};

class route_template {
public:
    static route_template parse(std::string_view path) {
        route_template t;
        t.path_.assign(path);
        t.build();
        return t;
    }
    static result<route_template> try_parse(std::string_view path) {
        return capture([&] { return parse(path); });
    }

    const std::string& path() const noexcept { return path_; }
    const std::vector<route_part>& parts() const noexcept { return parts_; }
    std::size_t variable_count() const noexcept { return variable_count_; }
    bool has_wildcard() const noexcept { return wildcard_count_ > 0; }
    // The '/'-separated segments (RestPath.PathComponentsCount).
    std::size_t segment_count() const noexcept { return segment_split_.size(); }

    std::vector<std::string_view> variables() const {
        std::vector<std::string_view> v;
        for (const route_part& p : parts_)
            if (p.variable) v.push_back(p.text);
        return v;
    }
    bool has_variable(std::string_view name) const noexcept {
        for (const route_part& p : parts_)
            if (p.variable && sstk::detail::iequals(p.text, name)) return true;
        return false;
    }

    // The path of `dto` through this template, or why it does not apply (in the C# client's
    // words). Never throws for a described DTO.
    template <class T>
    std::optional<std::string> expand_into(const T& dto, std::string& out) const;

    // Throws sstk::error (missing_member) when a variable names no member or is null.
    template <class T>
    std::string expand(const T& dto) const {
        std::string out;
        if (auto why = expand_into(dto, out)) throw error(errc::missing_member, "route '" + path_ + "': " + *why);
        return out;
    }

    // Matches a request path (no query, format suffix already removed); nullopt when it does not.
    std::optional<route_match> match(std::string_view request_path) const;

private:
    route_template() = default;

    [[noreturn]] void fail(std::size_t at, const std::string& why) const {
        throw error(errc::syntax, "route '" + path_ + "': " + why, at);
    }

    void build() {
        if (path_.empty() || path_.front() != '/') fail(0, "a route must start with '/'");
        if (const std::size_t bad = path_.find_first_of("?&"); bad != std::string::npos)
            fail(bad, "a route has no query string ('?' or '&')");
        std::size_t i = 0;
        while (i < path_.size()) {
            while (i < path_.size() && path_[i] == '/') ++i;
            if (i == path_.size()) break;
            std::size_t e = path_.find('/', i);
            if (e == std::string::npos) e = path_.size();
            segment(i, e);
            i = e;
        }
        for (std::size_t k = 0; k + 1 < parts_.size(); ++k)
            if (parts_[k].wildcard && parts_[k + 1].variable)
                fail(parts_[k].begin, "a wildcard path component must be at the end of the path or followed by a literal path component");
    }

    void segment(std::size_t b, std::size_t e) {
        const std::string_view seg = std::string_view(path_).substr(b, e - b);
        const bool has_brace = seg.find_first_of("{}") != std::string_view::npos;
        const bool split = has_brace && seg.find('.') != std::string_view::npos;
        segment_split_.push_back(split);
        std::size_t pb = b;
        while (true) {
            std::size_t pe = split ? path_.find('.', pb) : e;
            if (pe == std::string::npos || pe > e) pe = e;
            part(pb, pe);
            if (pe == e) break;
            pb = pe + 1;
        }
    }

    void part(std::size_t b, std::size_t e) {
        const std::string_view p = std::string_view(path_).substr(b, e - b);
        route_part r;
        r.begin = b;
        r.end = e;
        if (p.empty()) fail(b, "empty path component");
        if (p.find_first_of("{}") == std::string_view::npos) {
            r.text.assign(p);
            parts_.push_back(std::move(r));
            return;
        }
        std::string_view name = p.size() >= 2 ? p.substr(1, p.size() - 2) : std::string_view();
        if (p.size() < 2 || p.front() != '{' || p.back() != '}' || name.find_first_of("{}") != std::string_view::npos)
            fail(b, "component '" + std::string(p) + "' can not be parsed (a variable is a whole '{Name}' component)");
        r.variable = true;
        if (!name.empty() && (name.front() == '*' || name.back() == '*')) {
            r.wildcard = true;
            name = name.front() == '*' ? name.substr(1) : name.substr(0, name.size() - 1);
            ++wildcard_count_;
        }
        if (name.empty() || name.find('*') != std::string_view::npos) fail(b, "component '" + std::string(p) + "' has no variable name");
        if (has_variable(name)) fail(b, "variable '" + std::string(name) + "' appears twice");
        r.text.assign(name);
        ++variable_count_;
        parts_.push_back(std::move(r));
    }

    std::string path_;
    std::vector<route_part> parts_;
    std::vector<bool> segment_split_;  // per '/'-segment: split on '.' too
    std::size_t variable_count_ = 0;
    std::size_t wildcard_count_ = 0;
};

namespace detail {

// The C# client's RestRoute.FormatVariable, before escaping: nullopt for null.
template <class V>
std::optional<std::string> route_value_text(const V& v) {
    if constexpr (is_optional_v<V>) {
        if (!v) return std::nullopt;
        return route_value_text(*v);
    } else if constexpr (string_like<V>) {
        return std::string(std::string_view(v));
    } else {
        std::string text = jsv::write(v);
        if constexpr (sequence_like<V>) return std::string(query::detail::trim_list_brackets(text));
        return text;
    }
}

inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = sstk::detail::to_lower_ascii(c);
    return out;
}

}  // namespace detail

template <class T>
std::optional<std::string> route_template::expand_into(const T& dto, std::string& out) const {
    static_assert(described_class<T>, "routes expand DTOs (described structs)");
    const std::size_t start = out.size();
    std::size_t pos = 0;
    std::string unmatched;
    for (const route_part& p : parts_) {
        if (!p.variable) continue;
        const std::size_t m = member_lookup<T>::find(p.text);
        if (m == member_lookup<T>::size) {
            out.resize(start);
            return "Variable '" + p.text + (p.wildcard ? "*" : "") + "' does not match any property.";
        }
        const std::optional<std::string> text =
            visit_member<T>(m, [&](auto info) { return detail::route_value_text(decltype(info)::get(dto)); });
        out.append(path_, pos, p.begin - pos);
        pos = p.end;
        if (!text && !p.wildcard) {
            if (!unmatched.empty()) unmatched += ',';
            unmatched += p.text;
            continue;
        }
        if (text) query::escape_data_string(out, *text);
    }
    out.append(path_, pos, std::string::npos);
    if (!unmatched.empty()) {
        out.resize(start);
        return "Could not match following variables: " + unmatched;
    }
    return std::nullopt;
}

inline std::optional<route_match> route_template::match(std::string_view request_path) const {
    // Path parts, decoded; a malformed escape is kept as written, as ASP.NET leaves it.
    std::vector<std::string> parts, lower;
    for (std::size_t i = 0; i < request_path.size();) {
        while (i < request_path.size() && request_path[i] == '/') ++i;
        if (i == request_path.size()) break;
        std::size_t e = request_path.find('/', i);
        if (e == std::string_view::npos) e = request_path.size();
        std::string decoded;
        try {
            query::percent_decode(decoded, request_path.substr(i, e - i), false);
        } catch (const error&) {
            decoded.assign(request_path.substr(i, e - i));
        }
        parts.push_back(std::move(decoded));
        i = e;
    }
    const bool wild = has_wildcard();
    if (parts.size() != segment_count() && !wild) return std::nullopt;
    if (segment_count() != parts_.size()) {  // explode '.'-split segments (RestPath.ExplodeComponents)
        std::vector<std::string> exploded;
        for (std::size_t k = 0; k < parts.size(); ++k) {
            if (k < segment_split_.size() && segment_split_[k]) {
                std::size_t b = 0, n = 0;
                const std::string& s = parts[k];
                while (true) {
                    std::size_t d = s.find('.', b);
                    exploded.push_back(s.substr(b, d == std::string::npos ? std::string::npos : d - b));
                    ++n;
                    if (d == std::string::npos) break;
                    b = d + 1;
                }
                if (n < 2) return std::nullopt;
            } else {
                exploded.push_back(std::move(parts[k]));
            }
        }
        parts = std::move(exploded);
    }
    if (!wild && parts.size() != parts_.size()) return std::nullopt;
    for (const std::string& p : parts) lower.push_back(detail::ascii_lower(p));

    route_match m;
    const std::size_t n = parts.size(), total = parts_.size();
    std::size_t at = 0;
    const auto join = [&](std::size_t b, std::size_t e) -> std::optional<std::string> {
        if (b >= e) return std::nullopt;
        std::string v = parts[b];
        for (std::size_t k = b + 1; k < e; ++k) v += '/' + parts[k];
        return v;
    };
    for (std::size_t k = 0; k < total; ++k) {
        const route_part& p = parts_[k];
        if (p.wildcard) {
            const std::size_t from = at;
            if (k + 1 < total) {
                const std::string stop = detail::ascii_lower(parts_[k + 1].text);
                while (at < n && lower[at] != stop) ++at;
                if (n - at < total - k - 1) return std::nullopt;
            } else {
                at = n;
            }
            m.wildcard_match_count += at - from;
            m.captures.push_back({p.text, join(from, at)});
        } else if (p.variable) {
            if (at >= n) return std::nullopt;
            m.captures.push_back({p.text, parts[at]});
            ++at;
        } else {
            if (at >= n || lower[at] != detail::ascii_lower(p.text)) return std::nullopt;
            ++at;
        }
    }
    if (at != n) return std::nullopt;
    return m;
}

}  // namespace sstk::http
