// A typed ServiceStack service client over Boost.Beast: the C++ counterpart of JsonServiceClient,
// XmlServiceClient, JsvServiceClient and CsvServiceClient.
//
//   sstk::client::client c("https://api.example.com", {.format = sstk::http::format::json});
//   auto resp = c.send(GetResetPasswordToken{.UserName = "bob"});   // GetResetPasswordTokenResponse
//   auto r    = c.try_post(PasswordReset{...});                       // client_result<PasswordResetResponse>
//
// The request is what sstk::http::request_for builds for the DTO (route from its contract, query
// string for GET/DELETE, body otherwise) behind the base URL's path; the response is read with
// sstk::http::read_response (the IReturn<T> type, or a status check for IReturnVoid).
// Synchronous: each call runs a private io_context until the exchange is over. One connection is
// kept alive and reused; a connection the server closed while idle is noticed before it is
// reused. Transport faults of idempotent verbs (GET, PUT, DELETE, HEAD, OPTIONS) are retried;
// POST and PATCH are sent once. Not thread-safe: use one client per thread.
// Link OpenSSL::SSL and Threads::Threads (CMake target sstk::net in this project).
#pragma once

#include <sstk/client/error.hpp>
#include <sstk/client/url.hpp>
#include <sstk/core/contract.hpp>
#include <sstk/core/result.hpp>
#include <sstk/http/format.hpp>
#include <sstk/http/message.hpp>
#include <sstk/http/request.hpp>
#include <sstk/http/response.hpp>
#include <sstk/servicestack/error_response.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <poll.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

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

namespace detail {

inline std::string base64(std::string_view in) {
    static constexpr char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 | (unsigned char)in[i + 2];
        out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += table[v >> 6 & 63], out += table[v & 63];
    }
    if (i + 1 == in.size()) {
        const unsigned v = (unsigned char)in[i] << 16;
        out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += "==";
    } else if (i + 2 == in.size()) {
        const unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8;
        out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += table[v >> 6 & 63], out += '=';
    }
    return out;
}

constexpr bool is_idempotent(std::string_view verb) noexcept {
    using sstk::detail::iequals;
    return iequals(verb, "GET") || iequals(verb, "PUT") || iequals(verb, "DELETE") || iequals(verb, "HEAD") ||
           iequals(verb, "OPTIONS");
}

// Faults after which another attempt can succeed.
constexpr bool is_retryable(fault f) noexcept {
    return f == fault::connect || f == fault::closed || f == fault::timeout || f == fault::resolve;
}

}  // namespace detail

class client {
public:
    explicit client(std::string_view base_url, client_options options = {})
        : url_(parse_base_url(base_url)), options_(std::move(options)) {}

    client(const client&) = delete;
    client& operator=(const client&) = delete;
    ~client() { close(); }

    const client_options& options() const noexcept { return options_; }
    // Changes apply to the next request (TLS settings to the next connection).
    client_options& options() noexcept { return options_; }
    const sstk::client::base_url& url() const noexcept { return url_; }

    void set_bearer_token(std::string token) { options_.bearer_token = std::move(token); }
    void set_api_key(std::string key, api_key_style style = api_key_style::bearer) {
        options_.api_key = std::move(key);
        options_.api_key_as = style;
    }
    void add_header(std::string name, std::string value) { options_.headers.push_back({std::move(name), std::move(value)}); }

    // ---- typed calls: the response of the DTO's IReturn<T> (nothing for IReturnVoid) ----------
    // send: the verb the DTO implies (else POST), as JsonServiceClient.Send.
    template <class Request>
    auto send(const Request& dto) { return try_send(dto).value(); }
    template <class Request>
    auto get(const Request& dto) { return try_get(dto).value(); }
    template <class Request>
    auto post(const Request& dto) { return try_post(dto).value(); }
    template <class Request>
    auto put(const Request& dto) { return try_put(dto).value(); }
    template <class Request>
    auto patch(const Request& dto) { return try_patch(dto).value(); }
    template <class Request>
    auto del(const Request& dto) { return try_del(dto).value(); }

    template <class Request>
    auto try_send(const Request& dto) { return call(dto, std::nullopt, http::endpoint::send); }
    template <class Request>
    auto try_get(const Request& dto) { return call(dto, http_verb::get, http::endpoint::route); }
    template <class Request>
    auto try_post(const Request& dto) { return call(dto, http_verb::post, http::endpoint::route); }
    template <class Request>
    auto try_put(const Request& dto) { return call(dto, http_verb::put, http::endpoint::route); }
    template <class Request>
    auto try_patch(const Request& dto) { return call(dto, http_verb::patch, http::endpoint::route); }
    template <class Request>
    auto try_del(const Request& dto) { return call(dto, http_verb::delete_, http::endpoint::route); }

