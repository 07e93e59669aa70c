// A service's base URL: `http[s]://host[:port][/base/path]`, as JsonServiceClient's BaseUri.
// Request targets (`/api/account/bob`) are appended to the base path.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/member_lookup.hpp>

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace sstk::client {

struct base_url {
    bool tls = false;        // https
    std::string host;        // without the brackets of an IPv6 literal
    std::uint16_t port = 0;  // 80 / 443 when the URL names none
    std::string base_path;   // "" or "/base" (no trailing '/')

    // "http://host:port/base" (the port only when it is not the scheme's default).
    std::string to_string() const {
        std::string s = tls ? "https://" : "http://";
        s += host.find(':') != std::string::npos ? "[" + host + "]" : host;
        if (port != (tls ? 443 : 80)) s += ":" + std::to_string(port);
        return s + base_path;
    }
    // The Host header value.
    std::string host_header() const {
        std::string s = host.find(':') != std::string::npos ? "[" + host + "]" : host;
        if (port != (tls ? 443 : 80)) s += ":" + std::to_string(port);
        return s;
    }
};

// Throws sstk::error (invalid_value) for anything but an absolute http/https URL.
inline base_url parse_base_url(std::string_view text) {
    const auto fail = [&](std::string_view why) {
        return error(errc::invalid_value, "invalid base URL '" + std::string(text) + "': " + std::string(why));
    };
    base_url u;
    std::string_view rest = text;
    const std::size_t colon = rest.find("://");
    if (colon == std::string_view::npos) throw fail("expected http:// or https://");
    const std::string_view scheme = rest.substr(0, colon);
    if (sstk::detail::iequals(scheme, "https")) u.tls = true;
    else if (!sstk::detail::iequals(scheme, "http")) throw fail("the scheme must be http or https");
    rest.remove_prefix(colon + 3);
    const std::size_t slash = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, slash);
    std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    if (authority.find('@') != std::string_view::npos) throw fail("credentials in the URL are not supported (use the client's options)");
    std::string_view port;
    if (!authority.empty() && authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) throw fail("unterminated IPv6 literal");
        u.host = std::string(authority.substr(1, close - 1));
        authority.remove_prefix(close + 1);
        if (!authority.empty()) {
            if (authority.front() != ':') throw fail("unexpected text after the IPv6 literal");
            port = authority.substr(1);
        }
    } else {
        const std::size_t c = authority.find(':');
        u.host = std::string(authority.substr(0, c));
        if (c != std::string_view::npos) port = authority.substr(c + 1);
    }
    if (u.host.empty()) throw fail("no host");
    u.port = u.tls ? 443 : 80;
    if (!port.empty()) {
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535) throw fail("invalid port");
        u.port = static_cast<std::uint16_t>(value);
    }
    if (path.find_first_of("?#") != std::string_view::npos) throw fail("a base URL has no query or fragment");
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);
    u.base_path = std::string(path);
    return u;
}

}  // namespace sstk::client
