// What a service call can fail with, kept apart so a caller can tell them apart:
//  - fault::http: the server answered with a status outside 2xx; `web` carries the status, the
//    decoded ResponseStatus (field errors included) and the raw body (http::web_service_error);
//  - fault::body: a 2xx response whose body is not the response DTO (`web->body_error` says why);
//  - transport faults (resolve, connect, tls, timeout, closed, protocol, too_large): no usable
//    response arrived; `code` is the Asio/Beast/OpenSSL error;
//  - fault::usage: the call could not be made (a bad URL, a DTO no route fits).
// The throwing API raises web_service_exception (http), sstk::error (body, usage) or
// transport_exception (everything else).
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/http/response.hpp>

#include <boost/assert/source_location.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace sstk::client {

enum class fault : unsigned char {
    http,       // a status outside 2xx
    body,       // a 2xx body that could not be read as the response DTO
    resolve,    // the host name did not resolve
    connect,    // no connection could be made (refused, unreachable, timed out connecting)
    tls,        // the TLS handshake or the certificate verification failed
    timeout,    // the request or its response took longer than request_timeout
    closed,     // the connection closed before a complete response arrived
    protocol,   // what arrived is not an HTTP/1.1 response
    too_large,  // the response is larger than max_response_size
    usage,      // the request could not be made (URL, options, a DTO no route fits)
};

constexpr std::string_view to_string(fault f) noexcept {
    switch (f) {
    case fault::http: return "http";
    case fault::body: return "body";
    case fault::resolve: return "resolve";
    case fault::connect: return "connect";
    case fault::tls: return "tls";
    case fault::timeout: return "timeout";
    case fault::closed: return "closed";
    case fault::protocol: return "protocol";
    case fault::too_large: return "too_large";
    case fault::usage: return "usage";
    }
    return "";
}

// No response to interpret arrived (or none was asked for).
constexpr bool is_transport(fault f) noexcept { return f != fault::http && f != fault::body && f != fault::usage; }

struct client_error {
    fault kind = fault::usage;
    std::string message;                         // "GET http://127.0.0.1:8080/x: timed out after 200 ms reading the response"
    boost::system::error_code code;              // the transport error, if any
    std::optional<http::web_service_error> web;  // fault::http and fault::body
    std::optional<sstk::error> cause;            // fault::usage: the sstk::error behind it

    int status_code() const noexcept { return web ? web->status_code : 0; }
    bool is_transport() const noexcept { return client::is_transport(kind); }
    const char* what() const noexcept { return message.c_str(); }

    // Throws what the throwing API throws for this error.
    [[noreturn]] void raise() const;
};

class transport_exception : public std::runtime_error {
public:
    explicit transport_exception(client_error e) : std::runtime_error(e.message), error_(std::move(e)) {}
    fault kind() const noexcept { return error_.kind; }
    const boost::system::error_code& code() const noexcept { return error_.code; }
    const client_error& error() const noexcept { return error_; }

private:
    client_error error_;
};

inline void client_error::raise() const {
    if (kind == fault::http && web) throw http::web_service_exception(*web);
    if (kind == fault::body && web && web->body_error) throw *web->body_error;
    if (kind == fault::usage && cause) throw *cause;
    throw transport_exception(*this);
}

template <class T>
using client_result = boost::system::result<T, client_error>;

// Found by ADL from client_result<T>::value().
[[noreturn]] inline void throw_exception_from_error(const client_error& e, const boost::source_location&) { e.raise(); }

}  // namespace sstk::client