    // ---- raw exchanges: any status is a response; only transport faults are errors ------------
    // `r.target` is relative to the base URL's path. Idempotent verbs are retried.
    http::response exchange(const http::request& r) {
        auto res = try_exchange(r);
        if (!res) res.error().raise();
        return std::move(*res);
    }
    client_result<http::response> try_exchange(const http::request& r) {
        const int attempts = detail::is_idempotent(r.verb) ? 1 + std::max(0, options_.max_retries) : 1;
        auto backoff = options_.retry_backoff;
        for (int attempt = 1;; ++attempt) {
            auto res = attempt_once(r);
            if (res || attempt >= attempts || !detail::is_retryable(res.error().kind)) {
                if (res || attempt == 1) return res;
                client_error e = res.error();  // error() is a copy
                e.message += " (after " + std::to_string(attempt) + " attempts)";
                return client_result<http::response>(boost::system::in_place_error, std::move(e));
            }
            std::this_thread::sleep_for(backoff);
            backoff *= 2;
        }
    }

    // Whether a connection is open (kept alive from the last exchange).
    bool connected() const noexcept { return plain_.has_value() || secure_.has_value(); }
    // Closes the kept-alive connection, if any; the next request opens a new one.
    void close() noexcept {
        boost::system::error_code ec;
        if (secure_) {
            secure_->next_layer().socket().close(ec);
            secure_.reset();
        }
        if (plain_) {
            plain_->socket().close(ec);
            plain_.reset();
        }
    }
    // How many connections this client has opened (keep-alive shows as reuse).
    std::size_t connections_opened() const noexcept { return connections_opened_; }

private:
    using tcp = boost::asio::ip::tcp;
    using plain_stream = boost::beast::tcp_stream;
    using secure_stream = boost::beast::ssl_stream<boost::beast::tcp_stream>;
    using clock = std::chrono::steady_clock;

    template <class Request>
    auto call(const Request& dto, std::optional<http_verb> verb, http::endpoint ep) {
        static_assert(has_response_type<Request> || returns_void<Request>,
                      "this request DTO declares no IReturn<T> / IReturnVoid: use exchange() and http::read_response<T>");
        using Response = std::conditional_t<returns_void<Request>, void, response_type_t<Request>>;
        using out = client_result<Response>;
        http::request_options ro = options_.request;
        ro.verb = verb;
        ro.endpoint = ep;
        const http::format f = options_.format;
        ro.accept = http::is_response_format(f) ? f : http::format::json;
        auto req = http::try_request_for(dto, f, ro);
        if (!req) {
            client_error e;
            e.kind = fault::usage;
            e.message = "cannot make the request for " + std::string(contract_of<Request>().name) + ": " + req.error().what();
            e.cause = req.error();
            return out(boost::system::in_place_error, std::move(e));
        }
        auto resp = try_exchange(*req);
        if (!resp) return out(boost::system::in_place_error, std::move(resp.error()));
        http::response_options rdo = options_.response;
        rdo.expected = *ro.accept;
        const auto describe = [&](const http::web_service_error& w) {
            return req->verb + " " + url_.to_string() + req->target + ": " + w.describe();
        };
        if constexpr (std::is_void_v<Response>) {
            if (resp->status >= 200 && resp->status <= 299) return out();
            auto r = http::try_read_response<ErrorResponse>(*resp, rdo);
            client_error e;
            e.kind = fault::http;
            e.web = std::move(r.error());  // a status outside 2xx is always an error
            e.message = describe(*e.web);
            return out(boost::system::in_place_error, std::move(e));
        } else {
            auto r = http::try_read_response<Response>(*resp, rdo);
            if (r) return out(std::move(*r));
            client_error e;
            e.kind = r.error().is_http_error() ? fault::http : fault::body;
            e.web = std::move(r.error());
            e.message = describe(*e.web);
            return out(boost::system::in_place_error, std::move(e));
        }
    }

    client_error make_error(fault kind, const http::request& r, std::string what, boost::system::error_code ec = {}) const {
        client_error e;
        e.kind = kind;
        e.code = ec;
        e.message = r.verb + " " + url_.to_string() + r.target + ": " + std::move(what);
        if (ec) e.message += " (" + ec.message() + ")";
        return e;
    }

    static std::string ms(std::chrono::milliseconds d) { return std::to_string(d.count()) + " ms"; }

    // Runs the io_context until the started operation completes.
    void run() {
        ioc_.restart();
        ioc_.run();
    }

    boost::beast::tcp_stream& lowest() { return secure_ ? secure_->next_layer() : *plain_; }

    // A kept-alive connection is stale when the server closed it (or sent something unasked)
    // while it was idle: the socket is readable before we wrote anything.
    bool stale() {
        pollfd p{};
        p.fd = lowest().socket().native_handle();
        p.events = POLLIN;
        return ::poll(&p, 1, 0) != 0;
    }

