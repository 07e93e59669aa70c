// What a service client is configured with: format, timeouts, retries, keep-alive, auth,
// default headers, TLS. Shared by the synchronous client (client.hpp) and the asynchronous one
// (async_client.hpp).
#pragma once

#include <sstk/http/format.hpp>
#include <sstk/http/message.hpp>
#include <sstk/http/request.hpp>
#include <sstk/http/response.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace sstk::client {

// Every member has an initializer, so designated initializers ({.format = ..., .tls = {...}})
// stay free of -Wmissing-field-initializers.
struct tls_options {
    bool verify_peer = true;        // verify the certificate chain and the host name
    bool use_system_store = true;   // trust the system's CAs (/etc/ssl/certs)
    std::string ca_pem{};           // extra CA certificates to trust, PEM text (e.g. a test CA)
    std::string ca_file{};          // extra CA certificates to trust, a PEM file
    std::string server_name{};      // the name to verify and send as SNI; empty: the URL's host
};

// How an API key is sent (ServiceStack's API key auth provider takes the key as a bearer token
// or as the Basic auth user name; other services name a header).
enum class api_key_style : unsigned char { bearer, basic, header };

struct client_options {
    http::format format = http::format::json;   // body format and the format asked for
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds request_timeout{30'000};  // sending the request and reading the response
    int max_retries = 2;                                // extra attempts, idempotent verbs only
    std::chrono::milliseconds retry_backoff{25};        // before the first retry; doubled each time
    bool keep_alive = true;
    std::size_t max_response_size = std::size_t(64) << 20;
    std::string user_agent = "sstk";
    http::header_list headers{};                        // sent with every request
    std::optional<std::string> bearer_token{};          // Authorization: Bearer ...
    std::optional<std::string> api_key{};
    api_key_style api_key_as = api_key_style::bearer;
    std::string api_key_header = "X-Api-Key";           // for api_key_style::header
    tls_options tls{};
    http::request_options request{};                    // body writer options; verb/endpoint/accept are set per call
    http::response_options response{};                  // body reader options; `expected` is set per call
};

}  // namespace sstk::client