    std::optional<client_error> connect(const http::request& r) {
        boost::system::error_code ec;
        tcp::resolver::results_type endpoints;
        {
            tcp::resolver resolver(ioc_);
            boost::asio::steady_timer timer(ioc_, options_.connect_timeout);
            bool timed_out = false;
            resolver.async_resolve(url_.host, std::to_string(url_.port),
                                   [&](boost::system::error_code e, tcp::resolver::results_type res) {
                                       ec = e;
                                       endpoints = std::move(res);
                                       timer.cancel();
                                   });
            timer.async_wait([&](boost::system::error_code e) {
                if (!e) {
                    timed_out = true;
                    resolver.cancel();
                }
            });
            run();
            if (timed_out) return make_error(fault::resolve, r, "resolving " + url_.host + " timed out after " + ms(options_.connect_timeout));
            if (ec) return make_error(fault::resolve, r, "cannot resolve " + url_.host, ec);
        }
        boost::beast::tcp_stream stream(ioc_);
        stream.expires_after(options_.connect_timeout);
        stream.async_connect(endpoints, [&](boost::system::error_code e, const tcp::endpoint&) { ec = e; });
        run();
        if (ec == boost::beast::error::timeout)
            return make_error(fault::connect, r, "connecting timed out after " + ms(options_.connect_timeout), ec);
        if (ec) return make_error(fault::connect, r, "cannot connect to " + url_.host_header(), ec);
        stream.socket().set_option(tcp::no_delay(true), ec);
        ++connections_opened_;
        if (!url_.tls) {
            plain_.emplace(std::move(stream));
            return std::nullopt;
        }
        if (auto e = make_tls_context(r)) return e;
        secure_.emplace(std::move(stream), *tls_);
        const std::string& name = options_.tls.server_name.empty() ? url_.host : options_.tls.server_name;
        boost::system::error_code addr_ec;
        boost::asio::ip::make_address(name, addr_ec);
        // SNI takes a host name only, never an IP address (RFC 6066 §3).
        if (addr_ec && !SSL_set_tlsext_host_name(secure_->native_handle(), name.c_str())) {
            close();
            return make_error(fault::tls, r, "cannot set the TLS server name '" + name + "'");
        }
        if (options_.tls.verify_peer) secure_->set_verify_callback(boost::asio::ssl::host_name_verification(name));
        secure_->next_layer().expires_after(options_.connect_timeout);
        secure_->async_handshake(boost::asio::ssl::stream_base::client, [&](boost::system::error_code e) { ec = e; });
        run();
        if (ec) {
            // Say why a certificate was refused ("certificate has expired", "self-signed certificate").
            std::string what = "TLS handshake with " + name + " failed";
            const long verify = SSL_get_verify_result(secure_->native_handle());
            if (verify != X509_V_OK) what += ": certificate verification failed: " + std::string(X509_verify_cert_error_string(verify));
            close();
            if (ec == boost::beast::error::timeout)
                return make_error(fault::timeout, r, "the TLS handshake timed out after " + ms(options_.connect_timeout), ec);
            return make_error(fault::tls, r, what, ec);
        }
        return std::nullopt;
    }

    std::optional<client_error> make_tls_context(const http::request& r) {
        if (tls_) return std::nullopt;
        auto ctx = std::make_unique<boost::asio::ssl::context>(boost::asio::ssl::context::tls_client);
        boost::system::error_code ec;
        ctx->set_options(boost::asio::ssl::context::default_workarounds | boost::asio::ssl::context::no_sslv2 |
                             boost::asio::ssl::context::no_sslv3 | boost::asio::ssl::context::no_tlsv1 |
                             boost::asio::ssl::context::no_tlsv1_1,
                         ec);
        if (options_.tls.use_system_store) ctx->set_default_verify_paths(ec);
        if (!options_.tls.ca_pem.empty()) {
            ctx->add_certificate_authority(boost::asio::buffer(options_.tls.ca_pem), ec);
            if (ec) return make_error(fault::tls, r, "the CA certificate (tls_options::ca_pem) is not valid PEM", ec);
        }
        if (!options_.tls.ca_file.empty()) {
            ctx->load_verify_file(options_.tls.ca_file, ec);
            if (ec) return make_error(fault::tls, r, "cannot load the CA file '" + options_.tls.ca_file + "'", ec);
        }
        ctx->set_verify_mode(options_.tls.verify_peer ? boost::asio::ssl::verify_peer : boost::asio::ssl::verify_none);
        tls_ = std::move(ctx);
        return std::nullopt;
    }

    boost::beast::http::request<boost::beast::http::string_body> to_beast(const http::request& r) const {
        namespace bh = boost::beast::http;
        bh::request<bh::string_body> req;
        req.method_string(r.verb);
        req.target(url_.base_path + r.target);
        req.version(11);
        req.set(bh::field::host, url_.host_header());
        if (!options_.user_agent.empty()) req.set(bh::field::user_agent, options_.user_agent);
        if (options_.bearer_token) req.set(bh::field::authorization, "Bearer " + *options_.bearer_token);
        if (options_.api_key) {
            switch (options_.api_key_as) {
            case api_key_style::bearer:
                if (!options_.bearer_token) req.set(bh::field::authorization, "Bearer " + *options_.api_key);
                break;
            case api_key_style::basic: req.set(bh::field::authorization, "Basic " + detail::base64(*options_.api_key + ":")); break;
            case api_key_style::header: req.set(options_.api_key_header, *options_.api_key); break;
            }
        }
        for (const http::header& h : options_.headers) req.set(h.name, h.value);
        for (const http::header& h : r.headers) req.set(h.name, h.value);
        req.keep_alive(options_.keep_alive);
        req.body() = r.body;
        if (!r.body.empty() || http::has_request_body(r.verb)) req.prepare_payload();
        return req;
    }

    client_result<http::response> attempt_once(const http::request& r) {
        namespace bh = boost::beast::http;
        using out = client_result<http::response>;
        if (connected() && stale()) close();
        if (!connected())
            if (auto e = connect(r)) return out(boost::system::in_place_error, std::move(*e));

        boost::system::error_code ec;
        auto req = to_beast(r);
        lowest().expires_after(options_.request_timeout);
        const auto write = [&](auto& stream) { bh::async_write(stream, req, [&](boost::system::error_code e, std::size_t) { ec = e; }); };
        if (secure_) write(*secure_);
        else write(*plain_);
        run();
        if (ec) {
            close();
            if (ec == boost::beast::error::timeout)
                return out(boost::system::in_place_error, make_error(fault::timeout, r, "timed out after " + ms(options_.request_timeout) + " sending the request", ec));
            return out(boost::system::in_place_error, make_error(fault::closed, r, "the connection failed while sending the request", ec));
        }

        bh::response_parser<bh::string_body> parser;
        parser.body_limit(options_.max_response_size);
        parser.header_limit(64 * 1024);
        buffer_.clear();
        const auto read = [&](auto& stream) { bh::async_read(stream, buffer_, parser, [&](boost::system::error_code e, std::size_t) { ec = e; }); };
        if (secure_) read(*secure_);
        else read(*plain_);
        run();
        if (ec) {
            const bool got_header = parser.is_header_done();
            close();
            const std::string stage = got_header ? " mid-response (after the headers)" : " before responding";
            if (ec == boost::beast::error::timeout)
                return out(boost::system::in_place_error,
                           make_error(fault::timeout, r, "timed out after " + ms(options_.request_timeout) + " waiting for the response" + (got_header ? " body" : ""), ec));
            if (ec == bh::error::body_limit || ec == bh::error::header_limit || ec == bh::error::buffer_overflow)
                return out(boost::system::in_place_error,
                           make_error(fault::too_large, r, "the response is larger than max_response_size (" + std::to_string(options_.max_response_size) + " bytes)", ec));
            if (ec == bh::error::end_of_stream || ec == bh::error::partial_message || ec == boost::asio::error::eof ||
                ec == boost::asio::error::connection_reset || ec == boost::asio::error::broken_pipe ||
                ec == boost::asio::ssl::error::stream_truncated)
                return out(boost::system::in_place_error, make_error(fault::closed, r, "the server closed the connection" + stage, ec));
            if (ec.category() == bh::make_error_code(bh::error::bad_version).category())
                return out(boost::system::in_place_error, make_error(fault::protocol, r, "the response is not valid HTTP/1.1", ec));
            if (ec.category() == boost::asio::error::get_ssl_category())
                return out(boost::system::in_place_error, make_error(fault::tls, r, "TLS failure reading the response", ec));
            return out(boost::system::in_place_error, make_error(fault::closed, r, "the connection failed" + stage, ec));
        }

        auto& msg = parser.get();
        http::response resp;
        resp.status = static_cast<int>(msg.result_int());
        resp.status_description = std::string(msg.reason());
        for (const auto& field : msg) resp.headers.push_back({std::string(field.name_string()), std::string(field.value())});
        resp.body = std::move(msg.body());
        if (!options_.keep_alive || !msg.keep_alive()) close();
        return out(std::move(resp));
    }

    sstk::client::base_url url_;
    client_options options_;
    boost::asio::io_context ioc_{1};
    std::unique_ptr<boost::asio::ssl::context> tls_;
    std::optional<plain_stream> plain_;
    std::optional<secure_stream> secure_;
    boost::beast::flat_buffer buffer_;
    std::size_t connections_opened_ = 0;
};

}  // namespace sstk::client
